// Aligned text for other tools: translation memory (TMX 1.4b), tab-separated pairs and the
// line-aligned files machine translation training reads. Note references are dropped: they are
// not part of the translation.
#include "alinea/render.hpp"
#include "render/render_common.hpp"
#include "text/markup.hpp"

namespace alinea {
namespace {

using render_detail::rows_at_level;
using render_detail::side_plain_text;

bool is_sentence_row(const ShownRow& row) {
  for (const ShownSide* side : {&row.source, &row.target}) {
    for (const ShownUnit& unit : side->units) {
      if (unit.id.find('.') == std::string::npos) return false;
    }
  }
  return true;
}

// A link's two texts, each on one line.
struct Pair {
  std::string source;
  std::string target;
};

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

Pair pair_of(const ShownRow& row) {
  return {side_plain_text(row.source), side_plain_text(row.target)};
}

std::string tsv_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The rows an export takes: links that pass the filter.
std::vector<const ShownRow*> exported_rows(const SideBySide& view, ShowLevel level,
                                           const ExportFilter& filter) {
  std::vector<const ShownRow*> rows;
  for (const ShownRow* row : rows_at_level(view, level)) {
    if (row->linked() && filter.admits(*row)) rows.push_back(row);
  }
  return rows;
}

}  // namespace

bool ExportFilter::admits(const ShownRow& row) const noexcept {
  if (row.status == LinkStatus::reviewed) return true;
  if (reviewed_only) return false;
  return min_confidence <= 0.0 || (row.confidence && *row.confidence >= min_confidence);
}

std::string render_tmx(const SideBySide& view, ShowLevel level, const ExportFilter& filter) {
  const char* segtype = level == ShowLevel::sentence ? "sentence" : "paragraph";
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
      "<tmx version=\"1.4\">\n";
  out += std::string("<header creationtool=\"alinea\" creationtoolversion=\"") + ALINEA_VERSION +
         "\" datatype=\"plaintext\" segtype=\"" + segtype + "\" adminlang=\"en\" srclang=\"" +
         escape_markup(view.source.lang) + "\" o-tmf=\"alinea\">\n";
  out += "<prop type=\"x-alinea-source\">" + escape_markup(view.source.path) + "</prop>\n";
  out += "<prop type=\"x-alinea-target\">" + escape_markup(view.target.path) + "</prop>\n";
  out += "</header>\n<body>\n";
  for (const ShownRow* row : exported_rows(view, level, filter)) {
    const Pair pair = pair_of(*row);
    if (pair.source.empty() || pair.target.empty()) continue;
    out += "<tu tuid=\"" + escape_markup(row->anchor) + "\"";
    if (level == ShowLevel::sentence && !is_sentence_row(*row)) out += " segtype=\"paragraph\"";
    out += ">\n";
    if (row->note) out += "<note>" + escape_markup(*row->note) + "</note>\n";
    out += std::string("<prop type=\"x-alinea-status\">") + to_string(*row->status) + "</prop>\n";
    if (row->confidence) {
      out += "<prop type=\"x-alinea-confidence\">" +
             render_detail::confidence_text(*row->confidence) + "</prop>\n";
    }
    if (row->changed()) out += "<prop type=\"x-alinea-changed\">yes</prop>\n";
    out += "<tuv xml:lang=\"" + escape_markup(view.source.lang) + "\"><seg>" +
           escape_markup(pair.source) + "</seg></tuv>\n";
    out += "<tuv xml:lang=\"" + escape_markup(view.target.lang) + "\"><seg>" +
           escape_markup(pair.target) + "</seg></tuv>\n";
    out += "</tu>\n";
  }
  out += "</body>\n</tmx>\n";
  return out;
}

std::string render_tsv(const SideBySide& view, ShowLevel level, const ExportFilter& filter) {
  std::string out;
  for (const ShownRow* row : exported_rows(view, level, filter)) {
    const Pair pair = pair_of(*row);
    out += tsv_escape(pair.source) + '\t' + tsv_escape(pair.target) + '\n';
  }
  return out;
}

ParallelText render_moses(const SideBySide& view, ShowLevel level, const ExportFilter& filter) {
  ParallelText text;
  for (const ShownRow* row : exported_rows(view, level, filter)) {
    const Pair pair = pair_of(*row);
    if (pair.source.empty() || pair.target.empty()) continue;
    text.source += one_line(pair.source) + '\n';
    text.target += one_line(pair.target) + '\n';
  }
  return text;
}

}  // namespace alinea
