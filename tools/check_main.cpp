// alinea check: validate alignment files against their documents, as CI does.
#include <iostream>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "command.hpp"
#include "corpus_selection.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

void append(Diagnostics& to, Diagnostics from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

int run_check(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "text, json, github (workflow commands) or sarif (2.1.0)")(
      "jobs,j", po::value<unsigned>()->default_value(0),
      "files checked at once (0: one per processor)");
  po::positional_options_description positional;
  add_corpus_options(options, positional);
  const auto values = parse_command_line(
      arguments,
      "alinea check [--format text|json|github|sarif] [-o FILE] [--root DIR] "
      "[-j N] [ALIGNMENT…]\n\n"
      "Exit status: 0 no error, 1 errors found or a file could not be read or written, 2 usage.",
      options, positional);
  if (!values) return 0;

  const std::string format_name = (*values)["format"].as<std::string>();
  const auto format = parse_report_format(format_name);
  if (!format)
    throw UsageError("--format must be text, json, github or sarif, not '" + format_name + "'");
  const auto paths = (*values)["path"].as<std::vector<std::string>>();
  const unsigned jobs = (*values)["jobs"].as<unsigned>();
  const std::string output = (*values)["output"].as<std::string>();

  Diagnostics findings;
  try {
    CorpusSelection selection = select_corpus(paths, root_option(*values));
    refuse_overwriting_corpus(output, selection);
    findings = std::move(selection.problems);
    if (paths.empty()) {
      if (selection.manifest) append(findings, check_corpus(*selection.manifest, jobs));
    } else {
      append(findings,
             check_named_files(selection.root, selection.files, selection.manifest, jobs));
    }
    std::stable_sort(findings.begin(), findings.end());
    write_output(output, format_report(findings, *format));
  } catch (const FileError& failure) {
    std::cerr << "alinea check: " << failure.what() << '\n';
    return 1;
  }
  return has_errors(findings) ? 1 : 0;
}

}  // namespace alinea::cli
