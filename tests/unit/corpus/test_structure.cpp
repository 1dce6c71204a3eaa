// Headings, block quotations and list items in corpus documents: what the reader takes as
// structure and what it leaves as text, ids, positions, and read → write → read.
#define BOOST_TEST_MODULE structure
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "command_output.hpp"
#include "missing_tool.hpp"

using namespace alinea;

namespace {

Document read(const std::string& body) {
  return parse_document("---\nid: w\nlang: es\n---\n\n" + body, "s.md");
}

// "kind:level:marker:text" per block, to compare a document's blocks in one assertion.
std::vector<std::string> blocks(const Document& document) {
  std::vector<std::string> out;
  for (const Paragraph& p : document.paragraphs) {
    out.push_back(std::string(block_kind_name(p.kind)) + ":" + std::to_string(p.level) + ":" +
                  p.marker + ":" + p.text);
  }
  return out;
}

using Blocks = std::vector<std::string>;

// Written and read again, the document has the same blocks, ids and notes, and writing it again
// gives the same bytes.
void check_round_trip(const Document& document) {
  const std::string written = format_document(document);
  const Document again = parse_document(written, "again.md");
  BOOST_TEST(blocks(again) == blocks(document));
  BOOST_REQUIRE(again.paragraphs.size() == document.paragraphs.size());
  for (std::size_t i = 0; i < again.paragraphs.size(); ++i) {
    BOOST_TEST(again.paragraphs[i].id == document.paragraphs[i].id);
    BOOST_TEST(again.paragraphs[i].note_ids == document.paragraphs[i].note_ids);
  }
  BOOST_TEST(again.notes.size() == document.notes.size());
  BOOST_TEST(format_document(again) == written);
}

const char* const sample =
    "# Carta a los obreros\n\n"
    "Queridos camaradas[^1]:\n\n"
    "> Primer párrafo de la carta\n> citada.\n>\n> Segundo párrafo[^2].\n\n"
    "Pedimos:\n\n"
    "1. la jornada de ocho horas;\n"
    "2. el control obrero\n   de la producción;\n\n"
    "    Una explicación del punto dos.\n\n"
    "3) la libertad de prensa.\n\n"
    "- uno\n  - uno y medio\n- dos\n\n"
    "## Final ##\n"
    "Saludos.\n\n"
    "[^1]: Una nota.\n\n[^2]: Otra nota.\n";

}  // namespace

BOOST_AUTO_TEST_CASE(each_kind_is_read_with_its_level_and_marker) {
  const Document document = read(sample);
  BOOST_TEST(blocks(document) == (Blocks{
                                     "heading:1::Carta a los obreros",
                                     "paragraph:0::Queridos camaradas[^1]:",
                                     "quote:0::Primer párrafo de la carta citada.",
                                     "quote:0::Segundo párrafo[^2].",
                                     "paragraph:0::Pedimos:",
                                     "list-item:1:1.:la jornada de ocho horas;",
                                     "list-item:1:2.:el control obrero de la producción;",
                                     "list-item:1::Una explicación del punto dos.",
                                     "list-item:1:3):la libertad de prensa.",
                                     "list-item:1:-:uno",
                                     "list-item:2:-:uno y medio",
                                     "list-item:1:-:dos",
                                     "heading:2::Final",
                                     "paragraph:0::Saludos.",
                                 }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ids_are_positional_over_all_blocks) {
  const Document document = read(sample);
  for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
    BOOST_TEST(document.paragraphs[i].id == "p" + std::to_string(i + 1));
  }
  BOOST_TEST(document.paragraphs[3].note_ids == std::vector<std::string>{"n2"});
  BOOST_TEST(block_kind_name(document.find_paragraph("p13")->kind) == "heading");
  // A document without structure keeps the ids it always had.
  const Document plain = read("Uno.\n\nDos\ntres.\n\nCuatro.\n");
  BOOST_TEST(blocks(plain) ==
             (Blocks{"paragraph:0::Uno.", "paragraph:0::Dos tres.", "paragraph:0::Cuatro."}));
}

BOOST_AUTO_TEST_CASE(markers_inside_running_text_stay_text) {
  // After a soft line break a heading, a quotation or a list needs a blank line first (Pandoc).
  const Document document =
      read("Llegó en\n1936. Después\n- dijo - se fue\n# 3 veces\n> más.\n\n1936. Otro año.\n");
  BOOST_TEST(blocks(document) ==
             (Blocks{"paragraph:0::Llegó en 1936. Después - dijo - se fue # 3 veces > más.",
                     "list-item:1:1936.:Otro año."}));
  // Neither "#x", seven '#', a heading with no title, a lone marker nor "1936." alone.
  const Document not_markers = read("#x\n\n####### siete\n\n# ##\n\n-\n\n1936.\n\n-x\n\n1.5 kg\n");
  BOOST_TEST(
      blocks(not_markers) ==
      (Blocks{"paragraph:0::#x", "paragraph:0::####### siete", "paragraph:0::# ##",
              "paragraph:0::-", "paragraph:0::1936.", "paragraph:0::-x", "paragraph:0::1.5 kg"}));
  // Escaped markers are text, as the importers write them.
  const Document escaped = read("\\# no\n\n1936\\. Año\n\n\\- no\n\n\\> no\n");
  for (const Paragraph& p : escaped.paragraphs) BOOST_TEST(block_kind_name(p.kind) == "paragraph");
  check_round_trip(not_markers);
  check_round_trip(escaped);
}

// A lone marker on a paragraph's first line is text, and so is the paragraph it starts once its
// lines are joined ("- ra"): written back, the marker keeps its own line (found by fuzzing).
BOOST_AUTO_TEST_CASE(a_lone_marker_then_more_lines_stays_a_paragraph) {
  const Document document = read("-\nra\n\n#\nfoo\n\n1936.\nAño.\n\n# ##\nx\n\n- a\n\n  -\n  b\n");
  BOOST_TEST(blocks(document) ==
                 (Blocks{"paragraph:0::- ra", "paragraph:0::# foo", "paragraph:0::1936. Año.",
                         "paragraph:0::# ## x", "list-item:1:-:a", "list-item:1::- b"}),
             boost::test_tools::per_element());
  BOOST_TEST(format_document(document).find("\n-\nra\n") != std::string::npos);
  check_round_trip(document);
}

// "##   #" is no heading (it has no title), but "##   # --" would be one: the line breaks after
// the spaces, which a break inside them would lose (found by fuzzing).
BOOST_AUTO_TEST_CASE(a_titleless_heading_line_keeps_its_spaces) {
  const Document document = read("##   #\n--\n");
  BOOST_TEST(blocks(document) == (Blocks{"paragraph:0::##   # --"}));
  BOOST_TEST(format_document(document).find("\n##   #\n--\n") != std::string::npos);
  check_round_trip(document);
}

// Inside a list item "## + b" is text (no heading starts there), but written as "##" then
// "+ b" the second line would start an item: the break goes after "+"; and "- - c" takes three
// lines (found by fuzzing).
BOOST_AUTO_TEST_CASE(a_further_paragraph_of_an_item_is_not_broken_before_a_marker) {
  const Document document = read("- a\n\n  ## + b\n\n  -\n  -\n  c\n");
  BOOST_TEST(
      blocks(document) == (Blocks{"list-item:1:-:a", "list-item:1::## + b", "list-item:1::- - c"}),
      boost::test_tools::per_element());
  check_round_trip(document);
}

BOOST_AUTO_TEST_CASE(headings_end_after_one_line_and_lose_their_closing_run) {
  const Document document = read("### Título ###\nTexto.\n\n# C# y F# #\n\n# # #\n");
  BOOST_TEST(blocks(document) == (Blocks{"heading:3::Título", "paragraph:0::Texto.",
                                         "heading:1::C# y F#", "heading:1::#"}));
  const std::string written = format_document(document);
  BOOST_TEST(written.find("\n# C# y F# #\n") != std::string::npos);
  check_round_trip(document);
}

BOOST_AUTO_TEST_CASE(quotations_hold_paragraphs_lazy_lines_and_lists) {
  const Document document = read(
      "> Uno\nsigue sin marca.\n>\n> Dos.\n\n> Otra cita.\n\nTexto.\n\n> - punto\n> - otro\n"
      "> 1936. no\n");
  BOOST_TEST(
      blocks(document) == (Blocks{"quote:0::Uno sigue sin marca.", "quote:0::Dos.",
                                  "quote:0::Otra cita.", "paragraph:0::Texto.", "quote:0::- punto",
                                  "quote:0::- otro", "quote:0::1936. no"}),
      boost::test_tools::per_element());
  // Adjacent quotation paragraphs are written as one quotation.
  BOOST_TEST(format_document(document).find(
                 "> Uno sigue sin marca.\n>\n> Dos.\n>\n> Otra cita.\n") != std::string::npos);
  check_round_trip(document);
}

BOOST_AUTO_TEST_CASE(list_items_nest_by_indentation_and_hold_further_paragraphs) {
  const Document document = read(
      "* a\n    + b\n        1. c\n  d sigue\n- e\n\n  Segundo párrafo de e.\n\n"
      "      1) f\n\nFuera.\n\n    - g\n");
  BOOST_TEST(
      blocks(document) == (Blocks{"list-item:1:*:a", "list-item:2:+:b", "list-item:3:1.:c d sigue",
                                  "list-item:1:-:e", "list-item:1::Segundo párrafo de e.",
                                  "list-item:2:1):f", "paragraph:0::Fuera.", "list-item:1:-:g"}),
      boost::test_tools::per_element());
  check_round_trip(document);
}

BOOST_AUTO_TEST_CASE(notes_and_front_matter_keep_working_around_structure) {
  const Document document = read(
      "- Punto[^a].\n\n[^a]: La nota\n    sigue.\n\n> Cita[^b].\n\n[^b]: Otra.\n\n"
      "1. tras las notas\n");
  BOOST_TEST(document.id == "w");
  BOOST_TEST(blocks(document) == (Blocks{"list-item:1:-:Punto[^a].", "quote:0::Cita[^b].",
                                         "list-item:1:1.:tras las notas"}));
  BOOST_REQUIRE(document.notes.size() == 2U);
  BOOST_TEST(document.notes[0].text == "La nota sigue.");
  BOOST_TEST(document.paragraphs[1].note_ids == std::vector<std::string>{"nb"});
  BOOST_CHECK_THROW((void)read("# Título[^9]\n"), InputError);
  check_round_trip(document);
}

BOOST_AUTO_TEST_CASE(blocks_know_where_their_text_starts) {
  Document document = read(sample);
  const auto at = [&](const char* id) {
    const SourcePosition where = unit_position(document, *UnitRef::parse(id));
    return std::pair{where.line, where.column};
  };
  using Place = std::pair<std::size_t, std::size_t>;
  BOOST_TEST((at("p1") == Place{6, 3}));    // after "# "
  BOOST_TEST((at("p3") == Place{10, 3}));   // after "> "
  BOOST_TEST((at("p6") == Place{17, 4}));   // after "1. "
  BOOST_TEST((at("p11") == Place{26, 5}));  // after "  - "
  document.paragraphs[2].sentences = {"Primer párrafo de la carta", "citada."};
  BOOST_TEST((at("p3.s2") == Place{11, 3}));
}

BOOST_AUTO_TEST_CASE(the_whole_sample_round_trips) {
  const Document document = read(sample);
  check_round_trip(document);
  const std::string written = format_document(document);
  BOOST_TEST(written.find("\n1. la jornada de ocho horas;\n2. el control obrero de la "
                          "producción;\n\n   Una explicación del punto dos.\n3) la") !=
             std::string::npos);
  BOOST_TEST(written.find("\n- uno\n  - uno y medio\n- dos\n") != std::string::npos);
}

// Blocks made in code (importers) with levels that skip or markers missing still write a file
// that reads back as a document.
BOOST_AUTO_TEST_CASE(blocks_made_in_code_are_written_readably) {
  Document document;
  document.lang = "es";
  Paragraph deep;
  deep.id = "p1";
  deep.text = "hondo";
  deep.kind = BlockKind::list_item;
  deep.level = 3;
  deep.marker = "-";
  Paragraph heading;
  heading.id = "p2";
  heading.text = "Título";
  heading.kind = BlockKind::heading;
  heading.level = 9;
  document.paragraphs = {deep, heading};
  const Document again = parse_document(format_document(document), "built.md");
  BOOST_TEST(blocks(again) == (Blocks{"list-item:1:-:hondo", "heading:6::Título"}));
}

// Pandoc, the reference reader of the format, sees the same blocks in the test pair's French
// text and in the sample: headings, quotation paragraphs, list items (nested ones included) and
// paragraphs, in the same order.
namespace {

std::string pandoc_json(const std::string& markdown) {
  const std::string path = "structure-pandoc-input.md";
  std::FILE* file = std::fopen(path.c_str(), "w");
  BOOST_REQUIRE(file != nullptr);
  std::fwrite(markdown.data(), 1, markdown.size(), file);
  std::fclose(file);
  const std::string output = testing::output_of("pandoc -f markdown -t json " + path);
  std::remove(path.c_str());
  return output;
}

// Pandoc's blocks as the kinds alinea gives them: a paragraph inside a list item is the item
// (its first) or a further paragraph of it.
void pandoc_kinds(const nlohmann::json& blocks, const std::string& container, int depth,
                  Blocks& out) {
  for (const auto& block : blocks) {
    const std::string type = block.at("t");
    if (type == "Header") {
      out.push_back("heading:" + std::to_string(block.at("c").at(0).get<int>()));
    } else if (type == "Para" || type == "Plain") {
      const bool first_of_item = !out.empty() && out.back() == "open";
      if (!out.empty() && out.back() == "open") out.pop_back();
      out.push_back(container == "quote" ? std::string("quote:0")
                    : container == "item"
                        ? "list-item:" + std::to_string(depth) + (first_of_item ? "" : ":more")
                        : std::string("paragraph:0"));
    } else if (type == "BlockQuote") {
      pandoc_kinds(block.at("c"), "quote", 0, out);
    } else if (type == "BulletList" || type == "OrderedList") {
      const auto& items = type == "BulletList" ? block.at("c") : block.at("c").at(1);
      for (const auto& item : items) {
        out.push_back("open");
        pandoc_kinds(item, "item", depth + 1, out);
      }
    }
  }
}

Blocks alinea_kinds(const Document& document) {
  Blocks out;
  for (const Paragraph& p : document.paragraphs) {
    std::string kind = std::string(block_kind_name(p.kind)) + ":" + std::to_string(p.level);
    if (p.kind == BlockKind::list_item && p.marker.empty()) kind += ":more";
    out.push_back(kind);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(pandoc_reads_the_same_blocks) {
  if (std::system("pandoc --version > /dev/null 2>&1") != 0) {
    alinea::testing::missing_tool("pandoc");
    return;
  }
  const Document pair = read_document(std::string(ALINEA_TEST_DATA) + "/fixtures/structure/fr.md");
  const Document sample_document = read(sample);
  for (const Document* document : {&pair, &sample_document}) {
    const auto json = nlohmann::json::parse(pandoc_json(format_document(*document)));
    Blocks pandoc;
    pandoc_kinds(json.at("blocks"), "", 0, pandoc);
    BOOST_TEST(pandoc == alinea_kinds(*document), boost::test_tools::per_element());
  }
}
