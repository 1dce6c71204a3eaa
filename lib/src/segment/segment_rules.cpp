// The rules of sentence segmentation, one small pure function each (see segment.hpp).
#include "segment/segment_rules.hpp"

#include <algorithm>
#include <array>

#include "segment/segment_data.hpp"
#include "text/unicode.hpp"

namespace alinea::segment_rules {

bool is_terminator(char32_t c) noexcept {
  switch (c) {
    case U'.':
    case U'!':
    case U'?':
    case U'\u2026':  // …
    case U'\u203C':  // ‼
    case U'\u2047':  // ⁇
    case U'\u2048':  // ⁈
    case U'\u2049':  // ⁉
    case U'\u3002':  // ideographic full stop
    case U'\uFF01':  // full-width !
    case U'\uFF1F':  // full-width ?
    case U'\uFF61':  // half-width ideographic full stop
      return true;
    default:
      return false;
  }
}

bool is_closing_punctuation(char32_t c) noexcept {
  switch (c) {
    case U')':
    case U']':
    case U'}':
    case U'"':
    case U'\'':
    case U'\u00BB':  // »
    case U'\u201D':  // ”
    case U'\u2019':  // ’
    case U'\u203A':  // ›
      return true;
    default:
      return false;
  }
}

bool is_opening_punctuation(char32_t c) noexcept {
  switch (c) {
    case U'(':
    case U'[':
    case U'{':
    case U'"':
    case U'\'':
    case U'\u00AB':  // «
    case U'\u201C':  // “
    case U'\u2018':  // ‘
    case U'\u201E':  // „
    case U'\u2039':  // ‹
    case U'\u00BF':  // ¿
    case U'\u00A1':  // ¡
      return true;
    default:
      return false;
  }
}

bool is_dash(char32_t c) noexcept {
  return c == U'-' || c == U'\u2010' || c == U'\u2012' || c == U'\u2013' || c == U'\u2014' ||
         c == U'\u2015' || c == U'\u2212';
}

namespace {

bool is_vowel(char32_t c) noexcept {
  static constexpr std::u32string_view vowels =
      U"aeiouyáéíóúàèìòùâêîôûäëïöüÿœæAEIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜŸŒÆ";
  return vowels.find(c) != std::u32string_view::npos;
}

char32_t code_point_at_start(std::string_view text) {
  std::size_t pos = 0;
  return text.empty() ? U'\0' : next_code_point(text, pos);
}

// Three letters or more and nothing else: a word that can end a sentence even before lower case.
bool is_full_word(std::string_view word) {
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t c = next_code_point(word, pos);
    if (!is_letter(c)) return false;
    ++letters;
  }
  return letters >= 3;
}

// "MS", "EE": two letters or more, all capitals. Such a word only matches an abbreviation
// written in capitals, so that the acronym "MS" is not the title "Ms.".
bool is_all_capitals(std::string_view word) {
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t c = next_code_point(word, pos);
    if (!is_letter(c)) continue;
    if (!is_upper(c)) return false;
    ++letters;
  }
  return letters >= 2;
}

// "MH", "ONU": two capital letters or more and nothing else ("EE.UU" is an abbreviation).
bool is_acronym(std::string_view word) {
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    if (!is_upper(next_code_point(word, pos))) return false;
    ++letters;
  }
  return letters >= 2;
}

// "%", "€": no letter and no digit, so nothing an abbreviation could shorten.
bool is_symbols(std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t c = next_code_point(word, pos);
    if (is_letter(c) || is_digit(c)) return false;
  }
  return true;
}

constexpr std::string_view typographic_apostrophe = "\u2019";

std::string with_straight_apostrophes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (text.substr(pos).starts_with(typographic_apostrophe)) {
      out += '\'';
      pos += typographic_apostrophe.size() - 1;
    } else {
      out += text[pos];
    }
  }
  return out;
}

// Words are looked up in lower case with the typographic apostrophe made straight. Words of
// ASCII and Latin-1 letters, nearly all of them, are lowered here without a call into ICU.
std::string lookup_key(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  for (std::size_t pos = 0; pos < word.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(word[pos]);
    if (byte < 0x80) {
      key += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
    } else if (byte == 0xC3 && pos + 1 < word.size()) {
      const auto next = static_cast<unsigned char>(word[++pos]);
      const bool upper = next >= 0x80 && next <= 0x9E && next != 0x97;  // À–Þ but ×
      key += static_cast<char>(byte);
      key += static_cast<char>(upper ? next + 0x20 : next);
    } else if (word.substr(pos).starts_with(typographic_apostrophe)) {
      key += '\'';
      pos += typographic_apostrophe.size() - 1;
    } else {
      return with_straight_apostrophes(to_lower(word));  // beyond Latin-1, ICU lowers
    }
  }
  return key;
}

std::string abbreviation_key(std::string_view word) {
  return is_all_capitals(word) ? std::string(word) : lookup_key(word);
}

bool is_apostrophe(char32_t c) noexcept {
  return c == U'\'' || c == U'\u2019';
}

// "Al", "Ils", "C'": a capital, then only lower-case letters, an apostrophe at most at the end.
bool is_title_case(std::string_view word) {
  std::size_t pos = 0;
  if (word.empty() || !is_upper(next_code_point(word, pos))) return false;
  while (pos < word.size()) {
    const char32_t c = next_code_point(word, pos);
    if (is_apostrophe(c) && pos == word.size()) break;
    if (!is_lower(c)) return false;
  }
  return true;
}

char32_t last_code_point(std::string_view word) {
  if (word.empty()) return U'\0';
  std::size_t start = word.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(word[start]) & 0xC0U) == 0x80U) --start;
  return code_point_at_start(word.substr(start));
}

bool ends_in_letter_or_digit(std::string_view word) {
  const char32_t last = last_code_point(word);
  return is_letter(last) || is_digit(last);
}

AbbreviationKind parse_kind(std::string_view word) {
  if (word == "title") return AbbreviationKind::title;
  if (word == "number") return AbbreviationKind::number;
  return AbbreviationKind::none;
}

std::vector<std::string_view> split_on_spaces(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\r')) ++pos;
    const std::size_t begin = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t' && line[pos] != '\r') ++pos;
    if (pos > begin) words.push_back(line.substr(begin, pos - begin));
  }
  return words;
}

}  // namespace

bool is_roman_numeral(std::string_view word) noexcept {
  if (word.empty() || word.size() > 8) return false;
  return std::all_of(word.begin(), word.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
  });
}

bool is_number(std::string_view word) noexcept {
  std::size_t pos = 0;
  bool first = true;
  while (pos < word.size()) {
    const char32_t c = next_code_point(word, pos);
    if (first && !is_digit(c)) return false;
    first = false;
    const bool separator = c == U'.' || c == U',' || c == U':' || c == U'/' || c == U'-';
    const bool ordinal_sign = c == U'º' || c == U'ª' || c == U'°';
    if (!is_digit(c) && !separator && !ordinal_sign) return false;
  }
  return !first;
}

bool is_initials(std::string_view word) noexcept {
  std::size_t pos = 0;
  bool expect_letter = true;
  bool any = false;
  while (pos < word.size()) {
    const char32_t c = next_code_point(word, pos);
    if (expect_letter) {
      if (!is_letter(c)) return false;
      expect_letter = false;
      any = true;
    } else {
      if (c != U'.' && c != U'-') return false;
      // ".-" as in "J.-C." keeps waiting for the letter.
      if (pos < word.size() && word[pos] == '-') ++pos;
      expect_letter = true;
    }
  }
  return any && !expect_letter;
}

bool is_vowelless_abbreviation(std::string_view word) noexcept {
  std::size_t pos = 0;
  std::size_t letters = 0;
  bool has_lower = false;
  while (pos < word.size()) {
    const char32_t c = next_code_point(word, pos);
    if (!is_letter(c) || is_vowel(c)) return false;
    has_lower = has_lower || is_lower(c);
    ++letters;
  }
  return has_lower && letters >= 1 && letters <= 3;
}

bool is_bracketed_ellipsis(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  if (begin == 0 || end >= text.size()) return false;
  const char before = text[begin - 1];
  const char after = text[end];
  return (before == '(' && after == ')') || (before == '[' && after == ']');
}

Abbreviations::Abbreviations(std::string_view list) {
  auto add = [this](std::string_view written, AbbreviationKind kind) {
    if (!written.empty() && written.back() == '.') written.remove_suffix(1);
    // Single letters ("a. m.", "a. C.") are left to the initials rule: "M. Tremblay".
    if (count_code_points(written) < 2) return;
    AbbreviationKind& known = entries_[abbreviation_key(written)];
    known = std::max(known, kind);
  };
  std::size_t pos = 0;
  while (pos < list.size()) {
    std::size_t end = list.find('\n', pos);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view line = list.substr(pos, end - pos);
    pos = end + 1;
    std::vector<std::string_view> words = split_on_spaces(line);
    if (words.empty() || words.front().front() == '#') continue;
    AbbreviationKind kind = parse_kind(words.back());
    if (kind == AbbreviationKind::none) {
      kind = AbbreviationKind::ordinary;
    } else {
      words.pop_back();
    }
    // Inside "EE. UU." the first word never ends a sentence.
    for (std::size_t i = 0; i + 1 < words.size(); ++i) add(words[i], AbbreviationKind::title);
    if (!words.empty()) add(words.back(), kind);
  }
}

Abbreviations Abbreviations::for_language(std::string_view primary_language) {
  return Abbreviations(detail::language_data("abbreviations", primary_language));
}

AbbreviationKind Abbreviations::kind(std::string_view word) const {
  if (entries_.empty() || word.empty() || word.size() > 32) return AbbreviationKind::none;
  const auto found = entries_.find(abbreviation_key(word));
  return found == entries_.end() ? AbbreviationKind::none : found->second;
}

WordRoles::WordRoles(std::string_view list) {
  std::size_t pos = 0;
  while (pos < list.size()) {
    std::size_t end = list.find('\n', pos);
    if (end == std::string_view::npos) end = list.size();
    const std::vector<std::string_view> words = split_on_spaces(list.substr(pos, end - pos));
    pos = end + 1;
    if (words.empty() || words.front().front() == '#') continue;
    Roles& roles = entries_[lookup_key(words.front())];
    for (std::size_t i = 1; i < words.size(); ++i) {
      roles.opens = roles.opens || words[i] == "opens";
      roles.binds = roles.binds || words[i] == "binds";
      roles.speaks = roles.speaks || words[i] == "speaks";
    }
  }
}

WordRoles WordRoles::for_language(std::string_view primary_language) {
  return WordRoles(detail::language_data("words", primary_language));
}

WordRoles::Roles WordRoles::roles(std::string_view word) const {
  if (entries_.empty() || word.empty() || word.size() > 32) return {};
  const auto found = entries_.find(lookup_key(word));
  return found == entries_.end() ? Roles{} : found->second;
}

bool WordRoles::opens(std::string_view word) const {
  return roles(word).opens;
}

bool WordRoles::binds(std::string_view word) const {
  return roles(word).binds;
}

bool WordRoles::speaks(std::string_view word) const {
  return roles(word).speaks;
}

bool has_speaker_word(std::string_view text, const WordRoles& words) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // A word: letters, and the apostrophe of an elided form ("J'" of "J'ai").
    std::size_t begin = pos;
    while (begin < text.size()) {
      std::size_t next = begin;
      if (is_letter(next_code_point(text, next))) break;
      begin = next;
    }
    std::size_t end = begin;
    while (end < text.size()) {
      std::size_t next = end;
      const char32_t c = next_code_point(text, next);
      if (!is_letter(c)) {
        if (is_apostrophe(c)) end = next;
        break;
      }
      end = next;
    }
    if (end > begin && words.speaks(text.substr(begin, end - begin))) return true;
    pos = end;
  }
  return false;
}

bool lone_quote_closes(std::string_view sentence_before, std::string_view text_after,
                       const WordRoles& words) {
  return !has_speaker_word(text_after, words) || has_speaker_word(sentence_before, words);
}

bool begins_unpunctuated_sentence(const UnpunctuatedContext& context, const WordRoles& words) {
  if (context.next != NextWord::lower && !context.next_is_comma) return false;
  if (!is_title_case(context.word) || !ends_in_letter_or_digit(context.previous)) return false;
  return words.opens(context.word) && !words.binds(context.previous);
}

bool is_emoticon(std::string_view word) noexcept {
  // Eyes, an optional nose, then one or more of a mouth: ":)", ";-)", ":((", "=D".
  if (word.size() < 2 || word.size() > 6) return false;
  if (word[0] != ':' && word[0] != ';' && word[0] != '=') return false;
  std::size_t pos = 1;
  if (word[pos] == '-' || word[pos] == '\'' || word[pos] == '^') ++pos;
  if (pos == word.size()) return false;
  static constexpr std::string_view mouths = ")(]>[<DPpOo3|/*";
  return std::all_of(word.begin() + static_cast<std::ptrdiff_t>(pos), word.end(),
                     [](char c) { return mouths.find(c) != std::string_view::npos; });
}

bool glued_period_ends_sentence(std::string_view before, std::string_view after,
                                const Abbreviations& abbreviations) {
  if (!is_full_word(before) || abbreviations.kind(before) != AbbreviationKind::none) return false;
  if (!is_lower(last_code_point(before))) return false;
  // The word after, without the punctuation that may end it: "Basándose," "Luego."
  while (!after.empty() && (after.back() == ',' || after.back() == ';' || after.back() == ':' ||
                            after.back() == '.' || after.back() == '!' || after.back() == '?')) {
    after.remove_suffix(1);
  }
  return is_full_word(after) && is_title_case(after);
}

namespace {

// "l’U", "d'U.R.S.S", "L'ONU": the word after an elided article or preposition, which is what
// tells an initial or an abbreviation; the word itself when it has no elision before a capital.
std::string_view without_elision(std::string_view word) noexcept {
  static constexpr std::string_view typographic = "\u2019";
  static constexpr std::size_t max_elided_letters = 7;  // "l", "qu", "lorsqu", "quelqu"
  for (std::size_t pos = 0; pos < word.size(); ++pos) {
    std::size_t after = 0;
    if (word[pos] == '\'') {
      after = pos + 1;
    } else if (word.substr(pos, typographic.size()) == typographic) {
      after = pos + typographic.size();
    } else {
      continue;
    }
    const std::string_view elided = word.substr(0, pos);
    const std::string_view rest = word.substr(after);
    std::size_t letters = 0;
    for (std::size_t at = 0; at < elided.size() && letters <= max_elided_letters; ++letters) {
      if (!is_letter(next_code_point(elided, at))) return word;
    }
    if (letters >= 1 && letters <= max_elided_letters && !rest.empty() &&
        is_upper(code_point_at_start(rest))) {
      return rest;
    }
    return word;
  }
  return word;
}

}  // namespace

bool period_ends_sentence(const PeriodContext& given, const Abbreviations& abbreviations) {
  PeriodContext context = given;
  context.word = without_elision(given.word);
  const NextWord next = context.next;
  if (next == NextWord::continuation) return false;
  const bool starts_sentence =
      next == NextWord::upper || next == NextWord::opening || next == NextWord::other;
  // "(...). comment": the period closes a bracketed aside, nothing is abbreviated.
  if (context.after_closing) return true;
  if (context.word.empty()) return starts_sentence;
  switch (abbreviations.kind(context.word)) {
    case AbbreviationKind::title:
      return false;
    case AbbreviationKind::number:
      return starts_sentence && !context.next_is_roman_numeral;
    case AbbreviationKind::ordinary:
      return starts_sentence;
    case AbbreviationKind::none:
      break;
  }
  if (is_number(context.word)) return !context.list_marker && next != NextWord::lower;
  // A unit symbol after a number: "pesa 1 g. Luego", "1 min. para".
  if (context.after_number && count_code_points(context.word) <= 3 &&
      is_lower(code_point_at_start(context.word))) {
    return next != NextWord::lower && !context.next_is_initial;
  }
  if (is_initials(context.word) || is_vowelless_abbreviation(context.word)) return false;
  if (next == NextWord::lower) {
    return is_full_word(context.word) || is_acronym(context.word) || is_symbols(context.word);
  }
  return true;
}

bool semicolon_ends_sentence(NextWord next, bool next_word_before_comma) noexcept {
  return next == NextWord::upper && !next_word_before_comma;
}

bool ellipsis_ends_sentence(NextWord next) noexcept {
  return next == NextWord::upper || next == NextWord::opening;
}

bool question_or_exclamation_ends_sentence(NextWord next) noexcept {
  return next != NextWord::lower && next != NextWord::continuation;
}

}  // namespace alinea::segment_rules
