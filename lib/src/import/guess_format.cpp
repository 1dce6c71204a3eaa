// What kind of input a file is, from its first bytes and its name, when the user does not say
// (docs/IMPORT.md, "Which reader"). The bytes win over the name, except that a file named .pdf is
// read as one so that a damaged PDF is reported as such rather than as text.
#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "alinea/document.hpp"
#include "import/import_steps.hpp"

namespace alinea {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool name_ends_with(std::string_view name, std::initializer_list<std::string_view> endings) {
  const std::string lowered = lower(name);
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view ending) { return lowered.ends_with(ending); });
}

// Formats alinea cannot read, recognised by their magic numbers so the user is told what the
// file seems to be.
std::optional<std::string> binary_kind(std::string_view head) {
  if (head.starts_with("PK\x03\x04")) {
    return "a ZIP archive (a .docx, .odt or .epub?): save it as PDF or HTML first";
  }
  if (head.starts_with("\xD0\xCF\x11\xE0")) return "an old Word or Office file: save it as PDF";
  if (head.starts_with("{\\rtf")) return "an RTF file: save it as PDF or plain text";
  if (head.find('\0') != npos) return "binary data, not text";
  return std::nullopt;
}

std::string_view without_bom_and_space(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first == npos ? std::string_view() : text.substr(first);
}

bool looks_like_html(std::string_view head) {
  const std::string start = lower(without_bom_and_space(head));
  if (!start.starts_with('<')) return false;
  constexpr std::array<std::string_view, 8> tags = {"<!doctype html", "<html", "<head", "<body",
                                                    "<meta",          "<p>",   "<div",  "<title"};
  return std::any_of(tags.begin(), tags.end(),
                     [&](std::string_view tag) { return start.find(tag) != std::string::npos; });
}

// An alinea document: front matter, then footnote definitions "[^1]: …" in the body.
bool looks_like_corpus_markdown(std::string_view head) {
  const std::string_view text = without_bom_and_space(head);
  if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return false;
  return text.find("\nlang:") != npos && text.find("\n[^") != npos;
}

// What only a PDF extraction has: page breaks, a footnote rule of underscores, or every line
// followed by a blank line (some extractors double the lines).
std::optional<std::string> extraction_sign(std::string_view head) {
  if (head.find('\f') != npos) return "it has form feeds between pages, as PDF extractions do";
  if (head.find("__________") != npos) return "it has a footnote rule of underscores";
  // Counted on the raw lines (ASCII white space only): the bytes may not be valid UTF-8 yet.
  std::vector<bool> blank_lines;
  for (std::size_t pos = 0; pos < head.size();) {
    const std::size_t end = std::min(head.find('\n', pos), head.size());
    blank_lines.push_back(head.substr(pos, end - pos).find_first_not_of(" \t\r") == npos);
    pos = end + 1;
  }
  const import_steps::LineGaps line_gaps = import_steps::count_line_gaps(blank_lines);
  // Short texts prove nothing: a letter of three paragraphs has blank lines between all lines.
  if (line_gaps.gaps >= 20 && line_gaps.blank == line_gaps.gaps) {
    return "every line is followed by a blank line, as some PDF extractions are";
  }
  return std::nullopt;
}

FormatGuess guessed(ImportFormat format, std::string reason) {
  return {format, std::move(reason)};
}

}  // namespace

std::string_view format_name(ImportFormat format) {
  switch (format) {
    case ImportFormat::pdf:
      return "pdf";
    case ImportFormat::pdf_text:
      return "pdf-text";
    case ImportFormat::text:
      return "text";
    case ImportFormat::markdown:
      return "markdown";
    case ImportFormat::html:
      return "html";
  }
  return "text";
}

FormatGuess guess_import_format(std::string_view input, std::string_view file_name) {
  // What is looked at: enough for any header and a few pages of text, read quickly.
  const std::string_view head = input.substr(0, 65536);
  if (head.substr(0, 1024).find("%PDF-") != npos) return guessed(ImportFormat::pdf, "it is a PDF");
  if (name_ends_with(file_name, {".pdf"})) {
    return guessed(ImportFormat::pdf, "its name ends in .pdf");
  }
  if (const auto kind = binary_kind(head)) return {std::nullopt, *kind};
  if (looks_like_html(head)) return guessed(ImportFormat::html, "it is HTML");
  if (name_ends_with(file_name, {".html", ".htm", ".xhtml"})) {
    return guessed(ImportFormat::html, "its name ends in .html");
  }
  if (looks_like_corpus_markdown(head)) {
    return guessed(ImportFormat::markdown, "it has front matter and footnote definitions");
  }
  if (name_ends_with(file_name, {".md", ".markdown"})) {
    return guessed(ImportFormat::markdown, "its name ends in .md");
  }
  if (name_ends_with(file_name, {".pdf.txt"})) {
    return guessed(ImportFormat::pdf_text, "its name ends in .pdf.txt");
  }
  if (auto sign = extraction_sign(head)) return guessed(ImportFormat::pdf_text, std::move(*sign));
  return guessed(ImportFormat::text,
                 "no page breaks, footnote rule or doubled lines of a PDF extraction");
}

}  // namespace alinea
