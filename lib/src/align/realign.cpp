// The policy of alinea align: what is kept, what is refused, when a file is rewritten.
#include <algorithm>
#include <cstdint>
#include <exception>
#include <iomanip>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "alinea/aligner.hpp"
#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "alinea/segment.hpp"
#include "util/fnv1a.hpp"
#include "util/work_queue.hpp"

namespace alinea {
namespace fs = std::filesystem;

namespace {

constexpr double low_confidence = 0.5;
constexpr std::size_t lowest_shown = 3;

Document read_segmented(const fs::path& path) {
  Document document = read_document(path);
  segment_document(document);
  return document;
}

std::string bead_shape(const Link& link) {
  return std::to_string(link.source.size()) + "-" + std::to_string(link.target.size());
}

std::string joined_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out.empty() ? "∅" : out;
}

std::string fixed2(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << value;
  return out.str();
}

std::string counted(std::size_t count, const std::string& what) {
  return std::to_string(count) + " " + what + (count == 1 ? "" : "s");
}

// "12 sentence links (10 1-1, 2 2-1)": how many links, by bead shape, commonest first.
std::string count_by_shape(const std::vector<const Link*>& links, const std::string& what) {
  std::map<std::string, std::size_t> shapes;
  for (const Link* link : links) ++shapes[bead_shape(*link)];
  std::vector<std::pair<std::string, std::size_t>> ordered(shapes.begin(), shapes.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out = counted(links.size(), what);
  if (ordered.empty()) return out;
  out += " (";
  for (std::size_t k = 0; k < ordered.size(); ++k) {
    out += (k > 0 ? ", " : "") + std::to_string(ordered[k].second) + " " + ordered[k].first;
  }
  return out + ")";
}

std::size_t count_reviewed(const std::vector<const Link*>& links) {
  return static_cast<std::size_t>(std::count_if(links.begin(), links.end(), [](const Link* link) {
    return link->status == LinkStatus::reviewed;
  }));
}

struct Summary {
  std::string text;
  double mean_confidence = 1.0;
};

// Counts by level and bead shape, how much is reviewed, the mean confidence of the automatic
// sentence links (what a reviewer reads) and where the least sure ones are. `written` is the file
// as read back, so that links carry their line numbers.
Summary summarize(const std::string& name, const Alignment& written) {
  std::vector<const Link*> blocks;
  std::vector<const Link*> sentences;
  std::vector<const Link*> finest;  // sentence links, and block links without any (gaps)
  for (const auto* section : {&written.notes, &written.paragraphs}) {
    for (const Link& link : *section) {
      blocks.push_back(&link);
      if (link.sentences.empty()) finest.push_back(&link);
      for (const Link& sentence : link.sentences) {
        sentences.push_back(&sentence);
        finest.push_back(&sentence);
      }
    }
  }
  std::vector<const Link*> automatic;
  std::copy_if(finest.begin(), finest.end(), std::back_inserter(automatic), [](const Link* link) {
    return link->status == LinkStatus::automatic && link->confidence.has_value();
  });
  double total = 0.0;
  for (const Link* link : automatic) total += *link->confidence;
  Summary summary;
  summary.mean_confidence = automatic.empty() ? 1.0 : total / static_cast<double>(automatic.size());

  std::string text = name + ": " + counted(written.notes.size(), "note link") + ", " +
                     counted(written.paragraphs.size(), "paragraph link") + ", " +
                     count_by_shape(sentences, "sentence link") + "\n";
  text += "  reviewed: " + std::to_string(count_reviewed(blocks)) + "/" +
          std::to_string(blocks.size()) + " note and paragraph links, " +
          std::to_string(count_reviewed(sentences)) + "/" + std::to_string(sentences.size()) +
          " sentence links";
  if (!automatic.empty()) {
    text += "; automatic links: mean confidence " + fixed2(summary.mean_confidence);
  }
  text += "\n";
  std::stable_sort(automatic.begin(), automatic.end(),
                   [](const Link* a, const Link* b) { return *a->confidence < *b->confidence; });
  if (!automatic.empty()) {
    text += "  least sure:";
    for (std::size_t k = 0; k < std::min(lowest_shown, automatic.size()); ++k) {
      const Link& link = *automatic[k];
      text += (k > 0 ? "," : "") + std::string(" line ") + std::to_string(link.line) + " " +
              joined_ids(link.source) + " ↔ " + joined_ids(link.target) + " (" +
              fixed2(*link.confidence) + ")";
    }
    text += "\n";
  }
  if (!automatic.empty() && summary.mean_confidence < low_confidence) {
    text += "  warning: mean confidence " + fixed2(summary.mean_confidence) +
            " is low: is the target a translation of the source?\n";
  }
  summary.text = std::move(text);
  return summary;
}

struct PreviousFile {
  Alignment alignment;
  std::string text;
};

// The earlier alignment at `task.output_file`, when there is one, checked to be one that can
// anchor a new alignment of these documents. Throws InputError naming the line at fault.
std::optional<PreviousFile> read_previous(const PairFiles& task, const Document& source,
                                          const Document& target) {
  std::error_code error;
  // A device or a pipe (-o /dev/full) is somewhere to write, not an earlier alignment.
  if (task.output_file == "-" || !fs::is_regular_file(task.output_file, error)) {
    return std::nullopt;
  }
  // Read under the name the user knows it by, so that errors point at it.
  std::string text = read_text_file(task.output_file);
  AlignmentReadResult read = parse_alignment(text, task.output_name);
  for (const Diagnostic& diagnostic : read.diagnostics) {
    if (diagnostic.severity == Severity::error) {
      throw InputError(diagnostic.where, diagnostic.message);
    }
  }
  Alignment previous = std::move(read.alignment);
  const DocumentBase base = document_base_of(task.output_file);
  for (const auto& [ref, wanted, wanted_file, role] :
       {std::tuple{&previous.source, &task.source_ref, &task.source_file, "source"},
        std::tuple{&previous.target, &task.target_ref, &task.target_file, "target"}}) {
    // The same file written another way (by an older alinea, by hand) is the same document.
    const std::optional<fs::path> named = resolve_document(base, ref->path);
    std::error_code same_error;
    const bool same_file = named && fs::equivalent(*named, *wanted_file, same_error);
    if (!same_file &&
        fs::path(ref->path).lexically_normal() != fs::path(*wanted).lexically_normal()) {
      throw InputError({task.output_name, ref->line, ref->column},
                       std::string("this file aligns ") + role + " '" + ref->path + "', not '" +
                           *wanted + "'; write the new alignment to another file");
    }
  }
  const Diagnostics problems = anchor_problems(previous, source, target);
  if (!problems.empty()) {
    std::string message = problems.front().message;
    if (problems.size() > 1) {
      message += " (and " + std::to_string(problems.size() - 1) + " more problem" +
                 (problems.size() > 2 ? "s" : "") + "; 'alinea check' lists them)";
    }
    throw InputError(problems.front().where, message + "; the file was left as it is");
  }
  return PreviousFile{std::move(previous), std::move(text)};
}

// One warning per reviewed link whose units now hold other text than the one reviewed.
std::vector<std::string> changed_text_warnings(const std::string& name, const Alignment& written,
                                               const Document& source, const Document& target) {
  std::vector<std::string> warnings;
  for (const Link* link : reviewed_links_on_changed_text(written, source, target)) {
    warnings.push_back(
        name + ":" + std::to_string(link->line) + ": warning: the reviewed link " +
        describe(*link) +
        " now stands on other text than the one reviewed (text inserted "
        "before it shifts the ids, or its text was edited); check it, then 'alinea review " +
        name + " --accept " +
        (link->source.empty() ? "tgt:" + link->target.front() : link->source.front()) + "'");
  }
  return warnings;
}

// "corpora/w/de.md: warning: alinea has no sentence rules of its own for 'de': …".
std::vector<std::string> segmentation_warnings(const PairFiles& task, const Document& source,
                                               const Document& target) {
  std::vector<std::string> warnings;
  for (const auto& [name, document] :
       {std::pair{&task.source_ref, &source}, std::pair{&task.target_ref, &target}}) {
    if (const auto language = read_language(document->lang).language) {
      if (auto warning = segmentation_warning(*language)) {
        warnings.push_back(*name + ": warning: " + std::move(*warning));
      }
    }
  }
  return warnings;
}

}  // namespace

PairOutcome realign_pair(const PairFiles& task, const AlignOptions& options, bool only_if_stale) {
  const Document source = read_segmented(task.source_file);
  const Document target = read_segmented(task.target_file);
  const std::optional<PreviousFile> file = read_previous(task, source, target);
  const Alignment* previous = file ? &file->alignment : nullptr;
  PairOutcome outcome;
  outcome.state = previous ? PairState::realigned : PairState::created;
  if (previous) {
    const auto why = why_out_of_date(*previous, source, target);
    if (only_if_stale && !why) {
      outcome.state = PairState::up_to_date;
      return outcome;
    }
    outcome.reason = why.value_or("--all");
  }

  const std::optional<fs::path> freedict = freedict_for(options, source.lang, target.lang);
  Alignment alignment = align_documents(source, target, options, previous);
  alignment.source = {task.source_ref, source.lang};
  alignment.target = {task.target_ref, target.lang};
  if (previous) {
    const std::vector<const Link*> dropped = dropped_hand_made_links(*previous, alignment);
    if (!dropped.empty()) {
      // Only a fault of the aligner gets here; refuse rather than lose what a person wrote.
      throw InputError({task.output_name, dropped.front()->line, dropped.front()->column},
                       "realigning would drop this hand-made link (" +
                           std::to_string(dropped.size()) +
                           " in all): the aligner regroups the automatic link that holds it; "
                           "correct that link and mark it reviewed, then run again; the file was "
                           "left as it is");
    }
  }
  if (const auto unlinked = unlinked_units(alignment, source, target); !unlinked.empty()) {
    // Only a fault of the aligner gets here; an alignment with holes is not written.
    throw std::runtime_error(task.output_name + ": the aligner left " + unlinked.front() +
                             " (and " + std::to_string(unlinked.size() - 1) +
                             " more) in no link; nothing was written");
  }
  const WrittenAlignment written = format_alignment_with_lines(std::move(alignment));
  const std::string& text = written.text;
  const Summary summary = summarize(task.output_name, written.alignment);
  outcome.summary = summary.text;
  if (freedict) outcome.summary += "  dictionary: FreeDict's " + freedict->string() + "\n";
  outcome.warnings = segmentation_warnings(task, source, target);
  if (options.freedict_folder && !options.dictionary && !freedict) {
    outcome.warnings.push_back(task.output_name + ": warning: no FreeDict dictionary for " +
                               source.lang + " → " + target.lang + " in " +
                               options.freedict_folder->string() + "; aligned without one");
  }
  for (std::string& warning :
       changed_text_warnings(task.output_name, written.alignment, source, target)) {
    outcome.warnings.push_back(std::move(warning));
  }
  if (task.output_file == "-") {
    outcome.text = text;
  } else if (!file || file->text != text) {
    // An unchanged file keeps its time stamp, and costs no write and no fsync. A file edited
    // (or created) by someone while we aligned is theirs: it is left as it is.
    replace_file_if_unchanged(task.output_file,
                              file ? std::optional<std::string>(file->text) : std::nullopt, text);
  }
  return outcome;
}

PairFiles pair_of_documents(const fs::path& source, const fs::path& target,
                            const std::string& output) {
  const std::string name = output == "-" ? "<stdout>" : output;
  // Standard output has no folder: its reader is assumed to stand where the command ran.
  const DocumentBase base =
      document_base_of(output == "-" ? fs::current_path() / "alignment.yaml" : fs::path(output));
  const auto reference = [&](const fs::path& document, const char* role) {
    std::optional<std::string> written = document_reference(base, document);
    if (!written) {
      throw InputError({name, 0, 0}, std::string("the ") + role + " document " + document.string() +
                                         " is not inside the repository " + base.folder.string() +
                                         " that holds the alignment file: alignment files name "
                                         "documents of their own repository");
    }
    return std::move(*written);
  };
  return {source, target, output, reference(source, "source"), reference(target, "target"), name};
}

PairFiles pair_named_by(const fs::path& file) {
  const Alignment named = read_alignment(file);
  const DocumentBase base = document_base_of(file);
  const auto document = [&](const DocumentRef& ref, const char* role) {
    const std::optional<fs::path> path = resolve_document(base, ref.path);
    if (!path) {
      throw InputError({file.string(), ref.line, ref.column},
                       std::string("its ") + role + " document '" + ref.path +
                           "' is not inside its repository (the folder of alinea.yaml)");
    }
    return *path;
  };
  return {document(named.source, "source"),
          document(named.target, "target"),
          file,
          named.source.path,
          named.target.path,
          file.string()};
}

ShardReading read_shard(std::string_view text) {
  const auto number = [](std::string_view digits) -> std::optional<std::size_t> {
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    std::size_t value = 0;
    for (const char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value;
  };
  const std::size_t slash = text.find('/');
  const std::optional<std::size_t> index =
      slash == std::string_view::npos ? std::nullopt : number(text.substr(0, slash));
  const std::optional<std::size_t> count =
      slash == std::string_view::npos ? std::nullopt : number(text.substr(slash + 1));
  if (!index || !count) {
    return {std::nullopt, "--shard takes I/N, e.g. 2/8, not '" + std::string(text) + "'"};
  }
  if (*count == 0 || *index == 0 || *index > *count) {
    return {std::nullopt, "--shard I/N needs 1 <= I <= N, not '" + std::string(text) + "'"};
  }
  return {Shard{*index - 1, *count}, ""};
}

namespace {

// A pair's shard depends on its alignment file's name only, so that adding a work to the
// manifest does not move the others between machines.
std::size_t shard_of(const std::string& name, std::size_t count) {
  Fnv1a hash;
  hash.add(name);
  return static_cast<std::size_t>(hash.value() % count);
}

// The pairs of the manifest in `shard`, each file once (two threads must never write one file).
void add_manifest_pairs(const Manifest& manifest, const Shard& shard, RepositoryAlignment& list) {
  std::set<std::string> seen;
  for (const ManifestWork& work : manifest.works) {
    for (const ManifestAlignment& pair : work.alignments) {
      const std::string file = fs::path(pair.file).lexically_normal().generic_string();
      // Two threads must never write one file.
      if (!seen.insert(file).second) {
        list.warnings.push_back(manifest.path + ":" + std::to_string(pair.line) +
                                ": warning: alignment file '" + pair.file +
                                "' is listed twice; it is aligned once");
        continue;
      }
      if (shard_of(file, shard.count) != shard.index) continue;
      const ManifestDocument* source = work.document(pair.source_lang);
      const ManifestDocument* target = work.document(pair.target_lang);
      if (source == nullptr || target == nullptr) continue;  // reported by the manifest reader
      list.pairs.push_back(PairFiles{manifest.root / source->file, manifest.root / target->file,
                                     manifest.root / pair.file, source->file, target->file,
                                     pair.file});
    }
  }
}

// Manifest findings that stop nothing here: a missing alignment file is what align creates.
bool is_about_a_file_to_create(const Diagnostic& diagnostic, const Manifest& manifest) {
  if (diagnostic.rule != "manifest/missing-file") return false;
  for (const ManifestWork& work : manifest.works) {
    for (const ManifestAlignment& pair : work.alignments) {
      if (diagnostic.message.rfind("alignment file '" + pair.file + "'", 0) == 0) return true;
    }
  }
  return false;
}

}  // namespace

AlignOptions with_repository_settings(AlignOptions options, const ManifestReadResult& manifest) {
  for (const Diagnostic& diagnostic : manifest.diagnostics) {
    if (diagnostic.rule == "manifest/align-setting") {
      throw InputError(diagnostic.where, diagnostic.message);
    }
  }
  const AlignSettings& settings = manifest.manifest.align;
  if (!settings.freedict || options.dictionary || options.freedict_folder) return options;
  if (settings.freedict_folder.empty()) {
    options.freedict_folder = default_freedict_folder;
  } else {
    const fs::path folder = settings.freedict_folder;
    options.freedict_folder = folder.is_absolute() ? folder : manifest.manifest.root / folder;
  }
  return options;
}

AlignOptions with_settings_of_repository_holding(AlignOptions options, const fs::path& output) {
  const fs::path file = output == "-" ? fs::current_path() / "alignment.yaml" : output;
  const auto root = find_repository_root(fs::absolute(file).parent_path());
  if (!root) return options;
  return with_repository_settings(std::move(options), read_manifest(*root));
}

RepositoryAlignment align_repository(
    const ManifestReadResult& manifest, const AlignOptions& options, unsigned jobs,
    const Shard& shard, bool everything,
    const std::function<void(const std::string&, std::size_t)>& done) {
  RepositoryAlignment result;
  for (const Diagnostic& diagnostic : manifest.diagnostics) {
    if (!is_about_a_file_to_create(diagnostic, manifest.manifest)) {
      result.problems.push_back(diagnostic);
    }
  }
  const AlignOptions pair_options = with_repository_settings(options, manifest);
  add_manifest_pairs(manifest.manifest, shard, result);
  result.outcomes.resize(result.pairs.size());
  detail::run_in_parallel(result.pairs.size(), std::max(jobs, 1U), [&](std::size_t k) {
    try {
      result.outcomes[k] = realign_pair(result.pairs[k], pair_options, !everything);
    } catch (const std::exception& error) {
      result.outcomes[k].state = PairState::failed;
      result.outcomes[k].reason = error.what();
    }
    if (done) done(result.pairs[k].output_name, result.pairs.size());
  });
  return result;
}

}  // namespace alinea
