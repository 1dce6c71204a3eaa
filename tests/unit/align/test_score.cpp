// Bead scoring: features, the length model, token evidence and the learned lexicon.
#define BOOST_TEST_MODULE score
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "align/lexicon.hpp"
#include "align/score.hpp"
#include "alinea/base.hpp"
#include "features_of.hpp"

using alinea::BeadScorer;
using alinea::unit_features;
using alinea::UnitFeatures;
using alinea::test::features_of;

namespace {

std::size_t shared(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::size_t count = 0;
  for (const std::uint32_t id : a) {
    for (const std::uint32_t other : b) count += id == other ? 1U : 0U;
  }
  return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(cognates_match_after_folding_case_and_accents) {
  const UnitFeatures french = unit_features("Le Président parle de la révolution.");
  const UnitFeatures spanish = unit_features("El presidente habla de la revolución.");
  BOOST_TEST(shared(french.words, spanish.words) == 2U);  // "pres…", "revo…"
  BOOST_TEST(french.length == 31.0);                      // characters without white space
}

BOOST_AUTO_TEST_CASE(numbers_and_note_references_are_strong_tokens) {
  const UnitFeatures french = unit_features("En 1936, à Paris.", {"3"});
  const UnitFeatures spanish = unit_features("En 1936, en París.", {"3"});
  BOOST_TEST(shared(french.strong, spanish.strong) == 2U);
  const UnitFeatures other_note = unit_features("En 1936, en París.", {"4"});
  BOOST_TEST(shared(french.strong, other_note.strong) == 1U);
}

BOOST_AUTO_TEST_CASE(punctuation_is_counted_by_class) {
  const UnitFeatures features = unit_features("¿Qui ? « Lui » ; (oui) : non !");
  BOOST_TEST(features.punctuation[0] == 1);  // ?
  BOOST_TEST(features.punctuation[1] == 1);  // !
  BOOST_TEST(features.punctuation[2] == 1);  // :
  BOOST_TEST(features.punctuation[3] == 1);  // ;
  BOOST_TEST(features.punctuation[4] == 2);  // « »
  BOOST_TEST(features.punctuation[5] == 2);  // ( )
}

BOOST_AUTO_TEST_CASE(length_cost_is_lowest_at_the_expected_length_and_never_infinite) {
  const BeadScorer scorer(features_of({"aaaa aaaa"}), features_of({"bbbb bbbb"}));
  BOOST_TEST(scorer.length_cost(100, 100) < scorer.length_cost(100, 130));
  BOOST_TEST(scorer.length_cost(100, 130) < scorer.length_cost(100, 300));
  const double extreme = scorer.length_cost(1, 1e6);
  BOOST_TEST(std::isfinite(extreme));
  BOOST_TEST(extreme > 1000.0);
}

BOOST_AUTO_TEST_CASE(a_one_to_one_pair_may_be_a_length_outlier_a_merge_may_not) {
  const BeadScorer scorer(features_of({"aaaa aaaa"}), features_of({"bbbb bbbb"}));
  // Near the expected length the outliers change next to nothing.
  BOOST_TEST(std::abs(scorer.pair_length_cost(100, 110) - scorer.length_cost(100, 110)) < 0.05);
  // Far from it (a caption woven into the sentence), a 1-1 pair stays cheaper than two
  // omissions (2 × −log 0.01 ≈ 9.2 nats); Gale & Church alone prices it above.
  BOOST_TEST(scorer.length_cost(220, 103) > 8.0);
  BOOST_TEST(scorer.pair_length_cost(220, 103) < 6.0);
  BOOST_TEST(scorer.pair_length_cost(220, 103) < scorer.length_cost(220, 103));
  BOOST_TEST(std::isfinite(scorer.pair_length_cost(1, 1e6)));
  // A bead's cost uses the outliers for 1-1 only: joining an untranslated sentence to its
  // neighbour is judged on the plain lengths.
  const BeadScorer bead_scorer(
      features_of({"aaaa aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk",
                   "llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv"}),
      features_of({"wwww xxxx yyyy zzzz"}));
  alinea::ScoreWeights plain;
  plain.length_outlier_share = 0.0;
  const BeadScorer plain_scorer(
      features_of({"aaaa aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk",
                   "llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv"}),
      features_of({"wwww xxxx yyyy zzzz"}), plain);
  BOOST_TEST(bead_scorer.cost(0, 0, 2, 1) == plain_scorer.cost(0, 0, 2, 1));
  BOOST_TEST(bead_scorer.cost(0, 0, 1, 1) < plain_scorer.cost(0, 0, 1, 1));
}

BOOST_AUTO_TEST_CASE(a_translation_costs_less_than_an_unrelated_sentence) {
  const BeadScorer scorer(features_of({"Le gouvernement français a publié le rapport en 1936."}),
                          features_of({"El gobierno francés publicó el informe en 1936.",
                                       "Los pescadores volvieron tarde con las redes vacías."}));
  BOOST_TEST(scorer.cost(0, 0, 1, 1) < scorer.cost(0, 1, 1, 1));
  BOOST_TEST(scorer.similarity(0, 0, 1, 1) > scorer.similarity(0, 1, 1, 1));
  BOOST_TEST(scorer.evidence(0, 0, 1, 1) > scorer.evidence(0, 1, 1, 1));
  BOOST_TEST(scorer.cost(0, 0, 1, 0) > 0.0);
}

BOOST_AUTO_TEST_CASE(the_learned_lexicon_pairs_words_that_travel_together) {
  const auto source =
      features_of({"Haus eins", "Haus zwei", "Baum drei", "Baum vier", "Hund",  "Katze", "Vogel",
                   "Fisch",     "Pferd",     "Maus",      "Kuh",       "Ziege", "Schaf", "Esel",
                   "Hahn",      "Ente",      "Gans",      "Biene",     "Wolf",  "Fuchs"});
  const auto target = features_of(
      {"maison un", "maison deux", "arbre trois", "arbre quatre", "chien",  "chat",   "oiseau",
       "poisson",   "cheval",      "souris",      "vache",        "chèvre", "mouton", "âne",
       "coq",       "canard",      "oie",         "abeille",      "loup",   "renard"});
  std::vector<alinea::BeadSpan> beads;
  for (std::size_t k = 0; k < source.size(); ++k) beads.push_back({k, 1, k, 1});
  const alinea::LearnedLexicon lexicon = alinea::learn_lexicon(source, target, beads);
  auto translated = source;
  alinea::add_translations(translated, lexicon);
  BOOST_TEST(shared(translated[0].translated, target[0].exact) >= 1U);  // Haus → maison
  BOOST_TEST(shared(translated[2].translated, target[2].exact) >= 1U);  // Baum → arbre
  BOOST_TEST(shared(translated[2].translated, target[0].exact) == 0U);
}

BOOST_AUTO_TEST_CASE(wide_beads_count_the_tokens_of_every_unit) {
  // One French sentence cut into five Spanish ones (spans longer than the cached ones merge too).
  const BeadScorer scorer(
      features_of({"En 1905, 1917, 1923, 1927 et 1936 : cinq dates, cinq défaites, cinq leçons."}),
      features_of({"En 1905.", "En 1917.", "En 1923.", "En 1927.", "Y en 1936: cinco lecciones."}));
  const auto [shared_five, either_five] = scorer.token_agreement(0, 0, 1, 5);
  const auto [shared_four, either_four] = scorer.token_agreement(0, 0, 1, 4);
  BOOST_TEST(shared_five == 5 * 3.0);  // five numbers, each weighing three words
  BOOST_TEST(shared_four == 4 * 3.0);
  BOOST_TEST(either_five > either_four);
  BOOST_TEST(scorer.cost(0, 0, 1, 5) < scorer.cost(0, 0, 1, 4));
  BOOST_TEST(std::isfinite(scorer.cost(0, 0, 1, 5)));
}

BOOST_AUTO_TEST_CASE(wide_beads_cost_more_the_more_units_they_hold_and_misfits_are_not_tried) {
  alinea::ScoreWeights length_only;
  length_only.use_tokens = false;
  length_only.use_punctuation = false;
  // Units of 10 characters: a 2-3 bead of 20 against 30 characters, a 3-3 of 30 against 30.
  const std::vector<std::string> tens(6, "aaaaaaaaaa");
  const BeadScorer scorer(features_of(tens), features_of(tens), length_only);
  const double five_units = scorer.cost(0, 0, 2, 3) - scorer.length_cost(20, 30);
  const double six_units = scorer.cost(0, 0, 3, 3) - scorer.length_cost(30, 30);
  BOOST_TEST(std::abs(five_units + std::log(length_only.wide_bead)) < 1e-9);
  BOOST_TEST(std::abs(six_units - five_units + std::log(length_only.wide_bead_decay)) < 1e-9);
  // 10 characters against 50: the lengths rule the bead out before its tokens are priced.
  BOOST_TEST(scorer.length_cost(10, 50) > length_only.wide_bead_length_limit);
  BOOST_TEST(std::isinf(scorer.cost(0, 0, 1, 5)));
  BOOST_TEST(std::isfinite(scorer.cost(0, 0, 1, 1)));
}

BOOST_AUTO_TEST_CASE(a_run_of_omissions_costs_less_than_as_many_lone_ones) {
  alinea::ScoreWeights length_only;
  length_only.use_tokens = false;
  length_only.use_punctuation = false;
  const std::vector<std::string> units(4, "Une phrase sans traduction.");
  const BeadScorer scorer(features_of(units), features_of(units), length_only);
  const double one = scorer.cost(0, 0, 1, 0);
  BOOST_TEST(std::abs(one + std::log(length_only.one_to_zero)) < 1e-9);
  BOOST_TEST(std::abs(scorer.cost(0, 0, 0, 3) - scorer.cost(0, 0, 3, 0)) < 1e-9);
  const double three = scorer.cost(0, 0, 3, 0);
  BOOST_TEST(std::abs(three - one + 2.0 * std::log(length_only.omission_continues)) < 1e-9);
  BOOST_TEST(three < 3.0 * one);
}

// A heading prefers a heading: with texts alike, a bead whose sides differ in block kind costs
// block_mismatch_penalty more, and a bead of two blocks of one kind each costs nothing extra.
BOOST_AUTO_TEST_CASE(a_block_kind_on_one_side_only_costs_more) {
  std::vector<UnitFeatures> source = features_of({"Los medios", "Los medios"});
  std::vector<UnitFeatures> target = features_of({"Los medios", "Los medios"});
  source[0].block = 1;  // a heading
  target[0].block = 1;
  const alinea::ScoreWeights weights;
  const BeadScorer scorer(source, target, weights);
  BOOST_TEST(scorer.cost(0, 0, 1, 1) < scorer.cost(0, 1, 1, 1));
  BOOST_TEST(scorer.cost(0, 1, 1, 1) - scorer.cost(1, 1, 1, 1) == weights.block_mismatch_penalty,
             boost::test_tools::tolerance(1e-9));
  BOOST_TEST(scorer.cost(1, 0, 1, 1) == scorer.cost(0, 1, 1, 1),
             boost::test_tools::tolerance(1e-9));
  BOOST_TEST(scorer.cost(0, 0, 2, 2) == BeadScorer(features_of({"Los medios", "Los medios"}),
                                                   features_of({"Los medios", "Los medios"}))
                                            .cost(0, 0, 2, 2),
             boost::test_tools::tolerance(1e-9));
}

namespace {

// Sentences of random length drawn from a small vocabulary, so that beads share some tokens.
std::vector<UnitFeatures> random_units(std::mt19937& generator, std::size_t count) {
  const std::vector<std::string> vocabulary = {"gobierno", "révolution", "1936", "ouvriers",
                                               "partido",  "congrès",    "(a)",  "¿quién?",
                                               "Trotsky",  "armée",      "12",   "prensa"};
  std::vector<UnitFeatures> units;
  for (std::size_t k = 0; k < count; ++k) {
    std::string text;
    for (std::size_t w = generator() % 9; w > 0; --w) {
      text += vocabulary[generator() % vocabulary.size()] + " ";
    }
    units.push_back(unit_features(text));
  }
  return units;
}

}  // namespace

// Kept costs (per row a window of columns, a slot per shape, rows that would grow too wide left
// uncached) equal those worked out each time, in any order of asking, and stay right when a
// translation term joins them.
BOOST_AUTO_TEST_CASE(kept_costs_equal_costs_worked_out_each_time) {
  for (const unsigned seed : {1U, 2U}) {
    std::mt19937 generator(seed);
    const std::vector<UnitFeatures> source = random_units(generator, 300);
    const std::vector<UnitFeatures> target = random_units(generator, 280);
    const BeadScorer plain(source, target);
    BeadScorer kept(source, target);
    kept.keep_costs();
    std::vector<alinea::BeadSpan> diagonal;
    for (std::size_t k = 0; k < 280; ++k) diagonal.push_back({k, 1, k, 1});
    const auto translation = alinea::learn_translation_evidence(source, target, diagonal);
    BOOST_REQUIRE(translation != nullptr);
    const BeadScorer plain_translated(source, target, {}, translation);
    const auto ask = [&generator](const BeadScorer& a, const BeadScorer& b) {
      for (std::size_t query = 0; query < 20000; ++query) {
        const std::size_t di = generator() % 9;  // beyond the longest kept side (7) too
        const std::size_t dj = generator() % 9;
        // Near the diagonal mostly, anywhere sometimes (rows wider than the widest kept).
        const std::size_t i = generator() % (300 - di + 1);
        const std::size_t near = std::min<std::size_t>(280 - dj, i > 5 ? i - 5 : 0);
        const std::size_t j = query % 10 == 0 ? generator() % (280 - dj + 1)
                                              : std::min(280 - dj, near + generator() % 11);
        const double expected = b.cost(i, j, di, dj);
        const double got = a.cost(i, j, di, dj);
        BOOST_TEST((got == expected || (std::isnan(got) && std::isnan(expected))));
      }
    };
    ask(kept, plain);
    BeadScorer translated = std::move(kept).with_translation(translation);
    ask(translated, plain_translated);
  }
}
