// A parsed YAML value with the position of every node.
//
// The YAML module (yaml.hpp) is the only code that talks to yaml-cpp; everything else reads
// and builds these trees, so validation can point at file:line:col and the rest of the library
// stays independent of the YAML library.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alinea {

struct Value {
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  // For scalars: the text. `quoted` tells a quoted "1" from a plain 1, so readers can decide types.
  std::string text;
  bool quoted = false;
  std::vector<Value> items;                            // sequence
  std::vector<std::pair<std::string, Value>> members;  // mapping, in file order
  std::size_t line = 0;                                // 1-based; 0 for values built in code
  std::size_t column = 0;
  // A mapping written in flow style `{a: 1}` or a sequence `[1, 2]`; kept so writers can
  // preserve the look of hand-edited files.
  bool flow = false;

  static Value make_scalar(std::string text, bool quoted = false);
  static Value make_sequence(std::vector<Value> items = {});
  static Value make_mapping();

  [[nodiscard]] bool is_null() const noexcept { return kind == Kind::null; }
  [[nodiscard]] bool is_scalar() const noexcept { return kind == Kind::scalar; }
  [[nodiscard]] bool is_sequence() const noexcept { return kind == Kind::sequence; }
  [[nodiscard]] bool is_mapping() const noexcept { return kind == Kind::mapping; }

  // Mapping look-up; nullptr when absent or when this is not a mapping.
  [[nodiscard]] const Value* find(std::string_view key) const;
  [[nodiscard]] Value* find(std::string_view key);
  // Sets or replaces a member, keeping the position of an existing key.
  void set(std::string_view key, Value value);
  bool erase(std::string_view key);

  // Plain scalars interpreted the YAML 1.2 core-schema way; std::nullopt when it is not one.
  [[nodiscard]] std::optional<long long> as_integer() const;
  [[nodiscard]] std::optional<double> as_number() const;
  [[nodiscard]] std::optional<bool> as_bool() const;
};

}  // namespace alinea
