#define BOOST_TEST_MODULE import
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "command_output.hpp"
#include "import/import_steps.hpp"
#include "missing_tool.hpp"
#include "text/dictionary.hpp"
#include "text/unicode.hpp"

using namespace alinea;
using namespace alinea::import_steps;

namespace {

const std::string fixtures = std::string(ALINEA_TEST_DATA) + "/fixtures/import/";
const std::string letter_folder =
    std::string(ALINEA_SOURCE_DIR) + "/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Document import_text(std::string_view text, const std::string& lang = "es",
                     ImportFormat format = ImportFormat::pdf_text) {
  ImportOptions options;
  options.lang = lang;
  options.format = format;
  options.source_name = "test.txt";
  options.dictionary_dir = "";  // typography alone, so results do not depend on the machine
  return import_document(text, options);
}

Document import_letter() {
  ImportOptions options;
  options.lang = "es";
  options.id = "trotsky-1936-04-24-bienvenue-a-victor-serge";
  options.source_name = "es.pdf.txt";
  return import_document(read_file(letter_folder + "es.pdf.txt"), options);
}

std::vector<std::string> texts_of(const std::vector<SourceLine>& lines) {
  std::vector<std::string> texts;
  for (const auto& line : lines) texts.push_back(line.text);
  return texts;
}

// Words as runs of letters or of digits: "Lvovich1" is the word "Lvovich" and the number "1".
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  int kind = 0;  // 1 letters, 2 digits
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    const int this_kind = is_letter(c) || is_combining_mark(c) ? 1 : is_digit(c) ? 2 : 0;
    if (this_kind != kind && !word.empty()) words.push_back(std::move(word));
    if (this_kind != kind) word.clear();
    kind = this_kind;
    if (kind != 0) word.append(text.substr(start, pos - start));
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

}  // namespace

// --- Reading lines --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(lines_accept_bom_crlf_and_form_feeds) {
  const auto lines = read_lines("\xEF\xBB\xBFuno  dos\r\n\r\n  tres\f\x01 cuatro\rcinco\n");
  BOOST_TEST(
      texts_of(lines) == (std::vector<std::string>{"uno dos", "", "tres", "cuatro", "cinco"}),
      boost::test_tools::per_element());
  BOOST_TEST(lines[2].indent == 2U);
  BOOST_TEST(lines[3].page_break_before);
  BOOST_TEST(lines[3].number == 3U);
  BOOST_TEST(lines[4].number == 4U);
}

BOOST_AUTO_TEST_CASE(separator_lines_are_long_rules_of_spaces_or_underscores) {
  BOOST_TEST(is_separator_line(std::string(49, ' ')));
  BOOST_TEST(is_separator_line("_______________"));
  BOOST_TEST(is_separator_line("  —————  "));
  BOOST_TEST(!is_separator_line(" "));
  BOOST_TEST(!is_separator_line("__ a __"));
  BOOST_TEST(!is_separator_line(""));
}

// --- Furniture ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(page_numbers_in_their_usual_dresses) {
  for (const char* text :
       {"12", "- 12 -", "— 7 —", "Página 3", "page 3 of 10", "p. 213", "4 / 9"}) {
    BOOST_TEST(is_page_number(text), text);
  }
  for (const char* text : {"12 hombres", "1936.", "(200", "9, Institut", "página"}) {
    BOOST_TEST(!is_page_number(text), text);
  }
}

BOOST_AUTO_TEST_CASE(contacts_are_lone_addresses) {
  BOOST_TEST(is_contact("germinal_1917@example.org"));
  BOOST_TEST(is_contact("https://example.org/traducciones"));
  BOOST_TEST(!is_contact("escríbame a x@example.org"));
  BOOST_TEST(!is_contact("@alguien"));
}

BOOST_AUTO_TEST_CASE(running_heads_repeat_and_do_not_end_sentences) {
  const auto lines =
      read_lines("CAPÍTULO 3\nTexto largo de la página.\n14\nCAPÍTULO 4\nFin.\nFin.\n");
  BOOST_TEST(find_running_heads(lines) == (std::vector<std::size_t>{0, 3}),
             boost::test_tools::per_element());
  BOOST_TEST(find_running_heads(read_lines("4 Ibid\ntexto\n9 Ibid\n")).empty());
}

BOOST_AUTO_TEST_CASE(furniture_is_removed_from_the_body) {
  const Document document = import_text(read_file(fixtures + "molino.pdf.txt"));
  for (const auto& paragraph : document.paragraphs) {
    BOOST_TEST(paragraph.text.find("CASA DEL RÍO") == std::string::npos);
    BOOST_TEST(paragraph.text.find("12") == std::string::npos);
    BOOST_TEST(paragraph.text.find("13") == std::string::npos);
  }
}

// --- Dates and the title block ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(dates_written_out) {
  BOOST_TEST(*parse_date("24 de abril de 1936") == "1936-04-24");
  BOOST_TEST(*parse_date("1er mai 1921") == "1921-05-01");
  BOOST_TEST(*parse_date("April 24, 1936") == "1936-04-24");
  BOOST_TEST(!parse_date("24 de abril"));
  BOOST_TEST(!parse_date("Querido Victor Lvovich1,"));
  BOOST_TEST(!parse_date("40 de abril de 1936"));
}

BOOST_AUTO_TEST_CASE(title_block_is_found_wherever_it_is) {
  const auto lines = read_lines(
      "Texto de una página anterior que termina aquí.\n\n[Una carta]\nAna Pérez\n\n"
      "2 de mayo de 1930\n\nY sigue el texto.\n");
  const auto block = find_title_block(lines);
  BOOST_REQUIRE(block.has_value());
  BOOST_TEST(block->title == "[Una carta]");
  BOOST_TEST(block->author == "Ana Pérez");
  BOOST_TEST(block->date == "1930-05-02");
  BOOST_TEST(block->lines == (std::vector<std::size_t>{2, 3, 5}), boost::test_tools::per_element());
  BOOST_TEST(!find_title_block(read_lines("[Una carta]\nque no tiene autor\n2 de mayo de 1930\n")));
}

BOOST_AUTO_TEST_CASE(title_block_and_source_note_go_to_the_front_matter) {
  const Document document = import_text(read_file(fixtures + "carta.pdf.txt"), "fr");
  BOOST_TEST(document.meta_text("title") == "Lettre à un ami du Nord");
  BOOST_TEST(document.meta_text("author") == "Jeanne Martin");
  BOOST_TEST(document.meta_text("date") == "1921-05-03");
  BOOST_TEST(
      document.meta_text("source") ==
      "Traduit de l'espagnol par Jeanne Morel, d'après l'édition de Lima, 1952, pages 10-12");
  BOOST_TEST(document.meta_text("translator_contact") == "jeanne.martin@example.org");
  BOOST_TEST(document.paragraphs.front().text == "Cher ami[^1],");
}

// --- Paragraphs -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(full_line_length_ignores_short_lines) {
  BOOST_TEST(typical_line_length({80, 82, 84, 86, 88, 20, 12, 40}) == 84U);
  BOOST_TEST(typical_line_length({}) == 0U);
  BOOST_TEST(typical_line_length({30}) == 30U);
  // pdftotext joins a hyphenated line with the next: such lines say nothing of the measure.
  BOOST_TEST(typical_line_length({80, 82, 84, 86, 88, 20, 160, 170, 165}) == 84U);
}

BOOST_AUTO_TEST_CASE(a_joined_line_is_judged_by_its_last_printed_line) {
  const std::string full(60, 'x');
  // A full line and a short one ending a sentence, joined: the paragraph ends after it.
  BOOST_TEST(ends_paragraph(full + "y al final.", "Otra", 60));
  BOOST_TEST(!ends_paragraph(full + full.substr(0, 55) + " fin.", "Otra", 60));
}

BOOST_AUTO_TEST_CASE(a_hyphen_pdftotext_dropped_before_a_capital_comes_back_where_it_joined) {
  // Two printed lines of about 40 characters joined at "Brest-" / "Litovsk".
  const std::string joined =
      "una noche de abril, tras la paz de BrestLitovsk, Blumkin disparó sobre";
  BOOST_TEST(restore_joined_hyphens(joined, 40) ==
             "una noche de abril, tras la paz de Brest-Litovsk, Blumkin disparó sobre");
  // Far from where the printed line ended: a name of its own.
  const std::string name = "McDonald dijo que en la paz de Brest sí, y Blumkin disparó sobre";
  BOOST_TEST(restore_joined_hyphens(name, 40) == name);
  // One printed line: nothing was joined.
  BOOST_TEST(restore_joined_hyphens("la paz de BrestLitovsk", 40) == "la paz de BrestLitovsk");
}

BOOST_AUTO_TEST_CASE(paragraph_ends_as_a_typesetter_sees_them) {
  const std::size_t measure = 60;
  // Ends a sentence and the next word would have fitted: the line was left short on purpose.
  BOOST_TEST(ends_paragraph("Una frase que termina con su punto final aquí.", "Otra", measure));
  // Ends a sentence but the next word would not have fitted: the line is full.
  BOOST_TEST(!ends_paragraph("Una frase bastante larga que termina con un punto y con más.",
                             "Extraordinariamente", measure));
  // Room for the next word but no sentence end: a justified line with wide letters.
  BOOST_TEST(!ends_paragraph("Una línea con letras muy anchas MMMMMMMMMM y nada", "más", measure));
  // Clearly short, whatever its punctuation: a salutation.
  BOOST_TEST(ends_paragraph("Querida amiga,", "Recibí", measure));
  BOOST_TEST(ends_paragraph("Y entonces se fue…", "Pero", measure));
  BOOST_TEST(ends_paragraph("y que lo dijo «así».", "Luego", measure));
}

BOOST_AUTO_TEST_CASE(paragraphs_from_indentation_and_measure) {
  const Document document = import_text(read_file(fixtures + "molino.pdf.txt"));
  BOOST_REQUIRE(document.paragraphs.size() == 3U);
  BOOST_TEST(document.paragraphs[1].text.rfind("Los nuevos dueños", 0) == 0U);
  BOOST_TEST(document.paragraphs[1].text.find("trabajo duro. El agua") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(blank_lines_count_when_not_every_line_has_one) {
  const Document document = import_text(read_file(fixtures + "sans-blancs.pdf.txt"));
  BOOST_TEST(document.paragraphs.size() == 2U);
  // In the letter every line is followed by a blank line: they prove nothing there.
  BOOST_TEST(import_letter().paragraphs.size() == 12U);
}

// --- Hyphenation ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(hyphens_at_line_ends_without_a_dictionary) {
  BOOST_TEST(join_wrapped("un cartógrafo retira-", "do que", nullptr) ==
             "un cartógrafo retirado que");
  BOOST_TEST(join_wrapped("la paz de Brest-", "Litovsk, y", nullptr) ==
             "la paz de Brest-Litovsk, y");
  BOOST_TEST(join_wrapped("(1890-", "1947)", nullptr) == "(1890-1947)");
  BOOST_TEST(join_wrapped("dijo -", "y calló", nullptr) == "dijo - y calló");
  BOOST_TEST(join_wrapped("una pala\u00AD", "bra", nullptr) == "una palabra");
  BOOST_TEST(join_wrapped("dos", "líneas", nullptr) == "dos líneas");
  BOOST_TEST(join_wrapped("", "sola", nullptr) == "sola");
}

BOOST_AUTO_TEST_CASE(hyphens_at_line_ends_with_a_dictionary) {
  const auto dictionary = Dictionary::open("/usr/share/hunspell", "es");
  if (!dictionary) {
    testing::missing_tool("the Spanish hunspell dictionary (hunspell-es)");
    return;
  }
  BOOST_TEST(dictionary->knows("revolucionario"));
  BOOST_TEST(!dictionary->knows("revolucionarioxq"));
  BOOST_TEST(join_wrapped("un partido revolu-", "cionario", &*dictionary) ==
             "un partido revolucionario");
  BOOST_TEST(join_wrapped("un análisis teórico-", "práctico", &*dictionary) ==
             "un análisis teórico-práctico");
  BOOST_TEST(!Dictionary::open("/nonexistent", "es"));
  BOOST_TEST(!Dictionary::open("/usr/share/hunspell", "zz"));
}

// Hunspell shares a table between its instances without a lock; check's and coverage's workers
// open and close dictionaries at once. Under the asan preset a race here shows as a leak or a
// use after free (it did, in golden_coverage-edition, before the lock).
BOOST_AUTO_TEST_CASE(dictionaries_open_and_close_on_many_threads_at_once) {
  if (!Dictionary::open("/usr/share/hunspell", "es")) {
    testing::missing_tool("the Spanish hunspell dictionary (hunspell-es)");
    return;
  }
  std::vector<std::thread> workers;
  std::atomic<int> known{0};
  for (int worker = 0; worker < 4; ++worker) {
    workers.emplace_back([&known] {
      for (int round = 0; round < 3; ++round) {
        const auto dictionary = Dictionary::open("/usr/share/hunspell", "es");
        if (dictionary && dictionary->knows("revolucionario")) ++known;
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  BOOST_TEST(known.load() == 12);
}

BOOST_AUTO_TEST_CASE(real_hyphens_survive_the_import) {
  const Document document = import_text(read_file(fixtures + "molino.pdf.txt"));
  BOOST_TEST(document.paragraphs[0].text.find("Brest-Litovsk") != std::string::npos);
  BOOST_TEST(document.paragraphs[0].text.find("ya retirado que") != std::string::npos);
  BOOST_TEST(document.paragraphs[2].text.find("1890-1907") != std::string::npos);
}

// --- Notes ------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(note_starts_need_the_expected_number) {
  BOOST_TEST(*note_start("3 Eleazar B. Solntsev", 3) == "Eleazar B. Solntsev");
  BOOST_TEST(*note_start("4. Texto", 4) == "Texto");
  BOOST_TEST(*note_start("[2] Texto", 2) == "Texto");
  BOOST_TEST(*note_start("² Texto", 2) == "Texto");
  BOOST_TEST(!note_start("9, Institut Léon Trotsky", 5));
  BOOST_TEST(!note_start("1928, después transferido", 1));
  BOOST_TEST(!note_start("5 Texto", 4));
  BOOST_TEST(!note_start("1", 1));
}

BOOST_AUTO_TEST_CASE(glued_note_numbers_and_real_numbers) {
  const std::vector<std::string> paragraphs = {
      "Querido Pedro1, en 1936 vino N.I.2 con (200 páginas, 1980, páginas 213-215.",
      "Vimos a Blumkin3 y sus dueños)4. Y Serge5? Un hijo (1910-¿1938?) y otro6",
      "Sin referencia 7 aquí, pero sí aquí⁷ y [8] y con espacio [9]."};
  const auto placed =
      place_note_references(paragraphs, {"1", "2", "3", "4", "5", "6", "7", "8", "9"});
  BOOST_REQUIRE(placed.size() == 3U);
  BOOST_TEST(to_markdown(placed[0]) ==
             "Querido Pedro[^1], en 1936 vino N.I.[^2] con (200 páginas, 1980, páginas 213-215.");
  BOOST_TEST(
      to_markdown(placed[1]) ==
      "Vimos a Blumkin[^3] y sus dueños)[^4]. Y Serge[^5]? Un hijo (1910-¿1938?) y otro[^6]");
  BOOST_TEST(to_markdown(placed[2]) ==
             "Sin referencia 7 aquí, pero sí aquí[^7] y[^8] y con espacio[^9].");
  const auto glued_bracket = place_note_references({"Una nota[1] pegada, no [2](x)."}, {"1", "2"});
  BOOST_TEST(to_markdown(glued_bracket[0]) == "Una nota[^1] pegada, no [2\\](x).");
  BOOST_TEST(placed[1].labels == (std::vector<std::string>{"3", "4", "5", "6"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(numbers_are_matched_in_order_only) {
  const auto placed = place_note_references({"Primero2 y luego1 y después2."}, {"1", "2"});
  BOOST_TEST(to_markdown(placed[0]) == "Primero2 y luego[^1] y después[^2].");
}

BOOST_AUTO_TEST_CASE(notes_continue_across_pages) {
  const Document document = import_text(read_file(fixtures + "molino.pdf.txt"));
  BOOST_REQUIRE(document.notes.size() == 3U);
  BOOST_TEST(document.notes[0].text ==
             "Los hermanos Arriaga, comerciantes de lana que habían vivido muchos años en Bilbao "
             "antes de comprar la propiedad a la viuda del antiguo notario, según consta en el "
             "registro municipal de la villa.");
  BOOST_TEST(document.notes[2].text ==
             "Las marcas de aquella crecida todavía se ven en la fachada.");
}

BOOST_AUTO_TEST_CASE(escaping_keeps_markdown_literal) {
  const auto placed = place_note_references({"1. Un *asterisco* y un_guion y [^x] nota1"}, {"1"});
  const std::string markdown = to_markdown(placed[0]);
  BOOST_TEST(markdown == "1\\. Un \\*asterisco\\* y un_guion y \\[\\^x] nota[^1]");
  BOOST_TEST(note_references(markdown) == std::vector<std::string>{"1"});
}

BOOST_AUTO_TEST_CASE(block_starts_pandoc_would_misread_are_escaped) {
  BOOST_TEST(protect_block_start("a) una lista") == "a\\) una lista");
  BOOST_TEST(protect_block_start("(iv) otra") == "\\(iv) otra");
  BOOST_TEST(protect_block_start("b. y otra") == "b\\. y otra");
  BOOST_TEST(protect_block_start(": definición") == "\\: definición");
  BOOST_TEST(protect_block_start("- - -") == "\\- - -");
  BOOST_TEST(protect_block_start("N. I. le envía") == "N. I. le envía");
  BOOST_TEST(protect_block_start("Carta (1936)") == "Carta (1936)");
  BOOST_TEST(protect_block_start("") == "");
}

BOOST_AUTO_TEST_CASE(imported_documents_read_back_the_same) {
  for (const auto& [name, lang] : std::vector<std::pair<std::string, std::string>>{
           {"molino", "es"}, {"carta", "fr"}, {"sans-blancs", "es"}}) {
    const Document document = import_text(read_file(fixtures + name + ".pdf.txt"), lang);
    const Document again = parse_document(format_document(document), name);
    BOOST_TEST(format_document(again) == format_document(document), name);
    BOOST_TEST(again.paragraphs.size() == document.paragraphs.size(), name);
  }
  const Document odd =
      import_text("a) [^1]: x\n\n: y\n\n---\n\n1936. z\n", "es", ImportFormat::text);
  const Document again = parse_document(format_document(odd), "odd");
  BOOST_TEST(again.paragraphs.size() == 4U);
  BOOST_TEST(again.notes.empty());
  BOOST_TEST(plain_text(again.paragraphs[0].text) == "a) [^1]: x");
}

// Found by fuzz_html: a paragraph opening with a note call and a colon, and a title YAML reads
// as null, must both be written so that they read back as they were imported.
BOOST_AUTO_TEST_CASE(imported_pages_read_back_the_same) {
  const Document page = import_text(
      "<html><head><title>~</title></head><body><p>[1]: cited first</p><h2>Notas</h2>"
      "<p>[1] the note</p></body></html>",
      "es", ImportFormat::html);
  const std::string written = format_document(page);
  const Document again = parse_document(written, "page.md");
  BOOST_TEST(format_document(again) == written);
  BOOST_REQUIRE(again.paragraphs.size() == 1U);
  BOOST_TEST(again.paragraphs[0].note_ids == std::vector<std::string>{"n1"});
  BOOST_TEST(plain_text(again.paragraphs[0].text) == ": cited first");
  BOOST_TEST(again.meta_text("title") == "~");
}

// An <ol>'s items are list items numbered as the page shows them; an ordered list whose numbers
// all stand in the text as references is the notes, as before.
BOOST_AUTO_TEST_CASE(ordered_list_items_keep_their_numbers_and_notes_lists_stay_notes) {
  const Document page = import_text(
      "<p>Los puntos<sup>1</sup>:</p><ol start=\"3\"><li>uno</li><li><p>dos</p></li><li></li>"
      "<li>1936. tres</li></ol><h2>Notas</h2><ol><li>La nota.</li></ol>",
      "es", ImportFormat::html);
  BOOST_REQUIRE(page.paragraphs.size() == 4U);
  BOOST_TEST(page.notes.size() == 1U);
  BOOST_TEST(page.paragraphs[0].note_ids == std::vector<std::string>{"n1"});
  const std::vector<std::string> markers = {"3.", "4.", "6."};
  for (std::size_t i = 1; i < 4; ++i) {
    BOOST_TEST((page.paragraphs[i].kind == BlockKind::list_item));
    BOOST_TEST(page.paragraphs[i].marker == markers[i - 1]);
  }
  BOOST_TEST(plain_text(page.paragraphs[3].text) == "1936. tres");
  const std::string written = format_document(page);
  BOOST_TEST(format_document(parse_document(written, "page.md")) == written);
  // Numbers that are not references: the ordered list at the end is a list, not notes.
  const Document list =
      import_text("<p>Texto.</p><ol><li>uno</li><li>dos</li></ol>", "es", ImportFormat::html);
  BOOST_TEST(list.notes.empty());
  BOOST_REQUIRE(list.paragraphs.size() == 3U);
  BOOST_TEST(list.paragraphs[2].marker == "2.");
}

// --- Fixtures, whole ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(fixtures_import_as_pinned) {
  for (const auto& [name, lang] : std::vector<std::pair<std::string, std::string>>{
           {"molino", "es"}, {"carta", "fr"}, {"carta-crlf-bom", "fr"}, {"sans-blancs", "es"}}) {
    const std::string input = read_file(fixtures + name + ".pdf.txt");
    // carta-crlf-bom is carta with a BOM and CRLF line ends, as Windows tools write it.
    const std::string expected =
        read_file(fixtures + (name == "carta-crlf-bom" ? "carta" : name) + ".expected.md");
    BOOST_TEST(format_document(import_text(input, lang)) == expected, name);
  }
}

BOOST_AUTO_TEST_CASE(crlf_and_bom_change_nothing) {
  for (const char* name : {"molino", "carta"}) {
    const std::string input = read_file(fixtures + name + ".pdf.txt");
    std::string windows = "\xEF\xBB\xBF";
    for (const char c : input) windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
    BOOST_TEST(
        format_document(import_text(windows, "fr")) == format_document(import_text(input, "fr")),
        name);
  }
}

BOOST_AUTO_TEST_CASE(plain_text_paragraphs_are_blank_line_separated) {
  const Document document =
      import_text("\xEF\xBB\xBFUno\r\ndos-\r\n\r\n\r\ntres *x*\n#x\n", "es", ImportFormat::text);
  BOOST_REQUIRE(document.paragraphs.size() == 2U);
  BOOST_TEST(document.paragraphs[0].text == "Uno dos-");
  BOOST_TEST(document.paragraphs[1].text == "tres \\*x\\* #x");
}

// Copied text that opens its paragraphs like Markdown (docs/FORMAT.md) keeps that structure;
// what Pandoc would not read as a block, and a lone "1936. ", stay text.
BOOST_AUTO_TEST_CASE(plain_text_markdown_structure_is_read) {
  const Document document = import_text(
      "# Primera parte\nTras el título.\n\n> Una cita\nque sigue.\n>\n> Otro párrafo.\n\n"
      "- uno\n- dos\nsigue\n\n1. primero\n2) segundo\n\n1936. Llegó.\n\n- ¿Quién? - dijo.\n\n"
      "#x\n\n####### siete\n\n# ##\n\nFin \xEF\xB7\x92h1\xEF\xB7\x93.\n",
      "es", ImportFormat::text);
  const std::vector<std::pair<BlockKind, std::string>> expected = {
      {BlockKind::heading, "Primera parte"},
      {BlockKind::paragraph, "Tras el título."},
      {BlockKind::quote, "Una cita que sigue."},
      {BlockKind::quote, "Otro párrafo."},
      {BlockKind::list_item, "uno"},
      {BlockKind::list_item, "dos sigue"},
      {BlockKind::list_item, "primero"},
      {BlockKind::list_item, "segundo"},
      {BlockKind::paragraph, "1936. Llegó."},
      {BlockKind::paragraph, "- ¿Quién? - dijo."},
      {BlockKind::paragraph, "#x"},
      {BlockKind::paragraph, "####### siete"},
      {BlockKind::paragraph, "# ##"},
      {BlockKind::paragraph, "Fin h1."}};
  BOOST_REQUIRE(document.paragraphs.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST((document.paragraphs[i].kind == expected[i].first), i);
    BOOST_TEST(plain_text(document.paragraphs[i].text) == expected[i].second, i);
  }
  BOOST_TEST(document.paragraphs[0].level == 1);
  BOOST_TEST(document.paragraphs[7].marker == "2)");
  const std::string written = format_document(document);
  BOOST_TEST(format_document(parse_document(written, "copied.md")) == written);
}

BOOST_AUTO_TEST_CASE(plain_text_lines_of_any_white_space_are_blank) {
  // A no-break space, an ideographic space, a run of 30 spaces: what web pages leave between
  // paragraphs when copied.
  const Document document =
      import_text("uno\n\u00A0\ndos\n\u3000 \ntres\n                              \ncuatro\n", "es",
                  ImportFormat::text);
  BOOST_TEST(document.paragraphs.size() == 4U);
  for (const auto& paragraph : document.paragraphs) BOOST_TEST(!paragraph.text.empty());
}

BOOST_AUTO_TEST_CASE(plain_text_front_matter_is_read_not_imported) {
  const Document document =
      import_text("---\ntitle: Carta\nauthor: León Trotsky\nlang: fr\n---\n\nTexto.\n", "es",
                  ImportFormat::text);
  BOOST_REQUIRE(document.paragraphs.size() == 1U);
  BOOST_TEST(document.paragraphs[0].text == "Texto.");
  BOOST_TEST(document.meta_text("title") == "Carta");
  BOOST_TEST(document.meta_text("author") == "León Trotsky");
  BOOST_TEST(document.meta_text("lang") == "es");  // --lang wins
  // A rule of dashes that does not hold YAML keys is text.
  BOOST_TEST(
      import_text("---\nuna línea\n---\n\nTexto.\n", "es", ImportFormat::text).paragraphs.size() ==
      2U);
}

BOOST_AUTO_TEST_CASE(plain_text_notes_block_becomes_notes) {
  const Document document = import_text(
      "Una nota [1] y otra (2).\n\nLa tercera³.\n\nNotas\n\n[1] Primera.\n(2) Segunda,\nque "
      "sigue.\n³ Tercera.\n",
      "es", ImportFormat::text);
  BOOST_REQUIRE(document.paragraphs.size() == 2U);
  BOOST_TEST(document.paragraphs[0].text == "Una nota[^1] y otra[^2].");
  BOOST_TEST(document.paragraphs[1].text == "La tercera[^3].");
  BOOST_REQUIRE(document.notes.size() == 3U);
  BOOST_TEST(document.notes[1].text == "Segunda, que sigue.");
  // A numbered list whose numbers do not stand in the text stays a list.
  const Document list = import_text("Tres cosas:\n\n1. Una\n2. Dos\n", "es", ImportFormat::text);
  BOOST_TEST(list.notes.empty());
  BOOST_REQUIRE(list.paragraphs.size() == 3U);
  BOOST_TEST(list.paragraphs[2].marker == "2.");
}

BOOST_AUTO_TEST_CASE(plain_text_without_blank_lines_says_what_it_assumed) {
  ImportOptions options;
  options.lang = "es";
  options.format = ImportFormat::text;
  const ImportResult lines = import_document_with_warnings(
      "Un párrafo copiado de una página web, entero en su línea.\nOtro.\nY otro más.\n", options);
  BOOST_TEST(lines.document.paragraphs.size() == 3U);
  BOOST_REQUIRE(lines.warnings.size() == 1U);
  BOOST_TEST(lines.warnings[0].find("each line is taken as a paragraph") != std::string::npos);
  // Wrapped at a measure: a paragraph ends where a line ends a sentence with room to spare.
  const ImportResult wrapped = import_document_with_warnings(
      "Esta es la primera frase de un texto cortado\na mano en un editor, a unas cuarenta y\n"
      "cinco letras.\nEl segundo párrafo empieza aquí y sigue\n"
      "hasta el final de la línea siguiente.\n",
      options);
  BOOST_TEST(wrapped.document.paragraphs.size() == 2U);
  BOOST_REQUIRE(wrapped.warnings.size() == 1U);
  BOOST_TEST(wrapped.warnings[0].find("wrapped at about") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(notes_without_a_rule_line) {
  // The rule was drawn, not typed: a line that starts with the next note number, once the text
  // has shown that number, opens the notes; the page number and the form feed close them.
  const std::string page1 =
      "Primera línea del texto de la carta que llega hasta el margen derecho\n"
      "con la referencia Kivalchich1 y otra línea más que también es larga\n"
      "y la última línea de la página que sigue en la siguiente página sin\n"
      "1 Victor Serge, escritor. Nacido en Bruselas.\n"
      "Su nota sigue en esta línea.\n"
      "\n1\n\f";
  const std::string page2 =
      "punto final.\n"
      "Otro párrafo que empieza aquí con una sangría y que ocupa toda la\n"
      "línea hasta el final.\n"
      "\n2\n\f";
  const Document document = import_text(page1 + page2);
  BOOST_REQUIRE(document.notes.size() == 1U);
  BOOST_TEST(document.notes[0].text ==
             "Victor Serge, escritor. Nacido en Bruselas. Su nota sigue en esta línea.");
  BOOST_REQUIRE(document.paragraphs.size() == 2U);
  BOOST_TEST(document.paragraphs[0].text.find("Kivalchich[^1]") != std::string::npos);
  BOOST_TEST(document.paragraphs[0].text.ends_with("siguiente página sin punto final."));
  // A line starting with a number the text has not referenced stays text.
  BOOST_TEST(import_text("Una línea.\n\n1 de mayo de 1936.\n").notes.empty());
}

BOOST_AUTO_TEST_CASE(a_note_carried_over_under_the_next_pages_text) {
  const std::string text =
      "Texto de la primera página con su nota Serge1 que es larga y llena\n"
      "toda la línea de la página hasta el margen de la derecha del texto\n"
      "1 Una nota larga que no cabe en su página y que sigue en la otra\n"
      "\n1\n\f"
      "y el texto termina en la segunda página con su punto.\n"
      "página, debajo del texto.\n"
      "\n2\n\f";
  const Document document = import_text(text);
  BOOST_REQUIRE(document.notes.size() == 1U);
  BOOST_TEST(document.notes[0].text ==
             "Una nota larga que no cabe en su página y que sigue en la otra página, debajo del "
             "texto.");
  BOOST_REQUIRE(document.paragraphs.size() == 1U);
}

BOOST_AUTO_TEST_CASE(first_line_indents_mark_paragraphs) {
  // Where paragraphs are marked by indents, a short line ending a sentence does not end one.
  std::string text;
  for (const char* word : {"uno", "dos", "tres", "cuatro"}) {
    text += std::string("    Un párrafo con sangría, el ") + word +
            ", que empieza aquí y sigue por esta\nlínea que termina.\nY otra frase corta.\n";
  }
  const Document document = import_text(text + "\f");
  BOOST_TEST(document.paragraphs.size() == 4U);
}

// --- The letter -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(letter_structure) {
  const Document document = import_letter();
  BOOST_REQUIRE(document.paragraphs.size() == 12U);
  BOOST_TEST(document.paragraphs.front().text == "Querido Victor Lvovich[^1],");
  BOOST_TEST(document.paragraphs.back().text.rfind("N. I. le envía", 0) == 0U);
  BOOST_REQUIRE(document.notes.size() == 7U);
  std::vector<std::string> referenced;
  for (const auto& paragraph : document.paragraphs) {
    for (const auto& id : paragraph.note_ids) referenced.push_back(id);
    for (const char* furniture : {"germinal", "Bienvenida", "León Trotsky", "Versión", "abril"}) {
      BOOST_TEST(paragraph.text.find(furniture) == std::string::npos, furniture);
    }
  }
  BOOST_TEST(referenced == (std::vector<std::string>{"n1", "n2", "n3", "n4", "n5", "n6", "n7"}),
             boost::test_tools::per_element());
  const std::string all = format_document(document);
  for (const char* glued : {"Lvovich[^1],", "N.I.[^2] y", "Solntsev[^3] me", "Blumkin[^4] y",
                            "Plisnier[^5];", "dueños)[^6].", "Serge[^7]?"}) {
    BOOST_TEST(all.find(glued) != std::string::npos, glued);
  }
  for (const char* real : {"1936", "(200 páginas", "(1910-¿1938?)", "Brest-Litovsk"}) {
    BOOST_TEST(all.find(real) != std::string::npos, real);
  }
  BOOST_TEST(document.meta_text("title") == "[Bienvenida a Victor Serge]");
  BOOST_TEST(document.meta_text("author") == "León Trotsky");
  BOOST_TEST(document.meta_text("date") == "1936-04-24");
  BOOST_TEST(document.meta_text("translator_contact") == "germinal_1917@yahoo.es");
  BOOST_TEST(document.meta_text("source").find("Tomo 9, Institut Léon Trotsky") !=
             std::string::npos);
  BOOST_TEST(document.notes[6].text.substr(0, 14) == "Serguei Sedov ");
}

BOOST_AUTO_TEST_CASE(letter_matches_the_committed_document) {
  BOOST_TEST(format_document(import_letter()) == read_file(letter_folder + "es.md"));
}

// Every word of the input that is not furniture is in the output, in order: the body's words
// in the paragraphs, the notes' words in the notes, the lifted lines' in the front matter.
// Only note numbers may disappear (they become references and labels), and the date line,
// which becomes an ISO date.
BOOST_AUTO_TEST_CASE(letter_loses_no_word) {
  std::string input = read_file(letter_folder + "es.pdf.txt");
  const std::string date_line = "24 de abril de 1936";
  BOOST_REQUIRE(input.find(date_line) != std::string::npos);
  input.erase(input.find(date_line), date_line.size());
  const Document document = import_letter();

  std::vector<std::vector<std::string>> units;
  for (const char* key : {"source", "title", "author", "translator_contact"}) {
    units.push_back(words_of(document.meta_text(key)));
  }
  for (const auto& paragraph : document.paragraphs)
    units.push_back(words_of(plain_text(paragraph.text)));
  for (const auto& note : document.notes) units.push_back(words_of(plain_text(note.text)));
  std::vector<std::size_t> cursor(units.size(), 0);
  std::map<std::string, int> label_budget;
  for (const auto& note : document.notes) label_budget[note.label] = 2;

  const std::vector<std::string> words = words_of(input);
  const auto continues = [&](std::size_t unit, std::size_t at) {
    for (std::size_t k = 0; k < 3 && at + k < words.size(); ++k) {
      if (cursor[unit] + k >= units[unit].size()) return k > 0;
      if (units[unit][cursor[unit] + k] != words[at + k]) return false;
    }
    return true;
  };
  std::size_t current = 0;
  for (std::size_t at = 0; at < words.size(); ++at) {
    if (cursor[current] < units[current].size() && units[current][cursor[current]] == words[at]) {
      ++cursor[current];
      continue;
    }
    bool found = false;
    for (std::size_t unit = 0; unit < units.size() && !found; ++unit) {
      if (cursor[unit] < units[unit].size() && continues(unit, at)) {
        current = unit;
        ++cursor[current];
        found = true;
      }
    }
    if (found) continue;
    if (label_budget[words[at]]-- > 0) continue;
    BOOST_FAIL("word " + std::to_string(at) + " '" + words[at] + "' of the input is missing");
  }
  for (std::size_t unit = 0; unit < units.size(); ++unit) {
    BOOST_TEST(cursor[unit] == units[unit].size(),
               "unit " << unit << " has words not in the input");
  }
}

// Pandoc, the reference reader of the format, sees the same paragraphs and notes.
BOOST_AUTO_TEST_CASE(pandoc_reads_the_letter_alike) {
  if (std::system("pandoc --version > /dev/null 2>&1") != 0) {
    testing::missing_tool("pandoc");
    return;
  }
  const std::string command = "pandoc -f markdown -t json '" + letter_folder + "es.md'";
  const std::string output = testing::output_of(command);
  const auto json = nlohmann::json::parse(output);
  const Document document = read_document(letter_folder + "es.md");

  std::vector<std::size_t> notes_per_paragraph;
  for (const auto& block : json.at("blocks")) {
    if (block.at("t") != "Para") continue;
    std::size_t notes = 0;
    for (const auto& inline_element : block.at("c")) notes += inline_element.at("t") == "Note";
    notes_per_paragraph.push_back(notes);
  }
  BOOST_REQUIRE(notes_per_paragraph.size() == document.paragraphs.size());
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    BOOST_TEST(notes_per_paragraph[i] == document.paragraphs[i].note_ids.size(), "p" << i + 1);
  }
  BOOST_TEST(json.at("meta").at("date").dump().find("1936-04-24") != std::string::npos);
}

// --- Bad input -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(invalid_utf8_names_line_and_byte_offset) {
  try {
    (void)import_text("uno\n\ndos \xC3\x28 tres\n");
    BOOST_FAIL("no error");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().line == 3U);
    BOOST_TEST(std::string(error.what()).find("byte offset 9") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(empty_or_furniture_only_input_is_refused) {
  for (const char* text : {"", "\n\n  \n", "\xEF\xBB\xBF", "12\n\n13\n", "____________\n\n14\n"}) {
    BOOST_CHECK_THROW((void)import_text(text), InputError);
  }
  for (const char* text : {"", "\n\n  \n", "\xEF\xBB\xBF", "\r\n\f"}) {
    BOOST_CHECK_THROW((void)import_text(text, "es", ImportFormat::text), InputError);
  }
}

BOOST_AUTO_TEST_CASE(odd_inputs_never_crash) {
  // Each odd input is either refused with a message or becomes one paragraph of that text, which
  // writes and reads back the same. Markdown's own characters come escaped ("\\-").
  struct Case {
    const char* input;
    std::optional<std::string> paragraph;  // std::nullopt: refused
  };
  const std::vector<Case> cases = {
      {"(", "("},
      {")", ")"},
      {"-", "\\-"},
      {"¹", "¹"},
      {"[1]", "[1]"},
      {"1 ", std::nullopt},  // a page number alone
      {"\f\f\f", std::nullopt},
      {"a-\n", "a-"},
      {"-\nb", "\\- b"},
      {"_____________\n1 nota\n", std::nullopt},  // a footnote rule and its note, nothing else
      {"_____________\nsin número\n", "sin número"},
      {"(abierto\nsin cerrar", "(abierto sin cerrar"},
      {"x\r", "x"},
      {"\r\n\r\n", std::nullopt},
      {"a¹²³⁴⁵⁶⁷⁸⁹⁰", "a¹²³⁴⁵⁶⁷⁸⁹⁰"},
  };
  for (const Case& odd : cases) {
    BOOST_TEST_CONTEXT("input '" << odd.input << "'") {
      if (!odd.paragraph) {
        try {
          (void)import_text(odd.input);
          BOOST_ERROR("accepted");
        } catch (const InputError& error) {
          BOOST_TEST(std::string(error.what()).find("test.txt: ") == 0U);
        }
        continue;
      }
      const Document document = import_text(odd.input);
      BOOST_REQUIRE(document.paragraphs.size() == 1U);
      BOOST_TEST(document.paragraphs[0].id == "p1");
      BOOST_TEST(document.paragraphs[0].text == *odd.paragraph);
      const Document again = parse_document(format_document(document), "again.md");
      BOOST_REQUIRE(again.paragraphs.size() == 1U);
      BOOST_TEST(again.paragraphs[0].text == *odd.paragraph);
    }
  }
}

// A language tag is never a path: "../x" must not open x.dic beside the folder.
BOOST_AUTO_TEST_CASE(a_language_tag_never_leads_out_of_the_dictionary_folder) {
  const std::filesystem::path root =
      std::filesystem::temp_directory_path() / ("alinea-dict-" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "system");
  std::ofstream(root / "x.aff") << "SET UTF-8\n";
  std::ofstream(root / "x.dic") << "1\nchat\n";
  std::ofstream(root / "system/fr.aff") << "SET UTF-8\n";
  std::ofstream(root / "system/fr.dic") << "1\nchat\n";
  BOOST_TEST(alinea::Dictionary::open(root / "system", "fr").has_value());
  for (const char* lang : {"../x", "..", "fr/../../x", "fr_FR/..", "", "f r", "fr\n"}) {
    BOOST_TEST_INFO(lang);
    BOOST_TEST(!alinea::Dictionary::open(root / "system", lang).has_value());
  }
  std::filesystem::remove_all(root);
}

// A note left unfinished at a page's foot may go on at the next page's foot, above that page's
// own first note, in the notes' measure (longer lines than the text's, in a smaller type): those
// lines end the earlier note, and the text's paragraph runs on to the next page without them.
BOOST_AUTO_TEST_CASE(a_note_carried_over_above_the_next_pages_first_note_is_rejoined) {
  const Document document = import_text(
      "Una carta de prueba con su primera nota1 y\n"
      "un texto que sigue en la línea siguiente\n"
      "hasta el final.\n"
      "1 Una nota bastante larga que empieza en esta página y que\n"
      "sigue en la línea siguiente sin terminar aquí su frase y\n"
      "\f"
      "Otro párrafo en la segunda página con la\n"
      "segunda nota2 y con un final que no llega\n"
      "continúa en la página siguiente con más palabras de la nota\n"
      "primera hasta que por fin termina con su punto final aquí.\n"
      "2 La segunda nota.\n"
      "\f"
      "a la página tercera, donde por fin acaba.\n");
  BOOST_TEST(document.paragraphs.size() == 2U);
  BOOST_REQUIRE(document.notes.size() == 2U);
  BOOST_TEST(
      document.notes[0].text.ends_with("sin terminar aquí su frase y continúa en la página "
                                       "siguiente con más palabras de la nota primera "
                                       "hasta que por fin termina con su punto final aquí."));
  BOOST_TEST(document.notes[1].text == "La segunda nota.");
  BOOST_TEST(
      document.paragraphs[1].text.ends_with("un final que no llega a la página tercera, "
                                            "donde por fin acaba."));
}
