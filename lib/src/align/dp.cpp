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

std::vector<BeadShape> bead_shapes_up_to(std::size_t most_units, std::size_t longest_side) {
  std::vector<BeadShape> shapes = standard_bead_shapes();
  for (std::size_t units = 5; units <= most_units; ++units) {
    for (std::size_t source = units - 1; source >= 1; --source) {
      const std::size_t target = units - source;
      if (source <= longest_side && target <= longest_side) shapes.push_back({source, target});
    }
  }
  return shapes;
}

std::vector<BeadShape> omission_runs(std::size_t longest_run) {
  std::vector<BeadShape> shapes;
  for (std::size_t length = 2; length <= longest_run; ++length) {
    shapes.push_back({length, 0});
    shapes.push_back({0, length});
  }
  return shapes;
}

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr std::uint8_t no_shape = 0xFF;
// Beyond this, a difference in distance between two guide points is left to the band's widening:
// guide points that far apart are too sparse to say where the path steps off the line.
constexpr std::size_t most_slack = 64;
// Where the best path meets the band's edge, the band widens this many times its new half-width
// of rows on either side.
constexpr std::size_t edge_reach_per_width = 8;

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

// The band around the broken line through (0, 0), the guide points and (n, m). Between two points
// whose distances differ on the two sides, the path must step off the line by up to that
// difference (a run of omissions or additions can come anywhere between them): the band holds
// that much more there (up to `most_slack`), within the rectangle the two points span.
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
    const std::size_t columns = to.target - from.target;
    const std::size_t slack =
        std::min(most_slack, rows > columns ? rows - columns : columns - rows);
    for (std::size_t row = from.source; row <= to.source; ++row) {
      const std::size_t column =
          rows == 0 ? from.target : from.target + (row - from.source) * columns / rows;
      const std::size_t first =
          rows == 0 ? from.target : std::max(from.target, column > slack ? column - slack : 0);
      const std::size_t last = rows == 0 ? to.target : std::min(to.target, column + slack);
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

// Every cell of either band (rows of both bands overlap their neighbours, so the union does).
Band united(const Band& a, const Band& b) {
  Band both = a;
  for (std::size_t i = 0; i < both.low.size(); ++i) {
    both.low[i] = std::min(a.low[i], b.low[i]);
    both.high[i] = std::max(a.high[i], b.high[i]);
  }
  return both;
}

// Rows within `reach` of a row where the path touched the band's edge take the cells of `wider`;
// the others keep those of `band`. A path that meets the edge somewhere is wrong only nearby:
// widening the band everywhere would multiply the work on long inputs.
Band widened_near(const Band& band, const Band& wider, const std::vector<std::size_t>& edge_rows,
                  std::size_t reach) {
  Band result = band;
  const std::size_t rows = band.low.size();
  for (const std::size_t row : edge_rows) {
    const std::size_t first = row > reach ? row - reach : 0;
    const std::size_t last = std::min(rows - 1, row + reach);
    for (std::size_t i = first; i <= last; ++i) {
      result.low[i] = std::min(result.low[i], wider.low[i]);
      result.high[i] = std::max(result.high[i], wider.high[i]);
    }
  }
  return result;
}

bool is_full(const Band& band, std::size_t m) {
  for (std::size_t i = 0; i < band.low.size(); ++i) {
    if (band.low[i] > 0 || band.high[i] < m) return false;
  }
  return true;
}

struct Solved {
  std::vector<PathStep> path;  // empty when (n, m) is unreachable in the band
  bool reachable = false;
  std::vector<std::size_t> edge_rows;  // rows where the path runs along the band's edge
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

// Forward–backward in log space over the band around `path` (from (0, 0) to (n, m)); fills each
// step's posterior. Bead costs are priced again here, only in this band, and kept (as floats: far
// more precision than a probability needs) only until the backward pass has read them.
void fill_posteriors(std::vector<PathStep>& path, std::size_t n, std::size_t m,
                     const BeadCost& cost, const std::vector<BeadShape>& shapes, std::size_t width,
                     double temperature) {
  const Band band = band_around_path(path, n, m, width);
  const BandCells cells(band, n);
  const std::size_t count = shapes.size();
  std::vector<float> stored_cost(cells.size() * count, std::numeric_limits<float>::infinity());
  std::vector<double> forward(cells.size(), -infinity);
  std::vector<double> backward(cells.size(), -infinity);
  forward[cells.at(0, 0)] = 0.0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = band.low[i]; j <= band.high[i]; ++j) {
      const std::size_t here = cells.at(i, j);
      for (std::size_t s = 0; s < count; ++s) {
        const BeadShape shape = shapes[s];
        if (shape.source > i || shape.target > j) continue;
        const std::size_t from_i = i - shape.source;
        const std::size_t from_j = j - shape.target;
        if (!cells.inside(from_i, from_j)) continue;
        const double before = forward[cells.at(from_i, from_j)];
        // A bead from a cell no path reaches adds nothing, forward or backward.
        if (before == -infinity) continue;
        const double bead = cost(from_i, from_j, shape.source, shape.target);
        if (bead == infinity) continue;
        stored_cost[here * count + s] = static_cast<float>(bead);
        forward[here] = log_add(forward[here], before - bead / temperature);
      }
    }
  }
  backward[cells.at(n, m)] = 0.0;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = band.high[i] + 1; j-- > band.low[i];) {
      const std::size_t here = cells.at(i, j);
      for (std::size_t s = 0; s < count; ++s) {
        const std::size_t to_i = i + shapes[s].source;
        const std::size_t to_j = j + shapes[s].target;
        if (to_j > m || !cells.inside(to_i, to_j)) continue;
        const std::size_t there = cells.at(to_i, to_j);
        const auto bead = static_cast<double>(stored_cost[there * count + s]);
        if (bead == infinity) continue;
        backward[here] = log_add(backward[here], backward[there] - bead / temperature);
      }
    }
  }
  const double all_paths = forward[cells.at(n, m)];
  // P(source unit `unit` is left out): every one-sided bead (k, 0) covering it, in every column
  // of the band where it starts and ends. `along_source` false: the same for target units.
  const auto omitted = [&](std::size_t unit, bool along_source) {
    double total = -infinity;
    for (std::size_t s = 0; s < count; ++s) {
      const std::size_t length = along_source ? shapes[s].source : shapes[s].target;
      if ((along_source ? shapes[s].target : shapes[s].source) != 0 || length == 0) continue;
      for (std::size_t start = unit + 1 >= length ? unit + 1 - length : 0; start <= unit; ++start) {
        if (start + length > (along_source ? n : m)) continue;
        if (along_source) {
          const std::size_t end = start + length;
          const std::size_t first = std::max(band.low[start], band.low[end]);
          const std::size_t last = std::min(band.high[start], band.high[end]);
          for (std::size_t j = first; j <= last; ++j) {
            const auto bead = static_cast<double>(stored_cost[cells.at(end, j) * count + s]);
            if (bead == infinity) continue;
            total = log_add(total, forward[cells.at(start, j)] - bead / temperature +
                                       backward[cells.at(end, j)]);
          }
        } else {
          for (std::size_t i = 0; i <= n; ++i) {
            if (!cells.inside(i, start) || !cells.inside(i, start + length)) continue;
            const auto bead =
                static_cast<double>(stored_cost[cells.at(i, start + length) * count + s]);
            if (bead == infinity) continue;
            total = log_add(total, forward[cells.at(i, start)] - bead / temperature +
                                       backward[cells.at(i, start + length)]);
          }
        }
      }
    }
    return std::clamp(std::exp(total - all_paths), 0.0, 1.0);
  };
  for (PathStep& step : path) {
    const bool run = (step.source_count == 0) != (step.target_count == 0) &&
                     step.source_count + step.target_count > 1;
    if (run) {
      step.unit_posteriors.clear();
      const bool along_source = step.source_count > 0;
      const std::size_t begin = along_source ? step.source_begin : step.target_begin;
      for (std::size_t k = 0; k < step.source_count + step.target_count; ++k) {
        step.unit_posteriors.push_back(omitted(begin + k, along_source));
      }
    }
  }
  for (PathStep& step : path) {
    const std::size_t from = cells.at(step.source_begin, step.target_begin);
    const std::size_t to =
        cells.at(step.source_begin + step.source_count, step.target_begin + step.target_count);
    const double log_posterior = forward[from] - step.cost / temperature + backward[to] - all_paths;
    step.posterior = std::clamp(std::exp(log_posterior), 0.0, 1.0);
  }
}

Solved solve_in_band(std::size_t n, std::size_t m, const BeadCost& cost,
                     const std::vector<BeadShape>& shapes, const Band& band) {
  const BandCells cells(band, n);
  std::vector<double> total(cells.size(), infinity);
  std::vector<std::uint8_t> chosen(cells.size(), no_shape);
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
        const double candidate = before + cost(from_i, from_j, shape.source, shape.target);
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
    if (on_edge(i, j)) solved.edge_rows.push_back(i);
    const BeadShape shape = shapes[chosen[cell(i, j)]];
    const std::size_t from_i = i - shape.source;
    const std::size_t from_j = j - shape.target;
    solved.path.push_back({from_i, shape.source, from_j, shape.target,
                           total[cell(i, j)] - total[cell(from_i, from_j)]});
    i = from_i;
    j = from_j;
  }
  std::reverse(solved.path.begin(), solved.path.end());
  return solved;
}

std::vector<PathStep> best_path_between_anchors(std::size_t n, std::size_t m, const BeadCost& cost,
                                                const DpOptions& options) {
  if (n == 0 && m == 0) return {};
  if (options.band == 0 || 2 * options.band + 1 >= m + 1) {
    Solved solved = solve_in_band(n, m, cost, options.shapes, full_band(n, m));
    if (!solved.reachable) throw std::invalid_argument("no alignment path with the allowed beads");
    return std::move(solved.path);
  }
  std::size_t width = options.band;
  Band band = options.guide.empty() ? band_around_diagonal(n, m, width)
                                    : band_around_guide(options.guide, n, m, width);
  if (!options.second_guide.empty()) {
    band = united(band, band_around_guide(options.second_guide, n, m, width));
  }
  while (true) {
    Solved solved = solve_in_band(n, m, cost, options.shapes, band);
    const bool band_is_full = is_full(band, m);
    if (solved.reachable && (solved.edge_rows.empty() || band_is_full)) {
      return std::move(solved.path);
    }
    if (band_is_full) throw std::invalid_argument("no alignment path with the allowed beads");
    width = std::min(2 * width, std::max(n, m));
    // The wider band keeps every cell of the last one: widening around a path that strayed to the
    // edge must not lose the region where the first guess was.
    band = solved.reachable ? widened_near(band, band_around_path(solved.path, n, m, width),
                                           solved.edge_rows, edge_reach_per_width * width)
                            : united(band, band_around_diagonal(n, m, width));
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

void check_shapes(const std::vector<BeadShape>& shapes) {
  if (shapes.empty()) throw std::invalid_argument("no bead shapes allowed");
  for (const BeadShape& shape : shapes) {
    if (shape.source == 0 && shape.target == 0) {
      throw std::invalid_argument("the empty bead 0-0 is not a shape");
    }
  }
}

// (0, 0), the anchors, (n, m): the path runs from each point to the next independently.
std::vector<Anchor> segment_ends(const DpOptions& options, std::size_t n, std::size_t m) {
  std::vector<Anchor> points{Anchor{0, 0}};
  for (const Anchor& anchor : checked_anchors(options.anchors, n, m)) points.push_back(anchor);
  points.push_back({n, m});
  return points;
}

// The points between `from` and `to`, in the segment's own coordinates.
std::vector<Anchor> inside_segment(const std::vector<Anchor>& points, Anchor from, Anchor to) {
  std::vector<Anchor> inside;
  for (const Anchor& point : points) {
    if (point.source >= from.source && point.source <= to.source && point.target >= from.target &&
        point.target <= to.target) {
      inside.push_back({point.source - from.source, point.target - from.target});
    }
  }
  return inside;
}

// The cost of the segment from `from`, in its own coordinates.
BeadCost shifted(const BeadCost& cost, Anchor from) {
  return [&cost, from](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
    return cost(i + from.source, j + from.target, di, dj);
  };
}

// Posteriors of the steps of one segment, in the segment's own band.
void fill_segment_posteriors(std::vector<PathStep>::iterator first,
                             std::vector<PathStep>::iterator last, Anchor from, Anchor to,
                             const BeadCost& cost, const DpOptions& options) {
  std::vector<PathStep> local(first, last);
  for (PathStep& step : local) {
    step.source_begin -= from.source;
    step.target_begin -= from.target;
  }
  fill_posteriors(local, to.source - from.source, to.target - from.target, shifted(cost, from),
                  options.shapes, options.posterior_band, options.posterior_temperature);
  for (std::size_t k = 0; k < local.size(); ++k) {
    first[static_cast<std::ptrdiff_t>(k)].posterior = local[k].posterior;
    first[static_cast<std::ptrdiff_t>(k)].unit_posteriors = std::move(local[k].unit_posteriors);
  }
}

}  // namespace

std::vector<PathStep> best_path(std::size_t source_length, std::size_t target_length,
                                const BeadCost& cost, const DpOptions& options) {
  check_shapes(options.shapes);
  const std::vector<Anchor> points = segment_ends(options, source_length, target_length);
  std::vector<PathStep> path;
  for (std::size_t k = 1; k < points.size(); ++k) {
    const Anchor from = points[k - 1];
    const Anchor to = points[k];
    DpOptions segment = options;
    segment.guide = inside_segment(options.guide, from, to);
    segment.second_guide = inside_segment(options.second_guide, from, to);
    const std::size_t first = path.size();
    for (PathStep step : best_path_between_anchors(to.source - from.source, to.target - from.target,
                                                   shifted(cost, from), segment)) {
      step.source_begin += from.source;
      step.target_begin += from.target;
      path.push_back(step);
    }
    if (options.posterior_temperature > 0.0) {
      fill_segment_posteriors(path.begin() + static_cast<std::ptrdiff_t>(first), path.end(), from,
                              to, cost, options);
    }
  }
  return path;
}

std::vector<PathStep> with_posteriors(std::size_t source_length, std::size_t target_length,
                                      std::vector<PathStep> path, const BeadCost& cost,
                                      const DpOptions& options) {
  check_shapes(options.shapes);
  if (!(options.posterior_temperature > 0.0)) {
    throw std::invalid_argument("posteriors need a positive temperature");
  }
  const std::vector<Anchor> points = segment_ends(options, source_length, target_length);
  auto first = path.begin();
  for (std::size_t k = 1; k < points.size(); ++k) {
    auto last = first;
    while (last != path.end() && last->source_begin + last->source_count <= points[k].source &&
           last->target_begin + last->target_count <= points[k].target) {
      ++last;
    }
    const Anchor reached = last == first
                               ? points[k - 1]
                               : Anchor{(last - 1)->source_begin + (last - 1)->source_count,
                                        (last - 1)->target_begin + (last - 1)->target_count};
    if (reached != points[k]) {
      throw std::invalid_argument("the path does not run through every anchor to the end");
    }
    fill_segment_posteriors(first, last, points[k - 1], points[k], cost, options);
    first = last;
  }
  if (first != path.end()) throw std::invalid_argument("the path runs past the end");
  return path;
}

}  // namespace alinea
