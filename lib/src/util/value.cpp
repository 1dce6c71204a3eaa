#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "alinea/base.hpp"

namespace alinea {

Value Value::make_scalar(std::string text, bool quoted) {
  Value value;
  value.kind = Kind::scalar;
  value.text = std::move(text);
  value.quoted = quoted;
  return value;
}

Value Value::make_sequence(std::vector<Value> items) {
  Value value;
  value.kind = Kind::sequence;
  value.items = std::move(items);
  return value;
}

Value Value::make_mapping() {
  Value value;
  value.kind = Kind::mapping;
  return value;
}

const Value* Value::find(std::string_view key) const {
  if (!is_mapping()) return nullptr;
  const auto found = std::find_if(members.begin(), members.end(),
                                  [&](const auto& member) { return member.first == key; });
  return found == members.end() ? nullptr : &found->second;
}

Value* Value::find(std::string_view key) {
  return const_cast<Value*>(std::as_const(*this).find(key));  // NOLINT(*-const-cast)
}

void Value::set(std::string_view key, Value value) {
  if (kind == Kind::null) kind = Kind::mapping;
  if (Value* existing = find(key)) {
    *existing = std::move(value);
  } else {
    members.emplace_back(std::string(key), std::move(value));
  }
}

bool Value::erase(std::string_view key) {
  const auto found = std::find_if(members.begin(), members.end(),
                                  [&](const auto& member) { return member.first == key; });
  if (found == members.end()) return false;
  members.erase(found);
  return true;
}

std::optional<long long> Value::as_integer() const {
  if (!is_scalar() || quoted || text.empty()) return std::nullopt;
  long long result = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (*begin == '+') ++begin;
  const auto [last, error] = std::from_chars(begin, end, result);
  if (error != std::errc{} || last != end) return std::nullopt;
  return result;
}

std::optional<double> Value::as_number() const {
  if (const auto integer = as_integer()) return static_cast<double>(*integer);
  if (!is_scalar() || quoted || text.empty()) return std::nullopt;
  // The core schema's float: digits with a dot or exponent, or .inf/.nan.
  const bool looks_numeric =
      std::all_of(text.begin(), text.end(),
                  [](char c) {
                    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' ||
                           c == '-';
                  }) &&
      std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!looks_numeric) return std::nullopt;
  char* last = nullptr;
  const double result = std::strtod(text.c_str(), &last);
  if (last != text.c_str() + text.size() || !std::isfinite(result)) return std::nullopt;
  return result;
}

std::optional<bool> Value::as_bool() const {
  if (!is_scalar() || quoted) return std::nullopt;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

}  // namespace alinea
