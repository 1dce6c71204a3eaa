#define BOOST_TEST_MODULE markup
#include <boost/test/unit_test.hpp>
#include <string>

#include "text/markup.hpp"

using namespace alinea;

BOOST_AUTO_TEST_CASE(terminal_control_sequences_are_shown_escaped) {
  // A title change, a bell, a screen clear and a C1 CSI: none reaches a terminal.
  const std::string hostile =
      "a\x1B]0;owned\x07 b\x1B[2J c\xC2\x9B"
      "31m d\x7F";
  const std::string shown = sanitise_for_display(hostile, LineBreaks::escaped);
  BOOST_TEST(shown == "a\\x1B]0;owned\\x07 b\\x1B[2J c\\u009B31m d\\x7F");
  BOOST_TEST(shown.find('\x1B') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(direction_overrides_are_shown_escaped_and_marks_kept) {
  // U+202E (right-to-left override) and U+2066 (isolate) reorder what a person reads; the
  // marks U+200E/U+200F of right-to-left text do not and stay.
  BOOST_TEST(sanitise_for_display("x\u202Egnp.exe\u2066y", LineBreaks::kept) ==
             "x\\u202Egnp.exe\\u2066y");
  BOOST_TEST(sanitise_for_display("\u200Fשלום\u200E", LineBreaks::kept) == "\u200Fשלום\u200E");
  BOOST_TEST(sanitise_for_display("Víctor — ¿qué? 中文 😀", LineBreaks::escaped) ==
             "Víctor — ¿qué? 中文 😀");
}

BOOST_AUTO_TEST_CASE(line_breaks_follow_the_policy) {
  BOOST_TEST(sanitise_for_display("a\nb\r\tc", LineBreaks::escaped) == "a\\nb\\r\\tc");
  BOOST_TEST(sanitise_for_display("a\nb\r\tc", LineBreaks::spaces) == "a b  c");
  BOOST_TEST(sanitise_for_display("a\nb\r\tc", LineBreaks::kept) == "a\nb\r\tc");
}

BOOST_AUTO_TEST_CASE(a_line_cannot_become_a_github_workflow_command) {
  // In a CI log a line opening with "::error::" is a command to the runner, not text.
  BOOST_TEST(sanitise_for_display("::error::forged", LineBreaks::escaped) == "\\x3A:error::forged");
  BOOST_TEST(sanitise_for_display("x.md\n::error::forged", LineBreaks::escaped) ==
             "x.md\\n::error::forged");
  BOOST_TEST(sanitise_for_display("a::b", LineBreaks::escaped) == "a::b");
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_become_the_replacement_character) {
  BOOST_TEST(sanitise_for_display("a\xFF"
                                  "b",
                                  LineBreaks::escaped) == "a\uFFFDb");
}

BOOST_AUTO_TEST_CASE(html_text_is_sanitised_then_escaped) {
  BOOST_TEST(escape_html("<b>\x1B[1m\u202E\"&</b>") ==
             "&lt;b&gt;\\x1B[1m\\u202E&quot;&amp;&lt;/b&gt;");
  // XML exchange formats keep direction controls as written.
  BOOST_TEST(escape_markup("\u202E<") == "\u202E&lt;");
  BOOST_TEST(std::string(content_security_policy_meta).find("default-src 'none'") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(markdown_cells_are_sanitised) {
  BOOST_TEST(escape_markdown_cell("a|b\n\x1B[2J\u202E") == "a\\|b \\\\x1B\\[2J\\\\u202E");
}

BOOST_AUTO_TEST_CASE(paths_are_percent_encoded_for_uris) {
  BOOST_TEST(percent_encode_path("corpora/w/fr.md") == "corpora/w/fr.md");
  BOOST_TEST(percent_encode_path("my file #2?.md") == "my%20file%20%232%3F.md");
  BOOST_TEST(percent_encode_path("100%/é") == "100%25/%C3%A9");
}
