// The edition a corpus translates: where each document comes from (its structured source
// reference, `source_ref`), the catalogues of an edition's volumes (`editions/<id>.yaml`), and how
// much of each volume is translated, aligned and reviewed. Formats in docs/FORMAT.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/coverage.hpp"
#include "alinea/diagnostic.hpp"
#include "alinea/document.hpp"
#include "alinea/manifest.hpp"
#include "alinea/value.hpp"

namespace alinea {

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
