// Turning text that people have (PDF extractions, plain text, Markdown) into corpus documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/document.hpp"
#include "alinea/language.hpp"

namespace alinea {

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
