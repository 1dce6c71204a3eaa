#define BOOST_TEST_MODULE render
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "alinea/render.hpp"
#include "text/unicode.hpp"

using namespace alinea;

namespace {

Document document(const std::string& lang, const std::string& body) {
  return parse_document("---\nid: w\nlang: " + lang + "\ntitle: T " + lang + "\n---\n\n" + body,
                        lang + ".md");
}

// Sentences by hand: ". " ends one. Keeps these tests independent of the segmenter's rules.
void split_sentences(Document& doc) {
  const auto split = [](const std::string& text) {
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", start)) {
      sentences.push_back(text.substr(start, at + 1 - start));
      start = at + 2;
    }
    sentences.push_back(text.substr(start));
    return sentences;
  };
  for (Paragraph& paragraph : doc.paragraphs) paragraph.sentences = split(paragraph.text);
  for (Note& note : doc.notes) note.sentences = split(note.text);
}

Link make_link(std::vector<std::string> source, std::vector<std::string> target,
               LinkStatus status = LinkStatus::automatic) {
  Link result;
  result.source = std::move(source);
  result.target = std::move(target);
  result.status = status;
  if (status == LinkStatus::automatic) result.confidence = 0.875;
  return result;
}

Alignment alignment_of(std::vector<Link> paragraphs, std::vector<Link> notes = {}) {
  Alignment alignment;
  alignment.path = "a.yaml";
  alignment.source = {"fr.md", "fr"};
  alignment.target = {"es.md", "es"};
  alignment.paragraphs = std::move(paragraphs);
  alignment.notes = std::move(notes);
  return alignment;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Removes SGR escapes ("ESC [ digits m"); std::regex would do, but GCC 12 warns inside it at -O2.
std::string strip_ansi(const std::string& text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (text.compare(pos, 2, "\x1b[") == 0) {
      const std::size_t end = text.find_first_not_of("0123456789;", pos + 2);
      if (end != std::string::npos && text[end] == 'm') {
        pos = end;
        continue;
      }
    }
    out += text[pos];
  }
  return out;
}

std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0;
  for (const std::string& line : lines_of(strip_ansi(text))) {
    widest = std::max(widest, display_width(line));
  }
  return widest;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

struct Fixture {
  Document fr = document("fr",
                         "Première phrase[^1]. Deuxième phrase.\n\n"
                         "Un paragraphe sans traduction.\n\n"
                         "Dernier.\n\n[^1]: Note de l'éditeur.\n");
  Document es = document("es",
                         "Primera frase[^1]. Segunda frase.\n\n"
                         "Último.\n\nAñadido por el traductor.\n\n[^1]: Nota del editor.\n");
  Fixture() {
    split_sentences(fr);
    split_sentences(es);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(view_places_notes_after_their_paragraph_and_shows_unlinked_units, Fixture) {
  Link first = make_link({"p1"}, {"p1"}, LinkStatus::reviewed);
  first.sentences = {make_link({"p1.s1"}, {"p1.s1"})};  // p1.s2 on both sides: no sentence link
  const Alignment alignment = alignment_of({first, make_link({"p3"}, {"p2"})},
                                           {make_link({"n1"}, {"n1"}, LinkStatus::reviewed)});
  const SideBySide view = build_side_by_side(alignment, fr, es);
  BOOST_REQUIRE_EQUAL(view.rows.size(), 5U);
  BOOST_TEST(view.rows[0].anchor == "p1");
  BOOST_TEST((view.rows[1].kind == ShownRow::Kind::note));  // the note follows its paragraph
  BOOST_TEST(view.rows[1].anchor == "n1");
  BOOST_TEST(!view.rows[2].linked());  // source p2: in no link, against an empty cell
  BOOST_TEST(view.rows[2].source.units.at(0).id == "p2");
  BOOST_TEST(view.rows[2].target.units.empty());
  BOOST_TEST(view.rows[3].anchor == "p3");
  BOOST_TEST(view.rows[4].anchor == "to-p3");  // target p3, added by the translator
  // Sentence rows: the link, then the sentences no sentence link mentions.
  BOOST_REQUIRE_EQUAL(view.rows[0].sentences.size(), 3U);
  BOOST_TEST(view.rows[0].sentences[1].anchor == "p1.s2");
  BOOST_TEST(view.rows[0].sentences[2].anchor == "to-p1.s2");
  // The reference in p1 points at the note's row; the note starts with its own marker.
  const std::vector<ShownSpan>& spans = view.rows[0].source.units[0].spans;
  BOOST_REQUIRE_EQUAL(spans.size(), 3U);
  BOOST_TEST(spans[0].text == "Première phrase");
  BOOST_TEST(spans[1].note_label == "1");
  BOOST_TEST(spans[1].note_anchor == "n1");
  BOOST_TEST(view.rows[1].source.units[0].spans[0].note_label == "1");
  BOOST_TEST(view.changed_links == 0U);
}

BOOST_FIXTURE_TEST_CASE(changed_texts_and_missing_units_are_marked, Fixture) {
  Link current = make_link({"p1"}, {"p1"});
  current.source_fingerprint = text_fingerprint(fr.paragraphs[0].text);
  current.target_fingerprint = "00000000";  // taken from another text
  Link gone = make_link({"p9"}, {"p3"});
  gone.source_fingerprint = "12345678";
  const SideBySide view = build_side_by_side(alignment_of({current, gone}), fr, es);
  BOOST_TEST(!view.rows[0].source.changed);
  BOOST_TEST(view.rows[0].target.changed);
  const auto missing = std::find_if(view.rows.begin(), view.rows.end(),
                                    [](const ShownRow& row) { return row.anchor == "p9"; });
  BOOST_REQUIRE(missing != view.rows.end());
  BOOST_TEST(missing->source.units.at(0).missing);
  BOOST_TEST(missing->source.changed);
  BOOST_TEST(view.changed_links == 2U);
  BOOST_TEST(view.missing_units == 1U);
  const std::string shown = render_terminal(view, {60, ShowLevel::paragraph, false});
  BOOST_TEST(shown.find("Δ tgt") != std::string::npos);
  BOOST_TEST(shown.find("⟦p9 missing⟧") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_line_is_wider_than_the_terminal_in_any_script) {
  // Combining marks (0 columns), wide CJK (2 columns), Hangul, Arabic, a word longer than a
  // column, an emoji, and an escape sequence that must not reach the terminal.
  const std::string text =
      "Cafe\u0301 de\u0301ja\u0300 vu 東京都の国立国会図書館で資料を調べました。 한국어 문장을 "
      "씁니다. مرحبا بالعالم هذا نص عربي. Donaudampfschifffahrtsgesellschaftskapitän "
      "🙂 "
      "\x1b[31mrouge";
  Document fr = document("fr", text + "\n");
  Document es = document("es", text + " " + text + "\n");
  const SideBySide view = build_side_by_side(alignment_of({make_link({"p1"}, {"p1"})}), fr, es);
  for (std::size_t width = minimum_terminal_width; width <= 120; ++width) {
    for (const bool colour : {false, true}) {
      const std::string shown = render_terminal(view, {width, ShowLevel::sentence, colour});
      BOOST_TEST_REQUIRE(widest_line(shown) <= width, "width " << width);
      BOOST_TEST(strip_ansi(shown).find('\x1b') == std::string::npos);
    }
  }
  const std::string plain = render_terminal(view, {80, ShowLevel::paragraph, false});
  BOOST_TEST(plain.find('\x1b') == std::string::npos);  // no colour unless asked
  BOOST_TEST(plain.find("東京都") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrapping_measures_display_columns) {
  // Twelve CJK characters are 24 columns; with combining marks a word keeps its visual width.
  Document fr = document("fr", "e\u0301e\u0301e\u0301e\u0301 e\u0301e\u0301\n");
  Document es = document("es", "東京都東京都東京都東京都\n");
  const SideBySide view = build_side_by_side(alignment_of({make_link({"p1"}, {"p1"})}), fr, es);
  // Width 40: gutter 0, columns of 18 — the CJK line breaks after 9 characters, the French fits.
  const std::string shown = render_terminal(view, {40, ShowLevel::paragraph, false});
  BOOST_TEST(shown.find("e\u0301e\u0301e\u0301e\u0301 e\u0301e\u0301") != std::string::npos);
  BOOST_TEST(shown.find("東京都東京都東京都\n") != std::string::npos);
  BOOST_TEST(shown.find("東京都東京都東京都東") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(narrow_widths_are_refused) {
  const Document fr = document("fr", "Un.\n");
  const Document es = document("es", "Uno.\n");
  const SideBySide view = build_side_by_side(alignment_of({make_link({"p1"}, {"p1"})}), fr, es);
  BOOST_CHECK_THROW((void)render_terminal(view, {19, ShowLevel::paragraph, false}),
                    std::invalid_argument);
  BOOST_CHECK_NO_THROW((void)render_terminal(view, {20, ShowLevel::paragraph, false}));
}

BOOST_AUTO_TEST_CASE(html_shows_user_markup_as_text) {
  Document fr =
      document("fr", "Voici <script>alert(1)</script> & <img src=x onerror=alert(2)> \"fin\".\n");
  Document es = document("es", "Aquí </div><b>negrita</b>.\n");
  Link only = make_link({"p1"}, {"p1"});
  only.note = "<script>alert(3)</script>";
  const SideBySide view = build_side_by_side(alignment_of({only}), fr, es);
  const std::string html = render_html(view, ShowLevel::paragraph);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  BOOST_TEST(html.find("<b>") == std::string::npos);
  BOOST_TEST(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img") != std::string::npos);
  BOOST_TEST(html.find("Content-Security-Policy") != std::string::npos);
  BOOST_TEST(html.find("http://") == std::string::npos);  // nothing fetched from the network
  BOOST_TEST(html.find("https://") == std::string::npos);
  BOOST_TEST(html.find("id=\"p1\"") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(html_rows_carry_sentence_links_and_anchors, Fixture) {
  Link first = make_link({"p1"}, {"p1"}, LinkStatus::reviewed);
  first.sentences = {make_link({"p1.s1", "p1.s2"}, {"p1.s1", "p1.s2"})};
  const SideBySide view = build_side_by_side(alignment_of({first}), fr, es);
  const std::string html = render_html(view, ShowLevel::sentence);
  BOOST_TEST(html.find("id=\"p1.s1+p1.s2\"") != std::string::npos);
  BOOST_TEST(html.find("href=\"#n1\"") != std::string::npos);
  BOOST_TEST(count(html, "<section ") == view.rows.size());
}

BOOST_FIXTURE_TEST_CASE(tmx_makes_one_unit_of_an_n_to_m_link, Fixture) {
  Link first = make_link({"p1"}, {"p1"}, LinkStatus::reviewed);
  first.sentences = {make_link({"p1.s1", "p1.s2"}, {"p1.s1"}), make_link({}, {"p1.s2"})};
  const SideBySide view = build_side_by_side(
      alignment_of({first, make_link({"p2", "p3"}, {"p2"})}, {make_link({"n1"}, {"n1"})}), fr, es);
  const std::string tmx = render_tmx(view, ShowLevel::sentence);
  BOOST_TEST(tmx.find("<tmx version=\"1.4\">") != std::string::npos);
  for (const char* attribute : {"creationtool=", "creationtoolversion=", "segtype=", "o-tmf=",
                                "adminlang=", "srclang=\"fr\"", "datatype="}) {
    BOOST_TEST(tmx.find(attribute) != std::string::npos, attribute);
  }
  // p1.s1+p1.s2 → p1.s1; p2+p3 → p2; n1 → n1. The link with an empty side is left out.
  BOOST_TEST(count(tmx, "<tu ") == 3U);
  BOOST_TEST(count(tmx, "<seg>") == 6U);
  BOOST_TEST(tmx.find("<seg>Première phrase. Deuxième phrase.</seg>") != std::string::npos);
  BOOST_TEST(tmx.find("<seg>Primera frase.</seg>") != std::string::npos);
  BOOST_TEST(tmx.find("segtype=\"paragraph\"") != std::string::npos);  // p2+p3 has no sentences
  BOOST_TEST(tmx.find("<seg>Un paragraphe sans traduction. Dernier.</seg>") != std::string::npos);
  BOOST_TEST(tmx.find("Note de l&apos;") == std::string::npos);
  BOOST_TEST(tmx.find("<seg>Note de l'éditeur.</seg>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tsv_escapes_tabs_newlines_and_backslashes) {
  Document fr = document("fr", "Un\ttab et \\\\ une barre.\n");
  Document es = document("es", "Uno.\n\nDos.\n");
  Link omitted = make_link({}, {"p2"}, LinkStatus::reviewed);
  omitted.omitted = "added";
  const SideBySide view =
      build_side_by_side(alignment_of({make_link({"p1"}, {"p1"}), omitted}), fr, es);
  BOOST_TEST(render_tsv(view, ShowLevel::paragraph) ==
             "Un\\ttab et \\\\ une barre.\tUno.\n\tDos.\n");
  const ParallelText moses = render_moses(view, ShowLevel::paragraph);
  BOOST_TEST(moses.source == "Un tab et \\ une barre.\n");
  BOOST_TEST(moses.target == "Uno.\n");
}

BOOST_AUTO_TEST_CASE(markdown_escapes_table_syntax) {
  Document fr = document("fr", "a | b *c* \\[^x] <u>\n");
  Document es = document("es", "d\n");
  const SideBySide view = build_side_by_side(alignment_of({make_link({"p1"}, {"p1"})}), fr, es);
  const std::string markdown = render_markdown(view, ShowLevel::paragraph);
  BOOST_TEST(markdown.find("| p1 → p1 · auto 0.88 | a \\| b c \\[\\^x\\] \\<u\\> | d |") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(terminal_wraps_long_ids_and_never_cuts_one) {
  // Sentences that no range can shorten: every id must be shown whole, in the gutter (wide) and
  // in the rule above a sentence group (any width).
  Document fr = document("fr", "A. B. C. D. E. F. G.\n\nH.\n");
  Document es = document("es", "A. B. C. D. E. F. G.\n\nH.\n");
  split_sentences(fr);
  split_sentences(es);
  Link paragraph = make_link({"p1", "p2"}, {"p1", "p2"});
  paragraph.sentences = {make_link({"p1.s1", "p1.s3", "p1.s5", "p1.s7"}, {"p1.s2", "p1.s4"}),
                         make_link({"p1.s2", "p1.s4", "p1.s6"}, {"p1.s1", "p1.s3", "p1.s5"})};
  const SideBySide view = build_side_by_side(alignment_of({paragraph}), fr, es);
  for (const std::size_t width : {20U, 30U, 60U, 100U}) {
    for (const ShowLevel level : {ShowLevel::paragraph, ShowLevel::sentence}) {
      const std::string shown = render_terminal(view, {width, level, false});
      BOOST_TEST(widest_line(shown) <= width);
      BOOST_TEST(shown.find("…") == std::string::npos, "an id was cut at width " << width);
      std::string flat;  // the gutter's lines read one after the other
      for (const std::string& line : lines_of(shown)) flat += line.substr(0, line.find(' '));
      if (level == ShowLevel::sentence && width >= 50) {
        for (const char* id : {"p1.s1+", "p1.s3+", "p1.s5+", "p1.s7", "→p1.s2+", "p1.s4"}) {
          BOOST_TEST(flat.find(id) != std::string::npos, id << " at width " << width);
        }
      }
    }
  }
}

BOOST_FIXTURE_TEST_CASE(exports_keep_the_links_the_filter_admits, Fixture) {
  Link confident = make_link({"p1"}, {"p1"});
  confident.confidence = 0.95;
  Link doubtful = make_link({"p3"}, {"p2"});
  doubtful.confidence = 0.05;
  const SideBySide view = build_side_by_side(
      alignment_of({confident, doubtful}, {make_link({"n1"}, {"n1"}, LinkStatus::reviewed)}), fr,
      es);
  BOOST_TEST(count(render_tsv(view, ShowLevel::paragraph), "\n") == 3U);
  BOOST_TEST(count(render_tsv(view, ShowLevel::paragraph, {false, 0.5}), "\n") == 2U);
  BOOST_TEST(count(render_tsv(view, ShowLevel::paragraph, {true, 0.0}), "\n") == 1U);
  BOOST_TEST(render_moses(view, ShowLevel::paragraph, {true, 0.0}).source ==
             "Note de l'éditeur.\n");
  const std::string tmx = render_tmx(view, ShowLevel::paragraph, {false, 0.5});
  BOOST_TEST(count(tmx, "<tu ") == 2U);
  BOOST_TEST(tmx.find("<prop type=\"x-alinea-status\">auto</prop>\n"
                      "<prop type=\"x-alinea-confidence\">0.95</prop>") != std::string::npos);
  BOOST_TEST(tmx.find("<prop type=\"x-alinea-status\">reviewed</prop>") != std::string::npos);
  BOOST_TEST(tmx.find("0.05") == std::string::npos);
}

// `alinea show`: one file in the format asked, or for moses two named by language.
BOOST_FIXTURE_TEST_CASE(show_renders_the_format_asked_into_its_files, Fixture) {
  Alignment alignment = alignment_of({make_link({"p1"}, {"p1"}, LinkStatus::reviewed)});
  const SideBySide view = build_side_by_side(alignment, fr, es);
  ShowOptions options;
  options.format = ShowFormat::tsv;
  const std::vector<ShownFile> tsv = render_show(alignment, fr, es, options, "out.tsv");
  BOOST_TEST_REQUIRE(tsv.size() == 1U);
  BOOST_TEST(tsv[0].path == "out.tsv");
  BOOST_TEST(tsv[0].text == render_tsv(view, ShowLevel::paragraph));
  options.format = ShowFormat::moses;
  options.filter.reviewed_only = true;
  const std::vector<ShownFile> moses = render_show(alignment, fr, es, options, "train");
  BOOST_TEST_REQUIRE(moses.size() == 2U);
  BOOST_TEST(moses[0].path == "train.fr");
  BOOST_TEST(moses[1].path == "train.es");
  BOOST_TEST(moses[0].text == render_moses(view, ShowLevel::paragraph, {true, 0.0}).source);
  alignment.target = {"es.md", "fr", 4, 16};
  BOOST_CHECK_THROW((void)render_show(alignment, fr, es, options, "train"), InputError);
  BOOST_TEST((parse_show_format("moses") == ShowFormat::moses));
  BOOST_TEST(!parse_show_format("pdf"));
  BOOST_TEST((parse_show_level("sentence") == ShowLevel::sentence));
  BOOST_TEST(!parse_show_level("word"));
}
