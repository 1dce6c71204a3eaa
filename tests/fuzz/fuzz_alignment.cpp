// Any bytes: parse_alignment returns findings or throws InputError; a file read without errors
// writes back to a text that reads again without errors and writes back identically.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const alinea::AlignmentReadResult result = alinea::parse_alignment(text, "fuzz.yaml");
    const std::string written = alinea::format_alignment(result.alignment);
    if (alinea::has_errors(result.diagnostics)) return 0;
    const alinea::AlignmentReadResult again = alinea::parse_alignment(written, "again.yaml");
    if (alinea::has_errors(again.diagnostics)) std::abort();
    if (alinea::format_alignment(again.alignment) != written) std::abort();
  } catch (const alinea::InputError&) {
  }
  return 0;
}
