// A link's confidence: the probability that it is right, from its posterior and two signs that
// the posterior misses, mapped through a small logistic model fitted on the tuning halves of the
// development sets (bench/align/fit_confidence.py).
//
// The posterior (forward–backward over the lattice, dp.hpp) only weighs the beads the lattice
// holds against each other. Where gold and lattice disagree on the grain (OCR-split references,
// titles and their subtitles: two 1-1 links where a person sees one 2-2), every bead of the path
// can look certain. Two cheap signs find many of those:
//   - tokens (numbers, cognates) of the link's units that match the neighbouring links' other side
//     but not its own: the content runs across the link's edge;
//   - a very short unit: a fragment ("Literatur :", "1956 ) .") is where splits disagree.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "alinea/aligner.hpp"

namespace alinea {

class BeadScorer;

struct ConfidenceFeatures {
  double posterior = 1.0;      // the bead's posterior, 0..1
  double leaked_tokens = 0.0;  // log(1 + weighted tokens matched across the link's edge)
  double shortest_unit = 0.0;  // log(1 + code points of the bead's shortest unit)
  // The bead's cost (nats, all its evidence and its shape's prior) per unit it holds: how well
  // it is supported in itself, where the posterior only says how it compares with the beads
  // the lattice offers instead (in a stretch the whole path has wrong, every bead looks sure).
  double cost_per_unit = 0.0;
  double one_sided = 0.0;  // 1 for an omission or an addition, else 0
};

inline constexpr std::size_t confidence_feature_count = 5;

// The features as the map reads them, in the order of ConfidenceModel::weights: the posterior
// as its bounded log-odds, the others as they are.
[[nodiscard]] std::array<double, confidence_feature_count> model_inputs(
    const ConfidenceFeatures& features);

// p = 1 / (1 + exp(-(intercept + Σ weights[k] · model_inputs(features)[k])))
struct ConfidenceModel {
  double intercept = 0.0;
  std::array<double, confidence_feature_count> weights{};
};

// Fitted on the tuning halves of the development sets (and the first four Text+Berg test
// documents when given), each set weighing the same, by
//   python3 bench/align/fit_confidence.py build/release/tools/alinea
//       --data ../shared/bench/align --textberg-test DIR
// (docs/BENCHMARKS.md: what it gives on the held-out halves and documents). Refit after any
// change to the aligner's costs: the posteriors and costs it maps move with them.
inline constexpr ConfidenceModel fitted_confidence_model{
    -0.1790, {0.5536, -1.3719, 0.3577, -0.0302, -0.8252}};
// The map that leaves the posterior as it is.
inline constexpr ConfidenceModel posterior_only{0.0, {1.0, 0.0, 0.0, 0.0, 0.0}};

// A sentence link inside a paragraph or note link of a document: its confidence (the map above
// times its parent link's) mapped once more, p = 1 / (1 + exp(-(intercept + slope · logit))).
// The map above is fitted on whole texts aligned sentence by sentence; inside a link, with the
// document's length ratio and Model 1, the same confidences are right more often (before this
// map: 93% on average, 98% right). Fitted on the documents made of Text+Berg dev and esfr-dev by
//   python3 bench/align/document_bench.py build/release/tools/alinea --data ../shared/bench/align
//       --textberg-test DIR --fit
// (docs/BENCHMARKS.md, "Documents"); refit with the map above.
struct LinkedSentenceMap {
  double intercept = 0.0;
  double slope = 1.0;
};
inline constexpr LinkedSentenceMap fitted_linked_sentence_map{0.9319, 0.9331};

[[nodiscard]] double linked_sentence_confidence(
    double confidence, const LinkedSentenceMap& map = fitted_linked_sentence_map);

// The posterior's log-odds, bounded so that a posterior of exactly 0 or 1 stays finite.
[[nodiscard]] double bounded_logit(double posterior);

[[nodiscard]] double calibrated_confidence(const ConfidenceFeatures& features,
                                           const ConfidenceModel& model = fitted_confidence_model);

// A bead of a path with its posterior (in Bead::confidence) and what its confidence comes from.
struct ExplainedBead {
  Bead bead;
  ConfidenceFeatures features;
};

// The features of each bead of `beads` (in path order, covering both sequences; posteriors in
// Bead::confidence), its neighbours being the beads just before and after it.
[[nodiscard]] std::vector<ConfidenceFeatures> confidence_features(const BeadScorer& scorer,
                                                                  const std::vector<Bead>& beads);

// Benchmark mode (`alinea align --lines --confidence-features FILE`): one line per bead, its
// features in the order of ConfidenceFeatures (the posterior itself, not its log-odds), in the
// order of format_gold_links.
[[nodiscard]] std::string format_confidence_features(const std::vector<ExplainedBead>& beads);

// align_sentences (aligner.hpp) with what each bead's confidence was computed from.
[[nodiscard]] std::vector<ExplainedBead> align_sentences_explained(
    const std::vector<std::string>& source, const std::vector<std::string>& target,
    const std::string& source_lang, const std::string& target_lang,
    const AlignOptions& options = {});

}  // namespace alinea
