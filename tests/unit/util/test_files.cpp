#define BOOST_TEST_MODULE files
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <csignal>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alinea/base.hpp"

using namespace alinea;
namespace fs = std::filesystem;

namespace {
struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("alinea-files-" + std::to_string(::getpid()));
  ScratchDir() { fs::create_directories(path); }
  ~ScratchDir() { fs::remove_all(path); }
};
}  // namespace

BOOST_AUTO_TEST_CASE(writes_and_reads_back) {
  const ScratchDir dir;
  const fs::path file = dir.path / "out.txt";
  write_file_atomically(file, "uno");
  BOOST_TEST(read_text_file(file) == "uno");
  write_file_atomically(file, "dos");
  BOOST_TEST(read_text_file(file) == "dos");
  // Nothing but the file is left behind.
  BOOST_TEST(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(refuses_to_overwrite_when_asked) {
  const ScratchDir dir;
  const fs::path file = dir.path / "kept.txt";
  write_file_atomically(file, "original");
  BOOST_CHECK_THROW(write_file_atomically(file, "new", Overwrite::refuse), FileError);
  BOOST_TEST(read_text_file(file) == "original");
}

BOOST_AUTO_TEST_CASE(clear_errors_for_missing_files_and_directories) {
  const ScratchDir dir;
  BOOST_CHECK_THROW((void)read_text_file(dir.path / "missing"), FileError);
  BOOST_CHECK_THROW((void)read_text_file(dir.path), FileError);
  BOOST_CHECK_THROW(write_file_atomically(dir.path / "no" / "such" / "dir.txt", "x"), FileError);
  BOOST_CHECK_THROW((void)read_text_file(dir.path / "big", 1), FileError);
}

BOOST_AUTO_TEST_CASE(devices_are_written_in_place_not_replaced) {
  write_file_atomically("/dev/null", "discarded");
  BOOST_TEST(fs::is_character_file("/dev/null"));
}

BOOST_AUTO_TEST_CASE(symbolic_links_keep_pointing_at_the_new_content) {
  const ScratchDir dir;
  const fs::path real = dir.path / "real.txt";
  const fs::path link = dir.path / "link.txt";
  write_file_atomically(real, "old");
  fs::create_symlink(real, link);
  write_file_atomically(link, "new");
  BOOST_TEST(fs::is_symlink(link));
  BOOST_TEST(read_text_file(real) == "new");
}

namespace {
std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// While alive, files may grow to `bytes` only: writing more fails (EFBIG), as on a full disk.
struct FileSizeLimit {
  rlimit saved{};
  explicit FileSizeLimit(rlim_t bytes) {
    std::signal(SIGXFSZ, SIG_IGN);
    ::getrlimit(RLIMIT_FSIZE, &saved);
    const rlimit limited{bytes, saved.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limited);
  }
  ~FileSizeLimit() { ::setrlimit(RLIMIT_FSIZE, &saved); }
};
}  // namespace

BOOST_AUTO_TEST_CASE(a_replaced_file_keeps_its_permissions) {
  const ScratchDir dir;
  const fs::path file = dir.path / "private.yaml";
  write_file_atomically(file, "one");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  write_file_atomically(file, "two");
  BOOST_TEST(read_text_file(file) == "two");
  BOOST_TEST((fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write)));
}

BOOST_AUTO_TEST_CASE(a_failed_write_leaves_the_file_and_no_temporary_file) {
  const ScratchDir dir;
  const fs::path file = dir.path / "kept.yaml";
  write_file_atomically(file, "original");
  {
    const FileSizeLimit limit(16);
    BOOST_CHECK_THROW(write_file_atomically(file, std::string(4096, 'x')), FileError);
    BOOST_CHECK_THROW(write_file_atomically(dir.path / "new.yaml", std::string(4096, 'x')),
                      FileError);
  }
  BOOST_TEST(read_text_file(file) == "original");
  BOOST_TEST(names_in(dir.path) == std::vector<std::string>{"kept.yaml"});
}

BOOST_AUTO_TEST_CASE(a_write_to_a_full_device_is_an_error) {
  BOOST_CHECK_THROW(write_file_atomically("/dev/full", "lost"), FileError);
}

BOOST_AUTO_TEST_CASE(kill_9_during_a_write_leaves_no_temporary_file) {
  const ScratchDir dir;
  const std::string big(std::size_t{32} << 20U, 'x');
  const pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    try {
      write_file_atomically(dir.path / "big.txt", big);
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  ::usleep(5000);  // mid-write (32 MiB and an fsync take longer)
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  for (const std::string& name : names_in(dir.path)) {
    BOOST_TEST(name == "big.txt");
    BOOST_TEST(fs::file_size(dir.path / name) == big.size());
  }
}

BOOST_AUTO_TEST_CASE(replacing_only_what_was_read) {
  const ScratchDir dir;
  const fs::path file = dir.path / "w.fr-es.yaml";
  replace_file_if_unchanged(file, std::nullopt, "first");
  BOOST_CHECK_THROW(replace_file_if_unchanged(file, std::nullopt, "created meanwhile"), FileError);
  replace_file_if_unchanged(file, "first", "second");
  BOOST_TEST(read_text_file(file) == "second");
  // Someone edited the file after it was read as "first": their edit stays.
  BOOST_CHECK_THROW(replace_file_if_unchanged(file, "first", "third"), FileError);
  BOOST_TEST(read_text_file(file) == "second");
  BOOST_TEST(names_in(dir.path) == std::vector<std::string>{"w.fr-es.yaml"});
}
