// What `alinea align` tells a person of what it did.
#include <map>

#include "alinea/aligner.hpp"
#include "text/markup.hpp"

namespace alinea {
namespace {

// One line naming files and text of the corpus, safe on a terminal and in a CI log.
std::string shown(std::string_view line) {
  return sanitise_for_display(line, LineBreaks::escaped) + "\n";
}

// A summary of several lines, safe on a terminal.
std::string shown_lines(std::string_view lines) {
  return sanitise_for_display(lines, LineBreaks::kept);
}

std::string counted(std::size_t count, const std::string& what) {
  return std::to_string(count) + " " + what + (count == 1 ? "" : "s");
}

void add_warnings(AlignReport& report, const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) report.lines.push_back({false, shown(warning)});
}

}  // namespace

AlignReport report_pair_alignment(const PairOutcome& outcome) {
  AlignReport report;
  report.lines.push_back({true, shown_lines(outcome.summary)});
  add_warnings(report, outcome.warnings);
  return report;
}

AlignReport report_repository_alignment(const RepositoryAlignment& result, const Shard& shard) {
  AlignReport report;
  for (const Diagnostic& diagnostic : result.problems) {
    report.lines.push_back(
        {false, shown(diagnostic.where.to_string() + ": " + to_string(diagnostic.severity) + ": " +
                      diagnostic.message)});
    report.failed = report.failed || diagnostic.severity == Severity::error;
  }
  add_warnings(report, result.warnings);
  std::map<PairState, std::size_t> tally;
  for (const PairOutcome& outcome : result.outcomes) {
    ++tally[outcome.state];
    switch (outcome.state) {
      case PairState::up_to_date:
        break;
      case PairState::failed:
        report.failed = true;
        report.lines.push_back({false, shown(outcome.reason)});
        break;
      case PairState::created:
        report.lines.push_back({true, "created " + shown_lines(outcome.summary)});
        break;
      case PairState::realigned:
        report.lines.push_back(
            {true, "realigned (" + sanitise_for_display(outcome.reason, LineBreaks::escaped) +
                       ") " + shown_lines(outcome.summary)});
        break;
    }
    add_warnings(report, outcome.warnings);
  }
  std::string count = counted(result.pairs.size(), "alignment");
  if (shard.count > 1) {
    count += " in shard " + std::to_string(shard.index + 1) + "/" + std::to_string(shard.count);
  }
  report.lines.push_back({false, count + ": " + std::to_string(tally[PairState::created]) +
                                     " created, " + std::to_string(tally[PairState::realigned]) +
                                     " realigned, " + std::to_string(tally[PairState::up_to_date]) +
                                     " up to date, " + std::to_string(tally[PairState::failed]) +
                                     " failed\n"});
  return report;
}

}  // namespace alinea
