// Reading and writing whole files safely.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace alinea {

// Reads a regular file whole. Throws FileError naming the path when it is missing, a directory,
// unreadable, or larger than `max_bytes`.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path,
                                         std::size_t max_bytes = std::size_t{1} << 30U);

enum class Overwrite { refuse, replace };

// Writes `content` to a temporary file beside `path`, flushes it, then renames it over `path` and
// flushes the folder: readers see the old file or the new one, never half of one, and a crash
// after the return keeps the new one. A replaced file keeps its permissions; no temporary file is
// left behind on failure (nor, where the file system allows unnamed files, after kill -9).
// Devices and pipes are written in place. With Overwrite::refuse an existing file is left alone
// and FileError is thrown. FileError on any failure, naming the path and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Overwrite overwrite = Overwrite::replace);

// The same, but only while `path` still holds `expected` (std::nullopt: while there is no file):
// a file someone changed (or created) since it was read is left as it is, and FileError says so.
void replace_file_if_unchanged(const std::filesystem::path& path,
                               const std::optional<std::string>& expected,
                               std::string_view content);

}  // namespace alinea
