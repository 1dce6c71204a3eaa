// Any bytes through the text importers: a document that reads back the same, or an InputError;
// as Markdown (kept as the person wrote it, so not rewritten), a document or an InputError.
#include <cstdint>
#include <string_view>

#include "import_round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::import_and_read_back(text, alinea::ImportFormat::pdf_text, "fuzz.txt");
  // The same extraction following a source's paragraphs (one short, one long with a note).
  static const alinea::Document source = alinea::parse_document(
      "---\nlang: fr\n---\n\nUne phrase.\n\nUn paragraphe plus long, avec une note[^1], qui "
      "dit davantage. Et encore une phrase.\n\nFin.\n\n[^1]: La note.\n",
      "source.md");
  fuzz::import_and_read_back(text, alinea::ImportFormat::pdf_text, "fuzz.txt", &source);
  fuzz::import_and_read_back(text, alinea::ImportFormat::text, "fuzz.txt");
  alinea::ImportOptions options;
  options.lang = "es";
  options.format = alinea::ImportFormat::markdown;
  options.source_name = "fuzz.md";
  try {
    (void)alinea::import_document(text, options);
  } catch (const alinea::InputError&) {
  }
  return 0;
}
