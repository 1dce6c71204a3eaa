// Where the alignment path probably goes, found cheaply before the dynamic programming: units
// that share a token rare on both sides pair up, and the longest chain of such pairs in order on
// both sides keeps the true ones (chance pairs rarely line up). The band of the DP follows it.
#pragma once

#include <cstddef>
#include <vector>

#include "align/dp.hpp"
#include "align/score.hpp"

namespace alinea {

// Half-width, in units, of the window within which a token must occur once on each side to pair
// two units, in text where it occurs more than once on the whole.
inline constexpr std::size_t rare_token_window = 64;

// Points (after source unit i, after target unit j) in order on both sides. A token pairs a source
// and a target unit when it occurs once in each whole text or, failing that, once within
// `window` units around the source unit and once within `window` units around where the target
// is expected there (found from the pairs of the first kind), so that repeated text still has
// guide points.
[[nodiscard]] std::vector<Anchor> guide_from_rare_tokens(const std::vector<UnitFeatures>& source,
                                                         const std::vector<UnitFeatures>& target,
                                                         std::size_t window = rare_token_window);

}  // namespace alinea
