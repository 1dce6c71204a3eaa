// Reading and writing whole files safely.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace alinea {

// Reads a regular file whole. Throws FileError naming the path when it is missing, a directory,
// unreadable, or larger than `max_bytes`.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path,
                                         std::size_t max_bytes = std::size_t{1} << 30U);

enum class Overwrite { refuse, replace };

// Writes `content` to a temporary file beside `path`, flushes it, then renames it over `path`:
// readers see the old file or the new one, never half of one. With Overwrite::refuse an existing
// file is left alone and FileError is thrown.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Overwrite overwrite = Overwrite::replace);

}  // namespace alinea
