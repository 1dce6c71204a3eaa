// Any bytes: parse_yaml either returns a tree or throws InputError, within its limits.
#include <cstdint>
#include <string_view>

#include "alinea/error.hpp"
#include "util/yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const alinea::Value value = alinea::parse_yaml(text, "fuzz.yaml");
    (void)alinea::emit_yaml(value);
  } catch (const alinea::InputError&) {
  }
  return 0;
}
