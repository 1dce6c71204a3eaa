// The one loader of an alignment file with its two documents: strict (load_pair, for show, review
// and align) and lenient (read_pair, for check and coverage) read through the same steps.
#include <algorithm>
#include <system_error>
#include <utility>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/segment.hpp"

namespace alinea {
namespace fs = std::filesystem;

namespace {

// Where findings and messages point, and what may be read.
struct Reader {
  std::optional<fs::path> jail;  // nothing outside it is read (check on untrusted input)
  fs::path shown_from;           // files are named relative to this folder
  PairLimits limits;
};

std::string shown(const fs::path& file, const fs::path& from) {
  return file.lexically_normal().lexically_proximate(from).generic_string();
}

std::size_t unit_count(const Document& document) {
  std::size_t units = document.paragraphs.size() + document.notes.size();
  for (const Paragraph& p : document.paragraphs) units += p.sentences.size();
  for (const Note& n : document.notes) units += n.sentences.size();
  return units;
}

// Why a file is over the limits, from its size or its lines; "" when it is not.
std::string over_limits(const fs::path& file, std::string_view text, const PairLimits& limits) {
  std::error_code error;
  if (const auto bytes = fs::file_size(file, error);
      !error && limits.max_file_bytes != 0 && bytes > limits.max_file_bytes) {
    return "it has " + std::to_string(bytes) + " bytes; check reads files of at most " +
           std::to_string(limits.max_file_bytes >> 20U) + " MiB";
  }
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  if (limits.max_lines != 0 && lines > limits.max_lines) {
    return "it has " + std::to_string(lines) + " lines; check reads files of at most " +
           std::to_string(limits.max_lines) + " lines and documents of at most " +
           std::to_string(limits.max_units) +
           " paragraphs, notes and sentences: split the work into several documents";
  }
  return {};
}

// A FileError's message with the file named as the findings name it.
std::string file_problem(const FileError& failure, const fs::path& file, const std::string& name) {
  const std::string what = failure.what();
  const std::string prefix = file.string() + ": ";
  if (what.compare(0, prefix.size(), prefix) == 0) return name + ": " + what.substr(prefix.size());
  return what;
}

void report(Diagnostics& problems, const char* rule, SourcePosition at, std::string message) {
  problems.push_back({rule, Severity::error, std::move(at), {}, std::move(message)});
}

// A whole file within the limits, or std::nullopt and the finding that says why not.
// `described` names the file in the finding: "'x.yaml'", "document 'fr.md'".
std::optional<std::string> read_within_limits(const fs::path& file, const std::string& name,
                                              const std::string& described,
                                              const PairLimits& limits, Diagnostics& problems) {
  try {
    std::string problem = over_limits(file, {}, limits);
    std::string text;
    if (problem.empty()) {
      text = limits.max_file_bytes == 0 ? read_text_file(file)
                                        : read_text_file(file, limits.max_file_bytes);
      problem = over_limits(file, text, limits);
    }
    if (!problem.empty()) {
      report(problems, "file/too-large", {name, 0, 0}, described + " is too large: " + problem);
      return std::nullopt;
    }
    return text;
  } catch (const FileError& failure) {
    report(problems, "file/unreadable", {name, 0, 0}, file_problem(failure, file, name));
    return std::nullopt;
  }
}

// One document of the alignment, found from its base, read and segmented.
struct DocumentReading {
  std::optional<Document> document;
  std::string name;
  Diagnostics problems;
};

DocumentReading read_side(const DocumentBase& base, const DocumentRef& ref, const char* role,
                          const std::string& alignment_name, const Reader& reader) {
  DocumentReading reading;
  const SourcePosition where{alignment_name, ref.line, ref.column};
  std::optional<fs::path> file = resolve_document(base, ref.path);
  if (file && reader.jail) {
    const std::optional<std::string> inside = document_reference({*reader.jail, true}, *file);
    file = inside ? resolve_in_repository(*reader.jail, *inside) : std::nullopt;
  }
  if (!file) {
    report(reading.problems, "reference/path-outside-repository", where,
           std::string("the ") + role + " document '" + ref.path +
               "' is not inside the repository: write a path relative to the folder of "
               "alinea.yaml, without '..' or links that lead out of it");
    return reading;
  }
  reading.name = shown(*file, reader.shown_from);
  std::error_code error;
  if (!fs::is_regular_file(*file, error)) {
    report(reading.problems, "reference/missing-document", where,
           std::string("the ") + role + " document '" + ref.path + "' does not exist (looked for " +
               reading.name + "): fix the path or import the document");
    return reading;
  }
  const std::optional<std::string> text = read_within_limits(
      *file, reading.name, "document '" + reading.name + "'", reader.limits, reading.problems);
  if (!text) return reading;
  try {
    Document document = parse_document(*text, reading.name);
    segment_document(document);
    if (const std::size_t units = unit_count(document);
        reader.limits.max_units != 0 && units > reader.limits.max_units) {
      report(reading.problems, "file/too-large", {reading.name, 0, 0},
             "document '" + reading.name + "' is too large: it has " + std::to_string(units) +
                 " paragraphs, notes and sentences; check reads documents of at most " +
                 std::to_string(reader.limits.max_units) +
                 ": split the work into several documents");
      return reading;
    }
    reading.document = std::move(document);
  } catch (const InputError& failure) {
    report(reading.problems, "reference/unreadable-document", failure.where(), failure.message());
  }
  return reading;
}

// The alignment in `text` (read from `file`) and its documents.
PairReading read_alignment_and_documents(const fs::path& file, const std::string& name,
                                         std::string text, const Reader& reader) {
  PairReading pair;
  AlignmentReadResult read;
  try {
    read = parse_alignment(text, name);
  } catch (const InputError& failure) {
    report(pair.problems, "yaml/syntax", failure.where(), failure.message());
    return pair;
  }
  pair.alignment_text = std::move(text);
  pair.problems = std::move(read.diagnostics);
  pair.alignment = std::move(read.alignment);
  const Alignment& alignment = *pair.alignment;
  if (alignment.source.path.empty() || alignment.target.path.empty()) return pair;

  const DocumentBase base = document_base_of(file);
  DocumentReading source = read_side(base, alignment.source, "source", name, reader);
  DocumentReading target = read_side(base, alignment.target, "target", name, reader);
  for (DocumentReading* side : {&source, &target}) {
    pair.problems.insert(pair.problems.end(), std::make_move_iterator(side->problems.begin()),
                         std::make_move_iterator(side->problems.end()));
  }
  pair.source_name = std::move(source.name);
  pair.target_name = std::move(target.name);
  pair.source = std::move(source.document);
  pair.target = std::move(target.document);
  return pair;
}

}  // namespace

LoadedPair load_pair(const fs::path& alignment_file) {
  std::string text = read_text_file(alignment_file);
  const Reader reader{std::nullopt, fs::current_path(), {}};
  PairReading read = read_alignment_and_documents(alignment_file, alignment_file.string(),
                                                  std::move(text), reader);
  for (const Diagnostic& problem : read.problems) {
    if (problem.severity == Severity::error) throw InputError(problem.where, problem.message);
  }
  if (!read.alignment || !read.source || !read.target) {
    throw InputError({alignment_file.string(), 0, 0}, "the alignment names no documents");
  }
  LoadedPair pair{
      alignment_file,          std::move(read.alignment_text), std::move(*read.alignment), {}, {},
      std::move(*read.source), std::move(*read.target)};
  const DocumentBase base = document_base_of(alignment_file);
  pair.source_file = *resolve_document(base, pair.alignment.source.path);
  pair.target_file = *resolve_document(base, pair.alignment.target.path);
  return pair;
}

PairReading read_pair(const fs::path& root, const std::string& alignment_path,
                      const PairLimits& limits) {
  const std::optional<fs::path> file = resolve_in_repository(root, alignment_path);
  if (!file) {
    PairReading pair;
    report(pair.problems, "reference/path-outside-repository", {alignment_path, 0, 0},
           "'" + alignment_path +
               "' is not inside the repository (the folder of alinea.yaml), or cannot be "
               "resolved (a symbolic link loop)");
    return pair;
  }
  Diagnostics problems;
  std::optional<std::string> text =
      read_within_limits(*file, alignment_path, "'" + alignment_path + "'", limits, problems);
  if (!text) return {{}, {}, {}, {}, {}, {}, std::move(problems)};
  const fs::path folder = fs::absolute(root).lexically_normal();
  // A repository is a jail (its pull requests are untrusted); files outside any repository are
  // the person's own, and name their documents as show and review read them.
  std::error_code error;
  const bool repository = fs::exists(folder / manifest_file_name, error);
  const Reader reader{repository ? std::optional(folder) : std::nullopt, folder, limits};
  return read_alignment_and_documents(*file, alignment_path, std::move(*text), reader);
}

}  // namespace alinea
