// Any bytes through every importer: a document or an InputError, never a crash or a hang.
#include <cstdint>
#include <string_view>

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
    try {
      (void)alinea::import_document(text, options);
    } catch (const alinea::InputError&) {
    }
  }
  return 0;
}
