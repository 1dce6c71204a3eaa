#include <algorithm>
#include <set>
#include <system_error>
#include <utility>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "util/suggest.hpp"
#include "util/yaml.hpp"

namespace alinea {
namespace fs = std::filesystem;

namespace {

// The manifest is small; anything near this size is not a manifest.
constexpr std::size_t max_manifest_bytes = std::size_t{16} << 20U;

const std::vector<std::string_view> top_level_keys = {"alinea", "works", "check", "align"};
const std::vector<std::string_view> align_keys = {"freedict"};
const std::vector<std::string_view> work_keys = {"id", "documents", "alignments", "check"};
const std::vector<std::string_view> alignment_keys = {"source", "target", "file"};

bool is_inside(const fs::path& root, const fs::path& path) {
  auto root_part = root.begin();
  auto path_part = path.begin();
  for (; root_part != root.end(); ++root_part, ++path_part) {
    if (root_part->empty()) continue;  // a trailing separator on the root
    if (path_part == path.end() || *path_part != *root_part) return false;
  }
  return true;
}

// Collects findings while walking the manifest tree.
class ManifestReader {
 public:
  ManifestReader(fs::path root, std::string file)
      : root_(std::move(root)), file_(std::move(file)) {}

  ManifestReadResult read(const Value& top) {
    ManifestReadResult result;
    result.manifest.root = root_;
    result.manifest.path = file_;
    if (!top.is_mapping()) {
      report("manifest/wrong-type", top,
             "alinea.yaml must be a mapping with 'alinea: 1' and 'works'");
      result.diagnostics = std::move(diagnostics_);
      return result;
    }
    report_unknown_keys(top, top_level_keys, "the manifest");
    check_version(top);
    if (const Value* settings = top.find("check")) {
      result.manifest.settings = read_settings(*settings);
    }
    if (const Value* align = top.find("align")) result.manifest.align = read_align(*align);
    const Value* works = top.find("works");
    if (works == nullptr) {
      report("manifest/missing-field", top, "the manifest has no 'works' list");
    } else if (works->is_sequence()) {
      for (const Value& work : works->items) {
        if (auto read = read_work(work)) result.manifest.works.push_back(std::move(*read));
      }
    } else if (!works->is_null()) {
      report("manifest/wrong-type", *works, "'works' must be a list of works");
    }
    std::stable_sort(diagnostics_.begin(), diagnostics_.end());
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

 private:
  void report(std::string rule, const Value& where, std::string message,
              Severity severity = Severity::error) {
    diagnostics_.push_back(
        {std::move(rule), severity, {file_, where.line, where.column}, {}, std::move(message)});
  }

  void report_unknown_keys(const Value& mapping, const std::vector<std::string_view>& known,
                           const std::string& owner) {
    for (const auto& [key, value] : mapping.members) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      report("manifest/unknown-key", value,
             "unknown key '" + key + "' in " + owner + detail::did_you_mean(key, known));
    }
  }

  void check_version(const Value& top) {
    const Value* version = top.find("alinea");
    if (version == nullptr) {
      report("manifest/missing-field", top, "the manifest has no 'alinea: 1' (format version)");
    } else if (version->as_integer() != 1) {
      report("manifest/version", *version,
             "unsupported format version '" + version->text + "': this alinea reads version 1");
    }
  }

  AlignSettings read_align(const Value& align) {
    AlignSettings settings;
    settings.line = align.line;
    if (align.is_null()) return settings;
    // Its findings share one rule: a setting that is not understood must stop `alinea align`,
    // which would otherwise give other links than the repository asks for.
    if (!align.is_mapping()) {
      report("manifest/align-setting", align, "'align' must be a mapping of settings (freedict)");
      return settings;
    }
    for (const auto& [key, value] : align.members) {
      if (std::find(align_keys.begin(), align_keys.end(), key) != align_keys.end()) continue;
      report("manifest/align-setting", value,
             "unknown key '" + key + "' in 'align'" + detail::did_you_mean(key, align_keys));
    }
    if (const Value* freedict = align.find("freedict")) {
      const std::optional<bool> on = freedict->as_bool();
      if (on) {
        settings.freedict = *on;
      } else if (freedict->is_scalar() && !freedict->text.empty()) {
        settings.freedict = true;
        settings.freedict_folder = freedict->text;
      } else {
        report("manifest/align-setting", *freedict,
               "'freedict' must be true, false or the folder of FreeDict's dictionaries");
      }
    }
    return settings;
  }

  Value read_settings(const Value& settings) {
    if (settings.is_mapping() || settings.is_null()) return settings;
    report("manifest/wrong-type", settings, "'check' must be a mapping of settings");
    return {};
  }

  // A scalar field of a mapping, reported when missing or not a scalar.
  std::optional<std::string> required_text(const Value& mapping, std::string_view key,
                                           const std::string& owner) {
    const Value* value = mapping.find(key);
    if (value == nullptr) {
      report("manifest/missing-field", mapping, owner + " has no '" + std::string(key) + "'");
      return std::nullopt;
    }
    if (!value->is_scalar() || value->text.empty()) {
      report("manifest/wrong-type", *value,
             "'" + std::string(key) + "' of " + owner + " must be a non-empty text");
      return std::nullopt;
    }
    return value->text;
  }

  // Whether a path written in the manifest names an existing file inside the repository.
  bool check_path(const Value& value, const std::string& what) {
    const auto resolved = resolve_in_repository(root_, value.text);
    const fs::path lexical = fs::path(value.text).lexically_normal();
    const bool lexically_inside = !value.text.empty() && lexical.is_relative() &&
                                  !lexical.has_root_name() && *lexical.begin() != "..";
    std::error_code loop;
    if (!resolved && lexically_inside && !fs::exists(fs::weakly_canonical(root_ / lexical, loop)) &&
        loop) {
      report("manifest/missing-file", value,
             what + " '" + value.text + "' cannot be resolved: " + loop.message());
      return false;
    }
    if (!resolved) {
      report("manifest/path-outside-repository", value,
             what + " '" + value.text +
                 "' is not inside the repository: write a path relative to the folder of "
                 "alinea.yaml, without '..' or links that lead out of it");
      return false;
    }
    std::error_code error;
    if (!fs::is_regular_file(*resolved, error)) {
      report("manifest/missing-file", value,
             what + " '" + value.text + "' does not exist or is not a regular file");
      return false;
    }
    return true;
  }

  std::optional<ManifestWork> read_work(const Value& entry) {
    if (!entry.is_mapping()) {
      report("manifest/wrong-type", entry, "each work must be a mapping with 'id' and 'documents'");
      return std::nullopt;
    }
    ManifestWork work;
    work.line = entry.line;
    const auto id = required_text(entry, "id", "a work");
    if (!id) return std::nullopt;
    work.id = *id;
    const std::string owner = "work '" + work.id + "'";
    report_unknown_keys(entry, work_keys, owner);
    if (!seen_ids_.insert(work.id).second) {
      report("manifest/duplicate-work", *entry.find("id"),
             "work '" + work.id + "' is listed twice; merge the two entries");
    }
    if (const Value* settings = entry.find("check")) work.settings = read_settings(*settings);

    std::set<std::string> declared_langs;
    const Value* documents = entry.find("documents");
    if (documents == nullptr) {
      report("manifest/missing-field", entry, owner + " has no 'documents' (language: path)");
    } else if (!documents->is_mapping()) {
      report("manifest/wrong-type", *documents,
             "'documents' of " + owner + " must map languages to paths, e.g. 'fr: corpora/" +
                 work.id + "/fr.md'");
    } else {
      for (const auto& [written_lang, path] : documents->members) {
        const LanguageReading reading = read_language(written_lang);
        if (!reading.language) {
          report("manifest/unknown-language", path, reading.problem);
          continue;
        }
        const std::string& lang = reading.language->tag;
        declared_langs.insert(lang);
        if (!path.is_scalar() || path.text.empty()) {
          report("manifest/wrong-type", path,
                 "the '" + lang + "' document of " + owner + " must be a path");
          continue;
        }
        if (check_path(path, "document")) work.documents.push_back({lang, path.text, path.line});
      }
    }

    if (const Value* alignments = entry.find("alignments")) {
      if (alignments->is_sequence()) {
        for (const Value& alignment : alignments->items) {
          if (auto read = read_alignment_entry(alignment, owner, declared_langs, work)) {
            work.alignments.push_back(std::move(*read));
          }
        }
      } else if (!alignments->is_null()) {
        report("manifest/wrong-type", *alignments,
               "'alignments' of " + owner + " must be a list of {source, target, file}");
      }
    }
    return work;
  }

  std::optional<ManifestAlignment> read_alignment_entry(const Value& entry,
                                                        const std::string& owner,
                                                        const std::set<std::string>& declared_langs,
                                                        const ManifestWork& work) {
    if (!entry.is_mapping()) {
      report("manifest/wrong-type", entry,
             "each alignment of " + owner + " must be a mapping {source, target, file}");
      return std::nullopt;
    }
    report_unknown_keys(entry, alignment_keys, "an alignment of " + owner);
    auto source = required_text(entry, "source", "an alignment of " + owner);
    auto target = required_text(entry, "target", "an alignment of " + owner);
    const auto file = required_text(entry, "file", "an alignment of " + owner);
    if (!source || !target || !file) return std::nullopt;
    bool usable = true;
    for (auto& [key, lang] :
         {std::pair<const char*, std::string&>{"source", *source}, {"target", *target}}) {
      const LanguageReading reading = read_language(lang);
      if (!reading.language) {
        report("manifest/unknown-language", *entry.find(key), reading.problem);
        usable = false;
        continue;
      }
      lang = reading.language->tag;
      if (declared_langs.count(lang) == 0) {
        report(
            "manifest/unknown-language", *entry.find(key),
            "language '" + lang + "' has no document in " + owner + "; add it under 'documents'");
        usable = false;
      } else if (work.document(lang) == nullptr) {
        usable = false;  // its document was already reported
      }
    }
    if (*source == *target && usable) {
      report("manifest/same-language", entry, "an alignment needs two different languages");
      usable = false;
    }
    // A missing alignment file still names a pair: `alinea align` creates it.
    const bool file_usable = check_path(*entry.find("file"), "alignment file") ||
                             resolve_in_repository(root_, *file).has_value();
    if (!file_usable) usable = false;
    if (!usable) return std::nullopt;
    return ManifestAlignment{*source, *target, *file, entry.line};
  }

  fs::path root_;
  std::string file_;
  Diagnostics diagnostics_;
  std::set<std::string> seen_ids_;
};

}  // namespace

const ManifestDocument* ManifestWork::document(std::string_view lang) const {
  const auto found = std::find_if(documents.begin(), documents.end(),
                                  [&](const ManifestDocument& d) { return d.lang == lang; });
  return found == documents.end() ? nullptr : &*found;
}

std::optional<fs::path> find_repository_root(const fs::path& start) {
  std::error_code error;
  fs::path folder = fs::absolute(start, error);
  if (error) return std::nullopt;
  folder = folder.lexically_normal();
  // A path ending in a separator has an empty file name; drop it so parent_path() climbs.
  if (!folder.has_filename() && folder.has_parent_path() && folder != folder.root_path()) {
    folder = folder.parent_path();
  }
  while (true) {
    if (fs::is_regular_file(folder / manifest_file_name, error)) return folder;
    const fs::path parent = folder.parent_path();
    if (parent == folder || parent.empty()) return std::nullopt;
    folder = parent;
  }
}

ManifestReadResult read_manifest(const fs::path& root) {
  const std::string file = manifest_file_name;
  // The manifest too must be a file of the repository, not a link to one elsewhere.
  if (!resolve_in_repository(root, manifest_file_name)) {
    throw FileError(
        (root / manifest_file_name).string() +
        ": is a symbolic link out of the repository; alinea reads only files inside it");
  }
  const std::string text = read_text_file(root / manifest_file_name, max_manifest_bytes);
  const Value top = parse_yaml(text, file);
  ManifestReader reader(root, file);
  return reader.read(top);
}

namespace {

// Whether a path goes through a folder named .git (in any case: some file systems ignore it).
// CI checkouts keep a credential in .git/config, and a file written under .git/hooks runs.
bool names_a_git_folder(const fs::path& relative) {
  for (const fs::path& part : relative) {
    std::string name = part.string();
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (name == ".git") return true;
  }
  return false;
}

}  // namespace

std::optional<fs::path> resolve_in_repository(const fs::path& root, std::string_view relative) {
  if (relative.empty() || relative.find('\0') != std::string_view::npos) return std::nullopt;
  const fs::path written(relative);
  if (written.is_absolute() || written.has_root_name() || written.has_root_directory()) {
    return std::nullopt;
  }
  const fs::path lexical = written.lexically_normal();
  if (!lexical.empty() && *lexical.begin() == "..") return std::nullopt;

  // Symbolic links may still lead out: compare the real locations.
  std::error_code error;
  const fs::path real_root = fs::weakly_canonical(root, error);
  if (error) return std::nullopt;
  const fs::path real_path = fs::weakly_canonical(root / lexical, error);
  if (error) return std::nullopt;  // a link loop, or a component that cannot be read
  if (!is_inside(real_root, real_path)) return std::nullopt;
  if (names_a_git_folder(lexical) || names_a_git_folder(real_path.lexically_relative(real_root))) {
    return std::nullopt;
  }
  return root / lexical;
}

namespace {

bool leads_out(const fs::path& relative) {
  return relative.empty() || relative.is_absolute() || *relative.begin() == "..";
}

// `file` as a path relative to `folder`, comparing real locations when the plain ones differ
// (a folder reached through a symbolic link); empty when it is not inside.
fs::path relative_inside(const fs::path& file, const fs::path& folder) {
  fs::path relative = file.lexically_relative(folder);
  if (!leads_out(relative)) return relative;
  std::error_code error;
  const fs::path real_file = fs::weakly_canonical(file, error);
  if (error) return {};
  const fs::path real_folder = fs::weakly_canonical(folder, error);
  if (error) return {};
  relative = real_file.lexically_relative(real_folder);
  return leads_out(relative) ? fs::path() : relative;
}

}  // namespace

DocumentBase document_base_of(const fs::path& alignment_file) {
  const fs::path folder = fs::absolute(alignment_file).lexically_normal().parent_path();
  if (auto root = find_repository_root(folder)) return {std::move(*root), true};
  return {folder, false};
}

std::optional<fs::path> resolve_document(const DocumentBase& base, std::string_view written) {
  if (base.repository) return resolve_in_repository(base.folder, written);
  if (written.empty() || written.find('\0') != std::string_view::npos) return std::nullopt;
  return (base.folder / fs::path(written)).lexically_normal();
}

std::optional<std::string> document_reference(const DocumentBase& base, const fs::path& document) {
  const fs::path absolute = fs::absolute(document).lexically_normal();
  const fs::path inside = relative_inside(absolute, base.folder);
  if (!inside.empty()) return inside.generic_string();
  if (base.repository) return std::nullopt;
  std::error_code error;
  const fs::path real_file = fs::weakly_canonical(absolute, error);
  const fs::path real_folder = fs::weakly_canonical(base.folder, error);
  if (error) return absolute.lexically_relative(base.folder).generic_string();
  return real_file.lexically_relative(real_folder).generic_string();
}

}  // namespace alinea
