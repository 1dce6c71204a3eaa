// Any bytes as a web page: a document that reads back the same, or an InputError.
#include <cstdint>
#include <string_view>

#include "import_round_trip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::import_and_read_back(std::string_view(reinterpret_cast<const char*>(data), size),
                             alinea::ImportFormat::html, "fuzz.html");
  return 0;
}
