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
};

// p = 1 / (1 + exp(-(intercept + posterior_weight · logit(posterior) + leak_weight · leaked_tokens
//                    + shortness_weight · shortest_unit)))
struct ConfidenceModel {
  double intercept = 0.0;
  double posterior_weight = 1.0;
  double leak_weight = 0.0;
  double shortness_weight = 0.0;
};

// Fitted on the tuning halves of the three development sets, each set weighing the same, by
//   python3 bench/align/fit_confidence.py build/release/tools/alinea --data ../shared/bench/align
// (docs/BENCHMARKS.md: what it gives on the held-out halves). Refit after any change to the
// aligner's costs: the posteriors it maps move with them.
inline constexpr ConfidenceModel fitted_confidence_model{-0.7122, 0.4697, -1.3432, 0.5652};
// The map that leaves the posterior as it is.
inline constexpr ConfidenceModel posterior_only{0.0, 1.0, 0.0, 0.0};

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

// Benchmark mode (`alinea align --lines --confidence-features FILE`): one line per bead,
// "posterior leaked_tokens shortest_unit", in the order of format_gold_links.
[[nodiscard]] std::string format_confidence_features(const std::vector<ExplainedBead>& beads);

// align_sentences (aligner.hpp) with what each bead's confidence was computed from.
[[nodiscard]] std::vector<ExplainedBead> align_sentences_explained(
    const std::vector<std::string>& source, const std::vector<std::string>& target,
    const std::string& source_lang, const std::string& target_lang,
    const AlignOptions& options = {});

}  // namespace alinea
