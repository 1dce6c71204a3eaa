// A PDF's text through poppler (the engine of pdftotext): the only file that talks to poppler.
// Each page is set out in physical layout order — lines as printed, indents kept as spaces —
// which is what the layout reader (import_pdf.cpp) knows how to read: running heads, page
// numbers, footnote areas, first-line indents. See docs/IMPORT.md, "PDF files".
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "import/import_steps.hpp"

namespace alinea::import_steps {
namespace {

// poppler reports every oddity of a damaged file on stderr; the library never prints. What
// matters reaches the user as an UnreadablePdf instead.
void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

// A PDF's header may stand anywhere in its first kilobyte (after junk some producers write).
bool has_pdf_header(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

// A page's lines, each ending in a line feed; poppler's own page end (a form feed) is left to
// the caller, which separates pages.
std::string page_text(const poppler::page& page) {
  const poppler::byte_array utf8 =
      page.text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
  std::string text(utf8.begin(), utf8.end());
  while (!text.empty() && text.back() == '\f') text.pop_back();
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

// One printed line as poppler's text boxes give it: where it stands, its words, its largest type.
struct PrintedLine {
  double top = 0;
  std::vector<std::string> words;
  double font_size = 0;
};

std::vector<PrintedLine> printed_lines(const poppler::page& page) {
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  std::stable_sort(boxes.begin(), boxes.end(),
                   [](const auto& a, const auto& b) { return a.bbox().y() < b.bbox().y(); });
  std::vector<PrintedLine> lines;
  for (const poppler::text_box& box : boxes) {
    const double top = box.bbox().y();
    if (lines.empty() || std::abs(top - lines.back().top) > box.bbox().height() / 2) {
      lines.push_back({top, {}, 0});
    }
    const poppler::byte_array utf8 = box.text().to_utf8();
    lines.back().words.emplace_back(utf8.begin(), utf8.end());
    lines.back().font_size = std::max(lines.back().font_size, box.get_font_size());
  }
  return lines;
}

bool only_numbers(const PrintedLine& line) {
  return std::all_of(line.words.begin(), line.words.end(), [](const std::string& word) {
    return std::all_of(word.begin(), word.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.';
    });
  });
}

// A page's footnote area: the lines at its foot (above a page number there) set in a type
// smaller than the page's body type, under at least one line of body type. Its first word and
// how many of its lines have words, to find it again in the layout text.
struct NoteArea {
  std::string first_word;
  std::size_t lines = 0;
};

std::optional<NoteArea> find_note_area(const std::vector<PrintedLine>& lines) {
  std::map<double, std::size_t> characters_by_size;
  for (const PrintedLine& line : lines) {
    for (const std::string& word : line.words) characters_by_size[line.font_size] += word.size();
  }
  if (characters_by_size.empty()) return std::nullopt;
  const double body_size =
      std::max_element(characters_by_size.begin(), characters_by_size.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; })
          ->first;
  std::size_t end = lines.size();
  while (end > 0 && only_numbers(lines[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && lines[start - 1].font_size < body_size * 0.95) --start;
  const bool body_above =
      std::any_of(lines.begin(), lines.begin() + static_cast<long>(start),
                  [&](const PrintedLine& line) { return line.font_size >= body_size * 0.95; });
  if (start == end || !body_above || lines[start].words.empty()) return std::nullopt;
  // A raised note number may share a line with its note here and have a line of its own in the
  // layout text, or the reverse: lines of only a number are not counted on either side.
  const auto counted = static_cast<std::size_t>(std::count_if(
      lines.begin() + static_cast<long>(start), lines.begin() + static_cast<long>(end),
      [](const PrintedLine& line) { return !only_numbers(line); }));
  return NoteArea{lines[start].words.front(), counted};
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  return first == std::string_view::npos ? std::string_view() : text.substr(first);
}

// Marks the footnote area in a page's layout text with a typed footnote rule, as some
// extractions have one, so that the notes are found by their type, not only by their numbers:
// before the line that starts with the area's first word and leaves about as many lines
// under it as the area has.
std::string with_note_rule(const std::string& text, const NoteArea& area) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    lines.push_back(std::string_view(text).substr(pos, end - pos));
    pos = end + 1;
  }
  std::optional<std::size_t> best;
  std::size_t best_distance = 0;
  std::size_t below = 0;  // lines with words from this one to the page end
  for (std::size_t i = lines.size(); i-- > 0;) {
    const std::string_view line = trimmed(lines[i]);
    if (line.empty()) continue;
    if (line.find_first_not_of("0123456789-/. ") != std::string_view::npos) ++below;
    if (!trimmed(lines[i]).starts_with(area.first_word)) continue;
    const std::size_t distance = below > area.lines ? below - area.lines : area.lines - below;
    if (!best || distance < best_distance) {
      best = i;
      best_distance = distance;
    }
  }
  if (!best || best_distance > 2) return text;
  std::string marked;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == *best) marked += "____________________\n";
    marked += lines[i];
    marked += '\n';
  }
  return marked;
}

bool has_letters_or_digits(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x7FU ||
           (std::isalnum(static_cast<unsigned char>(c)) != 0);
  });
}

}  // namespace

std::string read_pdf_text(std::string_view pdf) {
  if (pdf.size() > largest_pdf) {
    throw UnreadablePdf("the file is " + std::to_string(pdf.size() >> 20U) + " MB; PDFs up to " +
                        std::to_string(largest_pdf >> 20U) + " MB are read");
  }
  if (!has_pdf_header(pdf)) {
    throw UnreadablePdf("not a PDF: no '%PDF-' header in its first kilobyte");
  }
  silence_poppler();
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!document) {
    throw UnreadablePdf("the PDF is damaged or truncated: poppler cannot open it");
  }
  if (document->is_locked()) {
    throw UnreadablePdf("the PDF is encrypted and needs a password; save an unprotected copy");
  }
  const int pages = document->pages();
  if (pages <= 0) throw UnreadablePdf("the PDF has no pages");
  if (pages > most_pdf_pages) {
    throw UnreadablePdf("the PDF has " + std::to_string(pages) + " pages; up to " +
                        std::to_string(most_pdf_pages) + " are read");
  }
  std::string text;
  for (int index = 0; index < pages; ++index) {
    if (index > 0) text += '\f';
    const std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) continue;
    const std::string page_lines = page_text(*page);
    const auto notes = find_note_area(printed_lines(*page));
    text += notes ? with_note_rule(page_lines, *notes) : page_lines;
  }
  if (!has_letters_or_digits(text)) {
    throw UnreadablePdf("the PDF has no text layer (" + std::to_string(pages) +
                        (pages == 1 ? " page" : " pages") +
                        " of images or drawings: a scan?); run OCR on it first");
  }
  return text;
}

}  // namespace alinea::import_steps
