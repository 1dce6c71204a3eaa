// The rules the segmenter applies, one function each (internal; declared so that each is tested).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "corpus/note_reference.hpp"

namespace alinea {

namespace segment_rules {

// Sentence-final punctuation: . ! ? … and their doubled and full-width forms.
[[nodiscard]] bool is_terminator(char32_t c) noexcept;
[[nodiscard]] bool is_closing_punctuation(char32_t c) noexcept;  // ) ] } » ” ’ " ' ›
[[nodiscard]] bool is_opening_punctuation(char32_t c) noexcept;  // ( [ { « “ ‘ " ' ‹ ¿ ¡
[[nodiscard]] bool is_dash(char32_t c) noexcept;                 // - – — (dialogue, lists)

// The note reference `[^label]` at a position: the document model's grammar.
using alinea::note_reference_length;

// "IV", "xii": a roman numeral (as an ordinal or a chapter number).
[[nodiscard]] bool is_roman_numeral(std::string_view word) noexcept;
// "1936", "12,5", "351.123": digits with inner separators.
[[nodiscard]] bool is_number(std::string_view word) noexcept;
// "N", "N.I", "J.-C": single letters joined by periods or hyphens, i.e. initials.
[[nodiscard]] bool is_initials(std::string_view word) noexcept;
// "Ch", "Sr", "pp": up to three letters, one of them lower case, and no vowel — an abbreviation,
// never a word of Spanish or French (upper-case acronyms like "PSOE" or "CNT" are words here).
[[nodiscard]] bool is_vowelless_abbreviation(std::string_view word) noexcept;
// "(...)", "[…]": an ellipsis marking a cut in a quotation, not the end of a sentence.
[[nodiscard]] bool is_bracketed_ellipsis(std::string_view text, std::size_t begin,
                                         std::size_t end) noexcept;

enum class AbbreviationKind { none, ordinary, number, title };

// A language's abbreviations (lib/data/abbreviations/<lang>.txt), looked up by whole word
// without its final period, ignoring case.
class Abbreviations {
 public:
  Abbreviations() = default;
  explicit Abbreviations(std::string_view list);  // the data file's text
  // "es": the primary language subtag (Language::primary).
  [[nodiscard]] static Abbreviations for_language(std::string_view primary_language);
  [[nodiscard]] AbbreviationKind kind(std::string_view word) const;

 private:
  std::unordered_map<std::string, AbbreviationKind> entries_;
};

// What follows a candidate boundary, after white space: a word in lower case, a capitalised
// word (or a letter without case), a digit, opening punctuation or a dash, punctuation that
// continues a sentence (, ; : ) » …), or another symbol ($, •).
enum class NextWord { lower, upper, digit, opening, continuation, other };

// Whether a stop made only of periods (one period: "." after `word`) ends the sentence before
// `next`. `word` is the text before the period back to white space, opening punctuation
// stripped (an elision before a capital is looked past: "l’U", "d'U.R.S" are initials);
// `after_closing` tells that the period follows a closing bracket or quote; `list_marker` that the
// sentence so far is only a number or a bullet ("1.", "• 2."). Before lower case, only a full word
// (three letters or more, not an abbreviation, not a unit after a number), an acronym in capitals
// or a symbol ends the sentence: "Je suis Chris. comment allez-vous", "en la ONU. luego", "un 5 %.
// después".
struct PeriodContext {
  std::string_view word;
  bool after_closing = false;
  bool list_marker = false;
  bool after_number = false;  // the word before follows a number: "50 h.", "1 min."
  NextWord next = NextWord::other;
  bool next_is_roman_numeral = false;
  bool next_is_initial = false;  // "25 a. C.": the next word is a letter and a period
};
[[nodiscard]] bool period_ends_sentence(const PeriodContext& context,
                                        const Abbreviations& abbreviations);
// An ellipsis ends the sentence before a capital or an opening ¡ ¿ « …, not before lower case.
[[nodiscard]] bool ellipsis_ends_sentence(NextWord next) noexcept;
// A semicolon before a capitalised word joins two sentences (as treebanks split them), unless
// it separates the items of a list, "Brasil, Dilma; Chile, Michelle": the capitalised word is
// followed by a comma.
[[nodiscard]] bool semicolon_ends_sentence(NextWord next, bool next_word_before_comma) noexcept;
// ? and ! end the sentence unless lower case follows ("¿verdad? dijo", "(Lisa !) et").
[[nodiscard]] bool question_or_exclamation_ends_sentence(NextWord next) noexcept;

// The roles some words play for the segmenter (lib/data/words/<lang>.txt; its header explains
// them). Looked up ignoring case, with ’ read as '.
class WordRoles {
 public:
  WordRoles() = default;
  explicit WordRoles(std::string_view list);  // the data file's text
  [[nodiscard]] static WordRoles for_language(std::string_view primary_language);
  [[nodiscard]] bool opens(std::string_view word) const;   // "Al", "Ils", "C'" (of "C'est")
  [[nodiscard]] bool binds(std::string_view word) const;   // "de", "película": not a last word
  [[nodiscard]] bool speaks(std::string_view word) const;  // "nous", "yo": first or second person

 private:
  struct Roles {
    bool opens = false;
    bool binds = false;
    bool speaks = false;
  };
  [[nodiscard]] Roles roles(std::string_view word) const;
  std::unordered_map<std::string, Roles> entries_;
};

// Whether `text` has a word of the first or second person ("nous", "J'" of "J'ai"): the mark of
// quoted speech rather than narration.
[[nodiscard]] bool has_speaker_word(std::string_view text, const WordRoles& words);

// A straight double quote with space on both sides, after a stop, in a paragraph whose straight
// quotes do not balance: it has lost its partner, so it either closes a quotation begun earlier
// or opens one that ends later. It opens when the text after it is speech and the sentence
// before is not (`à 0,86. " J'ai vu…`); otherwise it closes (`nous le disent. " Elle…`).
[[nodiscard]] bool lone_quote_closes(std::string_view sentence_before, std::string_view text_after,
                                     const WordRoles& words);

// A capitalised word with no stop before it, as where a heading runs into the text ("…de
// Liga El equipo ganó…") or in informal writing ("…nos atendieron muy bien Lo mejor fue…").
// `previous` is the word before it back to white space, `word` the capitalised word ("Al", or
// "C'" of "C'est"), `next` what follows it; `next_is_comma` that a comma follows it directly.
// It begins a sentence when it is an opener in title case, followed by lower case or a comma,
// after a word that ends in a letter or a digit and does not bind what follows it.
struct UnpunctuatedContext {
  std::string_view previous;
  std::string_view word;
  NextWord next = NextWord::other;
  bool next_is_comma = false;
};
[[nodiscard]] bool begins_unpunctuated_sentence(const UnpunctuatedContext& context,
                                                const WordRoles& words);

// ":)", ";-)", ":D", "=P": a text emoticon written as a word of its own. Like an emoji, it ends
// the sentence before a capitalised word: "el postre :) Volveremos".
[[nodiscard]] bool is_emoticon(std::string_view word) noexcept;

// A period with no space after it ends the sentence between two plain words, the one before of
// three letters or more in lower case at its end and not an abbreviation, the one after
// capitalised and then in lower case ("la saga Dune.Basada en"); never inside addresses,
// numbers or names with more periods ("www.Ejemplo.org", "1.Helado", "Sr.García").
// `after` runs to the next white space.
[[nodiscard]] bool glued_period_ends_sentence(std::string_view before, std::string_view after,
                                              const Abbreviations& abbreviations);

}  // namespace segment_rules

}  // namespace alinea
