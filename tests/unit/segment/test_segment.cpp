#define BOOST_TEST_MODULE segment
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <ctime>
#include <string>
#include <vector>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "alinea/segment.hpp"
#include "segment/segment_rules.hpp"

using namespace alinea;
using namespace alinea::segment_rules;
using Sentences = std::vector<std::string>;

namespace {

Sentences split(const std::string& lang, const std::string& text) {
  Segmenter segmenter(lang);
  return segmenter.split(text);
}

std::string without_spaces(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

std::string joined(const Sentences& sentences) {
  std::string out;
  for (const std::string& sentence : sentences) out += sentence;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)

BOOST_AUTO_TEST_CASE(terminators) {
  BOOST_TEST(is_terminator(U'.'));
  BOOST_TEST(is_terminator(U'?'));
  BOOST_TEST(is_terminator(U'…'));
  BOOST_TEST(!is_terminator(U';'));
  BOOST_TEST(!is_terminator(U'¿'));
}

BOOST_AUTO_TEST_CASE(punctuation_classes) {
  BOOST_TEST(is_closing_punctuation(U'»'));
  BOOST_TEST(is_closing_punctuation(U')'));
  BOOST_TEST(is_opening_punctuation(U'¿'));
  BOOST_TEST(is_opening_punctuation(U'«'));
  BOOST_TEST(is_dash(U'—'));
  BOOST_TEST(!is_dash(U'_'));
}

BOOST_AUTO_TEST_CASE(note_references) {
  BOOST_TEST(note_reference_length("a[^12] b", 1) == 5U);
  BOOST_TEST(note_reference_length("[^n-1_b]", 0) == 8U);
  BOOST_TEST(note_reference_length("[^]", 0) == 0U);
  BOOST_TEST(note_reference_length("[^", 0) == 0U);
  BOOST_TEST(note_reference_length("[^a b]", 0) == 0U);
}

BOOST_AUTO_TEST_CASE(roman_numerals) {
  BOOST_TEST(is_roman_numeral("IV"));
  BOOST_TEST(is_roman_numeral("XIV"));
  BOOST_TEST(!is_roman_numeral("Ivan"));
  BOOST_TEST(!is_roman_numeral("iv"));
  BOOST_TEST(!is_roman_numeral(""));
}

BOOST_AUTO_TEST_CASE(numbers) {
  BOOST_TEST(is_number("1936"));
  BOOST_TEST(is_number("12,5"));
  BOOST_TEST(is_number("3º"));
  BOOST_TEST(!is_number("a1"));
  BOOST_TEST(!is_number(""));
}

BOOST_AUTO_TEST_CASE(initials) {
  BOOST_TEST(is_initials("N"));
  BOOST_TEST(is_initials("N.I"));
  BOOST_TEST(is_initials("J.-C"));
  BOOST_TEST(!is_initials("Ni"));
  BOOST_TEST(!is_initials(""));
}

BOOST_AUTO_TEST_CASE(vowelless_abbreviations) {
  BOOST_TEST(is_vowelless_abbreviation("Ch"));
  BOOST_TEST(is_vowelless_abbreviation("pp"));
  BOOST_TEST(!is_vowelless_abbreviation("CNT"));  // an acronym is a word
  BOOST_TEST(!is_vowelless_abbreviation("Sí"));
}

BOOST_AUTO_TEST_CASE(bracketed_ellipsis) {
  const std::string text = "dijo (...) que";
  BOOST_TEST(is_bracketed_ellipsis(text, 6, 9));
  BOOST_TEST(!is_bracketed_ellipsis("fin... Luego", 3, 6));
}

BOOST_AUTO_TEST_CASE(abbreviation_lists_match_whole_words_ignoring_case) {
  const Abbreviations list("# comment\nSr. title\nart. number\netc.\nEE. UU.\n");
  BOOST_TEST((list.kind("Sr") == AbbreviationKind::title));
  BOOST_TEST((list.kind("sr") == AbbreviationKind::title));
  BOOST_TEST((list.kind("Art") == AbbreviationKind::number));
  BOOST_TEST((list.kind("etc") == AbbreviationKind::ordinary));
  BOOST_TEST((list.kind("EE") == AbbreviationKind::title));
  BOOST_TEST((list.kind("UU") == AbbreviationKind::ordinary));
  BOOST_TEST((list.kind("Srta") == AbbreviationKind::none));
  BOOST_TEST((list.kind("ee") == AbbreviationKind::none));  // written in capitals
  BOOST_TEST((Abbreviations("Ms. title\n").kind("MS") == AbbreviationKind::none));  // acronym
  BOOST_TEST((list.kind("comment") == AbbreviationKind::none));
}

BOOST_AUTO_TEST_CASE(a_segmenter_refuses_what_is_not_a_language) {
  BOOST_CHECK_THROW(Segmenter("xx"), InputError);
  BOOST_CHECK_THROW(Segmenter("../../d/x"), InputError);
  BOOST_CHECK_THROW(Segmenter("es@ss=standard"), InputError);
}

BOOST_AUTO_TEST_CASE(any_spelling_of_a_tag_gets_its_languages_rules) {
  // "Sr." is an abbreviation of the Spanish rules; ICU's general rules end a sentence there.
  const std::string text = "Lo dijo el Sr. García. Después se fue.";
  const auto expected = Segmenter("es").split(text);
  BOOST_TEST(expected.size() == 2U);
  for (const char* tag : {"ES", "es_ES", "es-es", "es-419"}) {
    BOOST_TEST(Segmenter(tag).split(text) == expected, tag);
  }
}

BOOST_AUTO_TEST_CASE(a_language_without_rules_of_its_own_is_named) {
  BOOST_TEST(!segmentation_warning(*read_language("es-ES").language));
  BOOST_TEST(!segmentation_warning(*read_language("fr").language));
  const auto warning = segmentation_warning(*read_language("DE").language);
  BOOST_REQUIRE(warning.has_value());
  BOOST_TEST(warning->find("'de'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(compiled_in_lists_exist_for_spanish_and_french) {
  BOOST_TEST((Abbreviations::for_language("es").kind("Srta") == AbbreviationKind::title));
  BOOST_TEST((Abbreviations::for_language("fr").kind("Mme") == AbbreviationKind::title));
  BOOST_TEST((Abbreviations::for_language("de").kind("etc") == AbbreviationKind::none));
}

BOOST_AUTO_TEST_CASE(period_decisions) {
  const Abbreviations list("Sr. title\ncap. number\netc.\n");
  auto ends = [&](std::string_view word, NextWord next, bool roman = false) {
    PeriodContext context;
    context.word = word;
    context.next = next;
    context.next_is_roman_numeral = roman;
    return period_ends_sentence(context, list);
  };
  BOOST_TEST(!ends("Sr", NextWord::upper));
  BOOST_TEST(!ends("cap", NextWord::upper, true));
  BOOST_TEST(!ends("cap", NextWord::digit));
  BOOST_TEST(ends("cap", NextWord::upper));
  BOOST_TEST(ends("etc", NextWord::upper));
  BOOST_TEST(!ends("etc", NextWord::lower));
  BOOST_TEST(!ends("N", NextWord::upper));
  BOOST_TEST(!ends("Ch", NextWord::upper));
  BOOST_TEST(ends("1936", NextWord::upper));
  BOOST_TEST(ends("carta", NextWord::upper));
  BOOST_TEST(ends("carta", NextWord::opening));
  BOOST_TEST(ends("Chris", NextWord::lower));  // a full word ends even before lower case
  BOOST_TEST(!ends("ab", NextWord::lower));
  BOOST_TEST(!ends("carta", NextWord::continuation));
  PeriodContext list_marker;
  list_marker.word = "1";
  list_marker.list_marker = true;
  list_marker.next = NextWord::upper;
  BOOST_TEST(!period_ends_sentence(list_marker, list));
  PeriodContext aside;
  aside.word = "Chris";
  aside.after_closing = true;
  aside.next = NextWord::lower;
  BOOST_TEST(period_ends_sentence(aside, list));
  PeriodContext unit;
  unit.word = "g";
  unit.after_number = true;
  unit.next = NextWord::upper;
  BOOST_TEST(period_ends_sentence(unit, list));
  unit.next = NextWord::lower;
  BOOST_TEST(!period_ends_sentence(unit, list));
}

BOOST_AUTO_TEST_CASE(period_after_an_elided_initial) {
  const Abbreviations none;
  PeriodContext context;
  context.next = NextWord::upper;
  for (const std::string_view word : {"l\u2019U", "l'U", "d'U.R.S.S", "qu'A"}) {
    context.word = word;
    BOOST_TEST(!period_ends_sentence(context, none), word);
  }
  for (const std::string_view word : {"l'Europe", "aujourd'hui", "l'ONU"}) {
    context.word = word;
    BOOST_TEST(period_ends_sentence(context, none), word);
  }
}

BOOST_AUTO_TEST_CASE(semicolon_decisions) {
  BOOST_TEST(semicolon_ends_sentence(NextWord::upper, false));
  BOOST_TEST(!semicolon_ends_sentence(NextWord::upper, true));
  BOOST_TEST(!semicolon_ends_sentence(NextWord::lower, false));
}

BOOST_AUTO_TEST_CASE(ellipsis_and_question_decisions) {
  BOOST_TEST(ellipsis_ends_sentence(NextWord::upper));
  BOOST_TEST(ellipsis_ends_sentence(NextWord::opening));
  BOOST_TEST(!ellipsis_ends_sentence(NextWord::lower));
  BOOST_TEST(question_or_exclamation_ends_sentence(NextWord::upper));
  BOOST_TEST(!question_or_exclamation_ends_sentence(NextWord::lower));
  BOOST_TEST(!question_or_exclamation_ends_sentence(NextWord::continuation));
}

BOOST_AUTO_TEST_CASE(acronyms_and_symbols_end_before_lower_case) {
  const Abbreviations list("EE. UU.\n");
  auto ends = [&](std::string_view word) {
    PeriodContext context;
    context.word = word;
    context.next = NextWord::lower;
    return period_ends_sentence(context, list);
  };
  BOOST_TEST(ends("SNCF"));
  BOOST_TEST(ends("%"));
  BOOST_TEST(!ends("EE"));     // the first word of an abbreviation
  BOOST_TEST(!ends("EE.UU"));  // periods inside: an abbreviation, not an acronym
  BOOST_TEST(!ends("S"));      // an initial
}

BOOST_AUTO_TEST_CASE(word_roles_ignore_case_and_apostrophe_shape) {
  const WordRoles words("# comment\nal opens binds\nde binds\nc' opens\nél opens\n");
  BOOST_TEST(words.opens("Al"));
  BOOST_TEST(words.binds("al"));
  BOOST_TEST(words.binds("De"));
  BOOST_TEST(!words.opens("de"));
  BOOST_TEST(words.opens("C\u2019"));
  BOOST_TEST(words.opens("\u00C9l"));  // Él
  BOOST_TEST(!words.opens("comment"));
  BOOST_TEST(!words.opens(""));
}

BOOST_AUTO_TEST_CASE(compiled_in_word_lists_exist_for_spanish_and_french) {
  BOOST_TEST(WordRoles::for_language("es").opens("Los"));
  BOOST_TEST(WordRoles::for_language("es").binds("película"));
  BOOST_TEST(WordRoles::for_language("fr").opens("Ils"));
  BOOST_TEST(WordRoles::for_language("fr").opens("C'"));
  BOOST_TEST(WordRoles::for_language("fr").speaks("nous"));
  BOOST_TEST(WordRoles::for_language("es").speaks("mí"));
  BOOST_TEST(!WordRoles::for_language("de").opens("Der"));
}

BOOST_AUTO_TEST_CASE(unpunctuated_sentence_decisions) {
  const WordRoles words("el opens binds\nla opens binds\nde binds\nnovela binds\nhola opens\n");
  auto begins = [&](std::string_view previous, std::string_view word, NextWord next,
                    bool comma = false) {
    return begins_unpunctuated_sentence({previous, word, next, comma}, words);
  };
  BOOST_TEST(begins("Liga", "El", NextWord::lower));
  BOOST_TEST(begins("2005", "El", NextWord::lower));
  BOOST_TEST(begins("bien", "Hola", NextWord::other, true));
  BOOST_TEST(!begins("Liga", "El", NextWord::upper));      // El Salvador, a name
  BOOST_TEST(!begins("de", "La", NextWord::lower));        // binds: "de La ..."
  BOOST_TEST(!begins("novela", "La", NextWord::lower));    // a title
  BOOST_TEST(!begins("Liga,", "El", NextWord::lower));     // punctuation before
  BOOST_TEST(!begins("Liga", "EL", NextWord::lower));      // capitals: a heading's word
  BOOST_TEST(!begins("Liga", "Madrid", NextWord::lower));  // not an opener
  BOOST_TEST(!begins("", "El", NextWord::lower));
}

BOOST_AUTO_TEST_CASE(speech_decides_where_a_lone_quote_belongs) {
  const WordRoles words("nous speaks\nj' speaks\nyo speaks\n");
  BOOST_TEST(has_speaker_word("selon nous, rien", words));
  BOOST_TEST(has_speaker_word("\" J\u2019ai vu", words));
  BOOST_TEST(has_speaker_word("Yo", words));
  BOOST_TEST(!has_speaker_word("Il a vu nousette", words));  // whole words only
  BOOST_TEST(!has_speaker_word("", words));
  BOOST_TEST(!lone_quote_closes("Le taux monte à 0,86.", "\" J'ai vu la ville", words));
  BOOST_TEST(lone_quote_closes("Qu'ils nous le disent.", "\" Elle part", words));
  BOOST_TEST(lone_quote_closes("Qu'ils nous le disent.", "\" J'ai vu", words));  // both: closes
  BOOST_TEST(lone_quote_closes("Le taux monte.", "\" Elle part", words));        // neither
}

BOOST_AUTO_TEST_CASE(emoticons) {
  for (const char* face : {":)", ";-)", ":D", "=P", ":((", ":-/", ";o"})
    BOOST_TEST(is_emoticon(face));
  for (const char* other : {":", "::", ":a", "http:", ";", ":-", "a:)", ":)x"}) {
    BOOST_TEST(!is_emoticon(other));
  }
}

BOOST_AUTO_TEST_CASE(glued_period_decisions) {
  const Abbreviations list("Sr. title\n");
  BOOST_TEST(glued_period_ends_sentence("Dune", "Basada", list));
  BOOST_TEST(glued_period_ends_sentence("fin", "Luego,", list));
  BOOST_TEST(!glued_period_ends_sentence("www", "Ejemplo.org", list));
  BOOST_TEST(!glued_period_ends_sentence("1", "Helado", list));
  BOOST_TEST(!glued_period_ends_sentence("Sr", "García", list));
  BOOST_TEST(!glued_period_ends_sentence("DUNE", "Basada", list));
  BOOST_TEST(!glued_period_ends_sentence("Dune", "BASADA", list));
  BOOST_TEST(!glued_period_ends_sentence("Dune", "Ba", list));
  BOOST_TEST(!glued_period_ends_sentence("archivo", "Main(", list));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(spanish)

BOOST_AUTO_TEST_CASE(plain_sentences) {
  const Sentences expected = {"Acabo de recibir su carta.", "Qué alegría."};
  BOOST_TEST(split("es", "Acabo de recibir su carta. Qué alegría.") == expected);
}

BOOST_AUTO_TEST_CASE(titles_and_ordinary_abbreviations) {
  const Sentences expected = {"Vino la Srta. Gómez con el Dr. Ruiz, etc. y se fueron.",
                              "Trajeron libros, cuadernos, etc.", "Nada más."};
  BOOST_TEST(split("es",
                   "Vino la Srta. Gómez con el Dr. Ruiz, etc. y se fueron. Trajeron libros, "
                   "cuadernos, etc. Nada más.") == expected);
}

BOOST_AUTO_TEST_CASE(abbreviations_are_whole_words) {
  // "centro." is not "ntro.", "sr." inside a word is not a title.
  const Sentences expected = {"Llegó al centro.", "Después se fue."};
  BOOST_TEST(split("es", "Llegó al centro. Después se fue.") == expected);
}

BOOST_AUTO_TEST_CASE(initials_and_abbreviated_first_names) {
  const Sentences expected = {"N. I. le envía saludos y Ch. Pérez también.",
                              "Vino Eleazar B. Sánchez con H.G. Wells."};
  BOOST_TEST(split("es",
                   "N. I. le envía saludos y Ch. Pérez también. Vino Eleazar B. Sánchez con "
                   "H.G. Wells.") == expected);
}

BOOST_AUTO_TEST_CASE(elided_spaced_and_dotted_acronyms) {
  // The elided article or preposition does not hide the initial after it.
  for (const std::string apostrophe : {"\u2019", "'"}) {
    const std::string text =
        "Il revient de l" + apostrophe + "U. R. S. S. par la Pologne. Il repart demain.";
    const Sentences expected = {"Il revient de l" + apostrophe + "U. R. S. S. par la Pologne.",
                                "Il repart demain."};
    BOOST_TEST(split("fr", text) == expected);
  }
  BOOST_TEST(split("fr", "Un rapport d'U.R.S.S. sur la famine. Rien d'autre.") ==
             (Sentences{"Un rapport d'U.R.S.S. sur la famine.", "Rien d'autre."}));
  BOOST_TEST(split("es", "Llegó desde la U. R. S. S. con su hijo. Luego partió.") ==
             (Sentences{"Llegó desde la U. R. S. S. con su hijo.", "Luego partió."}));
  // A full word after an elision still ends its sentence.
  BOOST_TEST(split("fr", "Il pense à l'Europe. Elle attend.") ==
             (Sentences{"Il pense à l'Europe.", "Elle attend."}));
}

BOOST_AUTO_TEST_CASE(initials_before_a_note_reference) {
  const Sentences expected = {"Nos alegra a M.T.[^7] y a mí."};
  BOOST_TEST(split("es", "Nos alegra a M.T.[^7] y a mí.") == expected);
}

BOOST_AUTO_TEST_CASE(ellipsis_before_lower_and_upper_case) {
  const Sentences expected = {"Dedican sus libros… al Estado.", "Lo sé...", "¡Qué pena!"};
  BOOST_TEST(split("es", "Dedican sus libros… al Estado. Lo sé... ¡Qué pena!") == expected);
}

BOOST_AUTO_TEST_CASE(question_and_exclamation_inside_a_sentence) {
  const Sentences expected = {"Si no puede ahora ¿podrá luego?", "¡Ojalá!",
                              "Nació en (1905-¿1940?), dicen (¡vaya si lo dicen!) todos."};
  BOOST_TEST(split("es",
                   "Si no puede ahora ¿podrá luego? ¡Ojalá! Nació en (1905-¿1940?), dicen (¡vaya "
                   "si lo dicen!) todos.") == expected);
}

BOOST_AUTO_TEST_CASE(note_references_stay_with_the_sentence_before) {
  const Sentences expected = {"Querido amigo.[^1]", "¿Conoce a Pablo[^2]?", "Sí.[^a-3]", "Bien."};
  BOOST_TEST(split("es", "Querido amigo.[^1] ¿Conoce a Pablo[^2]? Sí.[^a-3] Bien.") == expected);
}

BOOST_AUTO_TEST_CASE(numbers_ordinals_and_roman_numerals) {
  const Sentences expected = {"Ocurrió en 1936.", "Véase el cap. IX y el art. 5 de la IV Ley.",
                              "Costó 12.5 euros."};
  BOOST_TEST(split("es",
                   "Ocurrió en 1936. Véase el cap. IX y el art. 5 de la IV Ley. Costó 12.5 "
                   "euros.") == expected);
  // A number's period before a lower-case word is a number's, as in page or article references.
  BOOST_TEST(split("fr", "Voir les p. 213. et suivantes du tome 9.") ==
             Sentences{"Voir les p. 213. et suivantes du tome 9."});
}

BOOST_AUTO_TEST_CASE(list_markers_are_not_sentences) {
  const Sentences expected = {"1. Compre pan.", "2. Vuelva a casa."};
  BOOST_TEST(split("es", "1. Compre pan. 2. Vuelva a casa.") == expected);
}

BOOST_AUTO_TEST_CASE(email_addresses_and_urls) {
  const Sentences expected = {"Escriba a ana.ruiz@correo.es o vea https://ejemplo.org/a.b?c=d.",
                              "Gracias."};
  BOOST_TEST(
      split("es", "Escriba a ana.ruiz@correo.es o vea https://ejemplo.org/a.b?c=d. Gracias.") ==
      expected);
}

BOOST_AUTO_TEST_CASE(dialogue_dashes) {
  const Sentences expected = {"—¿Vienes? —preguntó.", "—Sí.", "—Bueno."};
  BOOST_TEST(split("es", "—¿Vienes? —preguntó. —Sí. —Bueno.") == expected);
}

BOOST_AUTO_TEST_CASE(closing_quotes_after_the_stop) {
  const Sentences expected = {"Dijo: “Ya voy.”", "Y se fue."};
  BOOST_TEST(split("es", "Dijo: “Ya voy.” Y se fue.") == expected);
}

BOOST_AUTO_TEST_CASE(bracket_spanning_sentences) {
  const Sentences expected = {"Pablo, [(1900-1950) era pintor.", "Vivió en Roma]."};
  BOOST_TEST(split("es", "Pablo, [(1900-1950) era pintor. Vivió en Roma].") == expected);
}

BOOST_AUTO_TEST_CASE(a_heading_run_into_the_text) {
  const Sentences expected = {"Resultados del Campeonato de Liga", "El equipo ganó tres partidos."};
  BOOST_TEST(split("es", "Resultados del Campeonato de Liga El equipo ganó tres partidos.") ==
             expected);
}

BOOST_AUTO_TEST_CASE(names_and_titles_with_articles_go_on) {
  const std::string text =
      "Viajó a El Salvador con Al Gore, vio la película La vida es bella en La Paz y leyó "
      "Los miserables en Los Ángeles.";
  BOOST_TEST(split("es", text).size() == 1U);
}

BOOST_AUTO_TEST_CASE(informal_writing_without_stops) {
  const Sentences expected = {"Nos atendieron muy bien", "Lo mejor fue el postre :)",
                              "Volveremos pronto", "Hola, ya hemos vuelto."};
  BOOST_TEST(split("es",
                   "Nos atendieron muy bien Lo mejor fue el postre :) Volveremos pronto Hola, "
                   "ya hemos vuelto.") == expected);
}

BOOST_AUTO_TEST_CASE(emoji_end_a_sentence_before_a_capital) {
  const Sentences expected = {"Qué buena cena \U0001F60D", "Repetiremos seguro.", "Fin. \U0001F600",
                              "Hola \u2764\uFE0F y adiós."};
  BOOST_TEST(split("es",
                   "Qué buena cena \U0001F60D Repetiremos seguro. Fin. \U0001F600 Hola "
                   "\u2764\uFE0F y adiós.") == expected);
}

BOOST_AUTO_TEST_CASE(a_period_without_a_space_after_it) {
  const Sentences expected = {"Es parte de la saga Dune.", "Basada en la novela, triunfó."};
  BOOST_TEST(split("es", "Es parte de la saga Dune.Basada en la novela, triunfó.") == expected);
  BOOST_TEST(split("es", "Visite www.Ejemplo.org o pida el 1.Helado hoy.").size() == 1U);
}

BOOST_AUTO_TEST_CASE(capitals_inside_brackets_belong_to_the_aside) {
  const std::string text =
      "Vimos dos obras (una de ellas La casa de Bernarda Alba, la otra Yerma) y nos fuimos.";
  BOOST_TEST(split("es", text).size() == 1U);
}

BOOST_AUTO_TEST_CASE(symbols_and_acronyms_before_lower_case) {
  const Sentences expected = {"Subió un 5 %.", "después bajó.", "Trabaja en la ONU.",
                              "luego vuelve."};
  BOOST_TEST(split("es", "Subió un 5 %. después bajó. Trabaja en la ONU. luego vuelve.") ==
             expected);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(french)

BOOST_AUTO_TEST_CASE(spaces_before_double_punctuation) {
  const Sentences expected = {"Vraiment ?", "Oui !", "Il a dit : bien ; puis rien."};
  BOOST_TEST(split("fr", "Vraiment ? Oui ! Il a dit : bien ; puis rien.") == expected);
  const Sentences narrow = {"Vraiment\u202F?", "Oui\u00A0!"};
  BOOST_TEST(split("fr", "Vraiment\u202F? Oui\u00A0!") == narrow);
}

BOOST_AUTO_TEST_CASE(guillemets_with_spaces) {
  const Sentences expected = {"« Viens ! » dit-elle.", "« C’est fini. »", "Il partit."};
  BOOST_TEST(split("fr", "« Viens ! » dit-elle. « C’est fini. » Il partit.") == expected);
  const Sentences nbsp = {"«\u00A0Non.\u00A0»", "Bon."};
  BOOST_TEST(split("fr", "«\u00A0Non.\u00A0» Bon.") == nbsp);
}

BOOST_AUTO_TEST_CASE(titles_and_eras) {
  const Sentences expected = {"M. Dupont et Mme. Durand sont là.", "César mourut en 44 av. J.-C.",
                              "Rome changea."};
  BOOST_TEST(split("fr",
                   "M. Dupont et Mme. Durand sont là. César mourut en 44 av. J.-C. Rome "
                   "changea.") == expected);
}

BOOST_AUTO_TEST_CASE(elision_in_brackets_is_not_a_stop) {
  const Sentences expected = {"Je suis (...) Pierre."};
  BOOST_TEST(split("fr", "Je suis (...) Pierre.") == expected);
}

BOOST_AUTO_TEST_CASE(straight_quotes_by_their_balance) {
  const Sentences closing = {"Il a dit : \" Je viens. \"", "Puis il est parti."};
  BOOST_TEST(split("fr", "Il a dit : \" Je viens. \" Puis il est parti.") == closing);
  const Sentences opening = {"Il est parti.", "\" Je reviens \", a-t-il dit."};
  BOOST_TEST(split("fr", "Il est parti. \" Je reviens \", a-t-il dit.") == opening);
  // A lone quote closes a quotation begun before the paragraph, or opens one that ends after
  // it: speech (the first or second person) tells which side it is on.
  const Sentences lone = {"Qu\u2019ils nous le disent. \"", "Ensuite on verra."};
  BOOST_TEST(split("fr", "Qu\u2019ils nous le disent. \" Ensuite on verra.") == lone);
  const Sentences lone_opening = {"Le taux monte à 0,86.", "\" J\u2019ai vu la ville."};
  BOOST_TEST(split("fr", "Le taux monte à 0,86. \" J\u2019ai vu la ville.") == lone_opening);
}

BOOST_AUTO_TEST_CASE(openers_and_elided_openers) {
  const Sentences expected = {"Le repas était parfait", "C\u2019est une adresse à retenir",
                              "Merci à toute l\u2019équipe", "Bonjour, nous revenons."};
  BOOST_TEST(split("fr",
                   "Le repas était parfait C\u2019est une adresse à retenir Merci à toute "
                   "l\u2019équipe Bonjour, nous revenons.") == expected);
  BOOST_TEST(split("fr", "Il a lu le roman Les misérables chez L\u2019Oréal.").size() == 1U);
}

BOOST_AUTO_TEST_CASE(an_initial_inside_guillemets) {
  const Sentences expected = {"On l\u2019appelait « P. ».", "Puis il partit."};
  BOOST_TEST(split("fr", "On l\u2019appelait « P. ». Puis il partit.") == expected);
  const Sentences nbsp = {"Signé «\u00A0P.\u00A0» et daté.", "Rien d\u2019autre."};
  BOOST_TEST(split("fr", "Signé «\u00A0P.\u00A0» et daté. Rien d\u2019autre.") == nbsp);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(other_languages)

BOOST_AUTO_TEST_CASE(regional_variants_use_the_language_data) {
  const Sentences expected = {"Vino el Sr. Pérez.", "Luego se fue."};
  BOOST_TEST(split("es-MX", "Vino el Sr. Pérez. Luego se fue.") == expected);
  BOOST_TEST(split("fr_CA", "M. Tremblay arrive. Il part.").size() == 2U);
}

BOOST_AUTO_TEST_CASE(icu_with_note_references) {
  const Sentences expected = {"Das ist gut.[^1]", "Wir gehen."};
  BOOST_TEST(split("de", "Das ist gut.[^1] Wir gehen.") == expected);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(empty_and_blank_input_give_no_sentence) {
  BOOST_TEST(split("es", "").empty());
  BOOST_TEST(split("es", "  \t ").empty());
  BOOST_TEST(split("de", "").empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_an_input_error) {
  BOOST_CHECK_THROW(split("es", "caf\xC3"), InputError);
  BOOST_CHECK_THROW(split("de", "\xFF"), InputError);
}

BOOST_AUTO_TEST_CASE(control_characters_and_lone_reference_openers) {
  const std::string text = std::string("Hola\x01. Adiós [^ y [^. Fin") + '\0' + ". Otra.";
  const Sentences sentences = split("es", text);
  BOOST_TEST(!sentences.empty());
  BOOST_TEST(without_spaces(joined(sentences)) == without_spaces(text));
}

// Linear time is judged by growth, in processor time: four times the text may take at most
// eight times as long (a quadratic rule takes sixteen), whatever the machine or its load.
namespace {

struct TimedSplit {
  double cpu_seconds;
  std::size_t sentences;
};

TimedSplit timed_split(const std::string& text) {
  const std::clock_t start = std::clock();
  const std::size_t sentences = split("es", text).size();
  return {static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC, sentences};
}

double growth_when_four_times_longer(const std::string& unit, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += unit;
  const TimedSplit once = timed_split(text);
  text += text;
  text += text;
  const TimedSplit four_times = timed_split(text);
  BOOST_TEST(once.sentences > 0U);
  BOOST_TEST(four_times.sentences >= once.sentences);
  return four_times.cpu_seconds / std::max(once.cpu_seconds, 0.01);
}

}  // namespace

BOOST_AUTO_TEST_CASE(long_paragraph_without_punctuation_is_linear) {
  BOOST_TEST(growth_when_four_times_longer("palabra sin fin ", 2'000'000) < 8.0);
}

BOOST_AUTO_TEST_CASE(long_run_of_periods_without_spaces) {
  std::string text;
  while (text.size() < 2'000'000) text += "a.";
  BOOST_TEST(split("es", text).size() == 1U);
}

BOOST_AUTO_TEST_CASE(long_runs_of_openers_quotes_brackets_and_emoji_are_linear) {
  for (const std::string& unit :
       {std::string("palabra El "), std::string("\" ( [ "), std::string(":) "),
        std::string("\U0001F600\u200D"), std::string("Aa.Bb."), std::string("nous. \" ")}) {
    BOOST_TEST_CONTEXT("unit '" << unit << "'") {
      BOOST_TEST(growth_when_four_times_longer(unit, 500'000) < 8.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(sentences_keep_every_non_space_character) {
  const std::string text =
      "«¿Sí?» —preguntó.[^1] Luego… nada. (¡Ay!) Fin[^2]. 1. Uno. U. S. A. Etc. ¿Y?";
  BOOST_TEST(without_spaces(joined(split("es", text))) == without_spaces(text));
  BOOST_TEST(without_spaces(joined(split("fr", text))) == without_spaces(text));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(letter)

// The letter of 24 April 1936, as a careful reader splits it: 39 sentences in the body and 24
// in the notes.
BOOST_AUTO_TEST_CASE(letter_has_63_sentences) {
  Document document = read_document(std::string(ALINEA_SOURCE_DIR) +
                                    "/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge/es.md");
  segment_document(document);
  std::vector<std::size_t> body, notes;
  for (const Paragraph& paragraph : document.paragraphs) body.push_back(paragraph.sentences.size());
  for (const Note& note : document.notes) notes.push_back(note.sentences.size());
  const std::vector<std::size_t> expected_body = {1, 4, 4, 3, 8, 6, 2, 4, 2, 2, 1, 2};
  const std::vector<std::size_t> expected_notes = {4, 1, 5, 9, 2, 1, 2};
  BOOST_TEST(body == expected_body, boost::test_tools::per_element());
  BOOST_TEST(notes == expected_notes, boost::test_tools::per_element());

  const Paragraph* p2 = document.find_paragraph("p2");
  BOOST_REQUIRE(p2);
  BOOST_TEST(p2->sentences[1].find("N.I.[^2] y a mí") != std::string::npos);
  const Paragraph* p3 = document.find_paragraph("p3");
  BOOST_REQUIRE(p3);
  BOOST_TEST(p3->sentences[2].ends_with("¿puede que lo sea más tarde?"));
  const Paragraph* p8 = document.find_paragraph("p8");
  BOOST_REQUIRE(p8);
  BOOST_TEST(p8->sentences[0].find("Ch. Plisnier[^5];") != std::string::npos);
  BOOST_TEST(p8->sentences[0].ends_with("dueños)[^6]."));
  const Paragraph* p12 = document.find_paragraph("p12");
  BOOST_REQUIRE(p12);
  BOOST_TEST(p12->sentences[0].starts_with("N. I. le envía"));
  const Note* n4 = document.find_note("n4");
  BOOST_REQUIRE(n4);
  BOOST_TEST(n4->sentences[3].starts_with("G. Blumkin, [(1899-1929)"));
  BOOST_TEST(n4->sentences[7].ends_with("del GPU]."));
  for (const Paragraph& paragraph : document.paragraphs) {
    BOOST_TEST(without_spaces(joined(paragraph.sentences)) == without_spaces(paragraph.text));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(plain_text_gives_one_sentence_a_line_and_a_blank_line_between_paragraphs) {
  Segmenter segmenter("es");
  BOOST_TEST(segment_plain_text("Hola, Srta.\r\nLedesma. ¿Cómo está?\n\n \nBien.\n", "t.txt",
                                segmenter) == "Hola, Srta. Ledesma.\n¿Cómo está?\n\nBien.\n");
  BOOST_TEST(segment_plain_text("", "t.txt", segmenter).empty());
  try {
    (void)segment_plain_text("bien\n caf\xC3", "t.txt", segmenter);
    BOOST_FAIL("invalid UTF-8 was accepted");
  } catch (const InputError& error) {
    BOOST_TEST(std::string(error.what()) == "t.txt:2:5: invalid UTF-8");
  }
}

BOOST_AUTO_TEST_CASE(json_lines_give_the_sentences_of_each_text_or_the_line_that_is_wrong) {
  Segmenter segmenter("es");
  BOOST_TEST(segment_json_lines("{\"id\": 1, \"text\": \"Uno. Dos.\"}\n\n{\"text\": \"\"}\n", "in",
                                segmenter) ==
             "{\"sentences\":[\"Uno.\",\"Dos.\"]}\n{\"sentences\":[]}\n");
  const auto error_of = [&](std::string_view text) {
    try {
      (void)segment_json_lines(text, "in", segmenter);
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  BOOST_TEST(error_of("{\"text\": \"a\"}\n[1]\n") ==
             "in:2: expected a JSON object with a \"text\" field");
  BOOST_TEST(error_of("{\"text\": 3}") == "in:1: expected a string \"text\" field");
  BOOST_TEST(error_of("\n{\"text\" 3}") == "in:2:9: not valid JSON");
  BOOST_TEST(error_of("{\"text\": \"a\", \"n\": 1E4529053}") ==
             "in:1: not valid JSON: a number out of range");
}
