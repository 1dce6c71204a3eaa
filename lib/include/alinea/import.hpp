// Turning text that people have (PDF extractions, plain text, Markdown) into corpus documents.
#pragma once

#include <string>
#include <string_view>

#include "alinea/document.hpp"

namespace alinea {

enum class ImportFormat {
  pdf_text,  // text extracted from a typeset PDF: wrapped lines, page furniture, footnotes
  text,      // plain text, paragraphs separated by blank lines
  markdown,  // an alinea/Pandoc Markdown document, normalised
};

struct ImportOptions {
  std::string lang;  // BCP 47 tag of the text, required
  ImportFormat format = ImportFormat::pdf_text;
  std::string source_name;  // the input's name, for messages
  // Where hunspell dictionaries live (<dir>/<lang>*.dic); used to rejoin words hyphenated at
  // line ends. Without a dictionary, typographic evidence alone decides.
  std::string dictionary_dir = "/usr/share/hunspell";
};

// Throws InputError (with line and byte offset) for invalid UTF-8, and for input with no text
// left once page furniture is removed.
[[nodiscard]] Document import_document(std::string_view input, const ImportOptions& options);

}  // namespace alinea
