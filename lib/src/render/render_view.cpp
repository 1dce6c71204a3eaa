// The format-neutral view of an alignment (build_side_by_side) and the helpers every renderer
// shares.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "alinea/render.hpp"
#include "corpus/note_reference.hpp"
#include "render/render_common.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

using render_detail::side_ids;

// Noncharacters, reserved by Unicode for a program's internal use: they stand for a note
// reference while plain_text() resolves the rest of the Markdown.
constexpr char32_t reference_open = 0xFDD0;
constexpr char32_t reference_close = 0xFDD1;

std::string mark_references(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (std::size_t pos = 0; pos < markdown.size();) {
    if (markdown[pos] == '\\' && pos + 1 < markdown.size()) {
      out.append(markdown.substr(pos, 2));
      pos += 2;
    } else if (const std::size_t length = note_reference_length(markdown, pos)) {
      append_utf8(out, reference_open);
      out.append(markdown.substr(pos + 2, length - 3));
      append_utf8(out, reference_close);
      pos += length;
    } else {
      out += markdown[pos++];
    }
  }
  return out;
}

// Inline Markdown as spans of plain text and note references.
std::vector<ShownSpan> spans_of(std::string_view markdown) {
  const std::string plain = plain_text(mark_references(markdown));
  std::vector<ShownSpan> spans;
  std::string text;
  for (std::size_t pos = 0; pos < plain.size();) {
    const std::size_t start = pos;
    if (next_code_point(plain, pos) != reference_open) {
      text.append(plain, start, pos - start);
      continue;
    }
    std::string label;
    std::size_t end = pos;
    while (end < plain.size() && is_note_label_char(plain[end])) label += plain[end++];
    std::size_t after = end;
    if (label.empty() || after >= plain.size() ||
        next_code_point(plain, after) != reference_close) {
      text.append(plain, start, pos - start);  // not ours: a noncharacter in the text itself
      continue;
    }
    if (!text.empty()) spans.push_back({std::move(text), "", ""});
    text.clear();
    spans.push_back({"", std::move(label), ""});
    pos = after;
  }
  if (!text.empty()) spans.push_back({std::move(text), "", ""});
  return spans;
}

// The units of a document by id. Document's own lookups are linear, and a view looks up every
// unit of both documents.
class UnitIndex {
 public:
  explicit UnitIndex(const Document& document) {
    for (const Paragraph& paragraph : document.paragraphs) {
      paragraphs_.emplace(paragraph.id, &paragraph);
    }
    for (const Note& note : document.notes) notes_.emplace(note.id, &note);
  }

  [[nodiscard]] const Paragraph* find_paragraph(std::string_view id) const {
    const auto found = paragraphs_.find(id);
    return found == paragraphs_.end() ? nullptr : found->second;
  }

  [[nodiscard]] const Note* find_note(std::string_view id) const {
    const auto found = notes_.find(id);
    return found == notes_.end() ? nullptr : found->second;
  }

  // What alinea::unit_text() gives, without its linear search.
  [[nodiscard]] std::optional<std::string_view> text(const UnitRef& unit) const {
    return unit.kind == UnitRef::Kind::paragraph ? unit_text_of(find_paragraph(unit.block_id), unit)
                                                 : unit_text_of(find_note(unit.block_id), unit);
  }

 private:
  // Keys view the ids inside the document, which outlives the index.
  std::unordered_map<std::string_view, const Paragraph*> paragraphs_;
  std::unordered_map<std::string_view, const Note*> notes_;
};

struct Counts {
  std::size_t changed_links = 0;
  std::size_t missing_units = 0;
};

ShownSide make_side(const std::vector<std::string>& ids, const std::string& fingerprint,
                    const UnitIndex& document, Counts& counts) {
  ShownSide side;
  std::string joined;
  bool any_missing = false;
  for (const std::string& id : ids) {
    ShownUnit unit;
    unit.id = id;
    const std::optional<UnitRef> ref = UnitRef::parse(id);
    const std::optional<std::string_view> text =
        ref ? document.text(*ref) : std::optional<std::string_view>();
    if (!text) {
      unit.missing = true;
      any_missing = true;
      ++counts.missing_units;
    } else {
      if (ref->kind == UnitRef::Kind::note && !ref->sentence) {
        if (const Note* note = document.find_note(ref->block_id)) {
          unit.spans.push_back({"", note->label, ""});  // a note starts with its own marker
        }
      }
      if (ref->kind == UnitRef::Kind::paragraph) {
        if (const Paragraph* block = document.find_paragraph(ref->block_id)) {
          unit.block = block->kind;
          unit.level = block->level;
          unit.marker = block->marker;
          unit.opens_block = !ref->sentence || *ref->sentence == 1;
        }
      }
      std::vector<ShownSpan> spans = spans_of(*text);
      unit.spans.insert(unit.spans.end(), std::make_move_iterator(spans.begin()),
                        std::make_move_iterator(spans.end()));
      if (!joined.empty()) joined += ' ';
      joined.append(*text);
    }
    side.units.push_back(std::move(unit));
  }
  side.changed = !fingerprint.empty() && (any_missing || text_fingerprint(joined) != fingerprint);
  return side;
}

ShownRow make_row(const Link& link, ShownRow::Kind kind, const UnitIndex& source,
                  const UnitIndex& target, Counts& counts) {
  ShownRow row;
  row.kind = kind;
  row.source = make_side(link.source, link.source_fingerprint, source, counts);
  row.target = make_side(link.target, link.target_fingerprint, target, counts);
  row.status = link.status;
  row.confidence = link.confidence;
  row.omitted = link.omitted;
  row.note = link.note;
  if (row.changed()) ++counts.changed_links;
  for (const Link& sentence : link.sentences) {
    row.sentences.push_back(make_row(sentence, kind, source, target, counts));
  }
  return row;
}

ShownRow unlinked_row(const std::string& id, bool on_source, ShownRow::Kind kind,
                      const UnitIndex& document, Counts& counts) {
  ShownRow row;
  row.kind = kind;
  (on_source ? row.source : row.target) = make_side({id}, "", document, counts);
  return row;
}

enum class Side { source, target };

const ShownSide& side_of(const ShownRow& row, Side side) {
  return side == Side::source ? row.source : row.target;
}

// Adds a row for every unit of `order` (one side's units in reading order) that no row shows,
// after the last row showing an earlier unit of that side. Linear in rows and units: documents
// of thousands of paragraphs left unaligned are ordinary.
void insert_unlinked(std::vector<ShownRow>& rows, const std::vector<std::string>& order, Side side,
                     ShownRow::Kind kind, const UnitIndex& document, Counts& counts) {
  std::unordered_map<std::string_view, std::size_t> position;
  for (std::size_t i = 0; i < order.size(); ++i) position.emplace(order[i], i);
  std::vector<bool> shown(order.size(), false);
  // last_row_from[k]: one past the last row whose earliest unit of this side is unit k.
  std::vector<std::size_t> last_row_from(order.size(), 0);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::optional<std::size_t> earliest;
    for (const ShownUnit& unit : side_of(rows[r], side).units) {
      const auto found = position.find(unit.id);
      if (found == position.end()) continue;
      shown[found->second] = true;
      earliest = std::min(earliest.value_or(found->second), found->second);
    }
    if (earliest) last_row_from[*earliest] = r + 1;
  }
  // Units of the other side that no link mentions come first (source before target):
  // past_other_side[r] is the first row at or after r that is not one of them.
  std::vector<std::size_t> past_other_side(rows.size() + 1, rows.size());
  for (std::size_t r = rows.size(); r-- > 0;) {
    const bool other_side_only = !rows[r].linked() && side_of(rows[r], side).units.empty();
    past_other_side[r] = other_side_only ? past_other_side[r + 1] : r;
  }
  // Where each unshown unit goes (before rows[at]); the places never decrease.
  std::vector<std::pair<std::size_t, std::size_t>> insertions;  // (at, unit)
  std::size_t after = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i > 0) after = std::max(after, last_row_from[i - 1]);
    if (!shown[i]) insertions.emplace_back(past_other_side[after], i);
  }
  if (insertions.empty()) return;
  std::vector<ShownRow> merged;
  merged.reserve(rows.size() + insertions.size());
  std::size_t next = 0;
  for (std::size_t r = 0; r <= rows.size(); ++r) {
    for (; next < insertions.size() && insertions[next].first == r; ++next) {
      merged.push_back(unlinked_row(order[insertions[next].second], side == Side::source, kind,
                                    document, counts));
    }
    if (r < rows.size()) merged.push_back(std::move(rows[r]));
  }
  rows = std::move(merged);
}

std::vector<std::string> sentence_ids(const ShownSide& side, const UnitIndex& document) {
  std::vector<std::string> ids;
  for (const ShownUnit& unit : side.units) {
    const std::optional<UnitRef> ref = UnitRef::parse(unit.id);
    if (!ref || ref->sentence) continue;
    std::size_t count = 0;
    if (ref->kind == UnitRef::Kind::paragraph) {
      if (const Paragraph* paragraph = document.find_paragraph(ref->block_id)) {
        count = paragraph->sentences.size();
      }
    } else if (const Note* note = document.find_note(ref->block_id)) {
      count = note->sentences.size();
    }
    for (std::size_t s = 1; s <= count; ++s) ids.push_back(unit.id + ".s" + std::to_string(s));
  }
  return ids;
}

void add_unlinked_sentences(std::vector<ShownRow>& rows, const UnitIndex& source,
                            const UnitIndex& target, Counts& counts) {
  for (ShownRow& row : rows) {
    if (row.sentences.empty()) continue;
    insert_unlinked(row.sentences, sentence_ids(row.source, source), Side::source, row.kind, source,
                    counts);
    insert_unlinked(row.sentences, sentence_ids(row.target, target), Side::target, row.kind, target,
                    counts);
  }
}

std::string base_anchor(const ShownRow& row) {
  if (!row.source.units.empty()) return side_ids(row.source, "+");
  return "to-" + side_ids(row.target, "+");
}

void assign_anchors(std::vector<ShownRow>& rows, std::set<std::string, std::less<>>& taken) {
  for (ShownRow& row : rows) {
    std::string anchor = base_anchor(row);
    for (std::size_t k = 2; taken.count(anchor) != 0; ++k) {
      anchor = base_anchor(row) + "~" + std::to_string(k);
    }
    taken.insert(anchor);
    row.anchor = std::move(anchor);
    assign_anchors(row.sentences, taken);
  }
}

using NoteRows = std::map<std::string, std::size_t, std::less<>>;  // note id → note row index

NoteRows index_notes(const std::vector<ShownRow>& note_rows, Side side) {
  NoteRows index;
  for (std::size_t r = 0; r < note_rows.size(); ++r) {
    for (const ShownUnit& unit : side_of(note_rows[r], side).units) index.emplace(unit.id, r);
  }
  return index;
}

// Note ids referred to from the paragraphs of one side of a row, in order.
std::vector<std::string> referenced_notes(const ShownSide& side, const UnitIndex& document) {
  std::vector<std::string> ids;
  for (const ShownUnit& unit : side.units) {
    if (const Paragraph* paragraph = document.find_paragraph(unit.id)) {
      ids.insert(ids.end(), paragraph->note_ids.begin(), paragraph->note_ids.end());
    }
  }
  return ids;
}

void resolve_note_anchors(std::vector<ShownRow>& rows,
                          const std::map<std::string, std::string>& source_anchors,
                          const std::map<std::string, std::string>& target_anchors) {
  const auto resolve = [](ShownSide& side, const std::map<std::string, std::string>& anchors) {
    for (ShownUnit& unit : side.units) {
      for (ShownSpan& span : unit.spans) {
        if (span.note_label.empty()) continue;
        const std::optional<std::string> id = note_id_for_label(span.note_label);
        const auto found = id ? anchors.find(*id) : anchors.end();
        if (found != anchors.end()) span.note_anchor = found->second;
      }
    }
  };
  for (ShownRow& row : rows) {
    resolve(row.source, source_anchors);
    resolve(row.target, target_anchors);
    resolve_note_anchors(row.sentences, source_anchors, target_anchors);
  }
}

std::map<std::string, std::string> note_anchors(const std::vector<ShownRow>& rows, Side side) {
  std::map<std::string, std::string> anchors;
  for (const ShownRow& row : rows) {
    if (row.kind != ShownRow::Kind::note) continue;
    for (const ShownUnit& unit : side_of(row, side).units) anchors.emplace(unit.id, row.anchor);
  }
  return anchors;
}

std::vector<std::string> paragraph_ids(const Document& document) {
  std::vector<std::string> ids;
  for (const Paragraph& paragraph : document.paragraphs) ids.push_back(paragraph.id);
  return ids;
}

std::vector<std::string> note_ids(const Document& document) {
  std::vector<std::string> ids;
  for (const Note& note : document.notes) ids.push_back(note.id);
  return ids;
}

}  // namespace

SideBySide build_side_by_side(const Alignment& alignment, const Document& source,
                              const Document& target) {
  SideBySide view;
  view.source = alignment.source;
  view.target = alignment.target;
  view.source_title = source.meta_text("title");
  view.target_title = target.meta_text("title");
  Counts counts;
  const UnitIndex source_units(source);
  const UnitIndex target_units(target);

  std::vector<ShownRow> paragraphs;
  for (const Link& link : alignment.paragraphs) {
    paragraphs.push_back(
        make_row(link, ShownRow::Kind::paragraph, source_units, target_units, counts));
  }
  std::vector<ShownRow> notes;
  for (const Link& link : alignment.notes) {
    notes.push_back(make_row(link, ShownRow::Kind::note, source_units, target_units, counts));
  }
  insert_unlinked(paragraphs, paragraph_ids(source), Side::source, ShownRow::Kind::paragraph,
                  source_units, counts);
  insert_unlinked(paragraphs, paragraph_ids(target), Side::target, ShownRow::Kind::paragraph,
                  target_units, counts);
  insert_unlinked(notes, note_ids(source), Side::source, ShownRow::Kind::note, source_units,
                  counts);
  insert_unlinked(notes, note_ids(target), Side::target, ShownRow::Kind::note, target_units,
                  counts);
  add_unlinked_sentences(paragraphs, source_units, target_units, counts);
  add_unlinked_sentences(notes, source_units, target_units, counts);

  const NoteRows source_notes = index_notes(notes, Side::source);
  const NoteRows target_notes = index_notes(notes, Side::target);
  std::vector<bool> placed(notes.size(), false);
  const auto place = [&](const std::vector<std::string>& ids, const NoteRows& index) {
    for (const std::string& id : ids) {
      const auto found = index.find(id);
      if (found == index.end() || placed[found->second]) continue;
      placed[found->second] = true;
      view.rows.push_back(std::move(notes[found->second]));
    }
  };
  for (ShownRow& row : paragraphs) {
    const std::vector<std::string> from_source = referenced_notes(row.source, source_units);
    const std::vector<std::string> from_target = referenced_notes(row.target, target_units);
    view.rows.push_back(std::move(row));
    place(from_source, source_notes);
    place(from_target, target_notes);
  }
  for (std::size_t r = 0; r < notes.size(); ++r) {
    if (!placed[r]) view.rows.push_back(std::move(notes[r]));
  }

  std::set<std::string, std::less<>> taken;
  assign_anchors(view.rows, taken);
  resolve_note_anchors(view.rows, note_anchors(view.rows, Side::source),
                       note_anchors(view.rows, Side::target));
  view.changed_links = counts.changed_links;
  view.missing_units = counts.missing_units;
  return view;
}

namespace render_detail {

std::string block_marker(const ShownUnit& unit) {
  if (unit.block == BlockKind::quote) return "> ";  // every sentence of a quotation
  if (!unit.opens_block || unit.block == BlockKind::paragraph) return "";
  const std::string marker = alinea::block_marker(unit.block, unit.level, unit.marker);
  if (unit.block != BlockKind::list_item || marker.empty()) return marker;
  return std::string(2 * static_cast<std::size_t>(std::clamp(unit.level, 1, 8) - 1), ' ') + marker;
}

std::vector<const ShownRow*> rows_at_level(const SideBySide& view, ShowLevel level) {
  std::vector<const ShownRow*> rows;
  for (const ShownRow& row : view.rows) {
    if (level == ShowLevel::sentence && !row.sentences.empty()) {
      for (const ShownRow& sentence : row.sentences) rows.push_back(&sentence);
    } else {
      rows.push_back(&row);
    }
  }
  return rows;
}

std::string side_plain_text(const ShownSide& side) {
  std::string text;
  for (const ShownUnit& unit : side.units) {
    std::string unit_text;
    for (const ShownSpan& span : unit.spans) unit_text += span.text;
    if (unit_text.empty()) continue;
    if (!text.empty()) text += ' ';
    text += unit_text;
  }
  return text;
}

std::string side_ids(const ShownSide& side, std::string_view separator, std::string_view empty) {
  if (side.units.empty()) return std::string(empty);
  std::string ids;
  for (const ShownUnit& unit : side.units) {
    if (!ids.empty()) ids += separator;
    ids += unit.id;
  }
  return ids;
}

std::string row_label(const ShownRow& row) {
  return side_ids(row.source, "+", "∅") + " → " + side_ids(row.target, "+", "∅");
}

std::string confidence_text(double confidence) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.2f", confidence);
  return buffer.data();
}

std::string status_text(const ShownRow& row) {
  if (!row.status) return "unlinked";
  if (*row.status == LinkStatus::reviewed) return "reviewed";
  if (!row.confidence) return "auto";
  return "auto " + confidence_text(*row.confidence);
}

std::string note_marker(std::string_view label) {
  const bool numeric = !label.empty() && std::all_of(label.begin(), label.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
  if (!numeric) return "[" + std::string(label) + "]";
  static constexpr std::array<const char*, 10> superscripts = {"⁰", "¹", "²", "³", "⁴",
                                                               "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string marker = "⁽";
  for (const char digit : label) marker += superscripts[static_cast<std::size_t>(digit - '0')];
  return marker + "⁾";
}

}  // namespace render_detail
}  // namespace alinea
