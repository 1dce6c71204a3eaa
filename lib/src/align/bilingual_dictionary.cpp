// Bilingual dictionaries matched against the texts; see bilingual_dictionary.hpp.
#include "align/bilingual_dictionary.hpp"

#include <algorithm>

#include "align/score.hpp"
#include "alinea/base.hpp"
#include "text/dictd.hpp"
#include "text/dictionary.hpp"
#include "text/lines.hpp"
#include "text/unicode.hpp"

namespace alinea {

namespace {

// The id of a phrase: its folded words joined by spaces, which no single word holds.
std::uint32_t phrase_id(const std::vector<std::string>& folded, std::size_t begin,
                        std::size_t count) {
  std::string joined;
  for (std::size_t k = begin; k < begin + count; ++k) {
    if (k > begin) joined += ' ';
    joined += folded[k];
  }
  return exact_word_id(joined);
}

// The ids a translation is matched as: its word, or the words of four letters or more of a
// translation of several words ("de temps en temps" → temps).
std::vector<std::uint32_t> translation_ids(std::string_view translation) {
  constexpr std::size_t shortest_word_of_phrase = 4;
  const std::vector<std::string> folded = folded_words(words_of(translation));
  std::vector<std::uint32_t> ids;
  for (const std::string& word : folded) {
    if (folded.size() > 1 && count_code_points(word) < shortest_word_of_phrase) continue;
    ids.push_back(exact_word_id(word));
  }
  return ids;
}

}  // namespace

BilingualDictionary BilingualDictionary::parse_word_list(std::string_view text,
                                                         const std::string& path) {
  if (const auto problem = find_invalid_utf8(text)) {
    throw InputError({path, problem->line, problem->column}, "invalid UTF-8");
  }
  BilingualDictionary dictionary;
  for (const std::string_view line : lines_of(text)) {
    const std::size_t at = line.find(" @ ");
    if (at == std::string_view::npos) continue;
    const std::vector<std::string> target = words_of(line.substr(0, at));
    const std::vector<std::string> source = words_of(line.substr(at + 3));
    if (target.size() != 1 || source.size() != 1) continue;
    dictionary.add(source.front(), target);
  }
  return dictionary;
}

BilingualDictionary BilingualDictionary::read_word_list(const std::filesystem::path& path) {
  return parse_word_list(read_text_file(path), path.string());
}

BilingualDictionary BilingualDictionary::read_freedict(const std::filesystem::path& index,
                                                       BilingualDictionaryOptions options) {
  // A headword may have several entries (a noun and a verb): its translations are gathered
  // first, so that `most_translations` counts them all.
  std::unordered_map<std::string, std::vector<std::string>> gathered;
  std::vector<std::string> order;
  for (const DictdEntry& entry : read_dictd(index)) {
    if (const auto problem = find_invalid_utf8(entry.definition)) {
      throw InputError({index.string(), 0, 0},
                       "the entry of '" +
                           sanitise_for_display(entry.headword, LineBreaks::escaped) +
                           "' is not valid UTF-8");
    }
    const std::string headword = freedict_headword(entry.definition);
    if (headword.empty()) continue;
    const std::string key = fold_for_matching(headword);
    auto [found, added] = gathered.try_emplace(key);
    if (added) order.push_back(key);
    for (std::string& translation : freedict_translations(entry.definition)) {
      if (std::find(found->second.begin(), found->second.end(), translation) ==
          found->second.end()) {
        found->second.push_back(std::move(translation));
      }
    }
  }
  BilingualDictionary dictionary(options);
  for (const std::string& key : order) {
    const std::vector<std::string>& translations = gathered[key];
    if (options.most_translations != 0 && translations.size() > options.most_translations) {
      continue;
    }
    dictionary.add(key, translations);
  }
  return dictionary;
}

void BilingualDictionary::add(std::string_view headword,
                              const std::vector<std::string>& translations) {
  const std::vector<std::string> folded = folded_words(words_of(headword));
  if (folded.empty() || folded.size() > longest_phrase ||
      (folded.size() > 1 && !options_.phrases)) {
    return;
  }
  std::vector<std::uint32_t> ids;
  for (const std::string& translation : translations) {
    for (const std::uint32_t id : translation_ids(translation)) ids.push_back(id);
  }
  if (ids.empty()) return;
  std::vector<std::uint32_t>& known = folded.size() == 1
                                          ? words_[exact_word_id(folded.front())]
                                          : phrases_[phrase_id(folded, 0, folded.size())];
  known.insert(known.end(), ids.begin(), ids.end());
  sort_unique(known);
  longest_phrase_ = std::max(longest_phrase_, folded.size());
}

void BilingualDictionary::stem_with(std::shared_ptr<const Dictionary> source,
                                    std::shared_ptr<const Dictionary> target) {
  source_stemmer_ = std::move(source);
  target_stemmer_ = std::move(target);
  source_stems_.clear();
  target_stems_.clear();
}

const std::vector<std::uint32_t>& BilingualDictionary::stem_ids(
    const Dictionary& stemmer, std::unordered_map<std::string, std::vector<std::uint32_t>>& cache,
    const std::string& word) {
  const auto [found, added] = cache.try_emplace(word);
  if (added) {
    for (const std::string& stem : stemmer.stems(word)) {
      for (const std::string& folded : folded_words(words_of(stem))) {
        found->second.push_back(exact_word_id(folded));
      }
    }
    sort_unique(found->second);
  }
  return found->second;
}

std::vector<std::uint32_t> BilingualDictionary::translations_of(std::string_view text) const {
  const std::vector<std::string> words = words_of(text);
  const std::vector<std::string> folded = folded_words(words);
  std::vector<std::uint32_t> ids;
  const auto add_translations = [&](const auto& table, std::uint32_t key) {
    const auto found = table.find(key);
    if (found != table.end()) ids.insert(ids.end(), found->second.begin(), found->second.end());
  };
  for (std::size_t k = 0; k < folded.size(); ++k) {
    if (has_digit(folded[k])) continue;
    const std::uint32_t word = exact_word_id(folded[k]);
    add_translations(words_, word);
    if (source_stemmer_) {
      for (const std::uint32_t stem : stem_ids(*source_stemmer_, source_stems_, words[k])) {
        if (stem != word) add_translations(words_, stem);
      }
    }
    for (std::size_t length = 2; length <= longest_phrase_ && k + length <= folded.size();
         ++length) {
      add_translations(phrases_, phrase_id(folded, k, length));
    }
  }
  sort_unique(ids);
  return ids;
}

std::vector<std::uint32_t> BilingualDictionary::forms_of(std::string_view text) const {
  if (!target_stemmer_) return {};
  const std::vector<std::string> words = words_of(text);
  const std::vector<std::string> folded = folded_words(words);
  std::vector<std::uint32_t> ids;
  for (std::size_t k = 0; k < folded.size(); ++k) {
    if (has_digit(folded[k])) continue;
    ids.push_back(exact_word_id(folded[k]));
    const std::vector<std::uint32_t>& stems = stem_ids(*target_stemmer_, target_stems_, words[k]);
    ids.insert(ids.end(), stems.begin(), stems.end());
  }
  sort_unique(ids);
  return ids;
}

const std::vector<std::uint32_t>* BilingualDictionary::translations_of_word(
    std::uint32_t word) const {
  const auto found = words_.find(word);
  return found == words_.end() ? nullptr : &found->second;
}

std::vector<WordPair> BilingualDictionary::pairs_in(
    const std::vector<std::string_view>& source,
    const std::vector<std::string_view>& target) const {
  // Each distinct word of a side once, by its id, with its spelling in the text (for stems).
  const auto distinct_words = [](const std::vector<std::string_view>& texts) {
    std::unordered_map<std::uint32_t, std::string> words;
    for (const std::string_view text : texts) {
      const std::vector<std::string> spelled = words_of(text);
      const std::vector<std::string> folded = folded_words(spelled);
      for (std::size_t k = 0; k < folded.size(); ++k) {
        if (!has_digit(folded[k])) words.try_emplace(exact_word_id(folded[k]), spelled[k]);
      }
    }
    return words;
  };
  // The target's words by each form they are matched as (themselves, their stems).
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> words_by_form;
  for (const auto& [word, spelled] : distinct_words(target)) {
    words_by_form[word].push_back(word);
    if (!target_stemmer_) continue;
    for (const std::uint32_t stem : stem_ids(*target_stemmer_, target_stems_, spelled)) {
      if (stem != word) words_by_form[stem].push_back(word);
    }
  }
  std::vector<WordPair> pairs;
  const auto pair_with = [&](std::uint32_t word, std::uint32_t headword) {
    const std::vector<std::uint32_t>* translations = translations_of_word(headword);
    if (translations == nullptr) return;
    for (const std::uint32_t translation : *translations) {
      const auto found = words_by_form.find(translation);
      if (found == words_by_form.end()) continue;
      for (const std::uint32_t target_word : found->second) pairs.emplace_back(word, target_word);
    }
  };
  for (const auto& [word, spelled] : distinct_words(source)) {
    pair_with(word, word);
    if (!source_stemmer_) continue;
    for (const std::uint32_t stem : stem_ids(*source_stemmer_, source_stems_, spelled)) {
      if (stem != word) pair_with(word, stem);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace alinea
