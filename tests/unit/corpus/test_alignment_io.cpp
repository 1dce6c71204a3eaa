#define BOOST_TEST_MODULE alignment_io
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "tricky_text.hpp"

using namespace alinea;

namespace {

// The canonical form: what format_alignment writes for it, byte for byte.
const std::string canonical =
    "# alinea alignment\n"
    "alinea: 1\n"
    "source: {path: corpora/w/fr.md, lang: fr}\n"
    "target: {path: corpora/w/es.md, lang: es}\n"
    "translator-notes: {kept: \"yes\"}\n"
    "notes:\n"
    "  - link: {src: [n1], tgt: [n1], status: reviewed, fp: [1a2b3c4d, 5e6f7a8b]}\n"
    "    sentences:\n"
    "      - {src: [n1.s1], tgt: [n1.s1], status: auto, confidence: 0.97, fp: [0a1b2c3d, "
    "4e5f6a7b]}\n"
    "paragraphs:\n"
    "  - link: {src: [p1], tgt: [p1], status: reviewed, fp: [c0ffee00, 0badf00d]}\n"
    "    sentences:\n"
    "      - {src: [p1.s1], tgt: [p1.s1, p1.s2], status: auto, confidence: 0.88, fp: [aaaa0000, "
    "bbbb1111]}\n"
    "  - link: {src: [p2, p3], tgt: [p2], status: auto, confidence: 0.91, fp: [\"12345678\", "
    "9abcdef0]}\n"
    "  - link: {src: [p4], tgt: [], status: reviewed, omitted: \"editor's preface, not "
    "translated\", fp: [\"01234567\", \"\"]}\n"
    "  - link: {src: [p5], tgt: [p3], status: reviewed, note: \"free rendering: checked\", "
    "accept: [qa/length-ratio, qa/name-mismatch], reason: the translator explains}\n";

const std::string header =
    "alinea: 1\nsource: {path: a/fr.md, lang: fr}\ntarget: {path: a/es.md, lang: es}\n";

AlignmentReadResult parse(const std::string& text) {
  return parse_alignment(text, "t.yaml");
}

// The errors of a text as "line:col: message", separated by " | ".
std::string errors_of(const std::string& text) {
  const AlignmentReadResult result = parse(text);
  std::string found;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    if (diagnostic.severity != Severity::error) continue;
    if (!found.empty()) found += " | ";
    found += std::to_string(diagnostic.where.line) + ":" + std::to_string(diagnostic.where.column) +
             ": " + diagnostic.message;
  }
  return found;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_every_field) {
  const AlignmentReadResult result = parse(canonical);
  BOOST_TEST(result.diagnostics.empty());
  const Alignment& alignment = result.alignment;
  BOOST_TEST(alignment.path == "t.yaml");
  BOOST_TEST(alignment.source.path == "corpora/w/fr.md");
  BOOST_TEST(alignment.target.lang == "es");
  BOOST_REQUIRE(alignment.notes.size() == 1U);
  BOOST_REQUIRE(alignment.notes[0].sentences.size() == 1U);
  BOOST_TEST(alignment.notes[0].sentences[0].source == std::vector<std::string>{"n1.s1"});
  BOOST_TEST(*alignment.notes[0].sentences[0].confidence == 0.97);
  BOOST_REQUIRE(alignment.paragraphs.size() == 4U);
  const Link& first = alignment.paragraphs[0];
  BOOST_TEST((first.status == LinkStatus::reviewed));
  BOOST_TEST(!first.confidence.has_value());
  BOOST_TEST(first.source_fingerprint == "c0ffee00");
  BOOST_TEST(first.line == 11U);
  BOOST_TEST(first.column == 11U);
  BOOST_TEST(first.sentences[0].target == (std::vector<std::string>{"p1.s1", "p1.s2"}));
  BOOST_TEST(first.sentences[0].line == 13U);
  BOOST_TEST(alignment.paragraphs[1].source == (std::vector<std::string>{"p2", "p3"}));
  BOOST_TEST(alignment.paragraphs[1].source_fingerprint == "12345678");
  BOOST_TEST(alignment.paragraphs[2].target.empty());
  BOOST_TEST(*alignment.paragraphs[2].omitted == "editor's preface, not translated");
  BOOST_TEST(alignment.paragraphs[2].target_fingerprint.empty());
  BOOST_TEST(*alignment.paragraphs[3].note == "free rendering: checked");
  BOOST_REQUIRE(alignment.extra.is_mapping());
  BOOST_TEST(alignment.extra.members.at(0).first == "translator-notes");
}

BOOST_AUTO_TEST_CASE(round_trips_byte_for_byte) {
  const Alignment alignment = parse(canonical).alignment;
  BOOST_TEST(format_alignment(alignment) == canonical);
}

BOOST_AUTO_TEST_CASE(round_trips_values_built_in_code) {
  Alignment alignment;
  alignment.source = {"c/x y/fr.md", "fr"};
  alignment.target = {"c/#es.md", "es-419"};
  Link link;
  link.source = {"p1"};
  link.target = {"p1", "p2"};
  link.confidence = 0.5;
  link.note = "quotes \" and\nnew lines\tand: colons, [brackets] # hashes";
  link.source_fingerprint = "00000000";
  link.target_fingerprint = "1e100000";
  Link sentence;
  sentence.source = {"p1.s1"};
  sentence.target = {"p2.s1"};
  sentence.status = LinkStatus::reviewed;
  sentence.omitted = "";
  sentence.source = {};
  link.sentences.push_back(sentence);
  alignment.paragraphs.push_back(link);

  const std::string written = format_alignment(alignment);
  const AlignmentReadResult again = parse(written);
  BOOST_TEST(again.diagnostics.empty());
  BOOST_TEST(format_alignment(again.alignment) == written);
  const Link& read = again.alignment.paragraphs.at(0);
  BOOST_TEST(*read.note == *link.note);
  BOOST_TEST(read.target_fingerprint == "1e100000");
  BOOST_TEST(read.sentences.at(0).source.empty());
  BOOST_TEST(*read.sentences.at(0).omitted == "");
  BOOST_TEST(again.alignment.source.path == "c/x y/fr.md");
  BOOST_TEST(again.alignment.target.path == "c/#es.md");
  BOOST_TEST(again.alignment.target.lang == "es-419");
  // One link per line: the note's new line is escaped, not written out.
  BOOST_TEST(std::count(written.begin(), written.end(), '\n') == 8);
}

// A link whose source side is empty (a translator's addition) has only a target fingerprint;
// dropping it would switch off drift detection for that addition.
BOOST_AUTO_TEST_CASE(a_target_fingerprint_alone_is_kept) {
  Alignment alignment;
  alignment.source = {"a/fr.md", "fr"};
  alignment.target = {"a/es.md", "es"};
  Link addition;
  addition.target = {"p1"};
  addition.status = LinkStatus::reviewed;
  addition.target_fingerprint = "1e100000";
  alignment.paragraphs.push_back(addition);
  const AlignmentReadResult again = parse(format_alignment(alignment));
  BOOST_TEST(again.diagnostics.empty());
  BOOST_TEST(again.alignment.paragraphs.at(0).source_fingerprint.empty());
  BOOST_TEST(again.alignment.paragraphs.at(0).target_fingerprint == "1e100000");
}

// Property: whatever a reviewer writes as a note or an omission reason, and whatever the ids and
// paths hold, is read back exactly from the file alinea writes.
BOOST_AUTO_TEST_CASE(random_notes_round_trip) {
  std::mt19937 random(17);
  for (int round = 0; round < 300; ++round) {
    Alignment alignment;
    alignment.source = {testing::random_tricky_text(random), "fr"};
    alignment.target = {testing::random_tricky_text(random), "es"};
    Link link;
    link.source = {"p1"};
    link.target = {"p1"};
    link.status = LinkStatus::reviewed;
    link.note = testing::random_tricky_text(random);
    Link sentence = link;
    sentence.source = {"p1.s1"};
    sentence.target = {};
    sentence.omitted = testing::random_tricky_text(random);
    link.sentences.push_back(sentence);
    alignment.paragraphs.push_back(link);

    const std::string written = format_alignment(alignment);
    BOOST_TEST_CONTEXT("round " << round << ":\n" << written) {
      AlignmentReadResult again;
      BOOST_REQUIRE_NO_THROW(again = parse(written));
      const Link& read = again.alignment.paragraphs.at(0);
      BOOST_TEST(read.note.value_or("(none)") == *link.note);
      BOOST_TEST(read.sentences.at(0).omitted.value_or("(none)") == *sentence.omitted);
      BOOST_TEST(again.alignment.source.path == alignment.source.path);
      BOOST_TEST(format_alignment(again.alignment) == written);
    }
  }
}

BOOST_AUTO_TEST_CASE(confidence_is_written_with_two_decimals) {
  Alignment alignment;
  alignment.source = {"a", "fr"};
  alignment.target = {"b", "es"};
  Link link;
  link.source = {"p1"};
  link.target = {"p1"};
  link.confidence = 0.876543;
  alignment.paragraphs.push_back(link);
  BOOST_TEST(contains(format_alignment(alignment), "confidence: 0.88}"));
  alignment.paragraphs[0].confidence = 1.0;
  BOOST_TEST(contains(format_alignment(alignment), "confidence: 1.00}"));
}

BOOST_AUTO_TEST_CASE(accepts_hand_edited_layouts) {
  // Block-style links, extra spaces, comments and plain scalars: all read the same.
  const std::string text = "# reviewed by hand\n" + header +
                           "paragraphs:\n"
                           "  - link:\n"
                           "      src: [p1]   # the greeting\n"
                           "      tgt:\n"
                           "        - p1\n"
                           "      status: reviewed\n"
                           "      note: Libre, pero correcto\n"
                           "    sentences:\n"
                           "      - {src: [p1.s1], tgt: [p1.s1],   status: reviewed}\n"
                           "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 1}\n";
  const AlignmentReadResult result = parse(text);
  BOOST_TEST(result.diagnostics.empty());
  BOOST_REQUIRE(result.alignment.paragraphs.size() == 2U);
  BOOST_TEST(*result.alignment.paragraphs[0].note == "Libre, pero correcto");
  BOOST_TEST(result.alignment.paragraphs[0].line == 7U);  // block style: at its first key
  BOOST_TEST(*result.alignment.paragraphs[1].confidence == 1.0);
  BOOST_TEST(contains(format_alignment(result.alignment),
                      "  - link: {src: [p1], tgt: [p1], status: reviewed, note: "
                      "\"Libre, pero correcto\"}\n    sentences:\n"));
}

BOOST_AUTO_TEST_CASE(empty_notes_and_paragraphs_are_allowed) {
  const AlignmentReadResult result = parse(header + "notes:\nparagraphs: []\n");
  BOOST_TEST(result.diagnostics.empty());
  BOOST_TEST(format_alignment(result.alignment) ==
             "# alinea alignment\n" + header + "paragraphs: []\n");
}

BOOST_AUTO_TEST_CASE(reports_each_schema_error_at_its_place) {
  const std::string p = header + "paragraphs:\n";  // links start on line 5
  BOOST_TEST(
      errors_of(p + "  - link: {src: [p1], tgt: [p1], status: reviewed, confidance: 0.5}\n") ==
      "5:64: unknown key 'confidance' in a link (did you mean 'confidence'?)");
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: auto, "
                                    "confidence: 0.5, colour: red}\n"),
                      "5:73: unknown key 'colour' in a link (known keys: src, tgt,"));
  BOOST_TEST(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: reviewd}\n") ==
             "5:42: status 'reviewd' is neither auto nor reviewed (did you mean 'reviewed'?)");
  BOOST_TEST(errors_of(p + "  - link: {src: [p1], tgt: [p1]}\n") ==
             "5:11: a link needs 'status' (auto or reviewed)");
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [p1], status: reviewed}\n"),
                      "5:11: a link needs 'tgt'"));
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: auto}\n"),
                      "5:11: an automatic link needs 'confidence'"));
  BOOST_TEST(errors_of(p + "  - link: {src: p1, tgt: [p1], status: reviewed}\n") ==
             "5:17: 'src' must be a list of unit ids like [p3] or [], not a scalar");
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [p1], tgt: [x7], status: reviewed}\n"),
                      "5:29: malformed unit id 'x7'"));
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [p1], tgt: [p0], status: reviewed}\n"),
                      "5:29: malformed unit id 'p0'"));
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [n1], tgt: [p1], status: reviewed}\n"),
                      "5:18: 'n1' is not a paragraph unit; note links belong under 'notes'"));
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [p1.s1], tgt: [p1], status: reviewed}\n"),
                      "5:18: 'p1.s1' is a sentence"));
  BOOST_TEST(errors_of(p + "  - link: {src: [], tgt: [], status: reviewed}\n") ==
             "5:11: a link needs a unit on at least one side");
  BOOST_TEST(contains(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: reviewed, "
                                    "omitted: why}\n"),
                      "5:61: 'omitted' records a deliberate gap"));
  BOOST_TEST(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: auto, confidence: 1.5}\n") ==
             "5:60: 'confidence' must be from 0 to 1");
  BOOST_TEST(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: auto, confidence: high}\n") ==
             "5:60: 'confidence' must be a number from 0 to 1");
  BOOST_TEST(contains(
      errors_of(p + "  - link: {src: [p1], tgt: [p1], status: reviewed, fp: [ABCDEF12, \"\"]}\n"),
      "5:57: fingerprint 'ABCDEF12' is not 8 lowercase hex digits"));
  BOOST_TEST(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: reviewed, fp: [a]}\n") ==
             "5:56: 'fp' must be a list of two fingerprints [source, target]");
  BOOST_TEST(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: reviewed, note: [a]}\n") ==
             "5:58: 'note' must be text, not a list");
  BOOST_TEST(contains(errors_of(p + "  - {src: [p1], tgt: [p1], status: reviewed}\n"),
                      "5:5: an entry of 'paragraphs' holds its link under 'link:'"));
  BOOST_TEST(errors_of(p + "  - link: {src: [p1], tgt: [p1], status: reviewed}\n"
                           "    sentence: []\n") ==
             "6:15: unknown key 'sentence' in an entry of 'paragraphs' (did you mean "
             "'sentences'?)");
  BOOST_TEST(errors_of(p + "  - p1\n") ==
             "5:5: an entry of 'paragraphs' must be a mapping '- link: {…}', not a scalar");
  BOOST_TEST(errors_of(header + "paragraphs: {}\n") ==
             "4:13: 'paragraphs' must be a list of entries '- link: {…}', not a mapping");
}

BOOST_AUTO_TEST_CASE(checks_sentence_links_against_their_parent) {
  const std::string p = header +
                        "paragraphs:\n  - link: {src: [p1], tgt: [p1, p2], status: "
                        "reviewed}\n    sentences:\n";
  BOOST_TEST(
      parse(p + "      - {src: [p1.s1], tgt: [p2.s3], status: reviewed}\n").diagnostics.empty());
  BOOST_TEST(errors_of(p + "      - {src: [p2.s1], tgt: [p1.s1], status: reviewed}\n") ==
             "7:16: sentence 'p2.s1' is not in the paragraphs of the link's source side");
  BOOST_TEST(contains(errors_of(p + "      - {src: [p1], tgt: [p1.s1], status: reviewed}\n"),
                      "7:16: a sentence link joins sentences ('p1.s1')"));
  BOOST_TEST(contains(errors_of(p + "      - link: {src: [p1.s1], tgt: [p1.s1], status: "
                                    "reviewed}\n"),
                      "unknown key 'link' in a link"));
}

BOOST_AUTO_TEST_CASE(reports_top_level_problems) {
  BOOST_TEST(errors_of("alinea: 2\nsource: {path: a, lang: fr}\ntarget: {path: b, lang: es}\n"
                       "paragraphs: []\n") ==
             "1:9: alignment format version 2 is not supported; this alinea reads version 1");
  BOOST_TEST(errors_of("alinea: 1\nsource: {path: a, lang: fr}\ntarget: {path: b, lang: es}\n") ==
             "1:1: missing top-level key 'paragraphs'");
  BOOST_TEST(errors_of("alinea: 1\nsource: {path: a}\ntarget: {path: b, lang: es}\n"
                       "paragraphs: []\n") == "2:9: 'source' needs 'lang'");
  BOOST_TEST(errors_of("alinea: 1\nsource: a.md\ntarget: {path: b, lang: es}\n"
                       "paragraphs: []\n") ==
             "2:9: 'source' must be a mapping {path: …, lang: …}, not a scalar");
  BOOST_TEST(contains(errors_of("- 1\n- 2\n"), "1:1: an alignment file is a mapping"));
  BOOST_TEST(contains(errors_of(""), "an alignment file is a mapping"));

  // A misspelt top-level key is kept, with a warning; the key it misses is an error.
  const AlignmentReadResult result = parse(header + "paragraph: []\n");
  BOOST_REQUIRE(result.diagnostics.size() == 2U);
  BOOST_TEST(result.diagnostics[0].message == "missing top-level key 'paragraphs'");
  BOOST_TEST((result.diagnostics[1].severity == Severity::warning));
  BOOST_TEST(result.diagnostics[1].message ==
             "unknown top-level key 'paragraph' is kept as it is (did you mean 'paragraphs'?)");
  BOOST_TEST(result.diagnostics[1].where.line == 4U);
}

BOOST_AUTO_TEST_CASE(collects_every_problem_in_file_order) {
  const std::string text = header +
                           "paragraphs:\n"
                           "  - link: {src: [p1], tgt: [q1], status: reviewed}\n"
                           "  - link: {src: [p2], tgt: [p2], status: maybe}\n"
                           "  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.4}\n";
  const AlignmentReadResult result = parse(text);
  BOOST_REQUIRE(result.diagnostics.size() == 2U);
  BOOST_TEST(result.diagnostics[0].where.line == 5U);
  BOOST_TEST(result.diagnostics[0].rule == "schema/bad-unit-id");
  BOOST_TEST(result.diagnostics[1].where.line == 6U);
  BOOST_TEST(result.diagnostics[1].where.file == "t.yaml");
  // What could be read is still there.
  BOOST_TEST(result.alignment.paragraphs.size() == 3U);
}

BOOST_AUTO_TEST_CASE(syntax_errors_are_input_errors) {
  BOOST_CHECK_THROW((void)parse(header + "paragraphs: [\n"), InputError);
  BOOST_CHECK_THROW((void)parse("alinea: 1\nalinea: 1\n"), InputError);
  BOOST_CHECK_THROW((void)parse("a: \xff\n"), InputError);
}

BOOST_AUTO_TEST_CASE(read_alignment_is_strict) {
  const auto folder = std::filesystem::temp_directory_path() / "alinea-test-alignment-io";
  std::filesystem::create_directories(folder);
  const auto good = folder / "good.yaml";
  const auto bad = folder / "bad.yaml";
  write_file_atomically(good, canonical);
  write_file_atomically(bad, header + "paragraphs:\n  - link: {src: [p1], tgt: [p1]}\n");
  BOOST_TEST(read_alignment(good).paragraphs.size() == 4U);
  try {
    (void)read_alignment(bad);
    BOOST_FAIL("expected an InputError");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().line == 5U);
    BOOST_TEST(error.where().file == bad.string());
    BOOST_TEST(contains(error.what(), "a link needs 'status'"));
  }
  BOOST_CHECK_THROW((void)read_alignment(folder / "missing.yaml"), FileError);
  std::filesystem::remove_all(folder);
}

// The example of docs/FORMAT.md is what the writer produces, so the spec and the code agree.
BOOST_AUTO_TEST_CASE(the_format_documentation_example_round_trips) {
  const std::string doc = read_text_file(std::string(ALINEA_SOURCE_DIR) + "/docs/FORMAT.md");
  const std::size_t section = doc.find("## Alignment files");
  BOOST_REQUIRE(section != std::string::npos);
  const std::size_t begin = doc.find("```yaml\n", section);
  BOOST_REQUIRE(begin != std::string::npos);
  const std::size_t end = doc.find("```\n", begin + 8);
  const std::string example = doc.substr(begin + 8, end - begin - 8);
  const AlignmentReadResult result = parse_alignment(example, "FORMAT.md");
  BOOST_TEST(result.diagnostics.empty());
  BOOST_TEST(format_alignment(result.alignment) == example);
}

BOOST_AUTO_TEST_CASE(accepted_findings_are_read_and_need_a_reason) {
  const AlignmentReadResult good = parse_alignment(canonical, "a.yaml");
  BOOST_TEST(good.diagnostics.empty());
  const Link& last = good.alignment.paragraphs.back();
  BOOST_TEST(last.accepted == (std::vector<std::string>{"qa/length-ratio", "qa/name-mismatch"}));
  BOOST_TEST(last.accept_reason.value_or("") == "the translator explains");
  BOOST_TEST(is_hand_made(last));
  const auto problems = [](const std::string& link) {
    const AlignmentReadResult read = parse_alignment(
        header + "paragraphs:\n  - link: {src: [p1], tgt: [p1], status: reviewed, " + link + "}\n",
        "a.yaml");
    std::string rules;
    for (const Diagnostic& d : read.diagnostics) rules += d.rule + " ";
    return rules;
  };
  BOOST_TEST(problems("accept: [qa/identical], reason: why") == "");
  BOOST_TEST(problems("accept: [qa/identical]") == "schema/missing-key ");
  BOOST_TEST(problems("reason: why") == "schema/bad-value ");
  BOOST_TEST(problems("accept: qa/identical, reason: why") == "schema/wrong-type ");
  BOOST_TEST(problems("accept: [identical], reason: why") == "schema/bad-value ");
}

BOOST_AUTO_TEST_CASE(language_tags_are_checked_and_made_canonical) {
  const std::string links = "paragraphs: []\n";
  const AlignmentReadResult good =
      parse("alinea: 1\nsource: {path: a/fr.md, lang: FR}\ntarget: {path: a/es.md, lang: es_es}\n" +
            links);
  BOOST_TEST(good.diagnostics.empty());
  BOOST_TEST(good.alignment.source.lang == "fr");
  BOOST_TEST(good.alignment.target.lang == "es-ES");
  BOOST_TEST(errors_of("alinea: 1\nsource: {path: a/fr.md, lang: fr}\n"
                       "target: {path: a/es.md, lang: ../../d/x}\n" +
                       links) ==
             "3:31: target.lang: '../../d/x' is not a BCP 47 language tag (like 'es', 'fr' or "
             "'es-ES')");
  BOOST_TEST(errors_of("alinea: 1\nsource: {path: a/fr.md, lang: xx}\n"
                       "target: {path: a/es.md, lang: es}\n" +
                       links)
                 .find("'xx' is not a known language") != std::string::npos);
}

// What the writer says of each link is what a reader of its text finds: line, column, confidence.
BOOST_AUTO_TEST_CASE(the_writer_gives_each_link_its_line_as_a_reader_would) {
  Alignment built = parse(canonical).alignment;
  built.paragraphs.at(1).confidence = 0.9149;  // written 0.91
  for (Link& link : built.paragraphs) link.line = link.column = 0;
  const WrittenAlignment written = format_alignment_with_lines(built);
  BOOST_TEST(written.text == format_alignment(built));
  const Alignment read = parse(written.text).alignment;
  const auto same_places = [](const std::vector<Link>& a, const std::vector<Link>& b) {
    BOOST_TEST_REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      BOOST_TEST(a[i].line == b[i].line);
      BOOST_TEST(a[i].column == b[i].column);
      BOOST_TEST(a[i].confidence.value_or(-1) == b[i].confidence.value_or(-1));
      BOOST_TEST_REQUIRE(a[i].sentences.size() == b[i].sentences.size());
      for (std::size_t k = 0; k < a[i].sentences.size(); ++k) {
        BOOST_TEST(a[i].sentences[k].line == b[i].sentences[k].line);
        BOOST_TEST(a[i].sentences[k].column == b[i].sentences[k].column);
      }
    }
  };
  for (const auto& [made, reread] : {std::pair{written.alignment.source, read.source},
                                     {written.alignment.target, read.target}}) {
    BOOST_TEST(made.line == reread.line);
    BOOST_TEST(made.column == reread.column);
  }
  same_places(written.alignment.notes, read.notes);
  same_places(written.alignment.paragraphs, read.paragraphs);
  BOOST_TEST(written.alignment.paragraphs.at(1).confidence.value() == 0.91);
  BOOST_TEST(written.alignment.paragraphs.at(0).line == 11U);
}
