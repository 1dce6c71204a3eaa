// Any bytes as an edition catalogue, a table of contents, a bibliographic note and a document's
// source_ref: findings or InputError, never a crash or a hang; what is read is written back and
// read again the same.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/base.hpp"
#include "alinea/check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const alinea::CatalogueRead read = alinea::parse_catalogue(text, "editions/fuzz.yaml");
  if (read.catalogue && read.findings.empty()) {
    const std::string written = alinea::format_catalogue(*read.catalogue);
    const alinea::CatalogueRead again = alinea::parse_catalogue(written, "editions/fuzz.yaml");
    if (!again.catalogue || alinea::format_catalogue(*again.catalogue) != written) std::abort();
  }
  try {
    alinea::TocOptions options;
    options.title = "Œuvres";
    options.lang = "fr";
    options.source_name = "toc.txt";
    const alinea::Catalogue catalogue = alinea::catalogue_from_toc(text, options);
    const alinea::CatalogueRead back =
        alinea::parse_catalogue(alinea::format_catalogue(catalogue), "editions/toc.yaml");
    if (!back.catalogue) std::abort();
  } catch (const alinea::InputError&) {
  }
  if (const auto ref = alinea::lift_source_ref(text)) {
    if (ref->work.empty() || !ref->volume || *ref->volume <= 0) std::abort();
    if (ref->pages && (ref->pages->first <= 0 || ref->pages->last < ref->pages->first)) {
      std::abort();
    }
  }
  try {
    const alinea::Document document =
        alinea::parse_document("---\nsource_ref: " + std::string(text) + "\n---\n\nT.\n", "d.md");
    (void)alinea::read_source_ref(document);
  } catch (const alinea::InputError&) {
  }
  return 0;
}
