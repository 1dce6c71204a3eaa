// posix_spawnp with its standard error read through a pipe; see process.hpp.
#include "util/process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

extern char** environ;  // NOLINT: POSIX declares it nowhere else

namespace alinea {
namespace {

constexpr std::size_t max_kept_errors = std::size_t{64} << 10U;

// Closes a descriptor however the run ends.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) noexcept : fd_(fd) {}
  ~Descriptor() { reset(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }
  void reset() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

class SpawnActions {
 public:
  SpawnActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  [[nodiscard]] posix_spawn_file_actions_t* get() noexcept { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

std::string first_line(const std::string& text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const std::size_t end = text.find('\n', begin);
  std::string line = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

std::string ProgramRun::failure() const {
  std::string what = signal != 0 ? "was ended by signal " + std::to_string(signal)
                                 : "exited with status " + std::to_string(exit_status);
  if (const std::string said = first_line(errors); !said.empty()) what += ": " + said;
  return what;
}

ProgramRun run_program(const std::string& program, const std::vector<std::string>& arguments) {
  std::array<int, 2> pipe_ends{};
  if (::pipe2(pipe_ends.data(), O_CLOEXEC) != 0) {
    throw ProcessError("cannot run " + program + ": " + std::strerror(errno));
  }
  Descriptor read_end(pipe_ends[0]);
  Descriptor write_end(pipe_ends[1]);

  SpawnActions actions;
  ::posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  ::posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), STDERR_FILENO);

  std::vector<std::string> words;
  words.reserve(arguments.size() + 1);
  words.push_back(program);
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);

  pid_t child = 0;
  const int started =
      ::posix_spawnp(&child, program.c_str(), actions.get(), nullptr, argv.data(), environ);
  write_end.reset();  // the child holds its own copy; EOF comes when it exits
  if (started != 0) {
    throw ProcessError("cannot run " + program + ": " + std::strerror(started));
  }

  ProgramRun run;
  std::array<char, 4096> buffer{};
  for (;;) {
    const ssize_t got = ::read(read_end.get(), buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    // Read to the end even past the cap, so that the program never blocks on a full pipe.
    const auto room = max_kept_errors - std::min(max_kept_errors, run.errors.size());
    run.errors.append(buffer.data(), std::min(room, static_cast<std::size_t>(got)));
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR)
      throw ProcessError("cannot wait for " + program + ": " + std::strerror(errno));
  }
  if (WIFEXITED(status)) {
    run.exit_status = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    run.signal = WTERMSIG(status);
  }
  return run;
}

}  // namespace alinea
