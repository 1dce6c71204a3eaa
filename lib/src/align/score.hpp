// What makes two stretches of text likely translations of each other, for related languages.
//
// Features are computed once per unit (sentence, paragraph or note) and are cheap to combine, so
// that the dynamic programming (dp.hpp) can price millions of beads:
//   - length in characters, compared à la Gale & Church (1993), in log space;
//   - tokens that survive translation between related languages once case and accents are folded:
//     numbers and note references (strong), and words compared by their first four letters, the
//     cognate test of Simard, Foster & Isabelle (1992);
//   - punctuation that translators keep: ? ! : ; quotes, parentheses;
//   - optionally, a bilingual dictionary's translations of the source's words, matched against
//     the target's words (lexicon.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "align/row_windows.hpp"

namespace alinea {

class TranslationEvidence;

// Words of the text: maximal runs of letters, digits and combining marks ("aujourd'hui" is two).
[[nodiscard]] std::vector<std::string> words_of(std::string_view text);
// The words case- and accent-folded (fold_for_matching), in order.
[[nodiscard]] std::vector<std::string> folded_words(const std::vector<std::string>& words);
// The `exact` id of a folded word: what a bilingual dictionary's translations are matched as.
[[nodiscard]] std::uint32_t exact_word_id(std::string_view folded);
// Whether the word holds an ASCII digit: a number, matched as a strong token, never translated.
[[nodiscard]] bool has_digit(std::string_view word);
// Sorts the ids and drops repeats: the form every id list of the scorer takes.
void sort_unique(std::vector<std::uint32_t>& ids);

// Code points of the text other than white space: the length Gale & Church's model compares.
[[nodiscard]] double text_length(std::string_view text);

inline constexpr std::size_t punctuation_classes = 6;  // ? ! : ; quotes parentheses

struct UnitFeatures {
  double length = 0.0;                // code points of the plain text
  std::vector<std::uint32_t> words;   // sorted, unique: cognate keys of words of 4+ letters
  std::vector<std::uint32_t> strong;  // sorted, unique: numbers and note reference labels
  std::vector<std::uint32_t> exact;   // sorted, unique: whole folded words (for word lists)
  // Sorted, unique: dictionary translations of the words (bilingual_dictionary.hpp), filled by
  // the caller; matched against the other side's `forms` when it has them, else its `exact`.
  std::vector<std::uint32_t> translated;
  std::vector<std::uint32_t> forms;  // sorted, unique: `exact` and the words' stems, or empty
  // `strong` (top bit set) and `words` (top bit clear) in one sorted list, so that a bead's
  // evidence costs one merge per side instead of two.
  std::vector<std::uint32_t> tokens;
  std::array<std::uint8_t, punctuation_classes> punctuation{};
  // What kind of block the unit is, as a number below block_classes that the caller chooses
  // (the aligner: a heading, a quotation, a list item); 0 for a plain paragraph, a note or a
  // sentence. A bead with a kind on one side only pays ScoreWeights::block_mismatch_penalty.
  std::uint8_t block = 0;
};

inline constexpr std::size_t block_classes = 4;

// Features of one unit. `text` is plain text (see plain_text() in document.hpp); `note_labels`
// are the labels of the note references the unit carries.
[[nodiscard]] UnitFeatures unit_features(std::string_view text,
                                         const std::vector<std::string>& note_labels = {});

// Word pairs that keep appearing together in the confident 1-1 beads of a first alignment: a
// lexicon learned from the text itself, in the manner of hunalign's second pass.
// Maps an `exact` id of a source word to `exact` ids of target words.
using LearnedLexicon = std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>;

struct BeadSpan {
  std::size_t source_begin = 0;
  std::size_t source_count = 0;
  std::size_t target_begin = 0;
  std::size_t target_count = 0;
};

[[nodiscard]] LearnedLexicon learn_lexicon(const std::vector<UnitFeatures>& source,
                                           const std::vector<UnitFeatures>& target,
                                           const std::vector<BeadSpan>& beads);

// Adds the tokens of a machine translation of the unit (features of the translated text), so
// that they can match the target's.
void add_translation_tokens(UnitFeatures& unit, const UnitFeatures& translation);

// Adds to each unit's `translated` the learned translations of its words.
void add_translations(std::vector<UnitFeatures>& source, const LearnedLexicon& lexicon);

struct ScoreWeights {
  bool use_tokens = true;       // numbers, note references, cognates
  bool use_punctuation = true;  // ? ! : ; quotes, parentheses
  bool use_word_list = true;    // only matters when the features carry translations
  // Gale & Church's s², fitted for characters without white space on our development sets.
  double length_variance = 4.0;
  // Sentences whose lengths stray far from the expected ratio: captions and running heads an OCR
  // wove into a sentence, a translator's free rendering. Gale & Church's normal prices a true
  // pair of 220 and 103 characters at 9 nats, more than two omissions, so a stretch holding one
  // yields to runs of omissions. This share of 1-1 beads is priced by a normal
  // `length_outlier_spread` times as wide. Merges (2-1, 2-2, …) keep the plain normal: their
  // lengths are what shows that a sentence left untranslated is not part of its neighbour's
  // translation (docs/BENCHMARKS.md, "Lengths with heavy tails").
  double length_outlier_share = 0.03;
  double length_outlier_spread = 5.0;
  // Target characters per source character; 0: the units' own (clamped to 0.5–2). A stretch of
  // a document (the sentences of one paragraph link) takes the whole document's: a sentence left
  // out of a paragraph would skew its own.
  double length_ratio = 0.0;
  // Nats per (weighted) token found on both sides / on one side only.
  double token_match_bonus = 2.0;
  double token_miss_penalty = 0.0;
  double translation_match_bonus = 2.0;
  double punctuation_match_bonus = 0.5;
  double punctuation_miss_penalty = 0.5;
  // Nats per block kind (UnitFeatures::block other than 0) present on one side of a bead only:
  // a heading prefers a heading.
  double block_mismatch_penalty = 2.0;
  // Prior probabilities of bead shapes (each direction); 1-1 gets the rest.
  double one_to_zero = 0.01;
  double two_to_one = 0.08;
  double two_to_two = 0.005;
  double three_to_one = 0.0075;
  // Beads of five units or more (2-3, 1-4, then 3-3, 2-4, 1-5, …): `wide_bead` for five units,
  // times `wide_bead_decay` for each unit more.
  double wide_bead = 0.0002;
  double wide_bead_decay = 0.1;
  // A wide bead whose lengths fit worse than this (nats) is not tried: its small prior leaves it
  // no chance against smaller beads, and pricing its tokens is what costs time.
  double wide_bead_length_limit = 4.0;
  // A run of k omissions on one side (k-0, 0-k) costs a first omission (`one_to_zero`) and k − 1
  // times -log of this: translators leave out passages, so one omission makes the next likelier.
  // Not much likelier: at 0.7 (what esfr-hard-dev's made-up passages prefer) a run on each side
  // was cheaper than a true stretch of 1-1 links in words the lexicon does not know, on the
  // Text+Berg test documents (docs/BENCHMARKS.md).
  double omission_continues = 0.3;
};

// Prices beads between two sequences of units. Not thread-safe (reuses scratch buffers).
class BeadScorer {
 public:
  // `translation`: a lexicon learned from the pair (lexicon.hpp), whose term joins the cost.
  BeadScorer(std::vector<UnitFeatures> source, std::vector<UnitFeatures> target,
             ScoreWeights weights = {},
             std::shared_ptr<const TranslationEvidence> translation = nullptr);

  // -log of how likely source [i, i + di) and target [j, j + dj) translate each other.
  [[nodiscard]] double cost(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const;

  // From now on, keeps each bead's cost (all but the translation term) once worked out, so that
  // pricing it again — the posteriors, a second pass — is a look-up: up to
  // `kept_shapes` × 8 bytes per cell of the band, none for cells far off it.
  void keep_costs();
  // The same units and weights with a translation term, keeping the costs kept so far (they do
  // not hold that term, which is added to them).
  [[nodiscard]] BeadScorer with_translation(
      std::shared_ptr<const TranslationEvidence> translation) &&;
  // Share of the bead's tokens found on both sides, 0..1.
  [[nodiscard]] double similarity(std::size_t i, std::size_t j, std::size_t di,
                                  std::size_t dj) const;
  // (weighted tokens on both sides, weighted tokens on either side) of the bead.
  [[nodiscard]] std::pair<double, double> token_agreement(std::size_t i, std::size_t j,
                                                          std::size_t di, std::size_t dj) const;
  // How much of the bead's evidence agrees, 0..1 (a heuristic, not a probability): picks the
  // beads a lexicon is learned from.
  [[nodiscard]] double evidence(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const;

  // -log P(length of the target | length of the source) under Gale & Church's model.
  [[nodiscard]] double length_cost(double source_length, double target_length) const;
  // The same for a 1-1 bead, which may be a length outlier (ScoreWeights::length_outlier_share).
  [[nodiscard]] double pair_length_cost(double source_length, double target_length) const;

  // (code points of source [i, i + di), code points of target [j, j + dj)).
  [[nodiscard]] std::pair<double, double> lengths(std::size_t i, std::size_t j, std::size_t di,
                                                  std::size_t dj) const;

  [[nodiscard]] std::size_t source_size() const noexcept { return source_.size(); }
  [[nodiscard]] std::size_t target_size() const noexcept { return target_.size(); }

 private:
  struct Overlap {
    double shared = 0.0;      // weighted tokens on both sides
    double total = 0.0;       // weighted tokens on either side (shared counted once per side)
    double translated = 0.0;  // source words whose word-list translation is in the target
  };
  [[nodiscard]] Overlap token_overlap(std::size_t i, std::size_t j, std::size_t di,
                                      std::size_t dj) const;
  // (marks on both sides, marks on either side) per class, summed.
  [[nodiscard]] std::pair<double, double> punctuation_counts(std::size_t i, std::size_t j,
                                                             std::size_t di, std::size_t dj) const;
  [[nodiscard]] double shape_prior_cost(std::size_t di, std::size_t dj) const;
  // |target − expected| in standard deviations of Gale & Church's model; 0 for two empty sides.
  [[nodiscard]] double length_deviation(double source_length, double target_length) const;
  // length_cost or, for a 1-1 bead, pair_length_cost of the bead's units.
  [[nodiscard]] double bead_length_cost(std::size_t i, std::size_t j, std::size_t di,
                                        std::size_t dj) const;
  // The cost of a bead without the translation term.
  [[nodiscard]] double base_cost(std::size_t i, std::size_t j, std::size_t di,
                                 std::size_t dj) const;
  [[nodiscard]] double kept_base_cost(std::size_t i, std::size_t j, std::size_t di,
                                      std::size_t dj) const;
  // Block kinds (other than 0) present on one side of the bead only.
  [[nodiscard]] std::size_t block_mismatches(std::size_t i, std::size_t j, std::size_t di,
                                             std::size_t dj) const;

  // One token list per run of 1 to `longest_cached_span` consecutive units, merged once when the
  // scorer is built, so that pricing a bead is one intersection of two ready lists instead of
  // set unions per candidate. Flat storage: the ids of span (begin, length) are
  // ids[offset[index] .. offset[index + 1]), index = (length - 1) * units + begin.
  struct SpanLists {
    std::size_t units = 0;
    std::vector<std::uint32_t> ids;
    std::vector<std::size_t> offset;
    std::vector<double> weight;  // summed token weights of each span's list
  };
  static constexpr std::size_t longest_cached_span = 5;
  [[nodiscard]] static SpanLists span_lists(const std::vector<UnitFeatures>& units,
                                            std::vector<std::uint32_t> UnitFeatures::*member);

  // Costs kept per source row and target column of a bead's start, one slot per bead shape in the
  // order shapes are first asked for; NaN until worked out.
  static constexpr std::size_t kept_shapes = 32;
  static constexpr std::size_t longest_kept_side = 7;
  // A row keeps at most this many columns: beyond, a band has widened over text that does not
  // line up, where the DP costs as much as the pricing and keeping costs would take memory.
  static constexpr std::size_t widest_kept_row = 128;
  struct KeptCell {
    std::array<double, kept_shapes> cost = unknown_costs();
    static constexpr std::array<double, kept_shapes> unknown_costs() {
      std::array<double, kept_shapes> costs{};
      costs.fill(std::numeric_limits<double>::quiet_NaN());
      return costs;
    }
  };
  struct KeptCosts {
    // Slot + 1 of shape (di, dj) at di * (longest_kept_side + 1) + dj; 0 before it is first asked.
    std::array<std::uint8_t, (longest_kept_side + 1) * (longest_kept_side + 1)> slot{};
    std::size_t slots = 0;
    RowWindows<KeptCell> cells;
  };
  std::shared_ptr<KeptCosts> kept_;

  std::vector<UnitFeatures> source_;
  std::vector<UnitFeatures> target_;
  ScoreWeights weights_;
  std::shared_ptr<const TranslationEvidence> translation_;
  SpanLists source_tokens_;
  SpanLists target_tokens_;
  SpanLists source_translated_;
  SpanLists target_exact_;  // of `target_matched_`
  // What the source's translations are matched against: the target's `forms` when it has them.
  std::vector<std::uint32_t> UnitFeatures::*target_matched_ = &UnitFeatures::exact;
  std::vector<double> source_length_prefix_;  // characters of units [0, k)
  std::vector<double> target_length_prefix_;
  // Marks of each punctuation class in units [0, k).
  std::vector<std::array<double, punctuation_classes>> source_punctuation_prefix_;
  std::vector<std::array<double, punctuation_classes>> target_punctuation_prefix_;
  // Units of each block kind in units [0, k).
  std::vector<std::array<std::uint32_t, block_classes>> source_block_prefix_;
  std::vector<std::array<std::uint32_t, block_classes>> target_block_prefix_;
  double length_ratio_ = 1.0;           // target characters per source character, whole text
  std::array<double, 6> prior_cost_{};  // 1-1, 1-0, 2-1, 2-2, 3-1, five units
  double wide_unit_cost_ = 0.0;         // each unit of a bead beyond five
  double omission_extend_cost_ = 0.0;   // each omission of a run after the first
  mutable std::vector<std::uint32_t> scratch_source_;
  mutable std::vector<std::uint32_t> scratch_target_;
  mutable std::vector<std::uint32_t> scratch_merge_;
};

}  // namespace alinea
