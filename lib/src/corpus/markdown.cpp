// Reading and writing corpus documents: YAML front matter and a Markdown body of paragraphs and
// note definitions, the subset of Pandoc's Markdown that alinea documents use.
#include <algorithm>
#include <unordered_map>

#include "alinea/document.hpp"
#include "alinea/error.hpp"
#include "alinea/language.hpp"
#include "text/lines.hpp"
#include "text/unicode.hpp"
#include "util/files.hpp"
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

// Adds a file line (from byte `from` on) to a paragraph's or note's text, remembering where it
// came from.
template <typename Block>
void append_line(Block& block, const Line& line, std::size_t from = 0) {
  const std::string_view piece = trim(line.text.substr(from));
  if (piece.empty()) return;
  if (!block.text.empty()) block.text += ' ';
  const auto start = static_cast<std::size_t>(piece.data() - line.text.data());
  block.lines.push_back(
      {block.text.size(), line.number, count_code_points(line.text.substr(0, start)) + 1});
  block.text += piece;
}

std::string_view strip_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

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
  bool in_block = false;
  for (std::size_t i = body_start; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (is_blank(line.text)) {
      in_block = false;
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
      in_block = true;
      continue;
    }
    const bool continues_note = open_note != nullptr && (in_block || indentation(line.text) >= 4);
    if (continues_note) {
      append_line(*open_note, line);
    } else if (in_block) {
      append_line(document.paragraphs.back(), line);
    } else {
      open_note = nullptr;
      Paragraph paragraph;
      paragraph.id = "p" + std::to_string(document.paragraphs.size() + 1);
      paragraph.line = line.number;
      append_line(paragraph, line);
      document.paragraphs.push_back(std::move(paragraph));
    }
    in_block = true;
  }

  if (document.paragraphs.empty()) {
    throw InputError({path, lines.empty() ? 1 : lines.back().number, 0},
                     "the document has no paragraph");
  }
  for (Paragraph& paragraph : document.paragraphs) {
    // Lines are joined with a space: "[^a" then "b]: c" would make a paragraph that reads as a
    // note definition once written, so it could not be read back.
    if (note_definition_start(paragraph.text)) {
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
  for (const Paragraph& paragraph : document.paragraphs) out += "\n" + paragraph.text + "\n";
  for (const Note& note : document.notes) out += "\n[^" + note.label + "]: " + note.text + "\n";
  return out;
}

}  // namespace alinea
