// Reading an alignment for review with its documents, and writing it back without overwriting
// what changed on disk meanwhile.
#include <system_error>

#include "alinea/alignment_io.hpp"
#include "alinea/manifest.hpp"
#include "alinea/review.hpp"
#include "alinea/segment.hpp"
#include "util/files.hpp"

namespace alinea {
namespace fs = std::filesystem;
namespace {

Alignment parse_strictly(const std::string& text, const std::string& name) {
  AlignmentReadResult read = parse_alignment(text, name);
  for (const Diagnostic& diagnostic : read.diagnostics) {
    if (diagnostic.severity == Severity::error)
      throw InputError(diagnostic.where, diagnostic.message);
  }
  return std::move(read.alignment);
}

// A document the alignment names, relative to the repository root, read and segmented.
Document load_document(const fs::path& root, const DocumentRef& ref, const std::string& name,
                       const char* role) {
  const std::optional<fs::path> path = resolve_in_repository(root, ref.path);
  if (!path) {
    throw InputError({name, 0, 0}, std::string("the ") + role + " document '" + ref.path +
                                       "' is not a path inside the repository " + root.string());
  }
  std::error_code error;
  if (!fs::exists(*path, error)) {
    throw FileError(name + ": its " + role + " document " + ref.path +
                    " does not exist (looked for " + path->string() + ")");
  }
  Document document = read_document(*path);
  segment_document(document);
  // Named in messages and in the queue as the person can open it from here.
  document.path = path->lexically_proximate(fs::current_path()).generic_string();
  return document;
}

// The one place that finds an alignment's documents (to be replaced by the corpus loader).
ReviewDocuments load_documents(const fs::path& file, const Alignment& alignment) {
  const fs::path folder = fs::absolute(file).parent_path();
  const fs::path root = find_repository_root(folder).value_or(folder);
  const std::string name = file.string();
  return {load_document(root, alignment.source, name, "source"),
          load_document(root, alignment.target, name, "target")};
}

}  // namespace

OpenedAlignment open_for_review(const fs::path& file) {
  std::string text = read_text_file(file);
  Alignment alignment = parse_strictly(text, file.string());
  ReviewDocuments documents = load_documents(file, alignment);
  return {file, std::move(text), std::move(alignment), std::move(documents)};
}

OpenedAlignment save_review(const OpenedAlignment& opened, const Alignment& updated) {
  std::error_code error;
  const std::string on_disk = fs::exists(opened.file, error) ? read_text_file(opened.file) : "";
  if (on_disk != opened.text) {
    throw ReviewConflict(opened.file.string() +
                         " changed on disk since it was read (edited or realigned meanwhile); "
                         "nothing was written: read it again and redo the change");
  }
  std::string text = format_alignment(updated);
  Alignment written = parse_strictly(text, opened.file.string());
  if (text != opened.text) write_file_atomically(opened.file, text);
  return {opened.file, std::move(text), std::move(written), opened.documents};
}

}  // namespace alinea
