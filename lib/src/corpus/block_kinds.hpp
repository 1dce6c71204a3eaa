// A heading translated as a heading, a quotation as a quotation, a list item as a list item: a
// kind on one side of a link and not on the other is worth a look (a heading linked to a paragraph
// is often a misalignment by one). The rule `structure/kind-mismatch` of alinea check and an item
// of the review queue. Private to the library.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "alinea/document.hpp"

namespace alinea {

struct KindMismatch {
  BlockKind kind = BlockKind::heading;  // the kind one side has and the other lacks
  bool in_source = true;                // which side has it
  std::set<BlockKind> other_side;       // the kinds the other side has
};

// The first kind (heading, quotation, list item) that the blocks of one side of a link have and
// those of the other lack; std::nullopt when they agree, or when a side has no block.
[[nodiscard]] std::optional<KindMismatch> kind_mismatch(const std::set<BlockKind>& source,
                                                        const std::set<BlockKind>& target);

// "the source side is a heading, the target side is not (paragraph)".
[[nodiscard]] std::string describe(const KindMismatch& mismatch);

}  // namespace alinea
