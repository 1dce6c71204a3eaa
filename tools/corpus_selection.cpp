#include "corpus_selection.hpp"

#include <system_error>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"

namespace alinea::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// Named files are checked in their own repository, whatever the working folder; outside any, in
// the working folder when they are inside it, else in the first file's folder.
fs::path root_of_named_file(const std::string& path, const fs::path& here) {
  std::error_code error;
  const fs::path folder = fs::absolute(path, error).lexically_normal().parent_path();
  if (const auto found = find_repository_root(folder)) return *found;
  const fs::path relative = folder.lexically_relative(here);
  if (!relative.empty() && *relative.begin() != "..") return here;
  return folder;
}

}  // namespace

CorpusSelection select_corpus(const std::vector<std::string>& paths,
                              const std::optional<std::string>& root_option) {
  CorpusSelection selection;
  std::error_code error;
  const fs::path here = fs::current_path(error);
  if (error) throw FileError("cannot read the working directory: " + error.message());
  if (root_option) {
    selection.root = fs::absolute(*root_option, error).lexically_normal();
    if (error || !fs::is_directory(selection.root, error)) {
      throw UsageError("--root '" + *root_option + "' is not a folder");
    }
  } else if (!paths.empty()) {
    selection.root = root_of_named_file(paths.front(), here);
  } else if (const auto found = find_repository_root(here)) {
    selection.root = *found;
  } else {
    throw UsageError("no alinea.yaml in " + here.string() +
                     " or above it: run from a corpus repository, or name alignment files");
  }

  if (fs::exists(selection.root / manifest_file_name, error)) {
    try {
      selection.manifest = read_manifest(selection.root);
    } catch (const InputError& failure) {
      selection.problems.push_back(
          {"yaml/syntax", Severity::error, failure.where(), {}, failure.message()});
    }
  } else if (paths.empty()) {
    throw UsageError("no alinea.yaml in " + selection.root.string());
  }

  const auto is_inside = [](const fs::path& relative) {
    return !relative.empty() && *relative.begin() != ".." && relative.is_relative();
  };
  for (const std::string& path : paths) {
    const fs::path absolute = fs::absolute(path, error).lexically_normal();
    fs::path relative = absolute.lexically_relative(selection.root);
    if (!is_inside(relative)) {  // the root may have been reached through a symbolic link
      std::error_code path_error;
      std::error_code root_error;
      const fs::path real_path = fs::weakly_canonical(absolute, path_error);
      const fs::path real_root = fs::weakly_canonical(selection.root, root_error);
      if (!path_error && !root_error) relative = real_path.lexically_relative(real_root);
    }
    if (!is_inside(relative)) {
      selection.problems.push_back(
          {"reference/path-outside-repository",
           Severity::error,
           {path, 0, 0},
           {},
           "'" + path +
               "' is not inside the repository (the folder of alinea.yaml, or the working "
               "folder without one)"});
      continue;
    }
    selection.files.push_back(relative.generic_string());
  }
  return selection;
}

void refuse_overwriting_corpus(const std::string& output, const CorpusSelection& selection) {
  if (output.empty() || output == "-") return;  // the inputs are not even listed
  const Manifest* manifest = selection.manifest ? &selection.manifest->manifest : nullptr;
  refuse_overwriting_inputs(output, repository_inputs(selection.root, manifest, selection.files));
}

void add_corpus_options(po::options_description& options,
                        po::positional_options_description& positional) {
  options.add_options()("output,o", po::value<std::string>()->default_value("-"),
                        "report file (- for stdout)")(
      "root", po::value<std::string>(),
      "the corpus repository (default: the nearest folder holding alinea.yaml)")(
      "path", po::value<std::vector<std::string>>()->default_value({}, ""),
      "alignment files (default: all in alinea.yaml)");
  positional.add("path", -1);
}

std::optional<std::string> root_option(const po::variables_map& values) {
  if (values.count("root") == 0) return std::nullopt;
  return values["root"].as<std::string>();
}

}  // namespace alinea::cli
