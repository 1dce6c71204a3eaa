// A lexicon learned from the pair itself: IBM Model 1 (Brown et al. 1993) trained by EM on the
// confident 1-1 beads of a first alignment, as Moore (2002) does, then used as one more term of a
// bead's cost: how much better the words of each side are explained by the other side's words
// than by their frequency in the text alone.
//
// Words are the `exact` ids of UnitFeatures (hashed, case- and accent-folded whole words; numbers
// are left to the token evidence). The tables are sparse and pruned: only words seen at least
// twice in the training beads, only translation probabilities above a floor.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "align/bilingual_dictionary.hpp"
#include "align/row_windows.hpp"

namespace alinea {

struct UnitFeatures;
struct BeadSpan;

// Numbers distinct 64-bit keys in order of first appearance: open addressing with linear
// probing, many times faster than a node-based map for the millions of look-ups of a long text.
class PairNumbers {
 public:
  // The number of `key`: size() before the call when it is new.
  std::uint32_t number(std::uint64_t key);
  // Room for about `keys` keys without growing.
  void reserve(std::size_t keys);
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

 private:
  static constexpr std::uint64_t empty = ~std::uint64_t{0};  // never a pair of 32-bit ids
  [[nodiscard]] std::size_t position(std::uint64_t key) const;
  void grow();
  void rehash(std::size_t slots);  // a power of two
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> numbers_;
  std::size_t size_ = 0;
  unsigned table_bits_ = 0;  // keys_.size() is 2 to this power
};

struct Model1Options {
  std::size_t iterations = 3;
  // Words seen in fewer training sentences than this are left out: they would only learn noise.
  std::size_t min_count = 2;
  // Words found in more than this share of the training sentences (articles, prepositions) say
  // little about which sentence translates which, and cost the most: left out too.
  double max_share = 0.3;
  // Enough sentence pairs to learn from; more only costs time.
  std::size_t max_training_pairs = 10000;
  // Translation probabilities under this are dropped after training.
  double min_probability = 0.01;
  // Each pair of a bilingual dictionary given to training joins it as a sentence pair of its two
  // words counting this many times (a prior from the dictionary); its words need to be seen only
  // once in the training sentences.
  double prior_weight = 1.0;
};

// t(target word | source word) of IBM Model 1, with the empty word's t(target | NULL).
class TranslationTable {
 public:
  TranslationTable() = default;

  // EM over sentence pairs (each sentence a list of word ids; duplicates are ignored), and the
  // dictionary pairs of `prior` (source word, target word) whose words the sentences hold.
  [[nodiscard]] static TranslationTable train(
      const std::vector<std::vector<std::uint32_t>>& source_sentences,
      const std::vector<std::vector<std::uint32_t>>& target_sentences,
      const Model1Options& options = {}, const std::vector<WordPair>& prior = {});

  // 0 for words or pairs the table does not hold.
  [[nodiscard]] double probability(std::uint32_t source, std::uint32_t target) const;
  [[nodiscard]] double null_probability(std::uint32_t target) const;

  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }
  // Dense index of a word of each vocabulary; none when it is not in the table.
  static constexpr std::uint32_t none = 0xFFFFFFFFU;
  [[nodiscard]] std::uint32_t source_index(std::uint32_t word) const;
  [[nodiscard]] std::uint32_t target_index(std::uint32_t word) const;
  [[nodiscard]] std::size_t target_vocabulary_size() const noexcept { return null_row_.size(); }

  struct Entry {
    std::uint32_t target = 0;  // dense target index
    float probability = 0.0F;
  };
  // The translations of a source word (dense index), sorted by target index.
  [[nodiscard]] const std::vector<Entry>& row(std::uint32_t source) const { return rows_[source]; }
  [[nodiscard]] float null_row(std::uint32_t target) const { return null_row_[target]; }

 private:
  std::unordered_map<std::uint32_t, std::uint32_t> source_vocabulary_;
  std::unordered_map<std::uint32_t, std::uint32_t> target_vocabulary_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<float> null_row_;
};

struct TranslationEvidenceWeights {
  // Nats of bead cost per nat of log-likelihood ratio.
  double weight = 0.5;
  // How far Model 1 is trusted: each word is predicted by `trust` × Model 1 + (1 − trust) × its
  // frequency in the text. A model learned from a short text knows few of its words; a word it
  // cannot explain then costs at most −log(1 − trust) nats instead of the full log-ratio, so a
  // true pair of sentences in unfamiliar words is not pushed aside for two omissions.
  double trust = 0.3;
  // Each word's log-likelihood ratio is kept below this, so that one rare word cannot decide a
  // bead.
  double ceiling = 6.0;
};

// Prices the Model 1 term of beads between two sequences of units: the log-likelihood ratio of
// each target word under Model 1 given the bead's source words against its frequency in the
// target text, summed, and the same in the other direction; the mean of both. Additive over
// words, so a unit's words count once whatever the bead shape; a one-sided bead scores 0. Not
// thread-safe (caches and scratch buffers).
// Model 1 both ways: t(target | source) and t(source | target), shared by every stretch of text
// they price (the sentences of each paragraph link of a document).
struct TranslationTables {
  std::shared_ptr<const TranslationTable> forward;
  std::shared_ptr<const TranslationTable> backward;
};

class TranslationEvidence {
 public:
  TranslationEvidence(const std::vector<UnitFeatures>& source,
                      const std::vector<UnitFeatures>& target, TranslationTables tables,
                      TranslationEvidenceWeights weights = {});

  // Nats; positive when the two sides explain each other better than chance.
  [[nodiscard]] double log_likelihood_ratio(std::size_t i, std::size_t j, std::size_t di,
                                            std::size_t dj) const;
  // The same, worked out from the tables with no cache: what tests hold the cached path to.
  [[nodiscard]] double uncached_log_likelihood_ratio(std::size_t i, std::size_t j, std::size_t di,
                                                     std::size_t dj) const;
  // The bead-cost term: −weight × the ratio.
  [[nodiscard]] double cost(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const;
  // Whether Model 1 learned anything about a target word (an `exact` id).
  [[nodiscard]] bool knows_target_word(std::uint32_t word) const;

 private:
  // Spans of up to this many from-units keep their explanation of each to-unit (a bead's side is
  // at most five units); longer ones are worked out each time.
  static constexpr std::size_t cached_span = 5;
  // What one to-unit gets from the from-units starting at one from-unit.
  struct Cell {
    static constexpr std::uint32_t unset = 0xFFFFFFFFU;
    // Where Σ t(word | this from-unit's words), per word of the to-unit, starts in `pool`.
    std::uint32_t pool_offset = unset;
    // Clipped ratios summed over the to-unit's words given from-units [this, + k + 1), per k;
    // NaN until worked out.
    static constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
    std::array<double, cached_span> explained{unknown, unknown, unknown, unknown, unknown};
  };
  // One way of explaining: the words of the `to` side by those of the `from` side.
  struct Direction {
    std::shared_ptr<const TranslationTable> table;  // from-words → to-words
    // Dense ids, in the table, of each unit's words: to-side units among its targets, from-side
    // units among its sources; sorted, unknown words left out.
    std::vector<std::vector<std::uint32_t>> to_words;
    std::vector<std::vector<std::uint32_t>> from_words;
    // Per from-unit: Σ t(to-word | its words) for every to-word it may translate, summed once
    // (in the order of its words), so that a pair of units reads one list, not a row per word.
    std::vector<std::vector<TranslationTable::Entry>> from_translations;
    std::vector<float> frequency;  // per dense to-word, its share of the whole to-side text
    RowWindows<Cell> cells{0, 0};  // rows: to-units, columns: from-units
    std::vector<float> pool;
    std::vector<std::uint32_t> place;  // scratch, per dense to-word
  };
  [[nodiscard]] static Direction direction(const std::vector<UnitFeatures>& to,
                                           const std::vector<UnitFeatures>& from,
                                           std::shared_ptr<const TranslationTable> table);
  // Σ t(word | from-unit's words) for each word of the to-unit, into `sums` (added).
  static void add_pair_sums(Direction& direction, std::size_t to, std::size_t from, float* sums);
  // Offset in `pool` of the sums of add_pair_sums for (to, from), worked out once.
  [[nodiscard]] static std::uint32_t pair_offset(Direction& direction, std::size_t to,
                                                 std::size_t from);
  // Clipped ratios of the words of to-unit `to` given from-units [from_begin, +from_count);
  // `pair_sums(u, sums)` adds what from-unit u gives to `sums`.
  template <typename PairSums>
  [[nodiscard]] double explained_by_span(Direction& direction, std::size_t to,
                                         std::size_t from_begin, std::size_t from_count,
                                         PairSums pair_sums) const;
  // Σ over the words of to-units [to_begin, +to_count) of their clipped log-likelihood ratio,
  // given the words of from-units [from_begin, +from_count).
  [[nodiscard]] double explained(Direction& direction, std::size_t to_begin, std::size_t to_count,
                                 std::size_t from_begin, std::size_t from_count) const;
  [[nodiscard]] double uncached_explained(Direction& direction, std::size_t to_begin,
                                          std::size_t to_count, std::size_t from_begin,
                                          std::size_t from_count) const;
  // Clipped ratios of the words of to-unit `to` with `sums` = Σ t(word | from-words) + t(word |
  // NULL), over `from_words` words of the other side.
  [[nodiscard]] double clipped_ratios(const Direction& direction, std::size_t to, const float* sums,
                                      std::size_t from_words) const;

  // Mutable: the caches fill as beads are priced.
  mutable Direction forward_;   // target words explained by source words
  mutable Direction backward_;  // source words explained by target words
  TranslationEvidenceWeights weights_;
  mutable std::vector<float> bead_sums_;
};

// Trains Model 1 both ways on the 1-1 beads among `beads` (and the dictionary pairs of `prior`,
// source word → target word); none when there is too little to learn from (fewer than
// `least_pairs` such beads and no dictionary pairs).
[[nodiscard]] std::optional<TranslationTables> train_translation_tables(
    const std::vector<UnitFeatures>& source, const std::vector<UnitFeatures>& target,
    const std::vector<BeadSpan>& beads, const Model1Options& options = {},
    const std::vector<WordPair>& prior = {}, std::size_t least_pairs = 20);

// The same, as the scorer term for these units; null when there is too little to learn from.
[[nodiscard]] std::shared_ptr<const TranslationEvidence> learn_translation_evidence(
    const std::vector<UnitFeatures>& source, const std::vector<UnitFeatures>& target,
    const std::vector<BeadSpan>& beads, const Model1Options& options = {},
    TranslationEvidenceWeights weights = {}, const std::vector<WordPair>& prior = {});

}  // namespace alinea
