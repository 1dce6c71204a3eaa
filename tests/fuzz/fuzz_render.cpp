// Any two documents (the input split at its first NUL byte) and an alignment built from their
// units, some ids missing: every format renders without crashing, no terminal line is wider than
// the width, and the HTML never contains a script element.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "alinea/render.hpp"
#include "alinea/segment.hpp"
#include "text/unicode.hpp"

namespace {

std::optional<alinea::Document> document_from(std::string_view text, const char* lang) {
  try {
    alinea::Document document = alinea::parse_document(text, "fuzz.md");
    document.lang = lang;
    alinea::segment_document(document);
    return document;
  } catch (const alinea::InputError&) {
    return std::nullopt;
  }
}

alinea::Link link_of(std::vector<std::string> source, std::vector<std::string> target) {
  alinea::Link link;
  link.source = std::move(source);
  link.target = std::move(target);
  link.confidence = 0.5;
  link.source_fingerprint = "0badf00d";
  return link;
}

std::string sentence_of(const std::string& block, std::size_t number) {
  return block + ".s" + std::to_string(number);
}

// p_i ↔ p_i, with sentence links s_j ↔ s_j, plus one link to units neither document has.
alinea::Alignment alignment_of(const alinea::Document& source, const alinea::Document& target) {
  alinea::Alignment alignment;
  alignment.source = {"a.md", source.lang};
  alignment.target = {"b.md", target.lang};
  const std::size_t paragraphs = std::min(source.paragraphs.size(), target.paragraphs.size());
  for (std::size_t i = 0; i < paragraphs; ++i) {
    const alinea::Paragraph& left = source.paragraphs[i];
    const alinea::Paragraph& right = target.paragraphs[i];
    alinea::Link link = link_of({left.id}, {right.id});
    const std::size_t sentences = std::min(left.sentences.size(), right.sentences.size());
    for (std::size_t s = 1; s < sentences; ++s) {
      link.sentences.push_back(link_of({sentence_of(left.id, s)}, {sentence_of(right.id, s)}));
    }
    alignment.paragraphs.push_back(std::move(link));
  }
  alignment.paragraphs.push_back(link_of({"p999999"}, {"p999998", "p1"}));
  const std::size_t notes = std::min(source.notes.size(), target.notes.size());
  for (std::size_t i = 0; i < notes; ++i) {
    alignment.notes.push_back(link_of({source.notes[i].id}, {target.notes[i].id}));
  }
  return alignment;
}

void check_width(const std::string& text, std::size_t width) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (alinea::display_width(std::string_view(text).substr(start, end - start)) > width) {
      std::abort();
    }
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = std::min(input.find('\0'), input.size());
  const auto source = document_from(input.substr(0, split), "fr");
  const auto target = document_from(input.substr(std::min(split + 1, input.size())), "ja");
  if (!source || !target) return 0;
  const alinea::SideBySide view =
      alinea::build_side_by_side(alignment_of(*source, *target), *source, *target);
  const std::size_t width = alinea::minimum_terminal_width + size % 61;
  for (const auto level : {alinea::ShowLevel::paragraph, alinea::ShowLevel::sentence}) {
    check_width(alinea::render_terminal(view, {width, level, false}), width);
    if (alinea::render_html(view, level).find("<script") != std::string::npos) std::abort();
    (void)alinea::render_markdown(view, level);
    (void)alinea::render_tmx(view, level);
    (void)alinea::render_tsv(view, level);
    (void)alinea::render_moses(view, level);
  }
  return 0;
}
