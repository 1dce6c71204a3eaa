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

std::vector<std::string> paragraphs_of(const std::vector<SourceLine>& lines,
                                       std::vector<std::string>& warnings) {
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
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const SourceLine& line = lines[i];
    if (line.blank() || line.page_break_before) paragraphs.end_paragraph();
    if (line.blank()) continue;
    // Plain text is not hyphenated by a typesetter: a hyphen at a line end is a real one.
    paragraphs.add_line(line.text);
    const bool next_exists = i + 1 < lines.size() && !lines[i + 1].blank();
    const bool ends = line_breaks_only && (measure == 0 || !next_exists ||
                                           ends_paragraph(line.text, lines[i + 1].text, measure));
    if (ends) paragraphs.end_paragraph();
  }
  return std::move(paragraphs).finish();
}

std::size_t count_references(const std::vector<ReferencedText>& texts) {
  std::size_t count = 0;
  for (const ReferencedText& text : texts) count += text.labels.size();
  return count;
}

}  // namespace

PdfLayout analyse_plain_text(std::string_view input) {
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
  layout.paragraphs = paragraphs_of(without_heading, layout.warnings);
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
  layout.paragraphs = paragraphs_of(lines, layout.warnings);
  return layout;
}

}  // namespace alinea::import_steps
