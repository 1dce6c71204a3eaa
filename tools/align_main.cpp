// alinea align: aligns a translation with its source into an alignment file, keeping every link a
// person made; with no documents named, does so for every pair of the manifest that needs it.
// The benchmark mode (--lines) is in align_lines.cpp.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "alinea/aligner.hpp"
#include "alinea/alignment_io.hpp"
#include "alinea/document.hpp"
#include "alinea/error.hpp"
#include "alinea/manifest.hpp"
#include "alinea/segment.hpp"
#include "command.hpp"
#include "util/files.hpp"

namespace alinea::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// One alignment file to make or remake.
struct PairTask {
  fs::path source_file;  // where to read the documents and write the alignment
  fs::path target_file;
  fs::path output_file;
  std::string source_ref;  // the documents as the alignment file names them (root-relative)
  std::string target_ref;
  std::string output_name;  // the alignment file, for messages
};

enum class PairState { created, realigned, up_to_date, failed };

struct PairOutcome {
  PairState state = PairState::failed;
  std::string reason;   // why it was realigned, or what went wrong
  std::string summary;  // for created and realigned pairs
};

constexpr double low_confidence = 0.5;
constexpr std::size_t lowest_shown = 3;

Document read_segmented(const fs::path& path) {
  Document document = read_document(path);
  segment_document(document);
  return document;
}

// A document path as alignment files write it: relative to the repository root, with '/'.
std::string reference_to(const fs::path& file, const fs::path& root) {
  const fs::path absolute = fs::absolute(file).lexically_normal();
  const fs::path relative = absolute.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return file.generic_string();
  return relative.generic_string();
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
std::optional<PreviousFile> read_previous(const PairTask& task, const Document& source,
                                          const Document& target) {
  std::error_code error;
  if (task.output_file == "-" || !fs::exists(task.output_file, error)) return std::nullopt;
  // Read under the name the user knows it by, so that errors point at it.
  std::string text = read_text_file(task.output_file);
  AlignmentReadResult read = parse_alignment(text, task.output_name);
  for (const Diagnostic& diagnostic : read.diagnostics) {
    if (diagnostic.severity == Severity::error) {
      throw InputError(diagnostic.where, diagnostic.message);
    }
  }
  Alignment previous = std::move(read.alignment);
  for (const auto& [ref, wanted, role] :
       {std::tuple{&previous.source, &task.source_ref, "source"},
        std::tuple{&previous.target, &task.target_ref, "target"}}) {
    if (fs::path(ref->path).lexically_normal() != fs::path(*wanted).lexically_normal()) {
      throw InputError({task.output_name, 0, 0}, std::string("this file aligns ") + role + " '" +
                                                     ref->path + "', not '" + *wanted +
                                                     "'; write the new alignment to another file");
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

// Aligns one pair. Throws on bad input; the file is written only when everything went well.
PairOutcome align_pair(const PairTask& task, const AlignOptions& options, bool only_if_stale) {
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
  const std::string text = format_alignment(alignment);
  const AlignmentReadResult written = parse_alignment(text, task.output_name);
  const Summary summary = summarize(task.output_name, written.alignment);
  outcome.summary = summary.text;
  if (task.output_file == "-") {
    std::cout << text;
  } else if (!file || file->text != text) {
    // An unchanged file keeps its time stamp, and costs no write and no fsync.
    write_file_atomically(task.output_file, text);
  }
  return outcome;
}

PairOutcome align_pair_safely(const PairTask& task, const AlignOptions& options,
                              bool only_if_stale) {
  try {
    return align_pair(task, options, only_if_stale);
  } catch (const std::exception& error) {
    PairOutcome failed;
    failed.reason = error.what();
    return failed;
  }
}

struct Shard {
  std::size_t index = 0;  // 0-based
  std::size_t count = 1;
};

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  std::size_t index = 0;
  std::size_t count = 0;
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    std::size_t used = 0;
    index = std::stoul(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("junk");
    count = std::stoul(text.substr(slash + 1), &used);
    if (used != text.size() - slash - 1) throw std::invalid_argument("junk");
  } catch (const std::logic_error&) {
    throw UsageError("--shard takes I/N, e.g. 2/8, not '" + text + "'");
  }
  if (count == 0 || index == 0 || index > count) {
    throw UsageError("--shard I/N needs 1 <= I <= N, not '" + text + "'");
  }
  return {index - 1, count};
}

// A pair's shard depends on its alignment file's name only, so that adding a work to the
// manifest does not move the others between machines.
std::size_t shard_of(const std::string& name, std::size_t count) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return static_cast<std::size_t>(hash % count);
}

struct TaskList {
  std::vector<PairTask> tasks;
  std::vector<std::string> warnings;
};

TaskList manifest_tasks(const Manifest& manifest, const Shard& shard) {
  TaskList list;
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
      list.tasks.push_back({manifest.root / source->file, manifest.root / target->file,
                            manifest.root / pair.file, source->file, target->file, pair.file});
    }
  }
  return list;
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

class Progress {
 public:
  Progress(std::size_t total, bool shown) : total_(total), shown_(shown) {}
  void advance(const std::string& name) {
    const std::lock_guard lock(mutex_);
    ++done_;
    if (!shown_) return;
    std::cerr << "\r\033[Kaligned " << done_ << "/" << total_ << "  " << name << std::flush;
  }
  void finish() const {
    if (shown_ && done_ > 0) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  std::mutex mutex_;
  std::size_t done_ = 0;
  std::size_t total_;
  bool shown_;
};

int align_manifest(const po::variables_map& values, const AlignOptions& options) {
  const Shard shard = parse_shard(values["shard"].as<std::string>());
  const auto root = find_repository_root(fs::current_path());
  if (!root) {
    throw UsageError(std::string("no ") + manifest_file_name +
                     " here or above: name the documents, alinea align SRC.md TGT.md -o FILE");
  }
  const ManifestReadResult manifest = read_manifest(*root);
  bool failed = false;
  for (const Diagnostic& diagnostic : manifest.diagnostics) {
    if (is_about_a_file_to_create(diagnostic, manifest.manifest)) continue;
    std::cerr << diagnostic.where.to_string() << ": " << to_string(diagnostic.severity) << ": "
              << diagnostic.message << '\n';
    failed = failed || diagnostic.severity == Severity::error;
  }
  // Not a structured binding: lambdas below use `tasks`, which clang 14 cannot capture from one.
  const TaskList task_list = manifest_tasks(manifest.manifest, shard);
  const std::vector<PairTask>& tasks = task_list.tasks;
  for (const std::string& warning : task_list.warnings) std::cerr << warning << '\n';
  const bool everything = values.count("all") != 0;
  const std::size_t jobs = std::max<std::size_t>(
      1,
      std::min<std::size_t>(values["jobs"].as<unsigned>(), std::max<std::size_t>(tasks.size(), 1)));

  std::vector<PairOutcome> outcomes(tasks.size());
  std::atomic<std::size_t> next{0};
  Progress progress(tasks.size(), ::isatty(STDERR_FILENO) == 1);
  const auto worker = [&] {
    for (std::size_t k = next++; k < tasks.size(); k = next++) {
      outcomes[k] = align_pair_safely(tasks[k], options, !everything);
      progress.advance(tasks[k].output_name);
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& thread : threads) thread.join();
  progress.finish();

  std::ostream& summary_out = values.count("summary") != 0 ? std::cout : std::cerr;
  std::map<PairState, std::size_t> tally;
  for (const PairOutcome& outcome : outcomes) {
    ++tally[outcome.state];
    switch (outcome.state) {
      case PairState::up_to_date:
        break;
      case PairState::failed:
        failed = true;
        std::cerr << outcome.reason << '\n';
        break;
      case PairState::created:
        summary_out << "created " << outcome.summary;
        break;
      case PairState::realigned:
        summary_out << "realigned (" << outcome.reason << ") " << outcome.summary;
        break;
    }
  }
  std::cerr << counted(tasks.size(), "alignment");
  if (shard.count > 1) std::cerr << " in shard " << shard.index + 1 << "/" << shard.count;
  std::cerr << ": " << tally[PairState::created] << " created, " << tally[PairState::realigned]
            << " realigned, " << tally[PairState::up_to_date] << " up to date, "
            << tally[PairState::failed] << " failed\n";
  return failed ? 1 : 0;
}

bool names_an_alignment_file(const fs::path& path) {
  return path.extension() == ".yaml" || path.extension() == ".yml";
}

// `alinea align FILE.yaml`: realigns the pair the file names, from the repository it is in,
// keeping its hand-made links.
int align_named_pair(const po::variables_map& values, const AlignOptions& options) {
  if (values.count("output") != 0) {
    throw UsageError("-o goes with two documents; alinea align FILE.yaml rewrites FILE.yaml");
  }
  const fs::path file = values["source"].as<std::string>();
  const Alignment named = read_alignment(file);
  const fs::path folder = fs::absolute(file).parent_path();
  const fs::path root = find_repository_root(folder).value_or(folder);
  const auto document = [&](const DocumentRef& ref, const char* role) {
    const std::optional<fs::path> path = resolve_in_repository(root, ref.path);
    if (!path) {
      throw InputError({file.string(), 0, 0},
                       std::string("its ") + role + " document '" + ref.path +
                           "' is not inside its repository (the folder of alinea.yaml)");
    }
    return *path;
  };
  const PairTask task{document(named.source, "source"),
                      document(named.target, "target"),
                      file,
                      named.source.path,
                      named.target.path,
                      file.string()};
  const PairOutcome outcome = align_pair(task, options, false);
  (values.count("summary") != 0 ? std::cout : std::cerr) << outcome.summary;
  return 0;
}

int align_files(const po::variables_map& values, const AlignOptions& options) {
  if (values.count("target") == 0 && names_an_alignment_file(values["source"].as<std::string>())) {
    return align_named_pair(values, options);
  }
  if (values.count("target") == 0) {
    throw UsageError("give both documents (SRC.md TGT.md), or an alignment file (FILE.yaml)");
  }
  if (values.count("output") == 0) throw UsageError("say where to write: -o alignments/NAME.yaml");
  const fs::path source = values["source"].as<std::string>();
  const fs::path target = values["target"].as<std::string>();
  const fs::path root = find_repository_root(fs::current_path()).value_or(fs::current_path());
  const std::string output = values["output"].as<std::string>();
  const PairTask task{source,
                      target,
                      output,
                      reference_to(source, root),
                      reference_to(target, root),
                      output == "-" ? "<stdout>" : output};
  const PairOutcome outcome = align_pair(task, options, false);
  (values.count("summary") != 0 ? std::cout : std::cerr) << outcome.summary;
  return 0;
}

}  // namespace

int run_align(const Arguments& arguments) {
  if (std::find(arguments.begin(), arguments.end(), "--lines") != arguments.end()) {
    return run_align_lines(arguments);
  }
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>(),
                        "alignment file to write (- for stdout); an existing one is realigned, "
                        "keeping its reviewed links, omissions and notes")(
      "summary", "print the summary on stdout instead of stderr")(
      "jobs,j", po::value<unsigned>()->default_value(1), "without documents: threads to use")(
      "shard", po::value<std::string>()->default_value("1/1"),
      "without documents: align only shard I of N (1-based), for splitting across machines")(
      "all", "without documents: realign every pair, not only those missing or out of date")(
      "dictionary", po::value<std::string>(), "bilingual word list, hunalign format")(
      "mt", "translate the source with Apertium when installed")(
      "lines", "benchmark mode: one sentence per line (see alinea align --lines --help)")(
      "source", po::value<std::string>(), "source document (Markdown)")(
      "target", po::value<std::string>(), "target document (Markdown), the translation");
  po::positional_options_description positional;
  positional.add("source", 1).add("target", 1);
  const auto values = parse_command_line(
      arguments,
      "alinea align SRC.md TGT.md -o alignments/NAME.yaml\n"
      "       alinea align alignments/NAME.yaml   (realign the pair it names)\n"
      "       alinea align [--jobs N] [--shard I/N] [--all]   (every pair of alinea.yaml)",
      options, positional);
  if (!values) return 0;

  AlignOptions align_options;
  if (values->count("dictionary") != 0) {
    align_options.dictionary = (*values)["dictionary"].as<std::string>();
  }
  align_options.use_machine_translation = values->count("mt") != 0;
  if (values->count("source") == 0) {
    if (values->count("output") != 0) throw UsageError("-o needs the two documents: SRC.md TGT.md");
    return align_manifest(*values, align_options);
  }
  return align_files(*values, align_options);
}

}  // namespace alinea::cli
