// What the review operations and the queue share: where units stand in a document, unit ids
// checked against it (with the closest id suggested), and links found by the units they hold.
// Private to the library.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "alinea/review.hpp"

namespace alinea::review_detail {

// A unit's place in its document: (paragraph or note index, sentence number or 0 for the block).
// Places compare in reading order among units of one kind.
using Place = std::pair<std::size_t, std::size_t>;

class UnitIndex {
 public:
  explicit UnitIndex(const Document& document);

  [[nodiscard]] const Document& document() const noexcept { return *document_; }
  // Where the unit stands; std::nullopt when the document has no such unit.
  [[nodiscard]] std::optional<Place> place(std::string_view id) const;
  // The kind of the paragraph the unit is or is in; std::nullopt for a note or an unknown unit.
  [[nodiscard]] std::optional<BlockKind> block_kind(std::string_view id) const;
  // The unit, parsed and known to exist. Throws ReviewError naming the closest id otherwise.
  [[nodiscard]] UnitRef checked(std::string_view id, const char* role) const;

 private:
  const Document* document_;
  std::unordered_map<std::string, std::size_t> paragraphs_;
  std::unordered_map<std::string, std::size_t> notes_;
};

struct Indexes {
  explicit Indexes(const ReviewDocuments& documents)
      : source(documents.source), target(documents.target) {}
  [[nodiscard]] const UnitIndex& of(Side side) const {
    return side == Side::source ? source : target;
  }
  UnitIndex source;
  UnitIndex target;
};

[[nodiscard]] inline const std::vector<std::string>& ids_on(const Link& link, Side side) {
  return side == Side::source ? link.source : link.target;
}

// Where a link is: its level (notes or paragraphs), its index there, and the index of the
// sentence link inside it when it is one.
struct LinkAddress {
  UnitRef::Kind kind = UnitRef::Kind::paragraph;
  std::size_t block = 0;
  std::optional<std::size_t> sentence;
};

[[nodiscard]] std::vector<Link>& level_of(Alignment& alignment, UnitRef::Kind kind);
[[nodiscard]] const std::vector<Link>& level_of(const Alignment& alignment, UnitRef::Kind kind);

// The link holding the unit. Throws ReviewError when the unit is unknown or in no link.
[[nodiscard]] LinkAddress find_link(const Alignment& alignment, const Indexes& indexes,
                                    const UnitChoice& unit);

}  // namespace alinea::review_detail
