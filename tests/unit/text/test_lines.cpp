#define BOOST_TEST_MODULE lines
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "text/lines.hpp"

using namespace alinea;
using Lines = std::vector<std::string_view>;
using Paragraphs = std::vector<std::string>;

BOOST_AUTO_TEST_CASE(a_line_ends_at_lf_crlf_or_a_lone_cr) {
  BOOST_TEST(lines_of("a\nb\r\nc\rd") == (Lines{"a", "b", "c", "d"}),
             boost::test_tools::per_element());
  BOOST_TEST(lines_of("a\n\nb\n") == (Lines{"a", "", "b"}), boost::test_tools::per_element());
  BOOST_TEST(lines_of("\r\n\r\n") == (Lines{"", ""}), boost::test_tools::per_element());
  BOOST_TEST(lines_of("").empty());
  BOOST_TEST(lines_of("a\r") == (Lines{"a"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_blank_line_holds_only_spaces_tabs_and_feeds) {
  BOOST_TEST(is_blank(""));
  BOOST_TEST(is_blank(" \t \f\v"));
  BOOST_TEST(!is_blank("  x "));
  BOOST_TEST(!is_blank("\xC2\xA0"));  // a no-break space is text to the line reader
}

BOOST_AUTO_TEST_CASE(paragraphs_are_lines_between_blank_lines_joined_by_a_space) {
  BOOST_TEST(paragraphs_between_blank_lines("Uno\r\ndos.\n \t\nTres.\n\f\nCuatro") ==
                 (Paragraphs{"Uno dos.", "Tres.", "Cuatro"}),
             boost::test_tools::per_element());
  BOOST_TEST(paragraphs_between_blank_lines("\n \n").empty());
  BOOST_TEST(paragraphs_between_blank_lines("a  b\nc") == (Paragraphs{"a  b c"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_builder_ends_paragraphs_where_its_reader_says) {
  ParagraphBuilder builder;
  builder.add_line("one");
  builder.add_line("line");
  builder.end_paragraph();
  builder.end_paragraph();  // no empty paragraph
  builder.add_line("");
  builder.add_line("two");
  BOOST_TEST(std::move(builder).finish() == (Paragraphs{"one line", "two"}),
             boost::test_tools::per_element());
}
