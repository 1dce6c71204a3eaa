// A link's confidence: the calibration map and the features it reads.
#define BOOST_TEST_MODULE confidence
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "align/confidence.hpp"
#include "align/score.hpp"
#include "features_of.hpp"

using alinea::Bead;
using alinea::BeadScorer;
using alinea::calibrated_confidence;
using alinea::confidence_features;
using alinea::ConfidenceFeatures;
using alinea::fitted_confidence_model;
using alinea::posterior_only;
using alinea::test::features_of;

BOOST_AUTO_TEST_CASE(the_identity_map_gives_the_posterior_back) {
  for (const double posterior : {0.01, 0.25, 0.5, 0.9, 0.999}) {
    BOOST_TEST(calibrated_confidence({posterior, 2.0, 3.0}, posterior_only) == posterior,
               boost::test_tools::tolerance(1e-9));
  }
  // Posteriors of exactly 0 and 1 stay finite and keep their side.
  BOOST_TEST(calibrated_confidence({1.0, 0.0, 0.0}, posterior_only) > 0.999);
  BOOST_TEST(calibrated_confidence({0.0, 0.0, 0.0}, posterior_only) < 0.001);
}

BOOST_AUTO_TEST_CASE(the_fitted_map_orders_as_its_signs_say) {
  const ConfidenceFeatures usual{0.9, 0.0, std::log1p(60.0)};
  const double base = calibrated_confidence(usual);
  BOOST_TEST(base > 0.0);
  BOOST_TEST(base < 1.0);
  // A likelier bead is more likely right; content found in the neighbours and a fragment for a
  // unit make it less so.
  BOOST_TEST(calibrated_confidence({0.99, 0.0, usual.shortest_unit}) > base);
  BOOST_TEST(calibrated_confidence({0.9, std::log1p(2.0), usual.shortest_unit}) < base);
  BOOST_TEST(calibrated_confidence({0.9, 0.0, std::log1p(6.0)}) < base);
  // A bead less supported in itself, or an omission, is less likely right.
  ConfidenceFeatures costly = usual;
  costly.cost_per_unit = usual.cost_per_unit + 10.0;
  BOOST_TEST(calibrated_confidence(costly) < base);
  ConfidenceFeatures omission = usual;
  omission.one_sided = 1.0;
  BOOST_TEST(calibrated_confidence(omission) < base);
  static_assert(fitted_confidence_model.weights[0] > 0.0);
}

BOOST_AUTO_TEST_CASE(the_same_features_give_the_same_confidence) {
  // A uniform case: identical beads cannot be told apart.
  const ConfidenceFeatures features{0.7, 0.5, 3.0};
  BOOST_TEST(calibrated_confidence(features) == calibrated_confidence(features));
}

BOOST_AUTO_TEST_CASE(tokens_that_belong_to_the_neighbour_leak) {
  // Source 1 names "Baltoro 1939", which the target puts in its unit 0: the 1-1 pairing of the
  // two units splits what is one reference on each side.
  const BeadScorer scorer(features_of({"Dyhrenfurth: Baltoro.", "Basel 1939, Schwabe."}),
                          features_of({"Dyhrenfurth, Baltoro, 1939.", "Benno Schwabe, Basel."}));
  const std::vector<Bead> split{{0, 1, 0, 1, 0.9}, {1, 1, 1, 1, 0.9}};
  const auto features = confidence_features(scorer, split);
  BOOST_REQUIRE(features.size() == 2U);
  BOOST_TEST(features[0].leaked_tokens > 0.0);
  BOOST_TEST(features[1].leaked_tokens > 0.0);
  BOOST_TEST(features[0].posterior == 0.9);
  // The merged link holds everything: nothing leaks.
  const std::vector<Bead> merged{{0, 2, 0, 2, 0.9}};
  BOOST_TEST(confidence_features(scorer, merged)[0].leaked_tokens == 0.0);
}

BOOST_AUTO_TEST_CASE(the_shortest_unit_is_measured_on_both_sides) {
  const BeadScorer scorer(features_of({"Literatur:", "Ein langer Satz über den Berg."}),
                          features_of({"Bibliographie et un long passage sur la montagne."}));
  const std::vector<Bead> beads{{0, 2, 0, 1, 1.0}};
  const auto features = confidence_features(scorer, beads);
  BOOST_TEST(features[0].shortest_unit == std::log1p(scorer.lengths(0, 0, 1, 0).first));
  // An omitted unit: its own length.
  const std::vector<Bead> omitted{{0, 1, 0, 0, 0.8}, {1, 1, 0, 1, 0.8}};
  BOOST_TEST(confidence_features(scorer, omitted)[0].shortest_unit ==
             std::log1p(scorer.lengths(0, 0, 1, 0).first));
}

BOOST_AUTO_TEST_CASE(sentence_links_inside_a_link_are_mapped_in_order) {
  using alinea::linked_sentence_confidence;
  // The identity map changes nothing.
  for (const double confidence : {0.05, 0.5, 0.95}) {
    BOOST_TEST(linked_sentence_confidence(confidence, {0.0, 1.0}) == confidence,
               boost::test_tools::tolerance(1e-9));
  }
  // The fitted map keeps the order and raises the middle (inside a link the same confidence is
  // right more often), and never reaches 0 or 1.
  double previous = 0.0;
  for (const double confidence : {0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0}) {
    const double mapped = linked_sentence_confidence(confidence);
    BOOST_TEST(mapped > previous);
    BOOST_TEST(mapped < 1.0);
    previous = mapped;
  }
  BOOST_TEST(linked_sentence_confidence(0.5) > 0.6);
}
