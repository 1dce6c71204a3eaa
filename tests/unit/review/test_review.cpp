// The review operations and the queue, on small French and Spanish texts written for these tests,
// and a property test: random review operations and document edits never lose what a person made
// unless the request replaced it.
#define BOOST_TEST_MODULE review
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <set>
#include <string>

#include "alinea/aligner.hpp"
#include "alinea/alignment.hpp"
#include "alinea/review.hpp"
#include "alinea/segment.hpp"

using namespace alinea;
namespace fs = std::filesystem;

namespace {

const std::string french_text =
    "---\nid: w\nlang: fr\n---\n\n"
    "Le camarade Victor Serge est arrivé à Paris le 17 avril 1936. Il a passé trois ans à "
    "Orenbourg.\n\n"
    "Sa libération est une victoire[^1]. Nous le saluons chaleureusement !\n\n"
    "Mais la lutte continue. Des milliers de révolutionnaires restent en prison. Qui les "
    "défendra ?\n\n"
    "Préface de l'éditeur.\n\n"
    "Les procès de Moscou ont montré de quoi la bureaucratie est capable.\n\n"
    "[^1]: Voir la lettre du 24 avril.\n";
const std::string spanish_text =
    "---\nid: w\nlang: es\n---\n\n"
    "El camarada Victor Serge llegó a París el 17 de abril de 1936. Pasó tres años en "
    "Orenburgo.\n\n"
    "Su liberación es una victoria[^1]. ¡Lo saludamos calurosamente!\n\n"
    "Pero la lucha continúa. Miles de revolucionarios siguen en prisión. ¿Quién los "
    "defenderá?\n\n"
    "Los procesos de Moscú mostraron de qué es capaz la burocracia.\n\n"
    "[^1]: Ver la carta del 24 de abril.\n";

Document segmented(const std::string& text, const std::string& path) {
  Document document = parse_document(text, path);
  segment_document(document);
  return document;
}

ReviewDocuments documents() {
  return {segmented(french_text, "fr.md"), segmented(spanish_text, "es.md")};
}

Alignment read_back(const Alignment& alignment) {
  const AlignmentReadResult read = parse_alignment(format_alignment(alignment), "a.yaml");
  BOOST_REQUIRE(read.diagnostics.empty());
  return read.alignment;
}

Alignment aligned(const ReviewDocuments& docs) {
  Alignment alignment = align_documents(docs.source, docs.target);
  alignment.source = {"fr.md", "fr"};
  alignment.target = {"es.md", "es"};
  return read_back(alignment);
}

const Link* link_of(const Alignment& alignment, const std::string& source_id) {
  for (const auto* level : {&alignment.notes, &alignment.paragraphs}) {
    for (const Link& link : *level) {
      if (!link.source.empty() && link.source.front() == source_id) return &link;
      for (const Link& sentence : link.sentences) {
        if (!sentence.source.empty() && sentence.source.front() == source_id) return &sentence;
      }
    }
  }
  return nullptr;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A repository in a scratch folder: the two texts and a.yaml, their alignment.
fs::path repository_with_alignment(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / (name + std::to_string(::getpid()));
  fs::create_directories(folder);
  write_text(folder / "alinea.yaml", "alinea: 1\nworks: []\n");
  write_text(folder / "fr.md", french_text);
  write_text(folder / "es.md", spanish_text);
  write_text(folder / "a.yaml", format_alignment(aligned(documents())));
  return folder;
}

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const ReviewError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_CASE(parses_unit_choices) {
  BOOST_TEST(UnitChoice::parse("p2.s1").id == "p2.s1");
  BOOST_TEST((UnitChoice::parse("p2.s1").side == Side::source));
  BOOST_TEST((UnitChoice::parse("tgt:n3").side == Side::target));
  BOOST_TEST(UnitChoice::parse("tgt:n3").to_string() == "tgt:n3");
  BOOST_CHECK_THROW((void)UnitChoice::parse("tgt:"), ReviewError);
  BOOST_CHECK_THROW((void)UnitChoice::parse("paragraph 3"), ReviewError);
}

BOOST_AUTO_TEST_CASE(the_queue_puts_drift_first_then_missing_fingerprints_then_doubt) {
  const ReviewDocuments docs = documents();
  Alignment alignment = aligned(docs);
  BOOST_REQUIRE(alignment.paragraphs.size() >= 4U);
  // p1 reviewed, then its text edited; p2 reviewed by hand without fingerprints.
  alignment = accept_links(alignment, docs, {UnitChoice::parse("p1")});
  alignment.paragraphs[0].source_fingerprint = "00000000";
  alignment.paragraphs[1].status = LinkStatus::reviewed;
  alignment.paragraphs[1].source_fingerprint.clear();
  alignment.paragraphs[1].target_fingerprint.clear();
  alignment = read_back(alignment);
  const std::vector<QueueItem> queue = review_queue(alignment, docs, 1.01);
  BOOST_REQUIRE(queue.size() >= 3U);
  BOOST_TEST((queue[0].reason == QueueReason::drift));
  BOOST_TEST(queue[0].source == std::vector<std::string>{"p1"});
  BOOST_TEST(queue[0].detail == "the text of fr:p1 changed");
  BOOST_TEST((queue[1].reason == QueueReason::no_fingerprint));
  BOOST_TEST(queue[1].source == std::vector<std::string>{"p2"});
  for (std::size_t k = 2; k < queue.size(); ++k) {
    BOOST_TEST((queue[k].reason == QueueReason::low_confidence));
    if (k > 2) BOOST_TEST(*queue[k - 1].confidence <= *queue[k].confidence);
    BOOST_TEST(queue[k].where.line > 0U);
  }
  // Below the lowest confidence, nothing automatic is listed.
  for (const QueueItem& item : review_queue(alignment, docs, 0.0)) {
    BOOST_TEST((item.reason != QueueReason::low_confidence));
  }
}

BOOST_AUTO_TEST_CASE(the_queue_lists_units_in_no_link_last) {
  const ReviewDocuments docs = documents();
  Alignment alignment = aligned(docs);
  alignment = set_link(alignment, docs, {"p1"}, {"p1"});  // its sentence links are kept
  alignment.paragraphs[0].sentences.pop_back();
  alignment.paragraphs.pop_back();
  const std::vector<QueueItem> queue = review_queue(alignment, docs, 0.0);
  BOOST_REQUIRE(queue.size() >= 2U);
  BOOST_TEST((queue.back().reason == QueueReason::unlinked));
  std::set<std::string> units;
  for (const QueueItem& item : queue) {
    for (const auto& id : item.source) units.insert("fr:" + id);
    for (const auto& id : item.target) units.insert("es:" + id);
  }
  BOOST_TEST(units.count("fr:p5") == 1U);
  BOOST_TEST(units.count("es:p4") == 1U);
  BOOST_TEST(units.count("fr:p1.s2") == 1U);
}

BOOST_AUTO_TEST_CASE(accepting_re_confirms_a_drifted_link) {
  ReviewDocuments docs = documents();
  Alignment alignment = accept_links(aligned(docs), docs, {UnitChoice::parse("p3")});
  // The translator edits the Spanish p3 after review.
  docs.target.paragraphs[2].text += " Nadie.";
  BOOST_TEST((review_queue(alignment, docs, 0.0).front().reason == QueueReason::drift));
  alignment = accept_links(alignment, docs, {UnitChoice::parse("tgt:p3")});
  const Link& link = *link_of(alignment, "p3");
  BOOST_TEST((link.status == LinkStatus::reviewed));
  BOOST_TEST(!link.confidence.has_value());
  BOOST_TEST(link.target_fingerprint == side_fingerprint(docs.target, {"p3"}));
  for (const QueueItem& item : review_queue(alignment, docs, 0.0)) {
    BOOST_TEST((item.reason != QueueReason::drift));
  }
}

BOOST_AUTO_TEST_CASE(unknown_ids_name_the_closest) {
  const ReviewDocuments docs = documents();
  const Alignment alignment = aligned(docs);
  BOOST_TEST(message_of([&] { (void)accept_links(alignment, docs, {UnitChoice::parse("p9")}); }) ==
             "the source fr.md has no unit 'p9' (did you mean 'p1'?)");
  BOOST_TEST(message_of([&] {
               (void)accept_links(alignment, docs, {UnitChoice::parse("tgt:p3.s7")});
             }) == "the target es.md has no unit 'p3.s7' (did you mean 'p3.s1'?)");
  BOOST_TEST(message_of([&] { (void)set_link(alignment, docs, {"p12345"}, {}); }) ==
             "the source fr.md has no unit 'p12345' (it has p1…p5, n1…n1)");
}

BOOST_AUTO_TEST_CASE(acknowledging_checks_the_ids_first) {
  const ReviewDocuments docs = documents();
  const Alignment alignment = aligned(docs);
  const std::vector<std::string> rules{"qa/length-ratio"};
  BOOST_TEST(message_of([&] { (void)acknowledge_on_link(alignment, docs, "p9", rules, "x"); }) ==
             "the source fr.md has no unit 'p9' (did you mean 'p1'?)");
  BOOST_TEST(message_of([&] {
               (void)acknowledge_on_link(alignment, docs, "tgt:p1+p3.s7", rules, "x");
             }) == "the target es.md has no unit 'p3.s7' (did you mean 'p3.s1'?)");
  const Alignment acknowledged = acknowledge_on_link(alignment, docs, "tgt:p2", rules, "intended");
  BOOST_TEST(link_of(acknowledged, "p2")->accepted == rules);
  BOOST_TEST(*link_of(acknowledged, "p2")->accept_reason == "intended");
}

BOOST_AUTO_TEST_CASE(a_link_set_by_hand_replaces_what_it_overlaps) {
  const ReviewDocuments docs = documents();
  const Alignment before = aligned(docs);
  Alignment alignment = set_link(before, docs, {"p3.s1", "p3.s2"}, {"p3.s1"});
  const Link& made = *link_of(alignment, "p3.s1");
  BOOST_TEST(made.target == std::vector<std::string>{"p3.s1"});
  BOOST_TEST((made.status == LinkStatus::reviewed));
  BOOST_TEST(made.source_fingerprint == side_fingerprint(docs.source, {"p3.s1", "p3.s2"}));
  // A paragraph link: the preface is left out of the translation.
  alignment = set_link(alignment, docs, {"p4"}, {});
  const Link& omitted = *link_of(alignment, "p4");
  BOOST_TEST(omitted.target.empty());
  BOOST_TEST(omitted.omitted.value_or("none") == "");
  BOOST_TEST(omitted.target_fingerprint == "");
  // Nothing else changed, and the file reads back.
  BOOST_TEST(link_of(alignment, "p1")->target == link_of(before, "p1")->target);
  (void)read_back(alignment);
}

BOOST_AUTO_TEST_CASE(bad_links_are_refused_with_a_reason) {
  const ReviewDocuments docs = documents();
  const Alignment alignment = set_link(aligned(docs), docs, {"p2"}, {"p2"});
  BOOST_TEST(message_of([&] {
               (void)set_link(alignment, docs, {"p2.s2", "p3.s1"}, {"p2.s2"});
             }) ==
             "'p3.s1' and 'p2.s2' are in two paragraphs: the sentences of one side of a link "
             "belong to one paragraph or note");
  BOOST_TEST(message_of([&] {
               (void)set_link(alignment, docs, {"p1", "p3"}, {"p1"});
             }) == "'p1' and 'p3' are not neighbours: a link joins consecutive units");
  BOOST_TEST(message_of([&] { (void)set_link(alignment, docs, {"p1"}, {"p1.s1"}); }) ==
             "a link joins paragraphs with paragraphs and sentences with sentences, not p1 with "
             "tgt:p1.s1");
  BOOST_TEST(message_of([&] { (void)set_link(alignment, docs, {}, {}); }) ==
             "a link needs a unit on at least one side");
  // p1 ↔ p3 would cross the reviewed p2 ↔ p2.
  BOOST_TEST(message_of([&] {
               (void)set_link(alignment, docs, {"p1"}, {"p3"});
             }).find("would cross the reviewed link p2 ↔ p2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(omissions_notes_merges_and_splits) {
  const ReviewDocuments docs = documents();
  Alignment alignment = aligned(docs);
  alignment = mark_omission(alignment, docs, UnitChoice::parse("p4"), "editor's preface");
  BOOST_TEST(link_of(alignment, "p4")->omitted.value_or("") == "editor's preface");
  alignment = attach_note(alignment, docs, UnitChoice::parse("tgt:p1"), "date checked");
  BOOST_TEST(link_of(alignment, "p1")->note.value_or("") == "date checked");

  alignment = merge_with_next(alignment, docs, UnitChoice::parse("p1"));
  const Link& merged = *link_of(alignment, "p1");
  BOOST_TEST(merged.source == (std::vector<std::string>{"p1", "p2"}));
  BOOST_TEST(merged.target == (std::vector<std::string>{"p1", "p2"}));
  BOOST_TEST(merged.note.value_or("") == "date checked");  // carried over
  BOOST_TEST(merged.sentences.size() >= 2U);               // sentence links still fit

  alignment = split_link(alignment, docs, UnitChoice::parse("p2"));
  BOOST_TEST(link_of(alignment, "p1")->target == std::vector<std::string>{"p1"});
  BOOST_TEST(link_of(alignment, "p2")->target == std::vector<std::string>{"p2"});
  BOOST_TEST((link_of(alignment, "p2")->status == LinkStatus::reviewed));
  BOOST_TEST(message_of([&] {
               (void)split_link(alignment, docs, UnitChoice::parse("p2"));
             }).find("nothing to split") != std::string::npos);
  BOOST_TEST(link_of(alignment, "p4")->omitted.value_or("") == "editor's preface");
  (void)read_back(alignment);
}

BOOST_AUTO_TEST_CASE(accept_above_confirms_only_the_sure_links) {
  const ReviewDocuments docs = documents();
  const Alignment alignment = accept_above(aligned(docs), docs, 0.0);
  for (const QueueItem& item : review_queue(alignment, docs, 1.01)) {
    BOOST_TEST((item.reason != QueueReason::low_confidence));
  }
  BOOST_CHECK_THROW((void)accept_above(alignment, docs, 1.5), ReviewError);
}

BOOST_AUTO_TEST_CASE(saving_refuses_a_file_changed_meanwhile) {
  const fs::path folder = repository_with_alignment("alinea-review-");
  const OpenedAlignment opened = open_for_review(folder / "a.yaml");
  const Alignment accepted =
      accept_links(opened.alignment, opened.documents, {UnitChoice::parse("p1")});
  const OpenedAlignment saved = save_review(opened, accepted);
  BOOST_TEST(read_text(folder / "a.yaml") == saved.text);
  BOOST_TEST(saved.alignment.paragraphs[0].line > 0U);
  // Saving again from the old state would undo the first save: refused, nothing written.
  BOOST_CHECK_THROW((void)save_review(opened, opened.alignment), ReviewConflict);
  BOOST_TEST(read_text(folder / "a.yaml") == saved.text);
  fs::remove_all(folder);
}

// Each change of `alinea review` is made, saved, told, and the queue left counted; the file as
// saved is what a reader of it finds, links at their lines.
BOOST_AUTO_TEST_CASE(a_change_is_made_saved_and_told) {
  const fs::path folder = repository_with_alignment("alinea-review-change-");
  const auto apply = [&](const ReviewChange& change) {
    const ReviewOutcome outcome = review_and_save(open_for_review(folder / "a.yaml"), change);
    BOOST_TEST(read_text(folder / "a.yaml") == outcome.saved.text);
    const AlignmentReadResult reread = parse_alignment(outcome.saved.text, "a.yaml");
    BOOST_TEST_REQUIRE(reread.alignment.paragraphs.size() ==
                       outcome.saved.alignment.paragraphs.size());
    for (std::size_t i = 0; i < reread.alignment.paragraphs.size(); ++i) {
      BOOST_TEST(reread.alignment.paragraphs[i].line == outcome.saved.alignment.paragraphs[i].line);
    }
    BOOST_TEST(outcome.left_in_queue ==
               review_queue(outcome.saved.alignment, outcome.saved.documents).size());
    return outcome.description;
  };
  BOOST_TEST(apply(AcceptUnits{{UnitChoice::parse("p1"), UnitChoice::parse("tgt:p2")}}) ==
             "accepted the links of 2 units");
  BOOST_TEST(apply(AcceptAbove{0.5}) == "accepted the automatic links with confidence >= 0.5");
  BOOST_TEST(apply(LinkByHand{{"p4"}, {}}) == "linked p4 ↔ ∅");
  BOOST_TEST(apply(NoteOnLink{UnitChoice::parse("tgt:p1"), "ojo"}) == "noted the link of tgt:p1");
  BOOST_TEST(
      apply(AcknowledgeOnLink{"p1", {"qa/length-ratio", "qa/number-mismatch"}, "intended"}) ==
      "acknowledged qa/length-ratio qa/number-mismatch on the link of p1");
  const OpenedAlignment opened = open_for_review(folder / "a.yaml");
  write_text(folder / "a.yaml", opened.text + "# edited meanwhile\n");
  BOOST_CHECK_THROW((void)review_and_save(opened, AcceptAbove{0.1}), ReviewConflict);
  // A note refused with its change comes back in the message: what a person typed is not lost.
  const std::string refused = message_of([&] {
    (void)review_and_save(opened, NoteOnLink{UnitChoice::parse("p2"), "typed with care"});
  });
  BOOST_TEST(refused.find("the note you typed, to add again:\ntyped with care") !=
             std::string::npos);
  fs::remove_all(folder);
}

// A heading linked to a paragraph: a kind-mismatch item (once, before its low confidence) until
// a person acknowledges it on the link or confirms the link; the kinds of both sides on each item.
BOOST_AUTO_TEST_CASE(the_queue_holds_a_heading_linked_to_a_paragraph) {
  const ReviewDocuments docs{
      segmented("---\nid: w\nlang: fr\n---\n\n# Le journal\n\nLe congrès décide.\n\n"
                "- publier le journal ;\n",
                "fr.md"),
      segmented("---\nid: w\nlang: es\n---\n\nEl periódico\n\nEl congreso decide.\n\n"
                "- publicar el periódico;\n",
                "es.md")};
  Alignment alignment;
  alignment.path = "a.yaml";
  for (const char* id : {"p1", "p2", "p3"}) {
    Link link;
    link.source = {id};
    link.target = {id};
    link.confidence = std::string(id) == "p1" ? 0.2 : 0.99;
    alignment.paragraphs.push_back(link);
  }
  const std::vector<QueueItem> queue = review_queue(alignment, docs);
  BOOST_TEST_REQUIRE(queue.size() == 1U);
  BOOST_TEST(std::string(to_string(queue[0].reason)) == "kind-mismatch");
  BOOST_TEST(queue[0].detail == "the source side is a heading, the target side is not (paragraph)");
  BOOST_TEST((queue[0].source_kind == BlockKind::heading));
  BOOST_TEST((queue[0].target_kind == BlockKind::paragraph));
  BOOST_TEST(describe_kinds(queue[0]) == "heading ↔ paragraph");
  Alignment acknowledged = alignment;
  acknowledged.paragraphs[0].accepted = {"structure/kind-mismatch"};
  const std::vector<QueueItem> left = review_queue(acknowledged, docs);
  BOOST_TEST_REQUIRE(left.size() == 1U);
  BOOST_TEST(std::string(to_string(left[0].reason)) == "low-confidence");
  Alignment confirmed = alignment;
  confirmed.paragraphs[0].status = LinkStatus::reviewed;
  confirmed.paragraphs[0].source_fingerprint = side_fingerprint(docs.source, {"p1"});
  confirmed.paragraphs[0].target_fingerprint = side_fingerprint(docs.target, {"p1"});
  BOOST_TEST(review_queue(confirmed, docs).empty());
  // A list item in no link: its kind, one side only.
  alignment.paragraphs.pop_back();
  const std::vector<QueueItem> unlinked = review_queue(acknowledged, docs, 0.0);
  BOOST_TEST(unlinked.empty());
  const std::vector<QueueItem> with_gap = review_queue(alignment, docs, 0.0);
  BOOST_TEST_REQUIRE(with_gap.size() == 3U);
  BOOST_TEST(describe_kinds(with_gap[1]) == "list-item");
  BOOST_TEST(describe_kinds(with_gap[2]) == "list-item");
}

BOOST_AUTO_TEST_CASE(aligning_twice_is_byte_identical_and_keeps_reviewed_links) {
  const ReviewDocuments docs = documents();
  Alignment alignment = aligned(docs);
  alignment = mark_omission(alignment, docs, UnitChoice::parse("p4"), "preface");
  // A reviewed link written by hand, without fingerprints.
  alignment.paragraphs[0].status = LinkStatus::reviewed;
  alignment.paragraphs[0].source_fingerprint.clear();
  alignment.paragraphs[0].target_fingerprint.clear();
  alignment = read_back(alignment);
  BOOST_TEST(why_out_of_date(alignment, docs.source, docs.target).has_value());
  const Alignment once = read_back(align_documents(docs.source, docs.target, {}, &alignment));
  BOOST_TEST(once.paragraphs[0].source_fingerprint == side_fingerprint(docs.source, {"p1"}));
  BOOST_TEST(dropped_hand_made_links(alignment, once).empty());
  BOOST_TEST(!why_out_of_date(once, docs.source, docs.target).has_value());
  const Alignment twice = read_back(align_documents(docs.source, docs.target, {}, &once));
  BOOST_TEST(format_alignment(once) == format_alignment(twice));
}

// ---- Property: what a person made survives every request that did not replace it.

namespace {

struct HandWork {
  std::string key;  // units, status, omission, note, fingerprints: everything a person set
};

std::string key_of(const Link& link) {
  std::string key;
  for (const auto& id : link.source) key += id + ",";
  key += "|";
  for (const auto& id : link.target) key += id + ",";
  key += std::string("|") + to_string(link.status) + "|" + link.omitted.value_or("-") + "|" +
         link.note.value_or("-") + "|" + link.source_fingerprint + "|" + link.target_fingerprint;
  return key;
}

std::string block_of(const std::string& id) {
  return id.substr(0, id.find('.'));
}

// Hand-made links, each with the blocks (side-prefixed) it touches.
std::vector<std::pair<std::string, std::set<std::string>>> hand_work(const Alignment& alignment) {
  std::vector<std::pair<std::string, std::set<std::string>>> out;
  for (const auto* level : {&alignment.notes, &alignment.paragraphs}) {
    for (const Link& link : *level) {
      std::set<std::string> blocks;
      for (const auto& id : link.source) blocks.insert("s:" + id);
      for (const auto& id : link.target) blocks.insert("t:" + id);
      if (is_hand_made(link)) out.emplace_back(key_of(link), blocks);
      for (const Link& sentence : link.sentences) {
        if (is_hand_made(sentence)) out.emplace_back("sentence " + key_of(sentence), blocks);
      }
    }
  }
  return out;
}

std::set<std::string> all_keys(const Alignment& alignment) {
  std::set<std::string> keys;
  for (const auto& [key, blocks] : hand_work(alignment)) keys.insert(key);
  return keys;
}

// The blocks a request may change: those it names, and those of the links holding them.
std::set<std::string> touched_blocks(const Alignment& alignment,
                                     const std::vector<std::string>& source,
                                     const std::vector<std::string>& target) {
  std::set<std::string> touched;
  for (const auto& id : source) touched.insert("s:" + block_of(id));
  for (const auto& id : target) touched.insert("t:" + block_of(id));
  for (const auto* level : {&alignment.notes, &alignment.paragraphs}) {
    for (const Link& link : *level) {
      bool holds = false;
      for (const auto& id : link.source) holds = holds || touched.count("s:" + id) != 0;
      for (const auto& id : link.target) holds = holds || touched.count("t:" + id) != 0;
      if (!holds) continue;
      for (const auto& id : link.source) touched.insert("s:" + id);
      for (const auto& id : link.target) touched.insert("t:" + id);
    }
  }
  return touched;
}

std::string random_unit(std::mt19937& random, const Document& document) {
  std::uniform_int_distribution<std::size_t> pick(0, document.paragraphs.size() - 1);
  const Paragraph& paragraph = document.paragraphs[pick(random)];
  if (random() % 2 == 0 || paragraph.sentences.empty()) return paragraph.id;
  std::uniform_int_distribution<std::size_t> sentence(1, paragraph.sentences.size());
  return paragraph.id + ".s" + std::to_string(sentence(random));
}

void edit_randomly(std::mt19937& random, Document& document) {
  const std::size_t at = random() % document.paragraphs.size();
  switch (random() % 3) {
    case 0:
      document.paragraphs[at].text += " Une phrase de plus.";
      break;
    case 1: {
      Paragraph added = document.paragraphs[at];
      added.text = "Un paragraphe ajouté.";
      document.paragraphs.insert(document.paragraphs.begin() + static_cast<std::ptrdiff_t>(at),
                                 added);
      break;
    }
    default:
      if (document.paragraphs.size() > 2) {
        document.paragraphs.erase(document.paragraphs.begin() + static_cast<std::ptrdiff_t>(at));
      }
  }
  // Paragraph ids are positional.
  for (std::size_t k = 0; k < document.paragraphs.size(); ++k) {
    document.paragraphs[k].id = "p" + std::to_string(k + 1);
  }
  segment_document(document);
}

}  // namespace

// The blocks of the link now holding `unit`, and of every earlier link sharing one of them.
std::set<std::string> blocks_around(const Alignment& before, const Alignment& after,
                                    const UnitChoice& unit) {
  std::vector<std::string> source{unit.side == Side::source ? unit.id : ""};
  std::vector<std::string> target{unit.side == Side::target ? unit.id : ""};
  for (const auto* level : {&after.notes, &after.paragraphs}) {
    for (const Link& link : *level) {
      const auto& ids = unit.side == Side::source ? link.source : link.target;
      if (std::find(ids.begin(), ids.end(), block_of(unit.id)) == ids.end()) continue;
      source.insert(source.end(), link.source.begin(), link.source.end());
      target.insert(target.end(), link.target.begin(), link.target.end());
    }
  }
  return touched_blocks(before, source, target);
}

BOOST_AUTO_TEST_CASE(random_reviews_and_edits_never_lose_hand_work) {
  std::mt19937 random(20261201);
  std::size_t done = 0;
  std::size_t refused = 0;
  for (int run = 0; run < 40; ++run) {
    ReviewDocuments docs = documents();
    Alignment alignment = aligned(docs);
    for (int step = 0; step < 25; ++step) {
      const UnitChoice source_choice{Side::source, random_unit(random, docs.source)};
      const UnitChoice target_choice{Side::target, random_unit(random, docs.target)};
      std::set<std::string> touched;  // blocks whose hand work the request may replace
      Alignment after;
      const auto action = random() % 9;
      try {
        switch (action) {
          case 0:
            after = accept_links(alignment, docs, {source_choice});
            touched = touched_blocks(alignment, {source_choice.id}, {});
            break;
          case 1:
            after = set_link(alignment, docs, {source_choice.id}, {target_choice.id});
            touched = blocks_around(alignment, after, source_choice);
            break;
          case 2:
            after = mark_omission(alignment, docs, target_choice, "added");
            touched = blocks_around(alignment, after, target_choice);
            break;
          case 3:
            after = attach_note(alignment, docs, source_choice, "n" + std::to_string(step));
            touched = touched_blocks(alignment, {source_choice.id}, {});
            break;
          case 4:
            after = merge_with_next(alignment, docs, source_choice);
            touched = blocks_around(alignment, after, source_choice);
            break;
          case 5:
            after = split_link(alignment, docs, source_choice);
            touched = touched_blocks(alignment, {source_choice.id}, {});
            break;
          case 6:
            edit_randomly(random, random() % 2 == 0 ? docs.source : docs.target);
            continue;
          case 7:
            if (!anchor_problems(alignment, docs.source, docs.target).empty()) continue;
            after = align_documents(docs.source, docs.target, {}, &alignment);
            // Realigning may record missing fingerprints, nothing else.
            for (const Link* lost : dropped_hand_made_links(alignment, after)) {
              BOOST_ERROR("realigning dropped " << key_of(*lost) << " of\n"
                                                << format_alignment(alignment) << "\nas\n"
                                                << format_alignment(after));
            }
            break;
          default:
            after = accept_above(alignment, docs, 0.9);
            break;
        }
      } catch (const ReviewError&) {
        ++refused;
        continue;
      }
      const Alignment next = read_back(after);
      if (action != 7) {
        const std::set<std::string> kept = all_keys(next);
        for (const auto& [key, blocks] : hand_work(alignment)) {
          bool may_change = action == 8 && key.find("|auto|") != std::string::npos;
          for (const auto& block : blocks) may_change = may_change || touched.count(block) != 0;
          if (!may_change && kept.count(key) == 0) {
            BOOST_ERROR("run " << run << " step " << step << " action " << action << " lost "
                               << key);
          }
        }
      }
      alignment = next;
      ++done;
    }
  }
  BOOST_TEST(done > 400U);
  BOOST_TEST_MESSAGE(done << " operations, " << refused << " refused");
}
