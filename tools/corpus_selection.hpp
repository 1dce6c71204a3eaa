// What `alinea check` and `alinea coverage` work on: the repository root, its manifest, and the
// alignment files named on the command line (or none: everything the manifest lists).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "command.hpp"

namespace alinea::cli {

struct CorpusSelection {
  std::filesystem::path root;
  // Read when alinea.yaml exists; a manifest that is not YAML becomes a finding instead.
  std::optional<ManifestReadResult> manifest;
  std::vector<std::string> files;  // relative to root; empty means "what the manifest lists"
  Diagnostics problems;            // paths outside the root, an unreadable manifest
};

// Finds the root: --root; else, for named files, the repository holding the first (from any
// working folder), or without one the working folder (or the file's folder when it is elsewhere);
// else the repository of the working folder. Throws UsageError when there is neither a manifest
// nor a path.
[[nodiscard]] CorpusSelection select_corpus(const std::vector<std::string>& paths,
                                            const std::optional<std::string>& root_option);

// The options of a command over a corpus: the report file (-o), --root, and the alignment files
// (positional).
void add_corpus_options(boost::program_options::options_description& options,
                        boost::program_options::positional_options_description& positional);

// --root, when given.
[[nodiscard]] std::optional<std::string> root_option(
    const boost::program_options::variables_map& values);

// UsageError when the report `output` would replace a file of the selection (alinea.yaml, a
// document, an alignment file, a glossary or a catalogue).
void refuse_overwriting_corpus(const std::string& output, const CorpusSelection& selection);

}  // namespace alinea::cli
