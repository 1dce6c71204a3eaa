// Bilingual dictionaries matched against the texts (bilingual_dictionary.hpp): hunalign's word
// lists, matching through hunspell stems, the word pairs Model 1 is given as a prior, and the
// scorer matching translations against the target's stems. FreeDict's reading and its phrases
// are in tests/unit/text/test_dictd.cpp.
#define BOOST_TEST_MODULE bilingual_dictionary
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/bilingual_dictionary.hpp"
#include "align/score.hpp"
#include "alinea/base.hpp"
#include "missing_tool.hpp"
#include "text/dictionary.hpp"

using alinea::BilingualDictionary;
using alinea::Dictionary;
using alinea::WordPair;
using Ids = std::vector<std::uint32_t>;

namespace {

// The id of a word as the scorer folds it ("œil", "athlétique").
std::uint32_t id(std::string_view word) {
  return alinea::exact_word_id(alinea::folded_words({std::string(word)}).front());
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::shared_ptr<const Dictionary> hunspell(std::string_view lang) {
  auto opened = Dictionary::open(alinea::default_dictionary_folder, lang);
  if (!opened) return nullptr;
  return std::make_shared<const Dictionary>(std::move(*opened));
}

// Both, or neither when one is not installed (the test is then skipped, or fails in CI).
std::pair<std::shared_ptr<const Dictionary>, std::shared_ptr<const Dictionary>>
french_and_spanish_stemmers() {
  auto french = hunspell("fr");
  auto spanish = hunspell("es");
  if (french && spanish) return {french, spanish};
  alinea::testing::missing_tool("the French and Spanish hunspell dictionaries (hunspell-fr/es)");
  return {nullptr, nullptr};
}

// maison → casa, hogar; ojo: a word list of one line each.
BilingualDictionary french_spanish() {
  return BilingualDictionary::parse_word_list("casa @ maison\nhogar @ maison\nojo @ œil\n",
                                              "fr-es.txt");
}

}  // namespace

BOOST_AUTO_TEST_CASE(word_lists_read_hunalign_format) {
  const auto list = BilingualDictionary::parse_word_list(
      "casa @ maison\nperro @ chien\nuna frase @ une phrase\nno arroba aquí\n", "dict.txt");
  BOOST_TEST(list.words() == 2U);
  BOOST_TEST(list.phrases() == 0U);  // entries of several words are left out
  BOOST_TEST(list.translations_of("Une maison, un chien.") == sorted({id("casa"), id("perro")}),
             boost::test_tools::per_element());
  BOOST_TEST(list.translations_of("une phrase").empty());
  BOOST_TEST(list.translations_of_word(id("maison")) != nullptr);
  BOOST_TEST(list.translations_of_word(id("casa")) == nullptr);
  BOOST_CHECK_THROW((void)BilingualDictionary::parse_word_list("casa @ mai\xffson\n", "dict.txt"),
                    alinea::InputError);
  BOOST_TEST(BilingualDictionary::parse_word_list("", "dict.txt").empty());
}

BOOST_AUTO_TEST_CASE(phrases_are_kept_only_when_asked_for_and_short) {
  BilingualDictionary without;
  without.add("de temps en temps", {"a veces"});
  BOOST_TEST(without.empty());
  BilingualDictionary with(alinea::BilingualDictionaryOptions{.phrases = true});
  with.add("de temps en temps", {"a veces"});
  with.add("un deux trois quatre cinq six sept huit neuf", {"nueve palabras"});
  BOOST_TEST(with.phrases() == 1U);  // nine words: a saying, not a phrase
  BOOST_TEST(with.translations_of("Il vient de temps en temps.") == Ids{id("veces")},
             boost::test_tools::per_element());
  BOOST_TEST(with.translations_of("un deux trois quatre cinq six sept huit neuf").empty());
}

BOOST_AUTO_TEST_CASE(inflected_words_match_through_their_stems) {
  const auto [french, spanish] = french_and_spanish_stemmers();
  if (!french) return;
  BilingualDictionary dictionary = french_spanish();
  // Without stems a plural is not a headword.
  BOOST_TEST(dictionary.translations_of("Les maisons").empty());
  dictionary.stem_with(french, spanish);
  BOOST_TEST(dictionary.translations_of("Les maisons") == sorted({id("casa"), id("hogar")}),
             boost::test_tools::per_element());
  // The target's forms: its words and their stems ("casas" → casa), so that casa matches.
  const Ids forms = dictionary.forms_of("Las casas");
  BOOST_TEST(std::binary_search(forms.begin(), forms.end(), id("casas")));
  BOOST_TEST(std::binary_search(forms.begin(), forms.end(), id("casa")));
  BOOST_TEST(std::binary_search(forms.begin(), forms.end(), id("las")));
  // Asked twice (the second time from the cache), the same answer.
  BOOST_TEST(dictionary.forms_of("Las casas") == forms, boost::test_tools::per_element());
  // Stems on one side only: the other side is matched as written.
  dictionary.stem_with(nullptr, spanish);
  BOOST_TEST(dictionary.translations_of("Les maisons").empty());
  BOOST_TEST(!dictionary.forms_of("Las casas").empty());
  dictionary.stem_with(french, nullptr);
  BOOST_TEST(dictionary.forms_of("Las casas").empty());
}

BOOST_AUTO_TEST_CASE(the_pairs_for_model1_are_those_whose_words_both_texts_hold) {
  const BilingualDictionary dictionary = french_spanish();
  const std::vector<std::string_view> source = {"La maison brûle.", "Un œil."};
  const auto expected = [](std::vector<WordPair> pairs) {
    std::sort(pairs.begin(), pairs.end());
    return pairs;
  };
  BOOST_TEST((dictionary.pairs_in(source, {"La casa arde.", "Un ojo."}) ==
              expected({{id("maison"), id("casa")}, {id("œil"), id("ojo")}})));
  // hogar is in no target text, and a word of the target that no headword gives is in no pair.
  BOOST_TEST((dictionary.pairs_in(source, {"El hogar."}) ==
              std::vector<WordPair>{{id("maison"), id("hogar")}}));
  BOOST_TEST(dictionary.pairs_in(source, {"Nada."}).empty());
  BOOST_TEST(dictionary.pairs_in({}, {"La casa."}).empty());
}

BOOST_AUTO_TEST_CASE(the_pairs_for_model1_go_through_stems) {
  const auto [french, spanish] = french_and_spanish_stemmers();
  if (!french) return;
  BilingualDictionary dictionary = french_spanish();
  BOOST_TEST(dictionary.pairs_in({"Les maisons"}, {"Las casas"}).empty());
  dictionary.stem_with(french, spanish);
  // Each side's word as written: Model 1 learns the words of the texts.
  BOOST_TEST((dictionary.pairs_in({"Les maisons"}, {"Las casas"}) ==
              std::vector<WordPair>{{id("maisons"), id("casas")}}));
}

BOOST_AUTO_TEST_CASE(the_scorer_matches_translations_against_the_targets_forms) {
  const auto [french, spanish] = french_and_spanish_stemmers();
  if (!french) return;
  BilingualDictionary dictionary = french_spanish();
  dictionary.stem_with(french, spanish);
  const std::string source_text = "Nous voyons les maisons";
  const std::string target_text = "Vemos las casas";
  alinea::UnitFeatures source = alinea::unit_features(source_text);
  source.translated = dictionary.translations_of(source_text);
  alinea::UnitFeatures target = alinea::unit_features(target_text);
  const alinea::BeadScorer exact_only({source}, {target});
  target.forms = dictionary.forms_of(target_text);
  const alinea::BeadScorer with_stems({source}, {target});
  // casa (a translation of maison) is a stem of "casas": one match more, 2 nats less.
  BOOST_TEST(with_stems.cost(0, 0, 1, 1) == exact_only.cost(0, 0, 1, 1) - 2.0,
             boost::test_tools::tolerance(1e-9));
}
