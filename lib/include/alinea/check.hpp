// Validation and coverage: `alinea check` (findings as values, and as text, JSON, GitHub
// workflow commands or SARIF), `alinea coverage` (how much of each source is linked), and the
// edition a corpus translates (source references, catalogues, coverage per volume).
// Rules, their ids and their settings are described in docs/CHECK.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/document.hpp"

namespace alinea {

struct RuleInfo {
  std::string_view id;
  Severity severity;  // the default
  std::string_view summary;
};

// Every rule `alinea check` applies, in a stable order (schema findings of the readers excepted).
[[nodiscard]] const std::vector<RuleInfo>& check_rules();

// Thresholds and rule severities, from the `check:` settings of alinea.yaml.
struct CheckSettings {
  // Target length over source length (characters of plain text) outside this range is reported
  // for links whose source has at least min_length_for_ratio characters.
  double min_length_ratio = 0.5;
  double max_length_ratio = 2.0;
  std::size_t min_length_for_ratio = 40;
  // Target identical to source is reported from this many words on (short titles and signatures
  // are legitimately identical).
  std::size_t min_words_identical = 4;
  // Hunspell dictionaries, to tell names from common words capitalised by convention
  // ("Oposición de Izquierda", "l'État"); without them every such word counts as a name.
  std::string dictionaries = default_dictionary_folder;
  // Names a rule cannot guess, each the spellings of one name in any language (Guépéou, GPU):
  // from the work's names.yaml beside its documents. Compared as names are, and without dots and
  // spaces (U. R. S. S. is URSS).
  std::vector<std::vector<std::string>> names;
  // Severity per rule id; std::nullopt turns a rule off. Rules not listed keep their default.
  std::map<std::string, std::optional<Severity>, std::less<>> rules;

  // The severity of a rule under these settings; std::nullopt when it is off.
  [[nodiscard]] std::optional<Severity> severity(std::string_view rule) const;
};

struct SettingsReadResult {
  CheckSettings settings;
  Diagnostics diagnostics;  // unknown keys (with "did you mean"), unknown rules, bad values
};

// `base` with the settings of a `check:` mapping applied over it (null leaves it unchanged).
// `file` names the manifest for the diagnostics.
[[nodiscard]] SettingsReadResult apply_settings(const CheckSettings& base, const Value& settings,
                                                const std::string& file);

// Checks one alignment against its two documents, which must be segmented (segment_document).
// Findings point into alignment.path. Pure: reads no file.
[[nodiscard]] Diagnostics check_alignment(const Alignment& alignment, const Document& source,
                                          const Document& target,
                                          const CheckSettings& settings = {});

// A person accepts the findings of `rules` on one link, for `reason` (a review operation): the
// rules join the link's `accept:` list, once each, and the reason replaces the one it had. The
// link is named by units it holds, as alinea review and show name them: source ids ("p3" names
// the paragraph link holding p3, "p3.s2" the sentence link, "p2+p3" one holding both), or target
// ids after "tgt:" or "to-" ("tgt:p5"). Throws InputError (at the alignment file) for units no
// link holds, a rule alinea check does not have (with the closest one), no rule, or an empty
// reason.
[[nodiscard]] Alignment acknowledge_findings(Alignment alignment, std::string_view link_id,
                                             const std::vector<std::string>& rules,
                                             const std::string& reason);

// The glossary of a names.yaml file (`names:` a list of lists of spellings). Findings about its
// shape point into `file`; a YAML syntax error throws InputError.
struct NamesReadResult {
  std::vector<std::vector<std::string>> names;
  Diagnostics diagnostics;
};
[[nodiscard]] NamesReadResult parse_names(std::string_view text, const std::string& file);

// Reads an alignment file and its documents from the repository at `root`, then checks it.
// Everything wrong, unreadable files included, comes back as findings; paths in findings are
// relative to the root. `manifest_pair` (source and target paths the manifest lists) adds a
// check that the alignment file names the same documents.
struct ExpectedDocuments {
  std::string source_path;
  std::string target_path;
};
[[nodiscard]] Diagnostics check_alignment_file(
    const std::filesystem::path& root, const std::string& alignment_path,
    const CheckSettings& settings = {},
    const std::optional<ExpectedDocuments>& expected = std::nullopt);

// One alignment file to check, with its settings and what the manifest says of it.
struct CheckTask {
  std::string alignment_path;  // relative to the root
  CheckSettings settings;
  std::optional<ExpectedDocuments> expected;
};

// Checks the files on `jobs` threads (0: one per hardware thread). Sorted.
[[nodiscard]] Diagnostics check_files(const std::filesystem::path& root,
                                      const std::vector<CheckTask>& tasks, unsigned jobs = 0);

// Checks the alignment files named (relative to `root`), each with the settings and expected
// documents the manifest (when there is one) gives it if it lists it, defaults otherwise; the
// settings' findings once each. On `jobs` threads (0: one per hardware thread). Sorted.
[[nodiscard]] Diagnostics check_named_files(const std::filesystem::path& root,
                                            const std::vector<std::string>& files,
                                            const std::optional<ManifestReadResult>& manifest,
                                            unsigned jobs = 0);

// Checks the manifest and every alignment file it lists (manifest findings included), with the
// top-level and per-work settings, on `jobs` threads (0: one per hardware thread). Sorted. The
// edition's rules come on top: check_corpus (below) is the whole of `alinea check`.
[[nodiscard]] Diagnostics check_repository(const ManifestReadResult& manifest, unsigned jobs = 0);

// ---- `alinea coverage`: how much of each source is linked to its translation, and where the holes
// are, per document pair and for the whole corpus.

struct CoverageCount {
  std::size_t linked = 0;
  std::size_t total = 0;
  // linked / total; 1 when there is nothing to link.
  [[nodiscard]] double share() const noexcept;
  CoverageCount& operator+=(const CoverageCount& other) noexcept;
};

// Consecutive units of one side that no link covers and no omission explains.
struct CoverageGap {
  std::string file;                // the document
  std::string side;                // "source" or "target"
  std::vector<std::string> units;  // "fr:p4", "fr:p5"
  std::size_t line = 0;            // where the first unit starts in the document
  std::string excerpt;             // the beginning of the first unit's text
};

struct PairCoverage {
  std::string alignment;  // the alignment file, or "" for the corpus total
  std::string source_path;
  std::string target_path;
  std::string source_lang;
  std::string target_lang;
  // Source units linked to something on the target side. Omitted units count as not linked;
  // `omitted` tells how many have a recorded reason: paragraphs and notes, and sentences
  // omitted inside a linked paragraph or note (a sentence link with an empty target side).
  CoverageCount paragraphs;
  // `paragraphs` by the kind of block: plain paragraphs, headings, quotations, list items (a kind
  // the source lacks is absent).
  std::map<BlockKind, CoverageCount> paragraph_kinds;
  CoverageCount notes;
  CoverageCount sentences;   // linked by a sentence link
  CoverageCount characters;  // of the plain text of linked paragraphs and notes
  std::size_t omitted = 0;
  std::size_t links = 0;  // paragraph, note and sentence links
  std::size_t reviewed_links = 0;
  std::size_t acknowledged = 0;  // findings accepted by a person (a link's accept: rule ids)
  std::vector<CoverageGap> gaps;

  PairCoverage& operator+=(const PairCoverage& other);
};

struct CorpusCoverage {
  std::vector<PairCoverage> pairs;
  PairCoverage total;    // sums over the pairs (gaps left out)
  Diagnostics problems;  // files that could not be read or measured
};

// Measures one alignment against its documents, which must be segmented.
[[nodiscard]] PairCoverage measure_coverage(const Alignment& alignment, const Document& source,
                                            const Document& target);

// Reads and measures the given alignment files (paths relative to `root`).
[[nodiscard]] CorpusCoverage measure_files(const std::filesystem::path& root,
                                           const std::vector<std::string>& alignment_paths);
// Reads and measures every alignment the manifest lists; its findings join `problems`.
[[nodiscard]] CorpusCoverage measure_repository(const ManifestReadResult& manifest);

enum class CoverageFormat { text, json, markdown, html };

[[nodiscard]] std::optional<CoverageFormat> parse_coverage_format(std::string_view name);
[[nodiscard]] std::string format_coverage(const CorpusCoverage& coverage, CoverageFormat format);

// ---- Findings as text for people and machines: GNU-style lines, JSON, GitHub workflow commands
// and SARIF 2.1.0. Every format lists the findings sorted, so that CI logs diff cleanly.

enum class ReportFormat { text, json, github, sarif };

// "text", "json", "github", "sarif"; std::nullopt for anything else.
[[nodiscard]] std::optional<ReportFormat> parse_report_format(std::string_view name);

// `file:line:col: severity: message [rule] (units)` per line, then a summary line.
[[nodiscard]] std::string format_text_report(const Diagnostics& diagnostics);
[[nodiscard]] std::string format_json_report(const Diagnostics& diagnostics);
// `::error file=…,line=…,col=…,title=rule::message`, one per line, escaped as GitHub requires.
[[nodiscard]] std::string format_github_report(const Diagnostics& diagnostics);
// A SARIF 2.1.0 log with one run and one result per finding.
[[nodiscard]] std::string format_sarif_report(const Diagnostics& diagnostics);

[[nodiscard]] std::string format_report(const Diagnostics& diagnostics, ReportFormat format);

// ---- The edition a corpus translates: where each document comes from (its structured source
// reference, `source_ref`), the catalogues of an edition's volumes (`editions/<id>.yaml`), and how
// much of each volume is translated, aligned and reviewed. Formats in docs/FORMAT.md.

// Pages first to last, both included, 1-based.
struct PageRange {
  long long first = 0;
  long long last = 0;

  [[nodiscard]] long long count() const noexcept { return last - first + 1; }
  // "213-215", or "17" for one page.
  [[nodiscard]] std::string to_string() const;
  // "213-215", "213–215", "17"; std::nullopt unless 0 < first <= last.
  [[nodiscard]] static std::optional<PageRange> parse(std::string_view text);
  friend bool operator==(const PageRange&, const PageRange&) = default;
};

// What a document translates or reproduces, as structured data:
// `source_ref: {work: Oeuvres, title: "[Bienvenue à Victor Serge]", volume: 9, pages: 213-215,
// notes: true}`.
struct SourceRef {
  std::string work;                 // the collected works, as the reference names them
  std::string title;                // the title of the text in that edition, when quoted; else ""
  std::optional<long long> volume;  // a positive number
  std::optional<PageRange> pages;
  bool notes = false;  // the editor's notes are translated too

  friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

// Reads a bibliographic note as printed ("… Oeuvres, Tomo 9, …, páginas 213-215; también para las
// notas", "Œuvres, t. IX, pp. 213-215"). std::nullopt unless it names one work and one volume
// unambiguously (and, when it gives pages, a well-formed range): a wrong reference is worse than
// none.
[[nodiscard]] std::optional<SourceRef> lift_source_ref(std::string_view note);

// The front matter value of a reference: a flow mapping on one line.
[[nodiscard]] Value source_ref_value(const SourceRef& ref);

// The front matter with `source_ref` lifted from `source` and placed right after it, when there is
// a `source` to lift from and no `source_ref` yet (one a person wrote is never replaced).
[[nodiscard]] Value with_source_ref(Value meta);

// A document's `source_ref` read from its front matter; findings (rule ids `source-ref/*`) point
// into the document.
struct SourceRefRead {
  std::optional<SourceRef> ref;  // std::nullopt when absent or unusable
  Diagnostics findings;
};
[[nodiscard]] SourceRefRead read_source_ref(const Document& document);

// One text of a volume, as the catalogue lists it.
struct CatalogueText {
  std::string title;
  std::string date;  // ISO 8601: 1936-04-24, 1936-04 or 1936; "" when unknown
  PageRange pages;
  std::size_t line = 0;
  std::size_t column = 0;
};

struct CatalogueVolume {
  long long number = 0;
  long long page_count = 0;
  std::vector<CatalogueText> texts;  // in volume order
  std::size_t line = 0;
  std::size_t column = 0;
};

// editions/<id>.yaml: an edition's volumes and their tables of contents.
struct Catalogue {
  std::string id;                  // the file name without .yaml
  std::string path;                // relative to the repository root, for messages
  std::string title;               // as printed: Œuvres
  std::string lang;                // the language of the edition's texts
  std::vector<std::string> names;  // what source references call it (`work`), title included
  std::vector<CatalogueVolume> volumes;

  [[nodiscard]] const CatalogueVolume* volume(long long number) const;
  // Whether a reference's `work` names this edition (case, accents and œ/oe aside).
  [[nodiscard]] bool is_named(std::string_view work) const;
};

struct CatalogueRead {
  std::optional<Catalogue> catalogue;  // std::nullopt when the file is not YAML or not a mapping
  Diagnostics findings;                // `edition/*` rules, at file:line:col
};

// Parses a catalogue (through the YAML module, bounded like every corpus file). Never throws for
// bad content: everything wrong is a finding.
[[nodiscard]] CatalogueRead parse_catalogue(std::string_view text, const std::string& path);
// Every editions/*.yaml of the repository, in name order.
struct CataloguesRead {
  std::vector<Catalogue> catalogues;
  Diagnostics findings;
};
[[nodiscard]] CataloguesRead read_catalogues(const std::filesystem::path& root);

// The catalogue as YAML, one text per line.
[[nodiscard]] std::string format_catalogue(const Catalogue& catalogue);

// A table of contents as text, one line per text: "title … date … first page", with "Tome 9" (or
// "Tomo", "Volume") lines opening a volume. Dates are ISO or written out in French, Spanish or
// English ("24 avril 1936"). A text ends where the next begins (the page before, or the same page
// when both start on it); the last one at the volume's end. Throws InputError at the line that
// cannot be read.
struct TocOptions {
  std::string id;
  std::string title;
  std::string lang;
  std::optional<long long> volume;      // for a table without volume lines
  std::optional<long long> page_count;  // of that volume; else its last text's first page
  std::string source_name;              // for messages
};
[[nodiscard]] Catalogue catalogue_from_toc(std::string_view toc, const TocOptions& options);

// `alinea check`'s edition rules over the repository: the catalogues' findings, each document's
// `source_ref` (shape, and agreement with the catalogue), and the agreement of a translation's
// reference with the original it is aligned with (title, date, volume, pages).
[[nodiscard]] Diagnostics check_editions(const ManifestReadResult& manifest);

// `alinea check` over a repository: check_repository's findings (alinea/check.hpp) and
// check_editions', sorted.
[[nodiscard]] Diagnostics check_corpus(const ManifestReadResult& manifest, unsigned jobs = 0);

// How far a catalogued (or referenced) text has come.
enum class TextProgress { missing, translated, aligned, reviewed };
[[nodiscard]] const char* to_string(TextProgress progress) noexcept;

struct TextTranslation {
  std::string document;  // the translation's path
  std::string lang;
  std::string alignment;              // "" when not aligned
  std::optional<PairCoverage> links;  // link coverage of that alignment, as `alinea coverage`
  TextProgress progress = TextProgress::translated;
};

struct TextCoverage {
  std::string title;
  std::string date;
  PageRange pages;
  bool catalogued = true;  // false: known only from a document's reference
  std::vector<TextTranslation> translations;
  [[nodiscard]] TextProgress progress() const;
};

struct VolumeCoverage {
  long long number = 0;
  std::optional<long long> page_count;  // from the catalogue
  std::vector<TextCoverage> texts;      // in page order
  // Pages (counted once each) of texts at least translated, aligned, reviewed.
  long long pages_translated = 0;
  long long pages_aligned = 0;
  long long pages_reviewed = 0;
  [[nodiscard]] std::size_t texts_at_least(TextProgress progress) const;
};

struct EditionCoverage {
  std::string id;  // the catalogue id, or the work as references name it
  std::string title;
  std::string catalogue;  // its path; "" when built from references alone
  std::vector<VolumeCoverage> volumes;
};

struct EditionReport {
  std::vector<EditionCoverage> editions;
  Diagnostics problems;
};

// Per edition and volume: which texts have a translation, an alignment, a reviewed alignment
// (every paragraph and note link reviewed). Catalogues come from editions/*.yaml; documents whose
// reference names no catalogue still count, under their work's name.
[[nodiscard]] EditionReport measure_editions(const ManifestReadResult& manifest);

enum class EditionFormat { text, json, markdown, html, svg };
// `show_pages`: the folder (relative to the report) where `alinea show --format html` pages are,
// one per alignment, named after the alignment file (`x.fr-es.yaml` → `x.fr-es.html`).
[[nodiscard]] std::string format_edition_report(const EditionReport& report, EditionFormat format,
                                                std::string_view show_pages = "show");

}  // namespace alinea
