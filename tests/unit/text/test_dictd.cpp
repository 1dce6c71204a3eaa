// dictd dictionaries (FreeDict): the index, gzip, FreeDict's entries, finding a pair's files,
// and the word list the aligner makes of them. The fixtures in tests/fixtures/dictd are written
// by hand for these tests (a gzip .dict.dz and a plain .dict).
#define BOOST_TEST_MODULE dictd
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "align/bilingual_dictionary.hpp"
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
  BOOST_REQUIRE_EQUAL(entries.size(), 5U);
  BOOST_TEST(entries[0].headword == "ab und zu");
  BOOST_TEST(entries[4].headword == "haus");
  BOOST_TEST(entries[4].definition.starts_with("Haus /haʊ̯s/"));
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

namespace {

using Ids = std::vector<std::uint32_t>;

// The id of a word as the scorer folds it ("œil", "athlétique").
std::uint32_t id(std::string_view word) {
  return alinea::exact_word_id(alinea::folded_words({std::string(word)}).front());
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

alinea::BilingualDictionary german_french(alinea::BilingualDictionaryOptions options = {}) {
  return alinea::BilingualDictionary::read_freedict(fixtures / "freedict-deu-fra.index", options);
}

}  // namespace

BOOST_AUTO_TEST_CASE(freedict_gives_single_words_and_the_long_words_of_translations) {
  const alinea::BilingualDictionary words = german_french();
  BOOST_TEST(words.words() == 3U);  // Abend, gehen, Haus
  BOOST_TEST(words.phrases() == 0U);
  // Haus → maison, demeure; gehen → aller, marcher, and "marche athlétique" by its long words.
  BOOST_TEST(words.translations_of("Wir gehen nach Haus.") ==
                 sorted({id("maison"), id("demeure"), id("aller"), id("marcher"), id("marche"),
                         id("athletique")}),
             boost::test_tools::per_element());
  // Folded as the scorer folds: case and accents do not matter.
  BOOST_TEST(words.translations_of("HAUS") == words.translations_of("haus"),
             boost::test_tools::per_element());
  // Without phrases a headword of several words is not used, nor are its words on their own.
  BOOST_TEST(words.translations_of("ab und zu a cappella").empty());
  // Without target stems the scorer matches the target's `exact` ids: no forms.
  BOOST_TEST(words.forms_of("Nous allons à la maison.").empty());
  // The plain .dict of the fra-spa fixture is read as well.
  BOOST_TEST(
      !alinea::BilingualDictionary::read_freedict(fixtures / "freedict-fra-spa.index").empty());
}

BOOST_AUTO_TEST_CASE(headwords_of_several_words_match_consecutive_words) {
  const alinea::BilingualDictionary words = german_french({.phrases = true});
  BOOST_TEST(words.phrases() == 2U);  // ab und zu, a cappella
  // "de temps en temps, des fois": the words of four letters or more of each translation.
  BOOST_TEST(words.translations_of("Er kommt ab und zu.") == sorted({id("temps"), id("fois")}),
             boost::test_tools::per_element());
  BOOST_TEST(words.translations_of("Ab und zu!") == sorted({id("temps"), id("fois")}),
             boost::test_tools::per_element());
  BOOST_TEST(words.translations_of("sie sangen a cappella") == Ids{id("cappella")},
             boost::test_tools::per_element());
  // The words apart, or in another order, are not the phrase.
  BOOST_TEST(words.translations_of("ab und dann zu").empty());
  BOOST_TEST(words.translations_of("zu und ab").empty());
  BOOST_TEST(words.translations_of("ab und").empty());
  // A phrase and a single word in one text both count.
  BOOST_TEST(words.translations_of("ab und zu nach Haus") ==
                 sorted({id("temps"), id("fois"), id("maison"), id("demeure")}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(headwords_with_too_many_translations_are_left_out) {
  // Abend: soir, couchant, occident, ouest (4); gehen: aller, marcher, marche athlétique (3);
  // Haus: maison, demeure (2).
  const alinea::BilingualDictionary few = german_french({.most_translations = 2});
  BOOST_TEST(few.words() == 1U);
  BOOST_TEST(few.translations_of("gehen Abend").empty());
  BOOST_TEST(few.translations_of("Haus").size() == 2U);
  BOOST_TEST(german_french({.most_translations = 3}).words() == 2U);
  BOOST_TEST(german_french({.most_translations = 4}).words() == 3U);
}
