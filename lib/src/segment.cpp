// Sentence segmentation: ICU's sentence boundaries, corrected so that note references stay with
// the sentence they follow.
#include "alinea/segment.hpp"

#include <algorithm>

#include "alinea/error.hpp"
#include "alinea/unicode.hpp"

namespace alinea {

namespace {

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool is_label_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// The length of the note reference `[^label]` starting at `pos`, or 0 when there is none.
std::size_t note_reference_length(std::string_view text, std::size_t pos) {
  if (pos + 3 >= text.size() || text[pos] != '[' || text[pos + 1] != '^') return 0;
  std::size_t end = pos + 2;
  while (end < text.size() && is_label_byte(text[end])) ++end;
  if (end == pos + 2 || end >= text.size() || text[end] != ']') return 0;
  return end + 1 - pos;
}

std::vector<ByteRange> note_reference_ranges(std::string_view text) {
  std::vector<ByteRange> ranges;
  for (std::size_t pos = text.find("[^"); pos != std::string_view::npos;
       pos = text.find("[^", pos + 1)) {
    if (const std::size_t length = note_reference_length(text, pos); length > 0) {
      ranges.push_back({pos, pos + length});
    }
  }
  return ranges;
}

// A boundary inside a note reference, or just before one, moves past it: the reference belongs
// to the sentence it follows.
std::size_t move_past_note_references(std::string_view text, std::size_t boundary,
                                      const std::vector<ByteRange>& references) {
  for (const ByteRange& reference : references) {
    if (reference.begin < boundary && boundary < reference.end) boundary = reference.end;
    if (reference.begin == boundary) boundary = reference.end;
  }
  while (boundary < text.size()) {
    const std::size_t length = note_reference_length(text, boundary);
    if (length == 0) break;
    boundary += length;
  }
  return boundary;
}

void throw_if_invalid_utf8(std::string_view text) {
  if (const auto problem = find_invalid_utf8(text)) {
    throw InputError({"<paragraph>", problem->line, problem->column},
                     "invalid UTF-8 in the text to segment");
  }
}

std::vector<SentenceSpan> spans_between(std::string_view text,
                                        const std::vector<std::size_t>& boundaries) {
  std::vector<SentenceSpan> spans;
  std::size_t begin = 0;
  auto add = [&](std::size_t from, std::size_t to) {
    while (from < to) {
      std::size_t pos = from;
      if (!is_space(next_code_point(text, pos))) break;
      from = pos;
    }
    while (to > from) {
      std::size_t start = to - 1;
      while (start > from && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) --start;
      std::size_t pos = start;
      if (!is_space(next_code_point(text, pos))) break;
      to = start;
    }
    if (from < to) spans.push_back({from, to});
  };
  for (const std::size_t boundary : boundaries) {
    add(begin, boundary);
    begin = boundary;
  }
  add(begin, text.size());
  return spans;
}

}  // namespace

struct Segmenter::Impl {
  std::string lang;
  BreakFinder finder;

  explicit Impl(const std::string& language)
      : lang(language), finder(BreakKind::sentence, language.empty() ? "und" : language) {}
};

Segmenter::Segmenter(const std::string& lang) : impl_(std::make_unique<Impl>(lang)) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

std::vector<SentenceSpan> Segmenter::spans(std::string_view paragraph) {
  throw_if_invalid_utf8(paragraph);
  const std::vector<ByteRange> references = note_reference_ranges(paragraph);
  std::vector<std::size_t> boundaries;
  for (const BreakFinder::Boundary& boundary : impl_->finder.boundaries(paragraph)) {
    const std::size_t moved = move_past_note_references(paragraph, boundary.offset, references);
    if (moved < paragraph.size() && (boundaries.empty() || boundaries.back() < moved)) {
      boundaries.push_back(moved);
    }
  }
  return spans_between(paragraph, boundaries);
}

std::vector<std::string> Segmenter::split(std::string_view paragraph) {
  std::vector<std::string> sentences;
  for (const SentenceSpan& span : spans(paragraph)) {
    sentences.emplace_back(paragraph.substr(span.begin, span.end - span.begin));
  }
  return sentences;
}

void segment_document(Document& document) {
  Segmenter segmenter(document.lang);
  for (Paragraph& paragraph : document.paragraphs)
    paragraph.sentences = segmenter.split(paragraph.text);
  for (Note& note : document.notes) note.sentences = segmenter.split(note.text);
}

}  // namespace alinea
