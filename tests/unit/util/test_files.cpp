#define BOOST_TEST_MODULE files
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "alinea/error.hpp"
#include "util/files.hpp"

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
