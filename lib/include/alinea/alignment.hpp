// Alignments and where they live: the alignment model (which units of a source document
// correspond to which units of its translation, how sure we are, what a person reviewed), its
// YAML file (docs/FORMAT.md, "Alignment files"), the corpus manifest alinea.yaml, and the one
// loader of an alignment file with the two documents it names.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/base.hpp"
#include "alinea/document.hpp"

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
  // file that holds alinea.yaml), else to the file's own folder: see document_base_of below.
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

// ---- Reading and writing alignment files.

struct AlignmentReadResult {
  Alignment alignment;      // what could be read; partial when there are errors
  Diagnostics diagnostics;  // schema findings: unknown keys (with "did you mean"), wrong types,
                            // missing fields, malformed ids — each with file:line:col
};

// Reads leniently, collecting every schema problem as a diagnostic (what `alinea check` uses).
// Throws InputError only when the text is not YAML at all (syntax, UTF-8, depth, aliases).
[[nodiscard]] AlignmentReadResult parse_alignment(std::string_view text, const std::string& path);

// Reads strictly: the first schema error becomes an InputError naming its line.
[[nodiscard]] Alignment read_alignment(const std::filesystem::path& path);

// The alignment as YAML: one link per line, sentence links under their paragraph link, reviewer
// notes and omissions kept. parse_alignment(format_alignment(a)) reproduces a.
[[nodiscard]] std::string format_alignment(const Alignment& alignment);

// The text of format_alignment, and the alignment as a reader of that text gets it: each link with
// its line and column (the document paths too), confidences at the two decimals written. Saves
// reading the text back.
struct WrittenAlignment {
  std::string text;
  Alignment alignment;
};
[[nodiscard]] WrittenAlignment format_alignment_with_lines(Alignment alignment);

// ---- The corpus manifest, alinea.yaml at the repository root: the works, their documents by
// language, and the alignment files between them.

struct ManifestAlignment {
  std::string source_lang;
  std::string target_lang;
  std::string file;  // relative to the root
  std::size_t line = 0;
};

struct ManifestDocument {
  std::string lang;
  std::string file;  // relative to the root
  std::size_t line = 0;
};

struct ManifestWork {
  std::string id;
  std::vector<ManifestDocument> documents;
  std::vector<ManifestAlignment> alignments;
  Value settings;  // per-work `check:` settings, a mapping or null
  std::size_t line = 0;

  [[nodiscard]] const ManifestDocument* document(std::string_view lang) const;
};

// What alinea.yaml's `align:` mapping asks of the alignment of every pair (docs/FORMAT.md), so
// that everyone who aligns the repository's pairs gets the same links.
struct AlignSettings {
  // `freedict: true` or a folder: FreeDict's dictionary of each pair's languages, from Debian's
  // folder (`freedict_folder` empty) or that folder, taught to the aligner.
  bool freedict = false;
  std::string freedict_folder;
  std::size_t line = 0;  // where `align:` is written; 0 when absent
};

struct Manifest {
  std::filesystem::path root;  // the folder that holds alinea.yaml
  std::string path;            // alinea.yaml's path, for messages
  std::vector<ManifestWork> works;
  Value settings;  // top-level `check:` settings, a mapping or null
  AlignSettings align;
};

struct ManifestReadResult {
  Manifest manifest;
  Diagnostics diagnostics;  // schema findings with line and column
};

inline constexpr const char* manifest_file_name = "alinea.yaml";

// The nearest folder at or above `start` that holds alinea.yaml; std::nullopt when none does.
[[nodiscard]] std::optional<std::filesystem::path> find_repository_root(
    const std::filesystem::path& start);

// Throws InputError when the file is not YAML, FileError when it cannot be read.
[[nodiscard]] ManifestReadResult read_manifest(const std::filesystem::path& root);

// A repository-relative path (from the manifest or an alignment file) resolved inside `root`;
// std::nullopt when it is absolute, empty, leaves the root through ".." or a symbolic link, or
// cannot be resolved (a symbolic link loop). The file need not exist.
[[nodiscard]] std::optional<std::filesystem::path> resolve_in_repository(
    const std::filesystem::path& root, std::string_view relative);

// ---- Where the document paths of an alignment file lead
//
// Relative to its repository (the nearest folder at or above the file that holds alinea.yaml) or,
// outside any repository, to the file's own folder; never to the working folder, so what one
// command writes the others read from anywhere.

// The folder the document paths of an alignment file are relative to.
struct DocumentBase {
  std::filesystem::path folder;  // absolute
  // The folder holds alinea.yaml: a path must stay inside it (no "..", no absolute path, no
  // symbolic link out, nothing under .git). Outside a repository the paths are the person's own.
  bool repository = false;
};

// The base of the alignment file `alignment_file` (which need not exist yet).
[[nodiscard]] DocumentBase document_base_of(const std::filesystem::path& alignment_file);

// A document path written in an alignment file, found from `base`; std::nullopt when it is empty,
// or leaves a repository base.
[[nodiscard]] std::optional<std::filesystem::path> resolve_document(const DocumentBase& base,
                                                                    std::string_view written);

// How an alignment file with this base names `document`: relative to the base, with '/'.
// std::nullopt when the base is a repository and the document is not inside it.
[[nodiscard]] std::optional<std::string> document_reference(const DocumentBase& base,
                                                            const std::filesystem::path& document);

// ---- An alignment file with the two documents it names: the one loader that check, coverage,
// show, review and align read a pair with. Where its paths lead is document_base_of above.
//
// The paths of an alignment file are relative to its repository — the nearest folder at or above
// the file that holds alinea.yaml — or, outside any repository, to the file's own folder. They
// never depend on the working folder, so what one command writes the others read from anywhere.

// An alignment file read strictly, with its documents read and segmented.
struct LoadedPair {
  std::filesystem::path alignment_file;
  std::string alignment_text;         // as read, to notice a change made on disk meanwhile
  Alignment alignment;                // links carry their line; document references too
  std::filesystem::path source_file;  // the documents as found from the base
  std::filesystem::path target_file;
  Document source;  // `path` names the file as seen from the working folder
  Document target;
};

// Throws FileError when the alignment file cannot be read, and InputError with the file, line and
// column of the first problem: YAML, the schema, a document path that leads out of the repository
// or names no file, a document that is not a document.
[[nodiscard]] LoadedPair load_pair(const std::filesystem::path& alignment_file);

// What a lenient reading may cost: files larger, or with more lines or units, are refused with a
// finding (file/too-large). 0: no limit.
struct PairLimits {
  std::size_t max_file_bytes = 0;
  std::size_t max_lines = 0;
  std::size_t max_units = 0;  // paragraphs, notes and sentences of one document
};

// An alignment file read leniently, for validation: what could not be read is missing and
// `problems` says why (rule ids reference/*, file/*, yaml/syntax, and the reader's schema
// findings).
struct PairReading {
  std::string alignment_text;
  std::optional<Alignment> alignment;
  std::optional<Document> source;
  std::optional<Document> target;
  std::string source_name;  // the documents as findings name them: relative to the root
  std::string target_name;
  Diagnostics problems;
};

// `alignment_path` is relative to `root`, and so are the names in findings. The alignment file
// must be inside `root`; when `root` is a repository (it holds alinea.yaml), so must its
// documents: nothing outside it is read.
[[nodiscard]] PairReading read_pair(const std::filesystem::path& root,
                                    const std::string& alignment_path, const PairLimits& limits);

// ---- What a command may write over: never a file it reads. A report written with `-o` onto the
// manifest, an alignment file or a document would destroy what a person wrote.

// The files a command over the repository at `root` reads: alinea.yaml; the documents and
// alignment files `manifest` lists (when there is one); the catalogues in editions/; the glossary
// (names.yaml) beside each document; the alignment files named on the command line
// (`alignment_files`, relative to `root`) and the documents they name.
[[nodiscard]] std::vector<std::filesystem::path> repository_inputs(
    const std::filesystem::path& root, const Manifest* manifest,
    const std::vector<std::string>& alignment_files);

// Why `output` may not be written, or std::nullopt when it may: it names one of `inputs`, under
// any spelling or through a symbolic link ("-o alinea.yaml would overwrite alinea.yaml, an input
// of this command"), or it is inside a .git folder (in any case, or through a link: git's hooks
// and configuration are never alinea's to write). "-" and "" are standard output and always may
// be written.
[[nodiscard]] std::optional<std::string> refused_output(
    const std::string& output, const std::vector<std::filesystem::path>& inputs);

}  // namespace alinea
