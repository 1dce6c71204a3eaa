// Unicode services: the only module that talks to ICU.
//
// Text is UTF-8 in std::string everywhere in alinea; positions are byte offsets. ICU types never
// cross this interface.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alinea {

struct Utf8Problem {
  std::size_t byte_offset = 0;  // 0-based offset of the first bad byte
  std::size_t line = 1;         // 1-based line of that byte
  std::size_t column = 1;       // 1-based column, counted in code points
};

// The first invalid UTF-8 sequence (overlong forms, surrogates and truncation included).
[[nodiscard]] std::optional<Utf8Problem> find_invalid_utf8(std::string_view text) noexcept;

namespace detail {
[[nodiscard]] char32_t next_multibyte_code_point(std::string_view text, std::size_t& pos) noexcept;
[[nodiscard]] bool is_letter_beyond_ascii(char32_t c) noexcept;
[[nodiscard]] bool is_upper_beyond_ascii(char32_t c) noexcept;
[[nodiscard]] bool is_lower_beyond_ascii(char32_t c) noexcept;
[[nodiscard]] bool is_digit_beyond_ascii(char32_t c) noexcept;
[[nodiscard]] bool is_space_beyond_ascii(char32_t c) noexcept;
}  // namespace detail

// Decodes the code point at `pos` (< text.size()) and advances `pos` past it. Invalid bytes
// decode as U+FFFD and advance by one, so loops always terminate. ASCII is decoded inline:
// the scanners call this for nearly every character.
[[nodiscard]] inline char32_t next_code_point(std::string_view text, std::size_t& pos) noexcept {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80U) {
    ++pos;
    return lead;
  }
  return detail::next_multibyte_code_point(text, pos);
}
void append_utf8(std::string& out, char32_t code_point);
[[nodiscard]] std::size_t count_code_points(std::string_view text) noexcept;

// Character classes (Unicode properties). ASCII is answered inline, the same answers as ICU's
// (a test compares all 128).
[[nodiscard]] inline bool is_letter(char32_t c) noexcept {
  return c < 0x80 ? (c | 0x20U) - U'a' < 26U : detail::is_letter_beyond_ascii(c);
}
// Uppercase or titlecase.
[[nodiscard]] inline bool is_upper(char32_t c) noexcept {
  return c < 0x80 ? c - U'A' < 26U : detail::is_upper_beyond_ascii(c);
}
[[nodiscard]] inline bool is_lower(char32_t c) noexcept {
  return c < 0x80 ? c - U'a' < 26U : detail::is_lower_beyond_ascii(c);
}
// Decimal digits of any script.
[[nodiscard]] inline bool is_digit(char32_t c) noexcept {
  return c < 0x80 ? c - U'0' < 10U : detail::is_digit_beyond_ascii(c);
}
// White space, including no-break spaces.
[[nodiscard]] inline bool is_space(char32_t c) noexcept {
  return c < 0x80 ? c == U' ' || c - U'\t' < 5U : detail::is_space_beyond_ascii(c);
}
[[nodiscard]] bool is_punctuation(char32_t c) noexcept;
[[nodiscard]] bool is_combining_mark(char32_t c) noexcept;
// Emoji: pictographs shown as pictures (😀 ❤ ☀), skin-tone modifiers and flag letters; not
// the text symbols © ® ™.
[[nodiscard]] bool is_emoji(char32_t c) noexcept;

[[nodiscard]] std::string to_nfc(std::string_view text);
[[nodiscard]] std::string to_lower(std::string_view text);
// Case-folded, accents removed, NFC: "Éléonore" and "eleonore" compare equal.
[[nodiscard]] std::string fold_for_matching(std::string_view text);

// Columns a terminal gives the text: wide East Asian characters count 2, combining marks and
// format characters 0.
[[nodiscard]] std::size_t display_width(std::string_view text) noexcept;
[[nodiscard]] std::size_t display_width(char32_t c) noexcept;

// Whether ICU knows `code` ("es", "fra", "und") as an ISO 639 language code, in lower case.
[[nodiscard]] bool is_known_language_code(std::string_view code);

enum class BreakKind { character, word, line, sentence };

// Finds boundaries with ICU's rule-based break iterators. Creating one is costly, so keep a
// finder and reuse it for many texts. Not thread-safe; one per thread.
class BreakFinder {
 public:
  // `locale` is a BCP 47 or ICU locale id ("es", "fr", "es@ss=standard").
  BreakFinder(BreakKind kind, const std::string& locale);
  ~BreakFinder();
  BreakFinder(BreakFinder&&) noexcept;
  BreakFinder& operator=(BreakFinder&&) noexcept;
  BreakFinder(const BreakFinder&) = delete;
  BreakFinder& operator=(const BreakFinder&) = delete;

  // Byte offsets of the boundaries strictly inside the text (neither 0 nor text.size()).
  // For BreakKind::line, mandatory breaks are included; `hard` in the result tells which.
  struct Boundary {
    std::size_t offset = 0;
    bool hard = false;  // line breaking: a mandatory break (after a newline)
  };
  [[nodiscard]] std::vector<Boundary> boundaries(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alinea
