// The dynamic programming over two sequences: properties on random inputs and exact small cases.
#define BOOST_TEST_MODULE dp
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "align/dp.hpp"

using alinea::Anchor;
using alinea::BeadShape;
using alinea::DpOptions;
using alinea::PathStep;

namespace {

// Random but deterministic bead costs, reproducible from the bead alone (a SplitMix64 hash).
struct RandomCosts {
  unsigned seed = 0;
  double operator()(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
    std::uint64_t x = seed;
    for (const std::size_t part : {i, j, di, dj}) {
      x += 0x9E3779B97F4A7C15ULL + part;
      x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
      x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
      x ^= x >> 31U;
    }
    return static_cast<double>(x >> 11U) * 0x1.0p-53 * 10.0;
  }
};

// 1-1 steps on the diagonal free, everything else 4, plus noise scaled by `spread`: the mass of
// paths far from the diagonal is negligible.
struct CheapDiagonal {
  RandomCosts noise;
  double spread;
  double operator()(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
    return ((di == 1 && dj == 1 && i == j) ? 0.0 : 4.0) + noise(i, j, di, dj) * spread;
  }
};

// Cheap along a planted path of 1-1 beads with a few gaps, costly elsewhere, plus noise.
struct PlantedCosts {
  std::vector<PathStep> planted;
  RandomCosts noise;
  double operator()(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
    for (const PathStep& step : planted) {
      if (step.source_begin == i && step.target_begin == j && step.source_count == di &&
          step.target_count == dj) {
        return noise(i, j, di, dj) * 0.1;
      }
    }
    return 5.0 + noise(i, j, di, dj);
  }
};

bool is_allowed(const PathStep& step, const std::vector<BeadShape>& shapes) {
  for (const BeadShape& shape : shapes) {
    if (shape.source == step.source_count && shape.target == step.target_count) return true;
  }
  return false;
}

void check_covers_in_order(const std::vector<PathStep>& path, std::size_t n, std::size_t m,
                           const std::vector<BeadShape>& shapes) {
  std::size_t i = 0;
  std::size_t j = 0;
  for (const PathStep& step : path) {
    BOOST_TEST(step.source_begin == i);
    BOOST_TEST(step.target_begin == j);
    BOOST_TEST(is_allowed(step, shapes));
    i += step.source_count;
    j += step.target_count;
  }
  BOOST_TEST(i == n);
  BOOST_TEST(j == m);
}

bool passes_through(const std::vector<PathStep>& path, Anchor anchor) {
  if (anchor.source == 0 && anchor.target == 0) return true;
  for (const PathStep& step : path) {
    if (step.source_begin + step.source_count == anchor.source &&
        step.target_begin + step.target_count == anchor.target) {
      return true;
    }
  }
  return false;
}

double total_cost(const std::vector<PathStep>& path) {
  double total = 0.0;
  for (const PathStep& step : path) total += step.cost;
  return total;
}

}  // namespace

BOOST_AUTO_TEST_CASE(random_paths_cover_both_sequences_in_order_with_allowed_beads) {
  std::mt19937 generator(7);
  for (unsigned trial = 0; trial < 200; ++trial) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 30)(generator);
    const std::size_t m = std::uniform_int_distribution<std::size_t>(0, 30)(generator);
    DpOptions options;
    options.band = std::uniform_int_distribution<std::size_t>(0, 6)(generator);
    const auto path = alinea::best_path(n, m, RandomCosts{trial}, options);
    check_covers_in_order(path, n, m, options.shapes);
  }
}

BOOST_AUTO_TEST_CASE(wide_shapes_extend_the_standard_ones_up_to_a_size) {
  BOOST_TEST(alinea::bead_shapes_up_to(4, 3) == alinea::standard_bead_shapes());
  const std::vector<BeadShape> wide = alinea::bead_shapes_up_to(6, 5);
  const auto has = [&wide](std::size_t source, std::size_t target) {
    return std::count(wide.begin(), wide.end(), BeadShape{source, target}) == 1;
  };
  for (const BeadShape shape : alinea::standard_bead_shapes()) {
    BOOST_TEST(has(shape.source, shape.target));
  }
  for (const BeadShape shape : std::vector<BeadShape>{
           {2, 3}, {3, 2}, {1, 4}, {4, 1}, {1, 5}, {5, 1}, {2, 4}, {4, 2}, {3, 3}}) {
    BOOST_TEST(has(shape.source, shape.target));
  }
  BOOST_TEST(wide.size() == 17U);  // 8 standard, 4 of five units, 5 of six
  BOOST_TEST(!has(2, 5));
  BOOST_TEST(alinea::bead_shapes_up_to(7, 5).size() == 21U);  // 2-5, 5-2, 3-4, 4-3; no 1-6
}

BOOST_AUTO_TEST_CASE(random_paths_with_wide_beads_cover_both_sequences_in_order) {
  std::mt19937 generator(17);
  for (unsigned trial = 0; trial < 200; ++trial) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 30)(generator);
    const std::size_t m = std::uniform_int_distribution<std::size_t>(0, 30)(generator);
    DpOptions options;
    options.shapes = alinea::bead_shapes_up_to(6 + trial % 2, 5);
    options.band = std::uniform_int_distribution<std::size_t>(0, 6)(generator);
    options.posterior_temperature = trial % 3 == 0 ? 1.0 : 0.0;
    const auto path = alinea::best_path(n, m, RandomCosts{trial}, options);
    check_covers_in_order(path, n, m, options.shapes);
    for (const PathStep& step : path) {
      BOOST_TEST(step.posterior >= 0.0);
      BOOST_TEST(step.posterior <= 1.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_planted_path_of_wide_beads_is_found_in_a_narrow_band) {
  // 1-5, 3-2, 1-1 …, 2-4, 1-1 …: far from the diagonal at times, and no standard bead fits there.
  std::vector<PathStep> planted;
  std::size_t i = 0;
  std::size_t j = 0;
  const auto plant = [&](std::size_t di, std::size_t dj) {
    planted.push_back({i, di, j, dj, 0.0});
    i += di;
    j += dj;
  };
  plant(1, 5);
  plant(3, 2);
  for (int k = 0; k < 20; ++k) plant(1, 1);
  plant(2, 4);
  plant(5, 1);
  for (int k = 0; k < 20; ++k) plant(1, 1);
  const PlantedCosts cost{planted, RandomCosts{3}};
  DpOptions options;
  options.shapes = alinea::bead_shapes_up_to(6, 5);
  options.band = 2;
  const auto found = alinea::best_path(i, j, cost, options);
  BOOST_REQUIRE(found.size() == planted.size());
  for (std::size_t k = 0; k < found.size(); ++k) {
    BOOST_TEST(found[k].source_count == planted[k].source_count);
    BOOST_TEST(found[k].target_count == planted[k].target_count);
  }
  DpOptions standard;
  standard.band = 2;
  BOOST_TEST(alinea::best_path(i, j, cost, standard).size() > planted.size());
}

BOOST_AUTO_TEST_CASE(anchored_paths_pass_through_every_anchor) {
  std::mt19937 generator(11);
  for (unsigned trial = 0; trial < 200; ++trial) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 40)(generator);
    const std::size_t m = std::uniform_int_distribution<std::size_t>(1, 40)(generator);
    DpOptions options;
    options.band = trial % 2 == 0 ? 0 : 3;
    std::size_t source = 0;
    std::size_t target = 0;
    while (true) {
      source += std::uniform_int_distribution<std::size_t>(0, 8)(generator);
      target += std::uniform_int_distribution<std::size_t>(0, 8)(generator);
      if (source > n || target > m) break;
      options.anchors.push_back({source, target});
    }
    const auto path = alinea::best_path(n, m, RandomCosts{trial}, options);
    check_covers_in_order(path, n, m, options.shapes);
    for (const Anchor& anchor : options.anchors) BOOST_TEST(passes_through(path, anchor));
  }
}

// How far a path strays from the diagonal of an n × m grid: the largest column distance, over
// every cell its beads cover, from the diagonal's column in that row (as the DP's band counts it).
std::size_t distance_from_diagonal(const std::vector<PathStep>& path, std::size_t n,
                                   std::size_t m) {
  std::size_t farthest = 0;
  for (const PathStep& step : path) {
    for (std::size_t row = step.source_begin; row <= step.source_begin + step.source_count; ++row) {
      const std::size_t centre = row * m / n;
      for (const std::size_t column : {step.target_begin, step.target_begin + step.target_count}) {
        farthest = std::max(farthest, column > centre ? column - centre : centre - column);
      }
    }
  }
  return farthest;
}

// Property: whenever the cheapest path lies inside the first band, the banded DP finds it. The
// band is narrower than the grid (2 × band + 1 < m + 1), so the banded code runs, not the full DP.
BOOST_AUTO_TEST_CASE(banded_result_equals_full_dp_when_the_band_can_hold_the_answer) {
  std::mt19937 generator(13);
  unsigned banded = 0;
  for (unsigned trial = 0; trial < 100; ++trial) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(30, 80)(generator);
    const std::size_t m = std::uniform_int_distribution<std::size_t>(30, 80)(generator);
    DpOptions full;
    full.band = 0;
    const RandomCosts costs{trial};
    const auto expected = alinea::best_path(n, m, costs, full);
    DpOptions narrow;
    narrow.band = distance_from_diagonal(expected, n, m) + 1;
    if (2 * narrow.band + 1 >= m + 1) continue;
    ++banded;
    const auto found = alinea::best_path(n, m, costs, narrow);
    BOOST_TEST(std::abs(total_cost(expected) - total_cost(found)) < 1e-9);
    check_covers_in_order(found, n, m, narrow.shapes);
  }
  BOOST_TEST(banded >= 50U);
}

// The same with a guide: a path that first skips 20 to 40 source units runs far from the
// diagonal; a guide through every third point of the cheapest path leads a band of 10 to it.
BOOST_AUTO_TEST_CASE(guided_band_equals_full_dp_far_from_the_diagonal) {
  std::mt19937 generator(19);
  for (unsigned trial = 0; trial < 40; ++trial) {
    std::vector<PathStep> planted;
    std::size_t i = 0;
    std::size_t j = 0;
    const auto one_to_one = [&](std::size_t count) {
      for (std::size_t k = 0; k < count; ++k) planted.push_back({i++, 1, j++, 1, 0.0});
    };
    one_to_one(std::uniform_int_distribution<std::size_t>(0, 10)(generator));
    const std::size_t skipped = std::uniform_int_distribution<std::size_t>(20, 40)(generator);
    for (std::size_t k = 0; k < skipped; ++k) planted.push_back({i++, 1, j, 0, 0.0});
    one_to_one(std::uniform_int_distribution<std::size_t>(40, 60)(generator));
    const PlantedCosts costs{planted, RandomCosts{trial}};
    DpOptions full;
    full.band = 0;
    const auto expected = alinea::best_path(i, j, costs, full);
    DpOptions guided;
    guided.band = 10;
    BOOST_REQUIRE(2 * guided.band + 1 < j + 1);
    BOOST_REQUIRE(distance_from_diagonal(expected, i, j) > guided.band);
    for (std::size_t k = 2; k < expected.size(); k += 3) {
      guided.guide.push_back({expected[k].source_begin + expected[k].source_count,
                              expected[k].target_begin + expected[k].target_count});
    }
    const auto found = alinea::best_path(i, j, costs, guided);
    BOOST_TEST(std::abs(total_cost(expected) - total_cost(found)) < 1e-9);
    check_covers_in_order(found, i, j, guided.shapes);
  }
}

BOOST_AUTO_TEST_CASE(narrow_band_widens_to_find_a_planted_path_far_from_the_diagonal) {
  std::mt19937 generator(17);
  for (unsigned trial = 0; trial < 60; ++trial) {
    // A path that drifts: a run of omissions on one side, then of additions on the other.
    std::vector<PathStep> planted;
    std::size_t i = 0;
    std::size_t j = 0;
    const std::size_t drift = std::uniform_int_distribution<std::size_t>(0, 25)(generator);
    for (std::size_t k = 0; k < 40; ++k) {
      planted.push_back({i, 1, j, 1, 0.0});
      ++i;
      ++j;
    }
    for (std::size_t k = 0; k < drift; ++k) planted.push_back({i++, 1, j, 0, 0.0});
    for (std::size_t k = 0; k < 40; ++k) {
      planted.push_back({i, 1, j, 1, 0.0});
      ++i;
      ++j;
    }
    const PlantedCosts costs{planted, RandomCosts{trial}};
    DpOptions full;
    full.band = 0;
    DpOptions narrow;
    narrow.band = 2;
    const auto expected = alinea::best_path(i, j, costs, full);
    const auto found = alinea::best_path(i, j, costs, narrow);
    BOOST_TEST(std::abs(total_cost(expected) - total_cost(found)) < 1e-9);
    BOOST_TEST(found.size() == planted.size());
  }
}

BOOST_AUTO_TEST_CASE(a_sequence_aligned_with_itself_gives_all_one_to_one) {
  const std::vector<int> lengths = {12, 40, 7, 7, 33, 90, 1, 18, 25, 25, 60};
  const auto cost = [&](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
    if (di != 1 || dj != 1) return 8.0;
    return std::abs(lengths[i] - lengths[j]) / 4.0;
  };
  const auto path = alinea::best_path(lengths.size(), lengths.size(), cost);
  BOOST_TEST(path.size() == lengths.size());
  for (std::size_t k = 0; k < path.size(); ++k) {
    BOOST_TEST(path[k].source_begin == k);
    BOOST_TEST(path[k].source_count == 1U);
    BOOST_TEST(path[k].target_count == 1U);
  }
}

BOOST_AUTO_TEST_CASE(empty_sides_give_omissions_or_nothing) {
  const auto flat = [](std::size_t, std::size_t, std::size_t, std::size_t) { return 1.0; };
  BOOST_TEST(alinea::best_path(0, 0, flat).empty());
  const auto only_source = alinea::best_path(3, 0, flat);
  BOOST_TEST(only_source.size() == 3U);
  for (const PathStep& step : only_source) BOOST_TEST(step.target_count == 0U);
  BOOST_TEST(alinea::best_path(0, 2, flat).size() == 2U);
}

BOOST_AUTO_TEST_CASE(refuses_impossible_requests) {
  const auto flat = [](std::size_t, std::size_t, std::size_t, std::size_t) { return 1.0; };
  DpOptions only_one_to_one;
  only_one_to_one.shapes = {{1, 1}};
  BOOST_CHECK_THROW((void)alinea::best_path(2, 3, flat, only_one_to_one), std::invalid_argument);
  DpOptions crossing;
  crossing.anchors = {{2, 5}, {4, 1}};
  BOOST_CHECK_THROW((void)alinea::best_path(6, 6, flat, crossing), std::invalid_argument);
  DpOptions outside;
  outside.anchors = {{9, 1}};
  BOOST_CHECK_THROW((void)alinea::best_path(6, 6, flat, outside), std::invalid_argument);
  const auto forbidden = [](std::size_t, std::size_t, std::size_t, std::size_t) {
    return std::numeric_limits<double>::infinity();
  };
  BOOST_CHECK_THROW((void)alinea::best_path(3, 3, forbidden), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(large_inputs_run_in_a_band) {
  // 5,000 × 5,000 would need 25 million cells in full; the band keeps this quick.
  const std::size_t n = 5000;
  const auto cost = [](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
    return (di == 1 && dj == 1 && i == j) ? 0.0 : 3.0;
  };
  const auto path = alinea::best_path(n, n, cost);
  BOOST_TEST(path.size() == n);
}

BOOST_AUTO_TEST_CASE(a_guide_leads_a_narrow_band_to_a_path_far_from_the_diagonal) {
  // 300 source units of which the first 150 have no counterpart: the best path runs along the
  // source axis first, far from the diagonal of a 300 × 150 grid.
  const std::size_t n = 300;
  const std::size_t m = 150;
  const auto cost = [](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
    if (di == 1 && dj == 1) return i == j + 150 ? 0.0 : 6.0;
    return 2.0;
  };
  DpOptions full;
  full.band = 0;
  DpOptions guided;
  guided.band = 2;
  guided.guide = {{150, 0}, {225, 75}};
  const auto expected = alinea::best_path(n, m, cost, full);
  const auto found = alinea::best_path(n, m, cost, guided);
  BOOST_TEST(std::abs(total_cost(expected) - total_cost(found)) < 1e-9);
  check_covers_in_order(found, n, m, guided.shapes);
}

namespace {

// Every path from (0, 0) to (n, m), by brute force: for each, its steps.
void enumerate_paths(std::size_t i, std::size_t j, std::size_t n, std::size_t m,
                     const std::vector<BeadShape>& shapes, std::vector<PathStep>& current,
                     std::vector<std::vector<PathStep>>& out) {
  if (i == n && j == m) {
    out.push_back(current);
    return;
  }
  for (const BeadShape& shape : shapes) {
    if (i + shape.source > n || j + shape.target > m) continue;
    current.push_back({i, shape.source, j, shape.target, 0.0});
    enumerate_paths(i + shape.source, j + shape.target, n, m, shapes, current, out);
    current.pop_back();
  }
}

bool same_bead(const PathStep& a, const PathStep& b) {
  return a.source_begin == b.source_begin && a.source_count == b.source_count &&
         a.target_begin == b.target_begin && a.target_count == b.target_count;
}

// P(a path takes `step`) under P(path) ∝ exp(-cost / temperature), summed over all paths.
template <typename Cost>
double brute_force_posterior(
    const PathStep& step, std::size_t n, std::size_t m, const Cost& cost, double temperature,
    const std::vector<BeadShape>& shapes = alinea::standard_bead_shapes()) {
  std::vector<std::vector<PathStep>> paths;
  std::vector<PathStep> current;
  enumerate_paths(0, 0, n, m, shapes, current, paths);
  double all = 0.0;
  double with_step = 0.0;
  for (const auto& path : paths) {
    double total = 0.0;
    for (const PathStep& s : path) {
      total += cost(s.source_begin, s.target_begin, s.source_count, s.target_count);
    }
    const double weight = std::exp(-total / temperature);
    all += weight;
    if (std::any_of(path.begin(), path.end(),
                    [&step](const PathStep& s) { return same_bead(s, step); })) {
      with_step += weight;
    }
  }
  return with_step / all;
}

}  // namespace

BOOST_AUTO_TEST_CASE(posteriors_match_a_sum_over_every_path_of_a_tiny_lattice) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const std::size_t n = 2 + seed % 3;
    const std::size_t m = 1 + seed % 4;
    const RandomCosts cost{seed};
    DpOptions options;
    options.posterior_temperature = seed % 2 == 0 ? 1.0 : 3.0;
    const auto path = alinea::best_path(n, m, cost, options);
    for (const PathStep& step : path) {
      const double expected =
          brute_force_posterior(step, n, m, cost, options.posterior_temperature);
      BOOST_TEST(std::abs(step.posterior - expected) < 1e-5, "seed " << seed);
    }
  }
}

BOOST_AUTO_TEST_CASE(posteriors_over_wide_beads_match_a_sum_over_every_path) {
  const std::vector<BeadShape> wide = alinea::bead_shapes_up_to(6, 5);
  for (unsigned seed = 1; seed <= 10; ++seed) {
    const std::size_t n = 1 + seed % 3;
    const std::size_t m = 3 + seed % 3;
    const RandomCosts cost{seed};
    DpOptions options;
    options.shapes = wide;
    options.posterior_temperature = 2.0;
    const auto path = alinea::best_path(n, m, cost, options);
    check_covers_in_order(path, n, m, wide);
    for (const PathStep& step : path) {
      const double expected = brute_force_posterior(step, n, m, cost, 2.0, wide);
      BOOST_TEST(std::abs(step.posterior - expected) < 1e-5, "seed " << seed);
    }
  }
}

BOOST_AUTO_TEST_CASE(omission_runs_are_one_sided_beads_of_two_units_or_more) {
  BOOST_TEST(alinea::omission_runs(1).empty());
  const std::vector<BeadShape> expected = {{2, 0}, {0, 2}, {3, 0}, {0, 3}};
  BOOST_TEST(alinea::omission_runs(3) == expected);
}

// P(a path leaves out source unit `unit` (or target unit, `along_source` false)), by brute force.
template <typename Cost>
double brute_force_omitted(std::size_t unit, bool along_source, std::size_t n, std::size_t m,
                           const Cost& cost, double temperature,
                           const std::vector<BeadShape>& shapes) {
  std::vector<std::vector<PathStep>> paths;
  std::vector<PathStep> current;
  enumerate_paths(0, 0, n, m, shapes, current, paths);
  double all = 0.0;
  double omitted = 0.0;
  for (const auto& path : paths) {
    double total = 0.0;
    bool leaves_out = false;
    for (const PathStep& s : path) {
      total += cost(s.source_begin, s.target_begin, s.source_count, s.target_count);
      if (along_source && s.target_count == 0 && s.source_begin <= unit &&
          unit < s.source_begin + s.source_count) {
        leaves_out = true;
      }
      if (!along_source && s.source_count == 0 && s.target_begin <= unit &&
          unit < s.target_begin + s.target_count) {
        leaves_out = true;
      }
    }
    const double weight = std::exp(-total / temperature);
    all += weight;
    if (leaves_out) omitted += weight;
  }
  return omitted / all;
}

BOOST_AUTO_TEST_CASE(each_unit_of_a_run_of_omissions_gets_the_probability_it_is_left_out) {
  std::vector<BeadShape> shapes = alinea::standard_bead_shapes();
  for (const BeadShape shape : alinea::omission_runs(3)) shapes.push_back(shape);
  // Omissions cheap, so that runs come out: source units 1–3 (then target 2–4) have no match.
  unsigned runs = 0;
  for (unsigned seed = 1; seed <= 8; ++seed) {
    const bool source_side = seed % 2 == 0;
    const std::size_t n = source_side ? 5 : 2;
    const std::size_t m = source_side ? 2 : 5;
    const RandomCosts noise{seed};
    const auto cost = [&](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
      const bool one_sided = di == 0 || dj == 0;
      return (one_sided ? 1.0 + 0.5 * static_cast<double>(di + dj) : 4.0) +
             0.3 * noise(i, j, di, dj);
    };
    DpOptions options;
    options.shapes = shapes;
    options.posterior_temperature = 1.5;
    options.posterior_band = 8;  // the whole lattice, as the brute force sums
    for (const PathStep& step : alinea::best_path(n, m, cost, options)) {
      const bool run = (step.source_count == 0) != (step.target_count == 0) &&
                       step.source_count + step.target_count > 1;
      if (!run) {
        BOOST_TEST(step.unit_posteriors.empty());
        continue;
      }
      ++runs;
      const bool along_source = step.source_count > 0;
      BOOST_REQUIRE(step.unit_posteriors.size() == step.source_count + step.target_count);
      for (std::size_t k = 0; k < step.unit_posteriors.size(); ++k) {
        const std::size_t unit = (along_source ? step.source_begin : step.target_begin) + k;
        const double expected = brute_force_omitted(unit, along_source, n, m, cost, 1.5, shapes);
        BOOST_TEST(std::abs(step.unit_posteriors[k] - expected) < 1e-5,
                 "seed " << seed << " unit " << unit << ": " << step.unit_posteriors[k] << " vs " << expected);
        BOOST_TEST(step.unit_posteriors[k] >= step.posterior - 1e-12);
      }
    }
  }
  BOOST_TEST(runs >= 4U);
}

BOOST_AUTO_TEST_CASE(equal_costs_give_each_bead_its_share_of_the_paths) {
  // Uniform: every path is as likely, so a bead's posterior is the share of paths through it.
  const auto flat = [](std::size_t, std::size_t, std::size_t di, std::size_t dj) {
    return 2.0 * static_cast<double>(di + dj);  // every path costs 2 (n + m): all equal
  };
  DpOptions options;
  options.posterior_temperature = 1.0;
  const auto path = alinea::best_path(3, 3, flat, options);
  double sum_check = 0.0;
  for (const PathStep& step : path) {
    const double expected = brute_force_posterior(step, 3, 3, flat, 1.0);
    BOOST_TEST(std::abs(step.posterior - expected) < 1e-9);
    BOOST_TEST(step.posterior < 1.0);
    sum_check += step.posterior;
  }
  BOOST_TEST(sum_check > 0.0);
}

BOOST_AUTO_TEST_CASE(a_path_far_cheaper_than_all_others_is_certain) {
  // Separable: the diagonal costs nothing, every other bead 30 nats.
  const auto cost = [](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
    return (di == 1 && dj == 1 && i == j) ? 0.0 : 30.0;
  };
  DpOptions options;
  options.posterior_temperature = 1.0;
  for (const PathStep& step : alinea::best_path(6, 6, cost, options)) {
    BOOST_TEST(step.posterior > 0.999999);
  }
  options.posterior_temperature = 0.0;
  for (const PathStep& step : alinea::best_path(6, 6, cost, options)) {
    BOOST_TEST(step.posterior == 1.0);  // not asked for: left alone
  }
}

BOOST_AUTO_TEST_CASE(posteriors_stay_finite_on_long_banded_inputs) {
  // 20,000 steps: products of probabilities underflow unless the sums stay in log space.
  const std::size_t n = 20000;
  const CheapDiagonal cost{RandomCosts{7}, 0.1};
  DpOptions options;
  options.band = 8;
  options.posterior_temperature = 1.0;
  const auto path = alinea::best_path(n, n, cost, options);
  BOOST_REQUIRE(path.size() == n);
  for (const PathStep& step : path) {
    BOOST_TEST(std::isfinite(step.posterior));
    BOOST_TEST(step.posterior > 0.5);
    BOOST_TEST(step.posterior <= 1.0);
  }
}

BOOST_AUTO_TEST_CASE(posteriors_worked_out_later_equal_those_of_the_search) {
  std::mt19937 generator(23);
  for (unsigned trial = 0; trial < 40; ++trial) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 40)(generator);
    const std::size_t m = std::uniform_int_distribution<std::size_t>(1, 40)(generator);
    DpOptions options;
    options.band = 3;
    options.posterior_temperature = 1.5;
    if (trial % 2 == 0 && n > 4 && m > 4) options.anchors = {{n / 2, m / 3}};
    const RandomCosts cost{trial};
    const auto expected = alinea::best_path(n, m, cost, options);
    DpOptions search = options;
    search.posterior_temperature = 0.0;
    const auto later =
        alinea::with_posteriors(n, m, alinea::best_path(n, m, cost, search), cost, options);
    BOOST_REQUIRE(later.size() == expected.size());
    for (std::size_t k = 0; k < later.size(); ++k) {
      BOOST_TEST(later[k].posterior == expected[k].posterior);
      BOOST_TEST(later[k].posterior < 1.0 + 1e-12);
    }
  }
}

BOOST_AUTO_TEST_CASE(posteriors_later_refuse_a_path_that_misses_an_anchor_or_a_temperature) {
  const RandomCosts cost{3};
  DpOptions options;
  options.posterior_temperature = 1.0;
  const auto path = alinea::best_path(6, 6, cost, options);
  DpOptions anchored = options;
  anchored.anchors = {{3, 1}};
  if (!passes_through(path, anchored.anchors.front())) {
    BOOST_CHECK_THROW((void)alinea::with_posteriors(6, 6, path, cost, anchored),
                      std::invalid_argument);
  }
  BOOST_CHECK_THROW((void)alinea::with_posteriors(7, 6, path, cost, options),
                    std::invalid_argument);
  DpOptions cold = options;
  cold.posterior_temperature = 0.0;
  BOOST_CHECK_THROW((void)alinea::with_posteriors(6, 6, path, cost, cold), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_narrow_posterior_band_loses_nothing_when_far_paths_are_costly) {
  // 200 × 200, the diagonal cheap: paths that stray more than a few cells from it carry no mass.
  const CheapDiagonal cost{RandomCosts{5}, 0.2};
  DpOptions narrow;
  narrow.band = 8;
  narrow.posterior_temperature = 1.0;
  narrow.posterior_band = 3;
  DpOptions wide = narrow;
  wide.posterior_band = 200;
  const auto from_narrow = alinea::best_path(200, 200, cost, narrow);
  const auto from_wide = alinea::best_path(200, 200, cost, wide);
  BOOST_REQUIRE(from_narrow.size() == from_wide.size());
  for (std::size_t k = 0; k < from_narrow.size(); ++k) {
    BOOST_TEST(std::abs(from_narrow[k].posterior - from_wide[k].posterior) < 1e-3);
  }
}

BOOST_AUTO_TEST_CASE(a_band_holds_an_addition_between_two_guide_points) {
  // Between the guide points (10, 10) and (30, 50) the target has 20 added units, all at the
  // start: the cheapest path runs along row 10 and then diagonally, up to 20 columns off the
  // straight line through the two points. A decoy of 1-2 beads on that line costs more but would
  // win in a band that only followed the line.
  std::vector<PathStep> planted;
  std::size_t i = 0;
  std::size_t j = 0;
  const auto one_to_one = [&](std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) planted.push_back({i++, 1, j++, 1, 0.0});
  };
  one_to_one(10);
  for (std::size_t k = 0; k < 20; ++k) planted.push_back({i, 0, j++, 1, 0.0});
  one_to_one(30);
  const PlantedCosts planted_costs{planted, RandomCosts{9}};
  const auto cost = [&planted_costs](std::size_t row, std::size_t column, std::size_t di,
                                     std::size_t dj) {
    const bool on_line = di == 1 && dj == 2 && row >= 10 && row < 30 && column + 10 == 2 * row;
    const double price = planted_costs(row, column, di, dj);
    return on_line ? std::min(price, 1.0) : price;
  };
  DpOptions full;
  full.band = 0;
  DpOptions guided;
  guided.band = 2;
  guided.guide = {{10, 10}, {30, 50}};
  const auto expected = alinea::best_path(i, j, cost, full);
  const auto found = alinea::best_path(i, j, cost, guided);
  BOOST_TEST(expected.size() == planted.size());
  BOOST_TEST(std::abs(total_cost(expected) - total_cost(found)) < 1e-9);
}

BOOST_AUTO_TEST_CASE(a_second_guide_adds_its_band_to_the_first) {
  // The cheapest path starts with 10 additions and ends with 10 omissions, 10 columns off the
  // diagonal; a decoy along the diagonal costs more. A band around the diagonal alone keeps the
  // decoy (it never meets the band's edge); with the planted path as second guide, the band
  // holds both and the DP finds the cheaper one.
  std::vector<PathStep> planted;
  std::size_t i = 0;
  std::size_t j = 0;
  for (std::size_t k = 0; k < 10; ++k) planted.push_back({i, 0, j++, 1, 0.0});
  for (std::size_t k = 0; k < 50; ++k) planted.push_back({i++, 1, j++, 1, 0.0});
  for (std::size_t k = 0; k < 10; ++k) planted.push_back({i++, 1, j, 0, 0.0});
  const PlantedCosts planted_costs{planted, RandomCosts{4}};
  const auto cost = [&planted_costs](std::size_t row, std::size_t column, std::size_t di,
                                     std::size_t dj) {
    const double price = planted_costs(row, column, di, dj);
    return di == 1 && dj == 1 && row == column ? std::min(price, 1.0) : price;
  };
  DpOptions diagonal;
  diagonal.band = 2;
  for (std::size_t k = 5; k < i; k += 5) diagonal.guide.push_back({k, k});
  DpOptions both = diagonal;
  for (const PathStep& step : planted) {
    both.second_guide.push_back(
        {step.source_begin + step.source_count, step.target_begin + step.target_count});
  }
  DpOptions full;
  full.band = 0;
  const auto expected = alinea::best_path(i, j, cost, full);
  BOOST_TEST(expected.size() == planted.size());
  BOOST_TEST(total_cost(alinea::best_path(i, j, cost, diagonal)) > total_cost(expected) + 1.0);
  BOOST_TEST(std::abs(total_cost(alinea::best_path(i, j, cost, both)) - total_cost(expected)) <
             1e-9);
}
