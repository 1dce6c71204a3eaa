// YAML reading and writing: the only module that uses yaml-cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "alinea/base.hpp"

namespace alinea {

// Limits checked before yaml-cpp sees the text: it recurses on nesting and expands aliases.
struct YamlLimits {
  std::size_t max_bytes = 64U * 1024U * 1024U;
  std::size_t max_depth = 64;
  std::size_t max_aliases = 0;  // our files never need aliases; any alias is refused by default
};

// Parses one YAML document into a Value tree. Throws InputError with file, line and column for
// invalid UTF-8, syntax errors, nesting deeper than the limit, aliases, duplicate keys.
// `first_line` shifts reported lines, for YAML embedded in another file (front matter).
[[nodiscard]] Value parse_yaml(std::string_view text, const std::string& file,
                               std::size_t first_line = 1, const YamlLimits& limits = {});

// A scalar as YAML text that reads back as the same string: plain when that is safe,
// double-quoted otherwise. Suitable both in block and flow context.
[[nodiscard]] std::string yaml_scalar(std::string_view text);

// Writes a value in block style (flow where value.flow is set), `indent` spaces per level,
// ending with a newline. Scalars keep their quoting when `quoted` is set.
[[nodiscard]] std::string emit_yaml(const Value& value, int indent = 2);

}  // namespace alinea
