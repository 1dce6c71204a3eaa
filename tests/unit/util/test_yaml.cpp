#define BOOST_TEST_MODULE yaml
#include <boost/test/unit_test.hpp>

#include "alinea/error.hpp"
#include "util/yaml.hpp"

using namespace alinea;

BOOST_AUTO_TEST_CASE(parses_with_positions) {
  const Value root = parse_yaml("a: 1\nb:\n  - x\n  - \"2\"\n", "f.yaml");
  BOOST_REQUIRE(root.is_mapping());
  BOOST_TEST(root.find("a")->as_integer().value() == 1);
  const Value* b = root.find("b");
  BOOST_REQUIRE(b != nullptr);
  BOOST_TEST(b->items.size() == 2U);
  BOOST_TEST(b->items[1].quoted);
  BOOST_TEST(!b->items[1].as_integer());
  BOOST_TEST(b->items[0].line == 3U);
  BOOST_TEST(b->items[0].column == 5U);
}

BOOST_AUTO_TEST_CASE(first_line_shifts_positions) {
  const Value root = parse_yaml("a: 1\n", "doc.md", 2);
  BOOST_TEST(root.find("a")->line == 2U);
}

BOOST_AUTO_TEST_CASE(syntax_errors_carry_position) {
  try {
    (void)parse_yaml("a: 1\nb: [1, 2\n", "bad.yaml");
    BOOST_FAIL("no error");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().file == "bad.yaml");
    BOOST_TEST(error.where().line >= 2U);
  }
}

BOOST_AUTO_TEST_CASE(aliases_and_depth_are_refused) {
  BOOST_CHECK_THROW((void)parse_yaml("a: &x [1, 2]\nb: *x\n", "f"), InputError);
  BOOST_CHECK_THROW((void)parse_yaml(std::string(100, '[') + std::string(100, ']'), "f"),
                    InputError);
  BOOST_CHECK_THROW((void)parse_yaml("a: 1\na: 2\n", "f"), InputError);
  BOOST_CHECK_THROW((void)parse_yaml("a: \xFF\n", "f"), InputError);
}

BOOST_AUTO_TEST_CASE(scalars_round_trip) {
  for (const std::string text : {"plain", "1936", "true", "null", "a: b", "- x", "#c", "", " lead",
                                 "tab\there", "quote \"q\"", "[x]", "¿Qué?", "yes"}) {
    const Value root = parse_yaml("k: " + yaml_scalar(text) + "\n", "f");
    BOOST_TEST(root.find("k")->text == text);
    BOOST_TEST(!root.find("k")->as_integer().has_value());
  }
}

BOOST_AUTO_TEST_CASE(emits_what_it_reads) {
  const std::string text = "id: x\nlist:\n  - a\n  - b: 1\n    c: [1, 2]\nmap:\n  k: v\n";
  const Value root = parse_yaml(text, "f");
  BOOST_TEST(emit_yaml(root) == text);
}
