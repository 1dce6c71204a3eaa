#define BOOST_TEST_MODULE unicode
#include <unicode/uchar.h>

#include <boost/test/unit_test.hpp>
#include <string>

#include "text/unicode.hpp"

using namespace alinea;

BOOST_AUTO_TEST_CASE(valid_utf8_passes) {
  BOOST_TEST(!find_invalid_utf8("Querido Víctor — ¿qué tal? 中文 😀"));
  BOOST_TEST(!find_invalid_utf8(""));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_located) {
  const auto problem = find_invalid_utf8("línea uno\nab\xC3(cd");
  BOOST_REQUIRE(problem);
  BOOST_TEST(problem->byte_offset == 13U);
  BOOST_TEST(problem->line == 2U);
  BOOST_TEST(problem->column == 3U);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_located_after_long_ascii_runs) {
  // The validator skips eight ASCII bytes at a time; the position must still be exact.
  const std::string text = std::string(37, 'a') + "\n" + std::string(20, 'b') + "é\xFF";
  const auto problem = find_invalid_utf8(text);
  BOOST_REQUIRE(problem);
  BOOST_TEST(problem->byte_offset == 60U);
  BOOST_TEST(problem->line == 2U);
  BOOST_TEST(problem->column == 22U);
  BOOST_TEST(!find_invalid_utf8(std::string(1000, 'x') + "ñ" + std::string(9, 'y')));
}

BOOST_AUTO_TEST_CASE(ascii_answers_agree_with_icu) {
  for (char32_t c = 0; c < 0x80; ++c) {
    const auto code_point = static_cast<UChar32>(c);
    BOOST_TEST(is_letter(c) == (u_isalpha(code_point) != 0));
    BOOST_TEST(is_upper(c) == (u_isupper(code_point) != 0 || u_istitle(code_point) != 0));
    BOOST_TEST(is_lower(c) == (u_islower(code_point) != 0));
    BOOST_TEST(is_digit(c) == (u_isdigit(code_point) != 0));
    BOOST_TEST(is_space(c) == (u_isUWhiteSpace(code_point) != 0));
  }
}

BOOST_AUTO_TEST_CASE(emoji_but_not_text_symbols) {
  BOOST_TEST(is_emoji(U'\U0001F600'));  // 😀
  BOOST_TEST(is_emoji(U'\u2764'));      // ❤
  BOOST_TEST(is_emoji(U'\U0001F3FD'));  // a skin tone
  BOOST_TEST(is_emoji(U'\U0001F1EA'));  // a flag letter
  BOOST_TEST(!is_emoji(U'\u00A9'));     // ©
  BOOST_TEST(!is_emoji(U'\u2122'));     // ™
  BOOST_TEST(!is_emoji(U'\u203C'));     // ‼
  BOOST_TEST(!is_emoji(U'a'));
  BOOST_TEST(!is_emoji(U'\u2026'));  // …
}

BOOST_AUTO_TEST_CASE(overlong_and_surrogates_are_invalid) {
  BOOST_TEST(find_invalid_utf8("\xC0\xAF").has_value());
  BOOST_TEST(find_invalid_utf8("\xED\xA0\x80").has_value());
  BOOST_TEST(find_invalid_utf8("\xF4\x90\x80\x80").has_value());
  BOOST_TEST(find_invalid_utf8("\xE2\x82").has_value());
}

BOOST_AUTO_TEST_CASE(decoding_always_advances) {
  const std::string text = "a\xFF\xC3\xA9";
  std::size_t pos = 0;
  BOOST_TEST(static_cast<unsigned>(next_code_point(text, pos)) == 'a');
  BOOST_TEST(static_cast<unsigned>(next_code_point(text, pos)) == 0xFFFDU);
  BOOST_TEST(static_cast<unsigned>(next_code_point(text, pos)) == 0xE9U);
  BOOST_TEST(pos == text.size());
}

BOOST_AUTO_TEST_CASE(folding_ignores_case_and_accents) {
  BOOST_TEST(fold_for_matching("Éléonore BROUÉ") == "eleonore broue");
  BOOST_TEST(fold_for_matching("Ñandú") == "nandu");
  BOOST_TEST(to_nfc("e\xCC\x81") == "\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(display_width_counts_columns) {
  BOOST_TEST(display_width("abc") == 3U);
  BOOST_TEST(display_width("e\xCC\x81") == 1U);  // combining acute
  BOOST_TEST(display_width("中文") == 4U);
}

BOOST_AUTO_TEST_CASE(sentence_breaks_are_byte_offsets) {
  BreakFinder finder(BreakKind::sentence, "es");
  const std::string text = "¿Qué tal? Muy bien.";
  const auto breaks = finder.boundaries(text);
  BOOST_REQUIRE(breaks.size() == 1U);
  BOOST_TEST(text.substr(breaks[0].offset) == "Muy bien.");
}

BOOST_AUTO_TEST_CASE(line_breaks_mark_mandatory_ones) {
  BreakFinder finder(BreakKind::line, "fr");
  const auto breaks = finder.boundaries("un deux\ntrois");
  BOOST_REQUIRE(breaks.size() == 2U);
  BOOST_TEST(!breaks[0].hard);
  BOOST_TEST(breaks[1].hard);
}
