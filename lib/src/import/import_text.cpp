// Reading plain text as people copy it from web pages and editors: paragraphs separated by
// blank lines (or, when there are none, by line breaks), a block of numbered notes at the end
// whose numbers stand in the text. The method is described in docs/IMPORT.md.
#include <algorithm>

#include "import/import_steps.hpp"
#include "text/lines.hpp"
#include "text/unicode.hpp"

namespace alinea::import_steps {
namespace {

// Where the notes block starts: the last line that starts note 1 and after which every note
// start comes in order (2, 3 …) up to the end, each line either starting the next note or
// continuing the current one. std::nullopt when there is no such block.
struct NotesBlock {
  std::size_t first_line = 0;
  std::vector<std::vector<std::size_t>> notes;  // line indices of each note
  std::vector<std::string> first_texts;         // each note's first line, without its number
};

// A line's text without the block mark a web page's list item opens with (import_steps.hpp):
// a notes list is an ordered list.
std::string_view without_block_mark(std::string_view text) {
  if (!text.starts_with(block_mark_open)) return text;
  const std::size_t close = text.find(block_mark_close);
  return close == std::string_view::npos ? text : text.substr(close + block_mark_close.size());
}

std::optional<NotesBlock> find_notes_block(const std::vector<SourceLine>& lines) {
  for (std::size_t start = lines.size(); start-- > 0;) {
    if (!note_start(without_block_mark(lines[start].text), 1)) continue;
    NotesBlock block;
    block.first_line = start;
    for (std::size_t i = start; i < lines.size(); ++i) {
      if (lines[i].blank()) continue;
      if (const auto text = note_start(without_block_mark(lines[i].text), block.notes.size() + 1)) {
        block.notes.push_back({i});
        block.first_texts.push_back(*text);
      } else {
        block.notes.back().push_back(i);
      }
    }
    return block;
  }
  return std::nullopt;
}

// A notes block's own heading ("Notas", "Notes:"): one short line of at most three words,
// alone between blank lines or right before the first note, that does not end a sentence.
bool is_notes_heading(const SourceLine& line) {
  const std::string& text = line.text;
  const std::size_t words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
  return !text.empty() && words <= 3 && count_code_points(text) <= 30 &&
         (!ends_sentence(text) || text.back() == ':');
}

std::size_t count_blank_gaps(const std::vector<SourceLine>& lines, std::size_t& gaps) {
  std::size_t blank_gaps = 0;
  gaps = 0;
  bool seen = false;
  bool blank_since = false;
  for (const SourceLine& line : lines) {
    if (line.blank()) {
      blank_since = true;
      continue;
    }
    if (seen) {
      ++gaps;
      if (blank_since || line.page_break_before) ++blank_gaps;
    }
    seen = true;
    blank_since = false;
  }
  return blank_gaps;
}

// Lines hard-wrapped at a measure (an e-mail, a text file from an editor) rather than one line
// per paragraph: most lines are close to a common length of at most 100 characters.
std::size_t wrap_measure(const std::vector<SourceLine>& lines) {
  std::vector<std::size_t> lengths;
  for (const SourceLine& line : lines) {
    if (!line.blank()) lengths.push_back(count_code_points(line.text));
  }
  const std::size_t measure = typical_line_length(lengths);
  if (lengths.size() < 4 || measure > 100) return 0;
  const auto near = std::count_if(lengths.begin(), lengths.end(), [&](std::size_t length) {
    return length * 4 >= measure * 3 && length * 10 <= measure * 11;
  });
  const auto too_long = std::count_if(lengths.begin(), lengths.end(), [&](std::size_t length) {
    return length * 10 > measure * 12;
  });
  return too_long == 0 && near * 2 >= static_cast<std::ptrdiff_t>(lengths.size()) ? measure : 0;
}

// A line that starts a Markdown block (docs/FORMAT.md, the rules Pandoc reads): its block mark,
// and its text without the marker (an ordered item keeps its number, which take_block_mark
// makes its marker). Copied text that looks like Markdown is read as such: a paragraph that
// opens with "# ", "> ", "- " or "3. " followed by text.
struct BlockStart {
  std::string mark;
  std::string text;
};

std::optional<BlockStart> heading_start(std::string_view text) {
  const std::size_t hashes = text.find_first_not_of('#');
  if (hashes == 0 || hashes > 6 || hashes == std::string_view::npos || text[hashes] != ' ') {
    return std::nullopt;
  }
  std::string_view title = text.substr(hashes + 1);
  // A closing run of '#' after a space is not part of the title ("## Title ##").
  const std::size_t closing = title.find_last_not_of('#');
  if (closing != std::string_view::npos && closing + 1 < title.size() && title[closing] == ' ') {
    title = title.substr(0, closing);
  }
  while (!title.empty() && title.back() == ' ') title.remove_suffix(1);
  if (title.empty() || title.find_first_not_of('#') == std::string_view::npos) return std::nullopt;
  return BlockStart{block_mark("h" + std::to_string(hashes)), std::string(title)};
}

std::optional<BlockStart> item_start(std::string_view text) {
  if (text.size() >= 3 && (text[0] == '-' || text[0] == '*' || text[0] == '+') && text[1] == ' ') {
    // "- ¿Quién? - preguntó": a line of dialogue, as some texts set it, is not a list item.
    if (text[0] == '-' && text.find(" - ", 1) != std::string_view::npos) return std::nullopt;
    return BlockStart{block_mark(std::string("u") + text[0]), std::string(text.substr(2))};
  }
  const std::size_t digits = text.find_first_not_of("0123456789");
  if (digits == 0 || digits > 9 || digits == std::string_view::npos || digits + 2 >= text.size() ||
      (text[digits] != '.' && text[digits] != ')') || text[digits + 1] != ' ') {
    return std::nullopt;
  }
  return BlockStart{block_mark("o"), std::string(text)};
}

// "> text", or ">" alone (an empty string: a break between two paragraphs of the quotation).
std::optional<std::string> quote_line(std::string_view text) {
  if (text == ">") return std::string();
  if (!text.starts_with("> ")) return std::nullopt;
  return std::string(text.substr(2));
}

// The number of an ordered item's paragraph ("<mark o>3. …"), if it is one.
std::optional<std::size_t> ordered_number(std::string_view paragraph) {
  const std::string mark = block_mark("o");
  if (!paragraph.starts_with(mark)) return std::nullopt;
  std::size_t number = 0;
  for (std::size_t pos = mark.size();
       pos < paragraph.size() && paragraph[pos] >= '0' && paragraph[pos] <= '9'; ++pos) {
    number = number * 10 + static_cast<std::size_t>(paragraph[pos] - '0');
  }
  return number;
}

// "1936. Después" opening a paragraph is a year, not a list: an ordered item is read as one only
// beside another whose number comes before or after its own (1. then 2.). Others stay text.
std::vector<std::string> unmark_lone_ordered_items(std::vector<std::string> paragraphs) {
  std::vector<std::optional<std::size_t>> numbers;
  for (const std::string& paragraph : paragraphs) numbers.push_back(ordered_number(paragraph));
  const auto follows = [&](std::size_t before, std::size_t after) {
    return numbers[before] && numbers[after] && *numbers[before] + 1 == *numbers[after];
  };
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (!numbers[i]) continue;
    const bool in_list =
        (i > 0 && follows(i - 1, i)) || (i + 1 < paragraphs.size() && follows(i, i + 1));
    if (!in_list) paragraphs[i].erase(0, block_mark("o").size());
  }
  return paragraphs;
}

std::vector<std::string> paragraphs_of(const std::vector<SourceLine>& lines,
                                       std::vector<std::string>& warnings,
                                       bool markdown_structure) {
  std::size_t gaps = 0;
  const std::size_t blank_gaps = count_blank_gaps(lines, gaps);
  const bool line_breaks_only = gaps > 0 && blank_gaps == 0;
  const std::size_t measure = line_breaks_only ? wrap_measure(lines) : 0;
  if (line_breaks_only) {
    warnings.push_back(
        measure == 0
            ? "no blank line between paragraphs: each line is taken as a paragraph"
            : "no blank line between paragraphs: the lines are wrapped at about " +
                  std::to_string(measure) +
                  " characters; a paragraph is taken to end where a line ends a sentence and "
                  "the next word would have fitted on it");
  }
  ParagraphBuilder paragraphs;
  // What the paragraph under way is: a quotation and a list item go on with the lines after
  // them (Pandoc's lazy continuation) until a blank line; "> " lines go on a quotation too.
  enum class Open { nothing, text, quote, quote_break, item };
  Open open = Open::nothing;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const SourceLine& line = lines[i];
    if (line.blank() || line.page_break_before) {
      paragraphs.end_paragraph();
      open = Open::nothing;
    }
    if (line.blank()) continue;
    std::string text = line.text;
    if (markdown_structure) {
      const auto quoted = quote_line(text);
      const auto item = item_start(text);
      if (open == Open::quote || open == Open::quote_break) {
        if (quoted && quoted->empty()) {
          paragraphs.end_paragraph();
          open = Open::quote_break;
          continue;
        }
        if (quoted) text = *quoted;
        if (quoted && open == Open::quote_break) {
          text = block_mark("q") + text;
          open = Open::quote;
        }
      } else if (open == Open::item && item) {
        paragraphs.end_paragraph();
        text = item->mark + item->text;
      } else if (open == Open::nothing) {
        if (const auto heading = heading_start(text)) {
          // A heading is one line: the next line starts a block of its own.
          paragraphs.add_line(heading->mark + heading->text);
          paragraphs.end_paragraph();
          continue;
        }
        if (quoted) {
          open = quoted->empty() ? Open::quote_break : Open::quote;
          if (quoted->empty()) continue;
          text = block_mark("q") + *quoted;
        } else if (item) {
          open = Open::item;
          text = item->mark + item->text;
        }
      }
    }
    if (open == Open::nothing) open = Open::text;
    // Plain text is not hyphenated by a typesetter: a hyphen at a line end is a real one.
    paragraphs.add_line(text);
    const bool next_exists = i + 1 < lines.size() && !lines[i + 1].blank();
    const bool ends = line_breaks_only && (measure == 0 || !next_exists ||
                                           ends_paragraph(line.text, lines[i + 1].text, measure));
    if (ends) {
      paragraphs.end_paragraph();
      open = Open::nothing;
    }
  }
  std::vector<std::string> found = std::move(paragraphs).finish();
  return markdown_structure ? unmark_lone_ordered_items(std::move(found)) : found;
}

std::size_t count_references(const std::vector<ReferencedText>& texts) {
  std::size_t count = 0;
  for (const ReferencedText& text : texts) count += text.labels.size();
  return count;
}

}  // namespace

PdfLayout analyse_plain_text(std::string_view input, bool markdown_structure) {
  std::vector<SourceLine> lines = read_lines(input);
  // No footnote rules in plain text: a long run of spaces is a blank line, underscores are text.
  for (SourceLine& line : lines) line.separator = false;
  PdfLayout layout;
  std::optional<NotesBlock> notes = find_notes_block(lines);
  std::vector<SourceLine> body_lines(
      lines.begin(),
      notes ? lines.begin() + static_cast<std::ptrdiff_t>(notes->first_line) : lines.end());
  // The block's heading, the last non-blank line before it, is dropped with it.
  std::size_t heading = body_lines.size();
  for (std::size_t i = body_lines.size(); notes && i-- > 0;) {
    if (body_lines[i].blank()) continue;
    if (is_notes_heading(body_lines[i]) && (i == 0 || body_lines[i - 1].blank())) heading = i;
    break;
  }
  std::vector<std::string> labels;
  if (notes) {
    for (std::size_t n = 0; n < notes->notes.size(); ++n) labels.push_back(std::to_string(n + 1));
  }
  std::vector<SourceLine> without_heading = body_lines;
  without_heading.resize(heading);
  layout.paragraphs = paragraphs_of(without_heading, layout.warnings, markdown_structure);
  // Notes only when every number of the block stands in the text as a reference: otherwise a
  // numbered list at the end of a text would be taken for notes.
  if (notes &&
      count_references(place_note_references(layout.paragraphs, labels)) == labels.size()) {
    for (std::size_t n = 0; n < notes->notes.size(); ++n) {
      std::string text = notes->first_texts[n];
      for (std::size_t k = 1; k < notes->notes[n].size(); ++k) {
        text += " " + lines[notes->notes[n][k]].text;
      }
      layout.notes.push_back({labels[n], std::move(text)});
    }
    return layout;
  }
  layout.warnings.clear();
  layout.paragraphs = paragraphs_of(lines, layout.warnings, markdown_structure);
  return layout;
}

}  // namespace alinea::import_steps
