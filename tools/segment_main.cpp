// alinea segment: plain text (or JSON Lines) in, one sentence per line out.
#include <iostream>
#include <string>

#include "alinea/segment.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

int run_segment(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("lang,l", po::value<std::string>()->required(),
                        "language of the text (BCP 47: es, fr, …)")(
      "jsonl", "JSON Lines in ({\"text\": …} per line) and out ({\"sentences\": […]} per line)")(
      "output,o", po::value<std::string>()->default_value("-"), "output file (- for stdout)")(
      "input", po::value<std::string>()->default_value("-"), "input file (- for stdin)");
  po::positional_options_description positional;
  positional.add("input", 1);
  const auto values = parse_command_line(
      arguments, "alinea segment --lang L [--jsonl] [FILE|-] [-o OUTPUT]", options, positional);
  if (!values) return 0;

  const std::string input_path = (*values)["input"].as<std::string>();
  const std::string name = input_path == "-" ? "<stdin>" : input_path;
  const std::string text = read_input(input_path);
  const Language language = language_option("lang", (*values)["lang"].as<std::string>());
  if (const auto warning = segmentation_warning(language)) {
    std::cerr << "alinea segment: warning: " << *warning << '\n';
  }
  Segmenter segmenter(language.tag);
  const std::string out = values->count("jsonl") != 0 ? segment_json_lines(text, name, segmenter)
                                                      : segment_plain_text(text, name, segmenter);
  write_output((*values)["output"].as<std::string>(), out);
  return 0;
}

}  // namespace alinea::cli
