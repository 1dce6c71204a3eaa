// Where a translation's paragraphs end when its layout cannot tell: the paragraphs of the source
// it translates decide between the line ends that may end a paragraph (docs/IMPORT.md,
// "Following the source's paragraphs"). Numbers only: lengths, note references, and what the
// layout says of each line end; the layout readers find those.
#pragma once

#include <cstddef>
#include <vector>

namespace alinea::import_steps {

// What the layout says of the end of a line.
enum class LineEnd {
  inside,    // no paragraph ends here (no sentence ends, or the next line goes on in lower case)
  possible,  // a sentence ends, the next line opens one, but the line is full
  likely,    // a sentence ends and the next word would have fitted (or the line is clearly short)
  sure,      // a blank line, an indent, a heading or a quotation marks it
};

struct GuidedLine {
  std::size_t length = 0;      // characters, with the space that joins it to the next line
  std::size_t references = 0;  // note references standing in it
  LineEnd end = LineEnd::inside;
  double probability = 0.0;  // for a likely or possible end: how likely it ends a paragraph
};

// How far the lengths of full lines stray from the measure, in characters: 1.4826 times the
// median distance from their page's measure of the lines within 80-115% of it (lines further
// off are paragraph ends, headings, or two printed lines joined). At least one character.
[[nodiscard]] double full_line_spread(const std::vector<std::size_t>& lengths,
                                      const std::vector<std::size_t>& measures);

// How likely a line of `length` characters that ends a sentence (or is clearly short) ends its
// paragraph, in a text whose full lines are `measure` characters long give or take `spread`:
// a last line may stop anywhere up to 115% of the measure (one chance in `measure` for each
// length), a line inside a paragraph is a full line (normal around the measure); the two
// equally likely before the length is looked at. The line may be n printed lines joined by the
// extraction (the n - 1 before the last full, their spreads adding up), n - 1 joins being
// `join_rate` to the power n - 1 as likely as none: every reading counts. Kept within
// 0.001-0.999: a length never proves anything.
[[nodiscard]] double end_probability(std::size_t length, std::size_t measure, double spread,
                                     double join_rate);

struct SourceParagraph {
  std::size_t length = 0;  // characters of its text, without its note references
  std::size_t references = 0;
};

// Whether a paragraph ends after each line (the last line always ends one). The translation's
// paragraphs are aligned with the source's by length (Gale and Church's model: one paragraph for
// one, two for one, one for two, one for none) and by the note references they carry; each line
// end's layout is a prior: a sure end is always taken, an inside one never, a likely or possible
// one with its `probability`. With no source paragraph, the sure and likely ends.
[[nodiscard]] std::vector<bool> paragraph_ends_like(const std::vector<GuidedLine>& lines,
                                                    const std::vector<SourceParagraph>& source);

}  // namespace alinea::import_steps
