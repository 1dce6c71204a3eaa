// An alignment file with the two documents it names: the one loader that check, coverage, show,
// review and align read a pair with. Where its paths lead is in manifest.hpp (document_base_of).
//
// The paths of an alignment file are relative to its repository — the nearest folder at or above
// the file that holds alinea.yaml — or, outside any repository, to the file's own folder. They
// never depend on the working folder, so what one command writes the others read from anywhere.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "alinea/alignment.hpp"
#include "alinea/diagnostic.hpp"
#include "alinea/document.hpp"
#include "alinea/manifest.hpp"

namespace alinea {

// An alignment file read strictly, with its documents read and segmented.
struct LoadedPair {
  std::filesystem::path alignment_file;
  std::string alignment_text;         // as read, to notice a change made on disk meanwhile
  Alignment alignment;                // links carry their line; document references too
  std::filesystem::path source_file;  // the documents as found from the base
  std::filesystem::path target_file;
  Document source;  // `path` names the file as seen from the working folder
  Document target;
};

// Throws FileError when the alignment file cannot be read, and InputError with the file, line and
// column of the first problem: YAML, the schema, a document path that leads out of the repository
// or names no file, a document that is not a document.
[[nodiscard]] LoadedPair load_pair(const std::filesystem::path& alignment_file);

// What a lenient reading may cost: files larger, or with more lines or units, are refused with a
// finding (file/too-large). 0: no limit.
struct PairLimits {
  std::size_t max_file_bytes = 0;
  std::size_t max_lines = 0;
  std::size_t max_units = 0;  // paragraphs, notes and sentences of one document
};

// An alignment file read leniently, for validation: what could not be read is missing and
// `problems` says why (rule ids reference/*, file/*, yaml/syntax, and the reader's schema
// findings).
struct PairReading {
  std::string alignment_text;
  std::optional<Alignment> alignment;
  std::optional<Document> source;
  std::optional<Document> target;
  std::string source_name;  // the documents as findings name them: relative to the root
  std::string target_name;
  Diagnostics problems;
};

// `alignment_path` is relative to `root`, and so are the names in findings. The alignment file
// must be inside `root`; when `root` is a repository (it holds alinea.yaml), so must its
// documents: nothing outside it is read.
[[nodiscard]] PairReading read_pair(const std::filesystem::path& root,
                                    const std::string& alignment_path, const PairLimits& limits);

}  // namespace alinea
