
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <random>

#include "alinea/base.hpp"

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

std::string last_error() {
  return std::strerror(errno);
}

// Devices and pipes (`-o /dev/null`, `-o /dev/stdout`) are written in place: renaming a file over
// them would replace the device node.
void write_in_place(const fs::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) throw FileError(path.string() + ": cannot open: " + last_error());
  const bool ok = write_all(fd, content);
  const std::string reason = last_error();
  if (::close(fd) != 0 || !ok) throw FileError(path.string() + ": write failed: " + reason);
}

// The folder's own entry must reach the disk too, or a crash after the rename can bring back the
// old file (or no file) although the write "succeeded".
void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // a folder we may write in but not read: the rename stands, unsynced
  const bool synced = ::fsync(fd) == 0 || errno == EINVAL;  // some file systems cannot
  const std::string reason = last_error();
  ::close(fd);
  if (!synced) throw FileError(directory.string() + ": could not be flushed to disk: " + reason);
}

// The content on its way to `path`, in a file of the same folder that nobody sees until it is
// complete. Where the file system allows it (O_TMPFILE) the file has no name at all while it is
// written, so that even kill -9 leaves nothing behind; elsewhere it is `.NAME.tmp.N`, removed on
// every way out but a kill. Either way the destructor cleans up what was not committed.
class TemporaryFile {
 public:
  TemporaryFile(const fs::path& directory, const fs::path& path) : path_(path) {
    fd_ = ::open(directory.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd_ >= 0) return;
    name_ = directory / temporary_name();
    fd_ = ::open(name_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0) {
      const std::string reason = last_error();
      name_.clear();
      throw FileError(directory.string() + ": cannot create a file there: " + reason);
    }
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    std::error_code ignored;
    if (!name_.empty()) fs::remove(name_, ignored);
  }

  // Writes and flushes `content`; `mode` (the permissions of the file it replaces) is given to
  // it, else the umask decides as for any new file.
  void fill(std::string_view content, std::optional<fs::perms> mode) {
    if (!write_all(fd_, content)) {
      throw FileError(path_.string() + ": write failed: " + last_error());
    }
    if (mode && ::fchmod(fd_, static_cast<mode_t>(*mode)) != 0) {
      throw FileError(path_.string() + ": cannot keep its permissions: " + last_error());
    }
    if (::fsync(fd_) != 0) {
      throw FileError(path_.string() + ": could not be flushed to disk: " + last_error());
    }
  }

  // Gives the file the name `path`, which must not exist (link() fails if it appeared meanwhile,
  // so a concurrent writer is never clobbered).
  void link_as_new() {
    if (name_.empty()) {
      if (::linkat(AT_FDCWD, proc_path().c_str(), AT_FDCWD, path_.c_str(), AT_SYMLINK_FOLLOW) !=
          0) {
        throw FileError(path_.string() + ": cannot create: " + last_error());
      }
      return;
    }
    if (::link(name_.c_str(), path_.c_str()) != 0) {
      throw FileError(path_.string() + ": cannot create: " + last_error());
    }
  }

  // Renames the file over `path`: readers see the old file or the new one, never half of one.
  void replace() {
    if (name_.empty()) {
      // A rename needs a name: the file gets one only now, for the moment of the rename.
      const fs::path name = path_.parent_path() / temporary_name();
      if (::linkat(AT_FDCWD, proc_path().c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) != 0) {
        throw FileError(path_.string() + ": cannot replace: " + last_error());
      }
      name_ = name;
    }
    if (::rename(name_.c_str(), path_.c_str()) != 0) {
      throw FileError(path_.string() + ": cannot replace: " + last_error());
    }
    name_.clear();
  }

 private:
  [[nodiscard]] std::string temporary_name() const {
    std::random_device seed;
    // Built with append: GCC 12 at -O3 warns falsely (-Wrestrict) on a chain of operator+.
    std::string name = ".";
    name.append(path_.filename().string()).append(".tmp.").append(std::to_string(seed()));
    return name;
  }
  [[nodiscard]] std::string proc_path() const { return "/proc/self/fd/" + std::to_string(fd_); }

  fs::path path_;
  fs::path name_;  // empty while the file has no name
  int fd_ = -1;
};

// What the file at `path` holds now, when it is a regular file; std::nullopt when there is none.
std::optional<std::string> current_content(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(fs::symlink_status(path, error))) return std::nullopt;
  return read_text_file(path);
}

enum class Expectation { any, none, content };

void write_file(const fs::path& requested, std::string_view content, Expectation expectation,
                const std::optional<std::string>& expected) {
  std::error_code error;
  // Through a symbolic link, replace the file it names, not the link.
  const fs::path path =
      fs::is_symlink(requested, error) ? fs::weakly_canonical(requested, error) : requested;
  const fs::file_status status = fs::status(path, error);
  if (fs::is_directory(status)) throw FileError(path.string() + ": is a directory");
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    write_in_place(path, content);  // nothing a person wrote is there to lose
    return;
  }
  if (expectation == Expectation::none && fs::exists(status)) {
    throw FileError(path.string() + ": already exists (use --force to replace it)");
  }
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(directory, error)) {
    throw FileError(directory.string() + ": no such directory");
  }
  std::optional<fs::perms> mode;
  if (fs::exists(status)) mode = status.permissions();
  TemporaryFile temporary(directory, path);
  temporary.fill(content, mode);
  if (expectation == Expectation::none) {
    temporary.link_as_new();
  } else {
    if (expectation == Expectation::content && current_content(path) != expected) {
      throw FileError(path.string() + ": changed since it was read (edited meanwhile?); it was " +
                      "left as it is: run the command again");
    }
    temporary.replace();
  }
  sync_directory(directory);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content, Overwrite overwrite) {
  write_file(path, content, overwrite == Overwrite::refuse ? Expectation::none : Expectation::any,
             std::nullopt);
}

void replace_file_if_unchanged(const fs::path& path, const std::optional<std::string>& expected,
                               std::string_view content) {
  write_file(path, content, expected ? Expectation::content : Expectation::none, expected);
}

}  // namespace alinea
