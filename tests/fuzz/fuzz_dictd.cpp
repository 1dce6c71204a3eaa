// Any bytes as a dictd dictionary: the part before the first NUL byte as the index, the rest as
// the dictionary text, also tried as gzip; every entry read as a FreeDict definition. Each reader
// returns entries or throws InputError, never crashes, hangs or over-allocates.
#include <cstdint>
#include <string>
#include <string_view>

#include "alinea/base.hpp"
#include "text/dictd.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t split = text.find('\0');
  const std::string_view index = text.substr(0, split);
  const std::string_view dictionary =
      split == std::string_view::npos ? std::string_view() : text.substr(split + 1);
  try {
    for (const alinea::DictdEntry& entry : alinea::parse_dictd(index, dictionary, "fuzz.index")) {
      (void)alinea::freedict_translations(entry.definition);
      (void)alinea::freedict_headword(entry.definition);
    }
  } catch (const alinea::InputError&) {
  }
  try {
    const std::string unpacked = alinea::gunzip(dictionary, "fuzz.dict.dz", std::size_t{1} << 24U);
    (void)alinea::parse_dictd(index, unpacked, "fuzz.index");
  } catch (const alinea::InputError&) {
  }
  (void)alinea::freedict_translations(text);
  (void)alinea::freedict_headword(text);
  return 0;
}
