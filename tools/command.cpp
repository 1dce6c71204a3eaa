#include "command.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>
#include <utility>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/render.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

std::optional<po::variables_map> parse_command_line(
    const Arguments& arguments, std::string_view usage, const po::options_description& options,
    const po::positional_options_description& positional) {
  po::options_description all = options;
  all.add_options()("help,h", "show this help and exit");
  po::variables_map values;
  try {
    po::store(po::command_line_parser(arguments).options(all).positional(positional).run(), values);
    if (values.count("help") != 0) {
      std::cout << "usage: " << usage << "\n\n" << all;
      return std::nullopt;
    }
    po::notify(values);
  } catch (const po::error& error) {
    throw UsageError(error.what());
  }
  return values;
}

std::optional<AlignmentCommand> parse_alignment_command(const Arguments& arguments,
                                                        std::string_view usage,
                                                        po::options_description options,
                                                        const std::string& missing) {
  options.add_options()("alignment", po::value<std::string>(), "the alignment file (YAML)");
  po::positional_options_description positional;
  positional.add("alignment", 1);
  auto values = parse_command_line(arguments, usage, options, positional);
  if (!values) return std::nullopt;
  if (values->count("alignment") == 0) throw UsageError(missing);
  std::string alignment = (*values)["alignment"].as<std::string>();
  return AlignmentCommand{std::move(*values), std::move(alignment)};
}

Language language_option(std::string_view option, const std::string& value) {
  LanguageReading reading = read_language(value);
  if (!reading.language) throw UsageError("--" + std::string(option) + ": " + reading.problem);
  return std::move(*reading.language);
}

void refuse_overwriting_inputs(const std::string& output,
                               const std::vector<std::filesystem::path>& inputs) {
  if (const auto problem = refused_output(output, inputs)) throw UsageError(*problem);
}

void write_output(const std::string& path, std::string_view content, bool force) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    if (!std::cout) {
      throw FileError(std::string("cannot write to standard output: ") + std::strerror(errno));
    }
    return;
  }
  write_file_atomically(path, content, force ? Overwrite::replace : Overwrite::refuse);
}

std::string read_input(const std::string& path) {
  if (path != "-") return read_text_file(path);
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  return buffer.str();
}

bool stdout_wants_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  return (no_colour == nullptr || *no_colour == '\0') && ::isatty(STDOUT_FILENO) == 1;
}

namespace {

std::optional<std::size_t> parse_columns(const char* text) {
  if (text == nullptr) return std::nullopt;
  const std::string_view digits(text);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value == 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

TerminalWidth terminal_width(std::optional<int> given) {
  if (given) {
    if (*given < static_cast<int>(minimum_terminal_width)) {
      throw UsageError("--width " + std::to_string(*given) +
                       " is too narrow: two columns need at least " +
                       std::to_string(minimum_terminal_width));
    }
    return {static_cast<std::size_t>(*given), "--width"};
  }
  if (const auto columns = parse_columns(std::getenv("COLUMNS"))) return {*columns, "$COLUMNS"};
  winsize size{};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    return {size.ws_col, "the terminal"};
  }
  return {};
}

double confidence_option(std::string_view option, const std::string& text) {
  double value = -1.0;
  std::istringstream in(text);
  in >> value;
  if (in.fail() || !in.eof() || value < 0.0 || value > 1.0) {
    throw UsageError(std::string(option) + " takes a confidence between 0 and 1, not '" + text +
                     "'");
  }
  return value;
}

std::vector<std::string> id_list(const std::string& text) {
  std::vector<std::string> ids;
  std::string id;
  std::istringstream in(text);
  while (std::getline(in, id, ',')) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

std::string text_from_input(const std::string& prompt, const std::string& what) {
  std::cerr << prompt << std::endl;
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.empty()) {
    throw UsageError(what + " read from standard input is empty; nothing was changed");
  }
  return text;
}

void refuse_if(bool wrong, const std::string& message) {
  if (wrong) throw UsageError(message);
}

std::size_t count_given(const po::variables_map& values,
                        std::initializer_list<const char*> options) {
  std::size_t given = 0;
  for (const char* option : options) given += values.count(option);
  return given;
}

std::vector<std::string> arguments_of(const po::variables_map& values, const char* option) {
  if (values.count(option) == 0) return {};
  return values[option].as<std::vector<std::string>>();
}

AlignOptions align_options_of(const po::variables_map& values) {
  AlignOptions options;
  if (values.count("dictionary") != 0) options.dictionary = values["dictionary"].as<std::string>();
  options.use_machine_translation = values.count("mt") != 0;
  if (values.count("freedict") != 0) options.freedict_folder = values["freedict"].as<std::string>();
  return options;
}

Progress::Progress(std::string verb)
    : verb_(std::move(verb)), shown_(::isatty(STDERR_FILENO) == 1) {}

void Progress::advance(const std::string& name, std::size_t total) {
  const std::lock_guard lock(mutex_);
  ++done_;
  if (!shown_) return;
  std::cerr << "\r\033[K" << verb_ << " " << done_ << "/" << total << "  " << name << std::flush;
}

void Progress::finish() const {
  if (shown_ && done_ > 0) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace alinea::cli
