// Reading an alignment for review with its documents, and writing it back without overwriting
// what changed on disk meanwhile.
#include <system_error>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/review.hpp"

namespace alinea {
namespace fs = std::filesystem;

OpenedAlignment open_for_review(const fs::path& file) {
  LoadedPair pair = load_pair(file);
  return {file, std::move(pair.alignment_text), std::move(pair.alignment),
          ReviewDocuments{std::move(pair.source), std::move(pair.target)}};
}

OpenedAlignment save_review(const OpenedAlignment& opened, const Alignment& updated) {
  std::error_code error;
  const std::string on_disk = fs::exists(opened.file, error) ? read_text_file(opened.file) : "";
  if (on_disk != opened.text) {
    throw ReviewConflict(opened.file.string() +
                         " changed on disk since it was read (edited or realigned meanwhile); "
                         "nothing was written: read it again and redo the change");
  }
  WrittenAlignment written = format_alignment_with_lines(updated);
  written.alignment.path = opened.file.string();
  if (written.text != opened.text) write_file_atomically(opened.file, written.text);
  return {opened.file, std::move(written.text), std::move(written.alignment), opened.documents};
}

}  // namespace alinea
