#include <array>
#include <cstdio>

#include "align/confidence.hpp"
#include "alinea/aligner.hpp"
#include "alinea/base.hpp"
#include "text/lines.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

std::string positions(std::size_t begin, std::size_t count) {
  std::string text = "[";
  for (std::size_t k = 0; k < count; ++k) {
    if (k > 0) text += ", ";
    text += std::to_string(begin + k);
  }
  return text + "]";
}

}  // namespace

std::vector<std::string> sentences_of_lines(std::string_view text, const std::string& name) {
  if (const auto problem = find_invalid_utf8(text)) {
    throw InputError({name, problem->line, problem->column}, "invalid UTF-8");
  }
  const std::vector<std::string_view> lines = lines_of(text);
  return {lines.begin(), lines.end()};
}

std::string format_gold_links(const std::vector<Bead>& beads) {
  std::string out;
  for (const Bead& bead : beads) {
    std::array<char, 16> confidence{};
    std::snprintf(confidence.data(), confidence.size(), "%.3f", bead.confidence);
    out += positions(bead.source_begin, bead.source_count) + ":" +
           positions(bead.target_begin, bead.target_count) + ":" + confidence.data() + "\n";
  }
  return out;
}

SentenceLinesAlignment align_sentence_lines(const SentenceLines& source,
                                            const SentenceLines& target,
                                            const AlignOptions& options) {
  AlignOptions lines_options = options;
  lines_options.link_moved_units = true;
  const std::vector<ExplainedBead> explained = align_sentences_explained(
      sentences_of_lines(source.text, source.name), sentences_of_lines(target.text, target.name),
      source.lang, target.lang, lines_options);
  std::vector<Bead> beads;
  beads.reserve(explained.size());
  for (const ExplainedBead& bead : explained) beads.push_back(bead.bead);
  return {format_gold_links(beads), format_confidence_features(explained)};
}

}  // namespace alinea
