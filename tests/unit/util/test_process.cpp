#define BOOST_TEST_MODULE process
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "util/process.hpp"

using namespace alinea;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(a_program_runs_and_its_status_comes_back) {
  BOOST_TEST(run_program("true", {}).succeeded());
  const ProgramRun failed = run_program("false", {});
  BOOST_TEST(!failed.succeeded());
  BOOST_TEST(failed.exit_status == 1);
  BOOST_TEST(failed.failure() == "exited with status 1");
}

BOOST_AUTO_TEST_CASE(arguments_reach_the_program_as_they_are_without_a_shell) {
  // A shell would split, unquote, expand and run the second command.
  const fs::path marker = fs::temp_directory_path() / "alinea-test-process-marker";
  fs::remove(marker);
  const std::string tricky = "a b' \"c\" $HOME *; touch " + marker.string();
  BOOST_TEST(run_program("test", {tricky, "=", tricky}).succeeded());
  BOOST_TEST(!run_program("test", {tricky, "=", "a"}).succeeded());
  BOOST_TEST(!fs::exists(marker));
}

BOOST_AUTO_TEST_CASE(a_failure_says_what_the_program_said) {
  const ProgramRun run = run_program("sh", {"-c", "echo; echo 'no such pair' >&2; exit 3"});
  BOOST_TEST(run.exit_status == 3);
  BOOST_TEST(run.errors == "no such pair\n");
  BOOST_TEST(run.failure() == "exited with status 3: no such pair");
  const ProgramRun killed = run_program("sh", {"-c", "kill -9 $$"});
  BOOST_TEST(killed.signal == 9);
  BOOST_TEST(killed.failure() == "was ended by signal 9");
}

BOOST_AUTO_TEST_CASE(a_long_error_output_neither_blocks_nor_grows_without_bound) {
  const ProgramRun run = run_program("sh", {"-c", "head -c 1000000 /dev/zero | tr '\\0' x >&2"});
  BOOST_TEST(run.succeeded());
  BOOST_TEST(run.errors.size() == std::size_t{64} << 10U);
}

BOOST_AUTO_TEST_CASE(a_missing_program_is_a_process_error) {
  BOOST_CHECK_THROW((void)run_program("alinea-no-such-program", {}), ProcessError);
  BOOST_CHECK_THROW((void)run_program("/nonexistent/program", {}), ProcessError);
}
