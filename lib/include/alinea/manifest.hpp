// The corpus manifest, alinea.yaml at the repository root: the works, their documents by
// language, and the alignment files between them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/diagnostic.hpp"
#include "alinea/value.hpp"

namespace alinea {

struct ManifestAlignment {
  std::string source_lang;
  std::string target_lang;
  std::string file;  // relative to the root
  std::size_t line = 0;
};

struct ManifestDocument {
  std::string lang;
  std::string file;  // relative to the root
  std::size_t line = 0;
};

struct ManifestWork {
  std::string id;
  std::vector<ManifestDocument> documents;
  std::vector<ManifestAlignment> alignments;
  Value settings;  // per-work `check:` settings, a mapping or null
  std::size_t line = 0;

  [[nodiscard]] const ManifestDocument* document(std::string_view lang) const;
};

struct Manifest {
  std::filesystem::path root;  // the folder that holds alinea.yaml
  std::string path;            // alinea.yaml's path, for messages
  std::vector<ManifestWork> works;
  Value settings;  // top-level `check:` settings, a mapping or null
};

struct ManifestReadResult {
  Manifest manifest;
  Diagnostics diagnostics;  // schema findings with line and column
};

inline constexpr const char* manifest_file_name = "alinea.yaml";

// The nearest folder at or above `start` that holds alinea.yaml; std::nullopt when none does.
[[nodiscard]] std::optional<std::filesystem::path> find_repository_root(
    const std::filesystem::path& start);

// Throws InputError when the file is not YAML, FileError when it cannot be read.
[[nodiscard]] ManifestReadResult read_manifest(const std::filesystem::path& root);

// A repository-relative path (from the manifest or an alignment file) resolved inside `root`;
// std::nullopt when it is absolute, empty, leaves the root through ".." or a symbolic link, or
// cannot be resolved (a symbolic link loop). The file need not exist.
[[nodiscard]] std::optional<std::filesystem::path> resolve_in_repository(
    const std::filesystem::path& root, std::string_view relative);

// ---- Where the document paths of an alignment file lead
//
// Relative to its repository (the nearest folder at or above the file that holds alinea.yaml) or,
// outside any repository, to the file's own folder; never to the working folder, so what one
// command writes the others read from anywhere.

// The folder the document paths of an alignment file are relative to.
struct DocumentBase {
  std::filesystem::path folder;  // absolute
  // The folder holds alinea.yaml: a path must stay inside it (no "..", no absolute path, no
  // symbolic link out, nothing under .git). Outside a repository the paths are the person's own.
  bool repository = false;
};

// The base of the alignment file `alignment_file` (which need not exist yet).
[[nodiscard]] DocumentBase document_base_of(const std::filesystem::path& alignment_file);

// A document path written in an alignment file, found from `base`; std::nullopt when it is empty,
// or leaves a repository base.
[[nodiscard]] std::optional<std::filesystem::path> resolve_document(const DocumentBase& base,
                                                                    std::string_view written);

// How an alignment file with this base names `document`: relative to the base, with '/'.
// std::nullopt when the base is a repository and the document is not inside it.
[[nodiscard]] std::optional<std::string> document_reference(const DocumentBase& base,
                                                            const std::filesystem::path& document);

}  // namespace alinea
