// The document model: one text in one language, as paragraphs and notes. Headings, the paragraphs
// of block quotations and list items are paragraphs of another kind: the same alignable units,
// numbered in the same sequence.
//
// Text is kept as the inline Markdown of the corpus file, note references `[^label]` included,
// so that writing a document back reproduces what a person typed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/base.hpp"

namespace alinea {

// Where a line of the file starts within a paragraph's or note's joined text: `offset` bytes into
// the text, at `line` and `column` (1-based, in characters) of the file. Findings about a unit's
// text point at the document line with these (unit_position).
struct TextLine {
  std::size_t offset = 0;
  std::size_t line = 0;
  std::size_t column = 0;
};

// What a block of the body is (docs/FORMAT.md, "Body"). The kind is not part of the id, so that
// turning a paragraph into a list item by hand keeps its links.
enum class BlockKind {
  paragraph,
  heading,    // `# …` to `###### …`; `level` 1–6
  quote,      // a paragraph of a block quotation `> …`
  list_item,  // `- …`, `* …`, `+ …`, `1. …`, `1) …`; `level` the nesting depth from 1
};

// "paragraph", "heading", "quote", "list-item".
[[nodiscard]] std::string_view block_kind_name(BlockKind kind);

// How a block's kind reads before its text, as Markdown marks it: "## " for a heading of level 2,
// "> " for a quotation, the marker and a space for a list item ("1. "), "" otherwise. Nesting
// is the caller's to show.
[[nodiscard]] std::string block_marker(BlockKind kind, int level, std::string_view marker);

// A block of the body: a paragraph, a heading, a paragraph of a block quotation or a list item.
// Ids are positional over all blocks: p1 … pN.
struct Paragraph {
  std::string id;
  std::string text;                    // without its block marker (`# `, `> `, `- `)
  std::vector<std::string> note_ids;   // notes referenced from this paragraph, in order
  std::vector<std::string> sentences;  // filled by segment_document(); empty until then
  std::size_t line = 0;                // where it starts in the file, 1-based; 0 if unknown
  std::vector<TextLine> lines = {};    // the file lines its text comes from; empty if unknown
  BlockKind kind = BlockKind::paragraph;
  // A heading's level (1–6) or a list item's nesting depth (1 for a top-level item); else 0.
  int level = 0;
  // A list item's marker as written: "-", "*", "+", "3.", "2)". Empty for a further paragraph
  // of the item above it (indented under it in the file), and for other kinds.
  std::string marker = {};
};

// A note (footnote or endnote). Its id comes from its label: [^1] → n1.
struct Note {
  std::string id;
  std::string label;
  std::string text;
  std::vector<std::string> sentences;
  std::size_t line = 0;
  std::vector<TextLine> lines = {};  // the text's file lines (after "[^label]: " on the first)
};

struct Document {
  std::string path;  // the file it was read from, for messages; empty for documents built in code
  std::string id;    // the work id, shared by all languages of a work
  std::string lang;  // BCP 47 language tag
  Value meta;        // the whole front matter, in file order (id and lang included)
  std::vector<Paragraph> paragraphs;
  std::vector<Note> notes;

  [[nodiscard]] const Paragraph* find_paragraph(std::string_view id) const;
  [[nodiscard]] const Note* find_note(std::string_view id) const;
  // A front matter field as text, or "" when absent or not a scalar.
  [[nodiscard]] std::string meta_text(std::string_view key) const;
};

// The id a note gets from its label: "n" + label when the label is made of ASCII letters, digits,
// '-' or '_'; otherwise std::nullopt (such labels are refused by the reader).
[[nodiscard]] std::optional<std::string> note_id_for_label(std::string_view label);

// What a unit of a document is: a paragraph, a note, or a sentence of one of them.
struct UnitRef {
  enum class Kind { paragraph, note };
  Kind kind = Kind::paragraph;
  std::string block_id;                 // "p3" or "n4"
  std::optional<std::size_t> sentence;  // 1-based sentence number: "p3.s2" → 2

  [[nodiscard]] std::string to_string() const;
  // Parses "p3", "n4", "p3.s2", "n1.s1"; std::nullopt when malformed.
  [[nodiscard]] static std::optional<UnitRef> parse(std::string_view text);
};

// The text of a unit, or std::nullopt when the document has no such unit. Sentence units need
// the document to be segmented.
[[nodiscard]] std::optional<std::string_view> unit_text(const Document& document,
                                                        const UnitRef& unit);

// The same once the paragraph or note is found (callers with their own index use this): the
// block's text, or its sentence `unit.sentence`; std::nullopt when `block` is null or has no
// such sentence.
template <typename Block>
[[nodiscard]] std::optional<std::string_view> unit_text_of(const Block* block,
                                                           const UnitRef& unit) {
  if (block == nullptr) return std::nullopt;
  if (!unit.sentence) return std::string_view(block->text);
  if (*unit.sentence == 0 || *unit.sentence > block->sentences.size()) return std::nullopt;
  return std::string_view(block->sentences[*unit.sentence - 1]);
}

// Where a unit's text starts in the document's file: {document.path, line, column}, 1-based,
// columns in characters; line and column 0 when the document was not read from a file or has no
// such unit. Sentence units need the document to be segmented.
[[nodiscard]] SourcePosition unit_position(const Document& document, const UnitRef& unit);
// The same once the paragraph or note is found (callers with their own index use this).
[[nodiscard]] SourcePosition unit_position_of(const Document& document, const Paragraph* block,
                                              const UnitRef& unit);
[[nodiscard]] SourcePosition unit_position_of(const Document& document, const Note* block,
                                              const UnitRef& unit);

// A short, stable fingerprint of a text: 8 hex digits of a 64-bit FNV-1a hash of its NFC form
// with runs of white space folded to one space and the ends trimmed. Used to notice that a
// linked text changed after the link was made.
[[nodiscard]] std::string text_fingerprint(std::string_view text);

// The labels of the note references `[^label]` in a text, in order.
[[nodiscard]] std::vector<std::string> note_references(std::string_view text);

// Inline Markdown as the reader sees it: backslash escapes resolved, emphasis markers and note
// references removed. For measuring and comparing text, never for writing it back.
[[nodiscard]] std::string plain_text(std::string_view inline_markdown);

// Escapes plain text so that Markdown reads it back as the same characters (used by importers).
// Note references `[^label]` already in the text are left as they are.
[[nodiscard]] std::string escape_markdown(std::string_view text);

// Reads a corpus document (YAML front matter + Markdown body). Throws InputError with the line
// and column of what is wrong: invalid UTF-8, unterminated front matter, a reference to an
// undefined note, a duplicate note label, a document with no paragraph.
[[nodiscard]] Document parse_document(std::string_view text, const std::string& path);
[[nodiscard]] Document read_document(const std::filesystem::path& path);

// The document as corpus Markdown: front matter, paragraphs one per line separated by blank
// lines, then the note definitions. parse_document(format_document(d)) == d for text and ids.
[[nodiscard]] std::string format_document(const Document& document);

// ---- Turning text that people have (PDF extractions, plain text, Markdown) into corpus documents.

enum class ImportFormat {
  pdf_text,  // text extracted from a typeset PDF: wrapped lines, page furniture, footnotes
  text,      // plain text: paragraphs separated by blank lines (or line breaks), a notes block
  markdown,  // an alinea/Pandoc Markdown document, normalised
  html,      // a web page: its text, notes, title block; navigation and boilerplate dropped
  pdf,       // a PDF file: its text read page by page in printed order, then as pdf_text
};

// The name --from takes for a format ("pdf-text").
[[nodiscard]] std::string_view format_name(ImportFormat format);

// What kind of input `input` is, from its bytes (a PDF header, HTML tags, front matter with
// footnotes, form feeds, a footnote rule, doubled lines) and then its file name (.pdf, .html,
// .md, .pdf.txt); otherwise plain text. No format for what alinea cannot read (a ZIP archive such
// as .docx, an old Office file, RTF, other binary data). The reason says what was seen.
struct FormatGuess {
  std::optional<ImportFormat> format;
  std::string reason;
};
[[nodiscard]] FormatGuess guess_import_format(std::string_view input, std::string_view file_name);

struct ImportOptions {
  std::string lang;  // BCP 47 tag of the text, required
  std::string id;    // the work id for the front matter; left out when empty
  ImportFormat format = ImportFormat::pdf_text;
  std::string source_name;  // the input's name, for messages
  // Where hunspell dictionaries live (<dir>/<lang>*.dic); used to rejoin words hyphenated at
  // line ends. Without a dictionary, typographic evidence alone decides.
  std::string dictionary_dir = default_dictionary_folder;
  // The source this text translates (a corpus document), for pdf and pdf_text: where the layout
  // cannot tell whether a line ends its paragraph (a full line that ends a sentence, a short one
  // that may end one), the paragraphs are made to follow the source's, aligned by length and
  // note references (docs/IMPORT.md, "Following the source's paragraphs"). Paragraph ends the
  // layout marks (a blank line, an indent) are kept whatever the source says.
  std::optional<Document> paragraphs_like = std::nullopt;
};

// pdf_text: paragraphs rebuilt from wrapped lines, page furniture removed, footnotes collected
// and referenced where their numbers stand in the text, the title block, the opening source
// note and a page-foot address lifted into the front matter (title, author, date, source,
// translator_contact). text: paragraphs separated by blank lines (by line breaks when there is
// none), front matter read, a numbered notes block at the end turned into notes when its numbers
// stand in the text. markdown: read and normalised. html: a web page in any charset it
// declares (UTF-8 otherwise), up to 16 MB; paragraphs, note links and their notes, the title
// block; navigation, layout tables, scripts dropped. pdf: the bytes of a PDF file (up to
// 128 MB), its pages' text read as pdf_text reads an extraction.
// Throws InputError (with line and byte offset) for invalid UTF-8, for input with no text left
// once page furniture is removed, and for a PDF that is not one, damaged, encrypted, without
// pages or without text (saying which).
[[nodiscard]] Document import_document(std::string_view input, const ImportOptions& options);

// The same, with what the importer assumed where the input did not say (text with no blank
// line between paragraphs: which reading was taken), for the user to check.
struct ImportResult {
  Document document;
  std::vector<std::string> warnings;
};
[[nodiscard]] ImportResult import_document_with_warnings(std::string_view input,
                                                         const ImportOptions& options);

}  // namespace alinea
