#include "review_units.hpp"

#include <algorithm>

#include "util/suggest.hpp"

namespace alinea::review_detail {
namespace {

std::vector<std::string> all_unit_ids(const Document& document) {
  std::vector<std::string> ids;
  const auto add = [&ids](const std::string& block, const std::vector<std::string>& sentences) {
    ids.push_back(block);
    for (std::size_t k = 1; k <= sentences.size(); ++k) {
      ids.push_back(block + ".s" + std::to_string(k));
    }
  };
  for (const Paragraph& paragraph : document.paragraphs) add(paragraph.id, paragraph.sentences);
  for (const Note& note : document.notes) add(note.id, note.sentences);
  return ids;
}

// "p1…p7, n1…n4": what the document has, when no id is close to the one asked for.
std::string unit_range(const Document& document) {
  std::string out;
  if (!document.paragraphs.empty()) {
    out += document.paragraphs.front().id + "…" + document.paragraphs.back().id;
  }
  if (!document.notes.empty()) {
    out += ", " + document.notes.front().id + "…" + document.notes.back().id;
  }
  return out;
}

}  // namespace

UnitIndex::UnitIndex(const Document& document) : document_(&document) {
  for (std::size_t k = 0; k < document.paragraphs.size(); ++k) {
    paragraphs_.emplace(document.paragraphs[k].id, k);
  }
  for (std::size_t k = 0; k < document.notes.size(); ++k) notes_.emplace(document.notes[k].id, k);
}

std::optional<Place> UnitIndex::place(std::string_view id) const {
  const auto unit = UnitRef::parse(id);
  if (!unit) return std::nullopt;
  const auto& blocks = unit->kind == UnitRef::Kind::paragraph ? paragraphs_ : notes_;
  const auto found = blocks.find(unit->block_id);
  if (found == blocks.end()) return std::nullopt;
  if (unit->sentence) {
    const std::size_t count = unit->kind == UnitRef::Kind::paragraph
                                  ? document_->paragraphs[found->second].sentences.size()
                                  : document_->notes[found->second].sentences.size();
    if (*unit->sentence == 0 || *unit->sentence > count) return std::nullopt;
  }
  return Place{found->second, unit->sentence.value_or(0)};
}

std::optional<BlockKind> UnitIndex::block_kind(std::string_view id) const {
  const auto unit = UnitRef::parse(id);
  if (!unit || unit->kind != UnitRef::Kind::paragraph) return std::nullopt;
  const auto found = paragraphs_.find(unit->block_id);
  if (found == paragraphs_.end()) return std::nullopt;
  return document_->paragraphs[found->second].kind;
}

UnitRef UnitIndex::checked(std::string_view id, const char* role) const {
  const auto unit = UnitRef::parse(id);
  if (!unit) {
    throw ReviewError("'" + std::string(id) +
                      "' is not a unit id: a paragraph p3, a note n1 or a sentence p3.s2");
  }
  if (place(id)) return *unit;
  const std::vector<std::string> ids = all_unit_ids(*document_);
  const std::vector<std::string_view> known(ids.begin(), ids.end());
  const auto closest = detail::closest_word(id, known);
  throw ReviewError("the " + std::string(role) + " " + document_->path + " has no unit '" +
                    std::string(id) + "'" +
                    (closest ? " (did you mean '" + *closest + "'?)"
                             : " (it has " + unit_range(*document_) + ")"));
}

std::vector<Link>& level_of(Alignment& alignment, UnitRef::Kind kind) {
  return kind == UnitRef::Kind::paragraph ? alignment.paragraphs : alignment.notes;
}

const std::vector<Link>& level_of(const Alignment& alignment, UnitRef::Kind kind) {
  return kind == UnitRef::Kind::paragraph ? alignment.paragraphs : alignment.notes;
}

LinkAddress find_link(const Alignment& alignment, const Indexes& indexes, const UnitChoice& unit) {
  const UnitRef ref =
      indexes.of(unit.side).checked(unit.id, unit.side == Side::source ? "source" : "target");
  const std::vector<Link>& links = level_of(alignment, ref.kind);
  const auto holds = [&](const Link& link, const std::string& id) {
    const auto& ids = ids_on(link, unit.side);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (std::size_t k = 0; k < links.size(); ++k) {
    if (!holds(links[k], ref.block_id)) continue;
    if (!ref.sentence) return {ref.kind, k, std::nullopt};
    const std::vector<Link>& sentences = links[k].sentences;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      if (holds(sentences[s], unit.id)) return {ref.kind, k, s};
    }
    throw ReviewError(unit.to_string() + " is in no sentence link of the link " +
                      describe(links[k]) + " (line " + std::to_string(links[k].line) +
                      "): set one by hand (alinea review --link)");
  }
  throw ReviewError(unit.to_string() + " is in no link: set one by hand (alinea review --link)");
}

}  // namespace alinea::review_detail
