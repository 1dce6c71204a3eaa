// Guide points from rare tokens: pairs of units sharing a token rare on both sides, kept when they
// line up; in repeated text, tokens rare within a window still give points.
#define BOOST_TEST_MODULE guide
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "align/guide.hpp"
#include "align/score.hpp"
#include "features_of.hpp"

using alinea::Anchor;
using alinea::guide_from_rare_tokens;
using alinea::UnitFeatures;
using alinea::test::features_of;

namespace {

// A line carrying the number `k`: a token of its own, and words found on every line.
std::string numbered(std::size_t k) {
  return "ligne numero " + std::to_string(1000 + k) + " .";
}

bool increasing(const std::vector<Anchor>& points) {
  for (std::size_t k = 1; k < points.size(); ++k) {
    if (points[k].source <= points[k - 1].source || points[k].target <= points[k - 1].target) {
      return false;
    }
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_CASE(tokens_found_once_on_each_side_pair_their_units) {
  // The target drops the second line: each number pairs the lines that carry it.
  const auto source = features_of({numbered(0), numbered(1), numbered(2), numbered(3)});
  const auto target = features_of({numbered(0), numbered(2), numbered(3)});
  const std::vector<Anchor> expected = {{1, 1}, {3, 2}, {4, 3}};
  BOOST_TEST(guide_from_rare_tokens(source, target) == expected);
}

BOOST_AUTO_TEST_CASE(pairs_out_of_order_are_left_out) {
  // "1009" sits at the end of the source and the start of the target: a chance pair that the
  // chain through the others cannot hold.
  std::vector<std::string> source_texts;
  std::vector<std::string> target_texts;
  for (std::size_t k = 0; k < 8; ++k) {
    source_texts.push_back(numbered(k));
    target_texts.push_back(numbered(k));
  }
  source_texts.push_back(numbered(9));
  target_texts.insert(target_texts.begin(), numbered(9));
  const auto guide = guide_from_rare_tokens(features_of(source_texts), features_of(target_texts));
  BOOST_TEST(guide.size() == 8U);
  BOOST_TEST(increasing(guide));
  for (const Anchor& point : guide) BOOST_TEST(point.target == point.source + 1);
}

BOOST_AUTO_TEST_CASE(repeated_text_still_gives_points_in_every_repetition) {
  // The same 100 lines five times over: no token occurs once in the whole text, but each number
  // occurs once within any window of fewer than 100 lines.
  std::vector<std::string> texts;
  for (std::size_t repetition = 0; repetition < 5; ++repetition) {
    for (std::size_t k = 0; k < 100; ++k) texts.push_back(numbered(k));
  }
  const auto units = features_of(texts);
  const auto guide = guide_from_rare_tokens(units, units, 40);
  BOOST_TEST(increasing(guide));
  BOOST_TEST(guide.size() > 450U);
  for (const Anchor& point : guide) BOOST_TEST(point.source == point.target);
  // With a window as long as the repetition, every token recurs inside it: no points at all.
  BOOST_TEST(guide_from_rare_tokens(units, units, 100).empty());
}

BOOST_AUTO_TEST_CASE(window_pairs_follow_the_global_chain_not_the_diagonal) {
  // The target starts with 60 added lines, then the source's 150 lines twice. A few lines of the
  // first repetition carry a number found nowhere else; the repeated numbers pair through the
  // position those points predict, far from the diagonal of the grid.
  std::vector<std::string> source_texts;
  std::vector<std::string> target_texts;
  for (std::size_t k = 0; k < 60; ++k) target_texts.push_back("ajout sans rapport .");
  for (std::size_t repetition = 0; repetition < 2; ++repetition) {
    for (std::size_t k = 0; k < 150; ++k) {
      std::string text = numbered(k);
      if (repetition == 0 && k % 10 == 0) text += " " + std::to_string(5000 + k);
      source_texts.push_back(text);
      target_texts.push_back(text);
    }
  }
  const auto guide =
      guide_from_rare_tokens(features_of(source_texts), features_of(target_texts), 20);
  BOOST_TEST(increasing(guide));
  BOOST_TEST(guide.size() > 250U);
  for (const Anchor& point : guide) BOOST_TEST(point.target == point.source + 60);
}

BOOST_AUTO_TEST_CASE(no_shared_tokens_give_no_points) {
  const auto source = features_of({"un deux trois", "quatre"});
  const auto target = features_of({"eins zwei", "drei vier"});
  BOOST_TEST(guide_from_rare_tokens(source, target).empty());
  BOOST_TEST(guide_from_rare_tokens({}, {}).empty());
}
