// Moved units linked across the path: which pairs of omissions become one link, and which stay.
#define BOOST_TEST_MODULE moved
#include <boost/test/unit_test.hpp>
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "align/moved.hpp"
#include "alinea/aligner.hpp"

using alinea::Bead;
using alinea::link_moved_units;
using alinea::MoveCosts;

namespace {

// Bead costs of a toy pair: an omission costs 4.6 nats, a 1-1 bead 1 nat and a wider one 3 nats,
// unless listed as {{i, j}, cost} (1-1) or {{i, j, di, dj}, cost}.
struct ToyCosts {
  std::vector<std::pair<std::vector<std::size_t>, double>> beads;
  double operator()(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
    if (di == 0 || dj == 0) return 4.6;
    for (const auto& [units, cost] : beads) {
      const std::vector<std::size_t> shape =
          units.size() == 2 ? std::vector<std::size_t>{units[0], units[1], 1, 1} : units;
      if (shape == std::vector<std::size_t>{i, j, di, dj}) return cost;
    }
    return di == 1 && dj == 1 ? 1.0 : 3.0;
  }
};

// 0↔0, source 1 left out, 2↔1, 3↔2, target 3 added, 4↔4: source 1 may be what target 3 says.
std::vector<Bead> path_with_one_left_out_and_one_added() {
  return {{0, 1, 0, 1, 0.9}, {1, 1, 1, 0, 0.6}, {2, 1, 1, 1, 0.9},
          {3, 1, 2, 1, 0.9}, {4, 0, 3, 1, 0.6}, {4, 1, 4, 1, 0.9}};
}

std::set<std::pair<std::size_t, std::size_t>> one_to_one_links(const std::vector<Bead>& beads) {
  std::set<std::pair<std::size_t, std::size_t>> links;
  for (const Bead& bead : beads) {
    if (bead.source_count == 1 && bead.target_count == 1) {
      links.emplace(bead.source_begin, bead.target_begin);
    }
  }
  return links;
}

std::size_t omissions(const std::vector<Bead>& beads) {
  std::size_t count = 0;
  for (const Bead& bead : beads) count += bead.source_count == 0 || bead.target_count == 0;
  return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_left_out_and_an_added_unit_that_translate_each_other_are_linked) {
  // Their 1-1 bead costs −5 nats: with a move's 12, still under two omissions of 4.6 each.
  const ToyCosts costs{{{{1, 3}, -5.0}}};
  const std::vector<Bead> linked = link_moved_units(path_with_one_left_out_and_one_added(), costs);
  BOOST_TEST(omissions(linked) == 0U);
  BOOST_TEST(one_to_one_links(linked).count({1, 3}) == 1U);
  BOOST_TEST(linked.size() == 5U);
  // In source order, where the left-out unit stood.
  BOOST_TEST(linked[1].source_begin == 1U);
  BOOST_TEST(linked[1].target_begin == 3U);
  // The probability of the move against the two omissions: 9.2 − (−5) − 12 = 2.2 nats.
  BOOST_TEST(linked[1].confidence > 0.85);
  BOOST_TEST(linked[1].confidence < 0.95);
}

BOOST_AUTO_TEST_CASE(two_units_that_only_fit_by_length_stay_omissions) {
  const ToyCosts costs{{{{1, 3}, 0.5}}};  // no shared word: length alone
  const std::vector<Bead> beads = path_with_one_left_out_and_one_added();
  const std::vector<Bead> linked = link_moved_units(beads, costs);
  BOOST_TEST(omissions(linked) == 2U);
  BOOST_TEST(linked.size() == beads.size());
}

BOOST_AUTO_TEST_CASE(units_beyond_reach_stay_omissions) {
  const ToyCosts costs{{{{1, 3}, -5.0}}};
  MoveCosts near;
  near.reach = 1;
  BOOST_TEST(omissions(link_moved_units(path_with_one_left_out_and_one_added(), costs, near)) ==
             2U);
}

BOOST_AUTO_TEST_CASE(a_passage_moves_as_a_whole) {
  // Source 1 and 2 left out, target 4 and 5 added; only 1↔4 clears a first move, 2↔5 follows it
  // because it is next to it and fits better than two omissions by a first omission's cost.
  const std::vector<Bead> beads = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 0, 0.6}, {2, 1, 1, 0, 0.6},
                                   {3, 1, 1, 1, 0.9}, {4, 1, 2, 1, 0.9}, {5, 1, 3, 1, 0.9},
                                   {6, 0, 4, 1, 0.6}, {6, 0, 5, 1, 0.6}, {6, 1, 6, 1, 0.9}};
  const ToyCosts costs{{{{1, 4}, -5.0}, {{2, 5}, 2.0}}};
  const std::vector<Bead> linked = link_moved_units(beads, costs);
  BOOST_TEST(omissions(linked) == 0U);
  BOOST_TEST(one_to_one_links(linked).count({1, 4}) == 1U);
  BOOST_TEST(one_to_one_links(linked).count({2, 5}) == 1U);
  // Without the first, the second alone is not a move.
  const ToyCosts second_only{{{{2, 5}, 2.0}}};
  BOOST_TEST(omissions(link_moved_units(beads, second_only)) == 4U);
}

BOOST_AUTO_TEST_CASE(a_moved_sentence_split_in_two_on_one_side_is_one_link) {
  // Source 1 left out; targets 3 and 4 added, the moved sentence split in two.
  const std::vector<Bead> beads = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 0, 0.6}, {2, 1, 1, 1, 0.9},
                                   {3, 1, 2, 1, 0.9}, {4, 0, 3, 1, 0.6}, {4, 0, 4, 1, 0.6},
                                   {4, 1, 5, 1, 0.9}};
  const ToyCosts costs{{{{1, 3}, -5.0}, {{1, 3, 1, 2}, -6.0}}};
  const std::vector<Bead> linked = link_moved_units(beads, costs);
  BOOST_TEST(omissions(linked) == 0U);
  BOOST_TEST_REQUIRE(linked.size() == 5U);
  BOOST_TEST(linked[1].source_begin == 1U);
  BOOST_TEST(linked[1].target_begin == 3U);
  BOOST_TEST(linked[1].target_count == 2U);
  // Joining target 4 costs more than leaving it out: it stays added.
  const ToyCosts apart{{{{1, 3}, -5.0}, {{1, 3, 1, 2}, 0.0}}};
  BOOST_TEST(omissions(link_moved_units(beads, apart)) == 1U);
}

BOOST_AUTO_TEST_CASE(each_unit_is_linked_once_best_pair_first) {
  // Source 1 fits target 3 best, source 2 fits target 3 too: 2 stays left out.
  const std::vector<Bead> beads = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 0, 0.6}, {2, 1, 1, 0, 0.6},
                                   {3, 1, 1, 1, 0.9}, {4, 1, 2, 1, 0.9}, {5, 0, 3, 1, 0.6},
                                   {5, 1, 4, 1, 0.9}};
  const ToyCosts costs{{{{1, 3}, -8.0}, {{2, 3}, -6.0}}};
  const std::vector<Bead> linked = link_moved_units(beads, costs);
  BOOST_TEST(one_to_one_links(linked).count({1, 3}) == 1U);
  BOOST_TEST(one_to_one_links(linked).count({2, 3}) == 0U);
  BOOST_TEST(omissions(linked) == 1U);
}

BOOST_AUTO_TEST_CASE(gold_links_of_a_moved_caption_cross) {
  // A caption that the layout set among other lines, elsewhere in each language: the gold-link
  // format says so with a link that crosses the others.
  const std::string french =
      "Le congrès s'est réuni à Lyon au printemps.\n"
      "Photo : le Piz Buin (3312 m) et le glacier du Silvretta, vus depuis la cabane en 1936.\n"
      "Les délégués ont voté la motion après un long débat.\n"
      "La séance a été levée à minuit.\n"
      "Le journal paraîtra désormais deux fois par semaine.\n"
      "Le prix reste fixé à quarante centimes.\n"
      "Les abonnés recevront un numéro spécial.\n"
      "La rédaction remercie ses lecteurs.\n";
  const std::string spanish =
      "El congreso se reunió en Lyon en primavera.\n"
      "Los delegados votaron la moción tras un largo debate.\n"
      "La sesión se levantó a medianoche.\n"
      "El periódico saldrá en adelante dos veces por semana.\n"
      "El precio sigue fijado en cuarenta céntimos.\n"
      "Foto: el Piz Buin (3312 m) y el glaciar del Silvretta, vistos desde el refugio en 1936.\n"
      "Los suscriptores recibirán un número especial.\n"
      "La redacción agradece a sus lectores.\n";
  const alinea::SentenceLinesAlignment aligned =
      alinea::align_sentence_lines({french, "fr.txt", "fr"}, {spanish, "es.txt", "es"});
  BOOST_TEST_MESSAGE(aligned.links);
  BOOST_TEST(aligned.links.find("[1]:[5]:") != std::string::npos);
  BOOST_TEST(aligned.links.find("[2]:[1]:") != std::string::npos);
  BOOST_TEST(aligned.links.find("[6]:[6]:") != std::string::npos);
}
