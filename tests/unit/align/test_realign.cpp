#define BOOST_TEST_MODULE realign
// The policy of alinea align in the library: shards, and a pair made then remade keeping a
// reviewed link (the golden files align-* cover the messages).
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "alinea/alignment_io.hpp"
#include "alinea/realign.hpp"
#include "util/files.hpp"

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
