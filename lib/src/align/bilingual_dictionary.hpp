// A bilingual dictionary the aligner matches against the texts: hunalign's word lists
// (`--dictionary`) and FreeDict's dictionaries (`--freedict`, dictd files, text/dictd.hpp).
//
// Headwords and translations are folded as the scorer folds words (score.hpp) and kept as the
// `exact` ids of their words, so that matching a source unit's translations against a target
// unit is a merge of two sorted id lists. A translation of several words ("marche athlétique")
// counts by each of its words of four letters or more, since the target's words are matched one
// by one. Optional, each measured in docs/BENCHMARKS.md: headwords of several words ("ab und
// zu") matched as phrases of the source, words matched through their hunspell stems, headwords
// with many translations left out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace alinea {

class Dictionary;

struct BilingualDictionaryOptions {
  // Headwords of several words are matched as phrases (consecutive words) of the source.
  bool phrases = false;
  // Headwords with more translations than this are left out (0: no limit): the more translations
  // a headword has, the likelier one of them is in a wrong neighbour.
  std::size_t most_translations = 0;
};

// A source word and a target word the dictionary pairs, as `exact` ids.
using WordPair = std::pair<std::uint32_t, std::uint32_t>;

class BilingualDictionary {
 public:
  BilingualDictionary() = default;

  // hunalign's word list: lines "target @ source"; entries of several words on either side are
  // left out. Throws InputError on bad UTF-8.
  [[nodiscard]] static BilingualDictionary parse_word_list(std::string_view text,
                                                           const std::string& path);
  [[nodiscard]] static BilingualDictionary read_word_list(const std::filesystem::path& path);
  // FreeDict's dictionary whose index is `index` (text/dictd.hpp). Throws InputError on an
  // unreadable file or an entry that is not UTF-8.
  [[nodiscard]] static BilingualDictionary read_freedict(const std::filesystem::path& index,
                                                         BilingualDictionaryOptions options = {});

  // Adds a headword's translations (a headword of several words only with `phrases`).
  void add(std::string_view headword, const std::vector<std::string>& translations);

  // From now on words are also matched through their stems: a source word's stems looked up as
  // headwords, a target word's stems as translations (either may be null: no stems that side).
  void stem_with(std::shared_ptr<const Dictionary> source,
                 std::shared_ptr<const Dictionary> target);

  // The translations (ids) of the words and phrases of a source text, sorted, unique.
  [[nodiscard]] std::vector<std::uint32_t> translations_of(std::string_view text) const;
  // The ids a target text's words are matched as: their `exact` ids and their stems' ids,
  // sorted, unique; empty without target stems (the scorer then matches `exact`).
  [[nodiscard]] std::vector<std::uint32_t> forms_of(std::string_view text) const;
  // The translations of a one-word headword given by its `exact` id; null when it has none.
  [[nodiscard]] const std::vector<std::uint32_t>* translations_of_word(std::uint32_t word) const;
  // Every (source word, target word) pair of words of the texts that the dictionary pairs, as
  // `exact` ids, sorted: a one-word headword (or, with source stems, one of its stems) and a
  // word that is one of its translations (or, with target stems, whose stem is).
  [[nodiscard]] std::vector<WordPair> pairs_in(const std::vector<std::string_view>& source,
                                               const std::vector<std::string_view>& target) const;

  [[nodiscard]] bool empty() const noexcept { return words_.empty() && phrases_.empty(); }
  // Headwords of one word / of several.
  [[nodiscard]] std::size_t words() const noexcept { return words_.size(); }
  [[nodiscard]] std::size_t phrases() const noexcept { return phrases_.size(); }

 private:
  explicit BilingualDictionary(BilingualDictionaryOptions options) : options_(options) {}
  // Ids of the folded stems of a word, worked out once per word.
  [[nodiscard]] static const std::vector<std::uint32_t>& stem_ids(
      const Dictionary& stemmer, std::unordered_map<std::string, std::vector<std::uint32_t>>& cache,
      const std::string& word);

  BilingualDictionaryOptions options_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> words_;    // by `exact` id
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> phrases_;  // by phrase id
  std::size_t longest_phrase_ = 1;                                         // in words
  std::shared_ptr<const Dictionary> source_stemmer_;
  std::shared_ptr<const Dictionary> target_stemmer_;
  mutable std::unordered_map<std::string, std::vector<std::uint32_t>> source_stems_;
  mutable std::unordered_map<std::string, std::vector<std::uint32_t>> target_stems_;
};

}  // namespace alinea
