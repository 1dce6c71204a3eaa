// Endnotes set as a list with hanging numbers, as `pdftotext` (plain) extracts them: the numbers
// come out as a column of their own ("1.", "2.", … one per line), then the notes' text with no
// number. The numbers are put back at the start of the lines where their notes begin, so that
// the notes are read like any others. The method is described in docs/IMPORT.md.
#include <algorithm>
#include <limits>

#include "import/import_steps.hpp"
#include "text/unicode.hpp"

namespace alinea::import_steps {
namespace {

// "7", "7.", "7)", "[7]", "(7)": a note number standing alone on its line, of one to three
// digits; its value and the text around it ("[" and "]" for "[7]").
struct BareNumber {
  std::size_t value = 0;
  std::string before;
  std::string after;
};

std::optional<BareNumber> bare_note_number(std::string_view text) {
  BareNumber number;
  if (text.size() >= 3 && ((text.front() == '[' && text.back() == ']') ||
                           (text.front() == '(' && text.back() == ')'))) {
    number.before = text.substr(0, 1);
    number.after = text.substr(text.size() - 1);
    text = text.substr(1, text.size() - 2);
  } else if (!text.empty() && (text.back() == '.' || text.back() == ')')) {
    number.after = text.substr(text.size() - 1);
    text.remove_suffix(1);
  }
  if (text.empty() || text.size() > 3 || text.front() == '0' ||
      text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  for (const char c : text) number.value = number.value * 10 + static_cast<std::size_t>(c - '0');
  return number;
}

// A column: numbers `first`, `first + 1`, … on lines with only blank lines between them, all
// written alike; each one's line and whether a blank line follows it before the next number.
struct NumberColumn {
  std::vector<std::size_t> lines;
  std::vector<bool> gap_after;
  std::size_t end = 0;  // the first line after the column
};

std::optional<NumberColumn> number_column_at(const std::vector<SourceLine>& lines,
                                             std::size_t start, std::size_t first) {
  const auto head = bare_note_number(lines[start].text);
  if (!head || head->value != first) return std::nullopt;
  NumberColumn column;
  std::size_t i = start;
  while (i < lines.size()) {
    const auto number = bare_note_number(lines[i].text);
    if (!number || number->value != first + column.lines.size() || number->before != head->before ||
        number->after != head->after || (i != start && lines[i].page_break_before)) {
      break;
    }
    column.lines.push_back(i);
    std::size_t next = i + 1;
    while (next < lines.size() && lines[next].blank() && !lines[next].page_break_before) ++next;
    column.gap_after.push_back(next > i + 1);
    i = next;
  }
  column.end = i;
  // Two numbers at least, and then text: a lone "1." is a list item or a page number.
  if (column.lines.size() < 2 || i == lines.size() || lines[i].blank() || lines[i].separator ||
      bare_note_number(lines[i].text)) {
    return std::nullopt;
  }
  return column;
}

// The notes' text after a column: its non-blank lines up to the page's end (a form feed, a page
// number, a rule).
std::vector<std::size_t> text_after(const std::vector<SourceLine>& lines, std::size_t start) {
  std::vector<std::size_t> text;
  for (std::size_t i = start; i < lines.size(); ++i) {
    if (i != start && lines[i].page_break_before) break;
    if (lines[i].blank()) continue;
    if (lines[i].separator || is_page_number(lines[i].text)) break;
    text.push_back(i);
  }
  return text;
}

bool starts_like_a_note(std::string_view text) {
  std::size_t pos = 0;
  const char32_t c = next_code_point(text, pos);
  return is_upper(c) || is_digit(c) || c == U'\u00BF' || c == U'\u00A1' || c == U'\u201C' ||
         c == U'\u00AB' || c == U'"' || c == U'(' || c == U'[' || c == U'*';
}

// Where each of `count` notes begins among the text lines: the split that starts notes after
// the lines that most look like a note's end — a sentence ended, a line short of the measure,
// a next line that starts like a sentence — and agrees best with the column's spacing (numbers
// on consecutive lines stand one printed line apart: the note between them has one line).
std::optional<std::vector<std::size_t>> split_notes(const std::vector<SourceLine>& lines,
                                                    const std::vector<std::size_t>& text,
                                                    const std::vector<bool>& gap_after) {
  const std::size_t count = gap_after.size();
  const std::size_t size = text.size();
  if (size < count) return std::nullopt;
  std::vector<std::size_t> lengths;
  for (const std::size_t i : text) lengths.push_back(count_code_points(lines[i].text));
  const std::size_t measure = std::max<std::size_t>(typical_line_length(lengths), 1);
  // How much a note may start at text line j (j >= 1).
  std::vector<double> start_score(size, 0);
  for (std::size_t j = 1; j < size; ++j) {
    // Printed lines joined by the extraction: the last of them is what counts.
    const std::size_t length = printed_lines(lengths[j - 1], measure).last;
    const double shortness =
        1.0 - std::min(1.0, static_cast<double>(length) / static_cast<double>(measure));
    start_score[j] = shortness + (ends_sentence(lines[text[j - 1]].text) ? 1.0 : -2.0) +
                     (starts_like_a_note(lines[text[j]].text) ? 0.5 : -1.0);
  }
  const auto spacing_score = [&](std::size_t note, std::size_t note_lines) {
    if (note + 1 == count) return 0.0;  // the last number has nothing under it to say
    return (note_lines == 1) == !gap_after[note] ? 1.5 : -1.5;
  };
  // best[n][j]: the best score of notes 0..n with note n starting at text line j.
  constexpr double impossible = -std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> best(count, std::vector<double>(size, impossible));
  std::vector<std::vector<std::size_t>> from(count, std::vector<std::size_t>(size, 0));
  best[0][0] = 0;
  for (std::size_t n = 1; n < count; ++n) {
    // The best start of note n-1 at least two lines back, carried along j.
    double best_far = impossible;
    std::size_t best_far_at = 0;
    for (std::size_t j = n; j + (count - n) <= size; ++j) {
      if (j >= 2 && best[n - 1][j - 2] > best_far) {
        best_far = best[n - 1][j - 2];
        best_far_at = j - 2;
      }
      double score = impossible;
      std::size_t at = 0;
      if (best[n - 1][j - 1] != impossible) {
        score = best[n - 1][j - 1] + spacing_score(n - 1, 1);
        at = j - 1;
      }
      // A longer previous note: its spacing score does not depend on how long.
      if (best_far != impossible && best_far + spacing_score(n - 1, 2) > score) {
        score = best_far + spacing_score(n - 1, 2);
        at = best_far_at;
      }
      if (score == impossible) continue;
      best[n][j] = score + start_score[j];
      from[n][j] = at;
    }
  }
  double total = impossible;
  std::size_t last = 0;
  for (std::size_t j = count - 1; j < size; ++j) {
    if (best[count - 1][j] > total) {
      total = best[count - 1][j];
      last = j;
    }
  }
  if (total == impossible) return std::nullopt;
  std::vector<std::size_t> starts(count);
  for (std::size_t n = count; n-- > 0;) {
    starts[n] = last;
    last = from[n][last];
  }
  return starts;
}

}  // namespace

std::vector<SourceLine> attach_note_number_column(std::vector<SourceLine> lines) {
  // The notes' lines times their count bounds the work; beyond it the column is left as it is.
  constexpr std::size_t most_work = std::size_t{1} << 22U;
  std::size_t next_note = 1;
  std::vector<bool> dropped(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto column = number_column_at(lines, i, next_note);
    if (!column) continue;
    const std::vector<std::size_t> text = text_after(lines, column->end);
    if (text.size() * column->lines.size() > most_work) break;
    const auto starts = split_notes(lines, text, column->gap_after);
    if (!starts) continue;
    for (std::size_t n = 0; n < starts->size(); ++n) {
      SourceLine& first = lines[text[(*starts)[n]]];
      first.text = lines[column->lines[n]].text + " " + first.text;
    }
    for (std::size_t k = i; k < column->end; ++k) dropped[k] = true;
    // A page break before the column stays with the page.
    if (lines[i].page_break_before) lines[column->end].page_break_before = true;
    next_note += column->lines.size();
    i = text.back();
  }
  std::vector<SourceLine> kept;
  kept.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!dropped[i]) kept.push_back(std::move(lines[i]));
  }
  return kept;
}

}  // namespace alinea::import_steps
