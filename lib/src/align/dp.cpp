// Banded dynamic programming over two sequences; see dp.hpp.
#include "align/dp.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace alinea {

std::vector<BeadShape> standard_bead_shapes() {
  return {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};
}

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr std::uint8_t no_shape = 0xFF;

// Per source row i, the target columns [low[i], high[i]] the DP fills.
struct Band {
  std::vector<std::size_t> low;
  std::vector<std::size_t> high;
};

Band full_band(std::size_t n, std::size_t m) {
  return {std::vector<std::size_t>(n + 1, 0), std::vector<std::size_t>(n + 1, m)};
}

// Widens each row's [low, high] by `width`, clamps to [0, m] and makes both ends non-decreasing so
// that consecutive rows always overlap and a path through the band exists.
Band widened(std::vector<std::size_t> low, std::vector<std::size_t> high, std::size_t width,
             std::size_t m) {
  const std::size_t rows = low.size();
  for (std::size_t i = 0; i < rows; ++i) {
    low[i] = low[i] > width ? low[i] - width : 0;
    high[i] = std::min(m, high[i] + width);
  }
  low.front() = 0;
  high.back() = m;
  for (std::size_t i = rows - 1; i-- > 0;) low[i] = std::min(low[i], low[i + 1]);
  for (std::size_t i = 1; i < rows; ++i) high[i] = std::max(high[i], high[i - 1]);
  return {std::move(low), std::move(high)};
}

Band band_around_diagonal(std::size_t n, std::size_t m, std::size_t width) {
  std::vector<std::size_t> centre(n + 1);
  for (std::size_t i = 0; i <= n; ++i) centre[i] = n == 0 ? 0 : i * m / n;
  return widened(centre, centre, width, m);
}

// The band around the broken line through (0, 0), the guide points and (n, m).
Band band_around_guide(const std::vector<Anchor>& guide, std::size_t n, std::size_t m,
                       std::size_t width) {
  std::vector<Anchor> points{Anchor{0, 0}};
  for (const Anchor& point : guide) {
    if (point.source <= n && point.target <= m && point.source >= points.back().source &&
        point.target >= points.back().target) {
      points.push_back(point);
    }
  }
  points.push_back({n, m});
  std::vector<std::size_t> low(n + 1, m);
  std::vector<std::size_t> high(n + 1, 0);
  for (std::size_t k = 1; k < points.size(); ++k) {
    const Anchor from = points[k - 1];
    const Anchor to = points[k];
    const std::size_t rows = to.source - from.source;
    for (std::size_t row = from.source; row <= to.source; ++row) {
      const std::size_t column =
          rows == 0 ? from.target
                    : from.target + (row - from.source) * (to.target - from.target) / rows;
      const std::size_t first = rows == 0 ? from.target : column;
      const std::size_t last = rows == 0 ? to.target : column;
      if (first < low.at(row)) low.at(row) = first;
      if (last > high.at(row)) high.at(row) = last;
    }
  }
  return widened(std::move(low), std::move(high), width, m);
}

Band band_around_path(const std::vector<PathStep>& path, std::size_t n, std::size_t m,
                      std::size_t width) {
  std::vector<std::size_t> low(n + 1, m);
  std::vector<std::size_t> high(n + 1, 0);
  const auto touch = [&low, &high](std::size_t row, std::size_t from, std::size_t to) {
    if (from < low.at(row)) low.at(row) = from;
    if (to > high.at(row)) high.at(row) = to;
  };
  touch(0, 0, 0);
  for (const PathStep& step : path) {
    const std::size_t end_row = step.source_begin + step.source_count;
    const std::size_t end_column = step.target_begin + step.target_count;
    for (std::size_t row = step.source_begin; row <= end_row; ++row) {
      touch(row, step.target_begin, end_column);
    }
  }
  return widened(std::move(low), std::move(high), width, m);
}

struct Solved {
  std::vector<PathStep> path;  // empty when (n, m) is unreachable in the band
  bool reachable = false;
  bool touches_edge = false;
};

// log(exp(a) + exp(b)) without overflow; -infinity is the log of zero.
double log_add(double a, double b) {
  if (a == -infinity) return b;
  if (b == -infinity) return a;
  const double high = std::max(a, b);
  return high + std::log1p(std::exp(std::min(a, b) - high));
}

// The cells of a band stored row after row.
struct BandCells {
  const Band& band;
  std::vector<std::size_t> row_start;

  BandCells(const Band& b, std::size_t n) : band(b), row_start(n + 2, 0) {
    for (std::size_t i = 0; i <= n; ++i) {
      row_start[i + 1] = row_start[i] + (band.high[i] - band.low[i] + 1);
    }
  }
  [[nodiscard]] std::size_t size() const { return row_start.back(); }
  [[nodiscard]] std::size_t at(std::size_t i, std::size_t j) const {
    return row_start[i] + (j - band.low[i]);
  }
  [[nodiscard]] bool inside(std::size_t i, std::size_t j) const {
    return i + 1 < row_start.size() && j >= band.low[i] && j <= band.high[i];
  }
};

// Forward–backward over the band in log space, from the bead costs the Viterbi pass stored (per
// arriving cell and shape; +infinity where a bead is impossible); fills each step's posterior.
void fill_posteriors(std::vector<PathStep>& path, std::size_t n, std::size_t m,
                     const std::vector<BeadShape>& shapes, const BandCells& cells,
                     const std::vector<float>& stored_cost, double temperature) {
  const std::size_t count = shapes.size();
  std::vector<double> forward(cells.size(), -infinity);
  std::vector<double> backward(cells.size(), -infinity);
  forward[cells.at(0, 0)] = 0.0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = cells.band.low[i]; j <= cells.band.high[i]; ++j) {
      const std::size_t here = cells.at(i, j);
      for (std::size_t s = 0; s < count; ++s) {
        const double cost = stored_cost[here * count + s];
        if (cost == infinity) continue;
        const double before = forward[cells.at(i - shapes[s].source, j - shapes[s].target)];
        forward[here] = log_add(forward[here], before - cost / temperature);
      }
    }
  }
  backward[cells.at(n, m)] = 0.0;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = cells.band.high[i] + 1; j-- > cells.band.low[i];) {
      const std::size_t here = cells.at(i, j);
      for (std::size_t s = 0; s < count; ++s) {
        const std::size_t to_i = i + shapes[s].source;
        const std::size_t to_j = j + shapes[s].target;
        if (to_j > m || !cells.inside(to_i, to_j)) continue;
        const std::size_t there = cells.at(to_i, to_j);
        const double cost = stored_cost[there * count + s];
        if (cost == infinity) continue;
        backward[here] = log_add(backward[here], backward[there] - cost / temperature);
      }
    }
  }
  const double all_paths = forward[cells.at(n, m)];
  for (PathStep& step : path) {
    const std::size_t from = cells.at(step.source_begin, step.target_begin);
    const std::size_t to =
        cells.at(step.source_begin + step.source_count, step.target_begin + step.target_count);
    const double log_posterior = forward[from] - step.cost / temperature + backward[to] - all_paths;
    step.posterior = std::clamp(std::exp(log_posterior), 0.0, 1.0);
  }
}

Solved solve_in_band(std::size_t n, std::size_t m, const BeadCost& cost,
                     const std::vector<BeadShape>& shapes, const Band& band,
                     double posterior_temperature) {
  const BandCells cells(band, n);
  std::vector<double> total(cells.size(), infinity);
  std::vector<std::uint8_t> chosen(cells.size(), no_shape);
  const bool posteriors = posterior_temperature > 0.0;
  // Bead costs kept for forward–backward, by arriving cell and shape (floats: half the memory,
  // and far more precision than a probability needs).
  std::vector<float> stored_cost(posteriors ? cells.size() * shapes.size() : 0,
                                 std::numeric_limits<float>::infinity());
  const auto cell = [&cells](std::size_t i, std::size_t j) { return cells.at(i, j); };
  const auto inside = [&band](std::size_t i, std::size_t j) {
    return j >= band.low[i] && j <= band.high[i];
  };

  total[cell(0, 0)] = 0.0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = band.low[i]; j <= band.high[i]; ++j) {
      if (i == 0 && j == 0) continue;
      double best = infinity;
      std::uint8_t best_shape = no_shape;
      for (std::size_t s = 0; s < shapes.size(); ++s) {
        const BeadShape shape = shapes[s];
        if (shape.source > i || shape.target > j) continue;
        const std::size_t from_i = i - shape.source;
        const std::size_t from_j = j - shape.target;
        if (!inside(from_i, from_j)) continue;
        const double before = total[cell(from_i, from_j)];
        if (before == infinity) continue;
        const double bead = cost(from_i, from_j, shape.source, shape.target);
        if (posteriors) stored_cost[cell(i, j) * shapes.size() + s] = static_cast<float>(bead);
        const double candidate = before + bead;
        if (candidate < best) {
          best = candidate;
          best_shape = static_cast<std::uint8_t>(s);
        }
      }
      total[cell(i, j)] = best;
      chosen[cell(i, j)] = best_shape;
    }
  }

  Solved solved;
  if (!inside(n, m) || total[cell(n, m)] == infinity) return solved;
  solved.reachable = true;
  std::size_t i = n;
  std::size_t j = m;
  const auto on_edge = [&](std::size_t row, std::size_t column) {
    return (column == band.low[row] && band.low[row] > 0) ||
           (column == band.high[row] && band.high[row] < m);
  };
  while (i > 0 || j > 0) {
    if (on_edge(i, j)) solved.touches_edge = true;
    const BeadShape shape = shapes[chosen[cell(i, j)]];
    const std::size_t from_i = i - shape.source;
    const std::size_t from_j = j - shape.target;
    solved.path.push_back({from_i, shape.source, from_j, shape.target,
                           total[cell(i, j)] - total[cell(from_i, from_j)]});
    i = from_i;
    j = from_j;
  }
  std::reverse(solved.path.begin(), solved.path.end());
  if (posteriors)
    fill_posteriors(solved.path, n, m, shapes, cells, stored_cost, posterior_temperature);
  return solved;
}

std::vector<PathStep> best_path_between_anchors(std::size_t n, std::size_t m, const BeadCost& cost,
                                                const DpOptions& options) {
  if (n == 0 && m == 0) return {};
  const std::size_t largest = std::max(n, m);
  if (options.band == 0 || 2 * options.band + 1 >= m + 1) {
    Solved solved =
        solve_in_band(n, m, cost, options.shapes, full_band(n, m), options.posterior_temperature);
    if (!solved.reachable) throw std::invalid_argument("no alignment path with the allowed beads");
    return std::move(solved.path);
  }
  std::size_t width = options.band;
  Band band = options.guide.empty() ? band_around_diagonal(n, m, width)
                                    : band_around_guide(options.guide, n, m, width);
  while (true) {
    Solved solved = solve_in_band(n, m, cost, options.shapes, band, options.posterior_temperature);
    const bool band_is_full = 2 * width + 1 >= largest + 1;
    if (solved.reachable && (!solved.touches_edge || band_is_full)) return std::move(solved.path);
    if (band_is_full) throw std::invalid_argument("no alignment path with the allowed beads");
    width *= 2;
    band = solved.reachable ? band_around_path(solved.path, n, m, width)
                            : band_around_diagonal(n, m, width);
  }
}

std::vector<Anchor> checked_anchors(std::vector<Anchor> anchors, std::size_t n, std::size_t m) {
  for (const Anchor& anchor : anchors) {
    if (anchor.source > n || anchor.target > m) {
      throw std::invalid_argument("anchor (" + std::to_string(anchor.source) + ", " +
                                  std::to_string(anchor.target) + ") lies outside the sequences");
    }
  }
  anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
  for (std::size_t k = 1; k < anchors.size(); ++k) {
    if (anchors[k].source < anchors[k - 1].source || anchors[k].target < anchors[k - 1].target) {
      throw std::invalid_argument("anchors are not in order on both sides");
    }
  }
  return anchors;
}

}  // namespace

std::vector<PathStep> best_path(std::size_t source_length, std::size_t target_length,
                                const BeadCost& cost, const DpOptions& options) {
  if (options.shapes.empty()) throw std::invalid_argument("no bead shapes allowed");
  for (const BeadShape& shape : options.shapes) {
    if (shape.source == 0 && shape.target == 0) {
      throw std::invalid_argument("the empty bead 0-0 is not a shape");
    }
  }
  std::vector<Anchor> points{Anchor{0, 0}};
  for (const Anchor& anchor : checked_anchors(options.anchors, source_length, target_length)) {
    points.push_back(anchor);
  }
  points.push_back({source_length, target_length});

  std::vector<PathStep> path;
  for (std::size_t k = 1; k < points.size(); ++k) {
    const Anchor from = points[k - 1];
    const Anchor to = points[k];
    const BeadCost shifted = [&](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
      return cost(i + from.source, j + from.target, di, dj);
    };
    DpOptions segment = options;
    segment.guide.clear();
    for (const Anchor& point : options.guide) {
      if (point.source >= from.source && point.source <= to.source && point.target >= from.target &&
          point.target <= to.target) {
        segment.guide.push_back({point.source - from.source, point.target - from.target});
      }
    }
    for (PathStep step : best_path_between_anchors(to.source - from.source, to.target - from.target,
                                                   shifted, segment)) {
      step.source_begin += from.source;
      step.target_begin += from.target;
      path.push_back(step);
    }
  }
  return path;
}

}  // namespace alinea
