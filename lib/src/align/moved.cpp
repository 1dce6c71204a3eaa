// Moved units linked across the path; see moved.hpp.
#include "align/moved.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace alinea {

namespace {

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
  const auto cost_of = [&cost](const Bead& bead) {
    return cost(bead.source_begin, bead.target_begin, bead.source_count, bead.target_count);
  };
  // A moved bead and how much likelier it is than leaving its units out, in nats.
  struct Moved {
    Bead bead;
    double margin = 0.0;
  };
  std::vector<Moved> moved;
  std::vector<bool> taken(beads.size(), false);
  // How much likelier linking the units of beads `from` (left out) and `to` (added) is than
  // leaving both out, in nats, once the move itself costs `move_cost`.
  const auto margin_of = [&](std::size_t from, std::size_t to, double move_cost) {
    const Bead pair{beads[from].source_begin, 1, beads[to].target_begin, 1, 0.0};
    return cost_of(beads[from]) + cost_of(beads[to]) - cost_of(pair) - move_cost;
  };
  const auto link = [&](std::size_t from, std::size_t to, double margin) {
    taken[from] = taken[to] = true;
    moved.push_back({{beads[from].source_begin, 1, beads[to].target_begin, 1, 0.0}, margin});
  };
  struct Candidate {
    double margin = 0.0;
    std::size_t from = 0;
    std::size_t to = 0;
  };
  std::vector<Candidate> candidates;
  for (const auto& left : left_out) {
    const std::size_t from = left.second;
    for (const auto& [target_unit, to] : added) {
      if (distance(target_unit, beads[from].target_begin) > costs.reach) continue;
      const double margin = margin_of(from, to, costs.first);
      if (margin > 0.0) candidates.push_back({margin, from, to});
    }
  }
  // Best first; ties in a fixed order, so that the result does not depend on hashing.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.margin != b.margin) return a.margin > b.margin;
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  for (const Candidate& candidate : candidates) {
    if (!taken[candidate.from] && !taken[candidate.to]) {
      link(candidate.from, candidate.to, candidate.margin);
    }
  }
  // Units next to a moved pair, on both sides in the same direction, moved with it.
  const auto unit_bead = [](const std::unordered_map<std::size_t, std::size_t>& beads_of_units,
                            std::size_t unit) -> std::optional<std::size_t> {
    const auto found = beads_of_units.find(unit);
    if (found == beads_of_units.end()) return std::nullopt;
    return found->second;
  };
  // By index, and the bead copied: a pair found here is appended and looked at in turn.
  for (std::size_t m = 0; m < moved.size(); ++m) {  // NOLINT(modernize-loop-convert)
    const Bead pair = moved[m].bead;
    for (const int step : {-1, 1}) {
      if (step < 0 && (pair.source_begin == 0 || pair.target_begin == 0)) continue;
      const std::size_t source_unit = step < 0 ? pair.source_begin - 1 : pair.source_begin + 1;
      const std::size_t target_unit = step < 0 ? pair.target_begin - 1 : pair.target_begin + 1;
      const auto from = unit_bead(left_out, source_unit);
      const auto to = unit_bead(added, target_unit);
      if (!from || !to || taken[*from] || taken[*to]) continue;
      if (const double margin = margin_of(*from, *to, costs.next); margin > 0.0) {
        link(*from, *to, margin);
      }
    }
  }
  // A moved sentence may be split differently on the two sides: a left-out or added unit next to
  // a moved bead joins it when the bead explains it better than an omission does.
  for (Moved& move : moved) {
    for (bool grew = true; grew;) {
      grew = false;
      Bead& bead = move.bead;
      const auto grow = [&](std::optional<std::size_t> k, Bead grown) {
        if (grew || !k || taken[*k]) return;
        if (grown.source_count > costs.widest_side || grown.target_count > costs.widest_side) {
          return;
        }
        const double gain = cost_of(bead) + cost_of(beads[*k]) - cost_of(grown);
        if (!(gain > 0.0)) return;
        taken[*k] = true;
        move.margin += gain;
        bead = grown;
        grew = true;
      };
      const std::size_t source_end = bead.source_begin + bead.source_count;
      const std::size_t target_end = bead.target_begin + bead.target_count;
      grow(unit_bead(added, target_end),
           {bead.source_begin, bead.source_count, bead.target_begin, bead.target_count + 1, 0.0});
      grow(unit_bead(left_out, source_end),
           {bead.source_begin, bead.source_count + 1, bead.target_begin, bead.target_count, 0.0});
      if (bead.target_begin > 0) {
        grow(unit_bead(added, bead.target_begin - 1),
             {bead.source_begin, bead.source_count, bead.target_begin - 1, bead.target_count + 1,
              0.0});
      }
      if (bead.source_begin > 0) {
        grow(unit_bead(left_out, bead.source_begin - 1),
             {bead.source_begin - 1, bead.source_count + 1, bead.target_begin, bead.target_count,
              0.0});
      }
    }
  }
  // Each moved bead where its first source unit stood.
  std::unordered_map<std::size_t, const Moved*> moved_at;
  for (const Moved& move : moved) moved_at.emplace(left_out.at(move.bead.source_begin), &move);
  std::vector<Bead> linked;
  linked.reserve(beads.size());
  for (std::size_t k = 0; k < beads.size(); ++k) {
    if (const auto found = moved_at.find(k); found != moved_at.end()) {
      Bead bead = found->second->bead;
      bead.confidence = 1.0 / (1.0 + std::exp(-found->second->margin));
      linked.push_back(bead);
    } else if (!taken[k]) {
      linked.push_back(beads[k]);
    }
  }
  return linked;
}

}  // namespace alinea
