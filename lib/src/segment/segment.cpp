// Sentence segmentation. For languages with rules (es, fr) a single pass finds each stop and
// decides with the rules of segment_rules whether it ends a sentence; other languages get ICU's
// sentence boundaries, corrected so that note references stay with the sentence they follow.
#include "alinea/segment.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "alinea/base.hpp"
#include "segment/segment_data.hpp"
#include "segment/segment_rules.hpp"
#include "text/unicode.hpp"

namespace alinea {

using namespace segment_rules;

namespace {

// Looking back for the word before a stop goes no further than this, so that a long run
// without spaces costs linear time.
constexpr std::size_t max_word_bytes = 64;
constexpr std::size_t max_list_marker_bytes = 16;
// A lone straight quote is looked for this close after a stop, and speech this far around it.
constexpr std::size_t max_quote_distance = 8;
constexpr std::size_t max_speech_window = 400;
// The longest opener in the data ("néanmoins", "toutefois") with room to spare.
constexpr std::size_t max_opener_bytes = 16;

// Bytes that can start something a rule looks at: a terminator, a newline, a semicolon, an
// emoticon, a straight double quote, a bracket, a capital letter or an emoji. Everything else is
// skipped in one test.
constexpr std::array<bool, 256> candidate_bytes = [] {
  std::array<bool, 256> table{};
  table['.'] = table['!'] = table['?'] = table[';'] = table['\n'] = true;
  table[':'] = table['='] = table['"'] = true;
  table['('] = table[')'] = table['['] = table[']'] = true;
  for (unsigned char c = 'A'; c <= 'Z'; ++c) table[c] = true;
  table[0xC3] = true;                              // À–Þ (and à–ÿ, told apart later)
  table[0xE2] = table[0xE3] = table[0xEF] = true;  // … ‼ ⁇ ⁈ ⁉ 。 ！ ？ ｡, emoji ☀–➿
  table[0xF0] = true;                              // emoji beyond U+FFFF
  return table;
}();

constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

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

// What is known of a paragraph's straight double quotes, which look the same opening and
// closing. Where they balance, one with space on both sides closes only when one is open
// (`à 0,86. " J'ai` opens the next sentence); where they do not, one has lost its partner and
// `lone_quote_closes` decides.
struct StraightQuotes {
  bool balanced = true;
  bool open = false;
  bool lone_one_closes = true;
  [[nodiscard]] bool spaced_one_closes() const { return balanced ? open : lone_one_closes; }
};

// Past the closing quotes, brackets and note references that belong to the sentence a stop
// ends: `.»`, `!)`, `?[^3]`, and in French `! »` with a space before the guillemet.
std::size_t skip_closing(std::string_view text, std::size_t pos, StraightQuotes quotes) {
  while (pos < text.size()) {
    if (const std::size_t length = note_reference_length(text, pos); length > 0) {
      pos += length;
      continue;
    }
    std::size_t next = pos;
    const char32_t c = next_code_point(text, next);
    if (is_closing_punctuation(c)) {
      if (c == U'"') quotes.open = !quotes.open;
      pos = next;
      continue;
    }
    if (is_horizontal_space(c)) {
      const std::size_t after_space = skip_horizontal_spaces(text, pos);
      if (after_space < text.size() && is_unambiguous_closing(code_point_at(text, after_space))) {
        pos = after_code_point(text, after_space);
        continue;
      }
      // A straight quote sticking to the next word opens it; a spaced one may close.
      const bool spaced =
          after_space + 1 < text.size() && is_space(code_point_at(text, after_space + 1));
      const char quote = after_space < text.size() ? text[after_space] : '\0';
      if (spaced && ((quote == '"' && quotes.spaced_one_closes()) || quote == '\'')) {
        if (quote == '"') quotes.open = false;
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
  // An emoji after a stop belongs to the sentence it ends: "¡Genial! 😍 Volveremos".
  if (is_emoji(c)) return NextWord::continuation;
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

// memchr finds a byte many at a time, unlike a loop over the bytes.
std::size_t count_straight_quotes(std::string_view text) {
  std::size_t count = 0;
  for (const char *at = text.data(), *end = text.data() + text.size();
       (at = static_cast<const char*>(std::memchr(at, '"', static_cast<std::size_t>(end - at)))) !=
       nullptr;
       ++at) {
    ++count;
  }
  return count;
}

bool is_emoji_joiner(char32_t c) {
  return c == U'\u200D' || c == U'\uFE0F' || (c >= U'\U000E0020' && c <= U'\U000E007F');
}

// The word that ends before the white space at `end`, back to the previous white space and
// never before `sentence_start`: "Liga" in "de Liga El equipo".
std::string_view previous_word(std::string_view text, std::size_t end, std::size_t sentence_start) {
  while (end > sentence_start && is_ascii_space(text[end - 1])) --end;
  std::size_t begin = end;
  while (begin > sentence_start && end - begin < max_word_bytes &&
         !is_ascii_space(text[begin - 1])) {
    --begin;
  }
  return text.substr(begin, end - begin);
}

// One pass over a paragraph in a language with rules: each candidate byte goes to the rule
// that decides whether a sentence ends there.
class RuleScanner {
 public:
  RuleScanner(std::string_view text, const Abbreviations& abbreviations, const WordRoles& words)
      : text_(text), abbreviations_(abbreviations), words_(words) {
    quotes_.balanced = count_straight_quotes(text) % 2 == 0;
  }

  std::vector<std::size_t> boundaries() && {
    sentence_start_ = skip_spaces(text_, 0);
    pos_ = sentence_start_;
    while (pos_ < text_.size()) {
      pos_ = next_candidate(pos_);
      if (pos_ >= text_.size()) break;
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte == '\n') {
        at_newline();
      } else if (byte == ';' || byte == ':' || byte == '=') {
        if (at_emoticon()) continue;
        if (byte == ';') {
          at_semicolon();
        } else {
          ++pos_;
        }
      } else if (byte == '"' || byte == '(' || byte == ')' || byte == '[' || byte == ']') {
        pass_over(pos_, pos_ + 1);
        ++pos_;
      } else if ((byte >= 'A' && byte <= 'Z') || byte == 0xC3) {
        // Only a capital after white space can open a sentence; most are neither.
        const bool after_space = pos_ > sentence_start_ && is_ascii_space(text_[pos_ - 1]);
        const bool latin1_lower = byte == 0xC3 && pos_ + 1 < text_.size() &&
                                  static_cast<unsigned char>(text_[pos_ + 1]) >= 0x9F;
        // Inside brackets a capital word is an aside's, not a new sentence's: "(una de ellas La
        // casa de Bernarda Alba, la otra Yerma)".
        if (after_space && !latin1_lower && brackets_open_ == 0) {
          at_capital();
        } else {
          pos_ += byte == 0xC3 ? 2 : 1;
        }
      } else {
        const char32_t c = code_point_at(text_, pos_);
        if (is_terminator(c)) {
          at_stop();
        } else if (is_emoji(c)) {
          at_emoji();
        } else {
          pos_ = after_code_point(text_, pos_);
        }
      }
    }
    return std::move(boundaries_);
  }

 private:
  // The first candidate byte from `pos` on, in a loop of its own so that it stays in registers.
  [[nodiscard]] std::size_t next_candidate(std::size_t pos) const {
    const char* const data = text_.data();
    const std::size_t size = text_.size();
    while (pos < size && !candidate_bytes[static_cast<unsigned char>(data[pos])]) ++pos;
    return pos;
  }

  void add_boundary(std::size_t at, std::size_t next_start) {
    if (at > sentence_start_ && (boundaries_.empty() || boundaries_.back() < at)) {
      boundaries_.push_back(at);
    }
    sentence_start_ = next_start;
    brackets_open_ = 0;
  }

  // Keeps count of the quotes and brackets between `from` and `to`.
  void pass_over(std::size_t from, std::size_t to) {
    for (std::size_t at = from; at < to; ++at) {
      switch (text_[at]) {
        case '"':
          quotes_.open = !quotes_.open;
          break;
        case '(':
        case '[':
          ++brackets_open_;
          break;
        case ')':
        case ']':
          if (brackets_open_ > 0) --brackets_open_;
          break;
        default:
          break;
      }
    }
  }

  void at_newline() {
    if (newline_ends_sentence(text_, pos_)) add_boundary(pos_, skip_spaces(text_, pos_));
    ++pos_;
  }

  // Leaves `pos_` just after the semicolon.
  void at_semicolon() {
    const std::size_t end = ++pos_;
    if (end >= text_.size() || !is_space(code_point_at(text_, end))) return;
    const std::size_t next_start = skip_spaces(text_, end);
    if (next_start < text_.size() &&
        semicolon_ends_sentence(classify_next(code_point_at(text_, next_start)),
                                word_before_comma(text_, next_start))) {
      add_boundary(end, next_start);
    }
  }

  // After an emoticon or an emoji, a capitalised word or opening punctuation starts a sentence.
  void end_after_symbol(std::size_t end) {
    const std::size_t next_start = skip_spaces(text_, end);
    if (next_start < text_.size() &&
        ellipsis_ends_sentence(classify_next_after_dash(text_, next_start))) {
      add_boundary(end, next_start);
    }
  }

  // A whole-word emoticon (":)" between spaces): past it, and true; otherwise false.
  bool at_emoticon() {
    if (pos_ <= sentence_start_ || !is_ascii_space(text_[pos_ - 1])) return false;
    std::size_t end = pos_;
    while (end < text_.size() && end - pos_ < 8 && !is_ascii_space(text_[end])) ++end;
    if (!is_emoticon(text_.substr(pos_, end - pos_))) return false;
    pos_ = end;
    end_after_symbol(end);
    return true;
  }

  void at_emoji() {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      std::size_t next = pos_;
      const char32_t c = next_code_point(text_, next);
      if (!is_emoji(c) && !is_emoji_joiner(c)) break;
      pos_ = next;
    }
    if (start > sentence_start_) end_after_symbol(pos_);
  }

  // At a capital letter after white space, outside brackets.
  void at_capital() {
    const std::size_t word_start = pos_;
    pos_ = after_code_point(text_, pos_);
    // The capitalised word, with the apostrophe of an elided form ("C'est" gives "C'").
    std::size_t word_end = word_start;
    while (word_end < text_.size() && word_end - word_start <= max_opener_bytes) {
      std::size_t next = word_end;
      if (!is_letter(next_code_point(text_, next))) break;
      word_end = next;
    }
    if (word_end >= text_.size() || word_end - word_start > max_opener_bytes) return;
    UnpunctuatedContext context;
    std::size_t after = word_end;
    const char32_t following = next_code_point(text_, after);
    if (following == U'\'' || following == U'\u2019') {
      word_end = after;
      if (after < text_.size()) context.next = classify_next(code_point_at(text_, after));
    } else if (following == U',') {
      context.next_is_comma = true;
    } else if (is_space(following)) {
      const std::size_t next_start = skip_spaces(text_, word_end);
      if (next_start < text_.size()) context.next = classify_next(code_point_at(text_, next_start));
    } else {
      return;
    }
    context.word = text_.substr(word_start, word_end - word_start);
    context.previous = previous_word(text_, word_start, sentence_start_);
    if (begins_unpunctuated_sentence(context, words_)) add_boundary(word_start, word_start);
  }

  void at_stop() {
    const Stop stop = read_stop(text_, pos_);
    pos_ = stop.end;
    if (stop.ellipsis && is_bracketed_ellipsis(text_, stop.begin, stop.end)) return;
    const std::size_t end = skip_closing(text_, stop.end, quotes_around(stop));
    pass_over(stop.end, end);
    pos_ = end;
    if (end >= text_.size()) return;
    if (!is_space(code_point_at(text_, end))) {
      // Cheap tests first: most periods without a space after them are inside numbers,
      // addresses and abbreviations ("1.5", "www.", "a.m.").
      if (end == stop.end && stop.end - stop.begin == 1 && text_[stop.begin] == '.' &&
          stop.begin > 0 && is_lower(code_point_at(text_, before_code_point(text_, stop.begin))) &&
          is_upper(code_point_at(text_, end)) &&
          glued_period_ends_sentence(word_before(text_, stop.begin, sentence_start_).word,
                                     word_at(end), abbreviations_)) {
        add_boundary(end, end);
      }
      return;
    }
    const std::size_t next_start = skip_spaces(text_, end);
    if (next_start >= text_.size()) {
      pos_ = next_start;
      return;
    }
    const NextWord next = classify_next_after_dash(text_, next_start);
    bool ends = false;
    if (stop.question_or_exclamation) {
      ends = question_or_exclamation_ends_sentence(next);
    } else if (stop.ellipsis) {
      ends = ellipsis_ends_sentence(next);
    } else {
      const WordBefore before = word_before(text_, stop.begin, sentence_start_);
      PeriodContext context;
      context.word = before.word;
      context.after_closing = before.after_closing;
      context.list_marker = only_list_marker_before(text_, sentence_start_, stop.begin);
      context.after_number = is_number(previous_word(text_, before.begin, sentence_start_));
      context.next = next;
      context.next_is_roman_numeral = is_roman_numeral(ascii_letters_at(text_, next_start));
      context.next_is_initial = next_start + 1 < text_.size() && text_[next_start + 1] == '.' &&
                                is_letter(code_point_at(text_, next_start));
      ends = period_ends_sentence(context, abbreviations_);
    }
    if (ends) add_boundary(end, next_start);
  }

  // The quotes as they stand at a stop. Where they do not balance and a straight quote follows
  // the stop, the sentence before and the text after (each within a window, so that a long
  // paragraph costs linear time) tell whether it closes.
  [[nodiscard]] StraightQuotes quotes_around(const Stop& stop) const {
    StraightQuotes quotes = quotes_;
    if (quotes.balanced) return quotes;
    const std::string_view near = text_.substr(stop.end, max_quote_distance);
    if (near.find('"') == std::string_view::npos) return quotes;
    const std::size_t from =
        std::max(sentence_start_, stop.begin - std::min(stop.begin, max_speech_window));
    const std::string_view before = text_.substr(from, stop.begin - from);
    std::string_view after = text_.substr(stop.end, max_speech_window);
    after = after.substr(0, after.find_first_of(".!?"));
    quotes.lone_one_closes = lone_quote_closes(before, after, words_);
    return quotes;
  }

  // The text from `begin` to the next white space, at most max_word_bytes long.
  [[nodiscard]] std::string_view word_at(std::size_t begin) const {
    std::size_t end = begin;
    while (end < text_.size() && end - begin < max_word_bytes && !is_ascii_space(text_[end])) ++end;
    return text_.substr(begin, end - begin);
  }

  std::string_view text_;
  const Abbreviations& abbreviations_;
  const WordRoles& words_;
  std::vector<std::size_t> boundaries_;
  std::size_t sentence_start_ = 0;
  std::size_t pos_ = 0;
  StraightQuotes quotes_;
  std::size_t brackets_open_ = 0;  // in the sentence so far
};

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

// A language has rules when lib/data holds its abbreviations: adding a language is adding data.
bool has_rules(const Language& language) {
  return !detail::language_data("abbreviations", language.primary).empty();
}

// A document that names no language is split by ICU's rules for none ("und").
Language language_of(const std::string& lang) {
  return lang.empty() ? Language{"und", "und", ""} : language_or_throw(lang, {});
}

}  // namespace

struct Segmenter::Impl {
  Abbreviations abbreviations;
  WordRoles words;
  std::optional<BreakFinder> finder;  // only for languages without rules

  explicit Impl(const Language& language)
      : abbreviations(Abbreviations::for_language(language.primary)),
        words(WordRoles::for_language(language.primary)) {
    if (!has_rules(language)) finder.emplace(BreakKind::sentence, language.tag);
  }
};

Segmenter::Segmenter(const std::string& lang) : impl_(std::make_unique<Impl>(language_of(lang))) {}

std::optional<std::string> segmentation_warning(const Language& language) {
  if (has_rules(language)) return std::nullopt;
  return "alinea has no sentence rules of its own for '" + language.tag +
         "': ICU's general rules split its sentences (abbreviations such as 'Sr.' may end one)";
}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

std::vector<SentenceSpan> Segmenter::spans(std::string_view paragraph) {
  throw_if_invalid_utf8(paragraph);
  const std::vector<std::size_t> boundaries =
      impl_->finder ? icu_boundaries(paragraph, *impl_->finder)
                    : RuleScanner(paragraph, impl_->abbreviations, impl_->words).boundaries();
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
