// Showing an alignment: the source and its translation side by side in a terminal, a web page or
// Markdown, and the aligned pairs as translation memory (TMX 1.4b), tab-separated text or the
// line-aligned files that machine translation training reads.
//
// Rendering works in two steps: build_side_by_side() turns an alignment and its two documents
// into rows in reading order (a format-neutral view, with unlinked units, changed texts and
// missing units already worked out), then one render_* function per format writes that view.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/document.hpp"

namespace alinea {

enum class ShowLevel { paragraph, sentence };

// A stretch of shown text: plain text (Markdown resolved), or a reference to a note.
struct ShownSpan {
  std::string text;         // plain text; empty for a note reference
  std::string note_label;   // the label of a note reference ("1" for [^1]); empty for text
  std::string note_anchor;  // anchor of the row showing that note; empty when it has none
};

// One unit (paragraph, note or sentence) of one side of a row.
struct ShownUnit {
  std::string id;  // "p3", "n1", "p3.s2"
  std::vector<ShownSpan> spans;
  bool missing = false;  // the alignment names a unit the document does not have
  // The block the unit is or is a sentence of: formats show a heading, a quotation or a list
  // item as such. Notes and missing units are paragraphs.
  BlockKind block = BlockKind::paragraph;
  int level = 0;            // the heading's level or the list item's depth (Paragraph::level)
  bool opens_block = true;  // the whole block, or its first sentence: where its marker goes
  std::string marker = {};  // the list item's marker (Paragraph::marker)
};

struct ShownSide {
  std::vector<ShownUnit> units;  // empty: nothing on this side
  bool changed = false;  // the text differs from the fingerprint taken when the link was made
};

// A row: a link, or a unit no link mentions (status empty, one side empty).
struct ShownRow {
  enum class Kind { paragraph, note };
  Kind kind = Kind::paragraph;
  std::string anchor;  // unique in the view, usable as an HTML id: "p2+p3", "to-p5", "p2.s1"
  ShownSide source;
  ShownSide target;
  std::optional<LinkStatus> status;  // std::nullopt: not linked
  std::optional<double> confidence;
  std::optional<std::string> omitted;  // a deliberate gap and its reason
  std::optional<std::string> note;     // a reviewer's remark
  // Sentence rows inside a paragraph or note row: its sentence links and the sentences of its
  // units that no sentence link mentions, in reading order. Empty when it has no sentence links.
  std::vector<ShownRow> sentences;

  [[nodiscard]] bool linked() const noexcept { return status.has_value(); }
  [[nodiscard]] bool changed() const noexcept { return source.changed || target.changed; }
};

struct SideBySide {
  DocumentRef source;  // path and language, as the alignment names them
  DocumentRef target;
  std::string source_title;  // the documents' titles, "" when they have none
  std::string target_title;
  // Paragraph rows in source order, each followed by the rows of the notes it refers to; notes
  // no paragraph refers to come last.
  std::vector<ShownRow> rows;
  std::size_t changed_links = 0;  // links whose text changed since they were made
  std::size_t missing_units = 0;  // unit ids the documents do not have
};

// The view of an alignment. The documents should be segmented (segment_document) for sentence
// rows to carry text; ids the documents lack are shown as missing, never an error.
[[nodiscard]] SideBySide build_side_by_side(const Alignment& alignment, const Document& source,
                                            const Document& target);

// Two columns for a terminal. Every line is at most `width` display columns (colour escapes
// aside); widths below minimum_terminal_width are refused with std::invalid_argument.
struct TerminalOptions {
  std::size_t width = 80;
  ShowLevel level = ShowLevel::paragraph;
  bool colour = false;  // ANSI colours; the caller decides (a terminal, and NO_COLOR unset)
};
inline constexpr std::size_t minimum_terminal_width = 20;
[[nodiscard]] std::string render_terminal(const SideBySide& view, const TerminalOptions& options);

// One standalone HTML page: no script, no network access, readable on a phone and printable.
// Paragraph rows always carry their sentence links; `level` is shown in the header only.
[[nodiscard]] std::string render_html(const SideBySide& view, ShowLevel level);

// A Markdown pipe table, one row per link.
[[nodiscard]] std::string render_markdown(const SideBySide& view, ShowLevel level);

// Which links an export takes. A reviewed link is certain; an automatic one passes
// min_confidence only with a confidence at least that high (one without a confidence does not
// pass a minimum above 0).
struct ExportFilter {
  bool reviewed_only = false;
  double min_confidence = 0.0;
  [[nodiscard]] bool admits(const ShownRow& row) const noexcept;
};

// TMX 1.4b: one <tu> per link with text on both sides (an n:m link is one unit whose segments
// join its sentences), its status and confidence in <prop>s. Links with an empty side are left
// out: a memory cannot use them.
[[nodiscard]] std::string render_tmx(const SideBySide& view, ShowLevel level,
                                     const ExportFilter& filter = {});

// One line per link: source text, a tab, target text. Backslash, tab, newline and carriage
// return in the text are written \\, \t, \n and \r. Links with an empty side are kept.
[[nodiscard]] std::string render_tsv(const SideBySide& view, ShowLevel level,
                                     const ExportFilter& filter = {});

// Two line-aligned texts for machine translation training (Moses format): line i of `source`
// translates to line i of `target`. Links with an empty side are left out.
struct ParallelText {
  std::string source;
  std::string target;
};
[[nodiscard]] ParallelText render_moses(const SideBySide& view, ShowLevel level,
                                        const ExportFilter& filter = {});

// ---- What `alinea show` writes

enum class ShowFormat { term, html, markdown, tmx, tsv, moses };

// "term", "html", "markdown", "tmx", "tsv", "moses"; "paragraph", "sentence"; else std::nullopt.
[[nodiscard]] std::optional<ShowFormat> parse_show_format(std::string_view name);
[[nodiscard]] std::optional<ShowLevel> parse_show_level(std::string_view name);

struct ShowOptions {
  ShowFormat format = ShowFormat::term;
  ShowLevel level = ShowLevel::paragraph;
  std::size_t width = 80;  // term: columns
  bool colour = false;     // term: ANSI colours
  ExportFilter filter;     // tmx, tsv, moses: which links
};

struct ShownFile {
  std::string path;  // the output named, or for moses PREFIX.<lang>
  std::string text;
};

// The alignment as `options.format` has it, in the files it goes to: `output` ("-" for standard
// output), or for moses the two files PREFIX.<source lang> and PREFIX.<target lang> of the prefix
// `output` — InputError at the target's language when both documents have the same one.
[[nodiscard]] std::vector<ShownFile> render_show(const Alignment& alignment, const Document& source,
                                                 const Document& target, const ShowOptions& options,
                                                 const std::string& output);

// ---- Documents for people and programs (`alinea inspect`)

// {"id","lang","meta":{…},"paragraphs":[{"id","text","notes":[…],"sentences":[…]}],"notes":[…]}
// `sentences` appear when the document has been segmented. Ends with a newline.
[[nodiscard]] std::string document_to_json(const Document& document);

// A human-readable outline: front matter, then each paragraph and note with its id.
[[nodiscard]] std::string document_to_text(const Document& document);

}  // namespace alinea
