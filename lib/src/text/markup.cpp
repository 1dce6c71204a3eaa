#include "text/markup.hpp"

#include "text/unicode.hpp"

namespace alinea {

std::string replace_control_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                         (c >= 0x7F && c < 0xA0) || c == 0xFFFE || c == 0xFFFF;
    if (control || c == 0xFFFD) {  // U+FFFD also stands for a byte that is not UTF-8
      append_utf8(out, 0xFFFD);
    } else {
      out.append(text, start, pos - start);
    }
  }
  return out;
}

std::string escape_markup(std::string_view text) {
  const std::string safe = replace_control_characters(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (const char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' ||
               c == '<' || c == '>' || c == '#') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace alinea
