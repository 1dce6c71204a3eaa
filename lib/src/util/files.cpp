#include "util/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include "alinea/error.hpp"

namespace alinea {
namespace fs = std::filesystem;

std::string read_text_file(const fs::path& path, std::size_t max_bytes) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) throw FileError(path.string() + ": no such file");
  if (fs::is_directory(status)) throw FileError(path.string() + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(path.string() + ": cannot open: " + std::strerror(errno));
  std::string content;
  if (fs::is_regular_file(status)) {
    const auto size = fs::file_size(path, error);
    if (!error && size > max_bytes) {
      throw FileError(path.string() + ": file too large (" + std::to_string(size) +
                      " bytes; the limit is " + std::to_string(max_bytes) + ")");
    }
    if (!error) content.reserve(static_cast<std::size_t>(size));
  }
  std::array<char, 65536> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (content.size() > max_bytes) throw FileError(path.string() + ": input too large");
  }
  if (in.bad()) throw FileError(path.string() + ": read error");
  return content;
}

namespace {

// Writes all of `content` to `fd`; false (errno set) on failure.
bool write_all(int fd, std::string_view content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// Devices and pipes (`-o /dev/null`, `-o /dev/stdout`) are written in place: renaming a file over
// them would replace the device node.
void write_in_place(const fs::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw FileError(path.string() + ": cannot open: " + std::strerror(errno));
  const bool ok = write_all(fd, content);
  const std::string reason = std::strerror(errno);
  if (::close(fd) != 0 || !ok) throw FileError(path.string() + ": write failed: " + reason);
}

}  // namespace

void write_file_atomically(const fs::path& requested, std::string_view content,
                           Overwrite overwrite) {
  std::error_code error;
  // Through a symbolic link, replace the file it names, not the link.
  const fs::path path =
      fs::is_symlink(requested, error) ? fs::weakly_canonical(requested, error) : requested;
  const fs::file_status status = fs::status(path, error);
  if (fs::is_directory(status)) throw FileError(path.string() + ": is a directory");
  if (overwrite == Overwrite::refuse && fs::exists(status)) {
    throw FileError(path.string() + ": already exists (use --force to replace it)");
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    write_in_place(path, content);
    return;
  }
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(directory, error)) {
    throw FileError(directory.string() + ": no such directory");
  }
  std::random_device seed;
  // Built with append: GCC 12 at -O3 warns falsely (-Wrestrict) on a chain of operator+.
  std::string temporary_name = ".";
  temporary_name.append(path.filename().string()).append(".tmp.").append(std::to_string(seed()));
  const fs::path temporary = directory / temporary_name;
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw FileError(temporary.string() + ": cannot create: " + std::strerror(errno));
  if (!write_all(fd, content)) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    fs::remove(temporary, error);
    throw FileError(temporary.string() + ": write failed: " + reason);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    fs::remove(temporary, error);
    throw FileError(temporary.string() + ": could not be flushed to disk");
  }
  if (overwrite == Overwrite::refuse) {
    // link() fails if the target appeared meanwhile, so a concurrent writer is never clobbered.
    if (::link(temporary.c_str(), path.c_str()) != 0) {
      const std::string reason = std::strerror(errno);
      fs::remove(temporary, error);
      throw FileError(path.string() + ": cannot create: " + reason);
    }
    fs::remove(temporary, error);
    return;
  }
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    throw FileError(path.string() + ": cannot replace: " + error.message());
  }
}

}  // namespace alinea
