// Making and remaking alignment files without losing what a person wrote: the policy of
// `alinea align`, for one pair (realign_pair) or every pair of a repository (align_repository),
// the counterparts of check_alignment_file and check_repository.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/aligner.hpp"
#include "alinea/diagnostic.hpp"
#include "alinea/manifest.hpp"

namespace alinea {

// One alignment file to make or remake.
struct PairFiles {
  std::filesystem::path source_file;  // where to read the documents and write the alignment
  std::filesystem::path target_file;
  std::filesystem::path output_file;  // "-": nothing is written, PairOutcome::text holds it
  std::string source_ref;  // the documents as the alignment file names them (alinea/corpus.hpp)
  std::string target_ref;
  std::string output_name;  // the alignment file, for messages
};

// Two documents and the file to write, the documents named as the file's readers will look for
// them (alinea/corpus.hpp): relative to the repository holding `output`, else to its folder; for
// "-", relative to the working folder's repository, else to the working folder. InputError when
// `output` is in a repository and a document is not.
[[nodiscard]] PairFiles pair_of_documents(const std::filesystem::path& source,
                                          const std::filesystem::path& target,
                                          const std::string& output);

// The pair an existing alignment file names, found as load_pair finds it (any working folder).
// InputError when a document it names is not inside that repository.
[[nodiscard]] PairFiles pair_named_by(const std::filesystem::path& alignment_file);

enum class PairState { created, realigned, up_to_date, failed };

struct PairOutcome {
  PairState state = PairState::failed;
  std::string reason;   // why it was realigned, or what went wrong
  std::string summary;  // for created and realigned pairs: counts, the least sure links
  std::string text;     // the alignment file's text when the output is "-"
  // "FILE:LINE: warning: …": reviewed links that now stand on text other than the one reviewed.
  std::vector<std::string> warnings;
};

// Aligns one pair, anchored on the links of the file already there (reviewed links, omissions,
// notes), and writes the file unless nothing changed. With `only_if_stale`, a file that is up to
// date is left alone. Throws InputError (or FileError) and writes nothing when the previous
// file cannot anchor the new one, the new one would lose a hand-made link or a unit, or the file
// changed on disk while aligning (a person's edit is never overwritten). An output that is not a
// regular file (a device, a pipe) is written, never read as a previous alignment.
[[nodiscard]] PairOutcome realign_pair(const PairFiles& pair, const AlignOptions& options,
                                       bool only_if_stale);

// Shard `index` (0-based) of `count`: a share of a repository's pairs, for splitting the work
// across machines.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
};
// "2/8" (1-based on the command line). Either `shard` or `problem` is set.
struct ShardReading {
  std::optional<Shard> shard;
  std::string problem;
};
[[nodiscard]] ShardReading read_shard(std::string_view text);

struct RepositoryAlignment {
  std::vector<PairFiles> pairs;       // those of the shard, in manifest order
  std::vector<PairOutcome> outcomes;  // one per pair; failures carry their message
  Diagnostics problems;  // the manifest's findings, but for alignment files yet to be made
  std::vector<std::string> warnings;  // "…: warning: alignment file '…' is listed twice"
};

// Makes the missing alignment files of the manifest and remakes those out of date (every one
// with `everything`), `jobs` at a time; `done` (when given) is called with each file's name and
// the number of pairs as each finishes, from any thread.
[[nodiscard]] RepositoryAlignment align_repository(
    const ManifestReadResult& manifest, const AlignOptions& options, unsigned jobs,
    const Shard& shard, bool everything,
    const std::function<void(const std::string&, std::size_t)>& done = {});

// What `alinea align` tells a person, line by line in order: findings, failures and warnings for
// standard error, and (`summary`) the summaries of the pairs created or realigned, which --summary
// sends to standard output. Every name and text in them is safe on a terminal and in a CI log.
struct ReportLine {
  bool summary = false;
  std::string text;  // one or more lines, each ending in '\n'
};
struct AlignReport {
  std::vector<ReportLine> lines;
  bool failed = false;  // a pair failed, or a finding is an error: exit 1
};

// One pair: its summary, then its warnings.
[[nodiscard]] AlignReport report_pair_alignment(const PairOutcome& outcome);

// Every pair of a repository run: the manifest's findings and warnings, then each pair's outcome
// ("created …", "realigned (why) …", a failure), then "3 alignments [in shard 1/2]: 1 created, 1
// realigned, 1 up to date, 0 failed".
[[nodiscard]] AlignReport report_repository_alignment(const RepositoryAlignment& result,
                                                      const Shard& shard);

}  // namespace alinea
