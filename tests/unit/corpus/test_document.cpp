#define BOOST_TEST_MODULE document
#include <boost/test/unit_test.hpp>

#include "alinea/base.hpp"
#include "alinea/document.hpp"

using namespace alinea;

namespace {
const char* const sample =
    "---\nid: w\nlang: es\ntitle: \"[T]\"\nextra: {kept: yes}\n---\n\n"
    "Querido Victor[^1],\n\nAcabo de\nrecibir su carta[^a].\n\n"
    "[^1]: Una nota\n    que sigue.\n\n[^a]: Otra.\n";
}

BOOST_AUTO_TEST_CASE(reads_paragraphs_and_notes) {
  const Document document = parse_document(sample, "s.md");
  BOOST_TEST(document.id == "w");
  BOOST_TEST(document.lang == "es");
  BOOST_REQUIRE(document.paragraphs.size() == 2U);
  BOOST_TEST(document.paragraphs[1].id == "p2");
  BOOST_TEST(document.paragraphs[1].text == "Acabo de recibir su carta[^a].");
  BOOST_TEST(document.paragraphs[1].line == 10U);
  BOOST_TEST(document.paragraphs[1].note_ids == std::vector<std::string>{"na"});
  BOOST_REQUIRE(document.notes.size() == 2U);
  BOOST_TEST(document.notes[0].text == "Una nota que sigue.");
}

BOOST_AUTO_TEST_CASE(round_trips_through_format) {
  const Document document = parse_document(sample, "s.md");
  const std::string written = format_document(document);
  const Document again = parse_document(written, "again.md");
  BOOST_TEST(format_document(again) == written);
  BOOST_TEST(written.find("extra: {kept: yes}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_name_the_place) {
  BOOST_CHECK_THROW((void)parse_document("Hola[^9].\n", "x.md"), InputError);
  BOOST_CHECK_THROW((void)parse_document("---\nid: x\n", "x.md"), InputError);
  BOOST_CHECK_THROW((void)parse_document("", "x.md"), InputError);
  BOOST_CHECK_THROW((void)parse_document("a\n\n[^1]: x\n\n[^1]: y\n", "x.md"), InputError);
  try {
    (void)parse_document("uno\n\ndos \xFF\n", "x.md");
    BOOST_FAIL("no error");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().line == 3U);
    BOOST_TEST(std::string(error.what()).find("byte offset 9") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(unit_refs_parse_and_print) {
  BOOST_TEST(UnitRef::parse("p3.s2")->to_string() == "p3.s2");
  BOOST_TEST((UnitRef::parse("n4")->kind == UnitRef::Kind::note));
  BOOST_TEST(!UnitRef::parse("p0"));
  BOOST_TEST(!UnitRef::parse("p3.x"));
  BOOST_TEST(!UnitRef::parse("q1"));
}

BOOST_AUTO_TEST_CASE(fingerprints_ignore_spacing_only) {
  BOOST_TEST(text_fingerprint("a  b\n c ") == text_fingerprint("a b c"));
  BOOST_TEST(text_fingerprint("a b c") != text_fingerprint("a b d"));
  BOOST_TEST(text_fingerprint("e\xCC\x81") == text_fingerprint("\xC3\xA9"));
  BOOST_TEST(text_fingerprint("x").size() == 8U);
}

BOOST_AUTO_TEST_CASE(escaping_is_read_back_as_plain_text) {
  for (const std::string text : {"a *b* c", "1936. Año", "# no heading", "x_y _z_", "a\\b",
                                 "[x](y)", "mail@example.org @cite", "- dash", "2^3 $5"}) {
    BOOST_TEST(plain_text(escape_markdown(text)) == text);
  }
  BOOST_TEST(escape_markdown("Hola[^1].") == "Hola[^1].");
}

BOOST_AUTO_TEST_CASE(units_know_their_line_and_column_in_the_file) {
  Document document = parse_document(sample, "s.md");
  // Sentences by hand: the positions do not depend on the segmenter's rules.
  document.paragraphs[1].sentences = {"Acabo de", "recibir su carta[^a]."};
  document.notes[0].sentences = {"Una nota", "que sigue."};
  const auto at = [&](const char* id) {
    const SourcePosition where = unit_position(document, *UnitRef::parse(id));
    BOOST_TEST(where.file == "s.md");
    return std::pair{where.line, where.column};
  };
  BOOST_TEST((at("p1") == std::pair<std::size_t, std::size_t>{8, 1}));
  BOOST_TEST((at("p2") == std::pair<std::size_t, std::size_t>{10, 1}));
  BOOST_TEST((at("p2.s1") == std::pair<std::size_t, std::size_t>{10, 1}));
  BOOST_TEST((at("p2.s2") == std::pair<std::size_t, std::size_t>{11, 1}));  // the next line
  BOOST_TEST((at("n1") == std::pair<std::size_t, std::size_t>{13, 7}));     // after "[^1]: "
  BOOST_TEST((at("n1.s2") == std::pair<std::size_t, std::size_t>{14, 5}));  // indented
  BOOST_TEST((at("p9") == std::pair<std::size_t, std::size_t>{0, 0}));
  // Columns count characters, not bytes.
  Document accented = parse_document("Él vino. Ñandú corrió.\n", "a.md");
  accented.paragraphs[0].sentences = {"Él vino.", "Ñandú corrió."};
  BOOST_TEST(unit_position(accented, *UnitRef::parse("p1.s2")).column == 10U);
}

BOOST_AUTO_TEST_CASE(the_language_is_checked_and_made_canonical) {
  const Document document = parse_document("---\nid: w\nlang: es_es\n---\n\nHola.\n", "d.md");
  BOOST_TEST(document.lang == "es-ES");
  BOOST_TEST(document.meta_text("lang") == "es-ES");
  try {
    (void)parse_document("---\nid: w\nlang: xx\n---\n\nHola.\n", "d.md");
    BOOST_FAIL("xx accepted");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().line == 3U);
    BOOST_TEST(error.message().find("'xx'") != std::string::npos);
  }
}

// A lone CR ends a line, as in CommonMark: kept inside a paragraph, it would come back one fewer
// after a write and a read.
BOOST_AUTO_TEST_CASE(a_lone_carriage_return_ends_a_line) {
  const Document document = parse_document("---\nlang: es\n---\n\nuno\rdos\r\rtres\n", "cr.md");
  BOOST_REQUIRE(document.paragraphs.size() == 2U);
  BOOST_TEST(document.paragraphs[0].text == "uno dos");
  BOOST_TEST(document.paragraphs[1].text == "tres");
}
