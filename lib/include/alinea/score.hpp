// What makes two stretches of text likely translations of each other, for related languages.
//
// Features are computed once per unit (sentence, paragraph or note) and are cheap to combine, so
// that the dynamic programming (dp.hpp) can price millions of beads:
//   - length in characters, compared à la Gale & Church (1993), in log space;
//   - tokens that survive translation between related languages once case and accents are folded:
//     numbers and note references (strong), and words compared by their first four letters, the
//     cognate test of Simard, Foster & Isabelle (1992);
//   - punctuation that translators keep: ? ! : ; quotes, parentheses;
//   - optionally, a bilingual word list (hunalign's "target @ source" format) that adds the
//     translations of source words as tokens to match.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace alinea {

// A bilingual word list: folded source word → hashed ids of its folded target translations.
class WordList {
 public:
  WordList() = default;
  // Lines "target @ source"; multi-word entries are ignored. Throws InputError on bad UTF-8.
  [[nodiscard]] static WordList parse(std::string_view text, const std::string& path);
  [[nodiscard]] static WordList read(const std::filesystem::path& path);

  [[nodiscard]] bool empty() const noexcept { return translations_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return translations_.size(); }
  [[nodiscard]] const std::vector<std::uint32_t>* translations(std::string_view folded) const;

 private:
  std::unordered_map<std::string, std::vector<std::uint32_t>> translations_;
};

inline constexpr std::size_t punctuation_classes = 6;  // ? ! : ; quotes parentheses

struct UnitFeatures {
  double length = 0.0;                    // code points of the plain text
  std::vector<std::uint32_t> words;       // sorted, unique: cognate keys of words of 4+ letters
  std::vector<std::uint32_t> strong;      // sorted, unique: numbers and note reference labels
  std::vector<std::uint32_t> exact;       // sorted, unique: whole folded words (for word lists)
  std::vector<std::uint32_t> translated;  // sorted, unique: word-list translations of the words
  std::array<std::uint8_t, punctuation_classes> punctuation{};
};

// Features of one unit. `text` is plain text (see plain_text() in document.hpp); `note_labels`
// are the labels of the note references the unit carries.
[[nodiscard]] UnitFeatures unit_features(std::string_view text,
                                         const std::vector<std::string>& note_labels = {},
                                         const WordList* word_list = nullptr);

struct ScoreWeights {
  bool use_tokens = true;        // numbers, note references, cognates
  bool use_punctuation = true;   // ? ! : ; quotes, parentheses
  bool use_word_list = true;     // only matters when the features carry translations
  double length_variance = 6.8;  // Gale & Church's s²
  double token_weight = 10.0;    // nats for a bead whose tokens all differ versus all match
  double punctuation_weight = 2.0;
};

// Prices beads between two sequences of units. Not thread-safe (reuses scratch buffers).
class BeadScorer {
 public:
  BeadScorer(std::vector<UnitFeatures> source, std::vector<UnitFeatures> target,
             ScoreWeights weights = {});

  // -log of how likely source [i, i + di) and target [j, j + dj) translate each other.
  [[nodiscard]] double cost(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const;
  // Share of the bead's tokens found on both sides, 0..1.
  [[nodiscard]] double similarity(std::size_t i, std::size_t j, std::size_t di,
                                  std::size_t dj) const;
  // How sure we are of a bead on the best path, 0..1; low for unrelated texts.
  [[nodiscard]] double confidence(std::size_t i, std::size_t j, std::size_t di,
                                  std::size_t dj) const;

  // -log P(length of the target | length of the source) under Gale & Church's model.
  [[nodiscard]] double length_cost(double source_length, double target_length) const;

  [[nodiscard]] std::size_t source_size() const noexcept { return source_.size(); }
  [[nodiscard]] std::size_t target_size() const noexcept { return target_.size(); }

 private:
  struct Overlap {
    double shared = 0.0;  // weighted tokens on both sides
    double total = 0.0;   // weighted tokens on either side (shared counted once per side)
  };
  [[nodiscard]] Overlap token_overlap(std::size_t i, std::size_t j, std::size_t di,
                                      std::size_t dj) const;
  [[nodiscard]] double punctuation_agreement(std::size_t i, std::size_t j, std::size_t di,
                                             std::size_t dj) const;

  std::vector<UnitFeatures> source_;
  std::vector<UnitFeatures> target_;
  ScoreWeights weights_;
  double length_ratio_ = 1.0;  // target characters per source character over the whole text
  mutable std::vector<std::uint32_t> scratch_source_;
  mutable std::vector<std::uint32_t> scratch_target_;
  mutable std::vector<std::uint32_t> scratch_merge_;
};

}  // namespace alinea
