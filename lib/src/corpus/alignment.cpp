// The alignment model: what a person made by hand, whether an earlier alignment can anchor a new
// one, and whether an alignment still describes its documents.
#include "alinea/alignment.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace alinea {
namespace {

// A unit's place in its document: (paragraph or note index, sentence number or 0).
using Place = std::pair<std::size_t, std::size_t>;

struct Side {
  const Document& document;
  const char* role;  // "source" / "target", for messages
};

std::optional<std::size_t> block_index(const Document& document, const UnitRef& unit) {
  if (unit.kind == UnitRef::Kind::paragraph) {
    for (std::size_t k = 0; k < document.paragraphs.size(); ++k) {
      if (document.paragraphs[k].id == unit.block_id) return k;
    }
  } else {
    for (std::size_t k = 0; k < document.notes.size(); ++k) {
      if (document.notes[k].id == unit.block_id) return k;
    }
  }
  return std::nullopt;
}

std::optional<Place> place_of(const Document& document, std::string_view id) {
  const auto unit = UnitRef::parse(id);
  if (!unit || !unit_text(document, *unit)) return std::nullopt;
  const auto block = block_index(document, *unit);
  if (!block) return std::nullopt;
  return Place{*block, unit->sentence.value_or(0)};
}

class AnchorChecker {
 public:
  AnchorChecker(const Alignment& alignment, const Document& source, const Document& target)
      : alignment_(alignment), source_{source, "source"}, target_{target, "target"} {}

  Diagnostics run() {
    check_level(alignment_.notes);
    check_level(alignment_.paragraphs);
    for (const auto* section : {&alignment_.notes, &alignment_.paragraphs}) {
      for (const Link& link : *section) check_level(link.sentences);
    }
    std::sort(diagnostics_.begin(), diagnostics_.end());
    return std::move(diagnostics_);
  }

 private:
  // One list of sibling links: hand-made ones must name real units, once each, in order.
  void check_level(const std::vector<Link>& links) {
    std::map<std::string, const Link*> source_owner;
    std::map<std::string, const Link*> target_owner;
    struct Anchored {
      Place source;
      Place target;
      const Link* link;
    };
    std::vector<Anchored> anchored;
    for (const Link& link : links) {
      if (!is_hand_made(link)) continue;
      const auto source_places = check_units(link, link.source, source_, source_owner);
      const auto target_places = check_units(link, link.target, target_, target_owner);
      if (!source_places.empty() && !target_places.empty()) {
        anchored.push_back({source_places.front(), target_places.front(), &link});
      }
    }
    std::stable_sort(anchored.begin(), anchored.end(),
                     [](const Anchored& a, const Anchored& b) { return a.source < b.source; });
    for (std::size_t k = 1; k < anchored.size(); ++k) {
      const Anchored& earlier = anchored[k - 1];
      const Anchored& later = anchored[k];
      if (later.target < earlier.target) {
        report(*later.link, "structure/crossing-links",
               "the hand-made link " + describe(*later.link) + " crosses the one at line " +
                   std::to_string(earlier.link->line) + " (" + describe(*earlier.link) +
                   "): links keep the order of both texts");
      }
    }
  }

  std::vector<Place> check_units(const Link& link, const std::vector<std::string>& ids,
                                 const Side& side, std::map<std::string, const Link*>& owner) {
    std::vector<Place> places;
    for (const std::string& id : ids) {
      const auto place = place_of(side.document, id);
      if (!place) {
        report(link, "structure/unknown-unit",
               "the " + std::string(side.role) + " " + side.document.path + " has no unit '" + id +
                   "' (was the document edited?); correct or delete this link");
        continue;
      }
      places.push_back(*place);
      const auto [found, inserted] = owner.emplace(id, &link);
      if (!inserted) {
        report(link, "structure/duplicate-unit",
               "'" + id + "' is already linked at line " + std::to_string(found->second->line) +
                   "; a unit belongs to one link");
      }
    }
    std::sort(places.begin(), places.end());
    return places;
  }

  void report(const Link& link, std::string rule, std::string message) {
    Diagnostic diagnostic;
    diagnostic.rule = std::move(rule);
    diagnostic.where = {alignment_.path, link.line, link.column};
    diagnostic.message = std::move(message);
    for (const std::string& id : link.source) diagnostic.units.push_back(source_lang() + id);
    for (const std::string& id : link.target) diagnostic.units.push_back(target_lang() + id);
    diagnostics_.push_back(std::move(diagnostic));
  }

  std::string source_lang() const { return source_.document.lang + ":"; }
  std::string target_lang() const { return target_.document.lang + ":"; }

  const Alignment& alignment_;
  Side source_;
  Side target_;
  Diagnostics diagnostics_;
};

bool same_hand_work(const Link& a, const Link& b) {
  return a.source == b.source && a.target == b.target && a.status == b.status &&
         a.omitted == b.omitted && a.note == b.note && a.accepted == b.accepted &&
         a.accept_reason == b.accept_reason;
}

bool holds(const std::vector<Link>& links, const Link& wanted) {
  return std::any_of(links.begin(), links.end(),
                     [&](const Link& link) { return same_hand_work(link, wanted); });
}

bool holds_sentence(const std::vector<Link>& links, const Link& wanted) {
  return std::any_of(links.begin(), links.end(),
                     [&](const Link& link) { return holds(link.sentences, wanted); });
}

std::vector<std::string> block_ids(const Document& document, UnitRef::Kind kind) {
  std::vector<std::string> ids;
  if (kind == UnitRef::Kind::paragraph) {
    for (const Paragraph& paragraph : document.paragraphs) ids.push_back(paragraph.id);
  } else {
    for (const Note& note : document.notes) ids.push_back(note.id);
  }
  return ids;
}

// Whether one side of a link names units that exist, with the text its fingerprint recorded.
std::optional<std::string> link_out_of_date(const Link& link, const Document& document,
                                            bool is_source) {
  const auto& ids = is_source ? link.source : link.target;
  const std::string name = document.lang + ":";
  for (const std::string& id : ids) {
    const auto unit = UnitRef::parse(id);
    if (!unit || !unit_text(document, *unit)) return name + id + " is gone";
  }
  const std::string& recorded = is_source ? link.source_fingerprint : link.target_fingerprint;
  if (ids.empty()) return std::nullopt;
  if (recorded.empty()) {
    // Written by hand without fingerprints: aligning takes them, so that later edits show.
    if (link.status == LinkStatus::reviewed) {
      return "the reviewed link of " + name + ids.front() + " has no fingerprint";
    }
    return std::nullopt;
  }
  // Realigning cannot re-confirm what a person confirmed: a changed text under a hand-made link
  // is for the review queue and alinea check, else every run would realign again.
  if (is_hand_made(link)) return std::nullopt;
  if (side_fingerprint(document, ids) != recorded) {
    return "the text of " + name + ids.front() + " changed";
  }
  return std::nullopt;
}

// Whether the links of one level (notes or paragraphs) cover one document's blocks, each link
// naming blocks that exist and texts that did not change.
std::optional<std::string> side_out_of_date(const std::vector<Link>& links,
                                            const Document& document, UnitRef::Kind kind,
                                            bool is_source) {
  std::map<std::string, bool> covered;
  for (const std::string& id : block_ids(document, kind)) covered[id] = false;
  const std::string name = document.lang + ":";
  for (const Link& link : links) {
    const auto& ids = is_source ? link.source : link.target;
    for (const std::string& id : ids) {
      const auto found = covered.find(id);
      if (found == covered.end()) return name + id + " is gone";
      found->second = true;
    }
    if (auto why = link_out_of_date(link, document, is_source)) return why;
    if (is_source && link.sentences.empty() && !link.source.empty() && !link.target.empty()) {
      return "the link of " + name + link.source.front() + " has no sentence links";
    }
    // Sentence links change when the text or its segmentation does.
    for (const Link& sentence : link.sentences) {
      if (auto why = link_out_of_date(sentence, document, is_source)) return why;
    }
  }
  for (const auto& [id, seen] : covered) {
    if (!seen) return name + id + " is in no link";
  }
  return std::nullopt;
}

}  // namespace

std::string describe(const Link& link) {
  const auto join = [](const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
    return out.empty() ? std::string("∅") : out;
  };
  return join(link.source) + " ↔ " + join(link.target);
}

const char* to_string(LinkStatus status) noexcept {
  switch (status) {
    case LinkStatus::automatic:
      return "auto";
    case LinkStatus::reviewed:
      return "reviewed";
  }
  return "auto";
}

std::string linked_text(const Document& document, const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) {
    const auto unit = UnitRef::parse(id);
    const auto found = unit ? unit_text(document, *unit) : std::nullopt;
    if (!found) continue;
    if (!text.empty()) text += ' ';
    text += *found;
  }
  return text;
}

std::string side_fingerprint(const Document& document, const std::vector<std::string>& ids) {
  return ids.empty() ? std::string() : text_fingerprint(linked_text(document, ids));
}

bool is_hand_made(const Link& link) noexcept {
  return link.status == LinkStatus::reviewed || link.omitted.has_value() || link.note.has_value() ||
         !link.accepted.empty();
}

Diagnostics anchor_problems(const Alignment& alignment, const Document& source,
                            const Document& target) {
  return AnchorChecker(alignment, source, target).run();
}

std::vector<const Link*> reviewed_links_on_changed_text(const Alignment& alignment,
                                                        const Document& source,
                                                        const Document& target) {
  const auto changed = [&](const Link& link) {
    return link.status == LinkStatus::reviewed &&
           ((!link.source_fingerprint.empty() &&
             side_fingerprint(source, link.source) != link.source_fingerprint) ||
            (!link.target_fingerprint.empty() &&
             side_fingerprint(target, link.target) != link.target_fingerprint));
  };
  std::vector<const Link*> found;
  for (const auto* links : {&alignment.notes, &alignment.paragraphs}) {
    for (const Link& link : *links) {
      if (changed(link)) found.push_back(&link);
      for (const Link& sentence : link.sentences) {
        if (changed(sentence)) found.push_back(&sentence);
      }
    }
  }
  return found;
}

std::vector<std::string> unlinked_units(const Alignment& alignment, const Document& source,
                                        const Document& target) {
  std::vector<std::string> unlinked;
  for (const auto& [links, kind] : {std::pair{&alignment.notes, UnitRef::Kind::note},
                                    std::pair{&alignment.paragraphs, UnitRef::Kind::paragraph}}) {
    for (const auto& [document, is_source] :
         {std::pair{&source, true}, std::pair{&target, false}}) {
      std::set<std::string> linked;
      for (const Link& link : *links) {
        const auto& ids = is_source ? link.source : link.target;
        linked.insert(ids.begin(), ids.end());
      }
      for (const std::string& id : block_ids(*document, kind)) {
        if (linked.count(id) == 0) unlinked.push_back(document->lang + ":" + id);
      }
    }
  }
  return unlinked;
}

std::vector<const Link*> dropped_hand_made_links(const Alignment& before, const Alignment& after) {
  std::vector<const Link*> dropped;
  for (const auto& [old_links, new_links] :
       {std::pair{&before.notes, &after.notes}, std::pair{&before.paragraphs, &after.paragraphs}}) {
    for (const Link& link : *old_links) {
      if (is_hand_made(link) && !holds(*new_links, link)) dropped.push_back(&link);
      for (const Link& sentence : link.sentences) {
        if (is_hand_made(sentence) && !holds_sentence(*new_links, sentence)) {
          dropped.push_back(&sentence);
        }
      }
    }
  }
  return dropped;
}

std::optional<std::string> why_out_of_date(const Alignment& alignment, const Document& source,
                                           const Document& target) {
  for (const auto& [links, kind] : {std::pair{&alignment.notes, UnitRef::Kind::note},
                                    std::pair{&alignment.paragraphs, UnitRef::Kind::paragraph}}) {
    if (auto why = side_out_of_date(*links, source, kind, true)) return why;
    if (auto why = side_out_of_date(*links, target, kind, false)) return why;
  }
  return std::nullopt;
}

}  // namespace alinea
