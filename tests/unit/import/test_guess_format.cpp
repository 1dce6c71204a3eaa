#define BOOST_TEST_MODULE guess_format
// guess_import_format (lib/src/import/guess_format.cpp): the bytes first, then the name; what
// alinea cannot read gets no format and a reason.
#include <boost/test/unit_test.hpp>
#include <string>

#include "alinea/document.hpp"

using namespace alinea;

namespace {

std::string guessed(std::string_view input, std::string_view name = "") {
  const FormatGuess guess = guess_import_format(input, name);
  return guess.format ? std::string(format_name(*guess.format)) : "none: " + guess.reason;
}

std::string doubled_lines(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += "una línea de texto extraído\n\n";
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_pdf_header_wins_over_any_name) {
  BOOST_TEST(guessed("%PDF-1.7\n%\xE2\xE3\n1 0 obj", "carta.txt") == "pdf");
  BOOST_TEST(guessed(std::string(900, '\0') + "%PDF-1.4", "carta.bin") == "pdf");
  // Past the first kilobyte a header is not one (poppler would not find it either).
  BOOST_TEST(guessed(std::string(1100, ' ') + "%PDF-1.4", "x") == "text");
}

BOOST_AUTO_TEST_CASE(a_file_named_pdf_is_read_as_one_so_that_its_damage_is_reported) {
  BOOST_TEST(guessed("no es un PDF", "carta.PDF") == "pdf");
}

BOOST_AUTO_TEST_CASE(html_is_told_by_its_tags_or_its_name) {
  BOOST_TEST(guessed("\xEF\xBB\xBF  <!DOCTYPE html><html><body><p>Hola</p>", "a.txt") == "html");
  BOOST_TEST(guessed("<div class=\"texto\">Hola</div>") == "html");
  BOOST_TEST(guessed("Hola, <b>mundo</b>", "pagina.htm") == "html");
  // A text that mentions a tag is not a page.
  BOOST_TEST(guessed("Escriba <html> al principio.") == "text");
  BOOST_TEST(guessed("<3 y nada más") == "text");
}

BOOST_AUTO_TEST_CASE(markdown_is_told_by_front_matter_with_footnotes_or_by_its_name) {
  BOOST_TEST(guessed("---\nlang: es\n---\n\nTexto[^1].\n\n[^1]: Nota.\n", "es.txt") == "markdown");
  BOOST_TEST(guessed("Un párrafo.\n", "es.md") == "markdown");
  // Front matter alone is what --from text reads too.
  BOOST_TEST(guessed("---\ntitle: T\n---\n\nTexto.\n", "es.txt") == "text");
}

BOOST_AUTO_TEST_CASE(a_pdf_extraction_is_told_by_page_breaks_rules_doubled_lines_or_its_name) {
  BOOST_TEST(guessed("Una página.\n\fOtra.\n") == "pdf-text");
  BOOST_TEST(guessed("Texto1.\n____________________\n1 Nota.\n") == "pdf-text");
  BOOST_TEST(guessed(doubled_lines(25)) == "pdf-text");
  BOOST_TEST(guessed("Texto.\n", "carta.pdf.txt") == "pdf-text");
  // Three short paragraphs have blank lines between all their lines: that proves nothing.
  BOOST_TEST(guessed(doubled_lines(3)) == "text");
  BOOST_TEST(guessed("") == "text");
}

BOOST_AUTO_TEST_CASE(what_alinea_cannot_read_gets_no_format_and_a_reason) {
  BOOST_TEST(guessed(std::string("PK\x03\x04\x14\0", 6), "carta.docx").starts_with("none: a ZIP"));
  BOOST_TEST(guessed("\xD0\xCF\x11\xE0\xA1\xB1", "carta.doc").starts_with("none: an old Word"));
  BOOST_TEST(guessed("{\\rtf1\\ansi Hola}", "carta.rtf").starts_with("none: an RTF"));
  BOOST_TEST(guessed(std::string("abc\0def", 7)) == "none: binary data, not text");
}
