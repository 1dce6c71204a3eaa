// Lines and paragraphs of plain text: what the Markdown reader, `alinea segment` and the
// importers of plain text share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace alinea {

// The lines of `text`, without their ends. A line ends at LF, CR LF or a lone CR (CommonMark's
// line endings, and those a text editor or Python reads): a CR kept inside a line would come back
// as a line break from the next reader. A last line without an end counts; "" has no lines.
[[nodiscard]] std::vector<std::string_view> lines_of(std::string_view text);

// Whether a line holds nothing but spaces, tabs, form feeds and vertical tabs: between two
// paragraphs of plain text or of Markdown, it separates them.
[[nodiscard]] bool is_blank(std::string_view line) noexcept;

// Paragraphs of plain text gathered line by line: the lines of a paragraph joined by one space,
// a paragraph ended where the reader says (a blank line, a page break, a line ending a
// paragraph); a paragraph without text is never made.
class ParagraphBuilder {
 public:
  void add_line(std::string_view line);
  void end_paragraph();
  // The paragraphs, the one under way ended.
  [[nodiscard]] std::vector<std::string> finish() &&;

 private:
  std::vector<std::string> paragraphs_;
  std::string current_;
};

// Plain text's paragraphs: separated by blank lines, their lines joined by one space.
[[nodiscard]] std::vector<std::string> paragraphs_between_blank_lines(std::string_view text);

}  // namespace alinea
