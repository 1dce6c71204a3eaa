#define BOOST_TEST_MODULE check
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <ctime>
#include <filesystem>
#include <ostream>
#include <string>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "alinea/segment.hpp"
#include "check/check_qa.hpp"
#include "missing_tool.hpp"
#include "util/yaml.hpp"

using namespace alinea;
namespace fs = std::filesystem;

namespace alinea {
std::ostream& operator<<(std::ostream& out, Severity severity) {
  return out << to_string(severity);
}
}  // namespace alinea

namespace {

Document document(const std::string& lang, const std::string& body) {
  Document d = parse_document("---\nid: w\nlang: " + lang + "\n---\n\n" + body, lang + ".md");
  segment_document(d);
  return d;
}

const std::string french_body =
    "Le 24 avril 1936, Victor Serge arriva à Bruxelles[^1].\n\n"
    "Blumkine fut fusillé. Boutov mourut en prison. Qui l'a voulu ?\n\n"
    "Il y avait 1 000 ouvriers et 1,5 tonne de papier.\n\n"
    "Préface de l'éditeur.\n\n"
    "[^1]: Voir la lettre de Trotsky.\n";
const std::string spanish_body =
    "El 24 de abril de 1936, Victor Serge llegó a Bruselas[^1].\n\n"
    "Blumkin fue fusilado. Butov murió en la cárcel. ¿Quién lo quiso?\n\n"
    "Había 1.000 obreros y 1.5 toneladas de papel.\n\n"
    "[^1]: Ver la carta de Trotsky.\n";

const std::string header =
    "alinea: 1\nsource: {path: fr.md, lang: fr}\ntarget: {path: es.md, lang: es}\n";

Diagnostics check(const std::string& links, const std::string& source_body = french_body,
                  const std::string& target_body = spanish_body,
                  const CheckSettings& settings = {}) {
  const AlignmentReadResult read = parse_alignment(header + links, "a.yaml");
  BOOST_TEST_INFO("schema findings: " << format_text_report(read.diagnostics));
  BOOST_TEST(read.diagnostics.empty());
  return check_alignment(read.alignment, document("fr", source_body), document("es", target_body),
                         settings);
}

// The pointers point into `diagnostics`: keep a named copy alive while they are used, or use them
// within one full expression (ASan found a pointer kept past its temporary).
std::vector<const Diagnostic*> with_rule(const Diagnostics& diagnostics, const std::string& rule) {
  std::vector<const Diagnostic*> found;
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == rule) found.push_back(&d);
  }
  return found;
}

const std::string complete_links =
    "notes:\n"
    "  - link: {src: [n1], tgt: [n1], status: auto, confidence: 0.9}\n"
    "paragraphs:\n"
    "  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
    "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9}\n"
    "  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.9}\n"
    "  - link: {src: [p4], tgt: [], status: reviewed, omitted: \"editor's preface\"}\n";

}  // namespace

BOOST_AUTO_TEST_CASE(a_sound_alignment_has_no_findings) {
  const Diagnostics findings = check(complete_links);
  BOOST_TEST_INFO(format_text_report(findings));
  BOOST_TEST(findings.empty());
}

BOOST_AUTO_TEST_CASE(unknown_units_are_errors_with_position) {
  const Diagnostics findings =
      check(complete_links + "  - link: {src: [p9], tgt: [p7], status: auto, confidence: 0.5}\n");
  const auto unknown = with_rule(findings, "reference/unknown-unit");
  BOOST_TEST_REQUIRE(unknown.size() == 2U);
  BOOST_TEST(unknown[0]->where.file == "a.yaml");
  BOOST_TEST(unknown[0]->where.line == 11U);
  BOOST_TEST(unknown[0]->severity == Severity::error);
  BOOST_TEST(unknown[0]->units.at(0) == "es:p7");  // sorted by message
  BOOST_TEST(unknown[1]->units.at(0) == "fr:p9");
}

BOOST_AUTO_TEST_CASE(a_unit_linked_twice) {
  const Diagnostics findings =
      check(complete_links + "  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.5}\n");
  const auto duplicates = with_rule(findings, "structure/duplicate-link");
  BOOST_TEST(duplicates.size() == 2U);  // both sides
  BOOST_TEST(duplicates.at(0)->message.find("line 9") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(overlapping_and_crossing_links) {
  const std::string links =
      "paragraphs:\n"
      "  - link: {src: [p1, p3], tgt: [p1], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p2], tgt: [p3], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p4], tgt: [p2], status: auto, confidence: 0.9}\n";
  const Diagnostics findings = check(links);
  BOOST_TEST(with_rule(findings, "structure/overlapping-links").size() == 1U);
  const auto crossing = with_rule(findings, "structure/crossing-links");
  BOOST_TEST_REQUIRE(crossing.size() == 1U);
  BOOST_TEST(crossing[0]->severity == Severity::warning);
  BOOST_TEST(crossing[0]->where.line == 7U);
}

BOOST_AUTO_TEST_CASE(sentence_links_outside_their_link_when_built_in_code) {
  Alignment alignment;
  alignment.path = "a.yaml";
  Link link;
  link.source = {"p1"};
  link.target = {"p1"};
  Link sentence;
  sentence.source = {"p2.s1"};
  sentence.target = {"p1.s1"};
  link.sentences.push_back(sentence);
  alignment.paragraphs.push_back(link);
  const Diagnostics findings =
      check_alignment(alignment, document("fr", french_body), document("es", spanish_body));
  BOOST_TEST(with_rule(findings, "structure/sentence-outside-link").size() == 1U);
}

BOOST_AUTO_TEST_CASE(unlinked_units_on_both_sides) {
  const std::string links =
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p4], tgt: [], status: reviewed, omitted: preface}\n";
  const Diagnostics findings = check(links);
  const auto source = with_rule(findings, "coverage/unlinked-source");
  BOOST_TEST_REQUIRE(source.size() == 2U);  // p2 to p3 in one finding, then n1
  const Diagnostic* run = source[0]->units.size() == 2U ? source[0] : source[1];
  BOOST_TEST(run->units.size() == 2U);
  BOOST_TEST(run->message.find("fr:p2 to fr:p3") != std::string::npos);
  BOOST_TEST(run->where.line == 6U);  // at the link that follows the gap
  BOOST_TEST(with_rule(findings, "coverage/unlinked-target").size() == 2U);
}

BOOST_AUTO_TEST_CASE(sentences_left_out_of_sentence_links) {
  const std::string links =
      "notes:\n"
      "  - link: {src: [n1], tgt: [n1], status: auto, confidence: 0.9}\n"
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9}\n"
      "    sentences:\n"
      "      - {src: [p2.s1], tgt: [p2.s1], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p4], tgt: [], status: reviewed, omitted: preface}\n";
  const Diagnostics findings = check(links);
  const auto missing = with_rule(findings, "coverage/unlinked-sentence");
  BOOST_TEST_REQUIRE(missing.size() == 1U);
  BOOST_TEST(missing[0]->units.size() == 2U);
  BOOST_TEST(missing[0]->severity == Severity::note);
}

BOOST_AUTO_TEST_CASE(drift_is_an_error_for_reviewed_links_only) {
  const Document french = document("fr", french_body);
  const Document spanish = document("es", spanish_body);
  const std::string good_fp = text_fingerprint(french.paragraphs[0].text);
  const std::string good_tfp = text_fingerprint(spanish.paragraphs[0].text);
  const std::string links =
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: reviewed, fp: [" +
      good_fp + ", " + good_tfp +
      "]}\n"
      "  - link: {src: [p2], tgt: [p2], status: reviewed, fp: [00000000, 00000000]}\n"
      "  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.9, fp: [00000000, \"\"]}\n";
  const Diagnostics findings = check(links);
  const auto reviewed = with_rule(findings, "drift/reviewed-text-changed");
  BOOST_TEST_REQUIRE(reviewed.size() == 1U);
  BOOST_TEST(reviewed[0]->where.line == 6U);
  BOOST_TEST(reviewed[0]->severity == Severity::error);
  const auto automatic = with_rule(findings, "drift/text-changed");
  BOOST_TEST_REQUIRE(automatic.size() == 1U);
  BOOST_TEST(automatic[0]->severity == Severity::warning);
}

// A change of the translation alone is drift too, named as such; an empty target recorded as ""
// stays in step.
BOOST_AUTO_TEST_CASE(drift_on_the_target_side_only) {
  const Document french = document("fr", french_body);
  const Document spanish = document("es", spanish_body);
  const std::string source_fp = text_fingerprint(french.paragraphs[0].text);
  const std::string target_fp = text_fingerprint(spanish.paragraphs[2].text);
  const std::string links =
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: reviewed, fp: [" +
      source_fp + ", 00000000]}\n" +
      "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9, fp: [" +
      text_fingerprint(french.paragraphs[1].text) + ", 00000000]}\n" +
      "  - link: {src: [p3], tgt: [p3], status: reviewed, fp: [\"\", " + target_fp + "]}\n";
  const Diagnostics findings = check(links);
  const auto reviewed = with_rule(findings, "drift/reviewed-text-changed");
  BOOST_TEST_REQUIRE(reviewed.size() == 1U);
  BOOST_TEST(reviewed[0]->where.line == 5U);
  BOOST_TEST(reviewed[0]->message.find("the target text changed") == 0U);
  const auto automatic = with_rule(findings, "drift/text-changed");
  BOOST_TEST_REQUIRE(automatic.size() == 1U);
  BOOST_TEST(automatic[0]->where.line == 6U);
  BOOST_TEST(automatic[0]->message.find("the target text changed") == 0U);
}

// QA, on texts directly.
namespace {
Diagnostics qa(const std::string& source, const std::string& target,
               const CheckSettings& settings = {}) {
  return check_translation({source, target, "fr", "es"}, settings, {"a.yaml", 3, 5},
                           {"fr:p1", "es:p1"});
}
bool flags(const Diagnostics& findings, const std::string& rule) {
  return !with_rule(findings, rule).empty();
}
}  // namespace

BOOST_AUTO_TEST_CASE(numbers_tolerate_separators) {
  BOOST_TEST(!flags(qa("En 1936, 1 000 hommes.", "En 1936, 1.000 hombres."), "qa/number-mismatch"));
  BOOST_TEST(!flags(qa("Il pesait 1,5 tonne.", "Pesaba 1.5 toneladas."), "qa/number-mismatch"));
  BOOST_TEST(!flags(qa("12 500 francs", "12.500 francos"), "qa/number-mismatch"));
  BOOST_TEST(!flags(qa("1\u202F000 francs", "1000 francos"), "qa/number-mismatch"));
  const Diagnostics wrong = qa("En 1936, il partit.", "En 1963, partió.");
  const auto found = with_rule(wrong, "qa/number-mismatch");
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0]->message.find("1936") != std::string::npos);
  BOOST_TEST(found[0]->message.find("1963") != std::string::npos);
  BOOST_TEST(found[0]->where.line == 3U);
  BOOST_TEST(found[0]->units.size() == 2U);
  BOOST_TEST(flags(qa("Trois ans : 1934, 1935.", "Tres años: 1934."), "qa/number-mismatch"));
}

BOOST_AUTO_TEST_CASE(number_readings_keep_both_interpretations) {
  const auto readings = number_readings("1.500 et 3,25 et 7");
  BOOST_TEST_REQUIRE(readings.size() == 3U);
  BOOST_TEST((readings[0] == std::vector<std::string>{"1500", "1.5"}));
  BOOST_TEST((readings[1] == std::vector<std::string>{"3.25"}));
  BOOST_TEST((readings[2] == std::vector<std::string>{"7"}));
  BOOST_TEST(number_readings("fin. 12").size() == 1U);
}

BOOST_AUTO_TEST_CASE(names_tolerate_accents_and_transliteration) {
  BOOST_TEST(same_name("Blumkin", "Blumkine"));
  BOOST_TEST(same_name("Butov", "Boutov"));
  BOOST_TEST(same_name("Zinóviev", "Zinoviev"));
  BOOST_TEST(same_name("Trotsky", "Trotski"));
  BOOST_TEST(!same_name("Serge", "Blum"));
  BOOST_TEST(!flags(qa("Hier, Blumkine et Boutov sont venus.", "Ayer vinieron Blumkin y Butov."),
                    "qa/name-mismatch"));
  const Diagnostics findings = qa("Hier, Blumkine et Kamenev sont venus.", "Ayer vino Blumkin.");
  const auto missing = with_rule(findings, "qa/name-mismatch");
  BOOST_TEST_REQUIRE(missing.size() == 1U);
  BOOST_TEST(missing[0]->message.find("Kamenev") != std::string::npos);
  // A capital at the start of a sentence is not a name.
  BOOST_TEST(
      !flags(qa("Hier il vint. Demain aussi.", "Vino ayer. También mañana."), "qa/name-mismatch"));
}

BOOST_AUTO_TEST_CASE(note_references_must_agree) {
  BOOST_TEST(!flags(qa("Texte[^1].", "Texto[^1]."), "qa/note-mismatch"));
  const Diagnostics findings = qa("Texte[^1] et[^2].", "Texto[^1].");
  const auto found = with_rule(findings, "qa/note-mismatch");
  BOOST_TEST_REQUIRE(found.size() == 1U);
  BOOST_TEST(found[0]->message.find("[^2]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(spanish_marks_questions_and_exclamations) {
  BOOST_TEST(!flags(qa("Qui ?", "¿Quién?"), "qa/unpaired-spanish-mark"));
  BOOST_TEST(flags(qa("Qui ?", "Quién?"), "qa/unpaired-spanish-mark"));
  BOOST_TEST(flags(qa("Vive la révolution !", "Viva la revolución!"), "qa/unpaired-spanish-mark"));
  // An untranslated quotation is reported once, as identical, not as Spanish without its marks.
  const Diagnostics untranslated = qa("« Prolétaires de tous les pays, unissez-vous ! »",
                                      "« Prolétaires de tous les pays, unissez-vous ! »");
  BOOST_TEST(flags(untranslated, "qa/identical"));
  BOOST_TEST(!flags(untranslated, "qa/unpaired-spanish-mark"));
  BOOST_TEST(flags(qa("Qui est venu ?", "Vino alguien."), "qa/question-mismatch"));
  BOOST_TEST(!flags(qa("Qui est venu ?", "¿Quién vino?"), "qa/question-mismatch"));
  BOOST_TEST(flags(qa("Assez !", "Basta."), "qa/exclamation-mismatch"));
}

BOOST_AUTO_TEST_CASE(length_identity_and_emptiness) {
  const std::string long_source =
      "Une phrase assez longue pour que le rapport des longueurs soit mesuré ici.";
  BOOST_TEST(flags(qa(long_source, "Corta."), "qa/length-ratio"));
  BOOST_TEST(
      !flags(qa(long_source, "Una frase bastante larga para que la razón de longitudes se mida."),
             "qa/length-ratio"));
  BOOST_TEST(!flags(qa("Oui.", "Sí, claro que sí, por supuesto."), "qa/length-ratio"));
  BOOST_TEST(flags(qa("Il est venu hier soir.", "Il est venu hier soir."), "qa/identical"));
  BOOST_TEST(!flags(qa("L. Trotsky", "L. Trotsky"), "qa/identical"));
  BOOST_TEST(flags(qa("Il est venu.", "  "), "qa/empty-target"));
}

BOOST_AUTO_TEST_CASE(an_unexplained_empty_target_is_reported) {
  const std::string links = complete_links +
                            "  - link: {src: [], tgt: [p4], status: auto, "
                            "confidence: 0.4}\n";
  // p4 of the target does not exist: an unknown unit, and nothing else about the addition.
  BOOST_TEST(with_rule(check(links), "reference/unknown-unit").size() == 1U);
  const std::string unexplained =
      "paragraphs:\n"
      "  - link: {src: [p4], tgt: [], status: auto, confidence: 0.4}\n";
  BOOST_TEST(with_rule(check(unexplained), "qa/empty-target").size() == 1U);
}

BOOST_AUTO_TEST_CASE(settings_turn_rules_off_and_change_thresholds) {
  const Value yaml = parse_yaml(
      "rules: {qa/number-mismatch: off, qa/name-mismatch: error}\nmax-length-ratio: 1.5\n",
      "alinea.yaml");
  const SettingsReadResult read = apply_settings({}, yaml, "alinea.yaml");
  BOOST_TEST(read.diagnostics.empty());
  BOOST_TEST(read.settings.max_length_ratio == 1.5);
  BOOST_TEST(!read.settings.severity("qa/number-mismatch").has_value());
  BOOST_TEST(read.settings.severity("qa/name-mismatch").value() == Severity::error);
  BOOST_TEST(read.settings.severity("qa/identical").value() == Severity::warning);
  BOOST_TEST(!flags(qa("En 1936.", "En 1963.", read.settings), "qa/number-mismatch"));
}

BOOST_AUTO_TEST_CASE(bad_settings_are_findings_with_suggestions) {
  const Value yaml = parse_yaml(
      "rules: {qa/numbr-mismatch: off, qa/identical: loud}\nmax-lenght-ratio: 2\n"
      "min-length-ratio: -1\n",
      "alinea.yaml");
  const SettingsReadResult read = apply_settings({}, yaml, "alinea.yaml");
  const auto unknown_rule = with_rule(read.diagnostics, "config/unknown-rule");
  BOOST_TEST_REQUIRE(unknown_rule.size() == 1U);
  BOOST_TEST(unknown_rule[0]->message.find("did you mean 'qa/number-mismatch'") !=
             std::string::npos);
  const auto unknown_key = with_rule(read.diagnostics, "config/unknown-key");
  BOOST_TEST_REQUIRE(unknown_key.size() == 1U);
  BOOST_TEST(unknown_key[0]->message.find("max-length-ratio") != std::string::npos);
  BOOST_TEST(with_rule(read.diagnostics, "config/bad-value").size() == 2U);
}

BOOST_AUTO_TEST_CASE(every_rule_has_a_stable_unique_id) {
  std::vector<std::string_view> ids;
  for (const RuleInfo& info : check_rules()) ids.push_back(info.id);
  auto sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  BOOST_TEST((std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()));
  BOOST_TEST(ids.size() >= 20U);
}

// Files: a repository in a scratch folder.
namespace {
struct Repository {
  fs::path root = fs::temp_directory_path() / ("alinea-check-" + std::to_string(::getpid()));
  Repository() {
    fs::remove_all(root);
    fs::create_directories(root / "corpora/w");
    fs::create_directories(root / "alignments");
    write("corpora/w/fr.md", "---\nid: w\nlang: fr\n---\n\n" + french_body);
    write("corpora/w/es.md", "---\nid: w\nlang: es\n---\n\n" + spanish_body);
    write(
        "alinea.yaml",
        "alinea: 1\nworks:\n  - id: w\n    documents: {fr: corpora/w/fr.md, es: corpora/w/es.md}\n"
        "    alignments:\n      - {source: fr, target: es, file: alignments/w.fr-es.yaml}\n");
  }
  ~Repository() { fs::remove_all(root); }
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;
  void write(const std::string& relative, const std::string& text) const {
    write_file_atomically(root / relative, text);
  }
  void alignment(const std::string& text) const { write("alignments/w.fr-es.yaml", text); }
  [[nodiscard]] Diagnostics check_all() const { return check_corpus(read_manifest(root)); }
};
const std::string file_header =
    "alinea: 1\nsource: {path: corpora/w/fr.md, lang: fr}\ntarget: {path: corpora/w/es.md, "
    "lang: es}\n";
}  // namespace

BOOST_AUTO_TEST_CASE(a_sound_repository_passes) {
  const Repository repo;
  repo.alignment(file_header + complete_links);
  const Diagnostics findings = repo.check_all();
  BOOST_TEST_INFO(format_text_report(findings));
  BOOST_TEST(findings.empty());
}

// The edition's rules sit above check (edition uses check's reader): check_corpus joins them.
BOOST_AUTO_TEST_CASE(the_corpus_check_adds_the_edition_rules_to_the_repository_check) {
  const Repository repo;
  repo.alignment(file_header + complete_links);
  repo.write("corpora/w/fr.md", "---\nid: w\nlang: fr\nsource_ref: 3\n---\n\n" + french_body);
  const ManifestReadResult manifest = read_manifest(repo.root);
  BOOST_TEST(with_rule(check_repository(manifest), "source-ref/wrong-type").empty());
  const Diagnostics findings = check_corpus(manifest);
  BOOST_TEST(with_rule(findings, "source-ref/wrong-type").size() == 1U);
  BOOST_TEST(std::is_sorted(findings.begin(), findings.end()));
}

// A file named on the command line is checked as the manifest lists it: its work's settings and
// the documents the manifest expects; without a manifest, with defaults.
BOOST_AUTO_TEST_CASE(named_files_are_checked_as_the_manifest_lists_them) {
  const Repository repo;
  repo.write("corpora/w/other.md", "---\nid: w\nlang: es\n---\n\n" + spanish_body);
  repo.alignment(
      "alinea: 1\nsource: {path: corpora/w/fr.md, lang: fr}\ntarget: {path: corpora/w/other.md, "
      "lang: es}\n" +
      complete_links);
  const std::vector<std::string> named{"alignments/w.fr-es.yaml"};
  const ManifestReadResult manifest = read_manifest(repo.root);
  BOOST_TEST(with_rule(check_named_files(repo.root, named, manifest), "reference/manifest-mismatch")
                 .size() == 1U);
  BOOST_TEST(
      with_rule(check_named_files(repo.root, named, std::nullopt), "reference/manifest-mismatch")
          .empty());
}

BOOST_AUTO_TEST_CASE(repository_level_findings) {
  const Repository repo;
  repo.alignment(
      "alinea: 1\nsource: {path: ../fr.md, lang: fr}\ntarget: {path: corpora/w/none.md, lang: "
      "es}\nparagraphs: []\n");
  const Diagnostics findings = repo.check_all();
  BOOST_TEST(!with_rule(findings, "reference/path-outside-repository").empty());
  BOOST_TEST(!with_rule(findings, "reference/missing-document").empty());
  BOOST_TEST(!with_rule(findings, "reference/manifest-mismatch").empty());
  BOOST_TEST(with_rule(findings, "reference/missing-document").at(0)->where.line == 3U);
}

BOOST_AUTO_TEST_CASE(language_mismatch_and_unreadable_documents) {
  const Repository repo;
  repo.alignment(
      "alinea: 1\nsource: {path: corpora/w/fr.md, lang: de}\ntarget: {path: corpora/w/es.md, "
      "lang: es}\nparagraphs: []\n");
  BOOST_TEST(!with_rule(repo.check_all(), "reference/language-mismatch").empty());
  repo.write("corpora/w/es.md", "---\nid: w\nlang: es\n---\n\nTexto[^9].\n");
  repo.alignment(file_header + complete_links);
  const Diagnostics findings = repo.check_all();
  const auto unreadable = with_rule(findings, "reference/unreadable-document");
  BOOST_TEST_REQUIRE(unreadable.size() == 1U);
  BOOST_TEST(unreadable[0]->where.file == "corpora/w/es.md");
}

BOOST_AUTO_TEST_CASE(bad_yaml_is_a_finding_not_a_crash) {
  const Repository repo;
  for (const std::string& text :
       {std::string("alinea: [1\n"), std::string("a: &x [1]\nb: *x\n"), std::string(500, '['),
        std::string("\xff\xfe\x00\x01", 4), std::string("alinea: \xc3\x28\n"),
        std::string("- just\n- a list\n")}) {
    repo.alignment(text);
    const Diagnostics findings = repo.check_all();
    BOOST_TEST_INFO(text.substr(0, 20));
    BOOST_TEST(has_errors(findings));
  }
}

BOOST_AUTO_TEST_CASE(symlink_loops_and_directories_are_findings) {
  const Repository repo;
  fs::remove(repo.root / "alignments/w.fr-es.yaml");
  fs::create_symlink("loop-b.yaml", repo.root / "alignments/loop-a.yaml");
  fs::create_symlink("loop-a.yaml", repo.root / "alignments/loop-b.yaml");
  BOOST_TEST(has_errors(check_alignment_file(repo.root, "alignments/loop-a.yaml")));
  BOOST_TEST(has_errors(check_alignment_file(repo.root, "alignments")));
  BOOST_TEST(has_errors(check_alignment_file(repo.root, "/etc/passwd")));
}

BOOST_AUTO_TEST_CASE(common_words_capitalised_by_convention_are_not_names) {
  CheckSettings settings;
  if (!fs::exists(settings.dictionaries + "/es_ES.dic") ||
      !fs::exists(settings.dictionaries + "/fr_FR.dic")) {
    testing::missing_tool("the hunspell dictionaries for es and fr (hunspell-es, hunspell-fr)");
    return;
  }
  BOOST_TEST(!flags(qa("Il rejoignit l'Opposition de gauche en Espagne.",
                       "Se unió a la Oposición de Izquierda en España."),
                    "qa/name-mismatch"));
}

BOOST_AUTO_TEST_CASE(roman_numerals_and_sentence_starts_after_brackets) {
  BOOST_TEST(
      !flags(qa("Pour la IVe Internationale.", "Por la IV Internacional."), "qa/name-mismatch"));
  BOOST_TEST(!flags(qa("Il y va (hélas !) Cela me gêne.", "Va allí (¡ay!) Eso me incomoda."),
                    "qa/name-mismatch"));
}

BOOST_AUTO_TEST_CASE(threads_give_the_same_findings) {
  const Repository repo;
  repo.alignment(file_header +
                 "paragraphs:\n"
                 "  - link: {src: [p1], tgt: [p2], status: auto, confidence: 0.9}\n");
  std::vector<CheckTask> tasks;
  for (int i = 0; i < 8; ++i) tasks.push_back({"alignments/w.fr-es.yaml", {}, std::nullopt});
  const Diagnostics alone = check_files(repo.root, tasks, 1);
  BOOST_TEST(!alone.empty());
  BOOST_TEST(format_json_report(check_files(repo.root, tasks, 4)) == format_json_report(alone));
}

BOOST_AUTO_TEST_CASE(findings_about_text_carry_the_documents_positions) {
  const std::string links =
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p2], tgt: [p2], status: reviewed, fp: [00000000, 00000000]}\n"
      "  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.9}\n";
  const std::string changed_number =
      "Había 1.000 obreros y 2.5 toneladas de papel.";  // 1,5 in the source
  std::string target = spanish_body;
  target.replace(target.find("Había"),
                 std::string("Había 1.000 obreros y 1.5 toneladas de papel.").size(),
                 changed_number);
  const Diagnostics findings = check(links, french_body, target);
  const auto numbers = with_rule(findings, "qa/number-mismatch");
  BOOST_TEST_REQUIRE(numbers.size() == 1U);
  BOOST_TEST(numbers[0]->where.file == "a.yaml");  // the link stays the finding's place
  BOOST_TEST_REQUIRE(numbers[0]->in_documents.size() == 2U);
  // The translation first, then the source; each at its paragraph's line (front matter on
  // lines 1-4, a blank, then paragraphs separated by blank lines: p3 on line 10).
  BOOST_TEST(numbers[0]->in_documents[0].unit == "es:p3");
  BOOST_TEST(numbers[0]->in_documents[0].where.file == "es.md");
  BOOST_TEST(numbers[0]->in_documents[0].where.line == 10U);
  BOOST_TEST(numbers[0]->in_documents[0].where.column == 1U);
  BOOST_TEST(numbers[0]->in_documents[1].unit == "fr:p3");
  BOOST_TEST(numbers[0]->in_documents[1].where.file == "fr.md");
  const auto drift = with_rule(findings, "drift/reviewed-text-changed");
  BOOST_TEST_REQUIRE(drift.size() == 1U);
  BOOST_TEST(drift[0]->in_documents.size() == 2U);  // both sides changed
  BOOST_TEST(drift[0]->in_documents[0].where.line == 8U);
  const auto unlinked = with_rule(findings, "coverage/unlinked-source");
  BOOST_TEST_REQUIRE(unlinked.size() == 2U);  // the note, and fr:p4
  BOOST_TEST_REQUIRE(unlinked[1]->in_documents.size() == 1U);
  BOOST_TEST(unlinked[1]->in_documents[0].unit == "fr:p4");
  BOOST_TEST(unlinked[1]->in_documents[0].where.line == 12U);
  BOOST_TEST(unlinked[0]->in_documents.at(0).where.line == 14U);  // "[^1]: " on line 14
  for (const Diagnostic& d : findings) {
    if (d.rule.rfind("reference/", 0) == 0) BOOST_TEST(d.in_documents.empty());
  }
  // Each format points at the document line and still names the link's line.
  const Diagnostics one{*numbers[0]};
  const std::string github = format_github_report(one);
  BOOST_TEST(github.find("file=es.md,line=10,col=1") != std::string::npos);
  BOOST_TEST(github.find("link at a.yaml:7:") != std::string::npos);
  BOOST_TEST(github.find("fr:p3 at fr.md:10:1") != std::string::npos);
  const std::string sarif = format_sarif_report(one);
  BOOST_TEST(sarif.find("\"relatedLocations\"") != std::string::npos);
  BOOST_TEST(sarif.find("\"uri\": \"es.md\"") < sarif.find("\"uri\": \"a.yaml\""));
  const std::string text = format_text_report(one);
  BOOST_TEST(text.find("a.yaml:7:") == 0U);
  BOOST_TEST(text.find("\n  es.md:10:1: es:p3 is here\n  fr.md:10:1: fr:p3 is here\n") !=
             std::string::npos);
  BOOST_TEST(format_json_report(one).find("\"documents\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(accepted_findings_are_acknowledged_not_reported) {
  // p3 differs in a number; the note link in the notes; a sentence link under an accepting link.
  std::string target = spanish_body;
  target.replace(target.find("1.5 toneladas"), 3, "2.5");
  const std::string links =
      "notes:\n"
      "  - link: {src: [n1], tgt: [n1], status: auto, confidence: 0.9}\n"
      "paragraphs:\n"
      "  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9}\n"
      "  - link: {src: [p3], tgt: [p3], status: reviewed, accept: [qa/number-mismatch], "
      "reason: \"checked: the source has a typo\"}\n"
      "  - link: {src: [p4], tgt: [], status: reviewed, omitted: \"editor's preface\"}\n";
  const Diagnostics findings = check(links, french_body, target);
  const auto numbers = with_rule(findings, "qa/number-mismatch");
  BOOST_TEST_REQUIRE(numbers.size() == 1U);
  BOOST_TEST(numbers[0]->acknowledged.value_or("") == "checked: the source has a typo");
  BOOST_TEST(!has_errors({*numbers[0]}));
  const std::string text = format_text_report(findings);
  BOOST_TEST(text.find("numbers differ") == std::string::npos);
  BOOST_TEST(text.find("(1 acknowledged)") != std::string::npos);
  BOOST_TEST(format_github_report(findings).find("number-mismatch") == std::string::npos);
  const std::string sarif = format_sarif_report(findings);
  BOOST_TEST(sarif.find("\"justification\": \"checked: the source has a typo\"") !=
             std::string::npos);
  const std::string json = format_json_report(findings);
  BOOST_TEST(json.find("\"acknowledged\": 1") != std::string::npos);
  // Without the acceptance, the same finding is reported.
  std::string plain = links;
  plain.replace(plain.find(", accept:"),
                plain.find("}\n  - link: {src: [p4]") - plain.find(", accept:"), "");
  BOOST_TEST(!with_rule(check(plain, french_body, target), "qa/number-mismatch")[0]->acknowledged);
  // A rule that does not exist is named, with the closest one.
  std::string unknown = links;
  unknown.replace(unknown.find("qa/number-mismatch"), 18, "qa/number-mismatc");
  const Diagnostics unknown_findings = check(unknown, french_body, target);
  const auto bad = with_rule(unknown_findings, "schema/bad-value");
  BOOST_TEST_REQUIRE(bad.size() == 1U);
  BOOST_TEST(bad[0]->message.find("qa/number-mismatch") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(acknowledging_is_a_review_operation) {
  const AlignmentReadResult read = parse_alignment(
      header +
          "paragraphs:\n  - link: {src: [p1, p2], tgt: [p1], status: auto, confidence: 0.5}\n"
          "    sentences:\n      - {src: [p1.s1], tgt: [p1.s1], status: auto, confidence: 0.5}\n"
          "  - link: {src: [], tgt: [p2], status: reviewed}\n",
      "a.yaml");
  Alignment acknowledged = acknowledge_findings(read.alignment, "p1+p2", {"qa/length-ratio"}, "ok");
  acknowledged = acknowledge_findings(acknowledged, "p1+p2", {"qa/length-ratio", "qa/identical"},
                                      "quoted in French");
  BOOST_TEST(acknowledged.paragraphs[0].accepted ==
             (std::vector<std::string>{"qa/length-ratio", "qa/identical"}));
  BOOST_TEST(acknowledged.paragraphs[0].accept_reason.value_or("") == "quoted in French");
  acknowledged = acknowledge_findings(acknowledged, "p1.s1", {"qa/identical"}, "a title");
  BOOST_TEST(acknowledged.paragraphs[0].sentences[0].accepted.size() == 1U);
  acknowledged = acknowledge_findings(acknowledged, "to-p2", {"coverage/unlinked-target"}, "x");
  BOOST_TEST(acknowledged.paragraphs[1].accepted.size() == 1U);
  // One unit names the link that holds it; tgt: names a target unit.
  acknowledged = acknowledge_findings(acknowledged, "p2", {"qa/number-mismatch"}, "y");
  BOOST_TEST(acknowledged.paragraphs[0].accepted.size() == 3U);
  acknowledged = acknowledge_findings(acknowledged, "tgt:p1.s1", {"qa/number-mismatch"}, "z");
  BOOST_TEST(acknowledged.paragraphs[0].sentences[0].accepted.size() == 2U);
  BOOST_CHECK_THROW((void)acknowledge_findings(acknowledged, "p1+p3", {"qa/identical"}, "x"),
                    InputError);
  BOOST_CHECK_THROW((void)acknowledge_findings(acknowledged, "p9", {"qa/identical"}, "x"),
                    InputError);
  BOOST_CHECK_THROW((void)acknowledge_findings(acknowledged, "p1+p2", {"qa/identicall"}, "x"),
                    InputError);
  BOOST_CHECK_THROW((void)acknowledge_findings(acknowledged, "p1+p2", {}, "x"), InputError);
  BOOST_CHECK_THROW((void)acknowledge_findings(acknowledged, "p1+p2", {"qa/identical"}, " "),
                    InputError);
}

BOOST_AUTO_TEST_CASE(dotted_acronyms_and_the_names_glossary) {
  for (const char* spaced :
       {"la U. R. S. S. y", "la U.R.S.S. y", "la U.\u00A0R.\u00A0S.\u00A0S. y"}) {
    BOOST_TEST(!flags(qa(std::string("Il revient d'URSS avec Kamenev."),
                         std::string("Volvió de ") + spaced + " Kámenev."),
                      "qa/name-mismatch"),
               spaced);
  }
  BOOST_TEST(flags(qa("Il revient d'URSS.", "Volvió de la U. R. y."), "qa/name-mismatch"));
  BOOST_TEST(flags(qa("Il parle de la Guépéou et de Iagoda.", "Habla de la GPU y de Yagoda."),
                   "qa/name-mismatch"));
  CheckSettings with_names;
  const NamesReadResult glossary =
      parse_names("names:\n  - [Guépéou, GPU]\n  - [Unión Soviética, URSS]\n", "names.yaml");
  BOOST_TEST(glossary.diagnostics.empty());
  with_names.names = glossary.names;
  BOOST_TEST(
      !flags(qa("Il parle de la Guépéou et de Iagoda.", "Habla de la GPU y de Yagoda.", with_names),
             "qa/name-mismatch"));
  BOOST_TEST(!flags(qa("Il revient d'URSS.", "Volvió de la Unión Soviética.", with_names),
                    "qa/name-mismatch"));
  // Another name is still missing.
  BOOST_TEST(flags(qa("Il parle de la Guépéou et de Kamenev.", "Habla de la GPU.", with_names),
                   "qa/name-mismatch"));
  const NamesReadResult bad = parse_names("names:\n  - [Guépéou]\n  - GPU\nother: 1\n", "n.yaml");
  BOOST_TEST(bad.diagnostics.size() == 3U);
  BOOST_TEST(bad.diagnostics.at(0).where.file == "n.yaml");
}

namespace {

// A document of `count` paragraphs and as many notes whose labels are not numbers (so that no
// position can stand in for an index), built in code: the reader's own speed is not measured.
Document large_document(const std::string& lang, std::size_t count) {
  Document d;
  d.path = lang + ".md";
  d.id = "w";
  d.lang = lang;
  for (std::size_t i = 1; i <= count; ++i) {
    const std::string n = std::to_string(i);
    d.paragraphs.push_back({"p" + n, "Le chat dort sur la table " + n + ".", {}, {}, i});
    d.notes.push_back({"nx" + n, "x" + n, "Note " + n + ".", {}, i});
  }
  return d;
}

}  // namespace

// Every other unit linked: as many unlinked runs and as many links as the documents allow. On
// the quadratic checker of before this took minutes; linear, it takes well under a second.
BOOST_AUTO_TEST_CASE(check_is_linear_on_100k_units, *boost::unit_test::timeout(300)) {
  constexpr std::size_t count = 100'000;
  const Document source = large_document("fr", count);
  const Document target = large_document("es", count);
  Alignment alignment;
  alignment.path = "a.yaml";
  alignment.source = {"fr.md", "fr"};
  alignment.target = {"es.md", "es"};
  for (std::size_t i = 2; i <= count; i += 2) {
    const std::string n = std::to_string(i);
    const auto link = [&](const std::string& id) {
      Link made;
      made.source = {id};
      made.target = {id};
      made.confidence = 0.9;
      made.line = i;
      made.column = 3;
      return made;
    };
    alignment.paragraphs.push_back(link("p" + n));
    alignment.notes.push_back(link("nx" + n));
  }
  // Processor time, not wall time: the machine may be shared (the timeout is for a wall clock and
  // only stops a runaway). The unoptimised build takes ~7 s.
  const std::clock_t start = std::clock();
  const Diagnostics findings = check_alignment(alignment, source, target);
  const double took = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  BOOST_TEST_MESSAGE("check of 2 x 200k units: " << took << " s of processor time");
  BOOST_TEST(took < 30.0);
  BOOST_TEST(with_rule(findings, "coverage/unlinked-source").size() == count);  // p and n runs
}

BOOST_AUTO_TEST_CASE(a_finding_lists_at_most_twenty_units_and_counts_the_rest) {
  std::string body;
  for (int i = 1; i <= 100; ++i) body += "Paragraphe " + std::to_string(i) + ".\n\n";
  const Diagnostics findings =
      check("paragraphs:\n  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n", body,
            "Párrafo.\n");
  const auto unlinked = with_rule(findings, "coverage/unlinked-source");
  BOOST_TEST_REQUIRE(unlinked.size() == 1U);
  BOOST_TEST(unlinked[0]->units.size() == 20U);
  BOOST_TEST(unlinked[0]->units.back() == "fr:p21");
  BOOST_TEST_INFO(unlinked[0]->message);
  BOOST_TEST(unlinked[0]->message.find("and 79 more") != std::string::npos);

  std::string sentences;
  for (int i = 1; i <= 50; ++i) sentences += "Phrase " + std::to_string(i) + ". ";
  const Diagnostics left_out = check(
      "paragraphs:\n  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n"
      "    sentences:\n      - {src: [p1.s1], tgt: [p1.s1], status: auto, confidence: 0.9}\n",
      sentences + "\n", "Frase.\n");
  const auto missing = with_rule(left_out, "coverage/unlinked-sentence");
  BOOST_TEST_REQUIRE(missing.size() == 1U);
  BOOST_TEST(missing[0]->units.size() == 20U);
  BOOST_TEST_INFO(missing[0]->message);
  BOOST_TEST(missing[0]->message.find("and 29 more") != std::string::npos);
  BOOST_TEST(missing[0]->message.size() < 400U);
}

// Two documents of 300 000 one-letter paragraphs (600 kB each): over the budget of units per
// document, a finding at once, not minutes and gigabytes of findings.
BOOST_AUTO_TEST_CASE(documents_over_the_unit_budget_are_one_finding,
                     *boost::unit_test::timeout(300)) {
  const Repository repo;
  std::string body;
  for (int i = 0; i < 300'000; ++i) body += "a\n\n";
  repo.write("corpora/w/fr.md", "---\nid: w\nlang: fr\n---\n\n" + body);
  repo.write("corpora/w/es.md", "---\nid: w\nlang: es\n---\n\n" + body);
  repo.alignment(file_header +
                 "paragraphs:\n  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}\n");
  const std::clock_t start = std::clock();
  const Diagnostics findings = repo.check_all();
  const double took = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  BOOST_TEST(took < 10.0);
  const auto too_large = with_rule(findings, "file/too-large");
  BOOST_TEST_REQUIRE(too_large.size() == 2U);
  BOOST_TEST(too_large[0]->where.file == "corpora/w/es.md");
  BOOST_TEST_INFO(too_large[0]->message);
  BOOST_TEST(too_large[0]->message.find("250000") != std::string::npos);
  BOOST_TEST(findings.size() == 2U);
}

// The repository must not choose where hunspell reads from: a pull request's own .aff file can
// make hunspell allocate without bound (REP 2000000000).
BOOST_AUTO_TEST_CASE(dictionaries_come_only_from_system_folders) {
  for (const std::string folder :
       {"d", "./dicts", "../../proc/self/cwd/d", "/tmp/d", "/usr/share/hunspell/../../../tmp"}) {
    const Value yaml = parse_yaml("dictionaries: \"" + folder + "\"\n", "alinea.yaml");
    const SettingsReadResult read = apply_settings({}, yaml, "alinea.yaml");
    BOOST_TEST_INFO(folder);
    BOOST_TEST(with_rule(read.diagnostics, "config/bad-value").size() == 1U);
    BOOST_TEST(read.settings.dictionaries == CheckSettings{}.dictionaries);
  }
  for (const std::string folder : {"", "/usr/share/hunspell", "/usr/share/myspell"}) {
    const Value yaml = parse_yaml("dictionaries: \"" + folder + "\"\n", "alinea.yaml");
    const SettingsReadResult read = apply_settings({}, yaml, "alinea.yaml");
    BOOST_TEST_INFO(folder);
    BOOST_TEST(read.diagnostics.empty());
    BOOST_TEST(read.settings.dictionaries == folder);
  }
}
