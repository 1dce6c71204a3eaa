// dictd dictionaries (FreeDict): the index, gzip, FreeDict's entries, finding a pair's files,
// and the word list the aligner makes of them. The fixtures in tests/fixtures/dictd are written
// by hand for these tests (a gzip .dict.dz and a plain .dict).
#define BOOST_TEST_MODULE dictd
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "align/lexicon.hpp"
#include "align/score.hpp"
#include "alinea/base.hpp"
#include "text/dictd.hpp"

using alinea::DictdEntry;
using alinea::InputError;
using Strings = std::vector<std::string>;

namespace {

const std::filesystem::path fixtures = std::filesystem::path(ALINEA_TEST_DATA) / "fixtures/dictd";

bool error_at(const InputError& error, std::size_t line, std::size_t column) {
  return error.where().line == line && error.where().column == column;
}

}  // namespace

BOOST_AUTO_TEST_CASE(index_entries_point_into_the_dictionary) {
  // "B" = 1, "C" = 2, "BA" = 64: dictd's base64 digits, most significant first.
  const std::string dictionary = "xab" + std::string(61, '.') + "cd";
  const auto entries =
      alinea::parse_dictd("a\tB\tC\n00databaseurl\tA\tB\nc d\tBA\tC\n", dictionary, "t.index");
  BOOST_REQUIRE_EQUAL(entries.size(), 2U);  // the bookkeeping entry is left out
  BOOST_TEST(entries[0].headword == "a");
  BOOST_TEST(entries[0].definition == "ab");
  BOOST_TEST(entries[1].headword == "c d");
  BOOST_TEST(entries[1].definition == "cd");
}

BOOST_AUTO_TEST_CASE(bad_index_lines_are_errors_with_their_place) {
  const std::string dictionary = "abcdef";
  BOOST_CHECK_EXCEPTION((void)alinea::parse_dictd("a\tB\tC\nno tabs here\n", dictionary, "t.index"),
                        InputError, [](const InputError& e) { return error_at(e, 2, 1); });
  BOOST_CHECK_EXCEPTION((void)alinea::parse_dictd("a\tB!\tC\n", dictionary, "t.index"), InputError,
                        [](const InputError& e) { return error_at(e, 1, 3); });
  BOOST_CHECK_EXCEPTION((void)alinea::parse_dictd("a\tB\t\n", dictionary, "t.index"), InputError,
                        [](const InputError& e) { return error_at(e, 1, 5); });
  // Past the end: offset 1 + length 63 > 6 bytes; and an offset too large for 64 bits.
  BOOST_CHECK_THROW((void)alinea::parse_dictd("a\tB\t/\n", dictionary, "t.index"), InputError);
  BOOST_CHECK_THROW((void)alinea::parse_dictd("a\t//////////////\tB\n", dictionary, "t.index"),
                    InputError);
  BOOST_TEST(alinea::parse_dictd("", dictionary, "t.index").empty());
}

BOOST_AUTO_TEST_CASE(gzip_is_read_and_garbage_refused) {
  BOOST_CHECK_THROW((void)alinea::gunzip("not gzip at all", "x.dict.dz"), InputError);
  BOOST_CHECK_THROW((void)alinea::gunzip("", "x.dict.dz"), InputError);
  const auto entries = alinea::read_dictd(fixtures / "freedict-deu-fra.index");
  BOOST_REQUIRE_EQUAL(entries.size(), 4U);
  BOOST_TEST(entries[3].headword == "haus");
  BOOST_TEST(entries[3].definition.starts_with("Haus /haʊ̯s/"));
  // A decompressed size over the limit is refused, not allocated.
  const std::string compressed = [] {
    std::ifstream in(fixtures / "freedict-deu-fra.dict.dz", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  BOOST_CHECK_THROW((void)alinea::gunzip(compressed, "x.dict.dz", 100), InputError);
}

BOOST_AUTO_TEST_CASE(freedict_translations_skip_glosses_and_remarks) {
  BOOST_TEST(
      alinea::freedict_translations("Haus /haʊ̯s/ <n, neut>\nmaison, demeure\nein Gebäude\n") ==
          (Strings{"maison", "demeure"}),
      boost::test_tools::per_element());
  BOOST_TEST(alinea::freedict_translations(
                 "Abend <n>\n1. soir 2.\ndie Tageszeit\n 3.\nEnde\n2. couchant, occident "
                 "(Himmelsrichtung), ouest\nWesten\n3. soirée, soir\nAbendveranstaltung\n") ==
                 (Strings{"soir", "couchant", "occident", "ouest", "soirée"}),
             boost::test_tools::per_element());
  BOOST_TEST(alinea::freedict_translations("word only\n").empty());
  BOOST_TEST(alinea::freedict_translations("").empty());
  BOOST_TEST(alinea::freedict_headword("a cappella /a kaˈpɛla/ <adv>\na cappella\n") ==
             "a cappella");
  BOOST_TEST(alinea::freedict_headword("Abend <n, masc>\nsoir\n") == "Abend");
}

BOOST_AUTO_TEST_CASE(a_pair_is_found_by_its_languages) {
  BOOST_TEST(alinea::find_freedict(fixtures, "de", "fr").value() ==
             fixtures / "freedict-deu-fra.index");
  BOOST_TEST(alinea::find_freedict(fixtures, "fr-CA", "es").value() ==
             fixtures / "freedict-fra-spa.index");  // plain .dict beside it
  BOOST_TEST(!alinea::find_freedict(fixtures, "fr", "de").has_value());
  BOOST_TEST(!alinea::find_freedict(fixtures, "xx", "fr").has_value());
  BOOST_TEST(!alinea::find_freedict(fixtures, "../de", "fr").has_value());
  BOOST_TEST(!alinea::find_freedict(fixtures / "absent", "de", "fr").has_value());
}

BOOST_AUTO_TEST_CASE(the_word_list_holds_single_words_and_the_words_of_phrases) {
  const alinea::WordList words = alinea::freedict_word_list(fixtures / "freedict-deu-fra.index");
  // Haus → maison, demeure; gehen → aller, marcher, and "marche athlétique" by its long words.
  const alinea::UnitFeatures source = alinea::unit_features("Wir gehen nach Haus.", {}, &words);
  const alinea::UnitFeatures target = alinea::unit_features("Nous allons à la maison.");
  std::size_t shared = 0;
  for (const auto id : source.translated) {
    for (const auto other : target.exact) shared += id == other ? 1U : 0U;
  }
  BOOST_TEST(shared == 1U);  // maison ("allons" is inflected: not "aller")
  const alinea::UnitFeatures sport = alinea::unit_features("marche athlétique");
  std::size_t sport_shared = 0;
  for (const auto id : source.translated) {
    for (const auto other : sport.exact) sport_shared += id == other ? 1U : 0U;
  }
  BOOST_TEST(sport_shared == 2U);                         // "marche" and "athlétique"
  BOOST_TEST(words.translations("cappella") == nullptr);  // a headword of two words
  // The plain .dict of the fra-spa fixture is read as well.
  BOOST_TEST(!alinea::freedict_word_list(fixtures / "freedict-fra-spa.index").empty());
}
