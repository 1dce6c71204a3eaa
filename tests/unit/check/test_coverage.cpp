#define BOOST_TEST_MODULE coverage
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "alinea/segment.hpp"

using namespace alinea;
namespace fs = std::filesystem;

namespace {

Document document(const std::string& lang, const std::string& body) {
  Document d = parse_document("---\nid: w\nlang: " + lang + "\n---\n\n" + body, lang + ".md");
  segment_document(d);
  return d;
}

const std::string french_body =
    "Un. Deux.\n\nTrois.\n\nQuatre <b>&amp;</b>.\n\nCinq.\n\n[^1]: Note.\n";
const std::string spanish_body = "Uno. Dos.\n\nTres.\n\nAñadido.\n\n[^1]: Nota.\n";

const std::string links =
    "alinea: 1\nsource: {path: fr.md, lang: fr}\ntarget: {path: es.md, lang: es}\n"
    "notes:\n"
    "  - link: {src: [n1], tgt: [n1], status: reviewed}\n"
    "paragraphs:\n"
    "  - link: {src: [p1], tgt: [p1], status: reviewed}\n"
    "    sentences:\n"
    "      - {src: [p1.s1], tgt: [p1.s1], status: auto, confidence: 0.9}\n"
    "      - {src: [p1.s2], tgt: [p1.s2], status: auto, confidence: 0.9, accept: "
    "[qa/length-ratio], reason: short}\n"
    "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.8, accept: [qa/identical, "
    "qa/name-mismatch], reason: quoted}\n"
    "  - link: {src: [p4], tgt: [], status: reviewed, omitted: \"not translated\"}\n";

PairCoverage measure() {
  const AlignmentReadResult read = parse_alignment(links, "a.yaml");
  BOOST_TEST(read.diagnostics.empty());
  return measure_coverage(read.alignment, document("fr", french_body),
                          document("es", spanish_body));
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(counts_linked_units_and_characters) {
  const PairCoverage coverage = measure();
  BOOST_TEST(coverage.paragraphs.linked == 2U);
  BOOST_TEST(coverage.paragraphs.total == 4U);
  BOOST_TEST(coverage.notes.linked == 1U);
  BOOST_TEST(coverage.notes.total == 1U);
  BOOST_TEST(coverage.sentences.linked == 2U);
  BOOST_TEST(coverage.sentences.total == 6U);
  BOOST_TEST(coverage.omitted == 1U);
  BOOST_TEST(coverage.links == 6U);
  BOOST_TEST(coverage.reviewed_links == 3U);
  BOOST_TEST(coverage.acknowledged == 3U);        // accepted rule ids, sentence links included
  BOOST_TEST(coverage.characters.linked == 20U);  // "Un. Deux." + "Trois." + "Note."
  BOOST_TEST(coverage.paragraphs.share() == 0.5);
}

BOOST_AUTO_TEST_CASE(lists_gaps_on_both_sides) {
  const PairCoverage coverage = measure();
  BOOST_TEST_REQUIRE(coverage.gaps.size() == 2U);
  BOOST_TEST(coverage.gaps[0].side == "source");
  BOOST_TEST(coverage.gaps[0].units == std::vector<std::string>{"fr:p3"});
  BOOST_TEST(coverage.gaps[0].excerpt == "Quatre <b>&amp;</b>.");
  BOOST_TEST(coverage.gaps[1].side == "target");
  BOOST_TEST(coverage.gaps[1].units == std::vector<std::string>{"es:p3"});
}

BOOST_AUTO_TEST_CASE(an_empty_count_is_fully_covered) {
  const CoverageCount nothing;
  BOOST_TEST(nothing.share() == 1.0);
}

BOOST_AUTO_TEST_CASE(formats) {
  CorpusCoverage corpus;
  corpus.pairs.push_back(measure());
  corpus.total += corpus.pairs.front();
  const std::string text = format_coverage(corpus, CoverageFormat::text);
  BOOST_TEST(contains(text, "paragraphs"));
  BOOST_TEST(contains(text, "50.0%"));
  BOOST_TEST(contains(text, "source fr:p3"));
  const std::string json = format_coverage(corpus, CoverageFormat::json);
  BOOST_TEST(contains(json, "\"reviewed_links\": 3"));
  BOOST_TEST(contains(json, "\"acknowledged\": 3"));
  const std::string markdown = format_coverage(corpus, CoverageFormat::markdown);
  BOOST_TEST(contains(markdown, "| a.yaml (fr → es) |"));
  BOOST_TEST(contains(markdown, "\\<b\\>"));
  const std::string html = format_coverage(corpus, CoverageFormat::html);
  // The excerpt's markup is shown, never interpreted.
  BOOST_TEST(contains(html, "Quatre &lt;b&gt;&amp;amp;&lt;/b&gt;."));
  BOOST_TEST(!contains(html, "<b>"));
  BOOST_TEST(parse_coverage_format("html").has_value());
  BOOST_TEST(!parse_coverage_format("pdf").has_value());
}

BOOST_AUTO_TEST_CASE(measures_a_repository_and_reports_unreadable_files) {
  const fs::path root =
      fs::temp_directory_path() / ("alinea-coverage-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "c");
  write_file_atomically(root / "c/fr.md", "---\nid: w\nlang: fr\n---\n\n" + french_body);
  write_file_atomically(root / "c/es.md", "---\nid: w\nlang: es\n---\n\n" + spanish_body);
  std::string text = links;
  text.replace(text.find("fr.md"), 5, "c/fr.md");
  text.replace(text.find("es.md"), 5, "c/es.md");
  write_file_atomically(root / "a.yaml", text);
  write_file_atomically(root / "broken.yaml", "alinea: [\n");
  const CorpusCoverage corpus = measure_files(root, {"a.yaml", "broken.yaml"});
  BOOST_TEST(corpus.pairs.size() == 1U);
  BOOST_TEST(corpus.total.paragraphs.total == 4U);
  BOOST_TEST(has_errors(corpus.problems));
  fs::remove_all(root);
}

// A document without notes has nothing to measure there: that is not "100.0% (0/0)".
BOOST_AUTO_TEST_CASE(nothing_measured_is_shown_as_such) {
  CorpusCoverage corpus;
  corpus.pairs.push_back(PairCoverage{});
  corpus.pairs.back().alignment = "a.yaml";
  for (const CoverageFormat format :
       {CoverageFormat::text, CoverageFormat::markdown, CoverageFormat::html}) {
    const std::string shown = format_coverage(corpus, format);
    BOOST_TEST_INFO(shown);
    BOOST_TEST(!contains(shown, "100.0%"));
    BOOST_TEST(contains(shown, "n/a"));
  }
}

BOOST_AUTO_TEST_CASE(omissions_recorded_on_sentences_are_counted) {
  const std::string with_sentence_omission =
      "alinea: 1\nsource: {path: fr.md, lang: fr}\ntarget: {path: es.md, lang: es}\n"
      "notes:\n"
      "  - link: {src: [n1], tgt: [n1], status: reviewed}\n"
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: reviewed}\n"
      "    sentences:\n"
      "      - {src: [p1.s1], tgt: [p1.s1], status: reviewed}\n"
      "      - {src: [p1.s2], tgt: [], status: reviewed, omitted: \"a gloss\"}\n"
      "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.8}\n"
      "  - link: {src: [p3, p4], tgt: [p3], status: auto, confidence: 0.8}\n";
  const AlignmentReadResult read = parse_alignment(with_sentence_omission, "a.yaml");
  BOOST_TEST(read.diagnostics.empty());
  const PairCoverage coverage =
      measure_coverage(read.alignment, document("fr", french_body), document("es", spanish_body));
  BOOST_TEST(coverage.sentences.linked == 1U);
  BOOST_TEST(coverage.omitted == 1U);
  CorpusCoverage corpus;
  corpus.pairs.push_back(coverage);
  corpus.total = coverage;
  BOOST_TEST(contains(format_coverage(corpus, CoverageFormat::text), "1 omissions recorded"));
}

// Paragraphs counted by kind too, and summed over a corpus kind by kind.
BOOST_AUTO_TEST_CASE(counts_paragraphs_by_kind) {
  const AlignmentReadResult read = parse_alignment(
      "alinea: 1\nsource: {path: fr.md, lang: fr}\ntarget: {path: es.md, lang: es}\n"
      "paragraphs:\n  - link: {src: [p1], tgt: [p1], status: reviewed}\n"
      "  - link: {src: [p3], tgt: [p2], status: reviewed}\n",
      "a.yaml");
  const PairCoverage coverage =
      measure_coverage(read.alignment, document("fr", "# Titre\n\n> Cité.\n\n- Un point.\n"),
                       document("es", "# Título\n\n- Un punto.\n"));
  BOOST_TEST(coverage.paragraph_kinds.size() == 3U);
  BOOST_TEST(coverage.paragraph_kinds.count(BlockKind::paragraph) == 0U);
  BOOST_TEST(coverage.paragraph_kinds.at(BlockKind::heading).linked == 1U);
  BOOST_TEST(coverage.paragraph_kinds.at(BlockKind::quote).linked == 0U);
  BOOST_TEST(coverage.paragraph_kinds.at(BlockKind::quote).total == 1U);
  BOOST_TEST(coverage.paragraph_kinds.at(BlockKind::list_item).linked == 1U);
  PairCoverage total;
  total += coverage;
  total += measure();
  BOOST_TEST(total.paragraph_kinds.at(BlockKind::paragraph).total == 4U);
  BOOST_TEST(total.paragraph_kinds.at(BlockKind::heading).total == 1U);
  const std::string text = format_coverage({{coverage}, total, {}}, CoverageFormat::text);
  BOOST_TEST(contains(text, "    quote"));
  const std::string json = format_coverage({{}, coverage, {}}, CoverageFormat::json);
  BOOST_TEST(contains(json, "\"paragraph_kinds\": {"));
  BOOST_TEST(contains(json, "\"heading\": {"));
  BOOST_TEST(contains(json, "\"list-item\""));
}
