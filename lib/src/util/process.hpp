// Running another program without a shell: its arguments reach it as they are, so no file name
// can be read as quoting, a redirection or a second command. The library's only way to run one.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace alinea {

// A program could not be run, or failed: the message names it and says why (its own words on
// standard error included).
class ProcessError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ProgramRun {
  int exit_status = -1;  // -1 when a signal ended it
  int signal = 0;        // the signal that ended it, or 0
  std::string errors;    // what it wrote on standard error (its first 64 KiB)

  [[nodiscard]] bool succeeded() const noexcept { return exit_status == 0; }
  // "exited with status 2: <its first error line>", "was ended by signal 9".
  [[nodiscard]] std::string failure() const;
};

// Runs `program` (looked up on PATH unless it holds a '/') with `arguments`, standard input and
// output on /dev/null, and waits for it. Throws ProcessError when it cannot be started.
[[nodiscard]] ProgramRun run_program(const std::string& program,
                                     const std::vector<std::string>& arguments);

}  // namespace alinea
