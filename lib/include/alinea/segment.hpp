// Sentence segmentation, language by language.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "alinea/base.hpp"
#include "alinea/document.hpp"

namespace alinea {

struct SentenceSpan {
  std::size_t begin = 0;  // byte offsets into the paragraph; white space between sentences
  std::size_t end = 0;    // belongs to neither
};

// Splits paragraphs into sentences for one language (rules for es and fr; ICU's defaults with
// generic rules for any other). Reusable across many paragraphs; not thread-safe.
class Segmenter {
 public:
  // `lang` is a BCP 47 tag ("es", "es_ES"; "" for none); InputError naming it otherwise.
  explicit Segmenter(const std::string& lang);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  [[nodiscard]] std::vector<SentenceSpan> spans(std::string_view paragraph);
  [[nodiscard]] std::vector<std::string> split(std::string_view paragraph);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Why the sentences of `language` may be split less well: it has no rules of its own (no
// lib/data), so ICU's general rules apply. std::nullopt for es and fr. Commands print it.
[[nodiscard]] std::optional<std::string> segmentation_warning(const Language& language);

// Fills `sentences` of every paragraph and note, using the document's language.
void segment_document(Document& document);

// `alinea segment`: a whole text, read as `name` (for messages), one sentence per line. Plain
// text is paragraphs separated by blank lines, the lines of each joined by a space; a blank line
// separates the paragraphs' sentences in the output. InputError at the first invalid UTF-8.
[[nodiscard]] std::string segment_plain_text(std::string_view text, const std::string& name,
                                             Segmenter& segmenter);

// `alinea segment --jsonl`: JSON Lines, {"text": …} per line in (blank lines skipped) and
// {"sentences": […]} per line out. InputError at the line (and column) of the first line that is
// not a JSON object with a string "text", or of invalid UTF-8.
[[nodiscard]] std::string segment_json_lines(std::string_view text, const std::string& name,
                                             Segmenter& segmenter);

}  // namespace alinea
