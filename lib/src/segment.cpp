// Sentence segmentation. For languages with rules (es, fr) a single pass finds each stop and
// decides with the rules of segment_rules whether it ends a sentence; other languages get ICU's
// sentence boundaries, corrected so that note references stay with the sentence they follow.
#include "alinea/segment.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "alinea/error.hpp"
#include "alinea/unicode.hpp"

namespace alinea {

using namespace segment_rules;

namespace {

// Looking back for the word before a stop goes no further than this, so that a long run
// without spaces costs linear time.
constexpr std::size_t max_word_bytes = 64;
constexpr std::size_t max_list_marker_bytes = 16;

// Bytes that can start a terminator or a newline; everything else is skipped in one test.
constexpr std::array<bool, 256> candidate_bytes = [] {
  std::array<bool, 256> table{};
  table['.'] = table['!'] = table['?'] = table[';'] = table['\n'] = true;
  table[0xE2] = table[0xE3] = table[0xEF] = true;  // … ‼ ⁇ ⁈ ⁉ 。 ！ ？ ｡
  return table;
}();

char32_t code_point_at(std::string_view text, std::size_t pos) {
  return next_code_point(text, pos);
}

std::size_t after_code_point(std::string_view text, std::size_t pos) {
  (void)next_code_point(text, pos);
  return pos;
}

std::size_t before_code_point(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  return start;
}

bool is_horizontal_space(char32_t c) {
  return c != U'\n' && c != U'\r' && is_space(c);
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    std::size_t next = pos;
    if (!is_space(next_code_point(text, next))) break;
    pos = next;
  }
  return pos;
}

std::size_t skip_horizontal_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    std::size_t next = pos;
    if (!is_horizontal_space(next_code_point(text, next))) break;
    pos = next;
  }
  return pos;
}

bool is_unambiguous_closing(char32_t c) {
  return is_closing_punctuation(c) && c != U'"' && c != U'\'';
}

// Past the closing quotes, brackets and note references that belong to the sentence a stop
// ends: `.»`, `!)`, `?[^3]`, and in French `! »` with a space before the guillemet.
std::size_t skip_closing(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (const std::size_t length = note_reference_length(text, pos); length > 0) {
      pos += length;
      continue;
    }
    std::size_t next = pos;
    const char32_t c = next_code_point(text, next);
    if (is_closing_punctuation(c)) {
      pos = next;
      continue;
    }
    if (is_horizontal_space(c)) {
      const std::size_t after_space = skip_horizontal_spaces(text, pos);
      if (after_space < text.size() && is_unambiguous_closing(code_point_at(text, after_space))) {
        pos = after_code_point(text, after_space);
        continue;
      }
      // A straight quote with space on both sides closes: an opening one sticks to its word.
      if (after_space + 1 < text.size() &&
          (text[after_space] == '"' || text[after_space] == '\'') &&
          is_space(code_point_at(text, after_space + 1))) {
        pos = after_space + 1;
        continue;
      }
    }
    break;
  }
  return pos;
}

NextWord classify_next(char32_t c) {
  if (is_opening_punctuation(c) || is_dash(c)) return NextWord::opening;
  if (is_lower(c)) return NextWord::lower;
  if (is_letter(c)) return NextWord::upper;
  if (is_digit(c)) return NextWord::digit;
  if (is_closing_punctuation(c) || is_terminator(c) || c == U',' || c == U';' || c == U':' ||
      c == U'/' || c == U'%') {
    return NextWord::continuation;
  }
  return NextWord::other;
}

// A dash before lower case is the narrator's aside in a dialogue ("¿Vienes? —preguntó"), which
// continues the sentence; before anything else it opens a new line of dialogue.
NextWord classify_next_after_dash(std::string_view text, std::size_t pos) {
  std::size_t after = pos;
  const char32_t c = next_code_point(text, after);
  if (is_dash(c) && after < text.size() && is_lower(code_point_at(text, after))) {
    return NextWord::lower;
  }
  return classify_next(c);
}

std::string_view ascii_letters_at(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && end - pos < 16 &&
         ((text[end] >= 'A' && text[end] <= 'Z') || (text[end] >= 'a' && text[end] <= 'z'))) {
    ++end;
  }
  return text.substr(pos, end - pos);
}

// The word a period follows, back to white space, with opening punctuation and dashes removed
// from its front and note references and closing punctuation from its end.
struct WordBefore {
  std::string_view word;
  bool after_closing = false;
  std::size_t begin = 0;
};

WordBefore word_before(std::string_view text, std::size_t stop, std::size_t sentence_start) {
  std::size_t begin = stop;
  while (begin > sentence_start && stop - begin < max_word_bytes) {
    const std::size_t previous = before_code_point(text, begin);
    if (is_space(code_point_at(text, previous))) break;
    begin = previous;
  }
  std::size_t end = stop;
  WordBefore result;
  for (bool trimmed = true; trimmed && end > begin;) {
    trimmed = false;
    if (text[end - 1] == ']') {
      const std::size_t open = text.rfind("[^", end - 1);
      if (open != std::string_view::npos && open >= begin &&
          note_reference_length(text, open) == end - open) {
        end = open;
        trimmed = true;
        continue;
      }
    }
    const std::size_t previous = before_code_point(text, end);
    if (is_closing_punctuation(code_point_at(text, previous))) {
      end = previous;
      result.after_closing = true;
      trimmed = true;
    }
  }
  while (begin < end) {
    const char32_t c = code_point_at(text, begin);
    if (!is_opening_punctuation(c) && !is_dash(c)) break;
    begin = after_code_point(text, begin);
  }
  result.word = text.substr(begin, end - begin);
  result.begin = begin;
  return result;
}

// Whether the word at `begin` is directly followed by a comma ("Venezuela, Hugo").
bool word_before_comma(std::string_view text, std::size_t begin) {
  std::size_t end = begin;
  while (end < text.size() && end - begin < max_word_bytes && text[end] != ' ' &&
         text[end] != ',') {
    ++end;
  }
  return end < text.size() && text[end] == ',';
}

// The word before the white space that ends at `end` ("50" in "50 h."), or "".
std::string_view word_ending_at(std::string_view text, std::size_t end,
                                std::size_t sentence_start) {
  if (end <= sentence_start || text[end - 1] != ' ') return {};
  std::size_t begin = end - 1;
  while (begin > sentence_start && end - begin < max_word_bytes && text[begin - 1] != ' ') {
    --begin;
  }
  return text.substr(begin, end - 1 - begin);
}

// "1.", "• 2.", "a)": the sentence so far is only a list marker.
bool only_list_marker_before(std::string_view text, std::size_t sentence_start, std::size_t stop) {
  if (stop - sentence_start > max_list_marker_bytes) return false;
  for (std::size_t pos = sentence_start; pos < stop;) {
    if (is_letter(next_code_point(text, pos))) return false;
  }
  return true;
}

// A line of only symbols, like "______" or "* * *", is a separator, not part of a sentence.
bool is_rule_line(std::string_view line) {
  bool any = false;
  for (std::size_t pos = 0; pos < line.size();) {
    const char32_t c = next_code_point(line, pos);
    if (is_letter(c) || is_digit(c)) return false;
    any = any || !is_space(c);
  }
  return any;
}

std::string_view line_around(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

// After a newline: a blank line, a line that starts a list item, or a separator line on
// either side ends the sentence.
bool newline_ends_sentence(std::string_view text, std::size_t newline) {
  const std::size_t next = skip_horizontal_spaces(text, newline + 1);
  if (next >= text.size()) return false;
  const char32_t c = code_point_at(text, next);
  if (c == U'\n' || c == U'\r') return true;
  const std::size_t previous_line = text.rfind('\n', newline == 0 ? 0 : newline - 1);
  const std::size_t line_start =
      previous_line == std::string_view::npos || newline == 0 ? 0 : previous_line + 1;
  std::size_t next_line_end = text.find('\n', next);
  if (next_line_end == std::string_view::npos) next_line_end = text.size();
  if (is_rule_line(line_around(text, line_start, newline)) ||
      is_rule_line(line_around(text, next, next_line_end))) {
    return true;
  }
  if (c == U'•' || c == U'·' || c == U'▪' || c == U'◦' || c == U'‣' || c == U'*') return true;
  return is_dash(c) && next + 1 < text.size() && text[next + 1] == ' ';
}

struct Stop {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool question_or_exclamation = false;
  bool ellipsis = false;
};

Stop read_stop(std::string_view text, std::size_t begin) {
  Stop stop{begin, begin, false, false};
  std::size_t periods = 0;
  while (stop.end < text.size()) {
    std::size_t next = stop.end;
    const char32_t c = next_code_point(text, next);
    if (!is_terminator(c)) break;
    if (c == U'.') {
      ++periods;
    } else if (c == U'\u2026') {
      stop.ellipsis = true;
    } else if (c != U'\u3002' && c != U'\uFF61') {
      stop.question_or_exclamation = true;
    }
    stop.end = next;
  }
  stop.ellipsis = stop.ellipsis || periods >= 2;
  return stop;
}

std::vector<std::size_t> rule_boundaries(std::string_view text,
                                         const Abbreviations& abbreviations) {
  std::vector<std::size_t> boundaries;
  std::size_t sentence_start = skip_spaces(text, 0);
  std::size_t pos = sentence_start;
  auto add_boundary = [&](std::size_t at, std::size_t next_start) {
    if (at > sentence_start && (boundaries.empty() || boundaries.back() < at)) {
      boundaries.push_back(at);
    }
    sentence_start = next_start;
  };
  while (pos < text.size()) {
    if (!candidate_bytes[static_cast<unsigned char>(text[pos])]) {
      ++pos;
      continue;
    }
    if (text[pos] == '\n') {
      if (newline_ends_sentence(text, pos)) add_boundary(pos, skip_spaces(text, pos));
      ++pos;
      continue;
    }
    if (text[pos] == ';') {
      const std::size_t end = ++pos;
      if (end >= text.size() || !is_space(code_point_at(text, end))) continue;
      const std::size_t next_start = skip_spaces(text, end);
      if (next_start < text.size() &&
          semicolon_ends_sentence(classify_next(code_point_at(text, next_start)),
                                  word_before_comma(text, next_start))) {
        add_boundary(end, next_start);
      }
      continue;
    }
    if (!is_terminator(code_point_at(text, pos))) {
      pos = after_code_point(text, pos);
      continue;
    }
    const Stop stop = read_stop(text, pos);
    pos = stop.end;
    if (stop.ellipsis && is_bracketed_ellipsis(text, stop.begin, stop.end)) continue;
    const std::size_t end = skip_closing(text, stop.end);
    pos = end;
    if (end >= text.size() || !is_space(code_point_at(text, end))) continue;
    const std::size_t next_start = skip_spaces(text, end);
    if (next_start >= text.size()) break;
    const NextWord next = classify_next_after_dash(text, next_start);
    bool ends = false;
    if (stop.question_or_exclamation) {
      ends = question_or_exclamation_ends_sentence(next);
    } else if (stop.ellipsis) {
      ends = ellipsis_ends_sentence(next);
    } else {
      const WordBefore before = word_before(text, stop.begin, sentence_start);
      PeriodContext context;
      context.word = before.word;
      context.after_closing = before.after_closing;
      context.list_marker = only_list_marker_before(text, sentence_start, stop.begin);
      context.after_number = is_number(word_ending_at(text, before.begin, sentence_start));
      context.next = next;
      context.next_is_roman_numeral = is_roman_numeral(ascii_letters_at(text, next_start));
      context.next_is_initial = next_start + 1 < text.size() && text[next_start + 1] == '.' &&
                                is_letter(code_point_at(text, next_start));
      ends = period_ends_sentence(context, abbreviations);
    }
    if (ends) add_boundary(end, next_start);
  }
  return boundaries;
}

// ICU's boundaries for languages without rules. A boundary inside a note reference, or just
// before one, moves past it: the reference belongs to the sentence it follows.
std::vector<std::size_t> icu_boundaries(std::string_view text, BreakFinder& finder) {
  std::vector<std::size_t> boundaries;
  for (const BreakFinder::Boundary& boundary : finder.boundaries(text)) {
    std::size_t at = boundary.offset;
    const std::size_t open = text.rfind("[^", at == 0 ? 0 : at - 1);
    if (open != std::string_view::npos && open < at) {
      const std::size_t length = note_reference_length(text, open);
      if (open + length > at) at = open + length;
    }
    while (at < text.size()) {
      const std::size_t length = note_reference_length(text, at);
      if (length == 0) break;
      at += length;
    }
    if (at < text.size() && (boundaries.empty() || boundaries.back() < at)) {
      boundaries.push_back(at);
    }
  }
  return boundaries;
}

void throw_if_invalid_utf8(std::string_view text) {
  if (const auto problem = find_invalid_utf8(text)) {
    throw InputError({"<paragraph>", problem->line, problem->column},
                     "invalid UTF-8 in the text to segment");
  }
}

std::size_t trim_front(std::string_view text, std::size_t from, std::size_t to) {
  while (from < to) {
    std::size_t next = from;
    if (!is_space(next_code_point(text, next))) break;
    from = next;
  }
  return from;
}

std::size_t trim_back(std::string_view text, std::size_t from, std::size_t to) {
  while (to > from) {
    const std::size_t previous = before_code_point(text, to);
    if (!is_space(code_point_at(text, previous))) break;
    to = previous;
  }
  return to;
}

std::vector<SentenceSpan> spans_between(std::string_view text,
                                        const std::vector<std::size_t>& boundaries) {
  std::vector<SentenceSpan> spans;
  std::size_t begin = 0;
  auto add = [&](std::size_t end) {
    const std::size_t from = trim_front(text, begin, end);
    const std::size_t to = trim_back(text, from, end);
    if (from < to) spans.push_back({from, to});
    begin = end;
  };
  for (const std::size_t boundary : boundaries) add(boundary);
  add(text.size());
  return spans;
}

bool has_rules(const std::string& lang) {
  const std::string primary = lang.substr(0, std::min(lang.find_first_of("-_@"), lang.size()));
  return primary == "es" || primary == "fr";
}

}  // namespace

struct Segmenter::Impl {
  Abbreviations abbreviations;
  std::optional<BreakFinder> finder;  // only for languages without rules

  explicit Impl(const std::string& lang) : abbreviations(Abbreviations::for_language(lang)) {
    if (!has_rules(lang)) finder.emplace(BreakKind::sentence, lang.empty() ? "und" : lang);
  }
};

Segmenter::Segmenter(const std::string& lang) : impl_(std::make_unique<Impl>(lang)) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

std::vector<SentenceSpan> Segmenter::spans(std::string_view paragraph) {
  throw_if_invalid_utf8(paragraph);
  const std::vector<std::size_t> boundaries =
      impl_->finder ? icu_boundaries(paragraph, *impl_->finder)
                    : rule_boundaries(paragraph, impl_->abbreviations);
  return spans_between(paragraph, boundaries);
}

std::vector<std::string> Segmenter::split(std::string_view paragraph) {
  std::vector<std::string> sentences;
  for (const SentenceSpan& span : spans(paragraph)) {
    sentences.emplace_back(paragraph.substr(span.begin, span.end - span.begin));
  }
  return sentences;
}

void segment_document(Document& document) {
  Segmenter segmenter(document.lang);
  for (Paragraph& paragraph : document.paragraphs) {
    paragraph.sentences = segmenter.split(paragraph.text);
  }
  for (Note& note : document.notes) note.sentences = segmenter.split(note.text);
}

}  // namespace alinea
