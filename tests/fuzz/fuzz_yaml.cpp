// Any bytes: parse_yaml either returns a tree or throws InputError, within its limits; what
// emit_yaml writes for that tree reads back as the same tree, and writing it again gives the
// same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/base.hpp"
#include "util/yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  alinea::Value value;
  try {
    value = alinea::parse_yaml(text, "fuzz.yaml");
  } catch (const alinea::InputError&) {
    return 0;
  }
  const std::string written = alinea::emit_yaml(value);
  try {
    if (alinea::emit_yaml(alinea::parse_yaml(written, "fuzz.yaml")) != written) std::abort();
  } catch (const alinea::InputError&) {
    std::abort();  // alinea refuses YAML it wrote itself
  }
  return 0;
}
