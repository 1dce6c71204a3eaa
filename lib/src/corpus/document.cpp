// The document model's small pure functions.
#include "alinea/document.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <iterator>

#include "corpus/note_reference.hpp"
#include "text/unicode.hpp"
#include "util/fnv1a.hpp"

namespace alinea {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::optional<std::size_t> parse_positive(std::string_view digits) {
  if (digits.empty() || digits.size() > 9 || digits.front() == '0') return std::nullopt;
  std::size_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

}  // namespace

namespace {

// Paragraph ids are positional (p1 … pN) and notes are mostly numbered in order (n1 … nN), so the
// unit at the id's position is tried before the list is searched: lookups stay constant-time.
template <typename Block>
const Block* find_block(const std::vector<Block>& blocks, std::string_view wanted) {
  if (wanted.size() > 1) {
    const auto position = parse_positive(wanted.substr(1));
    if (position && *position <= blocks.size() && blocks[*position - 1].id == wanted) {
      return &blocks[*position - 1];
    }
  }
  const auto found =
      std::find_if(blocks.begin(), blocks.end(), [&](const Block& b) { return b.id == wanted; });
  return found == blocks.end() ? nullptr : &*found;
}

}  // namespace

std::string_view block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading:
      return "heading";
    case BlockKind::quote:
      return "quote";
    case BlockKind::list_item:
      return "list-item";
    case BlockKind::paragraph:
      break;
  }
  return "paragraph";
}

std::string block_marker(BlockKind kind, int level, std::string_view marker) {
  switch (kind) {
    case BlockKind::heading:
      return std::string(static_cast<std::size_t>(std::clamp(level, 1, 6)), '#') + " ";
    case BlockKind::quote:
      return "> ";
    case BlockKind::list_item:
      return marker.empty() ? std::string() : std::string(marker) + " ";
    case BlockKind::paragraph:
      break;
  }
  return "";
}

const Paragraph* Document::find_paragraph(std::string_view wanted) const {
  return find_block(paragraphs, wanted);
}

const Note* Document::find_note(std::string_view wanted) const {
  return find_block(notes, wanted);
}

std::string Document::meta_text(std::string_view key) const {
  const Value* value = meta.find(key);
  return value != nullptr && value->is_scalar() ? value->text : std::string();
}

std::optional<std::string> note_id_for_label(std::string_view label) {
  if (label.empty() || !std::all_of(label.begin(), label.end(), is_note_label_char))
    return std::nullopt;
  return "n" + std::string(label);
}

std::string UnitRef::to_string() const {
  return sentence ? block_id + ".s" + std::to_string(*sentence) : block_id;
}

std::optional<UnitRef> UnitRef::parse(std::string_view text) {
  UnitRef unit;
  if (text.empty()) return std::nullopt;
  if (text.front() == 'p') {
    unit.kind = Kind::paragraph;
  } else if (text.front() == 'n') {
    unit.kind = Kind::note;
  } else {
    return std::nullopt;
  }
  const std::size_t dot = text.find('.');
  const std::string_view block = text.substr(0, dot);
  if (block.size() < 2) return std::nullopt;
  if (unit.kind == Kind::paragraph && !parse_positive(block.substr(1))) return std::nullopt;
  if (unit.kind == Kind::note && !note_id_for_label(block.substr(1))) return std::nullopt;
  unit.block_id = std::string(block);
  if (dot != std::string_view::npos) {
    const std::string_view rest = text.substr(dot + 1);
    if (rest.size() < 2 || rest.front() != 's') return std::nullopt;
    unit.sentence = parse_positive(rest.substr(1));
    if (!unit.sentence) return std::nullopt;
  }
  return unit;
}

std::optional<std::string_view> unit_text(const Document& document, const UnitRef& unit) {
  return unit.kind == UnitRef::Kind::paragraph
             ? unit_text_of(document.find_paragraph(unit.block_id), unit)
             : unit_text_of(document.find_note(unit.block_id), unit);
}

namespace {

// The position of byte `offset` of a block's text in the file.
template <typename Block>
SourcePosition position_in(const std::string& path, const Block& block, std::size_t offset) {
  if (block.lines.empty()) return {path, block.line, 0};
  auto line = block.lines.begin();
  while (std::next(line) != block.lines.end() && std::next(line)->offset <= offset) ++line;
  const std::size_t from = std::min(line->offset, block.text.size());
  const std::size_t to = std::clamp(offset, from, block.text.size());
  return {path, line->line,
          line->column + count_code_points(std::string_view(block.text).substr(from, to - from))};
}

// Where sentence `number` (1-based) starts in the block's text: sentences follow one another
// in the text, each with every non-space character of its stretch.
template <typename Block>
std::size_t sentence_offset(const Block& block, std::size_t number) {
  std::size_t offset = 0;
  for (std::size_t i = 0; i < number && i < block.sentences.size(); ++i) {
    const std::string& sentence = block.sentences[i];
    const std::size_t found = block.text.find(sentence, offset);
    if (found == std::string::npos) return offset;
    if (i + 1 == number) return found;
    offset = found + sentence.size();
  }
  return offset;
}

template <typename Block>
SourcePosition block_position(const Document& document, const Block* block, const UnitRef& unit) {
  if (block == nullptr) return {document.path, 0, 0};
  const std::size_t offset = unit.sentence ? sentence_offset(*block, *unit.sentence) : 0;
  return position_in(document.path, *block, offset);
}

}  // namespace

SourcePosition unit_position_of(const Document& document, const Paragraph* block,
                                const UnitRef& unit) {
  return block_position(document, block, unit);
}

SourcePosition unit_position_of(const Document& document, const Note* block, const UnitRef& unit) {
  return block_position(document, block, unit);
}

SourcePosition unit_position(const Document& document, const UnitRef& unit) {
  return unit.kind == UnitRef::Kind::paragraph
             ? block_position(document, document.find_paragraph(unit.block_id), unit)
             : block_position(document, document.find_note(unit.block_id), unit);
}

std::string text_fingerprint(std::string_view text) {
  const std::string normal = to_nfc(text);
  Fnv1a hash;
  bool pending_space = false;
  bool started = false;
  for (std::size_t pos = 0; pos < normal.size();) {
    const std::size_t begin = pos;
    const char32_t c = next_code_point(normal, pos);
    if (is_space(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) hash.add(' ');
    pending_space = false;
    started = true;
    hash.add(std::string_view(normal).substr(begin, pos - begin));
  }
  std::array<char, 17> hex{};
  std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(hash.value()));
  return std::string(hex.data(), 8);
}

std::vector<std::string> note_references(std::string_view text) {
  std::vector<std::string> labels;
  for (std::size_t pos = text.find("[^"); pos != std::string_view::npos;
       pos = text.find("[^", pos + 1)) {
    if (pos > 0 && text[pos - 1] == '\\') continue;
    if (const std::size_t length = note_reference_length(text, pos)) {
      labels.emplace_back(text.substr(pos + 2, length - 3));
    }
  }
  return labels;
}

std::string plain_text(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (std::size_t pos = 0; pos < markdown.size();) {
    const char c = markdown[pos];
    if (c == '\\' && pos + 1 < markdown.size() &&
        std::ispunct(static_cast<unsigned char>(markdown[pos + 1])) != 0) {
      out += markdown[pos + 1];
      pos += 2;
    } else if (const std::size_t length = note_reference_length(markdown, pos)) {
      pos += length;
    } else if (c == '*' || c == '`') {
      ++pos;
    } else {
      out += c;
      ++pos;
    }
  }
  return out;
}

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (const std::size_t length = note_reference_length(text, pos)) {
      out.append(text.substr(pos, length));
      pos += length - 1;
      continue;
    }
    const char c = text[pos];
    const bool after_word = pos > 0 && is_ascii_alnum(text[pos - 1]);
    const bool before_word = pos + 1 < text.size() && is_ascii_alnum(text[pos + 1]);
    bool escape = false;
    switch (c) {
      case '\\':
      case '*':
      case '`':
      case '<':
      case '~':
      case '^':
      case '$':
        escape = true;
        break;
      case '[':
        escape = pos + 1 < text.size() && text[pos + 1] == '^';
        break;
      case ']':  // "[x](y)", "[x][y]", "[x]: y" and "[x]{.class}" are not literal brackets
        escape = pos + 1 < text.size() &&
                 std::string_view("([:{").find(text[pos + 1]) != std::string_view::npos;
        break;
      case '_':
        escape = !(after_word && before_word);  // intraword underscores are literal
        break;
      case '@':
        escape = !after_word;  // @key at a word start is a citation
        break;
      default:
        break;
    }
    if (escape) out += '\\';
    out += c;
  }
  // Block markers at the start of a paragraph: headings, quotes, list items.
  if (!out.empty()) {
    const char first = out.front();
    if (first == '#' || first == '>' || first == '|' ||
        ((first == '-' || first == '+') && (out.size() == 1 || out[1] == ' '))) {
      out.insert(0, 1, '\\');
    } else {
      std::size_t end = 0;
      while (end < out.size() && std::isdigit(static_cast<unsigned char>(out[end])) != 0) ++end;
      if (end > 0 && end < out.size() && (out[end] == '.' || out[end] == ')') &&
          (end + 1 == out.size() || out[end + 1] == ' ')) {
        out.insert(end, 1, '\\');  // "1936. Text" would start an ordered list
      }
    }
  }
  return out;
}

}  // namespace alinea
