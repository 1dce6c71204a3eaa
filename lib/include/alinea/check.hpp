// `alinea check`: validates alignment files against their documents and reports findings as
// values. Rules, their ids and their settings are described in docs/CHECK.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/diagnostic.hpp"
#include "alinea/document.hpp"
#include "alinea/language.hpp"
#include "alinea/manifest.hpp"
#include "alinea/value.hpp"

namespace alinea {

struct RuleInfo {
  std::string_view id;
  Severity severity;  // the default
  std::string_view summary;
};

// Every rule `alinea check` applies, in a stable order (schema findings of the readers excepted).
[[nodiscard]] const std::vector<RuleInfo>& check_rules();

// Thresholds and rule severities, from the `check:` settings of alinea.yaml.
struct CheckSettings {
  // Target length over source length (characters of plain text) outside this range is reported
  // for links whose source has at least min_length_for_ratio characters.
  double min_length_ratio = 0.5;
  double max_length_ratio = 2.0;
  std::size_t min_length_for_ratio = 40;
  // Target identical to source is reported from this many words on (short titles and signatures
  // are legitimately identical).
  std::size_t min_words_identical = 4;
  // Hunspell dictionaries, to tell names from common words capitalised by convention
  // ("Oposición de Izquierda", "l'État"); without them every such word counts as a name.
  std::string dictionaries = default_dictionary_folder;
  // Names a rule cannot guess, each the spellings of one name in any language (Guépéou, GPU):
  // from the work's names.yaml beside its documents. Compared as names are, and without dots and
  // spaces (U. R. S. S. is URSS).
  std::vector<std::vector<std::string>> names;
  // Severity per rule id; std::nullopt turns a rule off. Rules not listed keep their default.
  std::map<std::string, std::optional<Severity>, std::less<>> rules;

  // The severity of a rule under these settings; std::nullopt when it is off.
  [[nodiscard]] std::optional<Severity> severity(std::string_view rule) const;
};

struct SettingsReadResult {
  CheckSettings settings;
  Diagnostics diagnostics;  // unknown keys (with "did you mean"), unknown rules, bad values
};

// `base` with the settings of a `check:` mapping applied over it (null leaves it unchanged).
// `file` names the manifest for the diagnostics.
[[nodiscard]] SettingsReadResult apply_settings(const CheckSettings& base, const Value& settings,
                                                const std::string& file);

// Checks one alignment against its two documents, which must be segmented (segment_document).
// Findings point into alignment.path. Pure: reads no file.
[[nodiscard]] Diagnostics check_alignment(const Alignment& alignment, const Document& source,
                                          const Document& target,
                                          const CheckSettings& settings = {});

// A person accepts the findings of `rules` on one link, for `reason` (a review operation): the
// rules join the link's `accept:` list, once each, and the reason replaces the one it had. The
// link is named by units it holds, as alinea review and show name them: source ids ("p3" names
// the paragraph link holding p3, "p3.s2" the sentence link, "p2+p3" one holding both), or target
// ids after "tgt:" or "to-" ("tgt:p5"). Throws InputError (at the alignment file) for units no
// link holds, a rule alinea check does not have (with the closest one), no rule, or an empty
// reason.
[[nodiscard]] Alignment acknowledge_findings(Alignment alignment, std::string_view link_id,
                                             const std::vector<std::string>& rules,
                                             const std::string& reason);

// The glossary of a names.yaml file (`names:` a list of lists of spellings). Findings about its
// shape point into `file`; a YAML syntax error throws InputError.
struct NamesReadResult {
  std::vector<std::vector<std::string>> names;
  Diagnostics diagnostics;
};
[[nodiscard]] NamesReadResult parse_names(std::string_view text, const std::string& file);

// Reads an alignment file and its documents from the repository at `root`, then checks it.
// Everything wrong, unreadable files included, comes back as findings; paths in findings are
// relative to the root. `manifest_pair` (source and target paths the manifest lists) adds a
// check that the alignment file names the same documents.
struct ExpectedDocuments {
  std::string source_path;
  std::string target_path;
};
[[nodiscard]] Diagnostics check_alignment_file(
    const std::filesystem::path& root, const std::string& alignment_path,
    const CheckSettings& settings = {},
    const std::optional<ExpectedDocuments>& expected = std::nullopt);

// One alignment file to check, with its settings and what the manifest says of it.
struct CheckTask {
  std::string alignment_path;  // relative to the root
  CheckSettings settings;
  std::optional<ExpectedDocuments> expected;
};

// Checks the files on `jobs` threads (0: one per hardware thread). Sorted.
[[nodiscard]] Diagnostics check_files(const std::filesystem::path& root,
                                      const std::vector<CheckTask>& tasks, unsigned jobs = 0);

// Checks the alignment files named (relative to `root`), each with the settings and expected
// documents the manifest (when there is one) gives it if it lists it, defaults otherwise; the
// settings' findings once each. On `jobs` threads (0: one per hardware thread). Sorted.
[[nodiscard]] Diagnostics check_named_files(const std::filesystem::path& root,
                                            const std::vector<std::string>& files,
                                            const std::optional<ManifestReadResult>& manifest,
                                            unsigned jobs = 0);

// Checks the manifest and every alignment file it lists (manifest findings included), with the
// top-level and per-work settings, on `jobs` threads (0: one per hardware thread). Sorted. The
// edition's rules come on top: check_corpus (alinea/edition.hpp) is the whole of `alinea check`.
[[nodiscard]] Diagnostics check_repository(const ManifestReadResult& manifest, unsigned jobs = 0);

}  // namespace alinea
