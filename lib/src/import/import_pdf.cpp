// Reading the layout of text extracted from a typeset PDF: page furniture, footnotes, title
// block, paragraphs rebuilt from wrapped lines. The method is described in docs/IMPORT.md.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "alinea/document.hpp"
#include "import/import_steps.hpp"
#include "import/paragraph_guide.hpp"
#include "text/dictionary.hpp"
#include "text/unicode.hpp"

namespace alinea::import_steps {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::string_view trim_spaces(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The code point that ends at `end` (exclusive), and where it starts.
std::pair<char32_t, std::size_t> previous_code_point(std::string_view text, std::size_t end) {
  if (end == 0) return {U'\0', 0};
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) --start;
  std::size_t pos = start;
  return {next_code_point(text, pos), start};
}

char32_t first_code_point(std::string_view text) {
  std::size_t pos = 0;
  return text.empty() ? U'\0' : next_code_point(text, pos);
}

char32_t last_code_point(std::string_view text) {
  return previous_code_point(text, text.size()).first;
}

bool is_closer(char32_t c) {
  return c == U')' || c == U']' || c == U'"' || c == U'\'' || c == U'\u201D' || c == U'\u2019' ||
         c == U'\u00BB' || c == U'*';
}

bool is_hyphen(char32_t c) {
  return c == U'-' || c == U'\u2010';
}

std::string_view first_word(std::string_view text) {
  text = trim_spaces(text);
  return text.substr(0, text.find(' '));
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

bool all_ascii_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> small_number(std::string_view digits, std::size_t max_digits) {
  if (!all_ascii_digits(digits) || digits.size() > max_digits) return std::nullopt;
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::optional<int> superscript_digit(char32_t c) {
  switch (c) {
    case U'\u2070':
      return 0;
    case U'\u00B9':
      return 1;
    case U'\u00B2':
      return 2;
    case U'\u00B3':
      return 3;
    default:
      if (c >= U'\u2074' && c <= U'\u2079') return static_cast<int>(c - U'\u2070');
      return std::nullopt;
  }
}

// Superscript digits at `pos` as ASCII digits, and the bytes they take.
std::pair<std::string, std::size_t> superscript_number(std::string_view text, std::size_t pos) {
  std::string digits;
  std::size_t end = pos;
  while (end < text.size()) {
    std::size_t next = end;
    const auto digit = superscript_digit(next_code_point(text, next));
    if (!digit) break;
    digits += static_cast<char>('0' + *digit);
    end = next;
  }
  return {digits, end - pos};
}

// Whether a line holds only white space of any script (a no-break space copied from a web page,
// an ideographic space): such a line is blank, whatever bytes it is made of.
bool only_white_space(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (!is_space(next_code_point(text, pos))) return false;
  }
  return true;
}

std::string fold_line(std::string_view raw, std::size_t& indent) {
  std::string text;
  text.reserve(raw.size());
  indent = 0;
  bool leading = true;
  bool pending_space = false;
  for (const char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    const bool space = c == ' ' || c == '\t' || byte < 0x20U || byte == 0x7FU;
    if (space) {
      if (leading) indent += c == '\t' ? 4 - indent % 4 : 1;
      pending_space = !leading;
      continue;
    }
    if (pending_space) text += ' ';
    pending_space = false;
    leading = false;
    text += c;
  }
  return text;
}

// Month names of the languages alinea imports, for dates written out.
std::optional<int> month_number(std::string_view name) {
  static const std::map<std::string, int, std::less<>> months = {
      {"enero", 1},     {"febrero", 2},    {"marzo", 3},      {"abril", 4},      {"mayo", 5},
      {"junio", 6},     {"julio", 7},      {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9},
      {"octubre", 10},  {"noviembre", 11}, {"diciembre", 12}, {"janvier", 1},    {"février", 2},
      {"fevrier", 2},   {"mars", 3},       {"avril", 4},      {"mai", 5},        {"juin", 6},
      {"juillet", 7},   {"août", 8},       {"aout", 8},       {"septembre", 9},  {"octobre", 10},
      {"novembre", 11}, {"décembre", 12},  {"decembre", 12},  {"january", 1},    {"february", 2},
      {"march", 3},     {"april", 4},      {"may", 5},        {"june", 6},       {"july", 7},
      {"august", 8},    {"september", 9},  {"october", 10},   {"november", 11},  {"december", 12}};
  const auto found = months.find(name);
  return found == months.end() ? std::nullopt : std::optional<int>(found->second);
}

std::string without_digits(std::string_view text) {
  std::string key(text);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return key;
}

// An opening editorial note: the first line of text opens a parenthesis that closes at the end
// of the same or a later line. Returns the last line index of the note.
std::optional<std::size_t> editorial_note_end(const std::vector<SourceLine>& lines,
                                              const std::vector<bool>& usable, std::size_t first) {
  if (lines[first].text.front() != '(') return std::nullopt;
  int depth = 0;
  std::size_t words = 0;
  std::size_t taken = 0;
  for (std::size_t i = first; i < lines.size() && taken < 8; ++i) {
    if (!usable[i]) {
      if (lines[i].blank()) continue;
      return std::nullopt;
    }
    ++taken;
    const std::string& text = lines[i].text;
    words += split_words(text).size();
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
      if (text[pos] == '(') ++depth;
      if (text[pos] == ')') --depth;
      if (depth <= 0) {
        const bool at_end = pos + 1 == text.size();
        if (at_end && words >= 4) return i;
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

enum class Role { text, blank, separator, furniture, title, source };

}  // namespace

bool looks_like_name(std::string_view text) {
  static const std::set<std::string, std::less<>> particles = {
      "de", "del", "la", "las", "los", "y", "von", "van", "der", "da", "di", "du", "le", "e"};
  const auto words = split_words(text);
  if (words.empty() || words.size() > 6) return false;
  bool capitalised = false;
  for (const std::string_view word : words) {
    if (is_upper(first_code_point(word))) {
      capitalised = true;
    } else if (particles.count(word) == 0) {
      return false;
    }
  }
  return capitalised;
}

bool is_separator_line(std::string_view raw) {
  std::size_t spaces = 0;
  std::size_t rules = 0;
  for (std::size_t pos = 0; pos < raw.size();) {
    const char32_t c = next_code_point(raw, pos);
    if (c == U' ' || c == U'\t' || c == U'\u00A0' || c == U'\r') {
      ++spaces;
    } else if (c == U'_' || c == U'-' || c == U'\u2014' || c == U'\u2013' || c == U'\u2500') {
      ++rules;
    } else {
      return false;
    }
  }
  return rules >= 5 || spaces >= 20;
}

std::vector<SourceLine> read_lines(std::string_view input) {
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  std::vector<SourceLine> lines;
  std::size_t number = 1;
  std::size_t pos = 0;
  while (pos < input.size()) {
    const std::size_t end = std::min(input.find_first_of("\r\n", pos), input.size());
    std::string_view raw = input.substr(pos, end - pos);
    bool page_break = false;
    // A form feed starts a page; what stood before it on the same line ends the previous one.
    for (std::size_t feed = raw.find('\f'); feed != npos; feed = raw.find('\f')) {
      const std::string_view before = raw.substr(0, feed);
      if (!trim_spaces(before).empty()) {
        SourceLine line;
        line.text = fold_line(before, line.indent);
        line.number = number;
        line.page_break_before = page_break;
        lines.push_back(std::move(line));
      }
      page_break = true;
      raw.remove_prefix(feed + 1);
    }
    SourceLine line;
    line.separator = is_separator_line(raw);
    line.text = fold_line(raw, line.indent);
    if (only_white_space(line.text)) line.text.clear();
    line.number = number;
    line.page_break_before = page_break;
    lines.push_back(std::move(line));
    ++number;
    const bool crlf = input.compare(end, 2, "\r\n") == 0;
    pos = end + (crlf ? 2 : 1);
  }
  return lines;
}

std::vector<SourceLine> join_raised_note_numbers(std::vector<SourceLine> lines) {
  std::vector<SourceLine> joined;
  joined.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SourceLine& line = lines[i];
    if (i + 1 < lines.size() && all_ascii_digits(line.text) && line.text.size() <= 3) {
      const SourceLine& next = lines[i + 1];
      const bool note_text = !next.blank() && !next.separator && !next.page_break_before &&
                             next.indent > line.indent && !next.text.empty() &&
                             (next.text.front() < '0' || next.text.front() > '9');
      if (note_text) {
        line.text += ' ' + next.text;
        joined.push_back(std::move(line));
        ++i;
        continue;
      }
    }
    joined.push_back(std::move(line));
  }
  return joined;
}

bool is_page_number(std::string_view text) {
  std::string folded = to_lower(text);
  std::string_view rest = folded;
  const auto strip_ends = [](std::string_view s) {
    const std::string_view dashes[] = {" ", "-", "\u2013", "\u2014", "|", "\u00B7"};
    bool changed = true;
    while (changed && !s.empty()) {
      changed = false;
      for (const std::string_view dash : dashes) {
        if (s.substr(0, dash.size()) == dash) s.remove_prefix(dash.size()), changed = true;
        if (s.size() >= dash.size() && s.substr(s.size() - dash.size()) == dash) {
          s.remove_suffix(dash.size());
          changed = true;
        }
      }
    }
    return s;
  };
  rest = strip_ends(rest);
  for (const std::string_view prefix :
       {"página", "pagina", "pág.", "pág", "page", "p.", "seite", "s."}) {
    if (rest.substr(0, prefix.size()) == prefix) {
      rest = trim_spaces(rest.substr(prefix.size()));
      break;
    }
  }
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4) return false;
  rest = trim_spaces(rest.substr(digits));
  if (rest.empty()) return true;
  for (const std::string_view joiner : {"/", "of", "de", "sur", "von"}) {
    if (rest.substr(0, joiner.size()) == joiner) {
      return all_ascii_digits(trim_spaces(rest.substr(joiner.size())));
    }
  }
  return false;
}

bool is_contact(std::string_view text) {
  if (text.empty() || text.find(' ') != npos) return false;
  if (text.substr(0, 7) == "http://" || text.substr(0, 8) == "https://" ||
      text.substr(0, 4) == "www.") {
    return true;
  }
  const std::size_t at = text.find('@');
  return at != npos && at > 0 && text.find('.', at) != npos && text.find('.', at) + 1 < text.size();
}

std::optional<std::string> parse_date(std::string_view text) {
  const std::string folded = to_lower(text);
  std::vector<std::string> tokens;
  for (std::string_view word : split_words(folded)) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.remove_suffix(1);
    if (word.empty() || word == "de" || word == "del" || word == "le" || word == "the" ||
        word == "of") {
      continue;
    }
    tokens.emplace_back(word);
  }
  if (tokens.size() != 3) return std::nullopt;
  const auto day_of = [](std::string day) -> std::optional<int> {
    for (const std::string_view suffix : {"er", "º", "°", "st", "nd", "rd", "th"}) {
      if (day.size() > suffix.size() &&
          day.compare(day.size() - suffix.size(), npos, suffix.data(), suffix.size()) == 0) {
        day.resize(day.size() - suffix.size());
        break;
      }
    }
    const auto value = small_number(day, 2);
    return value && *value >= 1 && *value <= 31 ? value : std::nullopt;
  };
  std::optional<int> day = day_of(tokens[0]);
  std::optional<int> month = month_number(tokens[1]);
  if (!day || !month) {
    day = day_of(tokens[1]);
    month = month_number(tokens[0]);
  }
  const auto year = small_number(tokens[2], 4);
  if (!day || !month || !year || tokens[2].size() != 4) return std::nullopt;
  std::array<char, 16> iso{};
  std::snprintf(iso.data(), iso.size(), "%04d-%02d-%02d", *year, *month, *day);
  return std::string(iso.data());
}

bool ends_sentence(std::string_view text) {
  text = trim_spaces(text);
  while (!text.empty()) {
    const auto [c, start] = previous_code_point(text, text.size());
    if (!is_closer(c)) break;
    text = text.substr(0, start);
  }
  if (text.empty()) return false;
  const char32_t last = last_code_point(text);
  return last == U'.' || last == U'!' || last == U'?' || last == U'\u2026' || last == U':' ||
         last == U';';
}

namespace {

// Whether a line ends a sentence with a full stop, an exclamation or question mark or an
// ellipsis (not a colon or a semicolon), possibly followed by a note number.
bool ends_full_sentence(std::string_view text) {
  const std::size_t last = text.find_last_not_of("0123456789");
  if (last == npos || !ends_sentence(text.substr(0, last + 1))) return false;
  std::string_view rest = trim_spaces(text.substr(0, last + 1));
  while (!rest.empty() && is_closer(last_code_point(rest))) {
    rest = rest.substr(0, previous_code_point(rest, rest.size()).second);
  }
  const char32_t end = last_code_point(rest);
  return end != U':' && end != U';';
}

}  // namespace

std::size_t typical_line_length(std::vector<std::size_t> lengths) {
  if (lengths.empty()) return 0;
  std::sort(lengths.begin(), lengths.end());
  // Lines far longer than most are two printed lines that the extraction joined (pdftotext
  // joins a line ending in a hyphen with the next): they say nothing of the measure.
  const std::size_t median = lengths[lengths.size() / 2];
  while (lengths.size() > 1 && lengths.back() * 2 > median * 3) lengths.pop_back();
  const std::size_t high = lengths[(lengths.size() - 1) * 9 / 10];
  std::vector<std::size_t> long_lines;
  for (const std::size_t length : lengths) {
    if (length * 10 >= high * 7) long_lines.push_back(length);
  }
  return long_lines[long_lines.size() / 2];
}

PrintedLines printed_lines(std::size_t length, std::size_t measure) {
  if (measure == 0 || length * 100 <= measure * 115) return {1, length};
  const std::size_t count = (length * 100 + measure * 115 - 1) / (measure * 115);
  return {count, length - (count - 1) * measure};
}

std::string restore_joined_hyphens(std::string_view line, std::size_t measure) {
  const PrintedLines printed = printed_lines(count_code_points(line), measure);
  if (printed.count < 2) return std::string(line);
  const std::size_t slack = measure * 15 / 100;
  std::string restored;
  restored.reserve(line.size() + printed.count);
  std::size_t characters = 0;  // code points before `pos`
  char32_t previous = U' ';
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(line, pos);
    if (is_lower(previous) && is_upper(c)) {
      // The end of a printed line nearest to this character.
      const std::size_t join = (characters + measure / 2) / measure;
      const std::size_t at = join * measure;
      if (join >= 1 && join < printed.count && characters + slack >= at &&
          characters <= at + slack) {
        restored += '-';
      }
    }
    restored.append(line.substr(start, pos - start));
    previous = c;
    ++characters;
  }
  return restored;
}

bool ends_paragraph(std::string_view line, std::string_view next, std::size_t full_length) {
  if (full_length == 0) return ends_sentence(line);
  // Printed lines joined by the extraction: the last of them is what follows a full line.
  const std::size_t length = printed_lines(count_code_points(trim_spaces(line)), full_length).last;
  const std::size_t next_word = count_code_points(first_word(next));
  const bool next_word_fits = length + 1 + next_word <= full_length;
  const bool clearly_short = length * 10 < full_length * 6;
  return next_word_fits && (ends_sentence(line) || clearly_short);
}

namespace {

// How two wrapped lines meet: with a space, directly, or directly without the hyphen that ends
// the first. Looks only at the end of `left`, so that long paragraphs are built in linear time.
enum class LineJoin { space, direct, drop_hyphen };

LineJoin line_join(std::string_view left, std::string_view right, const Dictionary* dictionary) {
  const auto [last, hyphen_start] = previous_code_point(left, left.size());
  if (last == U'\u00AD') return LineJoin::drop_hyphen;
  if (!is_hyphen(last)) return LineJoin::space;
  const std::string_view before_hyphen = left.substr(0, hyphen_start);
  const char32_t before = last_code_point(before_hyphen);
  const char32_t after = first_code_point(right);
  if (is_letter(before) && is_lower(after)) {
    if (dictionary == nullptr) return LineJoin::drop_hyphen;
    // Split word or compound? Only a dictionary can tell "revolu-cionario" from "franco-alemán".
    constexpr std::size_t longest_word = 64;
    std::size_t word_start = before_hyphen.size();
    for (std::size_t taken = 0; word_start > 0 && taken < longest_word; ++taken) {
      const auto [c, start] = previous_code_point(before_hyphen, word_start);
      if (!is_letter(c)) break;
      word_start = start;
    }
    std::size_t word_end = 0;
    for (std::size_t taken = 0; word_end < right.size() && taken < longest_word; ++taken) {
      std::size_t next = word_end;
      if (!is_letter(next_code_point(right, next))) break;
      word_end = next;
    }
    const std::string head(before_hyphen.substr(word_start));
    const std::string tail(right.substr(0, word_end));
    const bool compound =
        !dictionary->knows(head + tail) && ((dictionary->knows(head) && dictionary->knows(tail)) ||
                                            dictionary->knows(head + "-" + tail));
    return compound ? LineJoin::direct : LineJoin::drop_hyphen;
  }
  if ((is_letter(before) || is_digit(before)) && (is_letter(after) || is_digit(after))) {
    return LineJoin::direct;  // "Brest-" "Litovsk", "1890-" "1947"
  }
  return LineJoin::space;
}

// join_wrapped, appending to a text being built.
std::string append_wrapped(std::string text, std::string_view line, const Dictionary* dictionary) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  line = trim_spaces(line);
  if (line.empty()) return text;
  if (text.empty()) return std::string(line);
  switch (line_join(text, line, dictionary)) {
    case LineJoin::space:
      text += ' ';
      break;
    case LineJoin::drop_hyphen:
      text.resize(previous_code_point(text, text.size()).second);
      break;
    case LineJoin::direct:
      break;
  }
  text.append(line);
  return text;
}

}  // namespace

LineGaps count_line_gaps(const std::vector<bool>& blank_lines) {
  LineGaps counted;
  bool blank_since_last = false;
  bool seen_line = false;
  for (const bool blank : blank_lines) {
    if (blank) {
      blank_since_last = true;
      continue;
    }
    if (seen_line) {
      ++counted.gaps;
      if (blank_since_last) ++counted.blank;
    }
    seen_line = true;
    blank_since_last = false;
  }
  return counted;
}

std::string join_wrapped(std::string_view left, std::string_view right,
                         const Dictionary* dictionary) {
  return append_wrapped(std::string(trim_spaces(left)), right, dictionary);
}

std::optional<std::string> note_start(std::string_view text, std::size_t expected) {
  const std::string label = std::to_string(expected);
  const auto rest_after = [&](std::size_t length) -> std::optional<std::string> {
    const std::string_view rest = text.substr(length);
    if (rest.size() < 2 || rest.front() != ' ') return std::nullopt;
    return std::string(trim_spaces(rest));
  };
  if (text.substr(0, label.size()) == label) {
    const std::size_t after = label.size();
    if (after < text.size() && (text[after] == '.' || text[after] == ')')) {
      return rest_after(after + 1);
    }
    return rest_after(after);
  }
  if (text.substr(0, label.size() + 2) == "[" + label + "]" ||
      text.substr(0, label.size() + 2) == "(" + label + ")") {
    return rest_after(label.size() + 2);
  }
  const auto [digits, length] = superscript_number(text, 0);
  if (!digits.empty() && digits == label) {
    const std::string_view rest = trim_spaces(text.substr(length));
    if (!rest.empty()) return std::string(rest);
  }
  return std::nullopt;
}

std::optional<TitleBlock> find_title_block(const std::vector<SourceLine>& lines) {
  std::vector<std::size_t> nonblank;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank()) nonblank.push_back(i);
  }
  for (std::size_t k = 2; k < nonblank.size(); ++k) {
    const SourceLine& title = lines[nonblank[k - 2]];
    const SourceLine& author = lines[nonblank[k - 1]];
    const SourceLine& date_line = lines[nonblank[k]];
    if (title.separator || author.separator || date_line.separator) continue;
    const auto date = parse_date(date_line.text);
    if (!date || count_code_points(title.text) > 60 || count_code_points(author.text) > 60 ||
        !looks_like_name(author.text) || is_page_number(title.text)) {
      continue;
    }
    // An editor's title keeps its square brackets: they say the author did not give it.
    return TitleBlock{
        title.text, author.text, *date, {nonblank[k - 2], nonblank[k - 1], nonblank[k]}};
  }
  return std::nullopt;
}

bool ends_sentence_with_reference(std::string_view text) {
  const std::size_t last = text.find_last_not_of("0123456789");
  return ends_sentence(text) || (last != npos && ends_sentence(text.substr(0, last + 1)));
}

std::vector<std::size_t> find_running_heads(const std::vector<SourceLine>& lines) {
  std::map<std::string, std::vector<std::size_t>> occurrences;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& text = lines[i].text;
    // A line that begins with a number may be a note ("4 Ibid"): better leave a footer in the
    // text than lose a note. A paragraph's last line with its note number ("ni.433") ends a
    // sentence once the number is left out, and is text however often such a line recurs.
    if (text.empty() || count_code_points(text) > 70 || ends_sentence_with_reference(text) ||
        all_ascii_digits(first_word(text))) {
      continue;
    }
    occurrences[without_digits(text)].push_back(i);
  }
  std::vector<std::size_t> found;
  for (const auto& [key, where] : occurrences) {
    if (where.size() >= 2) found.insert(found.end(), where.begin(), where.end());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<ReferencedText> place_note_references(const std::vector<std::string>& paragraphs,
                                                  const std::vector<std::string>& labels) {
  std::vector<ReferencedText> result;
  std::size_t next = 0;
  for (const std::string& text : paragraphs) {
    ReferencedText out;
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t taken = 0;
      bool drop_space_before = false;
      if (next < labels.size()) {
        const std::string& label = labels[next];
        const auto [superscript, superscript_length] = superscript_number(text, pos);
        const auto [before, before_start] = previous_code_point(text, pos);
        const char32_t before_that = previous_code_point(text, before_start).first;
        const std::size_t after = pos + label.size();
        if (!superscript.empty()) {
          if (superscript == label) taken = superscript_length;
        } else if ((text.compare(pos, label.size() + 2, "[" + label + "]") == 0 &&
                    (after + 2 >= text.size() || text[after + 2] != '(')) ||
                   (text.compare(pos, label.size() + 2, "(" + label + ")") == 0 && pos > 0 &&
                    text[pos - 1] == ' ')) {
          taken = label.size() + 2;
          drop_space_before = true;
        } else if (text.compare(pos, label.size(), label) == 0 && pos > 0 &&
                   (after == text.size() || (!is_digit(first_code_point(text.substr(after))) &&
                                             !is_letter(first_code_point(text.substr(after)))))) {
          const bool glued_to_word = is_letter(before);
          const bool glued_to_punctuation =
              (is_closer(before) && before != U'\'' && before != U'"') || before == U'!' ||
              before == U'?' || before == U'\u2026' || before == U';' || before == U':' ||
              ((before == U'.' || before == U',') && !is_digit(before_that));
          // A raised number set a little apart from the bracket or quote it follows comes out
          // of an extraction after a space ("dueños) 6."); the sentence's punctuation after it
          // says it counts nothing ("los 6 tomos").
          const bool apart_after_closer =
              before == U' ' && is_closer(before_that) && before_that != U'\'' &&
              before_that != U'"' &&
              (after == text.size() || std::string_view(".,;:").find(text[after]) != npos);
          if (glued_to_word || glued_to_punctuation) taken = label.size();
          if (apart_after_closer) {
            taken = label.size();
            drop_space_before = true;
          }
        }
      }
      if (taken > 0) {
        if (drop_space_before && !out.text.empty() && out.text.back() == ' ') out.text.pop_back();
        out.text += reference_marker;
        out.labels.push_back(labels[next++]);
        pos += taken;
      } else {
        out.text += text[pos++];
      }
    }
    result.push_back(std::move(out));
  }
  return result;
}

std::string protect_block_start(std::string text) {
  // Pandoc's fancy lists: "a) ", "(a) ", "iv. ", "#. " start a list item.
  const std::size_t open = text.size() > 0 && text[0] == '(' ? 1 : 0;
  std::size_t end = open;
  while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') ||
                               (text[end] >= 'A' && text[end] <= 'Z') || text[end] == '#')) {
    ++end;
  }
  const std::string_view marker(text.data() + open, end - open);
  const bool roman = !marker.empty() && marker.find_first_not_of("ivxlcdmIVXLCDM") == npos;
  // "B. Russell": a capital and a period need two spaces to start a list, and spaces are folded.
  const bool initial = marker.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == npos;
  if ((marker.size() == 1 || roman) && end + 1 < text.size() &&
      (text[end] == ')' || (text[end] == '.' && open == 0 && !initial)) && text[end + 1] == ' ') {
    text.insert(open == 1 ? 0 : end, 1, '\\');
    return text;
  }
  // A definition ("Term" then ": text"), and a rule made of dashes.
  if (text.substr(0, 2) == ": ") {
    text.insert(0, 1, '\\');
  } else if (std::count(text.begin(), text.end(), '-') >= 3 &&
             text.find_first_not_of("- ") == std::string::npos) {
    text.insert(0, 1, '\\');
  }
  return text;
}

std::string to_markdown(const ReferencedText& text) {
  // A literal "[^x]" in the input is text, not a reference: hide it from escape_markdown,
  // which keeps references as they are.
  constexpr char literal_bracket = '\x02';
  std::string raw = text.text;
  for (std::size_t pos = raw.find("[^"); pos != npos; pos = raw.find("[^", pos + 1)) {
    raw[pos] = literal_bracket;
  }
  const std::string escaped = protect_block_start(escape_markdown(raw));
  std::string out;
  out.reserve(escaped.size() + 8 * text.labels.size());
  std::size_t next = 0;
  for (const char c : escaped) {
    if (c == reference_marker && next < text.labels.size()) {
      out += "[^" + text.labels[next++] + "]";
    } else if (c == literal_bracket) {
      out += "\\[";
    } else {
      out += c;
    }
  }
  // "[^1]: text" would read back as the definition of note 1, not a paragraph citing it.
  if (!text.labels.empty() && out.starts_with("[^" + text.labels.front() + "]:")) {
    out.insert(text.labels.front().size() + 3, 1, '\\');
  }
  return out;
}

namespace {

// The block marks read_pdf_text puts at the start of lines, taken off their texts into `block`.
std::vector<SourceLine> with_blocks_taken(std::vector<SourceLine> lines) {
  for (SourceLine& line : lines) {
    if (!line.text.starts_with(block_mark_open)) continue;
    const std::size_t close = line.text.find(block_mark_close);
    if (close == npos) continue;
    line.block = line.text.substr(block_mark_open.size(), close - block_mark_open.size());
    line.text.erase(0, close + block_mark_close.size());
  }
  return lines;
}

}  // namespace

PdfLayout analyse_pdf_text(std::string_view input, const Dictionary* dictionary,
                           const std::vector<SourceParagraph>& paragraphs_like) {
  const std::vector<SourceLine> lines =
      attach_note_number_column(join_raised_note_numbers(with_blocks_taken(read_lines(input))));
  PdfLayout layout;
  std::vector<Role> roles(lines.size(), Role::text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].separator) {
      roles[i] = Role::separator;
    } else if (lines[i].blank()) {
      roles[i] = Role::blank;
    }
  }

  layout.title = find_title_block(lines);
  if (layout.title) {
    for (const std::size_t i : layout.title->lines) roles[i] = Role::title;
  }
  for (const std::size_t i : find_running_heads(lines)) {
    if (roles[i] == Role::text) roles[i] = Role::furniture;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (roles[i] != Role::text) continue;
    if (is_page_number(lines[i].text)) {
      roles[i] = Role::furniture;
    } else if (is_contact(lines[i].text)) {
      roles[i] = Role::furniture;
      if (std::find(layout.contacts.begin(), layout.contacts.end(), lines[i].text) ==
          layout.contacts.end()) {
        layout.contacts.push_back(lines[i].text);
      }
    }
  }

  // The opening editorial note ("(Translated from …)") is the first text of the extraction.
  std::vector<bool> usable(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) usable[i] = roles[i] == Role::text;
  const auto first_text = std::find(usable.begin(), usable.end(), true);
  if (first_text != usable.end()) {
    const auto first = static_cast<std::size_t>(first_text - usable.begin());
    if (const auto last = editorial_note_end(lines, usable, first)) {
      std::string note;
      for (std::size_t i = first; i <= *last; ++i) {
        if (roles[i] != Role::text) continue;
        note = append_wrapped(std::move(note), lines[i].text, dictionary);
        roles[i] = Role::source;
      }
      layout.source = note.substr(1, note.size() - 2);
    }
  }

  // Blank lines mean something only when the extraction does not put one after every line.
  std::vector<bool> blank_lines(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) blank_lines[i] = roles[i] == Role::blank;
  const LineGaps line_gaps = count_line_gaps(blank_lines);
  const bool blank_lines_doubled = line_gaps.gaps > 0 && line_gaps.blank * 4 >= line_gaps.gaps * 3;

  const auto is_page_marker = [&](std::size_t i) {
    return roles[i] == Role::furniture || roles[i] == Role::title || lines[i].page_break_before;
  };

  // Notes are set in their own measure; estimate it from the lines under the separators.
  std::vector<std::size_t> note_lengths;
  for (std::size_t i = 0, in_notes = 0; i < lines.size(); ++i) {
    if (is_page_marker(i)) in_notes = 0;
    if (roles[i] == Role::separator) in_notes = 1;
    if (in_notes != 0 && roles[i] == Role::text) {
      note_lengths.push_back(count_code_points(lines[i].text));
    }
  }
  // With form feeds the pages are known, and notes end only where their page does.
  const bool pages_marked = std::any_of(
      lines.begin(), lines.end(), [](const SourceLine& line) { return line.page_break_before; });

  // Whether a footnote rule stands further down the same page: the page's notes start there.
  std::vector<bool> rule_ahead(lines.size() + 1, false);
  for (std::size_t i = lines.size(); i-- > 0;) {
    rule_ahead[i] = (i + 1 < lines.size() && lines[i + 1].page_break_before)
                        ? false
                        : roles[i] == Role::separator || rule_ahead[i + 1];
  }

  struct BodyLine {
    std::size_t index;
    bool page_break_before;
    bool blank_before;
  };
  struct Zones {
    std::vector<BodyLine> body;
    std::vector<std::vector<std::size_t>> note_lines;
    std::vector<std::string> note_first_text;
  };
  // How many of the last body lines, on the page of the last one, are the rest of a note
  // carried over from an earlier page: from the bottom, at most one short line (the note's
  // end), then lines set in the notes' measure, clearly longer than the text's.
  const auto carried_note_lines = [&](const std::vector<BodyLine>& body, std::size_t note_measure) {
    std::vector<std::size_t> lengths;
    for (const BodyLine& line : body) lengths.push_back(count_code_points(lines[line.index].text));
    // The text's measure from the earlier pages, which the lines in question do not stand on.
    std::size_t page_start = body.size();
    while (page_start > 0 && !body[page_start - 1].page_break_before) --page_start;
    if (page_start > 0) --page_start;
    const std::size_t text_measure = typical_line_length(
        page_start >= 3 ? std::vector<std::size_t>(lengths.begin(),
                                                   lengths.begin() + static_cast<long>(page_start))
                        : lengths);
    const auto in_note_measure = [&](std::size_t length) {
      return length * 100 > text_measure * 108 && length * 100 >= note_measure * 85 &&
             length * 100 <= note_measure * 110;
    };
    std::size_t end = body.size();
    if (end > 0 && !in_note_measure(lengths[end - 1]) && !body[end - 1].page_break_before) --end;
    std::size_t start = end;
    while (start > 0 && in_note_measure(lengths[start - 1]) && !body[start - 1].page_break_before) {
      --start;
    }
    return start < end ? body.size() - start : 0;
  };
  const auto split_zones = [&](std::size_t note_measure) {
    Zones zones;
    auto& body = zones.body;
    auto& note_lines = zones.note_lines;
    auto& note_first_text = zones.note_first_text;
    bool in_notes = false;
    bool zone_has_note = false;
    bool page_break = false;
    bool blank_before = false;
    bool page_since_note = false;
    std::size_t references_seen = 0;  // note numbers found in the body so far, in order
    const auto count_references = [&](const std::string& text) {
      std::vector<std::string> next_labels;
      for (std::size_t k = 1; k <= 8; ++k)
        next_labels.push_back(std::to_string(references_seen + k));
      references_seen += place_note_references({text}, next_labels).front().labels.size();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].page_break_before) {
        page_break = true;
        in_notes = false;
        page_since_note = true;
        blank_before = false;  // the blank lines of a page foot do not end a paragraph
      }
      switch (roles[i]) {
        case Role::blank:
          // Blank lines between a page's head (a number, a running head) and its first line
          // are the page's margin, not a paragraph break.
          if (!page_break) blank_before = true;
          continue;
        case Role::separator:
          in_notes = true;
          zone_has_note = false;
          continue;
        case Role::furniture:
        case Role::title:
          page_break = true;
          in_notes = false;
          page_since_note = true;
          blank_before = false;
          continue;
        case Role::source:
          continue;
        case Role::text:
          break;
      }
      const std::string& text = lines[i].text;
      if (!in_notes && references_seen > note_lines.size() &&
          note_start(text, note_lines.size() + 1)) {
        // Notes without a rule (the rule was drawn, not typed): a line that starts with the
        // next note number, once that number has been seen in the text, opens the notes.
        in_notes = true;
        zone_has_note = false;
        if (!note_lines.empty() && page_since_note &&
            !ends_sentence(lines[note_lines.back().back()].text)) {
          // A note left unfinished on an earlier page may go on above this one, under the
          // page's text: lines in the notes' smaller type, longer than the text's lines.
          const std::size_t carried = carried_note_lines(body, note_measure);
          for (std::size_t k = body.size() - carried; k < body.size(); ++k) {
            note_lines.back().push_back(body[k].index);
          }
          body.resize(body.size() - carried);
          if (carried > 0) zone_has_note = true;
        }
      } else if (!in_notes && !note_lines.empty() && page_since_note && !body.empty() &&
                 !rule_ahead[i] && is_lower(first_code_point(text)) &&
                 !ends_sentence(lines[note_lines.back().back()].text) &&
                 ends_full_sentence(lines[body.back().index].text)) {
        // A note left unfinished on an earlier page goes on under this page's text: a line
        // that starts in lower case after the text has ended a sentence carries it on.
        in_notes = true;
        zone_has_note = true;
        note_lines.back().push_back(i);
        page_since_note = false;
        blank_before = false;
        continue;
      }
      if (in_notes) {
        const std::string* previous =
            note_lines.empty() ? nullptr : &lines[note_lines.back().back()].text;
        const bool previous_may_end = previous == nullptr || !zone_has_note ||
                                      ends_sentence(*previous) ||
                                      count_code_points(*previous) * 10 < note_measure * 9;
        if (const auto start = note_start(text, note_lines.size() + 1); start && previous_may_end) {
          note_lines.push_back({i});
          note_first_text.push_back(*start);
          zone_has_note = true;
          blank_before = false;
          page_since_note = false;
          continue;
        }
        if (previous != nullptr &&
            (!zone_has_note || pages_marked || !ends_paragraph(*previous, text, note_measure))) {
          note_lines.back().push_back(i);
          blank_before = false;
          page_since_note = false;
          continue;
        }
        in_notes = false;  // the notes ended with their page; the next page's text begins
        page_break = true;
      }
      body.push_back({i, page_break, blank_before});
      count_references(text);
      page_break = false;
      blank_before = false;
    }
    return zones;
  };
  std::size_t note_measure = typical_line_length(note_lengths);
  if (note_measure == 0) {
    // No rule: find the notes with the text's measure, then measure the notes found.
    std::vector<std::size_t> text_lengths;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (roles[i] == Role::text) text_lengths.push_back(count_code_points(lines[i].text));
    }
    for (const auto& note : split_zones(typical_line_length(text_lengths)).note_lines) {
      for (const std::size_t i : note) note_lengths.push_back(count_code_points(lines[i].text));
    }
    note_measure = typical_line_length(note_lengths);
  }
  Zones zones = split_zones(note_measure);
  std::vector<BodyLine>& body = zones.body;
  const std::vector<std::vector<std::size_t>>& note_lines = zones.note_lines;
  const std::vector<std::string>& note_first_text = zones.note_first_text;
  // Endnotes under their own heading ("Notas"): a short last line of the text, after a sentence
  // ended, right before notes that nothing of the text follows.
  if (body.size() >= 2 && !note_lines.empty() && body.back().index < note_lines.front().front()) {
    const std::string& last = lines[body.back().index].text;
    const std::size_t words =
        static_cast<std::size_t>(std::count(last.begin(), last.end(), ' ')) + 1;
    if (words <= 3 && count_code_points(last) <= 30 && !ends_sentence(last) &&
        !all_ascii_digits(last) && ends_sentence(lines[body[body.size() - 2].index].text)) {
      body.pop_back();
    }
  }

  // Paragraphs: one measure per page, since pages may be set differently.
  std::vector<std::size_t> all_lengths;
  for (const BodyLine& line : body)
    all_lengths.push_back(count_code_points(lines[line.index].text));
  const std::size_t document_measure = typical_line_length(all_lengths);
  std::vector<std::size_t> measure(body.size(), document_measure);
  std::vector<std::size_t> base_indent(body.size(), 0);
  for (std::size_t start = 0; start < body.size();) {
    std::size_t end = start + 1;
    while (end < body.size() && !body[end].page_break_before) ++end;
    std::vector<std::size_t> lengths;
    for (std::size_t k = start; k < end; ++k) {
      // A line the extraction joined with the next is no line of the page's measure.
      if (all_lengths[k] * 2 <= document_measure * 3) lengths.push_back(all_lengths[k]);
    }
    std::map<std::size_t, std::size_t> indents;
    for (std::size_t k = start; k < end; ++k) ++indents[lines[body[k].index].indent];
    const std::size_t common_indent =
        std::max_element(indents.begin(), indents.end(), [](const auto& a, const auto& b) {
          return a.second < b.second;
        })->first;
    const std::size_t page_measure = lengths.size() >= 5 ? typical_line_length(lengths) : 0;
    for (std::size_t k = start; k < end; ++k) {
      if (page_measure != 0) measure[k] = page_measure;
      base_indent[k] = common_indent;
    }
    start = end;
  }
  // Paragraphs marked by first-line indents (a single indented line, then lines at the margin):
  // where the layout shows them, a line ends its paragraph only before an indented line, and
  // the line lengths are not asked.
  // A heading or a quotation is a block of its own whatever its indent.
  const auto in_block = [&](std::size_t k) { return !lines[body[k].index].block.empty(); };
  const auto indented = [&](std::size_t k) {
    return !in_block(k) && lines[body[k].index].indent >= base_indent[k] + 2;
  };
  std::size_t indented_lines = 0;
  std::size_t first_line_indents = 0;
  for (std::size_t k = 0; k < body.size(); ++k) {
    if (!indented(k)) continue;
    ++indented_lines;
    if (k + 1 < body.size() && !indented(k + 1) && !body[k + 1].page_break_before) {
      ++first_line_indents;
    }
  }
  const bool indents_mark_paragraphs =
      first_line_indents >= 3 && first_line_indents * 5 >= indented_lines * 4;
  // What the layout says of each line end; the source's paragraphs, when given, decide between
  // those that may end a paragraph (paragraph_guide.hpp).
  std::vector<GuidedLine> guided(body.size());
  bool marked_paragraphs = indented_lines > 0;  // by an indent or a blank line
  bool guessed_paragraphs = false;              // by line lengths alone
  for (std::size_t k = 0; k < body.size(); ++k) {
    const SourceLine& line = lines[body[k].index];
    guided[k].length = count_code_points(line.text) + 1;
    if (k + 1 == body.size()) {
      guided[k].end = LineEnd::sure;
      continue;
    }
    const SourceLine& next = lines[body[k + 1].index];
    // A heading is one line; a quotation's lines go on together, apart from the text's.
    const bool block_changes = (in_block(k) && line.block != "q") || line.block != next.block;
    const bool marked =
        (body[k + 1].blank_before && !blank_lines_doubled) || indented(k + 1) || block_changes;
    const bool judged = !marked && !indents_mark_paragraphs;
    const bool guessed = judged && ends_paragraph(line.text, next.text, measure[k]);
    const bool possible = judged && !guessed && ends_sentence_with_reference(line.text) &&
                          !is_lower(first_code_point(next.text));
    marked_paragraphs = marked_paragraphs || marked;
    guessed_paragraphs = guessed_paragraphs || guessed;
    guided[k].end = marked     ? LineEnd::sure
                    : guessed  ? LineEnd::likely
                    : possible ? LineEnd::possible
                               : LineEnd::inside;
  }
  if (!paragraphs_like.empty()) {
    // How likely each line end that may end a paragraph does, from how far its line stops short
    // of the page's measure, given how much this document's full lines vary.
    const double spread = full_line_spread(all_lengths, measure);
    // How often the extraction joined printed lines: the lines longer than any printed one.
    std::size_t joined = 0;
    for (std::size_t k = 0; k < body.size(); ++k) {
      if (printed_lines(all_lengths[k], measure[k]).count > 1) ++joined;
    }
    const double join_rate = static_cast<double>(joined) / static_cast<double>(body.size());
    for (std::size_t k = 0; k + 1 < body.size(); ++k) {
      guided[k].probability = end_probability(all_lengths[k], measure[k], spread, join_rate);
    }
    std::vector<std::string> texts;
    for (const BodyLine& line : body) texts.push_back(lines[line.index].text);
    std::vector<std::string> labels;
    for (std::size_t n = 1; n <= note_lines.size(); ++n) labels.push_back(std::to_string(n));
    const auto referenced = place_note_references(texts, labels);
    for (std::size_t k = 0; k < body.size(); ++k) {
      guided[k].references = referenced[k].labels.size();
    }
  }
  const std::vector<bool> ends = paragraph_ends_like(guided, paragraphs_like);
  std::size_t taken = 0;
  std::size_t left = 0;
  std::string paragraph;
  for (std::size_t k = 0; k < body.size(); ++k) {
    const SourceLine& line = lines[body[k].index];
    if (paragraph.empty() && in_block(k)) paragraph = block_mark(line.block);
    paragraph = append_wrapped(std::move(paragraph), restore_joined_hyphens(line.text, measure[k]),
                               dictionary);
    if (guided[k].end == LineEnd::possible && ends[k]) ++taken;
    if (guided[k].end == LineEnd::likely && !ends[k]) ++left;
    if (ends[k]) {
      layout.paragraphs.push_back(std::move(paragraph));
      paragraph.clear();
    }
  }
  if (taken + left > 0) {
    layout.warnings.push_back(
        "the source's paragraphs decided " + std::to_string(taken + left) +
        " paragraph end(s) the layout could not tell: " + std::to_string(taken) +
        " taken at a full line that ends a sentence, " + std::to_string(left) +
        " left out where a sentence ended short of the measure");
  }

  // A plain extraction of pages (form feeds, and no line indented: not even a centred title or
  // page number) keeps neither first-line indents nor the space between paragraphs: where a
  // paragraph ends is then a guess, which a layout extraction or the PDF itself may not need.
  const bool plain_extraction =
      pages_marked && std::none_of(lines.begin(), lines.end(),
                                   [](const SourceLine& line) { return line.indent > 0; });
  if (plain_extraction && !marked_paragraphs && guessed_paragraphs) {
    layout.warnings.push_back(
        "no blank line or first-line indent marks the paragraphs (a plain extraction drops "
        "them; `pdftotext -layout` or the PDF itself keeps them): a paragraph is taken to end "
        "where a line ends a sentence and the next word would have fitted on it" +
        std::string(paragraphs_like.empty() ? "" : ", or where the source's paragraphs say so"));
  }

  for (std::size_t n = 0; n < note_lines.size(); ++n) {
    std::string text = restore_joined_hyphens(note_first_text[n], note_measure);
    for (std::size_t k = 1; k < note_lines[n].size(); ++k) {
      text = append_wrapped(std::move(text),
                            restore_joined_hyphens(lines[note_lines[n][k]].text, note_measure),
                            dictionary);
    }
    layout.notes.push_back({std::to_string(n + 1), std::move(text)});
  }
  return layout;
}

}  // namespace alinea::import_steps
