// The YAML module: yaml-cpp is used here and nowhere else.
//
// Parsing goes through yaml-cpp's event interface rather than YAML::Load so that depth, aliases
// and duplicate keys are refused while the parser runs, before anything deep or large is built.
#include "util/yaml.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>
#include <vector>

#include "alinea/base.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

// yaml-cpp turns the escapes \N and \_ into the single bytes 0x85 and 0xA0 instead of the UTF-8
// of U+0085 and U+00A0. The text was valid UTF-8 before parsing, so a byte that is not UTF-8 in
// a scalar can only come from such an escape: it is put back as the code point it stands for.
std::string repair_latin1_escapes(const std::string& text) {
  std::string_view rest = text;
  auto bad = find_invalid_utf8(rest);
  if (!bad) return text;
  std::string out;
  for (; bad; bad = find_invalid_utf8(rest)) {
    const auto byte = static_cast<unsigned char>(rest[bad->byte_offset]);
    out.append(rest.substr(0, bad->byte_offset));
    out += static_cast<char>(0xc0U | (byte >> 6U));
    out += static_cast<char>(0x80U | (byte & 0x3fU));
    rest.remove_prefix(bad->byte_offset + 1);
  }
  out.append(rest);
  return out;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, std::size_t first_line, const YamlLimits& limits)
      : file_(file), line_offset_(first_line - 1), limits_(limits) {}

  Value take_root() { return std::move(root_); }
  [[nodiscard]] bool has_root() const noexcept { return has_root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { add(at(Value{}, mark)); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    // Aliases are how "billion laughs" documents grow; alinea files never need them.
    if (++aliases_ > limits_.max_aliases) fail(mark, "YAML aliases (*name) are not allowed here");
    fail(mark, "YAML aliases are not supported");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    add(at(Value::make_scalar(repair_latin1_escapes(value), tag != "?"), mark));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    open(Value::make_sequence(), mark, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    open(Value::make_mapping(), mark, style);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    Value value;
    std::optional<std::string> pending_key;
  };

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    throw InputError({file_, line_of(mark), column_of(mark)}, message);
  }
  [[nodiscard]] std::size_t line_of(const YAML::Mark& mark) const {
    return mark.line < 0 ? 0 : static_cast<std::size_t>(mark.line) + 1 + line_offset_;
  }
  static std::size_t column_of(const YAML::Mark& mark) {
    return mark.column < 0 ? 0 : static_cast<std::size_t>(mark.column) + 1;
  }
  Value at(Value value, const YAML::Mark& mark) const {
    value.line = line_of(mark);
    value.column = column_of(mark);
    return value;
  }

  void open(Value value, const YAML::Mark& mark, YAML::EmitterStyle::value style) {
    if (stack_.size() >= limits_.max_depth) {
      fail(mark, "YAML nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    value.flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back({at(std::move(value), mark), std::nullopt});
  }

  void close() {
    Open top = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(top.value));
  }

  void add(Value value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      has_root_ = true;
      return;
    }
    Open& parent = stack_.back();
    if (parent.value.is_sequence()) {
      parent.value.items.push_back(std::move(value));
      return;
    }
    if (!parent.pending_key) {
      if (!value.is_scalar() && !value.is_null()) {
        throw InputError({file_, value.line, value.column}, "mapping keys must be plain text");
      }
      if (parent.value.find(value.text) != nullptr) {
        throw InputError({file_, value.line, value.column}, "duplicate key '" + value.text + "'");
      }
      parent.pending_key = value.text;
      return;
    }
    parent.value.members.emplace_back(std::move(*parent.pending_key), std::move(value));
    parent.pending_key.reset();
  }

  const std::string& file_;
  std::size_t line_offset_;
  const YamlLimits& limits_;
  std::vector<Open> stack_;
  Value root_;
  bool has_root_ = false;
  std::size_t aliases_ = 0;
};

// Code points that a YAML reader takes as a line break (U+0085, U+2028, U+2029: YAML 1.1) or
// refuses raw (C0 and C1 controls, U+FFFE, U+FFFF), and the byte order mark, which some readers
// drop: each is written as an escape inside double quotes, never raw.
bool needs_escape(char32_t c) {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff ||
         c == 0xfffe || c == 0xffff;
}

// Decodes the UTF-8 sequence at `i` (the text is valid UTF-8: parse_yaml and every reader of
// alinea's inputs check that) and advances `i` past it.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  if (length == 1 || i + length > text.size()) {
    ++i;
    return lead;
  }
  static constexpr std::array<unsigned char, 5> lead_mask = {0, 0, 0x1f, 0x0f, 0x07};
  char32_t c = lead & lead_mask[length];
  for (std::size_t k = 1; k < length; ++k) {
    c = (c << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3fU);
  }
  i += length;
  return c;
}

// Whether the text can stand unquoted without changing the structure around it, in block and
// in flow context, for yaml-cpp and for YAML 1.1 readers (PyYAML ends a plain scalar at '?' in
// flow context, yaml-cpp too).
bool is_syntactically_plain(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (indicators.find(text.front()) != std::string_view::npos) return false;
  if (text.starts_with("...")) return false;  // the document end marker
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (needs_escape(c)) return false;
    if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '?') return false;
    if (c == ':' && (i == text.size() || text[i] == ' ')) return false;
    if (c == '#' && at > 0 && text[at - 1] == ' ') return false;
  }
  return true;
}

// Hand-written matchers rather than std::regex: the regex engine recurses per character, and
// GCC 12 warns inside it at -O2 (maybe-uninitialized), which breaks the warning-free builds.
bool every_char_in(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

std::size_t digits_from(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && is_ascii_digit(text[end])) ++end;
  return end - at;
}

// e[-+]?[0-9]+ to the end of the text, or nothing at all.
bool is_optional_exponent(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest.front() != 'e') return false;
  rest.remove_prefix(1);
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) rest.remove_prefix(1);
  return every_char_in(rest, "0123456789");
}

// [0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?(e[-+]?[0-9]+)? or \.[0-9_]+(e[-+]?[0-9]+)?
bool reads_as_decimal(std::string_view text) {
  std::size_t at = 0;
  if (text.front() == '.') {
    at = 1;
    const std::size_t start = at;
    while (at < text.size() && (is_ascii_digit(text[at]) || text[at] == '_')) ++at;
    return at > start && is_optional_exponent(text.substr(at));
  }
  if (!is_ascii_digit(text.front())) return false;
  while (at < text.size() && (is_ascii_digit(text[at]) || text[at] == '_')) ++at;
  while (at < text.size() && text[at] == ':') {
    const std::size_t digits = std::min<std::size_t>(digits_from(text, at + 1), 2);
    if (digits == 0) return false;
    if (digits == 2 && text[at + 1] > '5') return false;
    at += 1 + digits;
  }
  if (at < text.size() && text[at] == '.') {
    ++at;
    while (at < text.size() && (is_ascii_digit(text[at]) || text[at] == '_')) ++at;
  }
  return is_optional_exponent(text.substr(at));
}

// A YAML 1.1 or 1.2 integer or float, the text already in lower case.
bool reads_as_yaml_number(std::string_view text) {
  if (text.starts_with('-') || text.starts_with('+')) text.remove_prefix(1);
  if (text.empty()) return false;
  if (text == ".inf" || text == ".nan") return true;
  if (text.starts_with("0b") && every_char_in(text.substr(2), "01_")) return true;
  if (text.starts_with("0x") && every_char_in(text.substr(2), "0123456789abcdef_")) return true;
  if (text.starts_with("0o") && every_char_in(text.substr(2), "01234567_")) return true;
  if (text.starts_with('0') && every_char_in(text.substr(1), "01234567_")) return true;
  return reads_as_decimal(text);
}

// [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([t \t].*)?, the text already in lower case.
bool reads_as_yaml_timestamp(std::string_view text) {
  if (digits_from(text, 0) != 4 || text.size() < 5 || text[4] != '-') return false;
  std::size_t at = 5;
  const std::size_t month = std::min<std::size_t>(digits_from(text, at), 2);
  if (month == 0) return false;
  at += month;
  if (at >= text.size() || text[at] != '-') return false;
  ++at;
  const std::size_t day = std::min<std::size_t>(digits_from(text, at), 2);
  if (day == 0) return false;
  at += day;
  return at == text.size() || text[at] == 't' || text[at] == ' ' || text[at] == '\t';
}

// Whether some YAML reader, 1.1 or 1.2, would resolve the plain text as something other than a
// string: a bool, a null, an integer (also 0x1F, 0o17, 0b101, 1_000, 1:20), a float (.5, 1e3,
// .inf, .NaN), a date or time stamp, the merge key or the value key. Ordinary words and most
// text never reach the number matchers.
bool resolves_as_non_string(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 13> words = {
      "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "=", ".inf", ".nan"};
  if (std::find(words.begin(), words.end(), lower) != words.end()) return true;
  if (lower.starts_with("<<")) return true;
  const char first = lower.front();
  const bool may_be_number =
      (first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.';
  if (!may_be_number) return false;
  return reads_as_yaml_number(lower) || reads_as_yaml_timestamp(lower);
}

// Whether the text can stand unquoted and still read back as a string.
bool is_plain_safe(std::string_view text) {
  return is_syntactically_plain(text) && !resolves_as_non_string(text);
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (needs_escape(c)) {
          std::array<char, 8> hex{};
          std::snprintf(hex.data(), hex.size(), "\\u%04x", static_cast<unsigned>(c));
          out += hex.data();
        } else {
          out.append(text.substr(at, i - at));
        }
    }
  }
  out += '"';
  return out;
}

void emit_into(std::string& out, const Value& value, int indent, int level, bool in_flow);

// YAML limits an implicit key ("key: value") to 1024 characters, and yaml-cpp counts them in
// bytes; a longer key is written as an explicit key ("? key" then ": value"), read at any length.
constexpr std::size_t longest_implicit_key = 1024;

bool needs_explicit_key(std::string_view written) {
  return written.size() > longest_implicit_key;
}

std::string scalar_text(const Value& value) {
  if (value.is_null()) return "null";
  // A plain scalar stays plain (1936 stays a number); a quoted one is quoted only if it must be.
  if (!value.quoted && is_syntactically_plain(value.text)) return value.text;
  return yaml_scalar(value.text);
}

void emit_flow(std::string& out, const Value& value) {
  if (value.is_sequence()) {
    out += '[';
    for (std::size_t i = 0; i < value.items.size(); ++i) {
      if (i > 0) out += ", ";
      emit_flow(out, value.items[i]);
    }
    out += ']';
  } else if (value.is_mapping()) {
    out += '{';
    for (std::size_t i = 0; i < value.members.size(); ++i) {
      if (i > 0) out += ", ";
      const std::string key = yaml_scalar(value.members[i].first);
      out += (needs_explicit_key(key) ? "? " + key + " : " : key + ": ");
      emit_flow(out, value.members[i].second);
    }
    out += '}';
  } else {
    out += scalar_text(value);
  }
}

bool is_block_collection(const Value& value) {
  return ((value.is_sequence() && !value.items.empty()) ||
          (value.is_mapping() && !value.members.empty())) &&
         !value.flow;
}

void emit_into(std::string& out, const Value& value, int indent, int level, bool) {
  const std::string pad(static_cast<std::size_t>(indent * level), ' ');
  if (value.is_mapping() && !value.flow && !value.members.empty()) {
    for (const auto& [key, member] : value.members) {
      const std::string written_key = yaml_scalar(key);
      out += pad +
             (needs_explicit_key(written_key) ? "? " + written_key + "\n" + pad : written_key) +
             ':';
      if (is_block_collection(member)) {
        out += '\n';
        emit_into(out, member, indent, level + 1, false);
      } else {
        out += ' ';
        emit_flow(out, member);
        out += '\n';
      }
    }
  } else if (value.is_sequence() && !value.flow && !value.items.empty()) {
    for (const auto& item : value.items) {
      if (is_block_collection(item)) {
        // "- key: value" with the rest of the mapping aligned under the first key.
        std::string nested;
        emit_into(nested, item, indent, level + 1, false);
        out += pad + "- " + nested.substr(pad.size() + static_cast<std::size_t>(indent));
      } else {
        out += pad + "- ";
        emit_flow(out, item);
        out += '\n';
      }
    }
  } else {
    out += pad;
    emit_flow(out, value);
    out += '\n';
  }
}

}  // namespace

Value parse_yaml(std::string_view text, const std::string& file, std::size_t first_line,
                 const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw InputError({file, 0, 0},
                     "YAML file larger than " + std::to_string(limits.max_bytes) + " bytes");
  }
  if (const auto bad = find_invalid_utf8(text)) {
    throw InputError({file, first_line + bad->line - 1, bad->column},
                     "invalid UTF-8 at byte offset " + std::to_string(bad->byte_offset));
  }
  if (text.find('\0') != std::string_view::npos) {
    throw InputError({file, 0, 0}, "NUL byte in YAML text");
  }
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(file, first_line, limits);
  try {
    YAML::Parser parser(stream);
    parser.HandleNextDocument(builder);
    if (parser.HandleNextDocument(builder)) {
      throw InputError({file, 0, 0}, "more than one YAML document in the file");
    }
  } catch (const YAML::Exception& error) {
    const std::size_t line =
        error.mark.line < 0 ? 0 : static_cast<std::size_t>(error.mark.line) + first_line;
    const std::size_t column =
        error.mark.column < 0 ? 0 : static_cast<std::size_t>(error.mark.column) + 1;
    throw InputError({file, line, column}, error.msg);
  }
  return builder.has_root() ? builder.take_root() : Value{};
}

std::string yaml_scalar(std::string_view text) {
  return is_plain_safe(text) ? std::string(text) : double_quoted(text);
}

std::string emit_yaml(const Value& value, int indent) {
  std::string out;
  emit_into(out, value, indent, 0, false);
  return out;
}

}  // namespace alinea
