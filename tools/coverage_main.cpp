// alinea coverage: how much of each source is linked, and where the holes are.
#include <iostream>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "command.hpp"
#include "corpus_selection.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

std::optional<EditionFormat> parse_edition_format(std::string_view name) {
  if (name == "text") return EditionFormat::text;
  if (name == "json") return EditionFormat::json;
  if (name == "markdown") return EditionFormat::markdown;
  if (name == "html") return EditionFormat::html;
  if (name == "svg") return EditionFormat::svg;
  return std::nullopt;
}

int run_edition_coverage(const po::variables_map& values) {
  const std::string format_name = values["format"].as<std::string>();
  const auto format = parse_edition_format(format_name);
  if (!format) {
    throw UsageError("--format must be text, json, markdown, html or svg, not '" + format_name +
                     "'");
  }
  if (!values["path"].as<std::vector<std::string>>().empty()) {
    throw UsageError("--by-edition measures the whole corpus of alinea.yaml: name no file");
  }
  try {
    const CorpusSelection selection = select_corpus({}, root_option(values));
    refuse_overwriting_corpus(values["output"].as<std::string>(), selection);
    EditionReport report;
    if (selection.manifest) report = measure_editions(*selection.manifest);
    report.problems.insert(report.problems.begin(), selection.problems.begin(),
                           selection.problems.end());
    write_output(values["output"].as<std::string>(),
                 format_edition_report(report, *format, values["show-pages"].as<std::string>()));
    if (has_errors(report.problems)) {
      std::cerr << format_text_report(report.problems);
      return 1;
    }
  } catch (const FileError& failure) {
    std::cerr << "alinea coverage: " << failure.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

int run_coverage(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "text, json, markdown, html, or svg (a badge; implies --by-edition)")(
      "by-edition", "per edition and volume: texts and pages translated, aligned, reviewed")(
      "show-pages", po::value<std::string>()->default_value("show"),
      "with --by-edition --format html: the folder of the `alinea show --format html` pages");
  po::positional_options_description positional;
  add_corpus_options(options, positional);
  const auto values = parse_command_line(
      arguments,
      "alinea coverage [--format text|json|markdown|html] [-o FILE] [--root DIR] [ALIGNMENT…]\n"
      "       alinea coverage --by-edition [--format text|json|markdown|html|svg] [-o FILE]\n\n"
      "Exit status: 0 measured, 1 some files could not be read or the report not written, 2 usage.",
      options, positional);
  if (!values) return 0;

  const std::string format_name = (*values)["format"].as<std::string>();
  if (values->count("by-edition") != 0 || format_name == "svg") {
    return run_edition_coverage(*values);
  }
  const auto format = parse_coverage_format(format_name);
  if (!format) {
    throw UsageError("--format must be text, json, markdown or html, not '" + format_name + "'");
  }
  const auto paths = (*values)["path"].as<std::vector<std::string>>();

  try {
    CorpusSelection selection = select_corpus(paths, root_option(*values));
    refuse_overwriting_corpus((*values)["output"].as<std::string>(), selection);
    CorpusCoverage coverage;
    if (paths.empty()) {
      if (selection.manifest) coverage = measure_repository(*selection.manifest);
    } else {
      coverage = measure_files(selection.root, selection.files);
    }
    coverage.problems.insert(coverage.problems.begin(), selection.problems.begin(),
                             selection.problems.end());
    write_output((*values)["output"].as<std::string>(), format_coverage(coverage, *format));
    if (has_errors(coverage.problems)) {
      Diagnostics errors;
      for (const Diagnostic& d : coverage.problems) {
        if (d.severity == Severity::error) errors.push_back(d);
      }
      std::cerr << format_text_report(errors);
      return 1;
    }
  } catch (const FileError& failure) {
    std::cerr << "alinea coverage: " << failure.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace alinea::cli
