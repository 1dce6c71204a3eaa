// Reading and writing alignment files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "alinea/alignment.hpp"
#include "alinea/diagnostic.hpp"

namespace alinea {

struct AlignmentReadResult {
  Alignment alignment;      // what could be read; partial when there are errors
  Diagnostics diagnostics;  // schema findings: unknown keys (with "did you mean"), wrong types,
                            // missing fields, malformed ids — each with file:line:col
};

// Reads leniently, collecting every schema problem as a diagnostic (what `alinea check` uses).
// Throws InputError only when the text is not YAML at all (syntax, UTF-8, depth, aliases).
[[nodiscard]] AlignmentReadResult parse_alignment(std::string_view text, const std::string& path);

// Reads strictly: the first schema error becomes an InputError naming its line.
[[nodiscard]] Alignment read_alignment(const std::filesystem::path& path);

// The alignment as YAML: one link per line, sentence links under their paragraph link, reviewer
// notes and omissions kept. parse_alignment(format_alignment(a)) reproduces a.
[[nodiscard]] std::string format_alignment(const Alignment& alignment);

// The text of format_alignment, and the alignment as a reader of that text gets it: each link with
// its line and column (the document paths too), confidences at the two decimals written. Saves
// reading the text back.
struct WrittenAlignment {
  std::string text;
  Alignment alignment;
};
[[nodiscard]] WrittenAlignment format_alignment_with_lines(Alignment alignment);

}  // namespace alinea
