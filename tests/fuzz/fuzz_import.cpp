// Any bytes through every importer: a document or an InputError, never a crash or a hang.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alinea/document.hpp"
#include "alinea/error.hpp"
#include "alinea/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto format : {alinea::ImportFormat::pdf_text, alinea::ImportFormat::text,
                            alinea::ImportFormat::markdown}) {
    alinea::ImportOptions options;
    options.lang = "es";
    options.format = format;
    options.source_name = "fuzz.txt";
    options.dictionary_dir = "";  // dictionaries make runs slow and machine-dependent
    alinea::Document document;
    try {
      document = alinea::import_document(text, options);
    } catch (const alinea::InputError&) {
      continue;
    }
    if (format == alinea::ImportFormat::markdown) continue;
    // What the importer writes, the reader reads back the same: escaping is complete.
    const std::string written = alinea::format_document(document);
    if (alinea::format_document(alinea::parse_document(written, "fuzz.md")) != written) {
      std::abort();
    }
  }
  return 0;
}
