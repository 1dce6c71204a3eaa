// Reading and writing corpus documents: YAML front matter and a Markdown body of paragraphs and
// note definitions, the subset of Pandoc's Markdown that alinea documents use.
#include <algorithm>
#include <unordered_map>

#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "text/lines.hpp"
#include "text/unicode.hpp"
#include "util/yaml.hpp"

namespace alinea {
namespace {

struct Line {
  std::string_view text;
  std::size_t number;  // 1-based
};

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::size_t indentation(std::string_view line) {
  std::size_t width = 0;
  for (const char c : line) {
    if (c == ' ') {
      ++width;
    } else if (c == '\t') {
      width += 4 - width % 4;
    } else {
      break;
    }
  }
  return width;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (const std::string_view line : lines_of(text)) lines.push_back({line, lines.size() + 1});
  return lines;
}

// "[^label]: text" → label and the offset of the text; std::nullopt for anything else.
std::optional<std::pair<std::string, std::size_t>> note_definition_start(std::string_view line) {
  const std::size_t indent = indentation(line);
  if (indent > 3) return std::nullopt;
  const std::size_t open = line.find_first_not_of(" \t");
  if (line.compare(open, 2, "[^") != 0) return std::nullopt;
  // The label ends at the first ']': in "[^1] x \\]: y" the paragraph cites note 1.
  const std::size_t close = line.find(']', open);
  if (close == std::string_view::npos || line.substr(close, 2) != "]:") return std::nullopt;
  return std::pair{std::string(line.substr(open + 2, close - open - 2)), close + 2};
}

// Adds a file line (bytes `from` to `to`) to a paragraph's or note's text, remembering where it
// came from.
template <typename Block>
void append_line(Block& block, const Line& line, std::size_t from = 0,
                 std::size_t to = std::string_view::npos) {
  const std::string_view piece = trim(line.text.substr(from, to - from));
  if (piece.empty()) return;
  if (!block.text.empty()) block.text += ' ';
  const auto start = static_cast<std::size_t>(piece.data() - line.text.data());
  block.lines.push_back(
      {block.text.size(), line.number, count_code_points(line.text.substr(0, start)) + 1});
  block.text += piece;
}

bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}

// "## Title ##": the level and where the title is in the line. Pandoc's ATX headings: one to six
// '#', then a space; a closing run of '#' after a space is not part of the title. A heading with
// no title is not one (it stays text).
struct HeadingLine {
  int level;
  std::size_t begin;
  std::size_t end;
};

std::optional<HeadingLine> heading_line(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos || line[start] != '#') return std::nullopt;
  std::size_t hashes = start;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes - start > 6 || hashes == line.size() || !is_space_or_tab(line[hashes])) {
    return std::nullopt;
  }
  const std::size_t begin = line.find_first_not_of(" \t", hashes);
  if (begin == std::string_view::npos) return std::nullopt;
  std::size_t end = line.find_last_not_of(" \t") + 1;
  std::size_t run = end;
  while (run > begin && line[run - 1] == '#') --run;
  if (run < end) {
    if (run == begin) return std::nullopt;  // "# ##": a heading with no title
    if (is_space_or_tab(line[run - 1])) end = line.find_last_not_of(" \t", run - 1) + 1;
  }
  return HeadingLine{static_cast<int>(hashes - start), begin, end};
}

// "- text", "* text", "+ text", "12. text", "3) text": the marker and where the text starts.
// A marker must be followed by white space and some text (a lone "-" or "1936." is text).
struct ListMarker {
  std::string_view marker;
  std::size_t indent;  // the marker's column, tabs expanded
  std::size_t text;    // the byte offset of the item's text in the line
};

std::optional<ListMarker> list_marker(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::nullopt;
  std::size_t end = start;
  if (line[start] == '-' || line[start] == '*' || line[start] == '+') {
    end = start + 1;
  } else {
    while (end < line.size() && line[end] >= '0' && line[end] <= '9') ++end;
    if (end == start || end - start > 9 || end == line.size() ||
        (line[end] != '.' && line[end] != ')')) {
      return std::nullopt;
    }
    ++end;
  }
  if (end == line.size() || !is_space_or_tab(line[end])) return std::nullopt;
  const std::size_t text = line.find_first_not_of(" \t", end);
  if (text == std::string_view::npos) return std::nullopt;
  return ListMarker{line.substr(start, end - start), indentation(line), text};
}

// "> text": where the quoted text starts (after '>' and one space); std::nullopt for a line that
// does not start a quotation line.
std::optional<std::size_t> quote_content(std::string_view line) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos || line[start] != '>') return std::nullopt;
  return start + 1 < line.size() && is_space_or_tab(line[start + 1]) ? start + 2 : start + 1;
}

// The blocks of a body as they are read, line by line (docs/FORMAT.md, "Body"): Pandoc's rules
// that a heading, a block quotation or a list starts only at the start of a block (after a blank
// line, a heading or, for a list item, another list item), so that "1936." or "- " after a soft
// line break in running text stays text.
class BodyReader {
 public:
  explicit BodyReader(Document& document) : document_(document) {}

  // The line starts a block (it follows a blank line or a heading).
  void start_block(const Line& line) {
    if (!item_columns_.empty()) {
      const std::size_t indent = indentation(line.text);
      while (!item_columns_.empty() && indent < item_columns_.back()) item_columns_.pop_back();
      if (!item_columns_.empty()) {
        // Indented under an item: a nested item, or a further paragraph of that item.
        if (const auto marker = list_marker(line.text)) {
          start_item(line, *marker);
        } else {
          Paragraph& paragraph =
              add(line, BlockKind::list_item, static_cast<int>(item_columns_.size()));
          append_line(paragraph, line);
        }
        return;
      }
    }
    if (const auto quoted = quote_content(line.text)) {
      if (!is_blank(line.text.substr(*quoted))) {
        append_line(add(line, BlockKind::quote, 0), line, *quoted);
        open_ = true;
      }
      return;
    }
    if (const auto heading = heading_line(line.text)) {
      append_line(add(line, BlockKind::heading, heading->level), line, heading->begin,
                  heading->end);
      open_ = false;  // a heading is one line: the next line starts a block
      return;
    }
    if (const auto marker = list_marker(line.text)) {
      start_item(line, *marker);
      return;
    }
    append_line(add(line, BlockKind::paragraph, 0), line);
  }

  // The line follows a line of the open block.
  void continue_block(const Line& line) {
    Paragraph& open = document_.paragraphs.back();
    if (open.kind == BlockKind::list_item) {
      if (const auto marker = list_marker(line.text)) {
        start_item(line, *marker);
        return;
      }
    } else if (open.kind == BlockKind::quote) {
      if (const auto quoted = quote_content(line.text)) {
        const std::string_view content = line.text.substr(*quoted);
        if (is_blank(content)) {
          open_ = false;  // "> a", ">", "> b": two paragraphs of a quotation
        } else if (list_marker(open.text) && list_marker(content)) {
          append_line(add(line, BlockKind::quote, 0), line, *quoted);  // a list quoted
        } else {
          append_line(open, line, *quoted);
        }
        return;
      }
    }
    append_line(open, line);  // a soft line break, or a lazy continuation line
  }

  // A note definition or a blank line ends the open block; a note definition ends lists too.
  void end_block(bool and_lists) {
    open_ = false;
    if (and_lists) item_columns_.clear();
  }

  [[nodiscard]] bool open() const { return open_; }

 private:
  Paragraph& add(const Line& line, BlockKind kind, int level) {
    if (kind != BlockKind::list_item) item_columns_.clear();
    Paragraph paragraph;
    paragraph.id = "p" + std::to_string(document_.paragraphs.size() + 1);
    paragraph.line = line.number;
    paragraph.kind = kind;
    paragraph.level = level;
    document_.paragraphs.push_back(std::move(paragraph));
    open_ = true;
    return document_.paragraphs.back();
  }

  void start_item(const Line& line, const ListMarker& marker) {
    while (!item_columns_.empty() && marker.indent < item_columns_.back()) item_columns_.pop_back();
    item_columns_.push_back(marker.indent + marker.marker.size() + 1);
    Paragraph& item = add(line, BlockKind::list_item, static_cast<int>(item_columns_.size()));
    item.marker = std::string(marker.marker);
    append_line(item, line, marker.text);
  }

  Document& document_;
  bool open_ = false;
  // The column where the text of each open list item starts, outermost first: a line indented
  // that far belongs to the item.
  std::vector<std::size_t> item_columns_;
};

std::string_view strip_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

// A paragraph's text as written at the start of a block. A text that begins like a block marker
// can only come from a first line that starts like one but is not one ("-", "1936.", "## #")
// followed by more lines; it is written broken at the first single space after which the first
// line no longer starts a block, so that it reads back as the same paragraph. (Lines are trimmed
// and joined with one space, so only a single space can be a line break.) Inside a list item
// (a further paragraph of it) a heading is text, but a list marker on any later line starts an
// item: those lines are broken the same way ("- - b" is written "-", "-", "b").
std::string bare_paragraph(const std::string& text, bool inside_item = false) {
  const auto opens_block = [inside_item](std::string_view line, bool first_line) {
    if (list_marker(line)) return first_line || inside_item;
    return first_line && !inside_item && heading_line(line).has_value();
  };
  std::string out;
  std::string_view rest(text);
  for (bool first_line = true; opens_block(rest, first_line); first_line = false) {
    std::size_t line_end = std::string_view::npos;
    for (std::size_t space = rest.find(' '); space != std::string_view::npos;
         space = rest.find(' ', space + 1)) {
      const bool single = space > 0 && !is_space_or_tab(rest[space - 1]) &&
                          space + 1 < rest.size() && !is_space_or_tab(rest[space + 1]);
      if (single && !opens_block(rest.substr(0, space), first_line)) {
        line_end = space;
        break;
      }
    }
    if (line_end == std::string_view::npos) break;  // no line break helps: written as it is
    out.append(rest.substr(0, line_end)).push_back('\n');
    rest.remove_prefix(line_end + 1);
  }
  out.append(rest);
  return out;
}

// Blocks as Markdown, each after a blank line: the paragraphs of one quotation joined by a '>'
// line; list items one per line (a tight list), nested by indentation under the text of the item
// that holds them.
class BlockWriter {
 public:
  std::string write(const Paragraph& block) {
    std::string out;
    switch (block.kind) {
      case BlockKind::heading:
        out = "\n" + block_marker(block.kind, block.level, "") + block.text;
        if (!block.text.empty() && block.text.back() == '#') out += " #";  // a closing run
        break;
      case BlockKind::quote:
        out = (previous_ == BlockKind::quote ? ">\n> " : "\n> ") + block.text;
        break;
      case BlockKind::list_item:
        out = list_item(block);
        break;
      case BlockKind::paragraph:
        out = "\n" + bare_paragraph(block.text);
        break;
    }
    if (block.kind != BlockKind::list_item) item_columns_.clear();
    previous_ = block.kind;
    return out + "\n";
  }

 private:
  std::string list_item(const Paragraph& item) {
    const auto depth = static_cast<std::size_t>(std::max(item.level, 1));
    if (item.marker.empty()) {  // a further paragraph of the item above
      if (item_columns_.empty()) return "\n" + bare_paragraph(item.text);
      item_columns_.resize(std::min(depth, item_columns_.size()));
      return "\n" + std::string(item_columns_.back(), ' ') + bare_paragraph(item.text, true);
    }
    const bool in_list = !item_columns_.empty();  // a tight list: no blank line between items
    item_columns_.resize(std::min(depth - 1, item_columns_.size()));
    const std::size_t indent = item_columns_.empty() ? 0 : item_columns_.back();
    item_columns_.push_back(indent + item.marker.size() + 1);
    return (in_list ? "" : "\n") + std::string(indent, ' ') + item.marker + " " + item.text;
  }

  BlockKind previous_ = BlockKind::paragraph;
  std::vector<std::size_t> item_columns_;
};

}  // namespace

Document parse_document(std::string_view raw, const std::string& path) {
  const std::string_view text = strip_bom(raw);
  if (const auto bad = find_invalid_utf8(text)) {
    throw InputError({path, bad->line, bad->column},
                     "invalid UTF-8 at byte offset " + std::to_string(bad->byte_offset));
  }
  const std::vector<Line> lines = split_lines(text);
  Document document;
  document.path = path;
  std::size_t body_start = 0;
  if (!lines.empty() && trim(lines[0].text) == "---") {
    std::size_t end = 1;
    while (end < lines.size() && trim(lines[end].text) != "---" && trim(lines[end].text) != "...") {
      ++end;
    }
    if (end == lines.size()) {
      throw InputError({path, 1, 1}, "front matter opened with '---' is never closed");
    }
    std::string yaml;
    for (std::size_t i = 1; i < end; ++i) {
      yaml.append(lines[i].text);
      yaml += '\n';
    }
    document.meta = parse_yaml(yaml, path, 2);
    if (document.meta.is_null()) document.meta = Value::make_mapping();
    if (!document.meta.is_mapping()) {
      throw InputError({path, 2, 1}, "front matter must be a mapping of keys to values");
    }
    for (const auto& [key, value] : document.meta.members) {
      if ((key == "id" || key == "lang") && !value.is_scalar()) {
        throw InputError({path, value.line, value.column}, "'" + key + "' must be plain text");
      }
    }
    document.id = document.meta_text("id");
    if (const Value* lang = document.meta.find("lang")) {
      document.lang = language_or_throw(lang->text, {path, lang->line, lang->column}).tag;
      document.meta.set("lang", Value::make_scalar(document.lang));
    }
    body_start = end + 1;
  } else {
    document.meta = Value::make_mapping();
  }

  std::unordered_map<std::string, std::size_t> note_index;
  Note* open_note = nullptr;
  bool in_note = false;
  BodyReader body(document);
  for (std::size_t i = body_start; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (is_blank(line.text)) {
      in_note = false;
      body.end_block(false);
      continue;
    }
    if (const auto definition = note_definition_start(line.text)) {
      const auto& [label, text_offset] = *definition;
      const auto id = note_id_for_label(label);
      const std::size_t column = line.text.find('[') + 1;
      if (!id) {
        throw InputError({path, line.number, column},
                         "note label '" + label + "' may only use letters, digits, '-' and '_'");
      }
      if (note_index.count(*id) != 0) {
        throw InputError({path, line.number, column}, "note [^" + label + "] is defined twice");
      }
      note_index.emplace(*id, document.notes.size());
      document.notes.push_back({*id, label, {}, {}, line.number});
      open_note = &document.notes.back();
      append_line(*open_note, line, text_offset);
      in_note = true;
      body.end_block(true);
      continue;
    }
    if (open_note != nullptr && (in_note || indentation(line.text) >= 4)) {
      append_line(*open_note, line);
      in_note = true;
      continue;
    }
    open_note = nullptr;
    if (body.open()) {
      body.continue_block(line);
    } else {
      body.start_block(line);
    }
  }

  if (document.paragraphs.empty()) {
    throw InputError({path, lines.empty() ? 1 : lines.back().number, 0},
                     "the document has no paragraph");
  }
  for (Paragraph& paragraph : document.paragraphs) {
    // Lines are joined with a space: "[^a" then "b]: c" would make a paragraph that reads as a
    // note definition once written, so it could not be read back. (Other blocks are written
    // after their marker.)
    const bool written_bare = paragraph.kind == BlockKind::paragraph ||
                              (paragraph.kind == BlockKind::list_item && paragraph.marker.empty());
    const auto starts_like_definition = [](const std::string& block_text, bool inside_item) {
      const std::string written = bare_paragraph(block_text, inside_item);
      const std::vector<std::string_view> written_lines = lines_of(written);
      return std::any_of(written_lines.begin(), written_lines.end(),
                         [](std::string_view line) { return note_definition_start(line); });
    };
    // (A further paragraph of a list item is written inside the list, or alone if none is open.)
    const bool item = paragraph.kind == BlockKind::list_item;
    if (written_bare && (starts_like_definition(paragraph.text, false) ||
                         (item && starts_like_definition(paragraph.text, true)))) {
      throw InputError({path, paragraph.line, 1},
                       "a paragraph starts like a note definition '[^label]: text' across "
                       "lines; put the definition on one line");
    }
    for (const std::string& label : note_references(paragraph.text)) {
      const auto id = note_id_for_label(label);
      if (!id || note_index.count(*id) == 0) {
        throw InputError({path, paragraph.line, 0},
                         "note reference [^" + label + "] has no definition");
      }
      paragraph.note_ids.push_back(*id);
    }
  }
  return document;
}

Document read_document(const std::filesystem::path& path) {
  return parse_document(read_text_file(path), path.string());
}

std::string format_document(const Document& document) {
  Value meta = document.meta.is_mapping() ? document.meta : Value::make_mapping();
  // id and lang lead the front matter, as in every corpus file.
  Value ordered = Value::make_mapping();
  if (!document.id.empty()) ordered.set("id", Value::make_scalar(document.id));
  if (!document.lang.empty()) ordered.set("lang", Value::make_scalar(document.lang));
  for (auto& [key, value] : meta.members) {
    if (ordered.find(key) == nullptr) ordered.members.emplace_back(key, std::move(value));
  }
  std::string out = "---\n" + emit_yaml(ordered) + "---\n";
  BlockWriter blocks;
  for (const Paragraph& paragraph : document.paragraphs) out += blocks.write(paragraph);
  for (const Note& note : document.notes) out += "\n[^" + note.label + "]: " + note.text + "\n";
  return out;
}

}  // namespace alinea
