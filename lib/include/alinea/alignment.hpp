// The alignment model: which units of a source document correspond to which units of its
// translation, how sure we are, and what a person has reviewed. Stored as YAML (see
// docs/FORMAT.md, "Alignment files"); alignment_io.hpp reads and writes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "alinea/diagnostic.hpp"
#include "alinea/document.hpp"
#include "alinea/value.hpp"

namespace alinea {

enum class LinkStatus {
  automatic,  // proposed by the aligner; written "auto"
  reviewed,   // confirmed by a person; never changed by a command
};

// One bead: source units ↔ target units. Either side may be empty (an omission or an addition).
struct Link {
  std::vector<std::string> source;  // unit ids: "p3", "n1", "p3.s2"
  std::vector<std::string> target;
  LinkStatus status = LinkStatus::automatic;
  std::optional<double> confidence;  // 0..1, for automatic links
  // Fingerprints (text_fingerprint) of the linked source and target texts, each side's units
  // joined by a space, taken when the link was made; empty when unknown.
  std::string source_fingerprint;
  std::string target_fingerprint;
  std::optional<std::string> omitted;  // a deliberate gap and its reason (one side empty)
  std::optional<std::string> note;     // a reviewer's remark
  // Findings a person looked at and accepted on this link: rule ids ("qa/note-mismatch") and
  // why ("translator's note, intended"). alinea check reports them as acknowledged.
  std::vector<std::string> accepted = {};
  std::optional<std::string> accept_reason = {};
  std::vector<Link> sentences;  // for paragraph and note links: sentence links inside
  std::size_t line = 0;         // where the link stands in the file; 0 if built in code
  std::size_t column = 0;
};

// "p2,p3 ↔ p2" (∅ for an empty side), for messages.
[[nodiscard]] std::string describe(const Link& link);

struct DocumentRef {
  // Relative to the folder of the alignment file's repository (the nearest folder at or above the
  // file that holds alinea.yaml), else to the file's own folder: see alinea/corpus.hpp.
  std::string path;
  std::string lang;
  std::size_t line = 0;  // where the path is written; 0 if built in code
  std::size_t column = 0;
};

struct Alignment {
  std::string path;  // the file it was read from, for messages
  DocumentRef source;
  DocumentRef target;
  std::vector<Link> notes;       // note links, in source order
  std::vector<Link> paragraphs;  // paragraph links, in source order, each with its sentences
  Value extra;                   // top-level keys alinea does not know, kept on rewrite
};

[[nodiscard]] const char* to_string(LinkStatus status) noexcept;  // "auto" / "reviewed"

// The text of one side of a link: its units' texts joined by a space (units the document lacks
// are left out).
[[nodiscard]] std::string linked_text(const Document& document,
                                      const std::vector<std::string>& ids);

// The fingerprint alignment files record for one side of a link (text_fingerprint of its
// linked_text); "" for a side without units.
[[nodiscard]] std::string side_fingerprint(const Document& document,
                                           const std::vector<std::string>& ids);

// Whether a person made or annotated the link: reviewed, or carrying an omission reason, a
// note or accepted findings. Commands never change or drop such links; realigning keeps them as
// fixed anchors.
[[nodiscard]] bool is_hand_made(const Link& link) noexcept;

// What stops an earlier alignment from anchoring a new one: hand-made links naming units the
// documents lack, a unit in two hand-made links, hand-made links that cross each other. Each
// finding points at its link in alignment.path. The documents must be segmented.
[[nodiscard]] Diagnostics anchor_problems(const Alignment& alignment, const Document& source,
                                          const Document& target);

// The hand-made links of `before`, sentence links included, that `after` no longer holds with
// the same units, status, omission and note.
[[nodiscard]] std::vector<const Link*> dropped_hand_made_links(const Alignment& before,
                                                               const Alignment& after);

// The reviewed links, sentence links included, whose recorded fingerprints differ from the
// current text of their units: a person confirmed a text the documents no longer hold (a
// sentence inserted before them shifts every later id). The documents must be segmented.
[[nodiscard]] std::vector<const Link*> reviewed_links_on_changed_text(const Alignment& alignment,
                                                                      const Document& source,
                                                                      const Document& target);

// The paragraphs and notes of either document that no link names, as "fr:p3", "es:n2".
[[nodiscard]] std::vector<std::string> unlinked_units(const Alignment& alignment,
                                                      const Document& source,
                                                      const Document& target);

// Why the alignment no longer describes the documents — a paragraph or note no link covers, a
// link to a unit that is gone, a recorded fingerprint that differs from the current text, a link
// joining two sides without sentence links inside — or
// std::nullopt when it still does. Sentence links count too, so the documents must be segmented.
[[nodiscard]] std::optional<std::string> why_out_of_date(const Alignment& alignment,
                                                         const Document& source,
                                                         const Document& target);

}  // namespace alinea
