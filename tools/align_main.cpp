// alinea align: aligns a translation with its source into an alignment file, keeping every link a
// person made; with no documents named, does so for every pair of the manifest that needs it.
// The policy is the library's (realign_pair, alinea/aligner.hpp); the benchmark mode (--lines) is
// in align_lines.cpp.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "alinea/aligner.hpp"
#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// Each line of the report where it goes: summaries to standard output with --summary.
void print(const AlignReport& report, const po::variables_map& values) {
  for (const ReportLine& line : report.lines) {
    (line.summary && values.count("summary") != 0 ? std::cout : std::cerr) << line.text;
  }
}

int align_manifest(const po::variables_map& values, const AlignOptions& options) {
  const ShardReading shard = read_shard(values["shard"].as<std::string>());
  if (!shard.shard) throw UsageError(shard.problem);
  const auto root = find_repository_root(fs::current_path());
  if (!root) {
    throw UsageError(std::string("no ") + manifest_file_name +
                     " here or above: name the documents, alinea align SRC.md TGT.md -o FILE");
  }
  const ManifestReadResult manifest = read_manifest(*root);
  Progress progress("aligned");
  const RepositoryAlignment result = align_repository(
      manifest, options, values["jobs"].as<unsigned>(), *shard.shard, values.count("all") != 0,
      [&](const std::string& name, std::size_t total) { progress.advance(name, total); });
  progress.finish();
  const AlignReport report = report_repository_alignment(result, *shard.shard);
  print(report, values);
  return report.failed ? 1 : 0;
}

int align_one(const po::variables_map& values, const PairFiles& pair, const AlignOptions& options) {
  const PairOutcome outcome =
      realign_pair(pair, with_settings_of_repository_holding(options, pair.output_file), false);
  if (pair.output_file == "-") write_output("-", outcome.text);
  print(report_pair_alignment(outcome), values);
  return 0;
}

int align_files(const po::variables_map& values, const AlignOptions& options) {
  const fs::path source = values["source"].as<std::string>();
  if (values.count("target") == 0 &&
      (source.extension() == ".yaml" || source.extension() == ".yml")) {
    if (values.count("output") != 0) {
      throw UsageError("-o goes with two documents; alinea align FILE.yaml rewrites FILE.yaml");
    }
    return align_one(values, pair_named_by(source), options);
  }
  if (values.count("target") == 0) {
    throw UsageError("give both documents (SRC.md TGT.md), or an alignment file (FILE.yaml)");
  }
  if (values.count("output") == 0) throw UsageError("say where to write: -o alignments/NAME.yaml");
  const fs::path target = values["target"].as<std::string>();
  const std::string output = values["output"].as<std::string>();
  std::vector<fs::path> inputs{source, target};
  if (options.dictionary) inputs.emplace_back(*options.dictionary);
  refuse_overwriting_inputs(output, inputs);
  return align_one(values, pair_of_documents(source, target, output), options);
}

}  // namespace

int run_align(const Arguments& arguments) {
  if (std::find(arguments.begin(), arguments.end(), "--lines") != arguments.end()) {
    return run_align_lines(arguments);
  }
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>(),
                        "alignment file to write (- for stdout); an existing one is realigned, "
                        "keeping its reviewed links, omissions and notes")(
      "summary", "print the summary on stdout instead of stderr")(
      "jobs,j", po::value<unsigned>()->default_value(1), "without documents: threads to use")(
      "shard", po::value<std::string>()->default_value("1/1"),
      "without documents: align only shard I of N (1-based), for splitting across machines")(
      "all", "without documents: realign every pair, not only those missing or out of date")(
      "dictionary", po::value<std::string>(), "bilingual word list, hunalign format")(
      "mt", "translate the source with Apertium when installed")(
      "freedict", po::value<std::string>()->implicit_value(default_freedict_folder),
      "use FreeDict's dictionary for each pair's languages when installed (Debian's "
      "dict-freedict-*, in this folder; scripts/setup.sh freedict): its word pairs teach the "
      "aligner what one short text cannot; the summary names it")(
      "lines", "benchmark mode: one sentence per line (see alinea align --lines --help)")(
      "source", po::value<std::string>(), "source document (Markdown)")(
      "target", po::value<std::string>(), "target document (Markdown), the translation");
  po::positional_options_description positional;
  positional.add("source", 1).add("target", 1);
  const auto values = parse_command_line(
      arguments,
      "alinea align SRC.md TGT.md -o alignments/NAME.yaml\n"
      "       alinea align alignments/NAME.yaml   (realign the pair it names)\n"
      "       alinea align [--jobs N] [--shard I/N] [--all]   (every pair of alinea.yaml)",
      options, positional);
  if (!values) return 0;

  const AlignOptions align_options = align_options_of(*values);
  if (values->count("source") == 0) {
    if (values->count("output") != 0) throw UsageError("-o needs the two documents: SRC.md TGT.md");
    return align_manifest(*values, align_options);
  }
  return align_files(*values, align_options);
}

}  // namespace alinea::cli
