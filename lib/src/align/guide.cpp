// Guide points from rare tokens; see guide.hpp.
#include "align/guide.hpp"

#include <algorithm>
#include <cstdint>

namespace alinea {

namespace {

// Where each token occurs: (token, unit) pairs sorted by token, then unit.
std::vector<std::uint64_t> occurrences(const std::vector<UnitFeatures>& units) {
  std::vector<std::uint64_t> found;
  for (std::size_t k = 0; k < units.size(); ++k) {
    for (const auto* ids : {&units[k].strong, &units[k].words}) {
      for (const std::uint32_t id : *ids) {
        found.push_back((std::uint64_t{id} << 32U) | static_cast<std::uint32_t>(k));
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::uint32_t token_of(std::uint64_t occurrence) {
  return static_cast<std::uint32_t>(occurrence >> 32U);
}
std::size_t unit_of(std::uint64_t occurrence) {
  return occurrence & 0xFFFFFFFFU;
}

// The units where one token occurs, in order.
using Positions = std::vector<std::size_t>;

// Calls `visit(source positions, target positions)` for every token found on both sides.
template <typename Visit>
void for_each_shared_token(const std::vector<std::uint64_t>& source,
                           const std::vector<std::uint64_t>& target, Visit visit) {
  Positions left;
  Positions right;
  auto a = source.begin();
  auto b = target.begin();
  while (a != source.end() && b != target.end()) {
    const std::uint32_t token_a = token_of(*a);
    const std::uint32_t token_b = token_of(*b);
    if (token_a < token_b) {
      while (a != source.end() && token_of(*a) == token_a) ++a;
    } else if (token_b < token_a) {
      while (b != target.end() && token_of(*b) == token_b) ++b;
    } else {
      left.clear();
      right.clear();
      for (; a != source.end() && token_of(*a) == token_a; ++a) left.push_back(unit_of(*a));
      for (; b != target.end() && token_of(*b) == token_b; ++b) right.push_back(unit_of(*b));
      visit(left, right);
    }
  }
}

// Whether positions[k] is the only occurrence within `window` of itself.
bool alone(const Positions& positions, std::size_t k, std::size_t window) {
  const bool before = k > 0 && positions[k] - positions[k - 1] <= window;
  const bool after = k + 1 < positions.size() && positions[k + 1] - positions[k] <= window;
  return !before && !after;
}

// The longest chain of pairs increasing on both sides, as points after each pair (patience
// sorting; ties in source broken so that one source unit contributes at most one point).
std::vector<Anchor> longest_chain(std::vector<Anchor> pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const Anchor& a, const Anchor& b) {
    return a.source < b.source || (a.source == b.source && a.target > b.target);
  });
  std::vector<std::size_t> tails;  // index into pairs of the smallest tail of each chain length
  std::vector<std::size_t> before(pairs.size(), pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const auto place = std::lower_bound(
        tails.begin(), tails.end(), pairs[k].target,
        [&pairs](std::size_t tail, std::size_t column) { return pairs[tail].target < column; });
    if (place != tails.begin()) before[k] = *(place - 1);
    if (place == tails.end()) {
      tails.push_back(k);
    } else {
      *place = k;
    }
  }
  std::vector<Anchor> chain;
  for (std::size_t k = tails.empty() ? pairs.size() : tails.back(); k < pairs.size();
       k = before[k]) {
    chain.push_back({pairs[k].source + 1, pairs[k].target + 1});  // the path passes after them
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// Where target unit is expected beside source unit `position`: on the broken line through
// (0, 0), the chain's points and (n, m).
class ExpectedTarget {
 public:
  ExpectedTarget(const std::vector<Anchor>& chain, std::size_t n, std::size_t m) {
    points_.push_back({0, 0});
    for (const Anchor& point : chain) points_.push_back(point);
    points_.push_back({n, m});
  }
  [[nodiscard]] std::size_t at(std::size_t position) const {
    const auto next = std::upper_bound(
        points_.begin() + 1, points_.end(), position,
        [](std::size_t value, const Anchor& point) { return value < point.source; });
    if (next == points_.end()) return points_.back().target;
    const Anchor from = *(next - 1);
    const Anchor to = *next;
    return from.target + (position - from.source) * (to.target - from.target) /
                             std::max<std::size_t>(1, to.source - from.source);
  }

 private:
  std::vector<Anchor> points_;
};

}  // namespace

std::vector<Anchor> guide_from_rare_tokens(const std::vector<UnitFeatures>& source,
                                           const std::vector<UnitFeatures>& target,
                                           std::size_t window) {
  const std::vector<std::uint64_t> source_occurrences = occurrences(source);
  const std::vector<std::uint64_t> target_occurrences = occurrences(target);
  std::vector<Anchor> pairs;
  for_each_shared_token(source_occurrences, target_occurrences,
                        [&pairs](const Positions& left, const Positions& right) {
                          if (left.size() == 1 && right.size() == 1) {
                            pairs.push_back({left.front(), right.front()});
                          }
                        });
  const ExpectedTarget expected(longest_chain(pairs), source.size(), target.size());
  for_each_shared_token(
      source_occurrences, target_occurrences, [&](const Positions& left, const Positions& right) {
        if (left.size() == 1 && right.size() == 1) return;
        for (std::size_t k = 0; k < left.size(); ++k) {
          if (!alone(left, k, window)) continue;
          const std::size_t centre = expected.at(left[k]);
          const auto first =
              std::lower_bound(right.begin(), right.end(), centre > window ? centre - window : 0);
          const auto last = std::upper_bound(first, right.end(), centre + window);
          if (last - first != 1) continue;
          if (!alone(right, static_cast<std::size_t>(first - right.begin()), window)) continue;
          pairs.push_back({left[k], *first});
        }
      });
  return longest_chain(std::move(pairs));
}

}  // namespace alinea
