// The alignment as a Markdown pipe table, one row per link.
#include "alinea/render.hpp"
#include "render/render_common.hpp"

namespace alinea {
namespace {

using render_detail::note_marker;

// Text for a table cell: every ASCII character with a meaning in Markdown or in a table is
// backslash-escaped (CommonMark and Pandoc read "\x" as "x" for any ASCII punctuation), and
// line ends become spaces.
std::string cell_text(std::string_view text) {
  const std::string safe = sanitise_for_display(text, LineBreaks::spaces);
  std::string out;
  out.reserve(safe.size() + 8);
  for (const char c : safe) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|~^$@&#!{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string side_cell(const ShownRow& row, const ShownSide& side) {
  if (side.units.empty()) {
    if (!row.linked()) return "";
    return row.omitted ? "*omitted: " + cell_text(*row.omitted) + "*" : "∅";
  }
  std::string cell;
  for (const ShownUnit& unit : side.units) {
    if (!cell.empty()) cell += unit.id.find('.') == std::string::npos ? " ¶ " : " ";
    if (unit.missing) {
      cell += "**⟦" + cell_text(unit.id) + " missing⟧**";
      continue;
    }
    std::string text;
    for (const ShownSpan& span : unit.spans) {
      if (!span.note_label.empty()) {
        text += note_marker(span.note_label);
        if (&span == &unit.spans.front()) text += ' ';
      } else {
        text += cell_text(span.text);
      }
    }
    const bool heading = unit.block == BlockKind::heading && !text.empty();
    cell += heading ? "**" + text + "**" : cell_text(render_detail::block_marker(unit)) + text;
  }
  return cell;
}

std::string link_cell(const ShownRow& row) {
  std::string cell = cell_text(render_detail::row_label(row));
  cell += " · " + render_detail::status_text(row);
  if (row.source.changed) cell += " · Δ source changed";
  if (row.target.changed) cell += " · Δ target changed";
  if (row.note) cell += " · ✎ " + cell_text(*row.note);
  return cell;
}

}  // namespace

std::string render_markdown(const SideBySide& view, ShowLevel level) {
  std::string title = !view.source_title.empty() ? view.source_title : view.target_title;
  if (title.empty()) title = view.source.path + " ↔ " + view.target.path;
  std::string out = "# " + cell_text(title) + "\n\n";
  out += cell_text(view.source.lang) + " " + cell_text(view.source.path) + " → " +
         cell_text(view.target.lang) + " " + cell_text(view.target.path) + ", by " +
         (level == ShowLevel::sentence ? "sentence" : "paragraph") + ".\n\n";
  if (view.changed_links > 0) {
    out += "**Δ " + std::to_string(view.changed_links) +
           (view.changed_links == 1 ? " link's text has" : " links' texts have") +
           " changed since aligned.**\n\n";
  }
  if (view.missing_units > 0) {
    out += "**" + std::to_string(view.missing_units) +
           (view.missing_units == 1 ? " unit" : " units") +
           " named in the alignment missing from the documents.**\n\n";
  }
  out += "| link | " + cell_text(view.source.lang) + " | " + cell_text(view.target.lang) +
         " |\n|---|---|---|\n";
  for (const ShownRow* row : render_detail::rows_at_level(view, level)) {
    out += "| " + link_cell(*row) + " | " + side_cell(*row, row->source) + " | " +
           side_cell(*row, row->target) + " |\n";
  }
  return out;
}

}  // namespace alinea
