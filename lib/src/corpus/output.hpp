// What a command may write over: never a file it reads. A report written with `-o` onto the
// manifest, an alignment file or a document would destroy what a person wrote.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alinea/alignment.hpp"

namespace alinea {

// The files a command over the repository at `root` reads: alinea.yaml; the documents and
// alignment files `manifest` lists (when there is one); the catalogues in editions/; the glossary
// (names.yaml) beside each document; the alignment files named on the command line
// (`alignment_files`, relative to `root`) and the documents they name.
[[nodiscard]] std::vector<std::filesystem::path> repository_inputs(
    const std::filesystem::path& root, const Manifest* manifest,
    const std::vector<std::string>& alignment_files);

// Why `output` may not be written, or std::nullopt when it may: it names one of `inputs`, under
// any spelling or through a symbolic link ("-o alinea.yaml would overwrite alinea.yaml, an input
// of this command"), or it is inside a .git folder (in any case, or through a link: git's hooks
// and configuration are never alinea's to write). "-" and "" are standard output and always may
// be written.
[[nodiscard]] std::optional<std::string> refused_output(
    const std::string& output, const std::vector<std::filesystem::path>& inputs);

}  // namespace alinea
