// alinea segment: plain text (or JSON Lines) in, one sentence per line out.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/error.hpp"
#include "alinea/segment.hpp"
#include "command.hpp"
#include "text/unicode.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

// Paragraphs are separated by blank lines; the lines of a paragraph are joined with a space.
std::vector<std::string> paragraphs_of(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  for (std::string_view line : lines_of(text)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_blank(line)) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += line;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

std::string segment_plain_text(std::string_view text, Segmenter& segmenter) {
  std::string out;
  bool first = true;
  for (const std::string& paragraph : paragraphs_of(text)) {
    const std::vector<std::string> sentences = segmenter.split(paragraph);
    if (sentences.empty()) continue;
    if (!first) out += '\n';
    first = false;
    for (const std::string& sentence : sentences) out += sentence + '\n';
  }
  return out;
}

std::string segment_json_lines(std::string_view text, Segmenter& segmenter,
                               const std::string& name) {
  std::string out;
  std::size_t number = 0;
  for (const std::string_view line : lines_of(text)) {
    ++number;
    if (is_blank(line)) continue;
    try {
      out += sentences_to_json_line(segmenter.split(text_of_json_line(line, number))) + '\n';
    } catch (const InputError& error) {
      throw InputError({name, number, error.where().column}, error.message());
    }
  }
  return out;
}

}  // namespace

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
  if (const auto problem = find_invalid_utf8(text)) {
    throw InputError({name, problem->line, problem->column}, "invalid UTF-8");
  }
  const Language language = language_option("lang", (*values)["lang"].as<std::string>());
  if (const auto warning = segmentation_warning(language)) {
    std::cerr << "alinea segment: warning: " << *warning << '\n';
  }
  Segmenter segmenter(language.tag);
  const std::string out = values->count("jsonl") != 0 ? segment_json_lines(text, segmenter, name)
                                                      : segment_plain_text(text, segmenter);
  write_output((*values)["output"].as<std::string>(), out);
  return 0;
}

}  // namespace alinea::cli
