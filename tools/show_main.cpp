// alinea show: an alignment's two texts side by side (terminal, HTML, Markdown), or its aligned
// pairs for other tools (TMX, tsv, moses).
#include <filesystem>
#include <optional>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/render.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

ExportFilter export_filter(const po::variables_map& values, ShowFormat format) {
  ExportFilter filter{.reviewed_only = values["reviewed-only"].as<bool>()};
  const bool filtering = filter.reviewed_only || values.count("min-confidence") != 0;
  refuse_if(filtering && format != ShowFormat::tmx && format != ShowFormat::tsv &&
                format != ShowFormat::moses,
            "--reviewed-only and --min-confidence choose the links of an export: use them with "
            "--format tmx, tsv or moses (the views show every link with its status)");
  if (values.count("min-confidence") != 0) {
    filter.min_confidence =
        confidence_option("--min-confidence", values["min-confidence"].as<std::string>());
  }
  return filter;
}

}  // namespace

int run_show(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("level", po::value<std::string>()->default_value("paragraph"),
                        "paragraph or sentence")("format",
                                                 po::value<std::string>()->default_value("term"),
                                                 "term, html, markdown, tmx, tsv or moses")(
      "width", po::value<int>(),
      "terminal width in columns (default: $COLUMNS, else the terminal's, else 80)")(
      "reviewed-only", po::bool_switch(), "exports (tmx, tsv, moses): only reviewed links")(
      "min-confidence", po::value<std::string>(),
      "exports (tmx, tsv, moses): automatic links of this confidence (0 to 1) or more, and "
      "reviewed links")(
      "output,o", po::value<std::string>()->default_value("-"),
      "output file (- for stdout); for moses a prefix: PREFIX.<srclang> and PREFIX.<tgtlang>");
  const auto command = parse_alignment_command(
      arguments,
      "alinea show ALIGNMENT.yaml [--level paragraph|sentence] "
      "[--format term|html|markdown|tmx|tsv|moses] [--width N] [--reviewed-only] "
      "[--min-confidence C] [-o FILE]",
      options, "which alignment? give its file: alinea show ALIGNMENT.yaml");
  if (!command) return 0;
  const auto& [values, alignment_path] = *command;
  const std::string format_name = values["format"].as<std::string>();
  const std::string level_name = values["level"].as<std::string>();
  const auto format = parse_show_format(format_name);
  if (!format) {
    throw UsageError("--format must be term, html, markdown, tmx, tsv or moses, not '" +
                     format_name + "'");
  }
  const auto level = parse_show_level(level_name);
  if (!level) throw UsageError("--level must be paragraph or sentence, not '" + level_name + "'");
  const std::string output = values["output"].as<std::string>();
  if (*format == ShowFormat::moses && (output.empty() || output == "-")) {
    throw UsageError("--format moses writes two files: give their prefix with -o PREFIX");
  }
  const ExportFilter filter = export_filter(values, *format);
  const TerminalWidth width =
      *format == ShowFormat::term
          ? terminal_width(values.count("width") != 0 ? std::optional(values["width"].as<int>())
                                                      : std::nullopt)
          : TerminalWidth{};
  if (width.columns < minimum_terminal_width) {
    throw std::runtime_error("the width from " + width.origin + " is " +
                             std::to_string(width.columns) +
                             " columns, too narrow for two columns side by side (at least " +
                             std::to_string(minimum_terminal_width) +
                             "); widen the terminal, give --width, or choose another --format");
  }

  const LoadedPair pair = load_pair(alignment_path);
  const bool colour = (output.empty() || output == "-") && stdout_wants_colour();
  const std::vector<ShownFile> files =
      render_show(pair.alignment, pair.source, pair.target,
                  {*format, *level, width.columns, colour, filter}, output);
  for (const ShownFile& file : files) {
    refuse_overwriting_inputs(file.path, {alignment_path, pair.source_file, pair.target_file});
  }
  for (const ShownFile& file : files) write_output(file.path, file.text);
  return 0;
}

}  // namespace alinea::cli
