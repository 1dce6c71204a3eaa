// The steps of importing PDF-extracted text, one small function each (see docs/IMPORT.md).
// Internal to the library; the unit tests include it to test every step on its own.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/document.hpp"
#include "import/paragraph_guide.hpp"

namespace alinea {
class Dictionary;
}

namespace alinea::import_steps {

// One line of the input, trimmed, with what its raw form told.
struct SourceLine {
  std::string text;                // trimmed; inner runs of white space folded to one space;
                                   // empty when the line holds only white space of any kind
  std::size_t number = 0;          // 1-based line number in the input
  std::size_t indent = 0;          // leading spaces (tabs count 4)
  bool separator = false;          // a footnote rule: a long line of spaces, '_' or dashes
  bool page_break_before = false;  // a form feed came before it
  std::string block = {};          // the PDF reader's block mark on it, taken off its text:
                                   // "h2" a heading, "q" a line of a quotation
  [[nodiscard]] bool blank() const noexcept { return text.empty() && !separator; }
};

// Splits the input into lines: BOM dropped, CRLF and CR accepted, form feeds marked, control
// characters turned into spaces.
[[nodiscard]] std::vector<SourceLine> read_lines(std::string_view input);

// A note number set raised above its note's first line (groff ms, many books) comes out of a
// layout extraction as a line of its own ("   4", then "     Sa soremelo …"). Such a line — only
// a number of one to three digits, less indented than the text line right after it, with no
// blank line or page break between them — is joined to that line ("4 Sa soremelo …").
[[nodiscard]] std::vector<SourceLine> join_raised_note_numbers(std::vector<SourceLine> lines);

// Endnotes set as a list with hanging numbers come out of a plain extraction as a column of
// numbers ("1.", "2.", … alone on their lines, blank lines between some), then the notes' text
// without them. The numbers are put back where each note starts: after lines that end a
// sentence short of the measure, and one line apart where the column has consecutive numbers.
// The column's lines are removed.
[[nodiscard]] std::vector<SourceLine> attach_note_number_column(std::vector<SourceLine> lines);

// A footnote separator as PDF extraction leaves it: nothing but spaces, underscores or dashes,
// at least ten characters long.
[[nodiscard]] bool is_separator_line(std::string_view raw_line);

// "12", "- 12 -", "Página 12", "p. 12", "12 / 40", "12 de 40".
[[nodiscard]] bool is_page_number(std::string_view text);

// A line that is only an e-mail address or a web address (a page footer's contact).
[[nodiscard]] bool is_contact(std::string_view text);

// A date written out in Spanish, French or English ("24 de abril de 1936", "24 avril 1936",
// "April 24, 1936") as ISO 8601 "1936-04-24"; std::nullopt when the line is anything else.
[[nodiscard]] std::optional<std::string> parse_date(std::string_view text);

// A person's name as a title block gives it: at most six words, capitalised, or particles
// ("de", "von").
[[nodiscard]] bool looks_like_name(std::string_view text);

// Whether a line ends a sentence: . ! ? … : ; possibly followed by closing quotes or brackets.
[[nodiscard]] bool ends_sentence(std::string_view text);

// The same, or a sentence end followed by a note number glued to it ("ga.81", "nota?5").
[[nodiscard]] bool ends_sentence_with_reference(std::string_view text);

// The length of a full line of a justified block, estimated robustly from its lines' lengths
// (in characters): the median of the lines at least 70% as long as the 90th percentile, so
// that paragraph ends and headings do not pull it down. 0 for no lines.
[[nodiscard]] std::size_t typical_line_length(std::vector<std::size_t> lengths);

// A line more than 15% longer than the measure is several printed lines that the extraction
// joined (plain pdftotext joins a line ending in a hyphen with the next): the fewest lines of at
// most 115% of the measure that make it, and the length of the last one, the others taken as
// full (`measure` each). A line of the measure or less is one line.
struct PrintedLines {
  std::size_t count = 1;
  std::size_t last = 0;
};
[[nodiscard]] PrintedLines printed_lines(std::size_t length, std::size_t measure);

// Plain pdftotext joins a line ending in a hyphen with the next and drops the hyphen, even a
// real one before a capital ("Brest-" "Litovsk" becomes "BrestLitovsk"). In a line made of
// several printed lines (printed_lines), a word that turns from a lower-case letter to a
// capital within 15% of the measure of where a printed line ended gets its hyphen back there.
[[nodiscard]] std::string restore_joined_hyphens(std::string_view line, std::size_t measure);

// A typesetter's reading of a line break inside a justified block: the line ends its
// paragraph when the next line's first word would have fitted on it (`full_length`
// characters) and it ends a sentence or is clearly short.
[[nodiscard]] bool ends_paragraph(std::string_view line, std::string_view next,
                                  std::size_t full_length);

// Joins two wrapped lines. A hyphen at the end of `left` is dropped when it splits a word
// ("revolu-" "cionario"), kept when it is a real one ("Brest-" "Litovsk", "1890-" "1947"); the
// dictionary, when given, decides between "one word" and "a compound" for lower-case
// continuations. Other lines are joined with one space.
[[nodiscard]] std::string join_wrapped(std::string_view left, std::string_view right,
                                       const Dictionary* dictionary);

// The start of a note at a page foot: "3 Text", "3. Text", "[3] Text", "(3) Text", "³ Text", when
// the number is `expected`. Returns the text after the number.
[[nodiscard]] std::optional<std::string> note_start(std::string_view text, std::size_t expected);

// What a page-feature scan found in the text.
struct TitleBlock {
  std::string title;
  std::string author;
  std::string date;                // ISO 8601
  std::vector<std::size_t> lines;  // indices into the line list
};

// The title block (title / author / date lines, short, consecutive) wherever it appears.
[[nodiscard]] std::optional<TitleBlock> find_title_block(const std::vector<SourceLine>& lines);

// Indices of lines that repeat on several pages (running heads and footers): short lines that
// occur at least twice once digits are ignored, and do not end a sentence.
[[nodiscard]] std::vector<std::size_t> find_running_heads(const std::vector<SourceLine>& lines);

// Marker that stands for a note reference inside raw text until it is escaped.
inline constexpr char reference_marker = '\x01';

// Finds the note numbers in body paragraphs, in order 1..N: superscript digits, bracketed
// markers ("[3]", " [3]") and numbers glued to the word or punctuation before them
// ("Lvovich1", "N.I.2", "dueños)6."), and "(3)" after a space. Each found number is replaced by
// `reference_marker`; the labels found, in order, are returned per paragraph. Numbers that are not
// the next expected note (1936, "(200", "213-215") are left alone.
struct ReferencedText {
  std::string text;
  std::vector<std::string> labels;
};
[[nodiscard]] std::vector<ReferencedText> place_note_references(
    const std::vector<std::string>& paragraphs, const std::vector<std::string>& labels);

// Escapes what escape_markdown leaves and Pandoc would still read as the start of a block in a
// paragraph or a note: list markers "a) ", "(iv) ", "b. ", a definition ": ", a rule "---".
[[nodiscard]] std::string protect_block_start(std::string markdown);

// Raw text (with reference markers) as corpus Markdown.
[[nodiscard]] std::string to_markdown(const ReferencedText& text);

// The result of reading a PDF extraction's layout.
struct PdfLayout {
  std::optional<TitleBlock> title;
  std::string source;                 // the opening editorial note, without its parentheses
  std::vector<std::string> contacts;  // e-mail or web addresses found at page feet
  std::vector<std::string> paragraphs;
  struct NoteText {
    std::string label;
    std::string text;
  };
  std::vector<NoteText> notes;
  std::vector<std::string> warnings;  // what was assumed where the input did not say
};

// `paragraphs_like`: the paragraphs of the source the text translates, which decide the
// paragraph ends the layout cannot tell (paragraph_guide.hpp); empty, the layout alone decides.
[[nodiscard]] PdfLayout analyse_pdf_text(std::string_view input, const Dictionary* dictionary,
                                         const std::vector<SourceParagraph>& paragraphs_like = {});

// Plain text: paragraphs separated by blank lines, or by line breaks when there is no blank
// line (then a warning says which reading was taken); a block of numbered notes at the end
// becomes notes when every one of its numbers stands in the text as a reference. With
// `markdown_structure`, a paragraph that opens like a Markdown heading, quotation or list item
// ("# ", "> ", "- ", "3. ") is one, its text marked with its block (block_mark_open below); the
// text must hold no block mark of its own.
[[nodiscard]] PdfLayout analyse_plain_text(std::string_view input, bool markdown_structure);

// A web page read (import_html.cpp, the only file that talks to gumbo): its text laid out as
// plain text for analyse_plain_text — blocks separated by blank lines, note references as
// "[n]" or superscript digits, notes (a Notes section, <aside>s) at the end — without
// navigation, layout tables, scripts and the site's header and footer; and what its title
// block, <head> and <time> say. Throws std::length_error for a page nested absurdly deep.
// A web page's block structure travels through the plain-text reading as a mark at the start of
// a block's text: U+FDD2, a code ("h1" … "h6" a heading, "q" a quotation paragraph, "u" an item
// of a bullet list — "u*", "u+" with that marker —, "o" an ordered item whose text opens with
// its number, "3. " or "3) "), U+FDD3. Noncharacters: a page's text never holds them (read_html
// drops them). take_block_mark removes every mark from a paragraph and gives the first one's block.
inline constexpr std::string_view block_mark_open = "\xEF\xB7\x92";   // U+FDD2
inline constexpr std::string_view block_mark_close = "\xEF\xB7\x93";  // U+FDD3
// The mark of a block whose code is `code`, as it opens the block's text.
[[nodiscard]] inline std::string block_mark(std::string_view code) {
  return std::string(block_mark_open) + std::string(code) + std::string(block_mark_close);
}
struct BlockMark {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;
  std::string marker;
};
[[nodiscard]] BlockMark take_block_mark(std::string& text);
// The text without any block mark (an input's own noncharacters).
[[nodiscard]] std::string without_block_marks(std::string_view text);

struct HtmlText {
  std::string title;
  std::string author;
  std::string date;  // ISO 8601
  std::string text;
};
[[nodiscard]] HtmlText read_html(std::string_view utf8_html);

// Why a PDF gives no text: not a PDF, damaged, encrypted, no pages, no text layer, too large.
struct UnreadablePdf : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Larger PDFs are refused before poppler parses them: a book's text is far smaller, and what is
// larger is scanned images, which have no text to import anyway.
inline constexpr std::size_t largest_pdf = std::size_t{128} << 20U;
inline constexpr int most_pdf_pages = 20000;

// A PDF's text (pdf_poppler.cpp, the only file that talks to poppler): each page's lines in
// physical layout order with their indents, as `pdftotext -layout` sets them, pages separated
// by form feeds — the input analyse_pdf_text reads. Throws UnreadablePdf saying why not.
[[nodiscard]] std::string read_pdf_text(std::string_view pdf);

// The gaps between consecutive non-blank lines, and how many of them hold a blank line: when all
// (or nearly all) do, blank lines only double the lines and say nothing of paragraphs.
struct LineGaps {
  std::size_t gaps = 0;
  std::size_t blank = 0;
};
[[nodiscard]] LineGaps count_line_gaps(const std::vector<bool>& blank_lines);

}  // namespace alinea::import_steps
