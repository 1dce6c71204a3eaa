// The language module: BCP 47 tags checked and put in their canonical form.
#define BOOST_TEST_MODULE language
#include <boost/test/unit_test.hpp>
#include <string>

#include "alinea/base.hpp"

using namespace alinea;

namespace {

std::string canonical(const std::string& text) {
  const LanguageReading reading = read_language(text);
  BOOST_TEST_INFO("tag " << text << ": " << reading.problem);
  BOOST_REQUIRE(reading.language.has_value());
  BOOST_TEST(reading.problem.empty());
  return reading.language->tag;
}

std::string problem_of(const std::string& text) {
  const LanguageReading reading = read_language(text);
  BOOST_TEST(!reading.language.has_value(), text);
  return reading.problem;
}

}  // namespace

BOOST_AUTO_TEST_CASE(tags_take_their_canonical_case_and_hyphens) {
  BOOST_TEST(canonical("es") == "es");
  BOOST_TEST(canonical("ES") == "es");
  BOOST_TEST(canonical("es_ES") == "es-ES");
  BOOST_TEST(canonical("es-es") == "es-ES");
  BOOST_TEST(canonical("FR_ca") == "fr-CA");
  BOOST_TEST(canonical("es-419") == "es-419");
  BOOST_TEST(canonical("sr_latn_rs") == "sr-Latn-RS");
  BOOST_TEST(canonical("zh-Hant") == "zh-Hant");
  BOOST_TEST(canonical("de-DE-1996") == "de-DE-1996");
  BOOST_TEST(canonical("ca-ES-VALENCIA") == "ca-ES-valencia");
  BOOST_TEST(canonical("es-u-CO-trad") == "es-u-co-trad");
  BOOST_TEST(canonical("fr-x-EDI") == "fr-x-edi");
  BOOST_TEST(canonical("ast") == "ast");
}

BOOST_AUTO_TEST_CASE(the_primary_language_and_region_are_kept_apart) {
  const Language language = *read_language("es_es").language;
  BOOST_TEST(language.primary == "es");
  BOOST_TEST(language.region == "ES");
  BOOST_TEST(read_language("fr").language->region.empty());
  BOOST_TEST(read_language("sr-Latn-RS").language->region == "RS");
}

BOOST_AUTO_TEST_CASE(what_is_not_a_tag_is_named_with_its_problem) {
  BOOST_TEST(problem_of("").find("empty") != std::string::npos);
  for (const char* bad :
       {"e", "español", "es-", "-es", "es--ES", "es ES", "es.ES", "es@ss=standard",
        "../../../proc/self/cwd/d/x", "es-ES-u", "es-a-b", "1es", "es-ESPAÑA"}) {
    BOOST_TEST(problem_of(bad).find(std::string("'") + bad + "'") != std::string::npos, bad);
  }
  BOOST_TEST(problem_of("es_E\xC3\x91").find("not a BCP 47") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_language_is_refused) {
  BOOST_TEST(problem_of("xx").find("not a known language") != std::string::npos);
  BOOST_TEST(problem_of("qq-ES").find("'qq'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_very_long_tag_is_refused_and_quoted_short) {
  const std::string long_tag = "es-" + std::string(200, 'a');
  const std::string problem = problem_of(long_tag);
  BOOST_TEST(problem.size() < 200U);
}

BOOST_AUTO_TEST_CASE(language_or_throw_gives_the_place) {
  try {
    (void)language_or_throw("xx", {"doc.md", 3, 7});
    BOOST_FAIL("no error");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().line == 3U);
    BOOST_TEST(error.message().find("'xx'") != std::string::npos);
  }
  BOOST_TEST(language_or_throw("ES", {}).tag == "es");
}
