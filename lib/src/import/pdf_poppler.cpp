// A PDF's text through poppler (the engine of pdftotext): the only file that talks to poppler.
// Each page is set out in physical layout order — lines as printed, indents kept as spaces —
// which is what the layout reader (import_pdf.cpp) knows how to read: running heads, page
// numbers, footnote areas, first-line indents. See docs/IMPORT.md, "PDF files".
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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

// One printed word as poppler's text boxes give it: its text, where it stands, its type.
struct PrintedWord {
  std::string text;
  double left = 0;
  double right = 0;
  double top = 0;
  double bottom = 0;
  // The size of its type, as the height of its box: poppler sets a word's box from its font's
  // ascent and descent, in proportion to the type size, so that within a document the heights
  // compare as the sizes do (measured on the fixtures: height / size is one constant per
  // document). Asking poppler for the font itself (text_list_include_font) would cost as much
  // again as the word boxes.
  double font_size = 0;
};

// One printed line: its words left to right, its largest type.
struct PrintedLine {
  double top = 0;
  std::vector<PrintedWord> words;
  double font_size = 0;
};

// A word's type size as its box's height (PrintedWord::font_size), to a hundredth of a point:
// the heights of words of one size differ in their last bits, and sizes are counted by value.
double type_size(const poppler::rectf& box) {
  return std::round(box.height() * 100) / 100;
}

std::vector<PrintedLine> printed_lines(const poppler::page& page) {
  std::vector<poppler::text_box> boxes = page.text_list(0);
  std::stable_sort(boxes.begin(), boxes.end(),
                   [](const auto& a, const auto& b) { return a.bbox().y() < b.bbox().y(); });
  std::vector<PrintedLine> lines;
  for (const poppler::text_box& box : boxes) {
    const poppler::rectf bbox = box.bbox();
    if (lines.empty() || std::abs(bbox.y() - lines.back().top) > bbox.height() / 2) {
      lines.push_back({bbox.y(), {}, 0});
    }
    const poppler::byte_array utf8 = box.text().to_utf8();
    lines.back().words.push_back({std::string(utf8.begin(), utf8.end()), bbox.x(),
                                  bbox.x() + bbox.width(), bbox.y(), bbox.y() + bbox.height(),
                                  type_size(bbox)});
    lines.back().font_size = std::max(lines.back().font_size, type_size(bbox));
  }
  for (PrintedLine& line : lines) {
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const auto& a, const auto& b) { return a.left < b.left; });
  }
  return lines;
}

bool only_numbers(const PrintedLine& line) {
  return std::all_of(line.words.begin(), line.words.end(), [](const PrintedWord& word) {
    return std::all_of(word.text.begin(), word.text.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.';
    });
  });
}

// The size that holds the most characters; 0 for none.
double most_common_size(const std::map<double, std::size_t>& characters_by_size) {
  if (characters_by_size.empty()) return 0;
  return std::max_element(characters_by_size.begin(), characters_by_size.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// The document's body type: the largest type that holds at least a quarter of its characters.
// Notes and quotations are set smaller than the text and may hold more characters than it (long
// notes on short pages); headings are larger but few. Counted over the whole document, since a
// page may hold more notes than text.
double body_font_size(const std::vector<std::vector<PrintedLine>>& pages) {
  std::map<double, std::size_t> characters_by_size;
  std::size_t characters = 0;
  for (const auto& page : pages) {
    for (const PrintedLine& line : page) {
      for (const PrintedWord& word : line.words) {
        characters_by_size[word.font_size] += word.text.size();
        characters += word.text.size();
      }
    }
  }
  for (auto size = characters_by_size.rbegin(); size != characters_by_size.rend(); ++size) {
    if (size->second * 4 >= characters) return size->first;
  }
  return most_common_size(characters_by_size);
}

// A page's footnote area: the lines at its foot (above a page number there) set in a type
// smaller than the body type, under at least one line of body type. Its first line, its first
// word and how many of its lines have words, to find it again in the layout text.
struct NoteArea {
  std::size_t first_line = 0;
  std::string first_word;
  std::size_t lines = 0;
};

std::optional<NoteArea> find_note_area(const std::vector<PrintedLine>& lines, double body_size) {
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
  return NoteArea{start, lines[start].words.front().text, counted};
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

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

std::string without_spaces(std::string_view text) {
  std::string squashed;
  for (const char c : text) {
    if (c != ' ') squashed += c;
  }
  return squashed;
}

// Which printed line each line of the layout text is (the same characters, spaces aside),
// found in order; lines poppler set out differently (two printed lines side by side, a raised
// number on a line of its own) stay unmatched, and nothing is done to them.
std::vector<std::optional<std::size_t>> match_printed(const std::vector<std::string>& text,
                                                      const std::vector<PrintedLine>& printed) {
  constexpr std::size_t look_ahead = 4;
  std::vector<std::string> printed_text;
  for (const PrintedLine& line : printed) {
    std::string joined;
    for (const PrintedWord& word : line.words) joined += without_spaces(word.text);
    printed_text.push_back(std::move(joined));
  }
  std::vector<std::optional<std::size_t>> matched(text.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string squashed = without_spaces(text[i]);
    if (squashed.empty()) continue;
    for (std::size_t k = next; k < printed.size() && k < next + look_ahead; ++k) {
      if (printed_text[k] == squashed) {
        matched[i] = k;
        next = k + 1;
        break;
      }
    }
  }
  return matched;
}

// The type most of a line's characters are set in.
double main_font_size(const PrintedLine& line) {
  std::map<double, std::size_t> characters_by_size;
  for (const PrintedWord& word : line.words) characters_by_size[word.font_size] += word.text.size();
  return most_common_size(characters_by_size);
}

// A note reference set as a superscript: one to three digits after a word of the line, in a
// type smaller than the line's, standing higher than the line's words.
bool is_superscript(const PrintedLine& line, std::size_t index, double line_size) {
  const PrintedWord& word = line.words[index];
  if (index == 0 || word.text.empty() || word.text.size() > 3 ||
      word.text.find_first_not_of("0123456789") != std::string::npos ||
      word.font_size >= line_size * 0.8) {
    return false;
  }
  for (const PrintedWord& other : line.words) {
    if (other.font_size < line_size * 0.95) continue;
    const double middle = (other.top + other.bottom) / 2;
    return (word.top + word.bottom) / 2 < middle - (other.bottom - other.top) * 0.1;
  }
  return false;
}

std::string superscript_digits(std::string_view digits) {
  static const std::array<std::string_view, 10> superscripts = {
      "\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
      "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string raised;
  for (const char c : digits) raised += superscripts[static_cast<std::size_t>(c - '0')];
  return raised;
}

// Writes a line's superscript references as superscript digits, right after the word they
// follow (the layout text may have put a space between): the text reader then knows them for
// references whatever stands around them.
std::string with_superscripts(std::string text, const PrintedLine& line) {
  const double line_size = main_font_size(line);
  std::size_t from = 0;
  for (std::size_t index = 1; index < line.words.size(); ++index) {
    if (!is_superscript(line, index, line_size)) continue;
    const std::string& before = line.words[index - 1].text;
    const std::string& digits = line.words[index].text;
    // The word before, then the digits (after spaces, if any) and no further digit.
    for (std::size_t at = text.find(before, from); at != std::string::npos;
         at = text.find(before, at + 1)) {
      const std::size_t pos = at + before.size();
      std::size_t digits_at = pos;
      while (digits_at < text.size() && text[digits_at] == ' ') ++digits_at;
      const std::size_t end = digits_at + digits.size();
      if (text.compare(digits_at, digits.size(), digits) != 0 ||
          (end < text.size() && text[end] >= '0' && text[end] <= '9')) {
        continue;
      }
      const std::string raised = superscript_digits(digits);
      text.replace(pos, end - pos, raised);
      from = pos + raised.size();
      break;
    }
  }
  return text;
}

// The value below which `share` of the values lie; 0 for none.
double quantile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  const auto at = static_cast<std::size_t>(static_cast<double>(values.size() - 1) * share);
  std::nth_element(values.begin(), values.begin() + static_cast<long>(at), values.end());
  return values[at];
}

// The space left at the end of a printed line would have held the next line's first word:
// the typesetter ended the line there.
bool next_word_would_fit(const PrintedLine& line, const PrintedLine& next, double right_edge) {
  if (line.words.empty() || next.words.empty()) return false;
  const PrintedWord& first = next.words.front();
  const double space = main_font_size(line) * 0.25;
  return line.words.back().right + space + (first.right - first.left) < right_edge;
}

std::string line_text(const PrintedLine& line) {
  std::string text;
  for (const PrintedWord& word : line.words) text += (text.empty() ? "" : " ") + word.text;
  return text;
}

// A heading: a line of the body area set in type larger than the body's by at least 8% (a point
// at 10-12 pt, what groff's ms and word processors add), short, ending no sentence. Headings in
// bold of the body's size are not told: poppler's font names cost as much again as the word
// boxes (PrintedWord::font_size), so they stay text.
bool is_heading(const PrintedLine& line, double body_size) {
  if (line.words.empty() || line.words.size() > 12 || main_font_size(line) < body_size * 1.08) {
    return false;
  }
  const std::string text = line_text(line);
  return !import_steps::ends_sentence(text) && std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x7FU ||
           std::isalpha(static_cast<unsigned char>(c)) != 0;
  });
}

// The level of each heading size of the document: the largest 1, the next 2 … (6 at most).
// The title block, above the first line of body type on the first page, is no heading: its
// lines stay text for the title block's reader.
std::map<double, int> heading_levels(const std::vector<std::vector<PrintedLine>>& pages,
                                     const std::vector<std::size_t>& note_areas, double body_size) {
  std::map<double, int> levels;
  for (std::size_t page = 0; page < pages.size(); ++page) {
    std::size_t first = 0;
    while (page == 0 && first < note_areas[page] &&
           std::abs(main_font_size(pages[page][first]) - body_size) >= body_size * 0.05) {
      ++first;
    }
    for (std::size_t k = first; k < note_areas[page]; ++k) {
      if (is_heading(pages[page][k], body_size)) levels[main_font_size(pages[page][k])] = 0;
    }
  }
  int level = 0;
  for (auto size = levels.rbegin(); size != levels.rend(); ++size) {
    size->second = std::min(++level, 6);
  }
  return levels;
}

// Lines of a block quotation: two or more consecutive body lines that all start at one left
// edge, at least two ems right of the page's text, all but the last ending short of its right
// edge by about as much (half to twice the left inset) — set in on both sides, as a quotation
// is, where a first-line indent is one line.
std::vector<bool> quotation_lines(const std::vector<PrintedLine>& printed,
                                  const std::function<bool(std::size_t)>& is_body, double left_edge,
                                  double right_edge, double body_size) {
  std::vector<bool> quoted(printed.size(), false);
  const double inset = body_size * 2;
  const auto set_in = [&](std::size_t k) {
    return is_body(k) && !printed[k].words.empty() &&
           printed[k].words.front().left >= left_edge + inset;
  };
  for (std::size_t start = 0; start < printed.size();) {
    std::size_t end = start;
    while (end < printed.size() && set_in(end) &&
           std::abs(printed[end].words.front().left - printed[start].words.front().left) < 1) {
      ++end;
    }
    // Set in on the right about as far as on the left: a short line, the last of a paragraph,
    // followed by an indented first line is no quotation.
    bool narrow = end - start >= 2;
    const double left_inset = end > start ? printed[start].words.front().left - left_edge : 0;
    for (std::size_t k = start; narrow && k + 1 < end; ++k) {
      const double right_inset = right_edge - printed[k].words.back().right;
      narrow = right_inset >= left_inset / 2 && right_inset <= left_inset * 2;
    }
    for (std::size_t k = start; narrow && k < end; ++k) quoted[k] = true;
    start = std::max(end, start + 1);
  }
  return quoted;
}

// A page's layout text with what the positions and types say and the text alone cannot:
// superscript note references, and a blank line before each paragraph of the body that the
// layout sets apart — by more space between the lines than between the lines of a paragraph,
// or, after a line that ends a sentence, by a line end where the next word would have fitted.
// Lines of the footnote area (from `note_area`) and in other type than the body's are left
// alone.
std::string with_layout_marks(const std::string& page_text, const std::vector<PrintedLine>& printed,
                              double body_size, std::size_t note_area,
                              const std::map<double, int>& heading_levels) {
  const std::vector<std::string> text = split_lines(page_text);
  const auto matched = match_printed(text, printed);
  const std::function<bool(std::size_t)> is_body = [&](std::size_t k) {
    return k < note_area && std::abs(main_font_size(printed[k]) - body_size) < body_size * 0.05;
  };
  // The usual distance between consecutive body lines (the median), and the body's right edge
  // (where nine lines in ten end, so that a line running into the margin does not move it).
  std::vector<double> pitches;
  std::vector<double> rights;
  for (std::size_t k = 0; k < printed.size(); ++k) {
    if (!is_body(k) || printed[k].words.empty()) continue;
    rights.push_back(printed[k].words.back().right);
    if (k + 1 < printed.size() && is_body(k + 1)) {
      pitches.push_back(printed[k + 1].top - printed[k].top);
    }
  }
  std::vector<double> lefts;
  for (std::size_t k = 0; k < printed.size(); ++k) {
    if (is_body(k) && !printed[k].words.empty()) lefts.push_back(printed[k].words.front().left);
  }
  const double pitch = quantile(std::move(pitches), 0.5);
  const double right_edge = quantile(std::move(rights), 0.9);
  // The text's left edge: where most lines start (a tenth of them may be indented further).
  const double left_edge = quantile(std::move(lefts), 0.1);
  const std::vector<bool> quoted =
      quotation_lines(printed, is_body, left_edge, right_edge, body_size);
  std::string marked;
  std::optional<std::size_t> previous_line;  // the last text line matched to a body line
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string line = text[i];
    if (matched[i]) {
      const std::size_t k = *matched[i];
      line = with_superscripts(std::move(line), printed[k]);
      // Structure goes at the line's start as a block mark (import_steps.hpp), after its indent.
      std::string mark;
      if (k < note_area && is_heading(printed[k], body_size)) {
        const auto level = heading_levels.find(main_font_size(printed[k]));
        if (level != heading_levels.end()) mark = block_mark("h" + std::to_string(level->second));
      } else if (quoted[k]) {
        mark = block_mark("q");
      }
      if (!mark.empty()) line.insert(std::min(line.find_first_not_of(' '), line.size()), mark);
      if (previous_line && is_body(k) && *matched[*previous_line] + 1 == k) {
        const PrintedLine& above = printed[k - 1];
        const bool spaced = pitch > 0 && printed[k].top - above.top > pitch * 1.15;
        const bool ended = import_steps::ends_sentence_with_reference(text[*previous_line]) &&
                           next_word_would_fit(above, printed[k], right_edge);
        if ((spaced || ended) && !marked.ends_with("\n\n")) marked += '\n';
      }
      previous_line = is_body(k) ? std::optional<std::size_t>(i) : std::nullopt;
    }
    marked += line;
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
  // Every page's printed lines first: the body type is the document's.
  std::vector<std::string> page_texts;
  std::vector<std::vector<PrintedLine>> page_lines;
  for (int index = 0; index < pages; ++index) {
    const std::unique_ptr<poppler::page> page(document->create_page(index));
    page_texts.push_back(page ? page_text(*page) : std::string());
    page_lines.push_back(page ? printed_lines(*page) : std::vector<PrintedLine>());
  }
  const double body_size = body_font_size(page_lines);
  std::vector<std::optional<NoteArea>> note_areas;
  std::vector<std::size_t> note_starts;
  for (const auto& lines : page_lines) {
    note_areas.push_back(find_note_area(lines, body_size));
    note_starts.push_back(note_areas.back() ? note_areas.back()->first_line : lines.size());
  }
  const std::map<double, int> levels = heading_levels(page_lines, note_starts, body_size);
  std::string text;
  for (std::size_t index = 0; index < page_texts.size(); ++index) {
    if (index > 0) text += '\f';
    const auto& notes = note_areas[index];
    const std::string marked = with_layout_marks(page_texts[index], page_lines[index], body_size,
                                                 note_starts[index], levels);
    text += notes ? with_note_rule(marked, *notes) : marked;
  }
  if (!has_letters_or_digits(text)) {
    throw UnreadablePdf("the PDF has no text layer (" + std::to_string(pages) +
                        (pages == 1 ? " page" : " pages") +
                        " of images or drawings: a scan?); run OCR on it first");
  }
  return text;
}

}  // namespace alinea::import_steps
