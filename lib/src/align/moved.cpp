// Moved units linked across the path; see moved.hpp.
#include "align/moved.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>

namespace alinea {

namespace {

constexpr std::size_t unmatched = std::numeric_limits<std::size_t>::max();

bool is_left_out(const Bead& bead) {
  return bead.source_count == 1 && bead.target_count == 0;
}
bool is_added(const Bead& bead) {
  return bead.source_count == 0 && bead.target_count == 1;
}

std::size_t distance(std::size_t a, std::size_t b) {
  return a > b ? a - b : b - a;
}

}  // namespace

std::vector<Bead> link_moved_units(std::vector<Bead> beads, const BeadCost& cost,
                                   const MoveCosts& costs) {
  // Bead index of each left-out source unit and each added target unit.
  std::unordered_map<std::size_t, std::size_t> left_out;
  std::unordered_map<std::size_t, std::size_t> added;
  for (std::size_t k = 0; k < beads.size(); ++k) {
    if (is_left_out(beads[k])) left_out.emplace(beads[k].source_begin, k);
    if (is_added(beads[k])) added.emplace(beads[k].target_begin, k);
  }
  if (left_out.empty() || added.empty()) return beads;
  const auto alone = [&](std::size_t k) {
    const Bead& bead = beads[k];
    return cost(bead.source_begin, bead.target_begin, bead.source_count, bead.target_count);
  };
  // What linking the units of beads `from` (left out) and `to` (added) gains over leaving both
  // out, in nats, before the move's own cost.
  const auto gain = [&](std::size_t from, std::size_t to) {
    return alone(from) + alone(to) - cost(beads[from].source_begin, beads[to].target_begin, 1, 1);
  };
  struct Move {
    double margin = 0.0;
    std::size_t from = 0;
    std::size_t to = 0;
  };
  std::vector<Move> candidates;
  for (const auto& [source_unit, from] : left_out) {
    for (const auto& [target_unit, to] : added) {
      if (distance(target_unit, beads[from].target_begin) > costs.reach) continue;
      const double margin = gain(from, to) - costs.first;
      if (margin > 0.0) candidates.push_back({margin, from, to});
    }
  }
  // Best first; ties in a fixed order, so that the result does not depend on hashing.
  std::sort(candidates.begin(), candidates.end(), [](const Move& a, const Move& b) {
    if (a.margin != b.margin) return a.margin > b.margin;
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  std::vector<std::size_t> partner(beads.size(), unmatched);
  std::vector<double> margin_of(beads.size(), 0.0);
  std::deque<Move> accepted;
  const auto accept = [&](const Move& move) {
    partner[move.from] = move.to;
    partner[move.to] = move.from;
    margin_of[move.from] = move.margin;
    accepted.push_back(move);
  };
  for (const Move& move : candidates) {
    if (partner[move.from] == unmatched && partner[move.to] == unmatched) accept(move);
  }
  // Units next to a moved pair, on both sides in the same direction, moved with it.
  const auto neighbour = [](const std::unordered_map<std::size_t, std::size_t>& beads_of_units,
                            std::size_t unit, int step) -> std::size_t {
    if (step < 0 && unit == 0) return unmatched;
    const auto found = beads_of_units.find(step < 0 ? unit - 1 : unit + 1);
    return found == beads_of_units.end() ? unmatched : found->second;
  };
  while (!accepted.empty()) {
    const Move move = accepted.front();
    accepted.pop_front();
    for (const int step : {-1, 1}) {
      const std::size_t from = neighbour(left_out, beads[move.from].source_begin, step);
      const std::size_t to = neighbour(added, beads[move.to].target_begin, step);
      if (from == unmatched || to == unmatched) continue;
      if (partner[from] != unmatched || partner[to] != unmatched) continue;
      const double margin = gain(from, to) - costs.next;
      if (margin > 0.0) accept({margin, from, to});
    }
  }
  std::vector<Bead> linked;
  linked.reserve(beads.size());
  for (std::size_t k = 0; k < beads.size(); ++k) {
    if (partner[k] == unmatched) {
      linked.push_back(beads[k]);
    } else if (is_left_out(beads[k])) {
      const Bead& target = beads[partner[k]];
      linked.push_back({beads[k].source_begin, 1, target.target_begin, 1,
                        1.0 / (1.0 + std::exp(-margin_of[k]))});
    }
  }
  return linked;
}

}  // namespace alinea
