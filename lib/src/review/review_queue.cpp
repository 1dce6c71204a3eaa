// The review queue: what needs a person, most urgent first.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "alinea/review.hpp"
#include "corpus/block_kinds.hpp"
#include "review_units.hpp"

namespace alinea {
namespace {

using review_detail::ids_on;
using review_detail::Indexes;

// Why a reviewed link's recorded text no longer is the document's, or "" when it still is;
// `unknown` is set when a side with units has no fingerprint.
struct Drift {
  std::string why;
  bool unknown = false;
};

Drift drift_of(const Link& link, const ReviewDocuments& documents, const Indexes& indexes) {
  Drift drift;
  for (const Side side : {Side::source, Side::target}) {
    const Document& document = side == Side::source ? documents.source : documents.target;
    const auto& ids = ids_on(link, side);
    const std::string& recorded =
        side == Side::source ? link.source_fingerprint : link.target_fingerprint;
    for (const std::string& id : ids) {
      if (!indexes.of(side).place(id) && drift.why.empty()) {
        drift.why = document.lang + ":" + id + " is gone";
      }
    }
    if (ids.empty()) continue;
    if (recorded.empty()) {
      drift.unknown = true;
    } else if (drift.why.empty() && side_fingerprint(document, ids) != recorded) {
      drift.why = "the text of " + document.lang + ":" + ids.front() + " changed";
    }
  }
  return drift;
}

std::string two_decimals(double value) {
  const long hundredths = std::lround(value * 100.0);
  return std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") +
         std::to_string(hundredths % 100);
}

class QueueBuilder {
 public:
  QueueBuilder(const Alignment& alignment, const ReviewDocuments& documents, double threshold)
      : alignment_(alignment), documents_(documents), indexes_(documents), threshold_(threshold) {}

  std::vector<QueueItem> run() {
    for (const auto& [links, level] : {std::pair{&alignment_.notes, UnitLevel::note},
                                       std::pair{&alignment_.paragraphs, UnitLevel::paragraph}}) {
      for (const Link& link : *links) {
        look_at(link, level);
        for (const Link& sentence : link.sentences) look_at(sentence, UnitLevel::sentence);
      }
    }
    std::stable_sort(low_.begin(), low_.end(), [](const QueueItem& a, const QueueItem& b) {
      return a.confidence.value_or(0.0) < b.confidence.value_or(0.0);
    });
    add_unlinked(Side::source);
    add_unlinked(Side::target);
    std::vector<QueueItem> queue;
    for (auto* part : {&drift_, &unknown_, &mismatched_, &low_, &unlinked_}) {
      std::move(part->begin(), part->end(), std::back_inserter(queue));
    }
    return queue;
  }

 private:
  QueueItem item_for(const Link& link, UnitLevel level, QueueReason reason, std::string detail) {
    QueueItem item;
    item.reason = reason;
    item.level = level;
    item.source = link.source;
    item.target = link.target;
    item.status = link.status;
    item.confidence = link.confidence;
    item.where = {alignment_.path, link.line, link.column};
    item.detail = std::move(detail);
    item.source_kind = first_kind(Side::source, link.source);
    item.target_kind = first_kind(Side::target, link.target);
    return item;
  }

  std::optional<BlockKind> first_kind(Side side, const std::vector<std::string>& ids) const {
    return ids.empty() ? std::nullopt : indexes_.of(side).block_kind(ids.front());
  }

  // Paragraph links only: a sentence link inside one has the kinds of its paragraph link.
  std::optional<KindMismatch> mismatch_of(const Link& link, UnitLevel level) const {
    if (level != UnitLevel::paragraph ||
        std::find(link.accepted.begin(), link.accepted.end(), "structure/kind-mismatch") !=
            link.accepted.end()) {
      return std::nullopt;
    }
    const auto kinds = [&](Side side) {
      std::set<BlockKind> found;
      for (const std::string& id : ids_on(link, side)) {
        if (const auto kind = indexes_.of(side).block_kind(id)) found.insert(*kind);
      }
      return found;
    };
    return kind_mismatch(kinds(Side::source), kinds(Side::target));
  }

  void look_at(const Link& link, UnitLevel level) {
    if (link.status == LinkStatus::reviewed) {
      const Drift drift = drift_of(link, documents_, indexes_);
      if (!drift.why.empty()) {
        drift_.push_back(item_for(link, level, QueueReason::drift, drift.why));
      } else if (drift.unknown) {
        unknown_.push_back(item_for(link, level, QueueReason::no_fingerprint,
                                    "reviewed without fingerprints: later edits would not show"));
      }
      return;
    }
    if (const auto mismatch = mismatch_of(link, level)) {
      mismatched_.push_back(item_for(link, level, QueueReason::kind_mismatch, describe(*mismatch)));
      return;
    }
    const double confidence = link.confidence.value_or(0.0);
    if (confidence < threshold_) {
      low_.push_back(item_for(link, level, QueueReason::low_confidence,
                              "confidence " + two_decimals(confidence)));
    }
  }

  void add_unlinked_unit(Side side, UnitLevel level, const std::string& id, std::size_t line) {
    const Document& document = side == Side::source ? documents_.source : documents_.target;
    QueueItem item;
    item.reason = QueueReason::unlinked;
    item.level = level;
    (side == Side::source ? item.source : item.target).push_back(id);
    (side == Side::source ? item.source_kind : item.target_kind) = indexes_.of(side).block_kind(id);
    item.where = {document.path, line, 0};
    item.detail = document.lang + ":" + id + " is in no link";
    unlinked_.push_back(std::move(item));
  }

  // Blocks in no link, and sentences left out of the sentence links of their block's link.
  template <typename Block>
  void add_unlinked_blocks(Side side, const std::vector<Block>& blocks,
                           const std::vector<Link>& links, UnitLevel level) {
    std::map<std::string, const Link*> owner;
    for (const Link& link : links) {
      for (const std::string& id : ids_on(link, side)) owner.emplace(id, &link);
    }
    for (const Block& block : blocks) {
      const auto found = owner.find(block.id);
      if (found == owner.end()) {
        add_unlinked_unit(side, level, block.id, block.line);
        continue;
      }
      const Link& link = *found->second;
      if (link.sentences.empty()) continue;
      std::set<std::string> named;
      for (const Link& sentence : link.sentences) {
        const auto& ids = ids_on(sentence, side);
        named.insert(ids.begin(), ids.end());
      }
      for (std::size_t k = 1; k <= block.sentences.size(); ++k) {
        const std::string id = block.id + ".s" + std::to_string(k);
        if (named.count(id) == 0) add_unlinked_unit(side, UnitLevel::sentence, id, block.line);
      }
    }
  }

  void add_unlinked(Side side) {
    const Document& document = side == Side::source ? documents_.source : documents_.target;
    add_unlinked_blocks(side, document.notes, alignment_.notes, UnitLevel::note);
    add_unlinked_blocks(side, document.paragraphs, alignment_.paragraphs, UnitLevel::paragraph);
  }

  const Alignment& alignment_;
  const ReviewDocuments& documents_;
  Indexes indexes_;
  double threshold_;
  std::vector<QueueItem> drift_;
  std::vector<QueueItem> unknown_;
  std::vector<QueueItem> mismatched_;
  std::vector<QueueItem> low_;
  std::vector<QueueItem> unlinked_;
};

}  // namespace

std::vector<QueueItem> review_queue(const Alignment& alignment, const ReviewDocuments& documents,
                                    double threshold) {
  return QueueBuilder(alignment, documents, threshold).run();
}

}  // namespace alinea
