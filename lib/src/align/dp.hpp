// Monotone alignment of two sequences by dynamic programming, knowing nothing about text.
//
// A path goes from (0, 0) to (n, m) by beads: a bead of shape (di, dj) at (i, j) covers source
// positions [i, i + di) and target positions [j, j + dj). The caller prices beads (a cost in log
// space: lower is better, +infinity forbids) and the DP returns the cheapest path. Large inputs run
// in a band around a first guess that widens where the best path touches its edge, so memory and
// time grow with n × band, not n × m.
//
// Costs read as -log of a probability, so the same lattice defines a distribution over paths,
// P(path) ∝ exp(-cost(path) / temperature). On request the DP also runs forward–backward in a
// narrow band around the best path and gives each step of that path its posterior: the
// probability, under that distribution restricted to the band, that a path takes exactly this
// bead. Paths that stray further from the best one carry almost none of the mass; leaving them out
// keeps the cost of posteriors a small multiple of the path's length.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace alinea {

struct BeadShape {
  std::size_t source = 0;
  std::size_t target = 0;
  friend bool operator==(const BeadShape&, const BeadShape&) = default;
};

// 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3.
[[nodiscard]] std::vector<BeadShape> standard_bead_shapes();

// The standard shapes, then every n-m bead (n, m ≥ 1) of five to `most_units` units in all and
// at most `longest_side` on either side, smaller beads first: 2-3, 3-2, 1-4, 4-1, then 1-5, …
[[nodiscard]] std::vector<BeadShape> bead_shapes_up_to(std::size_t most_units,
                                                       std::size_t longest_side);

// Runs of 2 to `longest_run` omissions on one side: k-0 and 0-k beads, k ≥ 2.
[[nodiscard]] std::vector<BeadShape> omission_runs(std::size_t longest_run);

// A point the path must pass through: after `source` source and `target` target positions.
struct Anchor {
  std::size_t source = 0;
  std::size_t target = 0;
  friend bool operator==(const Anchor&, const Anchor&) = default;
};

// Cost of the bead covering source [i, i + di) and target [j, j + dj).
using BeadCost =
    std::function<double(std::size_t i, std::size_t j, std::size_t di, std::size_t dj)>;

struct DpOptions {
  std::vector<BeadShape> shapes = standard_bead_shapes();
  // Strictly increasing on both coordinates (equal points are merged); each within (n, m).
  std::vector<Anchor> anchors;
  // Points the path is expected to pass near (not forced; in order on both sides). The first
  // band follows the line through them instead of the diagonal.
  std::vector<Anchor> guide;
  // A second broken line the first band also follows (the band is the union of both), for a
  // caller with two guesses, e.g. the path of an earlier pass and the points it started from.
  std::vector<Anchor> second_guide;
  // Half-width of the first band around the guessed path; 0 runs the full DP (n × m cells).
  std::size_t band = 64;
  // Positive: fill PathStep::posterior with costs divided by this temperature. Zero: leave it.
  double posterior_temperature = 0.0;
  // Half-width of the band around the best path over which forward–backward sums paths.
  std::size_t posterior_band = 4;
};

struct PathStep {
  std::size_t source_begin = 0;
  std::size_t source_count = 0;
  std::size_t target_begin = 0;
  std::size_t target_count = 0;
  double cost = 0.0;
  double posterior = 1.0;  // see DpOptions::posterior_temperature
  // For a run of omissions (k-0 or 0-k, k ≥ 2) with posteriors filled: per unit of the run, the
  // probability that a path leaves that unit out, by this bead or any other one-sided bead.
  std::vector<double> unit_posteriors{};
};

// The cheapest path, in order. Throws std::invalid_argument when anchors are out of range or not
// monotone, or when no path exists with the allowed shapes and finite costs.
[[nodiscard]] std::vector<PathStep> best_path(std::size_t source_length, std::size_t target_length,
                                              const BeadCost& cost, const DpOptions& options = {});

// The same path with each step's posterior filled as best_path does when
// `options.posterior_temperature` is positive (which must hold): for a caller that learns only
// after the DP whether it needs them. `path` covers both sequences through `options.anchors`.
[[nodiscard]] std::vector<PathStep> with_posteriors(std::size_t source_length,
                                                    std::size_t target_length,
                                                    std::vector<PathStep> path,
                                                    const BeadCost& cost, const DpOptions& options);

}  // namespace alinea
