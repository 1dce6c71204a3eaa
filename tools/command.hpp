// What every subcommand of the alinea tool shares: its signature, usage errors, option parsing
// and output.
#pragma once

#include <boost/program_options.hpp>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/base.hpp"

namespace alinea::cli {

using Arguments = std::vector<std::string>;

// The command line was wrong: main prints the message and a hint, and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Arguments& arguments);
};

// Parses `arguments` against `options` (and the positional names). Returns std::nullopt after
// printing help when --help was given. Throws UsageError for anything malformed.
[[nodiscard]] std::optional<boost::program_options::variables_map> parse_command_line(
    const Arguments& arguments, std::string_view usage,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional = {});

// The language an option names, in canonical form ("ES" → es, "es_es" → es-ES); UsageError naming
// the option and the tag when it is not the tag of a known language.
[[nodiscard]] Language language_option(std::string_view option, const std::string& value);

// UsageError when writing `output` would replace one of `inputs` (the library's rule,
// alinea/alignment.hpp): called before the work, so that nothing is done for a refused output.
void refuse_overwriting_inputs(const std::string& output,
                               const std::vector<std::filesystem::path>& inputs);

// Writes `content` to stdout when `path` is empty or "-", else atomically to the file.
void write_output(const std::string& path, std::string_view content, bool force = true);

// Reads a file, or standard input when `path` is "-".
[[nodiscard]] std::string read_input(const std::string& path);

// Whether standard output is a terminal that wants colour (NO_COLOR unset).
[[nodiscard]] bool stdout_wants_colour();

// The subcommands, one source file each.
int run_import(const Arguments& arguments);
int run_inspect(const Arguments& arguments);
int run_segment(const Arguments& arguments);
int run_show(const Arguments& arguments);
int run_align(const Arguments& arguments);
int run_check(const Arguments& arguments);
int run_coverage(const Arguments& arguments);
int run_catalogue(const Arguments& arguments);
int run_review(const Arguments& arguments);
int run_align_lines(const Arguments& arguments);  // alinea align --lines (benchmark mode)

}  // namespace alinea::cli
