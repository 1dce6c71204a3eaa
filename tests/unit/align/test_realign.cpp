#define BOOST_TEST_MODULE realign
// The policy of alinea align in the library: shards, and a pair made then remade keeping a
// reviewed link (the golden files align-* cover the messages).
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "alinea/aligner.hpp"
#include "alinea/alignment.hpp"
#include "alinea/base.hpp"

using namespace alinea;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_CASE(shards_are_read_without_exceptions) {
  const ShardReading second = read_shard("2/8");
  BOOST_REQUIRE(second.shard.has_value());
  BOOST_TEST(second.shard->index == 1U);
  BOOST_TEST(second.shard->count == 8U);
  for (const char* bad : {"", "2", "/8", "2/", "a/8", "2/8x", "-1/8", "99999999999/1"}) {
    const ShardReading reading = read_shard(bad);
    BOOST_TEST(!reading.shard.has_value(), bad);
    BOOST_TEST(reading.problem.find("I/N") != std::string::npos, bad);
  }
  BOOST_TEST(read_shard("0/8").problem.find("1 <= I <= N") != std::string::npos);
  BOOST_TEST(read_shard("9/8").problem.find("1 <= I <= N") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_pair_is_made_then_remade_keeping_a_reviewed_link) {
  const fs::path root = fs::temp_directory_path() / "alinea-test-realign";
  fs::remove_all(root);
  fs::create_directories(root / "alignments");
  write_file_atomically(root / "fr.md", "---\nid: w\nlang: fr\n---\n\nUn.\n\nDeux.\n");
  write_file_atomically(root / "es.md", "---\nid: w\nlang: es\n---\n\nUno.\n\nDos.\n");
  const PairFiles pair =
      pair_of_documents(root / "fr.md", root / "es.md", (root / "alignments/w.yaml").string());
  // No alinea.yaml: named from the alignment file's folder.
  BOOST_TEST(pair.source_ref == "../fr.md");
  const PairOutcome made = realign_pair(pair, {}, false);
  BOOST_TEST((made.state == PairState::created));
  BOOST_TEST(made.text.empty());  // written to the file, not returned

  Alignment alignment = read_alignment(pair.output_file);
  BOOST_REQUIRE(!alignment.paragraphs.empty());
  alignment.paragraphs.front().status = LinkStatus::reviewed;
  alignment.paragraphs.front().note = "checked";
  write_file_atomically(pair.output_file, format_alignment(alignment));
  const PairOutcome stale = realign_pair(pair, {}, true);
  BOOST_TEST((stale.state == PairState::up_to_date));
  const PairOutcome remade = realign_pair(pair, {}, false);
  BOOST_TEST((remade.state == PairState::realigned));
  const Alignment after = read_alignment(pair.output_file);
  BOOST_TEST((after.paragraphs.front().status == LinkStatus::reviewed));
  BOOST_TEST(after.paragraphs.front().note.value_or("") == "checked");
  fs::remove_all(root);
}

// What `alinea align` tells: findings and failures on standard error, summaries where --summary
// sends them, in order, a count last; nothing from the corpus reaches a terminal raw.
BOOST_AUTO_TEST_CASE(the_report_tells_each_pair_in_order_and_counts_them) {
  RepositoryAlignment result;
  result.pairs.resize(3);
  result.problems.push_back(
      {"manifest/missing-document", Severity::warning, {"alinea.yaml", 3, 5}, {}, "no es.md"});
  PairOutcome created;
  created.state = PairState::created;
  created.summary = "a.yaml: 3 links\n";
  PairOutcome failed;
  failed.reason = "b.yaml:1:1: bad \x1B[2J";
  PairOutcome same;
  same.state = PairState::up_to_date;
  same.warnings = {"c.yaml:4: warning: drifted"};
  result.outcomes = {created, failed, same};
  const AlignReport report = report_repository_alignment(result, Shard{1, 2});
  BOOST_TEST(report.failed);
  std::string told;
  for (const ReportLine& line : report.lines)
    told += (line.summary ? "out: " : "err: ") + line.text;
  BOOST_TEST(told ==
             "err: alinea.yaml:3:5: warning: no es.md\n"
             "out: created a.yaml: 3 links\n"
             "err: b.yaml:1:1: bad \\x1B[2J\n"
             "err: c.yaml:4: warning: drifted\n"
             "err: 3 alignments in shard 2/2: 1 created, 0 realigned, 1 up to date, 1 failed\n");
  const AlignReport one = report_pair_alignment(created);
  BOOST_TEST(!one.failed);
  BOOST_TEST_REQUIRE(one.lines.size() == 1U);
  BOOST_TEST(one.lines[0].summary);
}

// align --lines: a sentence a line in, the gold format out.
BOOST_AUTO_TEST_CASE(benchmark_mode_reads_a_sentence_a_line_and_writes_gold_links) {
  const std::vector<std::string> sentences = sentences_of_lines("Uno.\r\nDos.\n\nTres.", "s.txt");
  BOOST_TEST(sentences == (std::vector<std::string>{"Uno.", "Dos.", "", "Tres."}),
             boost::test_tools::per_element());
  BOOST_CHECK_THROW((void)sentences_of_lines("a\n\xC3", "s.txt"), InputError);
  std::vector<Bead> beads(2);
  beads[0] = {0, 1, 0, 2, 0.9304};
  beads[1] = {1, 1, 2, 0, 0.5};
  BOOST_TEST(format_gold_links(beads) == "[0]:[0, 1]:0.930\n[1]:[]:0.500\n");
}

// align --lines as one call: the links and, line for line, what each confidence comes from.
BOOST_AUTO_TEST_CASE(benchmark_mode_gives_one_feature_line_per_link) {
  const SentenceLinesAlignment aligned = align_sentence_lines(
      {"Hola.\nAdiós, 1936.\n", "es.txt", "es"}, {"Bonjour.\nAdieu, 1936.\n", "fr.txt", "fr"});
  BOOST_TEST(aligned.links == "[0]:[0]:" + aligned.links.substr(8, 5) +
                                  "\n[1]:[1]:" + aligned.links.substr(22, 5) + "\n");
  BOOST_TEST(std::count(aligned.confidence_features.begin(), aligned.confidence_features.end(),
                        '\n') == 2);
  try {
    (void)align_sentence_lines({"Hola.\n", "es.txt", "es"}, {"Bon\xC3", "fr.txt", "fr"});
    BOOST_FAIL("invalid UTF-8 was read");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().file == "fr.txt");
  }
}

namespace {
std::string folder_of(const AlignOptions& options) {
  return options.freedict_folder ? options.freedict_folder->string() : "";
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_repository_asks_for_freedict_unless_the_command_line_says_otherwise) {
  ManifestReadResult manifest;
  manifest.manifest.root = "/corpus";
  BOOST_TEST(!with_repository_settings({}, manifest).freedict_folder.has_value());
  manifest.manifest.align.freedict = true;
  BOOST_TEST(folder_of(with_repository_settings({}, manifest)) == default_freedict_folder);
  manifest.manifest.align.freedict_folder = "tools/dictd";
  BOOST_TEST(folder_of(with_repository_settings({}, manifest)) == "/corpus/tools/dictd");
  AlignOptions own_folder;
  own_folder.freedict_folder = "/elsewhere";
  BOOST_TEST(folder_of(with_repository_settings(own_folder, manifest)) == "/elsewhere");
  AlignOptions word_list;
  word_list.dictionary = "words.dic";
  BOOST_TEST(!with_repository_settings(word_list, manifest).freedict_folder.has_value());
  manifest.diagnostics.push_back(
      {"manifest/align-setting", Severity::error, {"alinea.yaml", 4, 9}, {}, "unknown key"});
  BOOST_CHECK_THROW((void)with_repository_settings({}, manifest), InputError);
}
