// Any bytes as a PDF file: a document or an InputError, never a crash or a hang.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alinea/document.hpp"
#include "alinea/error.hpp"
#include "alinea/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view pdf(reinterpret_cast<const char*>(data), size);
  alinea::ImportOptions options;
  options.lang = "es";
  options.format = alinea::ImportFormat::pdf;
  options.source_name = "fuzz.pdf";
  options.dictionary_dir = "";
  alinea::Document document;
  try {
    document = alinea::import_document(pdf, options);
  } catch (const alinea::InputError&) {
    return 0;
  }
  // What the importer writes, the reader reads back the same: escaping is complete.
  const std::string written = alinea::format_document(document);
  if (alinea::format_document(alinea::parse_document(written, "fuzz.md")) != written) {
    std::abort();
  }
  return 0;
}
