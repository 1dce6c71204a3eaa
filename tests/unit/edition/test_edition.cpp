#define BOOST_TEST_MODULE edition
#include <boost/test/unit_test.hpp>
#include <string>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "alinea/document.hpp"
#include "util/yaml.hpp"

using namespace alinea;

namespace {

SourceRef lifted(std::string_view note) {
  const auto ref = lift_source_ref(note);
  BOOST_TEST_REQUIRE(ref.has_value(), "not lifted: " << note);
  return *ref;
}

bool has_rule(const Diagnostics& findings, std::string_view rule) {
  for (const Diagnostic& d : findings) {
    if (d.rule == rule) return true;
  }
  return false;
}

const Diagnostic& finding(const Diagnostics& findings, std::string_view rule) {
  for (const Diagnostic& d : findings) {
    if (d.rule == rule) return d;
  }
  BOOST_FAIL("no finding " << rule);
  return findings.front();
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_seed_letter_note) {
  const SourceRef ref = lifted(
      "Versión al castellano desde “[Bienvenue à Victor Serge]”, en L. Trotsky (P. Broué dir.), "
      "Oeuvres, Tomo 9, Institut Léon Trotsky – EDI, París, 1980, páginas 213-215; también para "
      "las notas");
  BOOST_TEST(ref.work == "Oeuvres");
  BOOST_TEST(ref.title == "[Bienvenue à Victor Serge]");
  BOOST_TEST(ref.volume.value_or(0) == 9);
  BOOST_TEST(ref.pages.has_value());
  BOOST_TEST(ref.pages->first == 213);
  BOOST_TEST(ref.pages->last == 215);
  BOOST_TEST(ref.notes);
}

BOOST_AUTO_TEST_CASE(french_and_spanish_forms) {
  struct Case {
    std::string_view note;
    std::string_view work;
    long long volume;
    long long first;
    long long last;
    bool notes;
  };
  const Case cases[] = {
      {"L. Trotsky, Œuvres, t. 9, EDI, 1980, p. 213-215", "Œuvres", 9, 213, 215, false},
      {"Œuvres, t. 9, pp. 213–215 (texte et notes)", "Œuvres", 9, 213, 215, true},
      {"*Œuvres*, tome IX, Paris, 1980, p. 17", "Œuvres", 9, 17, 17, false},
      {"en Escritos, tomo XII, págs. 40-52, con las notas", "Escritos", 12, 40, 52, true},
      {"Oeuvres, t.3, pages 1-4; avec les notes", "Oeuvres", 3, 1, 4, true},
      {"Œuvres, vol. 24, p. 100 - 102", "Œuvres", 24, 100, 102, false},
      {"Oeuvres, Tomo 9, página 213", "Oeuvres", 9, 213, 213, false},
      {"Writings, vol. 2, pp. 5-9, with notes", "Writings", 2, 5, 9, true},
  };
  for (const Case& c : cases) {
    const SourceRef ref = lifted(c.note);
    BOOST_TEST(ref.work == c.work, c.note);
    BOOST_TEST(ref.volume.value_or(0) == c.volume, c.note);
    BOOST_TEST_REQUIRE(ref.pages.has_value(), c.note);
    BOOST_TEST(ref.pages->first == c.first, c.note);
    BOOST_TEST(ref.pages->last == c.last, c.note);
    BOOST_TEST(ref.notes == c.notes, c.note);
  }
}

BOOST_AUTO_TEST_CASE(a_reference_without_pages_keeps_its_volume) {
  const SourceRef ref = lifted("Œuvres, tome 9, Institut Léon Trotsky");
  BOOST_TEST(ref.volume.value_or(0) == 9);
  BOOST_TEST(!ref.pages.has_value());
  BOOST_TEST(!ref.notes);
}

BOOST_AUTO_TEST_CASE(notes_denied_are_not_notes) {
  BOOST_TEST(!lifted("Oeuvres, Tomo 9, páginas 213-215; no para las notas").notes);
  BOOST_TEST(!lifted("Œuvres, t. 9, p. 213-215, sans les notes").notes);
  BOOST_TEST(!lifted("Writings, vol. 2, pp. 5-9, without notes").notes);
}

BOOST_AUTO_TEST_CASE(what_is_not_a_reference_is_not_lifted) {
  const std::string_view notes[] = {
      "",
      "Versión al castellano de Germinal",
      "200 páginas impresas",                    // pages, no volume
      "Tomo la palabra para decir que sí",       // the verb, no volume
      "Oeuvres, Tomo 0, páginas 1-2",            // volume zero
      "Oeuvres, tome IIII, p. 3",                // not a Roman numeral
      "Oeuvres, tomes 9 et 10, p. 3",            // two volumes
      "Oeuvres, t. 9, Écrits, t. 2",             // two works
      "Oeuvres, t. 9, p. 215-213",               // a reversed range
      "Oeuvres, t. 9, p. 213, p. 300",           // two page references
      "t. 9, p. 213",                            // no work before the volume
      "Lettre du 24 avril 1936, t. 9",           // the work would be a date
      "L. Trotsky (P. Broué dir.), t. 9, p. 3",  // the work would be the editor
  };
  for (const std::string_view note : notes) {
    BOOST_TEST(!lift_source_ref(note).has_value(), "lifted: " << note);
  }
}

BOOST_AUTO_TEST_CASE(words_that_look_like_markers_do_not_stop_a_reference) {
  // "p. ej." and "vol de nuit" are not pages or volumes.
  const SourceRef ref = lifted("Vol de nuit, p. ej., Oeuvres, t. 9, p. 5");
  BOOST_TEST(ref.work == "Oeuvres");
  BOOST_TEST(ref.pages->first == 5);
}

BOOST_AUTO_TEST_CASE(the_front_matter_gets_source_ref_after_source) {
  Value meta = parse_yaml(
      "id: w\nlang: es\nsource: \"Oeuvres, Tomo 9, páginas 213-215\"\n"
      "translator_contact: x@y.z\n",
      "m.yaml");
  meta = with_source_ref(std::move(meta));
  BOOST_TEST_REQUIRE(meta.members.size() == 5U);
  BOOST_TEST(meta.members[3].first == "source_ref");
  BOOST_TEST(emit_yaml(meta).find("source_ref: {work: Oeuvres, volume: 9, pages: 213-215}\n") !=
             std::string::npos);
  // A reference a person wrote is kept as it is.
  Value written =
      parse_yaml("source: \"Oeuvres, Tomo 9\"\nsource_ref: {work: Obras, volume: 1}\n", "m.yaml");
  written = with_source_ref(std::move(written));
  BOOST_TEST(written.find("source_ref")->find("work")->text == "Obras");
}

BOOST_AUTO_TEST_CASE(a_written_reference_is_read_and_validated) {
  const Document good = parse_document(
      "---\nid: w\nlang: es\nsource_ref: {work: Oeuvres, volume: 9, pages: 213-215, notes: true}\n"
      "---\n\nTexto.\n",
      "es.md");
  const SourceRefRead read = read_source_ref(good);
  BOOST_TEST(read.findings.empty());
  BOOST_TEST_REQUIRE(read.ref.has_value());
  BOOST_TEST(read.ref->volume.value_or(0) == 9);
  BOOST_TEST(read.ref->notes);

  const Document bad = parse_document(
      "---\nid: w\nlang: es\nsource_ref: {work: Oeuvres, volume: IX, pages: 215-213, note: true}\n"
      "---\n\nTexto.\n",
      "es.md");
  const SourceRefRead wrong = read_source_ref(bad);
  const Diagnostic& volume = finding(wrong.findings, "source-ref/bad-volume");
  BOOST_TEST(volume.where.to_string() == "es.md:4:37");
  BOOST_TEST(has_rule(wrong.findings, "source-ref/bad-pages"));
  BOOST_TEST(
      finding(wrong.findings, "source-ref/unknown-key").message.find("did you mean 'notes'") !=
      std::string::npos);
  const Document no_work = parse_document("---\nsource_ref: {volume: 0}\n---\n\nTexto.\n", "es.md");
  const SourceRefRead missing = read_source_ref(no_work);
  BOOST_TEST(has_rule(missing.findings, "source-ref/missing-field"));
  BOOST_TEST(has_rule(missing.findings, "source-ref/bad-volume"));
  BOOST_TEST(!missing.ref.has_value());
}

BOOST_AUTO_TEST_CASE(page_ranges) {
  BOOST_TEST(PageRange::parse("213-215").has_value());
  BOOST_TEST(PageRange::parse("213–215").has_value());
  BOOST_TEST(PageRange::parse(" 7 ")->to_string() == "7");
  BOOST_TEST(!PageRange::parse("0-3").has_value());
  BOOST_TEST(!PageRange::parse("5-3").has_value());
  BOOST_TEST(!PageRange::parse("3-").has_value());
  BOOST_TEST(!PageRange::parse("a-b").has_value());
  BOOST_TEST(!PageRange::parse("1-2-3").has_value());
}

const char* const good_catalogue =
    "alinea: 1\n"
    "title: Œuvres\n"
    "lang: fr\n"
    "names: [Oeuvres]\n"
    "volumes:\n"
    "  - volume: 9\n"
    "    pages: 40\n"
    "    texts:\n"
    "      - {title: Un, date: 1936-04-01, pages: 1-4}\n"
    "      - {title: Deux, date: 1936-04, pages: 4-9}\n"
    "      - {title: Trois, pages: 10}\n";

BOOST_AUTO_TEST_CASE(a_catalogue_is_read) {
  const CatalogueRead read = parse_catalogue(good_catalogue, "editions/oeuvres.yaml");
  BOOST_TEST(read.findings.empty());
  BOOST_TEST_REQUIRE(read.catalogue.has_value());
  const Catalogue& catalogue = *read.catalogue;
  BOOST_TEST(catalogue.id == "oeuvres");
  BOOST_TEST(catalogue.is_named("OEUVRES"));
  BOOST_TEST(catalogue.is_named("œuvres"));
  BOOST_TEST(!catalogue.is_named("Escritos"));
  BOOST_TEST_REQUIRE(catalogue.volume(9) != nullptr);
  BOOST_TEST(catalogue.volume(9)->texts.size() == 3U);
  BOOST_TEST(catalogue.volume(9)->texts[2].pages.to_string() == "10");
  // Written back, it reads the same.
  const CatalogueRead again = parse_catalogue(format_catalogue(catalogue), "editions/oeuvres.yaml");
  BOOST_TEST(again.findings.empty());
  BOOST_TEST(format_catalogue(*again.catalogue) == format_catalogue(catalogue));
}

BOOST_AUTO_TEST_CASE(bad_catalogues_are_findings_with_positions) {
  const std::string text =
      "title: Œuvres\n"
      "lang: fr\n"
      "volumes:\n"
      "  - volume: 9\n"
      "    pages: 40\n"
      "    texts:\n"
      "      - {title: Un, pages: 1-6}\n"
      "      - {title: Deux, pages: 5-9}\n"
      "      - {title: Trois, pages: 38-44}\n"
      "      - {title: Quatre, pages: 2}\n"
      "      - {title: Cinq, date: 1936-13-01, pages: x}\n"
      "      - {pages: 44, titel: Six}\n"
      "  - volume: 9\n"
      "    pages: -3\n"
      "    texts: []\n";
  const CatalogueRead read = parse_catalogue(text, "editions/e.yaml");
  BOOST_TEST(finding(read.findings, "edition/overlapping-pages").where.to_string() ==
             "editions/e.yaml:8:30");
  BOOST_TEST(finding(read.findings, "edition/past-volume-end").where.to_string() ==
             "editions/e.yaml:9:31");
  BOOST_TEST(finding(read.findings, "edition/out-of-order").where.to_string() ==
             "editions/e.yaml:10:32");
  BOOST_TEST(has_rule(read.findings, "edition/bad-pages"));
  BOOST_TEST(has_rule(read.findings, "edition/bad-value"));
  BOOST_TEST(finding(read.findings, "edition/unknown-key").message.find("did you mean 'title'") !=
             std::string::npos);
  BOOST_TEST(finding(read.findings, "edition/missing-field").where.line == 12U);
  BOOST_TEST(finding(read.findings, "edition/duplicate-volume").where.line == 13U);
}

BOOST_AUTO_TEST_CASE(a_catalogue_that_is_not_yaml_is_a_finding) {
  const CatalogueRead read = parse_catalogue("title: [unclosed\n", "editions/e.yaml");
  BOOST_TEST(!read.catalogue.has_value());
  BOOST_TEST(finding(read.findings, "yaml/syntax").where.file == "editions/e.yaml");
  const CatalogueRead alias = parse_catalogue("a: &x 1\nb: *x\n", "editions/e.yaml");
  BOOST_TEST(has_rule(alias.findings, "yaml/syntax"));
  const CatalogueRead list = parse_catalogue("- 1\n", "editions/e.yaml");
  BOOST_TEST(has_rule(list.findings, "edition/wrong-type"));
}

BOOST_AUTO_TEST_CASE(a_table_of_contents_becomes_a_catalogue) {
  TocOptions options;
  options.id = "oeuvres";
  options.title = "Œuvres";
  options.lang = "fr";
  options.source_name = "toc.txt";
  const Catalogue catalogue = catalogue_from_toc(
      "Tome 9 .......... 40\n"
      "Un premier texte ........ 1er avril 1936 ........ 1\n"
      "Lettre à V. Serge\t24 avril 1936\t5\n"
      "Carta  24 de abril de 1936  5\n"
      "Sans date ..... 12\n"
      "\n"
      "Tome 10\n"
      "Dernier … 1936 … 3\n",
      options);
  BOOST_TEST_REQUIRE(catalogue.volumes.size() == 2U);
  const CatalogueVolume& nine = catalogue.volumes[0];
  BOOST_TEST(nine.page_count == 40);
  BOOST_TEST_REQUIRE(nine.texts.size() == 4U);
  BOOST_TEST(nine.texts[0].date == "1936-04-01");
  BOOST_TEST(nine.texts[0].pages.to_string() == "1-4");
  BOOST_TEST(nine.texts[1].title == "Lettre à V. Serge");
  BOOST_TEST(nine.texts[1].pages.to_string() == "5");  // the next starts on the same page
  BOOST_TEST(nine.texts[2].date == "1936-04-24");
  BOOST_TEST(nine.texts[2].pages.to_string() == "5-11");
  BOOST_TEST(nine.texts[3].date.empty());
  BOOST_TEST(nine.texts[3].pages.to_string() == "12-40");
  BOOST_TEST(catalogue.volumes[1].texts[0].pages.to_string() == "3");
  BOOST_TEST(
      parse_catalogue(format_catalogue(catalogue), "editions/oeuvres.yaml").findings.empty());
}

BOOST_AUTO_TEST_CASE(a_bad_table_of_contents_names_its_line) {
  TocOptions options;
  options.title = "Œuvres";
  options.lang = "fr";
  options.source_name = "toc.txt";
  const auto error_at = [&](std::string_view toc) -> std::string {
    try {
      (void)catalogue_from_toc(toc, options);
    } catch (const InputError& error) {
      return error.where().to_string();
    }
    return "no error";
  };
  BOOST_TEST(error_at("Un ..... 1936 ..... 1\n") == "toc.txt:1:1");  // no volume
  BOOST_TEST(error_at("Tome 9\nUn ..... 1936 ..... 5\nDeux ..... 1936 ..... 3\n") ==
             "toc.txt:3:23");
  BOOST_TEST(error_at("Tome 9\nUn ..... le printemps ..... 5\n") == "toc.txt:2:10");
  BOOST_TEST(error_at("Tome 9\nUn texte sans page\n") == "toc.txt:2:1");
  BOOST_TEST(error_at("") == "toc.txt");
  options.volume = 9;
  options.page_count = 10;
  BOOST_TEST(error_at("Un ..... 1936 ..... 12\n") == "toc.txt:1");
}

BOOST_AUTO_TEST_CASE(importing_markdown_lifts_the_reference_too) {
  ImportOptions options;
  options.lang = "es";
  options.format = ImportFormat::markdown;
  options.source_name = "es.md";
  const std::string input =
      "---\nid: w\nlang: es\nsource: \"Oeuvres, Tomo 9, páginas 213-215\"\n---\n\nTexto.\n";
  const auto imported = import_document(input, options);
  const std::string written = format_document(imported);
  BOOST_TEST(written.find("source_ref: {work: Oeuvres, volume: 9, pages: 213-215}\n") !=
             std::string::npos);
}
