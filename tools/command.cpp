#include "command.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <sstream>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"

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

}  // namespace alinea::cli
