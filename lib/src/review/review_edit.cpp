// The review operations: accept, set a link by hand, omit, annotate, merge, split. Each works on a
// copy of the alignment and returns it; a request that cannot be done throws before anything is
// returned, so a caller never sees half an edit.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include "alinea/check.hpp"
#include "alinea/review.hpp"
#include "review_units.hpp"

namespace alinea {
namespace {

using review_detail::find_link;
using review_detail::ids_on;
using review_detail::Indexes;
using review_detail::level_of;
using review_detail::LinkAddress;
using review_detail::Place;

bool holds_hand_work(const Link& link) {
  return is_hand_made(link) ||
         std::any_of(link.sentences.begin(), link.sentences.end(), holds_hand_work);
}

void confirm(Link& link, const ReviewDocuments& documents) {
  link.status = LinkStatus::reviewed;
  link.confidence.reset();
  link.source_fingerprint = side_fingerprint(documents.source, link.source);
  link.target_fingerprint = side_fingerprint(documents.target, link.target);
}

Link& link_at(Alignment& alignment, const LinkAddress& address) {
  Link& block = level_of(alignment, address.kind)[address.block];
  return address.sentence ? block.sentences[*address.sentence] : block;
}

std::vector<Link>& siblings_of(Alignment& alignment, const LinkAddress& address) {
  std::vector<Link>& level = level_of(alignment, address.kind);
  return address.sentence ? level[address.block].sentences : level;
}

// Where links stand, to keep them in reading order and to notice links that cross.
struct Placer {
  const Indexes& indexes;

  [[nodiscard]] std::optional<Place> first(const Link& link, Side side) const {
    std::optional<Place> best;
    for (const std::string& id : ids_on(link, side)) {
      const auto place = indexes.of(side).place(id);
      if (place && (!best || *place < *best)) best = place;
    }
    return best;
  }

  // Two links cross when one comes first in the source and the other first in the target.
  [[nodiscard]] bool cross(const Link& a, const Link& b) const {
    const auto a_source = first(a, Side::source);
    const auto a_target = first(a, Side::target);
    const auto b_source = first(b, Side::source);
    const auto b_target = first(b, Side::target);
    if (!a_source || !a_target || !b_source || !b_target) return false;
    return (*a_source < *b_source) != (*a_target < *b_target);
  }

  // Where `link` goes among links in reading order: by its first source unit, or, without one,
  // right after the last link whose target comes before its own.
  [[nodiscard]] std::size_t slot(const std::vector<Link>& links, const Link& link) const {
    if (const auto source = first(link, Side::source)) {
      for (std::size_t k = 0; k < links.size(); ++k) {
        const auto other = first(links[k], Side::source);
        if (other && *source < *other) return k;
      }
      return links.size();
    }
    const auto target = first(link, Side::target);
    std::size_t slot = 0;
    for (std::size_t k = 0; k < links.size(); ++k) {
      const auto other = first(links[k], Side::target);
      if (other && target && *other < *target) slot = k + 1;
    }
    return slot;
  }
};

bool shares_units(const Link& a, const Link& b) {
  for (const Side side : {Side::source, Side::target}) {
    const auto& ours = ids_on(a, side);
    for (const std::string& id : ids_on(b, side)) {
      if (std::find(ours.begin(), ours.end(), id) != ours.end()) return true;
    }
  }
  return false;
}

// The block ("p3") a unit id belongs to.
std::string block_of(const std::string& id) {
  const auto unit = UnitRef::parse(id);
  return unit ? unit->block_id : id;
}

// Whether a sentence link names only sentences of the blocks `parent` links. A link with an empty
// side has no sentence links: its whole block is the gap.
bool fits_inside(const Link& sentence, const Link& parent) {
  if (parent.source.empty() || parent.target.empty()) return false;
  for (const Side side : {Side::source, Side::target}) {
    const auto& blocks = ids_on(parent, side);
    for (const std::string& id : ids_on(sentence, side)) {
      if (std::find(blocks.begin(), blocks.end(), block_of(id)) == blocks.end()) return false;
    }
  }
  return !sentence.source.empty() || !sentence.target.empty();
}

// Puts `made` (new reviewed links, not overlapping each other) among `links`: the links they
// overlap are replaced, automatic links they cross are dropped (their units go back to the queue),
// and a hand-made link they would cross refuses the whole request. What a replaced link carried —
// sentence links that still fit, its note, its omission reason — moves to the made links.
void put_links(std::vector<Link>& links, std::vector<Link> made, const Placer& placer) {
  std::vector<Link> replaced;
  std::vector<Link> kept;
  for (Link& link : links) {
    const bool overlapped =
        std::any_of(made.begin(), made.end(), [&](const Link& m) { return shares_units(m, link); });
    (overlapped ? replaced : kept).push_back(std::move(link));
  }
  std::vector<Link> remaining;
  for (Link& link : kept) {
    const bool crossing =
        std::any_of(made.begin(), made.end(), [&](const Link& m) { return placer.cross(m, link); });
    if (!crossing) {
      remaining.push_back(std::move(link));
    } else if (holds_hand_work(link)) {
      throw ReviewError("the link " + describe(made.front()) + " would cross the reviewed link " +
                        describe(link) + " (line " + std::to_string(link.line) +
                        "): links keep the order of both texts; change that link first");
    }
  }
  std::vector<std::string> notes;
  std::optional<std::string> reason;
  for (const Link& old : replaced) {
    if (old.note && std::find(notes.begin(), notes.end(), *old.note) == notes.end()) {
      notes.push_back(*old.note);
    }
    if (old.omitted && !reason) reason = old.omitted;
    for (const Link& sentence : old.sentences) {
      for (Link& link : made) {
        if (fits_inside(sentence, link)) {
          link.sentences.insert(link.sentences.begin() + static_cast<std::ptrdiff_t>(
                                                             placer.slot(link.sentences, sentence)),
                                sentence);
          break;
        }
      }
    }
  }
  if (!notes.empty() && !made.front().note) {
    std::string joined;
    for (const std::string& note : notes) joined += (joined.empty() ? "" : "; ") + note;
    made.front().note = joined;
  }
  for (Link& link : made) {
    if ((link.source.empty() || link.target.empty()) && !link.omitted) {
      link.omitted = reason.value_or("");
    }
    const std::size_t slot = placer.slot(remaining, link);
    remaining.insert(remaining.begin() + static_cast<std::ptrdiff_t>(slot), std::move(link));
  }
  links = std::move(remaining);
}

// One side of a requested link, checked: units of one kind that exist, all blocks or all
// sentences of one block, consecutive, in reading order.
struct CheckedSide {
  std::vector<std::string> ids;
  std::optional<UnitRef::Kind> kind;
  bool sentences = false;
  std::string block;  // for sentences: the paragraph or note they belong to
};

CheckedSide check_side(const std::vector<std::string>& ids, const Indexes& indexes, Side side) {
  const char* role = side == Side::source ? "source" : "target";
  const review_detail::UnitIndex& index = indexes.of(side);
  CheckedSide checked;
  std::vector<std::pair<Place, std::string>> placed;
  for (const std::string& id : ids) {
    const UnitRef unit = index.checked(id, role);
    const std::string shown = (side == Side::target ? "tgt:" : "") + id;
    if (checked.kind && *checked.kind != unit.kind) {
      throw ReviewError("'" + shown + "' and '" + placed.front().second +
                        "' are a note and a paragraph: a link joins notes or paragraphs");
    }
    if (!placed.empty() && checked.sentences != unit.sentence.has_value()) {
      throw ReviewError("'" + shown + "' and '" + placed.front().second +
                        "' mix whole paragraphs and sentences: name paragraphs (p3) or "
                        "sentences (p3.s1) on both sides");
    }
    if (!placed.empty() && unit.sentence && unit.block_id != checked.block) {
      throw ReviewError("'" + shown + "' and '" + placed.front().second + "' are in two " +
                        (unit.kind == UnitRef::Kind::note ? "notes" : "paragraphs") +
                        ": the sentences of one side of a link belong to one paragraph or note");
    }
    checked.kind = unit.kind;
    checked.sentences = unit.sentence.has_value();
    checked.block = unit.block_id;
    placed.emplace_back(*index.place(id), id);
  }
  std::sort(placed.begin(), placed.end());
  for (std::size_t k = 1; k < placed.size(); ++k) {
    const Place& before = placed[k - 1].first;
    const Place& after = placed[k].first;
    if (before == after) throw ReviewError("'" + placed[k].second + "' is named twice");
    const bool next =
        checked.sentences ? after.second == before.second + 1 : after.first == before.first + 1;
    if (!next) {
      throw ReviewError("'" + placed[k - 1].second + "' and '" + placed[k].second +
                        "' are not neighbours: a link joins consecutive units");
    }
  }
  for (const auto& [place, id] : placed) checked.ids.push_back(id);
  return checked;
}

// The paragraph (or note) link that holds the blocks of a sentence-level request.
std::size_t parent_of(const std::vector<Link>& links, const CheckedSide& source,
                      const CheckedSide& target) {
  std::optional<std::size_t> parent;
  for (const auto& [side, checked] : {std::pair{Side::source, &source}, {Side::target, &target}}) {
    if (checked->ids.empty()) continue;
    const std::string shown = (side == Side::target ? "tgt:" : "") + checked->block;
    std::optional<std::size_t> found;
    for (std::size_t k = 0; k < links.size() && !found; ++k) {
      const auto& ids = ids_on(links[k], side);
      if (std::find(ids.begin(), ids.end(), checked->block) != ids.end()) found = k;
    }
    if (!found) {
      throw ReviewError(shown + " is in no link: link it first, then its sentences");
    }
    if (parent && *parent != *found) {
      throw ReviewError("the sentences are in two links (" + describe(links[*parent]) + " and " +
                        describe(links[*found]) +
                        "): link their paragraphs or notes first, then the sentences");
    }
    parent = found;
  }
  const Link& link = links[*parent];
  if (link.source.empty() || link.target.empty()) {
    throw ReviewError("the link " + describe(link) +
                      " has nothing on one side, so no sentence links: the whole paragraph or "
                      "note is the gap; link it first, then its sentences");
  }
  return *parent;
}

Alignment put_requested(const Alignment& alignment, const ReviewDocuments& documents,
                        const std::vector<std::string>& source_ids,
                        const std::vector<std::string>& target_ids,
                        const std::optional<std::string>& omitted) {
  if (source_ids.empty() && target_ids.empty()) {
    throw ReviewError("a link needs a unit on at least one side");
  }
  const Indexes indexes(documents);
  const CheckedSide source = check_side(source_ids, indexes, Side::source);
  const CheckedSide target = check_side(target_ids, indexes, Side::target);
  if (source.kind && target.kind) {
    if (*source.kind != *target.kind) {
      throw ReviewError("a link joins notes with notes and paragraphs with paragraphs, not " +
                        source.ids.front() + " with tgt:" + target.ids.front());
    }
    if (source.sentences != target.sentences) {
      throw ReviewError(
          "a link joins paragraphs with paragraphs and sentences with sentences, "
          "not " +
          source.ids.front() + " with tgt:" + target.ids.front());
    }
  }
  Link made;
  made.source = source.ids;
  made.target = target.ids;
  made.omitted = omitted;
  confirm(made, documents);

  Alignment result = alignment;
  const UnitRef::Kind kind = source.kind ? *source.kind : *target.kind;
  std::vector<Link>& level = level_of(result, kind);
  const Placer placer{indexes};
  if (source.sentences || target.sentences) {
    put_links(level[parent_of(level, source, target)].sentences, {std::move(made)}, placer);
  } else {
    put_links(level, {std::move(made)}, placer);
  }
  return result;
}

template <typename Visit>
void for_each_link(Alignment& alignment, const Visit& visit) {
  for (auto* level : {&alignment.notes, &alignment.paragraphs}) {
    for (Link& link : *level) {
      visit(link);
      for (Link& sentence : link.sentences) visit(sentence);
    }
  }
}

std::vector<std::string> joined(const std::vector<std::string>& a,
                                const std::vector<std::string>& b) {
  std::vector<std::string> out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

}  // namespace

const char* to_string(QueueReason reason) noexcept {
  switch (reason) {
    case QueueReason::drift:
      return "drift";
    case QueueReason::no_fingerprint:
      return "no-fingerprint";
    case QueueReason::kind_mismatch:
      return "kind-mismatch";
    case QueueReason::low_confidence:
      return "low-confidence";
    case QueueReason::unlinked:
      return "unlinked";
  }
  return "unlinked";
}

const char* to_string(UnitLevel level) noexcept {
  switch (level) {
    case UnitLevel::note:
      return "note";
    case UnitLevel::paragraph:
      return "paragraph";
    case UnitLevel::sentence:
      return "sentence";
  }
  return "paragraph";
}

UnitChoice UnitChoice::parse(std::string_view text) {
  UnitChoice choice;
  constexpr std::string_view target_prefix = "tgt:";
  constexpr std::string_view source_prefix = "src:";
  if (text.substr(0, target_prefix.size()) == target_prefix) {
    choice.side = Side::target;
    text.remove_prefix(target_prefix.size());
  } else if (text.substr(0, source_prefix.size()) == source_prefix) {
    text.remove_prefix(source_prefix.size());
  }
  if (!UnitRef::parse(text)) {
    throw ReviewError("'" + std::string(text) +
                      "' is not a unit id: a paragraph p3, a note n1 or a sentence p3.s2 "
                      "(tgt:p3 for a unit of the target)");
  }
  choice.id = std::string(text);
  return choice;
}

std::string UnitChoice::to_string() const {
  return (side == Side::target ? "tgt:" : "") + id;
}

Alignment accept_links(const Alignment& alignment, const ReviewDocuments& documents,
                       const std::vector<UnitChoice>& units) {
  const Indexes indexes(documents);
  Alignment result = alignment;
  for (const UnitChoice& unit : units) {
    confirm(link_at(result, find_link(result, indexes, unit)), documents);
  }
  return result;
}

Alignment accept_above(const Alignment& alignment, const ReviewDocuments& documents,
                       double threshold) {
  if (!std::isfinite(threshold) || threshold < 0.0 || threshold > 1.0) {
    throw ReviewError("a confidence threshold is between 0 and 1");
  }
  Alignment result = alignment;
  for_each_link(result, [&](Link& link) {
    if (link.status == LinkStatus::automatic && link.confidence.value_or(0.0) >= threshold) {
      confirm(link, documents);
    }
  });
  return result;
}

Alignment set_link(const Alignment& alignment, const ReviewDocuments& documents,
                   const std::vector<std::string>& source_ids,
                   const std::vector<std::string>& target_ids) {
  return put_requested(alignment, documents, source_ids, target_ids, std::nullopt);
}

Alignment mark_omission(const Alignment& alignment, const ReviewDocuments& documents,
                        const UnitChoice& unit, const std::string& reason) {
  const std::vector<std::string> alone{unit.id};
  return unit.side == Side::source ? put_requested(alignment, documents, alone, {}, reason)
                                   : put_requested(alignment, documents, {}, alone, reason);
}

Alignment attach_note(const Alignment& alignment, const ReviewDocuments& documents,
                      const UnitChoice& unit, const std::string& text) {
  const Indexes indexes(documents);
  Alignment result = alignment;
  Link& link = link_at(result, find_link(result, indexes, unit));
  if (text.empty()) {
    link.note.reset();
  } else {
    link.note = text;
  }
  return result;
}

Alignment merge_with_next(const Alignment& alignment, const ReviewDocuments& documents,
                          const UnitChoice& unit) {
  const Indexes indexes(documents);
  Alignment copy = alignment;
  const LinkAddress address = find_link(copy, indexes, unit);
  const std::vector<Link>& siblings = siblings_of(copy, address);
  const std::size_t at = address.sentence.value_or(address.block);
  if (at + 1 >= siblings.size()) {
    throw ReviewError("the link " + describe(siblings[at]) +
                      " is the last of its kind here: there is no next link to merge it with");
  }
  const Link& first = siblings[at];
  const Link& second = siblings[at + 1];
  return put_requested(alignment, documents, joined(first.source, second.source),
                       joined(first.target, second.target), std::nullopt);
}

Alignment split_link(const Alignment& alignment, const ReviewDocuments& documents,
                     const UnitChoice& unit) {
  const Indexes indexes(documents);
  Alignment result = alignment;
  const LinkAddress address = find_link(result, indexes, unit);
  std::vector<Link>& siblings = siblings_of(result, address);
  const Link& whole = siblings[address.sentence.value_or(address.block)];
  if (whole.source.size() <= 1 && whole.target.size() <= 1) {
    throw ReviewError("the link " + describe(whole) +
                      " has at most one unit on each side: there is nothing to split");
  }
  const auto head = [](const std::vector<std::string>& ids) {
    return std::vector<std::string>(ids.begin(), ids.begin() + (ids.empty() ? 0 : 1));
  };
  const auto tail = [](const std::vector<std::string>& ids) {
    return std::vector<std::string>(ids.begin() + (ids.empty() ? 0 : 1), ids.end());
  };
  Link first;
  first.source = head(whole.source);
  first.target = head(whole.target);
  Link rest;
  rest.source = tail(whole.source);
  rest.target = tail(whole.target);
  for (Link* part : {&first, &rest}) confirm(*part, documents);
  put_links(siblings, {std::move(first), std::move(rest)}, Placer{indexes});
  return result;
}

Alignment acknowledge_on_link(const Alignment& alignment, const ReviewDocuments& documents,
                              const std::string& link_id, const std::vector<std::string>& rules,
                              const std::string& reason) {
  const Indexes indexes(documents);
  std::string_view ids(link_id);
  Side side = Side::source;
  // "tgt:" as alinea review names target units, "to-" as alinea show names rows.
  for (const std::string_view prefix : {std::string_view("tgt:"), std::string_view("to-")}) {
    if (ids.substr(0, prefix.size()) == prefix) {
      side = Side::target;
      ids.remove_prefix(prefix.size());
    }
  }
  for (;;) {
    const std::size_t plus = ids.find('+');
    UnitChoice unit = UnitChoice::parse(ids.substr(0, plus));
    unit.side = side;
    static_cast<void>(find_link(alignment, indexes, unit));
    if (plus == std::string_view::npos) break;
    ids.remove_prefix(plus + 1);
  }
  return acknowledge_findings(alignment, link_id, rules, reason);
}

}  // namespace alinea
