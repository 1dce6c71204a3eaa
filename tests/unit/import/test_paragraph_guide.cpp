// Paragraph ends that follow the source's where the layout cannot tell (paragraph_guide.hpp,
// docs/IMPORT.md "Following the source's paragraphs"), and the lengths they are judged by.
#define BOOST_TEST_MODULE paragraph_guide
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "import/import_steps.hpp"
#include "import/paragraph_guide.hpp"

using namespace alinea;
using namespace alinea::import_steps;

namespace {

const std::string layouts = std::string(ALINEA_TEST_DATA) + "/fixtures/import/layouts/";
const std::string letter =
    std::string(ALINEA_SOURCE_DIR) + "/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge/";

// Lines of 50 characters; `ends` says what the layout says of each line's end.
std::vector<GuidedLine> lines_of(const std::vector<LineEnd>& ends, double probability) {
  std::vector<GuidedLine> lines;
  for (const LineEnd end : ends) lines.push_back({50, 0, end, probability});
  return lines;
}

std::vector<std::size_t> ends_at(const std::vector<bool>& ends) {
  std::vector<std::size_t> at;
  for (std::size_t k = 0; k < ends.size(); ++k) {
    if (ends[k]) at.push_back(k);
  }
  return at;
}

using Ends = std::vector<std::size_t>;
constexpr LineEnd in = LineEnd::inside;

}  // namespace

BOOST_AUTO_TEST_CASE(joined_printed_lines_are_the_fewest_that_make_the_line) {
  // Two printed lines of 52 characters on a measure of 48: not three with a last one of 8.
  BOOST_TEST(printed_lines(104, 48).count == 2U);
  BOOST_TEST(printed_lines(104, 48).last == 56U);
  BOOST_TEST(printed_lines(150, 49).count == 3U);
  BOOST_TEST(printed_lines(150, 49).last == 52U);
  BOOST_TEST(printed_lines(40, 48).count == 1U);
  BOOST_TEST(printed_lines(40, 48).last == 40U);
  BOOST_TEST(printed_lines(55, 48).last == 55U);  // within 115%: one line
  BOOST_TEST(printed_lines(70, 0).last == 70U);
}

BOOST_AUTO_TEST_CASE(two_long_printed_lines_joined_do_not_end_a_paragraph) {
  // Plain pdftotext joined two printed lines, each a little over the measure: the second is
  // full, and no sentence ends (a French extraction once ended a paragraph here).
  const std::string two_lines =
      "vous promettons de toujours vous écrire sans remettre à plus tard. Pourriez-vous écrire "
      "pour le prochain";
  BOOST_TEST(!ends_paragraph(two_lines, "numéro", 48));
}

BOOST_AUTO_TEST_CASE(a_line_short_of_the_measure_more_than_its_spread_is_a_likely_end) {
  BOOST_TEST(end_probability(20, 50, 2.0, 0.0) > 0.99);
  BOOST_TEST(end_probability(50, 50, 2.0, 0.0) < 0.2);
  BOOST_TEST(end_probability(44, 50, 2.0, 0.0) > end_probability(47, 50, 2.0, 0.0));
  // The wider the spread of full lines, the less a few characters short says.
  BOOST_TEST(end_probability(45, 50, 1.0, 0.0) > end_probability(45, 50, 4.0, 0.0));
  BOOST_TEST(end_probability(10, 0, 2.0, 0.0) == 0.5);
}

BOOST_AUTO_TEST_CASE(a_line_longer_than_one_printed_line_may_be_two) {
  // 57 characters on a measure of 49: one line of narrow letters, or a full line and 8
  // characters (a paragraph's end) that the extraction joined; how often it joins decides.
  const double never_joined = end_probability(57, 49, 2.5, 0.0);
  const double sometimes = end_probability(57, 49, 2.5, 0.05);
  BOOST_TEST(never_joined < 0.01);
  BOOST_TEST(sometimes > 0.1);
  BOOST_TEST(sometimes < 0.9);
  BOOST_TEST(end_probability(57, 49, 2.5, 0.3) > sometimes);
  // Far longer than a line: two printed lines, the second short; it ends a paragraph.
  BOOST_TEST(end_probability(70, 49, 2.5, 0.05) > 0.99);
  // Two full printed lines: it does not.
  BOOST_TEST(end_probability(98, 49, 2.5, 0.05) < 0.2);
}

BOOST_AUTO_TEST_CASE(the_spread_is_measured_on_full_lines_only) {
  // Paragraph ends (20) and joined lines (100) say nothing of how full lines vary.
  BOOST_TEST(full_line_spread({48, 50, 52, 50, 20, 100, 49, 51}, std::vector<std::size_t>(8, 50)) ==
             1.4826);
  BOOST_TEST(full_line_spread({}, {}) == 1.0);
}

BOOST_AUTO_TEST_CASE(without_a_source_the_layout_decides) {
  const auto lines = lines_of({in, LineEnd::likely, LineEnd::possible, LineEnd::sure, in, in}, 0.5);
  BOOST_TEST(ends_at(paragraph_ends_like(lines, {})) == (Ends{1, 3, 5}),
             boost::test_tools::per_element());
  BOOST_TEST(paragraph_ends_like({}, {{100, 0}}).empty());
}

BOOST_AUTO_TEST_CASE(a_possible_end_is_taken_where_the_source_has_one) {
  // Ten lines of 50 characters; full lines end a sentence after lines 3 and 6. The source has
  // three paragraphs of about 4, 3 and 3 lines' length.
  std::vector<GuidedLine> lines =
      lines_of({in, in, in, LineEnd::possible, in, in, LineEnd::possible, in, in, in}, 0.1);
  const std::vector<SourceParagraph> source = {{200, 0}, {150, 0}, {150, 0}};
  BOOST_TEST(ends_at(paragraph_ends_like(lines, source)) == (Ends{3, 6, 9}),
             boost::test_tools::per_element());
  // Two paragraphs in the source, the second starting after line 3: the other one is left.
  BOOST_TEST(ends_at(paragraph_ends_like(lines, {{200, 0}, {300, 0}})) == (Ends{3, 9}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unlikely_end_the_source_does_not_have_is_dropped) {
  std::vector<GuidedLine> lines = lines_of({in, in, in, LineEnd::likely, in, in, in, in}, 0.3);
  BOOST_TEST(ends_at(paragraph_ends_like(lines, {{400, 0}})) == (Ends{7}),
             boost::test_tools::per_element());
  // A line clearly short of the measure ends its paragraph even where the source does not (the
  // translator split it), and a marked end always does.
  lines[3].probability = 0.999;
  BOOST_TEST(ends_at(paragraph_ends_like(lines, {{400, 0}})) == (Ends{3, 7}),
             boost::test_tools::per_element());
  lines[3].end = LineEnd::sure;
  lines[3].probability = 0.0;
  BOOST_TEST(ends_at(paragraph_ends_like(lines, {{400, 0}})) == (Ends{3, 7}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(note_references_say_which_of_two_ends_is_the_source_s) {
  // Sixteen lines; lengths put the source's paragraph end after line 7, between the two
  // candidates (after lines 6 and 8), equally far from both; the note referenced on line 7
  // belongs to the first paragraph of the source, or to its second.
  std::vector<GuidedLine> lines = lines_of(std::vector<LineEnd>(16, in), 0.2);
  lines[6].end = LineEnd::possible;
  lines[8].end = LineEnd::possible;
  lines[7].references = 1;
  BOOST_TEST(ends_at(paragraph_ends_like(lines, {{400, 1}, {400, 0}})) == (Ends{8, 15}),
             boost::test_tools::per_element());
  BOOST_TEST(ends_at(paragraph_ends_like(lines, {{400, 0}, {400, 1}})) == (Ends{6, 15}),
             boost::test_tools::per_element());
}

// Issue 12: the plain and -layout extractions of every layout of the letter give its 12
// paragraphs when the French source (13 paragraphs: one of the letter's is two in French) says
// where the paragraphs the layout cannot tell end. Without it, four do not (import-layouts).
BOOST_AUTO_TEST_CASE(every_extraction_of_the_letter_follows_the_source_s_paragraphs) {
  const Document expected = read_document(letter + "es.md");
  ImportOptions options;
  options.lang = "es";
  options.dictionary_dir = "";
  options.paragraphs_like = read_document(letter + "fr.md");
  for (const char* name : {"letter-ms", "a5-indented", "a4-endnotes", "libreoffice"}) {
    for (const char* kind : {".txt", ".layout.txt"}) {
      const std::string file = std::string(name) + kind;
      options.source_name = file;
      const Document document = import_document(read_text_file(layouts + file), options);
      BOOST_TEST_CONTEXT(file) {
        BOOST_TEST_REQUIRE(document.paragraphs.size() == expected.paragraphs.size());
        for (std::size_t k = 0; k < expected.paragraphs.size(); ++k) {
          BOOST_TEST(document.paragraphs[k].text == expected.paragraphs[k].text);
        }
        BOOST_TEST(document.notes.size() == expected.notes.size());
      }
    }
  }
}
