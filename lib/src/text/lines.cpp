#include "text/lines.hpp"

namespace alinea {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find_first_of("\r\n");
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    text.remove_prefix(end + (crlf ? 2 : 1));
  }
  return lines;
}

bool is_blank(std::string_view line) noexcept {
  return line.find_first_not_of(" \t\f\v") == std::string_view::npos;
}

void ParagraphBuilder::add_line(std::string_view line) {
  if (line.empty()) return;
  if (!current_.empty()) current_ += ' ';
  current_ += line;
}

void ParagraphBuilder::end_paragraph() {
  if (current_.empty()) return;
  paragraphs_.push_back(std::move(current_));
  current_.clear();
}

std::vector<std::string> ParagraphBuilder::finish() && {
  end_paragraph();
  return std::move(paragraphs_);
}

std::vector<std::string> paragraphs_between_blank_lines(std::string_view text) {
  ParagraphBuilder paragraphs;
  for (const std::string_view line : lines_of(text)) {
    if (is_blank(line)) {
      paragraphs.end_paragraph();
    } else {
      paragraphs.add_line(line);
    }
  }
  return std::move(paragraphs).finish();
}

}  // namespace alinea
