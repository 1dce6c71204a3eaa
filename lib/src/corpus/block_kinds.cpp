#include "corpus/block_kinds.hpp"

namespace alinea {

std::optional<KindMismatch> kind_mismatch(const std::set<BlockKind>& source,
                                          const std::set<BlockKind>& target) {
  if (source.empty() || target.empty()) return std::nullopt;
  for (const BlockKind kind : {BlockKind::heading, BlockKind::quote, BlockKind::list_item}) {
    if (source.count(kind) == target.count(kind)) continue;
    const bool in_source = source.count(kind) != 0;
    return KindMismatch{kind, in_source, in_source ? target : source};
  }
  return std::nullopt;
}

std::string describe(const KindMismatch& mismatch) {
  std::string other;
  for (const BlockKind kind : mismatch.other_side) {
    other += (other.empty() ? "" : " and ") + std::string(block_kind_name(kind));
  }
  return std::string("the ") + (mismatch.in_source ? "source" : "target") + " side is a " +
         std::string(block_kind_name(mismatch.kind)) + ", the " +
         (mismatch.in_source ? "target" : "source") + " side is not (" + other + ")";
}

}  // namespace alinea
