// Translation QA on the texts of one link: numbers, names, note references, punctuation, length.
#include "check/check_qa.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "alinea/document.hpp"
#include "check/check_internal.hpp"
#include "text/dictionary.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

bool is_ascii_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// Separators people put between groups of digits: thin, no-break and ordinary spaces.
bool is_group_space(char32_t c) {
  return c == U' ' || c == U'\u00A0' || c == U'\u202F' || c == U'\u2009';
}

std::string strip_leading_zeros(std::string digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

struct NumberToken {
  std::vector<std::string> groups;
  std::vector<char32_t> separators;  // separators[i] stands between groups[i] and groups[i + 1]
};

std::vector<std::string> readings_of(const NumberToken& token) {
  std::vector<std::string> readings;
  const auto& groups = token.groups;
  const bool tail_is_thousands = std::all_of(groups.begin() + 1, groups.end(),
                                             [](const std::string& g) { return g.size() == 3; });
  if (tail_is_thousands) {
    std::string all;
    for (const std::string& group : groups) all += group;
    readings.push_back(strip_leading_zeros(all));
  }
  const char32_t last_separator = token.separators.empty() ? U'\0' : token.separators.back();
  if (last_separator == U'.' || last_separator == U',') {
    const bool middle_is_thousands = std::all_of(
        groups.begin() + 1, groups.end() - 1, [](const std::string& g) { return g.size() == 3; });
    if (middle_is_thousands) {
      std::string whole;
      for (std::size_t i = 0; i + 1 < groups.size(); ++i) whole += groups[i];
      std::string fraction = groups.back();
      while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
      std::string reading = strip_leading_zeros(whole);
      if (!fraction.empty()) reading += "." + fraction;
      if (std::find(readings.begin(), readings.end(), reading) == readings.end()) {
        readings.push_back(reading);
      }
    }
  }
  if (readings.empty()) {  // "12.34.5": keep it comparable as written
    std::string all;
    for (const std::string& group : groups) all += group;
    readings.push_back(all);
  }
  return readings;
}

std::string shown(const NumberToken& token) {
  std::string text = token.groups.front();
  for (std::size_t i = 0; i < token.separators.size(); ++i) {
    append_utf8(text, is_group_space(token.separators[i]) ? U' ' : token.separators[i]);
    text += token.groups[i + 1];
  }
  return text;
}

std::vector<NumberToken> number_tokens(std::string_view plain) {
  std::vector<NumberToken> tokens;
  std::size_t pos = 0;
  while (pos < plain.size()) {
    std::size_t next = pos;
    const char32_t c = next_code_point(plain, next);
    if (!is_ascii_digit(c)) {
      pos = next;
      continue;
    }
    NumberToken token;
    std::string group;
    while (pos < plain.size()) {
      std::size_t look = pos;
      const char32_t d = next_code_point(plain, look);
      if (is_ascii_digit(d)) {
        group += static_cast<char>(d);
        pos = look;
        continue;
      }
      // A separator counts only between digits; after spaces, only before exactly three digits.
      if (d != U'.' && d != U',' && !is_group_space(d)) break;
      std::size_t after = look;
      std::size_t digits = 0;
      while (after < plain.size() && is_ascii_digit(static_cast<unsigned char>(plain[after]))) {
        ++after;
        ++digits;
      }
      if (digits == 0 || (is_group_space(d) && digits != 3)) break;
      token.groups.push_back(group);
      token.separators.push_back(d);
      group.clear();
      pos = look;
    }
    token.groups.push_back(group);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// A spelling reduced to what survives transliteration between French, Spanish and English.
std::string skeleton_of_folded(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  const auto at = [&](std::size_t i) { return i < folded.size() ? folded[i] : '\0'; };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    const char next = at(i + 1);
    if (c == 'o' && next == 'u') {
      out += 'u';
      ++i;
    } else if (c == 't' && next == 'c' && at(i + 2) == 'h') {
      out += "ch";
      i += 2;
    } else if (c == 'k' && next == 'h') {
      out += 'j';
      ++i;
    } else if (c == 'p' && next == 'h') {
      out += 'f';
      ++i;
    } else if (c == 'c' && next == 'k') {
      out += 'k';
      ++i;
    } else if (c == 'q' && next == 'u') {
      out += 'k';
      ++i;
    } else if (c == 'c' && next != 'h') {
      out += (next == 'e' || next == 'i' || next == 'y') ? 's' : 'k';
    } else if (c == 'w') {
      out += 'v';
    } else if (c == 'y') {
      out += 'i';
    } else if (c == 'z') {
      out += 's';
    } else if (c == 'x') {
      out += "ks";
    } else if (!out.empty() && out.back() == c) {
      // doubled letters: "Trotsky"/"Trotski", "Zinovieff"
    } else {
      out += c;
    }
  }
  if (out.size() > 3 && out.back() == 'e') out.pop_back();  // Blumkine, Staline
  return out;
}

std::string name_skeleton(std::string_view word) {
  return skeleton_of_folded(fold_for_matching(word));
}

// Acronyms written with dots and spaces, "U. R. S. S.", "U.R.S.S.", "EE. UU.": runs of two or more
// words of one or two letters, each followed by a period, joined without dots and spaces ("urss"
// once folded), so that they meet the same acronym written solid.
std::vector<std::string> dotted_acronyms(std::string_view folded) {
  std::vector<std::string> acronyms;
  std::string run;
  std::size_t parts = 0;
  std::size_t pos = 0;
  const auto finish = [&] {
    if (parts >= 2) acronyms.push_back(run);
    run.clear();
    parts = 0;
  };
  while (pos < folded.size()) {
    const std::size_t begin = pos;
    std::size_t letters = 0;
    while (pos < folded.size()) {
      std::size_t look = pos;
      const char32_t c = next_code_point(folded, look);
      if (!is_letter(c) && !is_combining_mark(c)) break;
      pos = look;
      ++letters;
    }
    if (letters == 0) {
      (void)next_code_point(folded, pos);  // past a character that is not a letter
      finish();
      continue;
    }
    const bool dotted = letters <= 2 && pos < folded.size() && folded[pos] == '.';
    if (!dotted) {
      finish();
      continue;
    }
    run.append(folded, begin, pos - begin);
    ++parts;
    ++pos;  // the period
    if (std::size_t after = pos;
        after < folded.size() && is_space(next_code_point(folded, after))) {
      pos = after;  // one space, no-break ones included
    }
  }
  finish();
  return acronyms;
}

// The skeletons of every word of a text, folding the text once: folding word by word costs a
// trip through ICU for each.
std::unordered_set<std::string> skeletons_of_text(std::string_view plain) {
  const std::string folded = fold_for_matching(plain);
  std::unordered_set<std::string> skeletons;
  std::size_t pos = 0;
  std::size_t begin = 0;
  bool in_word = false;
  while (pos < folded.size()) {
    const std::size_t here = pos;
    const char32_t c = next_code_point(folded, pos);
    const bool letter = is_letter(c) || is_combining_mark(c);
    if (letter && !in_word) begin = here;
    if (!letter && in_word) {
      skeletons.insert(skeleton_of_folded(std::string_view(folded).substr(begin, here - begin)));
    }
    in_word = letter;
  }
  if (in_word) skeletons.insert(skeleton_of_folded(std::string_view(folded).substr(begin)));
  for (const std::string& acronym : dotted_acronyms(folded)) {
    skeletons.insert(skeleton_of_folded(acronym));
  }
  return skeletons;
}

std::size_t bounded_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool skeletons_match(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::size_t shorter = std::min(a.size(), b.size());
  // Place names take each language's ending: Espagne/España, Russie/Rusia, Allemagne/Alemania.
  const auto mismatch =
      std::mismatch(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(shorter), b.begin());
  const auto common = static_cast<std::size_t>(mismatch.first - a.begin());
  if (common >= 4 && common * 5 >= shorter * 3) return true;
  if (shorter < 5 || a.front() != b.front()) return false;
  const std::size_t allowed = shorter >= 8 ? 2 : 1;
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  return gap <= allowed && bounded_distance(a, b) <= allowed;
}

struct Word {
  std::string text;
  bool name_candidate = false;
};

bool opens_a_sentence(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U'¿' || c == U'¡' || c == U':' || c == U'«' ||
         c == U'"' || c == U'“' || c == U'—' || c == U'–' || c == U'(' || c == U'…' || c == U';' ||
         c == U'[';
}

// Roman numerals, alone or as French ordinals: "IV", "IVe", "XIXe".
bool is_roman_numeral(std::string_view word) {
  std::size_t end = word.size();
  if (end > 1 && word[end - 1] == 'e') --end;
  if (end == 0) return false;
  return std::all_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(end), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'M';
  });
}

// A dictionary with its answers remembered: the same capitalised words come back in every
// paragraph, and each question costs a case mapping and a hunspell look-up.
class CommonWords {
 public:
  explicit CommonWords(std::optional<Dictionary> dictionary) : dictionary_(std::move(dictionary)) {}
  [[nodiscard]] bool available() const { return dictionary_.has_value(); }
  [[nodiscard]] bool knows_lowercase(const std::string& word) {
    const auto found = answers_.find(word);
    if (found != answers_.end()) return found->second;
    const bool known = dictionary_->knows(to_lower(word));
    if (answers_.size() < max_answers) answers_.emplace(word, known);
    return known;
  }

 private:
  static constexpr std::size_t max_answers = 100000;
  std::optional<Dictionary> dictionary_;
  std::unordered_map<std::string, bool> answers_;
};

// Dictionaries are loaded once per thread and language: loading one takes a while, and hunspell
// objects are not shared between threads.
CommonWords* dictionary_for(const std::string& folder, const std::string& lang) {
  thread_local std::map<std::pair<std::string, std::string>, CommonWords> cache;
  const auto key = std::make_pair(folder, lang);
  auto found = cache.find(key);
  if (found == cache.end()) {
    std::optional<Dictionary> opened;
    if (!folder.empty() && !lang.empty()) opened = Dictionary::open(folder, lang);
    found = cache.emplace(key, CommonWords(std::move(opened))).first;
  }
  return found->second.available() ? &found->second : nullptr;
}

std::vector<Word> words_of(std::string_view plain, CommonWords* dictionary = nullptr) {
  std::vector<Word> words;
  bool sentence_start = true;
  std::size_t pos = 0;
  while (pos < plain.size()) {
    std::size_t next = pos;
    const char32_t c = next_code_point(plain, next);
    if (!is_letter(c)) {
      // Closing marks keep the state: in "(¡así!) Eso" the capital still starts a sentence.
      if (opens_a_sentence(c)) sentence_start = true;
      pos = next;
      continue;
    }
    const std::size_t begin = pos;
    std::size_t letters = 0;
    while (pos < plain.size()) {
      std::size_t look = pos;
      const char32_t d = next_code_point(plain, look);
      if (!is_letter(d) && !is_combining_mark(d)) break;
      pos = look;
      ++letters;
    }
    Word word;
    word.text = std::string(plain.substr(begin, pos - begin));
    word.name_candidate = is_upper(c) && letters >= 3 && !sentence_start &&
                          !is_roman_numeral(word.text) &&
                          (dictionary == nullptr || !dictionary->knows_lowercase(word.text));
    words.push_back(std::move(word));
    sentence_start = false;
  }
  return words;
}

// A spelling of the glossary as the skeletons of its words, and of all of them joined (an
// acronym written with dots or spaces is one word once they are gone).
std::vector<std::string> spelling_skeletons(std::string_view spelling) {
  std::vector<std::string> skeletons;
  std::string joined;
  const std::string folded = fold_for_matching(spelling);
  std::size_t pos = 0;
  std::string word;
  const auto finish = [&] {
    if (!word.empty()) skeletons.push_back(skeleton_of_folded(word));
    joined += word;
    word.clear();
  };
  while (pos < folded.size()) {
    const std::size_t here = pos;
    const char32_t c = next_code_point(folded, pos);
    if (is_letter(c) || is_combining_mark(c)) {
      word.append(folded, here, pos - here);
    } else {
      finish();
    }
  }
  finish();
  if (skeletons.size() > 1) skeletons.push_back(skeleton_of_folded(joined));
  return skeletons;
}

// Whether the glossary names `skeleton` (a word of one side) and another of its spellings is on
// the other side: every word of a spelling of several words, or the words joined.
bool glossary_finds(const std::vector<std::vector<std::string>>& glossary,
                    const std::string& skeleton, const std::unordered_set<std::string>& other) {
  for (const std::vector<std::string>& spellings : glossary) {
    bool named = false;
    for (const std::string& spelling : spellings) {
      const auto parts = spelling_skeletons(spelling);
      named = named || std::find(parts.begin(), parts.end(), skeleton) != parts.end();
    }
    if (!named) continue;
    for (const std::string& spelling : spellings) {
      const auto parts = spelling_skeletons(spelling);
      if (parts.empty()) continue;
      const bool joined_present = parts.size() > 1 && other.count(parts.back()) != 0;
      const auto words_end = parts.size() > 1 ? parts.end() - 1 : parts.end();
      const bool words_present = std::all_of(
          parts.begin(), words_end, [&](const std::string& p) { return other.count(p) != 0; });
      if (joined_present || words_present) return true;
    }
  }
  return false;
}

// Names of `from` that appear in no spelling on the other side, nor in a spelling the glossary
// gives for them.
std::vector<std::string> names_missing(const std::vector<Word>& from, std::string_view to,
                                       const std::vector<std::vector<std::string>>& glossary) {
  std::vector<std::string> missing;
  if (std::none_of(from.begin(), from.end(), [](const Word& w) { return w.name_candidate; })) {
    return missing;
  }
  const std::unordered_set<std::string> other = skeletons_of_text(to);
  for (const Word& word : from) {
    if (!word.name_candidate) continue;
    const std::string skeleton = name_skeleton(word.text);
    if (other.count(skeleton) != 0) continue;
    if (glossary_finds(glossary, skeleton, other)) continue;
    const bool near = std::any_of(other.begin(), other.end(), [&](const std::string& candidate) {
      return skeletons_match(skeleton, candidate);
    });
    if (!near && std::find(missing.begin(), missing.end(), word.text) == missing.end()) {
      missing.push_back(word.text);
    }
  }
  return missing;
}

std::size_t count_of(std::string_view text, std::string_view mark) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(mark); pos != std::string_view::npos;
       pos = text.find(mark, pos + mark.size())) {
    ++count;
  }
  return count;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string trimmed(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return std::string(text.substr(begin, end - begin));
}

bool is_spanish(std::string_view lang) {
  const std::optional<Language> language = read_language(lang).language;
  return language && language->primary == "es";
}

}  // namespace

std::vector<std::vector<std::string>> number_readings(std::string_view plain) {
  std::vector<std::vector<std::string>> readings;
  for (const NumberToken& token : number_tokens(plain)) readings.push_back(readings_of(token));
  return readings;
}

bool same_name(std::string_view a, std::string_view b) {
  return skeletons_match(name_skeleton(a), name_skeleton(b));
}

Diagnostics check_translation(const LinkTexts& texts, const CheckSettings& settings,
                              const SourcePosition& where, const std::vector<std::string>& units) {
  detail::FindingSink sink(settings, where, units);
  const std::string source = trimmed(plain_text(texts.source));
  const std::string target = trimmed(plain_text(texts.target));

  if (target.empty()) {
    sink.add("qa/empty-target",
             "the target text is empty: translate it, or unlink it and record "
             "the gap with omitted: \"why\"");
    return sink.take();
  }
  if (source.empty()) return sink.take();

  // Numbers, as multisets: each source number must meet one target number with a reading in common.
  {
    const auto source_tokens = number_tokens(source);
    const auto target_tokens = number_tokens(target);
    std::vector<bool> used(target_tokens.size(), false);
    std::vector<std::string> only_source;
    for (const NumberToken& token : source_tokens) {
      const auto readings = readings_of(token);
      bool matched = false;
      for (std::size_t i = 0; i < target_tokens.size() && !matched; ++i) {
        if (used[i]) continue;
        const auto others = readings_of(target_tokens[i]);
        if (std::any_of(readings.begin(), readings.end(), [&](const std::string& r) {
              return std::find(others.begin(), others.end(), r) != others.end();
            })) {
          used[i] = true;
          matched = true;
        }
      }
      if (!matched) only_source.push_back(shown(token));
    }
    std::vector<std::string> only_target;
    for (std::size_t i = 0; i < target_tokens.size(); ++i) {
      if (!used[i]) only_target.push_back(shown(target_tokens[i]));
    }
    if (!only_source.empty() || !only_target.empty()) {
      std::string message = "numbers differ:";
      if (!only_source.empty()) message += " " + joined(only_source) + " only in the source;";
      if (!only_target.empty()) message += " " + joined(only_target) + " only in the target;";
      message.back() = '.';
      sink.add("qa/number-mismatch", message + " Check the translation, or turn the rule off");
    }
  }

  // Names, both ways.
  if (settings.severity("qa/name-mismatch")) {
    const auto source_words =
        words_of(source, dictionary_for(settings.dictionaries, texts.source_lang));
    const auto target_words =
        words_of(target, dictionary_for(settings.dictionaries, texts.target_lang));
    const auto missing_in_target = names_missing(source_words, target, settings.names);
    const auto missing_in_source = names_missing(target_words, source, settings.names);
    if (!missing_in_target.empty() || !missing_in_source.empty()) {
      std::string message = "names on one side only:";
      if (!missing_in_target.empty()) {
        message += " " + joined(missing_in_target) + " not found in the target;";
      }
      if (!missing_in_source.empty()) {
        message += " " + joined(missing_in_source) + " not found in the source;";
      }
      message.back() = '.';
      sink.add("qa/name-mismatch", message);
    }
  }

  // Note references, on the Markdown where they stand.
  {
    auto source_notes = note_references(texts.source);
    auto target_notes = note_references(texts.target);
    std::sort(source_notes.begin(), source_notes.end());
    std::sort(target_notes.begin(), target_notes.end());
    if (source_notes != target_notes) {
      std::vector<std::string> only_source;
      std::vector<std::string> only_target;
      std::set_difference(source_notes.begin(), source_notes.end(), target_notes.begin(),
                          target_notes.end(), std::back_inserter(only_source));
      std::set_difference(target_notes.begin(), target_notes.end(), source_notes.begin(),
                          source_notes.end(), std::back_inserter(only_target));
      const auto labels = [](const std::vector<std::string>& list) {
        std::string out;
        for (const std::string& label : list) out += (out.empty() ? "[^" : ", [^") + label + "]";
        return out.empty() ? std::string("none") : out;
      };
      sink.add("qa/note-mismatch", "note references differ: " + labels(only_source) +
                                       " only in the source, " + labels(only_target) +
                                       " only in the target");
    }
  }

  const bool similar_length =
      source.size() * 10 >= target.size() * 8 && target.size() * 10 >= source.size() * 8;
  const bool identical = similar_length && fold_for_matching(source) == fold_for_matching(target);
  for (const auto& [text, lang, side] :
       {std::tuple{std::string_view(source), std::string_view(texts.source_lang), "source"},
        std::tuple{std::string_view(target), std::string_view(texts.target_lang), "target"}}) {
    // A text that is its source is not in Spanish yet: qa/identical says so, once.
    if (!is_spanish(lang) || identical) continue;
    if (count_of(text, "¿") != count_of(text, "?")) {
      sink.add("qa/unpaired-spanish-mark", std::string("the Spanish ") + side + " has " +
                                               std::to_string(count_of(text, "¿")) + " '¿' for " +
                                               std::to_string(count_of(text, "?")) + " '?'");
    }
    if (count_of(text, "¡") != count_of(text, "!")) {
      sink.add("qa/unpaired-spanish-mark", std::string("the Spanish ") + side + " has " +
                                               std::to_string(count_of(text, "¡")) + " '¡' for " +
                                               std::to_string(count_of(text, "!")) + " '!'");
    }
  }

  const auto one_side_only = [&](std::string_view mark, const char* rule, const char* what) {
    const bool in_source = count_of(source, mark) != 0;
    const bool in_target = count_of(target, mark) != 0;
    if (in_source != in_target) {
      sink.add(rule, std::string(what) + " in the " + (in_source ? "source" : "target") +
                         " only: check that the sense was kept");
    }
  };
  one_side_only("?", "qa/question-mismatch", "a question");
  one_side_only("!", "qa/exclamation-mismatch", "an exclamation");

  const std::size_t source_length = count_code_points(source);
  const std::size_t target_length = count_code_points(target);
  if (source_length >= settings.min_length_for_ratio) {
    const double ratio = static_cast<double>(target_length) / static_cast<double>(source_length);
    if (ratio < settings.min_length_ratio || ratio > settings.max_length_ratio) {
      sink.add("qa/length-ratio",
               "the target is " + detail::format_ratio(ratio) + " times as long as the source (" +
                   std::to_string(target_length) + " vs " + std::to_string(source_length) +
                   " characters; expected " + detail::format_ratio(settings.min_length_ratio) +
                   " to " + detail::format_ratio(settings.max_length_ratio) +
                   "): a sentence may be missing or the link may be wrong");
    }
  }

  if (identical && words_of(source).size() >= settings.min_words_identical) {
    sink.add("qa/identical", "the target is the same as the source: it is not translated yet");
  }
  return sink.take();
}

}  // namespace alinea
