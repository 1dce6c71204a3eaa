#define BOOST_TEST_MODULE import_pdf
// PDF files through poppler (lib/src/import/pdf_poppler.cpp): their text in printed order, and
// every kind of unreadable PDF refused with its reason. Fixtures: tests/fixtures/import/pdf/
// (make.py, hand-written PDFs) and tests/fixtures/import/layouts/ (the letter typeset by groff).
#include <boost/test/unit_test.hpp>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "import/import_steps.hpp"

using namespace alinea;
using namespace alinea::import_steps;

namespace {

const std::string fixtures = std::string(ALINEA_TEST_DATA) + "/fixtures/import/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Document import_pdf(const std::string& bytes, const std::string& name = "test.pdf") {
  ImportOptions options;
  options.lang = "es";
  options.format = ImportFormat::pdf;
  options.source_name = name;
  options.dictionary_dir = "";
  return import_document(bytes, options);
}

// The reason read_pdf_text gives for refusing `bytes`, or "" when it reads them.
std::string refusal(const std::string& bytes) {
  try {
    (void)read_pdf_text(bytes);
  } catch (const UnreadablePdf& error) {
    return error.what();
  }
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(pages_are_separated_by_form_feeds_and_lines_keep_their_order) {
  const std::string text = read_pdf_text(read_file(fixtures + "pdf/two-pages.pdf"));
  BOOST_TEST(text ==
             "El molino de la orilla\n\n"
             "El molino de la orilla del río giraba despacio cuando\n"
             "llegamos al pueblo, y nadie supo decirnos desde cuándo.\n\n"
             "Al día siguiente el agua bajó y la rueda se detuvo.\n"
             "\fNadie volvió a moverla hasta el verano siguiente.\n\n2\n");
}

BOOST_AUTO_TEST_CASE(a_paragraph_runs_on_across_the_page_break_and_the_page_number_goes) {
  const Document document = import_pdf(read_file(fixtures + "pdf/two-pages.pdf"));
  BOOST_REQUIRE_EQUAL(document.paragraphs.size(), 3U);
  BOOST_TEST(document.paragraphs[2].text ==
             "Al día siguiente el agua bajó y la rueda se detuvo. Nadie volvió a moverla hasta "
             "el verano siguiente.");
}

// The letter typeset three ways by groff (layouts/make.sh) is the letter each time: the same
// document as its pdftotext -layout extractions give (tests/golden/import-layouts).
BOOST_AUTO_TEST_CASE(the_typeset_letter_is_twelve_paragraphs_and_seven_notes_in_every_layout) {
  for (const char* name : {"letter-ms", "a5-indented", "a4-endnotes"}) {
    BOOST_TEST_CONTEXT(name) {
      const Document document =
          import_pdf(read_file(fixtures + "layouts/" + name + ".pdf"), std::string(name) + ".pdf");
      BOOST_TEST(document.paragraphs.size() == 12U);
      BOOST_TEST(document.notes.size() == 7U);
      const Value* title = document.meta.find("title");
      BOOST_REQUIRE(title != nullptr);
      BOOST_TEST(title->text == "[Bienvenida a Victor Serge]");
      BOOST_TEST(document.meta.find("date")->text == "1936-04-24");
      const std::string layout_text = read_file(fixtures + "layouts/" + name + ".layout.txt");
      ImportOptions options;
      options.lang = "es";
      options.source_name = std::string(name) + ".pdf";
      options.dictionary_dir = "";
      BOOST_TEST(format_document(document) ==
                 format_document(import_document(layout_text, options)));
    }
  }
}

// LibreOffice's PDF of the letter (layouts/make.sh): ragged right, a little space between
// paragraphs, superscript references, a page holding more notes than text. What the extraction
// loses (the space, the raised type) the positions and type sizes give back.
BOOST_AUTO_TEST_CASE(the_letter_from_libreoffice_is_read_from_its_positions_and_type) {
  const std::string pdf = read_file(fixtures + "layouts/libreoffice.pdf");
  const std::string text = read_pdf_text(pdf);
  // Superscript references, glued to their word or set a little apart from it.
  BOOST_TEST(text.find("Lvovich\u00B9,") != std::string::npos);
  BOOST_TEST(text.find("due\u00F1os)\u2076.") != std::string::npos);
  // A paragraph set apart by space, after a line that ends a sentence where the next word would
  // have fitted: a blank line; none between the lines of a paragraph.
  BOOST_TEST(text.find("inmediatamente.\n\n\u00BFHa conocido") != std::string::npos);
  BOOST_TEST(text.find("Acabo de recibir su carta. Qu\u00E9 alegr\u00EDa nos ha causado a "
                       "N.I.\u00B2 y a m\u00ED, y c\u00F3mo\nde contentos") != std::string::npos);
  // The first page holds more notes than text: its footnote area is still found by its type.
  BOOST_TEST(text.substr(0, text.find('\f')).find("____") != std::string::npos);
  const Document document = import_pdf(pdf, "libreoffice.pdf");
  BOOST_TEST(document.paragraphs.size() == 12U);
  BOOST_TEST(document.notes.size() == 7U);
}

BOOST_AUTO_TEST_CASE(each_kind_of_unreadable_pdf_is_refused_with_its_reason) {
  BOOST_TEST(contains(refusal("Una carta, no un PDF.\n"), "not a PDF"));
  BOOST_TEST(contains(refusal(""), "not a PDF"));
  BOOST_TEST(contains(refusal(read_file(fixtures + "pdf/encrypted.pdf")), "encrypted"));
  BOOST_TEST(contains(refusal(read_file(fixtures + "pdf/no-pages.pdf")), "no pages"));
  BOOST_TEST(contains(refusal(read_file(fixtures + "pdf/no-text.pdf")), "no text layer"));
  const std::string letter = read_file(fixtures + "layouts/letter-ms.pdf");
  for (const std::size_t size : {std::size_t{9}, std::size_t{400}, letter.size() / 2}) {
    BOOST_TEST_CONTEXT("truncated to " << size) {
      BOOST_TEST(contains(refusal(letter.substr(0, size)), "damaged or truncated"));
    }
  }
  // A header with junk before it is still a PDF; one past the first kilobyte is not.
  BOOST_TEST(refusal(std::string(1000, ' ') + read_file(fixtures + "pdf/two-pages.pdf")).empty());
  BOOST_TEST(contains(refusal(std::string(1100, ' ') + "%PDF-1.4\n"), "not a PDF"));
}

BOOST_AUTO_TEST_CASE(a_pdf_over_the_size_limit_is_refused_before_it_is_parsed) {
  std::string huge = "%PDF-1.4\n";
  huge.resize(largest_pdf + 1, ' ');
  BOOST_TEST(contains(refusal(huge), "PDFs up to 128 MB"));
}

BOOST_AUTO_TEST_CASE(the_input_error_names_the_file) {
  try {
    (void)import_pdf(read_file(fixtures + "pdf/no-text.pdf"), "scan.pdf");
    BOOST_FAIL("a PDF without text was imported");
  } catch (const InputError& error) {
    BOOST_TEST(error.where().file == "scan.pdf");
    BOOST_TEST(contains(error.what(), "scan.pdf"));
    BOOST_TEST(contains(error.what(), "OCR"));
  }
}

namespace {

// The paragraphs and notes of a groff ms source written by bench/import/make_book.py.
struct MsBook {
  std::vector<std::string> paragraphs;
  std::vector<std::string> notes;
};

MsBook read_ms_book(const std::string& source) {
  MsBook book;
  std::vector<std::string> lines;
  std::istringstream in(source);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i] == ".PP") {
      std::string text = lines[i + 1];
      if (text.ends_with("\\**")) text.resize(text.size() - 3);
      book.paragraphs.push_back(text);
    } else if (lines[i] == ".FS") {
      book.notes.push_back(lines[i + 1]);
    }
  }
  return book;
}

// The text without its "[^N]" note calls (std::regex trips GCC 12's -Wmaybe-uninitialized
// under the sanitizers).
std::size_t note_call_length(const std::string& text, std::size_t pos) {
  if (text.compare(pos, 2, "[^") != 0) return 0;
  std::size_t end = pos + 2;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) ++end;
  return end > pos + 2 && end < text.size() && text[end] == ']' ? end + 1 - pos : 0;
}

std::string without_references(const std::string& text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t call = note_call_length(text, pos);
    if (call > 0) {
      pos += call;
    } else {
      out += text[pos++];
    }
  }
  return out;
}

}  // namespace

// groff sets each note number raised, on a line of its own above the note, and a page's number
// at its head, above blank lines; paragraphs run on across pages under it. The made-up book's
// paragraphs and notes come back exactly as its source has them.
BOOST_AUTO_TEST_CASE(a_book_with_raised_note_numbers_comes_back_as_its_source) {
  const MsBook book = read_ms_book(read_file(fixtures + "pdf/book.ms"));
  const Document document = import_pdf(read_file(fixtures + "pdf/book.pdf"), "book.pdf");
  BOOST_REQUIRE_EQUAL(document.paragraphs.size(), book.paragraphs.size() + 2);  // title, author
  for (std::size_t i = 0; i < book.paragraphs.size(); ++i) {
    BOOST_TEST_CONTEXT("paragraph " << i + 1) {
      BOOST_TEST(without_references(document.paragraphs[i + 2].text) == book.paragraphs[i]);
    }
  }
  BOOST_REQUIRE_EQUAL(document.notes.size(), book.notes.size());
  for (std::size_t i = 0; i < book.notes.size(); ++i) {
    BOOST_TEST_CONTEXT("note " << i + 1) {
      BOOST_TEST(document.notes[i].text == book.notes[i]);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_raised_note_number_is_joined_to_the_line_under_it) {
  const auto joined = join_raised_note_numbers(
      read_lines("Texto del libro.4\n   4\n     Una nota.\n\n  12\n\nOtro texto.\n"));
  std::vector<std::string> texts;
  for (const auto& line : joined) texts.push_back(line.text);
  // A number before a blank line, or indented as much as the next line, is left alone.
  BOOST_TEST(texts == (std::vector<std::string>{"Texto del libro.4", "4 Una nota.", "", "12", "",
                                                "Otro texto."}),
             boost::test_tools::per_element());
  const auto centred = join_raised_note_numbers(read_lines("        7\n  El texto sigue.\n"));
  BOOST_TEST(centred.size() == 2U);
  const auto across_page = join_raised_note_numbers(read_lines("  7\n\f     Texto.\n"));
  BOOST_TEST(across_page.front().text == "7");
}

// A paragraph's last line with its note number ("ni.433") is text, however often such lines
// recur: taking them for a running head lost the reference and every note after it.
BOOST_AUTO_TEST_CASE(a_last_line_with_a_note_number_is_not_a_running_head) {
  const auto lines = read_lines("ni.3\nTexto.\nni.4\nCAPÍTULO 3\nCAPÍTULO 4\n");
  BOOST_TEST(find_running_heads(lines) == (std::vector<std::size_t>{3, 4}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_sentence_end_may_carry_a_note_number) {
  BOOST_TEST(ends_sentence_with_reference("ni ga.81"));
  BOOST_TEST(ends_sentence_with_reference("¿nota?5"));
  BOOST_TEST(ends_sentence_with_reference("fin."));
  BOOST_TEST(!ends_sentence_with_reference("CAPÍTULO 3"));
  BOOST_TEST(!ends_sentence_with_reference("1936"));
  BOOST_TEST(!ends_sentence_with_reference(""));
}

namespace {
std::vector<std::string> texts_of(const std::vector<SourceLine>& lines) {
  std::vector<std::string> texts;
  for (const auto& line : lines) texts.push_back(line.text);
  return texts;
}
}  // namespace

// Endnotes set as a list with hanging numbers: a plain extraction gives the numbers as a column,
// then the notes without them. Both notes 1 and 2 end in a full line that ends a sentence; the
// column's spacing ("2." right under "1.") says note 1 has one line, so note 2 starts second.
BOOST_AUTO_TEST_CASE(a_column_of_note_numbers_is_put_back_where_each_note_starts) {
  const std::string full = "Una línea llena de la nota que termina aquí mismo con su punto.";
  const auto attached = attach_note_number_column(read_lines(
      "Notas\n1.\n2.\n\n3.\n\n" + full + "\n" + full + "\nY sigue en otra línea.\n" + "Corta.\n"));
  BOOST_TEST(
      texts_of(attached) == (std::vector<std::string>{"Notas", "1. " + full, "2. " + full,
                                                      "Y sigue en otra línea.", "3. Corta."}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(numbers_that_are_no_notes_column_are_left_alone) {
  // One number only; numbers out of order; numbers with nothing after them; more numbers than
  // lines of text.
  for (const std::string input : {"1.\nTexto.\n", "1.\n3.\nTexto.\n", "Texto.\n1.\n2.\n",
                                  "1.\n2.\n3.\nUna sola línea.\nY otra.\n"}) {
    BOOST_TEST_CONTEXT(input) {
      BOOST_TEST(
          texts_of(attach_note_number_column(read_lines(input))) == texts_of(read_lines(input)),
          boost::test_tools::per_element());
    }
  }
  // The notes of an endnotes page read whole: each number before its note's first line.
  const auto attached =
      attach_note_number_column(read_lines("1.\n2.\nPrimera nota.\nSegunda nota.\n\f3\n"));
  BOOST_TEST(attached.at(0).text == "1. Primera nota.");
  BOOST_TEST(attached.at(1).text == "2. Segunda nota.");
}
