#include "text/markup.hpp"

#include "text/unicode.hpp"

namespace alinea {
namespace {

constexpr std::string_view hex_digits = "0123456789ABCDEF";

bool is_direction_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// "\x1B" for C0 controls and DEL, "\u0085" for C1 controls and direction controls.
void append_escape(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += "\\x";
  } else {
    out += "\\u";
    out += hex_digits[(c >> 12U) & 0xFU];
    out += hex_digits[(c >> 8U) & 0xFU];
  }
  out += hex_digits[(c >> 4U) & 0xFU];
  out += hex_digits[c & 0xFU];
}

// What sanitise_for_display writes for a line break or tab, by policy.
void append_line_break(std::string& out, char32_t c, LineBreaks line_breaks) {
  switch (line_breaks) {
    case LineBreaks::escaped:
      out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
      return;
    case LineBreaks::spaces:
      out += ' ';
      return;
    case LineBreaks::kept:
      out += static_cast<char>(c);
      return;
  }
}

}  // namespace

std::string sanitise_for_display(std::string_view text, LineBreaks line_breaks) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  if (line_breaks == LineBreaks::escaped && text.starts_with("::")) {
    out += "\\x3A";
    pos = 1;
  }
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    if (c == '\n' || c == '\r' || c == '\t') {
      append_line_break(out, c, line_breaks);
    } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || is_direction_control(c)) {
      append_escape(out, c);
    } else if (c == 0xFFFD) {  // also stands for a byte that is not UTF-8
      append_utf8(out, 0xFFFD);
    } else {
      out.append(text, start, pos - start);
    }
  }
  return out;
}

std::string escape_html(std::string_view text) {
  return escape_markup(sanitise_for_display(text, LineBreaks::kept));
}

std::string percent_encode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex_digits[byte >> 4U];
      out += hex_digits[byte & 0xFU];
    }
  }
  return out;
}

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
  const std::string safe = sanitise_for_display(text, LineBreaks::spaces);
  std::string out;
  for (const char c : safe) {
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' ||
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
