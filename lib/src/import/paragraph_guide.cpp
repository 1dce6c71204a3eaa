// Following a source's paragraphs where a translation's layout cannot tell where its own end: a
// dynamic programme over the line ends that may end a paragraph, aligning the paragraphs they
// make with the source's (docs/IMPORT.md, "Following the source's paragraphs").
#include "import/paragraph_guide.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace alinea::import_steps {
namespace {

constexpr double impossible = std::numeric_limits<double>::infinity();

// How a translation's paragraphs correspond to its source's: one for one nearly always (Gale
// and Church's 0.89 is for sentences; translators keep paragraphs far more faithfully), two for
// one and one for two now and then, one for none rarely.
const double one_for_one = -std::log(0.98);
const double two_for_one = -std::log(0.0075);
const double one_for_none = -std::log(0.0025);
// Characters of a translation per character of its source vary with a variance of 6.8 per
// character (Gale and Church's estimate, which holds across European languages).
constexpr double length_variance = 6.8;
// A note reference on the wrong side of a paragraph end: translators move them very rarely.
constexpr double misplaced_reference = 10.0;
// How far (in source paragraphs) the alignment may stray from where the lengths put it, and how
// many line ends that may end a paragraph one paragraph may pass over.
constexpr std::size_t band = 25;
constexpr std::size_t widest = 64;

double take_cost(const GuidedLine& line) {
  switch (line.end) {
    case LineEnd::sure:
      return 0.0;
    case LineEnd::inside:
      return impossible;
    case LineEnd::likely:
    case LineEnd::possible:
      break;
  }
  return -std::log(line.probability);
}

double skip_cost(const GuidedLine& line) {
  switch (line.end) {
    case LineEnd::sure:
      return impossible;
    case LineEnd::inside:
      return 0.0;
    case LineEnd::likely:
    case LineEnd::possible:
      break;
  }
  return -std::log(1.0 - line.probability);
}

// -log of the probability that a translation of `source` characters has `translation`
// characters, `ratio` being the whole text's.
double length_cost(double source, double translation, double ratio) {
  const double mean = std::max(source, 1.0);
  const double delta = (translation - mean * ratio) / std::sqrt(mean * length_variance);
  const double tail = std::erfc(std::fabs(delta) / std::sqrt(2.0));
  return -std::log(std::max(tail, 1e-300));
}

std::vector<bool> layout_ends(const std::vector<GuidedLine>& lines) {
  std::vector<bool> ends(lines.size());
  for (std::size_t k = 0; k < lines.size(); ++k) {
    ends[k] = lines[k].end == LineEnd::sure || lines[k].end == LineEnd::likely;
  }
  if (!ends.empty()) ends.back() = true;
  return ends;
}

struct Step {
  double cost = impossible;
  std::size_t from_position = 0;
  std::size_t from_source = 0;
  std::size_t split = 0;  // a line end taken inside the paragraph (one source for two); 0 none
};

}  // namespace

std::vector<bool> paragraph_ends_like(const std::vector<GuidedLine>& lines,
                                      const std::vector<SourceParagraph>& source) {
  if (lines.empty() || source.empty()) return layout_ends(lines);
  // Positions: 0 before the first line, then each line end that may end a paragraph, the last
  // line's end last.
  std::vector<std::size_t> line_of{0};
  std::vector<double> chars{0.0};
  std::vector<std::size_t> references{0};
  std::vector<GuidedLine> kind{{0, 0, LineEnd::sure, 1.0}};
  double length = 0.0;
  std::size_t seen = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    length += static_cast<double>(lines[k].length);
    seen += lines[k].references;
    const bool last = k + 1 == lines.size();
    if (lines[k].end == LineEnd::inside && !last) continue;
    line_of.push_back(k);
    chars.push_back(length);
    references.push_back(seen);
    GuidedLine end = lines[k];
    if (last) end.end = LineEnd::sure;
    end.probability = std::clamp(end.probability, 0.001, 0.999);
    kind.push_back(end);
  }
  double source_length = 0.0;
  std::size_t source_references = 0;
  std::vector<double> source_before{0.0};  // characters of the source before paragraph i
  std::vector<std::size_t> source_references_before{0};
  for (const SourceParagraph& paragraph : source) {
    source_length += static_cast<double>(paragraph.length);
    source_references += paragraph.references;
    source_before.push_back(source_length);
    source_references_before.push_back(source_references);
  }
  if (source_length <= 0.0 || length <= 0.0) return layout_ends(lines);
  const double ratio = length / source_length;
  const bool count_references = seen > 0 && seen == source_references;

  const std::size_t positions = chars.size();
  const std::size_t paragraphs = source.size();
  // The source paragraph the lengths put at each position, and the band around it.
  std::vector<std::size_t> low(positions);
  std::vector<std::size_t> high(positions);
  for (std::size_t p = 0, i = 0; p < positions; ++p) {
    while (i < paragraphs && source_before[i + 1] * ratio <= chars[p]) ++i;
    low[p] = i > band ? i - band : 0;
    high[p] = std::min(paragraphs, i + band + 1);
  }
  low.back() = std::min(low.back(), paragraphs);
  high.back() = paragraphs;
  std::vector<std::vector<Step>> best(positions);
  for (std::size_t p = 0; p < positions; ++p) best[p].resize(high[p] - low[p] + 1);
  const auto cell = [&](std::size_t p, std::size_t i) -> Step* {
    return i < low[p] || i > high[p] ? nullptr : &best[p][i - low[p]];
  };
  const auto relax = [&](std::size_t p, std::size_t i, const Step& step) {
    Step* target = cell(p, i);
    if (target != nullptr && step.cost < target->cost) *target = step;
  };
  const auto bead_cost = [&](std::size_t from_source, std::size_t sources, std::size_t from,
                             std::size_t to) {
    const double source_chars = source_before[from_source + sources] - source_before[from_source];
    double cost = length_cost(source_chars, chars[to] - chars[from], ratio);
    if (count_references) {
      const auto expected = static_cast<double>(source_references_before[from_source + sources] -
                                                source_references_before[from_source]);
      const auto found = static_cast<double>(references[to] - references[from]);
      cost += misplaced_reference * std::fabs(expected - found);
    }
    return cost;
  };
  cell(0, 0)->cost = 0.0;
  for (std::size_t p = 0; p < positions; ++p) {
    for (std::size_t i = low[p]; i <= high[p]; ++i) {
      const Step here = *cell(p, i);
      if (here.cost == impossible) continue;
      if (i < paragraphs) relax(p, i + 1, {here.cost + one_for_none, p, i, 0});  // 1-0
      double skipped = 0.0;
      double best_split = impossible;
      std::size_t split_at = 0;
      for (std::size_t to = p + 1; to < positions && to <= p + widest; ++to) {
        if (to > p + 1) {
          const std::size_t passed = to - 1;  // a line end left inside this paragraph
          if (kind[passed].end == LineEnd::sure) break;
          const double split = take_cost(kind[passed]) - skip_cost(kind[passed]);
          if (split < best_split) best_split = split, split_at = passed;
          skipped += skip_cost(kind[passed]);
        }
        const double base = here.cost + skipped + take_cost(kind[to]);
        relax(to, i, {base + one_for_none, p, i, 0});  // 0-1
        if (i + 1 <= paragraphs) {
          const double one = bead_cost(i, 1, p, to);
          relax(to, i + 1, {base + one_for_one + one, p, i, 0});
          if (split_at != 0) {
            relax(to, i + 1, {base + two_for_one + one + best_split, p, i, split_at});
          }
        }
        if (i + 2 <= paragraphs) {
          relax(to, i + 2, {base + two_for_one + bead_cost(i, 2, p, to), p, i, 0});
        }
      }
    }
  }
  const Step* end = cell(positions - 1, paragraphs);
  if (end == nullptr || end->cost == impossible) return layout_ends(lines);
  std::vector<bool> ends(lines.size(), false);
  for (std::size_t p = positions - 1, i = paragraphs; p > 0;) {
    const Step step = *cell(p, i);
    if (step.from_position != p) ends[line_of[p]] = true;
    if (step.split != 0) ends[line_of[step.split]] = true;
    p = step.from_position;
    i = step.from_source;
  }
  ends.back() = true;
  return ends;
}

double full_line_spread(const std::vector<std::size_t>& lengths,
                        const std::vector<std::size_t>& measures) {
  std::vector<double> distances;
  for (std::size_t k = 0; k < lengths.size() && k < measures.size(); ++k) {
    const auto length = static_cast<double>(lengths[k]);
    const auto measure = static_cast<double>(measures[k]);
    if (length >= measure * 0.8 && length <= measure * 1.15) {
      distances.push_back(std::fabs(length - measure));
    }
  }
  if (distances.empty()) return 1.0;
  const auto middle = distances.begin() + static_cast<std::ptrdiff_t>(distances.size() / 2);
  std::nth_element(distances.begin(), middle, distances.end());
  return std::max(1.0, 1.4826 * *middle);
}

double end_probability(std::size_t length, std::size_t measure, double spread, double join_rate) {
  if (measure == 0) return 0.5;
  constexpr double root_two_pi = 2.5066282746310002;
  const auto full = static_cast<double>(measure);
  const auto total = static_cast<double>(length);
  double last_line = 0.0;  // the line ends its paragraph, read as n printed lines
  double full_line = 0.0;  // it does not
  double reading = 1.0;    // how likely n printed lines are, against one
  for (double lines = 1.0; (lines - 1.0) * full < total && reading > 1e-12; lines += 1.0) {
    const double last = total - (lines - 1.0) * full;
    if (last <= full * 1.15) last_line += reading / full;
    const double deviation = spread * std::sqrt(lines);
    const double z = (total - lines * full) / deviation;
    full_line += reading * std::exp(-z * z / 2.0) / (deviation * root_two_pi);
    reading *= join_rate;
  }
  if (last_line + full_line <= 0.0) return 0.5;
  return std::clamp(last_line / (last_line + full_line), 0.001, 0.999);
}

}  // namespace alinea::import_steps
