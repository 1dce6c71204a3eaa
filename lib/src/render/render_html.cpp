// The web page: one standalone file with its style inline, no script, and a content security
// policy that forbids scripts and network access even if some text were to slip through.
#include <algorithm>
#include <string_view>

#include "alinea/render.hpp"
#include "render/render_common.hpp"
#include "text/markup.hpp"

namespace alinea {
namespace {

using render_detail::row_label;
using render_detail::side_ids;
using render_detail::status_text;

constexpr std::string_view style = R"css(
body { font: 17px/1.55 Georgia, "DejaVu Serif", serif; color: #1b1b1b; background: #fff;
  max-width: 72rem; margin: 0 auto; padding: 1rem; overflow-wrap: break-word; }
header h1 { font-size: 1.4rem; margin: 0 0 .3rem; overflow-wrap: anywhere; }
header p { margin: .2rem 0; font: .85rem/1.4 system-ui, sans-serif; color: #555; }
.warning { color: #a00000 !important; font-weight: bold; }
code { font-size: .85em; overflow-wrap: anywhere; }
.row { display: grid; grid-template-columns: 7.5rem 1fr 1fr; gap: 0 1.4rem;
  border-top: 1px solid #ddd; padding: .6rem 0; }
.heads { font: bold .85rem/1.4 system-ui, sans-serif; color: #555; border-top: 0; }
.gutter { font: .78rem/1.35 system-ui, sans-serif; color: #666; overflow-wrap: anywhere; }
.gutter a { color: #345; text-decoration: none; font-weight: bold; display: block; }
.gutter span { display: block; }
.cell { min-width: 0; overflow-wrap: break-word; }
.cell p { margin: 0 0 .5em; }
.cell p:last-child { margin-bottom: 0; }
.row.note { font-size: .9em; background: #f7f7f4; }
.row.unlinked .cell:empty::after, .empty { color: #999; font-style: italic; }
.status.reviewed { color: #16702e; }
.status.auto { color: #9a5b00; }
.status.unlinked { color: #7a3d99; }
.drift { color: #a00000; font-weight: bold; }
.cell.changed { box-shadow: inset 3px 0 0 #c33; padding-left: .6rem; }
.missing { color: #a00000; font-family: monospace; }
.remark { grid-column: 2 / 4; margin: .3rem 0 0; font: italic .85rem/1.4 system-ui, sans-serif;
  color: #335; }
sup.ref { font: .7em system-ui, sans-serif; line-height: 0; }
sup.ref a { text-decoration: none; }
.s { border-radius: 3px; padding: .05em .1em; box-decoration-break: clone;
  -webkit-box-decoration-break: clone; }
.s.k0 { background: #e8f1fc; } .s.k1 { background: #fdf1dc; }
.s.k2 { background: #e6f5e3; } .s.k3 { background: #f4e8fb; }
.s.changed { text-decoration: underline wavy #c33; }
.s.unlinked { background: none; outline: 1px dashed #b9a; }
.sid { font: bold .65rem system-ui, sans-serif; vertical-align: super; color: #456;
  text-decoration: none; margin-right: .15em; }
.sid.reviewed { color: #16702e; } .sid.auto { color: #9a5b00; }
.row:target, .s:target { outline: 2px solid #f0b400; }
@media (max-width: 40rem) {
  body { padding: .6rem; font-size: 16px; }
  .row { grid-template-columns: 1fr; gap: .4rem; }
  .heads { display: none; }
  .gutter a, .gutter span { display: inline; margin-right: .5em; }
  .cell.tgt { border-top: 1px dashed #ccc; padding-top: .4rem; }
  .remark { grid-column: 1; }
}
@media print {
  body { max-width: none; font-size: 10.5pt; padding: 0; }
  .row { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .s.k0, .s.k1, .s.k2, .s.k3 { background: none; }
  .row.note { background: none; }
}
)css";

// Text as HTML character data or attribute value.
std::string escape(std::string_view text) {
  return escape_html(text);
}

std::string spans_html(const ShownUnit& unit) {
  if (unit.missing) return "<span class=\"missing\">⟦" + escape(unit.id) + " missing⟧</span>";
  std::string html;
  for (const ShownSpan& span : unit.spans) {
    if (span.note_label.empty()) {
      html += escape(span.text);
      continue;
    }
    html += "<sup class=\"ref\">";
    if (span.note_anchor.empty()) {
      html += escape(span.note_label);
    } else {
      html += "<a href=\"#" + escape(span.note_anchor) + "\">" + escape(span.note_label) + "</a>";
    }
    html += "</sup>";
    if (&span == &unit.spans.front()) html += ' ';
  }
  return html;
}

// How a unit's block opens and closes: a heading in bold, a quotation indented as a quotation,
// a list item with its marker (nested items indented by em spaces).
std::string block_open(const ShownUnit& unit) {
  switch (unit.block) {
    case BlockKind::heading:
      return "<p><strong>";
    case BlockKind::quote:
      return "<blockquote><p>";
    case BlockKind::list_item: {
      std::string html = "<p>";
      for (int level = 1; level < std::clamp(unit.level, 1, 8); ++level) html += "\u2003";
      if (unit.opens_block && !unit.marker.empty()) html += escape(unit.marker) + " ";
      return html;
    }
    case BlockKind::paragraph:
      break;
  }
  return "<p>";
}

std::string block_close(const ShownUnit& unit) {
  switch (unit.block) {
    case BlockKind::heading:
      return "</strong></p>";
    case BlockKind::quote:
      return "</p></blockquote>";
    case BlockKind::list_item:
    case BlockKind::paragraph:
      break;
  }
  return "</p>";
}

std::string block_of(std::string_view unit_id) {
  return std::string(unit_id.substr(0, unit_id.find('.')));
}

std::string status_class(const ShownRow& row) {
  if (!row.status) return "unlinked";
  return *row.status == LinkStatus::reviewed ? "reviewed" : "auto";
}

std::string row_classes(const ShownRow& row) {
  std::string classes = row.kind == ShownRow::Kind::note ? "note " : "paragraph ";
  classes += status_class(row);
  if (row.changed()) classes += " changed";
  return classes;
}

std::string change_text(const ShownRow& row) {
  if (row.source.changed && row.target.changed) return "Δ both texts changed";
  if (row.source.changed) return "Δ source changed";
  return "Δ target changed";
}

class HtmlWriter {
 public:
  HtmlWriter(const SideBySide& view, ShowLevel level) : view_(view), level_(level) {}

  std::string render() {
    write_head();
    out_ += "<main>\n";
    const auto heading = [](const DocumentRef& document, const std::string& title) {
      return escape(document.lang) + " · " + escape(title.empty() ? document.path : title);
    };
    out_ += "<div class=\"row heads\" aria-hidden=\"true\"><div></div><div>" +
            heading(view_.source, view_.source_title) + "</div><div>" +
            heading(view_.target, view_.target_title) + "</div></div>\n";
    for (const ShownRow& row : view_.rows) write_row(row);
    out_ += "</main>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  std::string title() const {
    if (!view_.source_title.empty()) return view_.source_title;
    if (!view_.target_title.empty()) return view_.target_title;
    return view_.source.path + " ↔ " + view_.target.path;
  }

  void write_head() {
    out_ += "<!DOCTYPE html>\n<html lang=\"" + escape(view_.source.lang) + "\">\n<head>\n";
    out_ += "<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += content_security_policy_meta;
    out_ += "<meta name=\"referrer\" content=\"no-referrer\">\n";
    out_ += "<meta name=\"generator\" content=\"alinea show\">\n";
    out_ += "<title>" + escape(title()) + "</title>\n<style>" + std::string(style) +
            "</style>\n</head>\n<body>\n<header>\n";
    out_ += "<h1>" + escape(title()) + "</h1>\n";
    out_ += "<p>" + escape(view_.source.lang) + " <code>" + escape(view_.source.path) +
            "</code> → " + escape(view_.target.lang) + " <code>" + escape(view_.target.path) +
            "</code> · " + (level_ == ShowLevel::sentence ? "sentences" : "paragraphs") + "</p>\n";
    if (view_.changed_links > 0) {
      out_ += "<p class=\"warning\">Δ " + std::to_string(view_.changed_links) +
              (view_.changed_links == 1 ? " link's text has" : " links' texts have") +
              " changed since aligned: the documents no longer match the fingerprints in the "
              "alignment.</p>\n";
    }
    if (view_.missing_units > 0) {
      out_ += "<p class=\"warning\">" + std::to_string(view_.missing_units) +
              (view_.missing_units == 1 ? " unit" : " units") +
              " named in the alignment missing from the documents.</p>\n";
    }
    out_ +=
        "<p>reviewed: confirmed by a person · auto: proposed by the aligner, with its "
        "confidence · unlinked: in no link · Δ: text changed since aligned. Numbered "
        "highlights pair the sentences of a paragraph.</p>\n</header>\n";
  }

  void write_gutter(const ShownRow& row) {
    out_ += "<div class=\"gutter\"><a href=\"#" + escape(row.anchor) + "\">" +
            escape(row_label(row)) + "</a><span class=\"status " + status_class(row) + "\">" +
            escape(status_text(row)) + "</span>";
    if (row.changed()) out_ += "<span class=\"drift\">" + change_text(row) + "</span>";
    out_ += "</div>\n";
  }

  std::string empty_side(const ShownRow& row) const {
    if (!row.linked()) return "";
    if (row.omitted) return "<p class=\"empty\">omitted: " + escape(*row.omitted) + "</p>";
    return "<p class=\"empty\">∅</p>";
  }

  std::string units_html(const ShownRow& row, const ShownSide& side) const {
    if (side.units.empty()) return empty_side(row);
    std::string html;
    for (const ShownUnit& unit : side.units) {
      html += block_open(unit) + spans_html(unit) + block_close(unit);
    }
    return html;
  }

  // The sentences of one side, each highlighted with the number of its sentence link.
  std::string sentences_html(const ShownRow& row, bool source_side) const {
    std::string html;
    std::string block;
    std::string close;  // what closes the block open, "" when none is
    for (std::size_t k = 0; k < row.sentences.size(); ++k) {
      const ShownRow& sentence = row.sentences[k];
      const ShownSide& side = source_side ? sentence.source : sentence.target;
      if (side.units.empty()) continue;
      const std::string unit_block = block_of(side.units.front().id);
      if (close.empty() || unit_block != block) {
        html += close + block_open(side.units.front());
        close = block_close(side.units.front());
        block = unit_block;
      }
      const bool anchored = source_side || sentence.source.units.empty();
      std::string classes = "s k" + std::to_string(k % 4);
      if (!sentence.linked()) classes += " unlinked";
      if (side.changed) classes += " changed";
      html += "<span class=\"" + classes + "\"";
      if (anchored) html += " id=\"" + escape(sentence.anchor) + "\"";
      html += " title=\"" + escape(row_label(sentence) + " · " + status_text(sentence)) + "\">";
      html += "<a class=\"sid " + status_class(sentence) + "\" href=\"#" + escape(sentence.anchor) +
              "\">" + (sentence.linked() ? std::to_string(k + 1) : "∅") + "</a>";
      for (std::size_t u = 0; u < side.units.size(); ++u) {
        html += (u > 0 ? " " : "") + spans_html(side.units[u]);
      }
      html += "</span> ";
    }
    html += close;
    return html.empty() ? empty_side(row) : html;
  }

  void write_row(const ShownRow& row) {
    out_ += "<section class=\"row " + row_classes(row) + "\" id=\"" + escape(row.anchor) + "\">\n";
    write_gutter(row);
    const bool by_sentence = !row.sentences.empty();
    out_ += "<div class=\"cell src" + std::string(row.source.changed ? " changed" : "") +
            "\" lang=\"" + escape(view_.source.lang) + "\" dir=\"auto\">" +
            (by_sentence ? sentences_html(row, true) : units_html(row, row.source)) + "</div>\n";
    out_ += "<div class=\"cell tgt" + std::string(row.target.changed ? " changed" : "") +
            "\" lang=\"" + escape(view_.target.lang) + "\" dir=\"auto\">" +
            (by_sentence ? sentences_html(row, false) : units_html(row, row.target)) + "</div>\n";
    if (row.note) out_ += "<p class=\"remark\">✎ " + escape(*row.note) + "</p>\n";
    out_ += "</section>\n";
  }

  const SideBySide& view_;
  ShowLevel level_;
  std::string out_;
};

}  // namespace

std::string render_html(const SideBySide& view, ShowLevel level) {
  return HtmlWriter(view, level).render();
}

}  // namespace alinea
