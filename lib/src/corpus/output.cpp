// What a command may write over: the rule every command applies to its -o.

#include <algorithm>
#include <cctype>
#include <set>
#include <system_error>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"

namespace alinea {
namespace fs = std::filesystem;

namespace {

// An alignment file named on the command line is read only for the names of its documents, and
// no further than `check` would read it.
constexpr std::size_t max_alignment_bytes = std::size_t{16} << 20U;

std::vector<std::string> documents_named_by(const fs::path& alignment_file) {
  try {
    const AlignmentReadResult read =
        parse_alignment(read_text_file(alignment_file, max_alignment_bytes), "");
    return {read.alignment.source.path, read.alignment.target.path};
  } catch (const InputError&) {
  } catch (const FileError&) {
  }
  return {};  // a file that cannot be read names nothing, and check reports it
}

std::string glossary_beside(const std::string& document) {
  const fs::path folder = fs::path(document).parent_path();
  return (folder / "names.yaml").generic_string();
}

// The same file: one inode when both exist, else one canonical path (a file yet to be created).
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code error;
  if (fs::equivalent(a, b, error) && !error) return true;
  std::error_code a_error;
  std::error_code b_error;
  const fs::path real_a = fs::weakly_canonical(fs::absolute(a, a_error), a_error);
  const fs::path real_b = fs::weakly_canonical(fs::absolute(b, b_error), b_error);
  return !a_error && !b_error && real_a == real_b;
}

bool inside_git_folder(const fs::path& path) {
  std::error_code error;
  const fs::path real = fs::weakly_canonical(fs::absolute(path, error), error);
  for (const fs::path& part : error ? path : real) {
    std::string name = part.string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == ".git") return true;
  }
  return false;
}

}  // namespace

std::vector<fs::path> repository_inputs(const fs::path& root, const Manifest* manifest,
                                        const std::vector<std::string>& alignment_files) {
  std::set<std::string> relative{manifest_file_name};
  const auto add_document = [&](const std::string& document) {
    if (document.empty()) return;
    relative.insert(document);
    relative.insert(glossary_beside(document));
  };
  if (manifest != nullptr) {
    for (const ManifestWork& work : manifest->works) {
      for (const ManifestDocument& document : work.documents) add_document(document.file);
      for (const ManifestAlignment& alignment : work.alignments) relative.insert(alignment.file);
    }
  }
  std::vector<fs::path> inputs;
  for (const std::string& file : alignment_files) {
    relative.insert(file);
    const auto resolved = resolve_in_repository(root, file);
    if (!resolved) continue;
    // Its documents lead from its own base (document_base_of), which need not be `root`.
    const DocumentBase base = document_base_of(*resolved);
    for (const std::string& document : documents_named_by(*resolved)) {
      if (const auto found = resolve_document(base, document)) {
        inputs.push_back(*found);
        inputs.push_back(found->parent_path() / "names.yaml");
      }
    }
  }
  for (const std::string& path : relative) {
    if (const auto resolved = resolve_in_repository(root, path)) inputs.push_back(*resolved);
  }
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(root / "editions", error)) {
    if (entry.path().extension() == ".yaml") inputs.push_back(entry.path());
  }
  return inputs;
}

std::optional<std::string> refused_output(const std::string& output,
                                          const std::vector<fs::path>& inputs) {
  if (output.empty() || output == "-") return std::nullopt;
  if (inside_git_folder(output)) {
    return "-o " + output + " is inside a .git folder: git's own files are not alinea's to write";
  }
  for (const fs::path& input : inputs) {
    if (same_file(output, input)) {
      return "-o " + output + " would overwrite " + input.string() +
             ", an input of this command; write the output to another file";
    }
  }
  return std::nullopt;
}

}  // namespace alinea
