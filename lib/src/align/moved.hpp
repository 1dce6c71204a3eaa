// Sentences that a layout or a translator moved. A monotone path cannot link a sentence that
// stands elsewhere in the translation (a caption an OCR set among other lines, two sentences a
// translator swapped): it leaves the sentence out on one side and adds it on the other. Where a
// left-out source unit and an added target unit near it translate each other well enough, they
// are linked across the path, and the left-out and added units next to them that moved with them
// follow. Works on bead costs alone, like the dynamic programming (dp.hpp).
#pragma once

#include <cstddef>
#include <vector>

#include "align/dp.hpp"
#include "alinea/aligner.hpp"

namespace alinea {

struct MoveCosts {
  // Nats a first moved pair costs on top of its 1-1 bead; it is linked when its two omissions
  // cost more than that. A move is rarer than an omission, and two short sentences match by
  // length alone: only a pair whose words or numbers agree clears it. Chosen on the tuning
  // halves of the development sets and Text+Berg test0–3 (docs/BENCHMARKS.md, "Moved
  // sentences").
  double first = 12.0;
  // The same for a pair next to a moved pair, in the same order (a passage moved as a whole):
  // what a first omission costs, -log 0.01.
  double next = 4.6;
  // How far from where the path stands, in units of the target, a moved unit is looked for.
  std::size_t reach = 20;
  // Most units on one side of a moved bead: a left-out or added unit next to it joins it (a
  // sentence split differently on the two sides) up to this.
  std::size_t widest_side = 2;
};

// `beads`: a path's beads in path order, each omission one unit (as the aligner records them).
// Returns them with each moved pair's two omissions replaced by one 1-1 bead where the source
// unit stood; its confidence is the probability of the move against the two omissions (the
// other beads keep theirs).
[[nodiscard]] std::vector<Bead> link_moved_units(std::vector<Bead> beads, const BeadCost& cost,
                                                 const MoveCosts& costs = {});

}  // namespace alinea
