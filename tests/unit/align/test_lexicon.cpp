// IBM Model 1 learned from the pair (lexicon.hpp): EM on toy corpora whose translation
// probabilities are known, pruning, and the bead-cost term it gives.
#define BOOST_TEST_MODULE lexicon
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "align/lexicon.hpp"
#include "align/score.hpp"

using alinea::BeadSpan;
using alinea::Model1Options;
using alinea::TranslationEvidence;
using alinea::TranslationTable;
using alinea::unit_features;
using alinea::UnitFeatures;

namespace {

using Sentences = std::vector<std::vector<std::uint32_t>>;

// German 1–4, English 11–14: das Haus, das Buch, ein Buch → the house, the book, a book.
enum : std::uint32_t {
  das = 1,
  haus = 2,
  buch = 3,
  ein = 4,
  the = 11,
  house = 12,
  book = 13,
  a = 14
};

const Sentences german = {{das, haus}, {das, buch}, {ein, buch}};
const Sentences english = {{the, house}, {the, book}, {a, book}};

Model1Options keep_every_word(std::size_t iterations) {
  Model1Options options;
  options.min_count = 1;
  options.max_share = 1.0;
  options.iterations = iterations;
  options.min_probability = 0.0;
  return options;
}

}  // namespace

// One iteration from the uniform start: each target word's count is shared among the source words
// of its sentence and the empty word, all equally likely (1/4 each of 4 target words):
// t(the | das) = (1/3 + 1/3) / (count of das's pairs: 4 × 1/3) = 1/2.
BOOST_AUTO_TEST_CASE(first_iteration_counts_co_occurrences) {
  const TranslationTable table = TranslationTable::train(german, english, keep_every_word(1));
  BOOST_TEST(table.probability(das, the) == 0.5, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(table.probability(das, house) == 0.25, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(table.probability(das, book) == 0.25, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(table.probability(das, a) == 0.0);  // never in the same sentence pair
}

// EM resolves what co-occurrence cannot: "Haus" only meets "the" and "house", and "the" is
// explained by "das" elsewhere, so t(house | Haus) grows towards 1.
BOOST_AUTO_TEST_CASE(em_converges_to_the_right_translations) {
  const TranslationTable table = TranslationTable::train(german, english, keep_every_word(30));
  BOOST_TEST(table.probability(haus, house) > 0.9);
  BOOST_TEST(table.probability(das, the) > 0.9);
  BOOST_TEST(table.probability(buch, book) > 0.9);
  BOOST_TEST(table.probability(ein, a) > 0.9);
  BOOST_TEST(table.probability(haus, the) < 0.1);
  for (const std::uint32_t source : {das, haus, buch, ein}) {
    double total = 0.0;
    for (const std::uint32_t target : {the, house, book, a}) {
      total += table.probability(source, target);
    }
    BOOST_TEST(total == 1.0, boost::test_tools::tolerance(1e-5));
  }
}

BOOST_AUTO_TEST_CASE(rare_words_and_small_probabilities_are_pruned) {
  Model1Options options = keep_every_word(30);
  options.min_count = 2;  // Haus, ein, house and a occur once
  options.min_probability = 0.05;
  const TranslationTable table = TranslationTable::train(german, english, options);
  BOOST_REQUIRE(!table.empty());
  BOOST_TEST(table.source_index(haus) == TranslationTable::none);
  BOOST_TEST(table.target_index(house) == TranslationTable::none);
  BOOST_TEST(table.probability(buch, book) > 0.5);
  BOOST_TEST(table.probability(haus, house) == 0.0);
  for (std::uint32_t source = 0; source < 2; ++source) {
    for (const auto& entry : table.row(source)) BOOST_TEST(entry.probability >= 0.05F);
  }
}

// A bilingual dictionary's pairs join training as sentence pairs of their two words: a word seen
// once is learned when the dictionary pairs it, and a source word's pairs share the weight.
BOOST_AUTO_TEST_CASE(a_dictionary_prior_teaches_what_the_sentences_cannot) {
  Model1Options options = keep_every_word(30);
  options.min_count = 2;  // Haus, ein, house and a occur once
  const TranslationTable without = TranslationTable::train(german, english, options);
  BOOST_TEST(without.source_index(haus) == TranslationTable::none);
  const TranslationTable with = TranslationTable::train(german, english, options, {{haus, house}});
  BOOST_REQUIRE(with.source_index(haus) != TranslationTable::none);
  BOOST_TEST(with.probability(haus, house) > 0.9);
  BOOST_TEST(with.target_index(a) == TranslationTable::none);  // no pair: still seen once only
  // A pair whose words the sentences never hold is learned from the dictionary alone (a short
  // text's first pass finds few confident sentence pairs), and so is a dictionary without any.
  const TranslationTable unseen = TranslationTable::train(german, english, options, {{99, 98}});
  BOOST_TEST(unseen.probability(99, 98) > 0.9);
  BOOST_TEST(unseen.probability(buch, book) > 0.5);
  BOOST_TEST(TranslationTable::train({}, {}, options, {{99, 98}}).probability(99, 98) > 0.9);
  // One EM step from the uniform start, every word kept: a pair alone counts prior_weight for its
  // source word; two pairs of one source word share it, so each moves t less than one alone.
  Model1Options one_step = keep_every_word(1);
  one_step.prior_weight = 2.0;
  const double alone =
      TranslationTable::train(german, english, one_step, {{haus, house}}).probability(haus, house);
  const TranslationTable shared =
      TranslationTable::train(german, english, one_step, {{haus, house}, {haus, the}});
  const double none = TranslationTable::train(german, english, one_step).probability(haus, house);
  BOOST_TEST(alone > none);
  BOOST_TEST(alone > shared.probability(haus, house));
  BOOST_TEST(shared.probability(haus, house) == shared.probability(haus, the),
             boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(nothing_to_learn_gives_an_empty_table) {
  BOOST_TEST(TranslationTable::train({}, {}).empty());
  BOOST_TEST(TranslationTable::train({{1}}, {{2}}).empty());  // every word seen once
}

namespace {

// A small parallel text where each French word has one Spanish translation that is no cognate,
// in sentences that mix the words differently: 40 pairs, each word in about 15% of them.
const std::vector<std::string> words_fr = {
    "maison", "chien",  "porte", "jardin", "livre",  "rouge", "grand", "petit", "vieux", "beau",
    "fleuve", "oiseau", "pomme", "lundi",  "soleil", "nuage", "forêt", "route", "champ", "verre"};
const std::vector<std::string> words_es = {
    "casa", "perro", "puerta",  "huerto", "tomo",  "rojo", "enorme", "chico",  "viejo", "lindo",
    "río",  "ave",   "manzana", "martes", "astro", "nube", "bosque", "camino", "prado", "vaso"};

std::string sentence_of(const std::vector<std::string>& words, std::size_t k) {
  return words[k % 20] + " " + words[(k * 3 + 1) % 20] + " " + words[(k * 7 + 2) % 20];
}

}  // namespace

BOOST_AUTO_TEST_CASE(evidence_favours_the_translation_and_is_zero_for_one_sided_beads) {
  std::vector<UnitFeatures> source;
  std::vector<UnitFeatures> target;
  std::vector<BeadSpan> beads;
  for (std::size_t k = 0; k < 40; ++k) {
    source.push_back(unit_features(sentence_of(words_fr, k)));
    target.push_back(unit_features(sentence_of(words_es, k)));
    beads.push_back({k, 1, k, 1});
  }
  const auto evidence = alinea::learn_translation_evidence(source, target, beads);
  BOOST_REQUIRE(evidence != nullptr);
  // Sentence 5 ("rouge fleuve forêt") shares no word with sentence 0 ("maison chien porte").
  BOOST_TEST(evidence->log_likelihood_ratio(0, 0, 1, 1) > 0.0);
  BOOST_TEST(evidence->log_likelihood_ratio(0, 0, 1, 1) >
             evidence->log_likelihood_ratio(0, 5, 1, 1));
  BOOST_TEST(evidence->log_likelihood_ratio(3, 3, 1, 1) >
             evidence->log_likelihood_ratio(3, 4, 1, 1));
  BOOST_TEST(evidence->cost(0, 0, 1, 1) < evidence->cost(0, 5, 1, 1));
  BOOST_TEST(evidence->log_likelihood_ratio(0, 0, 1, 0) == 0.0);
  BOOST_TEST(evidence->log_likelihood_ratio(0, 0, 0, 1) == 0.0);
  // Two source sentences against their two translations explain more than against one.
  BOOST_TEST(evidence->log_likelihood_ratio(6, 6, 2, 2) >
             evidence->log_likelihood_ratio(6, 6, 2, 1));
}

BOOST_AUTO_TEST_CASE(too_few_confident_beads_teach_nothing) {
  std::vector<UnitFeatures> source;
  std::vector<UnitFeatures> target;
  std::vector<BeadSpan> beads;
  for (std::size_t k = 0; k < 10; ++k) {
    source.push_back(unit_features(sentence_of(words_fr, k)));
    target.push_back(unit_features(sentence_of(words_es, k)));
    beads.push_back({k, 1, k, 1});
  }
  BOOST_TEST(alinea::learn_translation_evidence(source, target, beads) == nullptr);
  // Only 1-1 beads are learned from.
  std::vector<BeadSpan> merged;
  for (std::size_t k = 0; k + 1 < 10; k += 2) merged.push_back({k, 2, k, 2});
  BOOST_TEST(alinea::learn_translation_evidence(source, target, merged) == nullptr);
  // A dictionary's pairs are enough: its words are known wherever the texts hold them.
  const alinea::WordPair pair{source[0].exact.front(), target[0].exact.front()};
  BOOST_TEST(alinea::learn_translation_evidence(source, target, beads, {}, {}, {pair}) != nullptr);
}

// The cached path (pair sums and span explanations kept per to-unit in windows that grow both
// ways) gives exactly what the tables give with no cache, whatever order beads are asked in.
BOOST_AUTO_TEST_CASE(cached_evidence_equals_the_uncached_computation_in_any_order) {
  for (const unsigned seed : {1U, 2U, 3U}) {
    std::mt19937 generator(seed);
    std::vector<UnitFeatures> source;
    std::vector<UnitFeatures> target;
    std::vector<BeadSpan> beads;
    for (std::size_t k = 0; k < 60; ++k) {
      // Sentences of 1 to 4 words of the toy vocabulary; every third one empty of known words.
      std::string french = "x";
      std::string spanish = "y";
      const std::size_t words = k % 3 == 0 ? 0 : 1 + generator() % 4;
      for (std::size_t w = 0; w < words; ++w) {
        const std::size_t pick = generator() % 20;
        french += " " + words_fr[pick];
        spanish += " " + words_es[(pick + (generator() % 5 == 0 ? 1 : 0)) % 20];
      }
      source.push_back(unit_features(french));
      target.push_back(unit_features(spanish));
      beads.push_back({k, 1, k, 1});
    }
    const auto evidence = alinea::learn_translation_evidence(source, target, beads);
    BOOST_REQUIRE(evidence != nullptr);
    for (std::size_t query = 0; query < 3000; ++query) {
      const std::size_t di = generator() % 7;
      const std::size_t dj = generator() % 7;
      const std::size_t i = generator() % (60 - di + 1);
      const std::size_t j = generator() % (60 - dj + 1);
      BOOST_TEST(evidence->log_likelihood_ratio(i, j, di, dj) ==
                 evidence->uncached_log_likelihood_ratio(i, j, di, dj));
    }
  }
}
