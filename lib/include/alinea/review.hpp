// Reviewing an alignment: what still needs a person (the queue), and what a person does about it —
// accept links, set a link by hand, record an omission, attach a note, merge and split links.
//
// Every operation takes the alignment as a value and returns the new one, with the fingerprints of
// what it touched taken from the current texts; nothing is written until save_review(), which
// refuses when the file changed on disk since it was read. No operation drops a reviewed link, an
// omission or a note unless the request replaces it (a link set by hand replaces the links it
// overlaps). See docs/REVIEW.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/document.hpp"

namespace alinea {

// Automatic links less sure than this are put in the review queue unless the caller says
// otherwise. Measured on the bench dev sets: see docs/REVIEW.md, "The threshold".
inline constexpr double default_review_threshold = 0.9;

// A request that cannot be done as asked: an unknown unit id (the message suggests the closest),
// ids of two paragraphs on one side, a link that would cross another. Nothing was changed.
class ReviewError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The alignment file changed on disk after it was read: nothing was written.
class ReviewConflict : public ReviewError {
 public:
  using ReviewError::ReviewError;
};

// The two segmented documents an alignment links.
struct ReviewDocuments {
  Document source;
  Document target;
};

// An alignment file as read for review: its text (to notice edits made meanwhile), the alignment
// (links carry their line) and its documents.
struct OpenedAlignment {
  std::filesystem::path file;
  std::string text;
  Alignment alignment;
  ReviewDocuments documents;
};

// Reads the alignment strictly (InputError naming the line of the first schema error) and its two
// documents, found relative to the repository root above the file (the folder holding alinea.yaml,
// else the file's folder), from any working folder.
[[nodiscard]] OpenedAlignment open_for_review(const std::filesystem::path& file);

// Writes `updated` to opened.file atomically and returns the file as written, each link at its
// line as a reader of the file finds it (format_alignment_with_lines: not read back). Throws
// ReviewConflict, writing nothing, when the file on disk is no longer opened.text.
[[nodiscard]] OpenedAlignment save_review(const OpenedAlignment& opened, const Alignment& updated);

// ---- The queue

enum class QueueReason {
  drift,           // a reviewed link whose text changed since it was reviewed
  no_fingerprint,  // a reviewed link without fingerprints: later edits would go unnoticed
  kind_mismatch,   // an automatic link of a heading, quotation or list item to another kind
  low_confidence,  // an automatic link the aligner is not sure of
  unlinked,        // a unit in no link
};
enum class UnitLevel { note, paragraph, sentence };

[[nodiscard]] const char* to_string(QueueReason reason) noexcept;  // "drift", "no-fingerprint", …
[[nodiscard]] const char* to_string(UnitLevel level) noexcept;     // "note", "paragraph", …

struct QueueItem {
  QueueReason reason = QueueReason::unlinked;
  UnitLevel level = UnitLevel::paragraph;
  std::vector<std::string> source;  // unit ids
  std::vector<std::string> target;
  std::optional<LinkStatus> status;  // std::nullopt: a unit in no link
  std::optional<double> confidence;
  SourcePosition where;  // the link in the alignment file; an unlinked unit in its document
  // The kind of the block each side's first unit is or is in (a heading, a quotation, a list
  // item, a paragraph); std::nullopt for notes and for an empty side.
  std::optional<BlockKind> source_kind;
  std::optional<BlockKind> target_kind;
  std::string detail;  // for people: "the text of fr:p3 changed", "confidence 0.31"
};

// What needs a person, in this order: drift, no-fingerprint, kind-mismatch (automatic paragraph
// links with a heading, quotation or list item on one side and no block of that kind on the
// other, unless the link accepts structure/kind-mismatch), low-confidence (automatic links with
// confidence below `threshold`, least confident first), unlinked (source units, then target
// units, paragraphs and notes, and sentences of links that have sentence links). A link is listed
// once, under the first reason that holds. Links and units keep file order within a reason.
[[nodiscard]] std::vector<QueueItem> review_queue(const Alignment& alignment,
                                                  const ReviewDocuments& documents,
                                                  double threshold = default_review_threshold);

// The kinds of an item's blocks when one is not a plain paragraph, for people: "heading",
// "heading ↔ paragraph", "list-item"; "" when both sides are paragraphs (or notes).
[[nodiscard]] std::string describe_kinds(const QueueItem& item);

enum class QueueFormat { text, json };

// "text", "json"; std::nullopt for anything else.
[[nodiscard]] std::optional<QueueFormat> parse_queue_format(std::string_view name);

// The queue for people (one line per item, "file:line: reason: level src ↔ tgt [kinds] (status
// confidence): detail", the kinds as describe_kinds gives them when not plain paragraphs, then a
// count) or programs (a JSON array of objects with file, line, level, src, tgt, src_kind,
// tgt_kind, status, confidence, reason, detail; null where there is none).
[[nodiscard]] std::string format_queue(const std::vector<QueueItem>& queue, QueueFormat format);

// ---- Operations

enum class Side { source, target };

// A unit named on the command line or by the page: "p2.s1" is a source unit, "tgt:p2.s1" a target
// unit. Throws ReviewError when it is not a unit id.
struct UnitChoice {
  Side side = Side::source;
  std::string id;

  [[nodiscard]] static UnitChoice parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;
};

// The links holding these units become reviewed, their fingerprints taken from the current texts
// (this is how a drifted link is re-confirmed). A paragraph or note id names its paragraph or note
// link, a sentence id its sentence link.
[[nodiscard]] Alignment accept_links(const Alignment& alignment, const ReviewDocuments& documents,
                                     const std::vector<UnitChoice>& units);

// Every automatic link (paragraph, note or sentence) with confidence >= threshold is accepted.
[[nodiscard]] Alignment accept_above(const Alignment& alignment, const ReviewDocuments& documents,
                                     double threshold);

// A reviewed link between these units, replacing every link it overlaps. Each side is either
// consecutive paragraphs (or notes), or consecutive sentences inside one paragraph or note link;
// either side may be empty (an omission, recorded with `omitted: ""` unless the replaced link
// gave a reason), not both. Sentence links of replaced paragraph links that still fit inside the
// new link are kept.
[[nodiscard]] Alignment set_link(const Alignment& alignment, const ReviewDocuments& documents,
                                 const std::vector<std::string>& source_ids,
                                 const std::vector<std::string>& target_ids);

// The unit alone in a reviewed link with nothing on the other side, and why.
[[nodiscard]] Alignment mark_omission(const Alignment& alignment, const ReviewDocuments& documents,
                                      const UnitChoice& unit, const std::string& reason);

// A reviewer's note on the link holding `unit`; an empty text removes the note.
[[nodiscard]] Alignment attach_note(const Alignment& alignment, const ReviewDocuments& documents,
                                    const UnitChoice& unit, const std::string& text);

// The link holding `unit` and the next link of its level (in the file's order) become one
// reviewed link.
[[nodiscard]] Alignment merge_with_next(const Alignment& alignment,
                                        const ReviewDocuments& documents, const UnitChoice& unit);

// The link holding `unit` becomes two reviewed links: its first source and first target unit, and
// the rest (a side with one unit stays with the first part). A link of one unit per side cannot
// be split.
[[nodiscard]] Alignment split_link(const Alignment& alignment, const ReviewDocuments& documents,
                                   const UnitChoice& unit);

// acknowledge_findings (alinea/check.hpp) on the link named by `link_id` ("p3", "p2+p3",
// "tgt:p5"), once each unit it names is checked against the documents: an unknown id is refused
// with the closest one suggested, as the other operations do.
[[nodiscard]] Alignment acknowledge_on_link(const Alignment& alignment,
                                            const ReviewDocuments& documents,
                                            const std::string& link_id,
                                            const std::vector<std::string>& rules,
                                            const std::string& reason);

// ---- One change, as `alinea review` asks for it

struct AcceptUnits {  // accept_links
  std::vector<UnitChoice> units;
};
struct AcceptAbove {  // accept_above
  double threshold = default_review_threshold;
};
struct LinkByHand {  // set_link
  std::vector<std::string> source;
  std::vector<std::string> target;
};
struct NoteOnLink {  // attach_note
  UnitChoice unit;
  std::string text;
};
struct AcknowledgeOnLink {  // acknowledge_on_link
  std::string link_id;
  std::vector<std::string> rules;
  std::string reason;
};
using ReviewChange =
    std::variant<AcceptUnits, AcceptAbove, LinkByHand, NoteOnLink, AcknowledgeOnLink>;

// What a change did to a file, for the person who asked.
struct ReviewOutcome {
  OpenedAlignment saved;          // the file as written (as read, when nothing changed)
  std::string description;        // "accepted the links of 2 units", "linked p3 ↔ ∅"
  std::size_t left_in_queue = 0;  // review_queue(saved, threshold).size()
};

// `change` made to the alignment opened and saved (save_review: ReviewConflict, writing
// nothing, when the file changed meanwhile, its message giving back the text of a note so that
// what the person typed is not lost); the queue left is counted at `threshold`.
[[nodiscard]] ReviewOutcome review_and_save(const OpenedAlignment& opened,
                                            const ReviewChange& change,
                                            double threshold = default_review_threshold);

// ---- The review page: `alinea review FILE --serve` — an alignment reviewed in the browser, by
// keyboard, each change made by the review operations above and saved at once.
//
// The server listens on 127.0.0.1 only and trusts no request without the random token of the URL
// it gives (a change also needs it in a header, so a link or form on another page cannot make
// one), nor one whose Host is not 127.0.0.1:PORT or localhost:PORT (DNS rebinding). See
// docs/REVIEW.md, "The review page".

// The server cannot start as asked: an address other than the loopback one, a port in use.
class ServeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ServeOptions {
  std::string address = "127.0.0.1";            // the only one accepted ("localhost" means it too)
  unsigned short port = 0;                      // 0: a free port the system picks
  double threshold = default_review_threshold;  // for the queue, as review_queue()
};

class ReviewServer {
 public:
  // Reads the alignment and its documents (errors as open_for_review) and starts listening.
  ReviewServer(const std::filesystem::path& file, const ServeOptions& options);
  ~ReviewServer();
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  // "http://127.0.0.1:PORT/?token=…": the page, for the person who started the server.
  [[nodiscard]] std::string url() const;
  [[nodiscard]] unsigned short port() const;
  // Serves until stop() is called from another thread (or the process ends).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alinea
