// Importers. PDF-extracted text is the hard case; see docs/IMPORT.md for the method.
#include "alinea/import.hpp"

#include "alinea/error.hpp"
#include "alinea/unicode.hpp"

namespace alinea {

Document import_document(std::string_view input, const ImportOptions& options) {
  if (const auto bad = find_invalid_utf8(input)) {
    throw InputError({options.source_name, bad->line, bad->column},
                     "invalid UTF-8 at byte offset " + std::to_string(bad->byte_offset));
  }
  if (options.format == ImportFormat::markdown) {
    Document document = parse_document(input, options.source_name);
    if (document.lang.empty()) document.lang = options.lang;
    return document;
  }
  throw InputError({options.source_name, 0, 0}, "this import format is not implemented yet");
}

}  // namespace alinea
