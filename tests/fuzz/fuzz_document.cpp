// Any bytes: parse_document returns a document that writes and reads back the same, or throws
// InputError.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alinea/document.hpp"
#include "alinea/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const alinea::Document document = alinea::parse_document(text, "fuzz.md");
    (void)alinea::format_document(document);
  } catch (const alinea::InputError&) {
  }
  return 0;
}
