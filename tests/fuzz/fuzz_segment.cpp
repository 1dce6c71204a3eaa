// Any bytes: the segmenter either refuses them (InputError, for invalid UTF-8) or returns
// ordered spans inside the text that together keep all of it but white space: a segmenter that
// drops or repeats a character aborts. The same for `alinea segment` on a whole text, plain or
// JSON Lines.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/base.hpp"
#include "alinea/segment.hpp"
#include "text/unicode.hpp"

namespace {

// The text less its white space (no-break spaces too: the segmenter trims them at the edges of
// sentences). Only called on text the segmenter accepted, so valid UTF-8.
std::string without_spaces(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    if (!alinea::is_space(alinea::next_code_point(text, pos))) {
      out += text.substr(begin, pos - begin);
    }
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
  if (without_spaces(kept) != without_spaces(text)) std::abort();
}

// `alinea segment` on the whole text: plain text keeps every character but white space, JSON
// Lines either give one output line per record or are refused with an InputError.
void check_whole_text(alinea::Segmenter& segmenter, std::string_view text) {
  if (without_spaces(alinea::segment_plain_text(text, "fuzz", segmenter)) != without_spaces(text)) {
    std::abort();
  }
  try {
    (void)alinea::segment_json_lines(text, "fuzz", segmenter);
  } catch (const alinea::InputError&) {
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
    check_whole_text(spanish, text);
  } catch (const alinea::InputError&) {
  }
  return 0;
}
