#define BOOST_TEST_MODULE alignment
#include <boost/test/unit_test.hpp>
#include <string>

#include "alinea/aligner.hpp"
#include "alinea/alignment.hpp"
#include "alinea/document.hpp"
#include "alinea/segment.hpp"

using namespace alinea;

namespace {

Document segmented(const std::string& text, const std::string& path) {
  Document document = parse_document(text, path);
  segment_document(document);
  return document;
}

const Document source = segmented(
    "---\nid: w\nlang: fr\n---\n\nPremier paragraphe. Deux phrases.\n\nDeuxième[^1].\n\n"
    "Troisième.\n\n[^1]: Une note.\n",
    "fr.md");
const Document target = segmented(
    "---\nid: w\nlang: es\n---\n\nPrimer párrafo. Dos frases.\n\nSegundo[^1].\n\nTercero.\n\n"
    "[^1]: Una nota.\n",
    "es.md");

const std::string header =
    "alinea: 1\nsource: {path: fr.md, lang: fr}\ntarget: {path: es.md, lang: es}\n";

Alignment parse(const std::string& body) {
  const AlignmentReadResult result = parse_alignment(header + body, "a.yaml");
  BOOST_REQUIRE(result.diagnostics.empty());
  return result.alignment;
}

std::string fp(std::string_view text) {
  return text_fingerprint(text);
}

}  // namespace

BOOST_AUTO_TEST_CASE(hand_made_links) {
  Link link;
  BOOST_TEST(!is_hand_made(link));
  link.note = "free";
  BOOST_TEST(is_hand_made(link));
  link.note.reset();
  link.omitted = "";
  BOOST_TEST(is_hand_made(link));
  link.omitted.reset();
  link.status = LinkStatus::reviewed;
  BOOST_TEST(is_hand_made(link));
  BOOST_TEST(std::string(to_string(link.status)) == "reviewed");
  BOOST_TEST(std::string(to_string(LinkStatus::automatic)) == "auto");
}

BOOST_AUTO_TEST_CASE(a_consistent_alignment_has_no_anchor_problems) {
  const Alignment alignment = parse(
      "notes:\n  - link: {src: [n1], tgt: [n1], status: reviewed}\n"
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: reviewed}\n"
      "    sentences:\n"
      "      - {src: [p1.s1], tgt: [p1.s1], status: reviewed}\n"
      "      - {src: [p1.s2], tgt: [p1.s2], status: auto, confidence: 0.5}\n"
      "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p3], tgt: [p3], status: reviewed, note: ok}\n");
  BOOST_TEST(anchor_problems(alignment, source, target).empty());
}

BOOST_AUTO_TEST_CASE(anchor_problems_name_the_line) {
  // Automatic links are realigned anyway: only hand-made ones are held to the documents.
  const Alignment unknown = parse(
      "paragraphs:\n  - link: {src: [p1], tgt: [p9], status: reviewed}\n"
      "  - link: {src: [p2], tgt: [p8], status: auto, confidence: 0.1}\n");
  const Diagnostics found = anchor_problems(unknown, source, target);
  BOOST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0].rule == "structure/unknown-unit");
  BOOST_TEST(found[0].where.to_string() == "a.yaml:5:11");
  BOOST_TEST(found[0].message.find("es.md has no unit 'p9'") != std::string::npos);
  BOOST_TEST((found[0].units == std::vector<std::string>{"fr:p1", "es:p9"}));

  const Alignment twice = parse(
      "paragraphs:\n  - link: {src: [p1], tgt: [p1], status: reviewed}\n"
      "  - link: {src: [p2], tgt: [p1], status: reviewed}\n");
  const Diagnostics duplicate = anchor_problems(twice, source, target);
  BOOST_REQUIRE(duplicate.size() == 1U);
  BOOST_TEST(duplicate[0].where.line == 6U);
  BOOST_TEST(duplicate[0].message ==
             "'p1' is already linked at line 5; a unit belongs to one link");

  const Alignment crossing = parse(
      "paragraphs:\n  - link: {src: [p1], tgt: [p2], status: reviewed}\n"
      "  - link: {src: [p2], tgt: [p1], status: reviewed}\n");
  const Diagnostics crossed = anchor_problems(crossing, source, target);
  BOOST_REQUIRE(crossed.size() == 1U);
  BOOST_TEST(crossed[0].rule == "structure/crossing-links");
  BOOST_TEST(crossed[0].where.line == 6U);

  const Alignment sentence = parse(
      "paragraphs:\n  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
      "    sentences:\n      - {src: [p1.s3], tgt: [p1.s1], status: reviewed}\n");
  const Diagnostics missing_sentence = anchor_problems(sentence, source, target);
  BOOST_REQUIRE(missing_sentence.size() == 1U);
  BOOST_TEST(missing_sentence[0].where.line == 7U);
  BOOST_TEST(missing_sentence[0].message.find("no unit 'p1.s3'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(finds_dropped_hand_made_links) {
  const Alignment before = parse(
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
      "    sentences:\n"
      "      - {src: [p1.s1], tgt: [p1.s1], status: reviewed}\n"
      "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9, note: look}\n"
      "  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.9}\n");
  Alignment after = before;
  BOOST_TEST(dropped_hand_made_links(before, after).empty());
  // Automatic links may change freely.
  after.paragraphs[2].confidence = 0.2;
  after.paragraphs[2].target = {};
  BOOST_TEST(dropped_hand_made_links(before, after).empty());
  // A hand-made sentence link may move to another paragraph link.
  after.paragraphs[0].sentences.clear();
  after.paragraphs[1].sentences.push_back(before.paragraphs[0].sentences[0]);
  BOOST_TEST(dropped_hand_made_links(before, after).empty());
  after.paragraphs[1].sentences.clear();
  after.paragraphs[1].note = "looked";
  const auto dropped = dropped_hand_made_links(before, after);
  BOOST_REQUIRE(dropped.size() == 2U);
  BOOST_TEST(dropped[0]->line == 7U);  // the reviewed sentence link is gone
  BOOST_TEST(dropped[1]->line == 8U);  // the note changed
}

BOOST_AUTO_TEST_CASE(tells_why_an_alignment_is_out_of_date) {
  const std::string sentences_of_p1 =
      "    sentences:\n      - {src: [p1.s1, p1.s2, p2.s1], tgt: [p1.s1, p1.s2], status: auto, "
      "confidence: 0.9, fp: [" +
      fp("Premier paragraphe. Deux phrases. Deuxième[^1].") + ", " +
      fp("Primer párrafo. Dos frases.") + "]}\n";
  const std::string current =
      "notes:\n  - link: {src: [n1], tgt: [n1], status: auto, confidence: 0.9, fp: [" +
      fp("Une note.") + ", " + fp("Una nota.") +
      "]}\n"
      "    sentences:\n      - {src: [n1.s1], tgt: [n1.s1], status: auto, confidence: 0.9}\n"
      "paragraphs:\n"
      "  - link: {src: [p1, p2], tgt: [p1], status: auto, confidence: 0.9, fp: [" +
      fp("Premier paragraphe. Deux phrases. Deuxième[^1].") + ", " +
      fp("Primer párrafo.   Dos frases.") + "]}\n" + sentences_of_p1 +
      "  - link: {src: [], tgt: [p2], status: reviewed, omitted: added, fp: [\"\", " +
      fp("Segundo[^1].") + "]}\n" + "  - link: {src: [p3], tgt: [p3], status: reviewed, fp: [" +
      fp("Troisième.") + ", " + fp("Tercero.") + "]}\n" +
      "    sentences:\n      - {src: [p3.s1], tgt: [p3.s1], status: reviewed, fp: [" +
      fp("Troisième.") + ", " + fp("Tercero.") + "]}\n";
  BOOST_TEST(!why_out_of_date(parse(current), source, target).has_value());

  // A reviewed link written without fingerprints: aligning records them.
  std::string unprinted = current;
  const std::string p3_fp = ", fp: [" + fp("Troisième.") + ", " + fp("Tercero.") + "]";
  unprinted.erase(unprinted.rfind(p3_fp), p3_fp.size());
  BOOST_TEST(why_out_of_date(parse(unprinted), source, target).value_or("up to date") ==
             "the reviewed link of fr:p3.s1 has no fingerprint");

  // A reviewed text that changed is for a person (alinea review), not for realigning, which
  // could not re-confirm it and would run again every time.
  std::string drifted = current;
  drifted.replace(drifted.rfind(fp("Tercero.")), 8, fp("Otro."));
  BOOST_TEST(!why_out_of_date(parse(drifted), source, target).has_value());

  std::string changed = current;
  changed.replace(changed.find(fp("Una nota.")), 8, fp("Otra nota."));
  BOOST_TEST(why_out_of_date(parse(changed), source, target).value_or("up to date") ==
             "the text of es:n1 changed");

  const std::string uncovered = current.substr(0, current.rfind("  - link"));
  BOOST_TEST(why_out_of_date(parse(uncovered), source, target).value_or("up to date") ==
             "fr:p3 is in no link");

  // The same paragraphs segmented differently: a sentence fingerprint no longer matches.
  std::string resegmented = current;
  resegmented.replace(resegmented.find(sentences_of_p1), sentences_of_p1.size(),
                      "    sentences:\n      - {src: [p1.s1, p1.s2, p2.s1], tgt: [p1.s1], "
                      "status: auto, confidence: 0.9, fp: [\"\", " +
                          fp("Primer párrafo. Dos frases.") + "]}\n");
  BOOST_TEST(why_out_of_date(parse(resegmented), source, target).value_or("up to date") ==
             "the text of es:p1.s1 changed");

  std::string no_sentences = current;
  no_sentences.erase(no_sentences.find(sentences_of_p1), sentences_of_p1.size());
  BOOST_TEST(why_out_of_date(parse(no_sentences), source, target).value_or("up to date") ==
             "the link of fr:p1 has no sentence links");

  const std::string gone =
      current + "  - link: {src: [p4], tgt: [], status: auto, confidence: 0.1}\n";
  BOOST_TEST(why_out_of_date(parse(gone), source, target).value_or("up to date") ==
             "fr:p4 is gone");
}

BOOST_AUTO_TEST_CASE(lists_unlinked_units) {
  const Alignment partial = parse(
      "paragraphs:\n  - link: {src: [p1, p2], tgt: [p1], status: auto, confidence: 0.9}\n"
      "  - link: {src: [], tgt: [p3], status: auto, confidence: 0.2}\n");
  BOOST_TEST(unlinked_units(partial, source, target) ==
             (std::vector<std::string>{"fr:n1", "es:n1", "fr:p3", "es:p2"}));
}

// What `alinea align` relies on: realigning with an earlier alignment keeps what people wrote.
namespace {

const std::string letter_dir =
    std::string(ALINEA_SOURCE_DIR) + "/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge/";

Document read_segmented(const std::string& path) {
  Document document = read_document(path);
  segment_document(document);
  return document;
}

}  // namespace

BOOST_AUTO_TEST_CASE(realigning_the_reviewed_letter_changes_nothing) {
  const Document fr = read_segmented(letter_dir + "fr.md");
  const Document es = read_segmented(letter_dir + "es.md");
  const Alignment reviewed =
      read_alignment(std::string(ALINEA_SOURCE_DIR) +
                     "/alignments/trotsky-1936-04-24-bienvenue-a-victor-serge.fr-es.yaml");
  BOOST_TEST(anchor_problems(reviewed, fr, es).empty());
  BOOST_TEST(!why_out_of_date(reviewed, fr, es).has_value());
  const Alignment again = align_documents(fr, es, {}, &reviewed);
  BOOST_TEST(dropped_hand_made_links(reviewed, again).empty());
  BOOST_TEST(format_alignment(again) == format_alignment(reviewed));
}

BOOST_AUTO_TEST_CASE(realigning_keeps_reviewed_links_notes_and_omissions) {
  const Document fr = read_segmented(letter_dir + "fr.md");
  const Document es = read_segmented(letter_dir + "es.md");
  Alignment earlier = align_documents(fr, es);
  BOOST_REQUIRE(earlier.paragraphs.size() > 4U);
  // A person confirms one paragraph link, annotates an automatic one, confirms a sentence link
  // inside an automatic paragraph link, and records a gap by hand.
  earlier.paragraphs[1].status = LinkStatus::reviewed;
  earlier.paragraphs[2].note = "compare with the Russian";
  earlier.paragraphs[3].sentences.at(0).status = LinkStatus::reviewed;
  earlier.paragraphs[3].sentences.at(0).note = "checked";
  Link last = earlier.paragraphs.back();
  earlier.paragraphs.pop_back();
  Link gap;
  gap.source = last.source;
  gap.status = LinkStatus::reviewed;
  gap.omitted = "signature left out on purpose";
  earlier.paragraphs.push_back(gap);
  BOOST_TEST(anchor_problems(earlier, fr, es).empty());

  const Alignment again = align_documents(fr, es, {}, &earlier);
  BOOST_TEST(dropped_hand_made_links(earlier, again).empty());
  BOOST_TEST(unlinked_units(again, fr, es).empty());
}
