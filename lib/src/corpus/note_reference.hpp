// The grammar of a note reference `[^label]` (docs/FORMAT.md), in one place for the document
// reader, the segmenter and the renderers.
#pragma once

#include <cstddef>
#include <string_view>

namespace alinea {

// A byte of a note label: ASCII letters, digits, '-' and '_'.
[[nodiscard]] constexpr bool is_note_label_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// The length in bytes of the note reference `[^label]` at `pos`, or 0 when there is none.
[[nodiscard]] constexpr std::size_t note_reference_length(std::string_view text,
                                                          std::size_t pos) noexcept {
  if (pos >= text.size() || text.substr(pos, 2) != "[^") return 0;
  std::size_t end = pos + 2;
  while (end < text.size() && is_note_label_char(text[end])) ++end;
  if (end == pos + 2 || end >= text.size() || text[end] != ']') return 0;
  return end + 1 - pos;
}

}  // namespace alinea
