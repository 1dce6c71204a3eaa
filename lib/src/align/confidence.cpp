// A link's confidence from its posterior and the signs the posterior misses; see confidence.hpp.
#include "align/confidence.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "align/score.hpp"

namespace alinea {

double bounded_logit(double posterior) {
  // Posteriors closer to 0 or 1 than this say no more: the lattice's own rounding.
  constexpr double bound = 1e-4;
  const double p = std::clamp(posterior, bound, 1.0 - bound);
  return std::log(p / (1.0 - p));
}

std::array<double, confidence_feature_count> model_inputs(const ConfidenceFeatures& features) {
  return {bounded_logit(features.posterior), features.leaked_tokens, features.shortest_unit,
          features.cost_per_unit, features.one_sided};
}

double calibrated_confidence(const ConfidenceFeatures& features, const ConfidenceModel& model) {
  const std::array<double, confidence_feature_count> inputs = model_inputs(features);
  double score = model.intercept;
  for (std::size_t k = 0; k < confidence_feature_count; ++k) score += model.weights[k] * inputs[k];
  return 1.0 / (1.0 + std::exp(-score));
}

double linked_sentence_confidence(double confidence, const LinkedSentenceMap& map) {
  return 1.0 / (1.0 + std::exp(-(map.intercept + map.slope * bounded_logit(confidence))));
}

namespace {

// The units [begin, end) on each side that the beads around `k` (k − 1 to k + 1) cover.
struct Window {
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  std::size_t target_begin = 0;
  std::size_t target_end = 0;
};

Window window_around(const std::vector<Bead>& beads, std::size_t k) {
  const std::size_t first = k > 0 ? k - 1 : k;
  const std::size_t last = std::min(beads.size() - 1, k + 1);
  Window window{beads[k].source_begin, beads[k].source_begin + beads[k].source_count,
                beads[k].target_begin, beads[k].target_begin + beads[k].target_count};
  for (std::size_t n = first; n <= last; ++n) {
    window.source_begin = std::min(window.source_begin, beads[n].source_begin);
    window.source_end = std::max(window.source_end, beads[n].source_begin + beads[n].source_count);
    window.target_begin = std::min(window.target_begin, beads[n].target_begin);
    window.target_end = std::max(window.target_end, beads[n].target_begin + beads[n].target_count);
  }
  return window;
}

// Weighted tokens of the bead's units found in the window's other side but not in the bead's own
// other side: content the neighbours hold.
double leaked_tokens(const BeadScorer& scorer, const Bead& bead, const Window& window) {
  const auto shared = [&scorer](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
    return di == 0 || dj == 0 ? 0.0 : scorer.token_agreement(i, j, di, dj).first;
  };
  const double own =
      shared(bead.source_begin, bead.target_begin, bead.source_count, bead.target_count);
  const double source_out = shared(bead.source_begin, window.target_begin, bead.source_count,
                                   window.target_end - window.target_begin);
  const double target_out = shared(window.source_begin, bead.target_begin,
                                   window.source_end - window.source_begin, bead.target_count);
  return std::max(0.0, source_out - own) + std::max(0.0, target_out - own);
}

double shortest_unit(const BeadScorer& scorer, const Bead& bead) {
  double shortest = -1.0;
  const auto consider = [&shortest](double length) {
    if (shortest < 0.0 || length < shortest) shortest = length;
  };
  for (std::size_t k = bead.source_begin; k < bead.source_begin + bead.source_count; ++k) {
    consider(scorer.lengths(k, 0, 1, 0).first);
  }
  for (std::size_t k = bead.target_begin; k < bead.target_begin + bead.target_count; ++k) {
    consider(scorer.lengths(0, k, 0, 1).second);
  }
  return std::max(shortest, 0.0);
}

}  // namespace

std::vector<ConfidenceFeatures> confidence_features(const BeadScorer& scorer,
                                                    const std::vector<Bead>& beads) {
  std::vector<ConfidenceFeatures> features;
  features.reserve(beads.size());
  for (std::size_t k = 0; k < beads.size(); ++k) {
    const Bead& bead = beads[k];
    const bool one_sided = bead.source_count == 0 || bead.target_count == 0;
    features.push_back(
        {.posterior = bead.confidence,
         .leaked_tokens = std::log1p(leaked_tokens(scorer, bead, window_around(beads, k))),
         .shortest_unit = std::log1p(shortest_unit(scorer, bead)),
         .cost_per_unit = scorer.cost(bead.source_begin, bead.target_begin, bead.source_count,
                                      bead.target_count) /
                          static_cast<double>(bead.source_count + bead.target_count),
         .one_sided = one_sided ? 1.0 : 0.0});
  }
  return features;
}

std::string format_confidence_features(const std::vector<ExplainedBead>& beads) {
  std::string out;
  for (const ExplainedBead& explained : beads) {
    const ConfidenceFeatures& features = explained.features;
    std::array<char, 160> line{};
    std::snprintf(line.data(), line.size(), "%.6f %.6f %.6f %.6f %.0f\n", features.posterior,
                  features.leaked_tokens, features.shortest_unit, features.cost_per_unit,
                  features.one_sided);
    out += line.data();
  }
  return out;
}

}  // namespace alinea
