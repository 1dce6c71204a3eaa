// What every subcommand of the alinea tool shares: its signature, usage errors, option parsing
// and output.
#pragma once

#include <boost/program_options.hpp>
#include <filesystem>
#include <initializer_list>
#include <iosfwd>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/aligner.hpp"
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

// A command over one alignment file: `options`, with the positional ALIGNMENT added, parsed as
// parse_command_line does; std::nullopt after --help. UsageError `missing` when no file is named.
struct AlignmentCommand {
  boost::program_options::variables_map values;
  std::string alignment;
};
[[nodiscard]] std::optional<AlignmentCommand> parse_alignment_command(
    const Arguments& arguments, std::string_view usage,
    boost::program_options::options_description options, const std::string& missing);

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

// The width of two columns side by side: `given` (--width; UsageError below
// minimum_terminal_width), else $COLUMNS, else the terminal's, else 80; `origin` says which, so
// that a refusal can say what to change.
struct TerminalWidth {
  std::size_t columns = 80;
  std::string origin = "the default";
};
[[nodiscard]] TerminalWidth terminal_width(std::optional<int> given);

// A confidence an option gives, from 0 to 1; UsageError naming the option and the text otherwise.
[[nodiscard]] double confidence_option(std::string_view option, const std::string& text);

// Unit ids given comma-separated: "p3.s1,p3.s2" → {"p3.s1", "p3.s2"}; "" → {}.
[[nodiscard]] std::vector<std::string> id_list(const std::string& text);

// What a person types (or pipes) after `prompt` (on standard error), to the end of the input,
// without its final line breaks. Read after the files were: a person may take minutes over it.
// UsageError when it is empty (`what` names it): nothing is done by accident.
[[nodiscard]] std::string text_from_input(const std::string& prompt, const std::string& what);

// UsageError with `message` when `wrong`: one line per rule of which options go together.
void refuse_if(bool wrong, const std::string& message);

// How many of `options` the command line gives.
[[nodiscard]] std::size_t count_given(const boost::program_options::variables_map& values,
                                      std::initializer_list<const char*> options);

// The arguments of a multitoken option, none when it is absent.
[[nodiscard]] std::vector<std::string> arguments_of(
    const boost::program_options::variables_map& values, const char* option);

// The options `alinea align` and `align --lines` share: --dictionary, --mt.
[[nodiscard]] AlignOptions align_options_of(const boost::program_options::variables_map& values);

// "aligned 3/40  alignments/w.fr-es.yaml" on standard error when it is a terminal, rewritten in
// place as each item is done (from any thread); `verb` says what was done.
class Progress {
 public:
  explicit Progress(std::string verb);
  void advance(const std::string& name, std::size_t total);
  void finish() const;

 private:
  std::mutex mutex_;
  std::size_t done_ = 0;
  std::string verb_;
  bool shown_;
};

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
// alinea review --serve: its options (--serve, --port, --bind), and the page until Ctrl-C with
// the queue at `below`.
void add_serve_options(boost::program_options::options_description& options);
int serve_review(const std::string& file, const boost::program_options::variables_map& values,
                 double below);

}  // namespace alinea::cli
