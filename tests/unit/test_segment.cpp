#define BOOST_TEST_MODULE segment
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "alinea/error.hpp"
#include "alinea/segment.hpp"

using namespace alinea;
using Sentences = std::vector<std::string>;

namespace {

Sentences split(const std::string& lang, const std::string& text) {
  Segmenter segmenter(lang);
  return segmenter.split(text);
}

}  // namespace

BOOST_AUTO_TEST_CASE(splits_plain_sentences) {
  const Sentences expected = {"Acabo de recibir su carta.", "Qué alegría."};
  BOOST_TEST(split("es", "Acabo de recibir su carta. Qué alegría.") == expected);
}

BOOST_AUTO_TEST_CASE(note_reference_stays_with_preceding_sentence) {
  const Sentences expected = {"Querido amigo.[^1]", "Acabo de llegar."};
  BOOST_TEST(split("es", "Querido amigo.[^1] Acabo de llegar.") == expected);
}

BOOST_AUTO_TEST_CASE(empty_and_blank_input_give_no_sentence) {
  BOOST_TEST(split("es", "").empty());
  BOOST_TEST(split("es", "  \t ").empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_an_input_error) {
  BOOST_CHECK_THROW(split("es", "caf\xC3"), InputError);
}
