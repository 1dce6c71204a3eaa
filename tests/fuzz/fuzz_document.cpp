// Any bytes: parse_document either throws InputError, or returns a document that format_document
// writes and parse_document reads back with the same ids, languages, texts, note references and
// block kinds (heading levels, list markers and depths);
// writing that again gives the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/base.hpp"
#include "alinea/document.hpp"

namespace {

bool same_content(const alinea::Document& a, const alinea::Document& b) {
  if (a.id != b.id || a.lang != b.lang || a.paragraphs.size() != b.paragraphs.size() ||
      a.notes.size() != b.notes.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.paragraphs.size(); ++i) {
    const alinea::Paragraph& x = a.paragraphs[i];
    const alinea::Paragraph& y = b.paragraphs[i];
    if (x.id != y.id || x.text != y.text || x.note_ids != y.note_ids || x.kind != y.kind ||
        x.level != y.level || x.marker != y.marker) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.notes.size(); ++i) {
    const alinea::Note& x = a.notes[i];
    const alinea::Note& y = b.notes[i];
    if (x.id != y.id || x.label != y.label || x.text != y.text) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  alinea::Document document;
  try {
    document = alinea::parse_document(text, "fuzz.md");
  } catch (const alinea::InputError&) {
    return 0;
  }
  const std::string written = alinea::format_document(document);
  try {
    const alinea::Document again = alinea::parse_document(written, "fuzz.md");
    if (!same_content(document, again)) std::abort();
    if (alinea::format_document(again) != written) std::abort();
  } catch (const alinea::InputError&) {
    std::abort();  // alinea refuses a file it wrote itself
  }
  return 0;
}
