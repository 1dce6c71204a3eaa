// alinea check: validate alignment files against their documents, as CI does.
#include <iostream>

#include "alinea/check.hpp"
#include "alinea/edition.hpp"
#include "alinea/error.hpp"
#include "alinea/report.hpp"
#include "command.hpp"
#include "corpus_selection.hpp"

namespace alinea::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

void append(Diagnostics& to, Diagnostics from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Settings and expected documents for a file the manifest lists; defaults for one it does not.
CheckTask task_for(const CorpusSelection& selection, const std::string& file,
                   Diagnostics& settings_findings) {
  CheckSettings settings;
  std::optional<ExpectedDocuments> expected;
  if (selection.manifest) {
    const Manifest& manifest = selection.manifest->manifest;
    SettingsReadResult base = apply_settings({}, manifest.settings, manifest.path);
    append(settings_findings, std::move(base.diagnostics));
    settings = base.settings;
    for (const ManifestWork& work : manifest.works) {
      for (const ManifestAlignment& entry : work.alignments) {
        if (fs::path(entry.file).lexically_normal() != fs::path(file).lexically_normal()) continue;
        SettingsReadResult own = apply_settings(base.settings, work.settings, manifest.path);
        append(settings_findings, std::move(own.diagnostics));
        settings = own.settings;
        const ManifestDocument* source = work.document(entry.source_lang);
        const ManifestDocument* target = work.document(entry.target_lang);
        if (source != nullptr && target != nullptr) {
          expected = ExpectedDocuments{source->file, target->file};
        }
      }
    }
  }
  return {file, settings, expected};
}

}  // namespace

int run_check(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "text, json, github (workflow commands) or sarif (2.1.0)")(
      "output,o", po::value<std::string>()->default_value("-"), "report file (- for stdout)")(
      "jobs,j", po::value<unsigned>()->default_value(0),
      "files checked at once (0: one per processor)")(
      "root", po::value<std::string>(),
      "the corpus repository (default: the nearest folder holding alinea.yaml)")(
      "path", po::value<std::vector<std::string>>()->default_value({}, ""),
      "alignment files (default: all in alinea.yaml)");
  po::positional_options_description positional;
  positional.add("path", -1);
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
  std::optional<std::string> root;
  if (values->count("root") != 0) root = (*values)["root"].as<std::string>();

  Diagnostics findings;
  try {
    CorpusSelection selection = select_corpus(paths, root);
    refuse_overwriting_corpus(output, selection);
    findings = std::move(selection.problems);
    if (paths.empty()) {
      if (selection.manifest) append(findings, check_corpus(*selection.manifest, jobs));
    } else {
      Diagnostics settings_findings;
      std::vector<CheckTask> tasks;
      for (const std::string& file : selection.files) {
        tasks.push_back(task_for(selection, file, settings_findings));
      }
      append(findings, check_files(selection.root, tasks, jobs));
      std::sort(settings_findings.begin(), settings_findings.end());
      settings_findings.erase(std::unique(settings_findings.begin(), settings_findings.end(),
                                          [](const Diagnostic& a, const Diagnostic& b) {
                                            return !(a < b) && !(b < a);
                                          }),
                              settings_findings.end());
      append(findings, std::move(settings_findings));
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
