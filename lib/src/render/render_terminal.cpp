// The two-column terminal view: text wrapped at line-break opportunities, widths in display
// columns, link ids and status in a gutter on the left.
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

#include "alinea/render.hpp"
#include "render/render_common.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

using render_detail::block_marker;
using render_detail::note_marker;
using render_detail::side_ids;

// Below this width the ids and status move from the gutter to a line above each row.
constexpr std::size_t gutter_minimum_width = 50;
constexpr std::size_t gutter_width = 9;  // 8 columns of text and a space
constexpr std::string_view column_separator = " │ ";
constexpr std::size_t column_separator_width = 3;

enum class Colour { none, dim, green, yellow, red, magenta, cyan };

std::string_view colour_code(Colour colour) {
  switch (colour) {
    case Colour::none:
      return "";
    case Colour::dim:
      return "\x1b[2m";
    case Colour::green:
      return "\x1b[32m";
    case Colour::yellow:
      return "\x1b[33m";
    case Colour::red:
      return "\x1b[31m";
    case Colour::magenta:
      return "\x1b[35m";
    case Colour::cyan:
      return "\x1b[36m";
  }
  return "";
}

// A line of a cell or of the gutter, with the colour it is shown in.
struct Piece {
  std::string text;
  Colour colour = Colour::none;
};
using Pieces = std::vector<Piece>;

// A paragraph of a cell, wrapped as a whole.
struct Block {
  std::string text;
  Colour colour = Colour::none;
};

// Text safe to send to a terminal (sanitise_for_display: no control sequence, no direction
// override), tabs and line ends as spaces; soft hyphens (drawn by some terminals, not by others)
// go.
std::string terminal_safe(std::string_view text) {
  std::string out = sanitise_for_display(text, LineBreaks::spaces);
  constexpr std::string_view soft_hyphen = "\u00AD";
  for (std::size_t at = out.find(soft_hyphen); at != std::string::npos;
       at = out.find(soft_hyphen, at)) {
    out.erase(at, soft_hyphen.size());
  }
  return out;
}

std::string_view trim_trailing_spaces(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Splits a word wider than `width` into pieces that fit; zero-width characters stay with the
// character before them.
std::vector<std::string> split_word(std::string_view word, std::size_t width) {
  std::vector<std::string> pieces(1);
  std::size_t used = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const std::size_t start = pos;
    const std::size_t columns = display_width(next_code_point(word, pos));
    if (columns > 0 && used + columns > width && !pieces.back().empty()) {
      pieces.emplace_back();
      used = 0;
    }
    pieces.back().append(word, start, pos - start);
    used += columns;
  }
  return pieces;
}

// Greedy wrapping at the line-break opportunities ICU finds; no line is wider than `width`.
std::vector<std::string> wrap(std::string_view text, std::size_t width, BreakFinder& finder) {
  std::vector<BreakFinder::Boundary> boundaries = finder.boundaries(text);
  boundaries.push_back({text.size(), false});
  std::vector<std::string> lines;
  std::string current;
  std::size_t current_width = 0;
  const auto finish_line = [&] {
    lines.emplace_back(trim_trailing_spaces(current));
    current.clear();
    current_width = 0;
  };
  std::size_t start = 0;
  for (const BreakFinder::Boundary& boundary : boundaries) {
    const std::string_view piece = text.substr(start, boundary.offset - start);
    start = boundary.offset;
    const std::string_view word = trim_trailing_spaces(piece);
    const std::size_t word_width = display_width(word);
    if (current_width + word_width > width && !current.empty()) finish_line();
    if (word_width > width) {
      std::vector<std::string> parts = split_word(word, width);
      for (std::size_t i = 0; i + 1 < parts.size(); ++i) lines.push_back(std::move(parts[i]));
      current = parts.back();
      current_width = display_width(current);
      const std::string_view spaces = piece.substr(word.size());
      current += spaces;
      current_width += spaces.size();
    } else {
      current += piece;
      current_width += display_width(piece);
    }
    if (boundary.hard) finish_line();
  }
  if (!current.empty()) finish_line();
  return lines;
}

// Lines of at most `width` columns holding all of `text`, broken after a '+' or a space where
// one is on the line, anywhere else when not: an id is wrapped, never cut off.
std::vector<std::string> split_to_width(std::string_view text, std::size_t width) {
  std::vector<std::string> lines(1);
  std::size_t used = 0;
  std::size_t break_after = 0;  // bytes of the current line up to its last break opportunity
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    const std::size_t columns = display_width(c);
    if (used + columns > width && used > 0) {
      std::string& line = lines.back();
      std::string rest = break_after > 0 ? line.substr(break_after) : std::string();
      if (break_after > 0) line.resize(break_after);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      used = display_width(rest);
      lines.push_back(std::move(rest));
      break_after = 0;
    }
    lines.back().append(text, start, pos - start);
    used += columns;
    if (c == U'+' || c == U' ') break_after = lines.back().size();
  }
  return lines;
}

std::string unit_text(const ShownUnit& unit) {
  if (unit.missing) return "⟦" + unit.id + " missing⟧";
  std::string text = terminal_safe(block_marker(unit));
  for (const ShownSpan& span : unit.spans) {
    if (!span.note_label.empty()) {
      // A note's own marker opens its text; a reference sits against the word before it.
      const bool opens_text = unit.spans.data() == &span;
      text += note_marker(span.note_label);
      if (opens_text) text += ' ';
    } else {
      text += terminal_safe(span.text);
    }
  }
  return text;
}

bool is_sentence(const ShownUnit& unit) {
  return unit.id.find('.') != std::string::npos;
}

// Paragraphs and notes are blocks of their own; the sentences of a link run together.
std::vector<Block> cell_blocks(const ShownRow& row, const ShownSide& side) {
  std::vector<Block> blocks;
  for (const ShownUnit& unit : side.units) {
    const Colour colour = unit.missing ? Colour::red : Colour::none;
    if (is_sentence(unit) && !blocks.empty() && blocks.back().colour == colour) {
      blocks.back().text += ' ' + unit_text(unit);
    } else {
      blocks.push_back({unit_text(unit), colour});
    }
  }
  if (side.units.empty() && row.linked()) {
    blocks.push_back(
        {row.omitted ? "(omitted: " + terminal_safe(*row.omitted) + ")" : "∅", Colour::dim});
  }
  return blocks;
}

std::string confidence_text(double confidence) {
  const auto hundredths = static_cast<long>(confidence * 100.0 + 0.5);
  if (hundredths >= 100) return "1.00";
  if (hundredths <= 0) return ".00";
  return std::string(".") + (hundredths < 10 ? "0" : "") + std::to_string(hundredths);
}

std::string block_part(std::string_view id) {
  return std::string(id.substr(0, id.find('.')));
}

std::optional<std::size_t> number_after(std::string_view id, std::size_t prefix) {
  std::size_t value = 0;
  if (prefix >= id.size()) return std::nullopt;
  for (const char c : id.substr(prefix)) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

// Unit ids for the narrow gutter: a run of consecutive units is written as a range, "p2–4" or
// "p3.s2–3"; anything else is joined with "+".
std::string compact_ids(const ShownSide& side) {
  if (side.units.size() < 2) return side_ids(side, "+", "∅");
  const std::string& first = side.units.front().id;
  const bool sentences = first.find('.') != std::string::npos;
  const std::size_t prefix = sentences ? first.find(".s") + 2 : 1;
  std::optional<std::size_t> previous;
  for (const ShownUnit& unit : side.units) {
    const std::optional<std::size_t> number = number_after(unit.id, prefix);
    const bool same_group =
        sentences ? block_part(unit.id) == block_part(first) : unit.id.front() == first.front();
    if (!number || !same_group || unit.id.find('.') != first.find('.') ||
        (previous && *number != *previous + 1)) {
      return side_ids(side, "+", "∅");
    }
    previous = number;
  }
  return first + "–" + std::to_string(*previous);
}

Piece status_piece(const ShownRow& row) {
  if (!row.status) return {"unlinked", Colour::magenta};
  if (*row.status == LinkStatus::reviewed) return {"reviewed", Colour::green};
  if (!row.confidence) return {"auto", Colour::yellow};
  return {"auto " + confidence_text(*row.confidence), Colour::yellow};
}

std::string change_text(const ShownRow& row) {
  if (row.source.changed && row.target.changed) return "Δ both";
  if (row.source.changed) return "Δ src";
  if (row.target.changed) return "Δ tgt";
  return "";
}

class TerminalWriter {
 public:
  TerminalWriter(const SideBySide& view, const TerminalOptions& options)
      : view_(view),
        options_(options),
        gutter_(options.width >= gutter_minimum_width ? gutter_width : 0),
        column_((options.width - gutter_ - column_separator_width) / 2),
        source_breaks_(BreakKind::line, view.source.lang),
        target_breaks_(BreakKind::line, view.target.lang) {}

  std::string render() {
    write_header();
    bool first = true;
    for (const ShownRow& row : view_.rows) {
      if (options_.level == ShowLevel::sentence && !row.sentences.empty()) {
        write_group(row);
      } else {
        if (!first) out_ += '\n';
        write_row(row);
      }
      first = false;
    }
    out_ += '\n';
    write_full_width(
        {"reviewed: confirmed by a person · auto .88: proposed by the aligner, with its "
         "confidence · unlinked: in no link · Δ src, Δ tgt: text changed since it was aligned",
         Colour::dim});
    return std::move(out_);
  }

 private:
  std::string coloured(const Piece& piece) const {
    if (!options_.colour || piece.colour == Colour::none || piece.text.empty()) return piece.text;
    return std::string(colour_code(piece.colour)) + piece.text + "\x1b[0m";
  }

  std::string padded(const Piece& piece, std::size_t width) const {
    const std::size_t used = display_width(piece.text);
    return coloured(piece) + std::string(width > used ? width - used : 0, ' ');
  }

  void end_line(std::string line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out_ += line;
    out_ += '\n';
  }

  void write_full_width(const Block& block) {
    for (std::string& line : wrap(block.text, options_.width, source_breaks_)) {
      end_line(coloured({std::move(line), block.colour}));
    }
  }

  // Blocks are paragraphs, separated by a blank line unless `packed`.
  Pieces wrap_cell(const std::vector<Block>& blocks, BreakFinder& finder, bool packed = false) {
    Pieces lines;
    for (const Block& block : blocks) {
      if (!lines.empty() && !packed) lines.push_back({});
      for (std::string& line : wrap(block.text, column_, finder)) {
        lines.push_back({std::move(line), block.colour});
      }
    }
    return lines;
  }

  void write_columns(const Pieces& gutter, const Pieces& source, const Pieces& target) {
    const std::size_t height =
        std::max({gutter.size(), source.size(), target.size(), std::size_t{1}});
    const Piece blank;
    for (std::size_t i = 0; i < height; ++i) {
      std::string line;
      if (gutter_ > 0) line += padded(i < gutter.size() ? gutter[i] : blank, gutter_);
      line += padded(i < source.size() ? source[i] : blank, column_);
      line += coloured({std::string(column_separator), Colour::dim});
      line += coloured(i < target.size() ? target[i] : blank);
      end_line(std::move(line));
    }
  }

  Pieces gutter_lines(const ShownRow& row) const {
    const std::size_t width = gutter_ - 1;
    Pieces lines;
    for (const std::string& ids :
         {compact_ids(row.source), std::string("→") + compact_ids(row.target)}) {
      for (std::string& line : split_to_width(ids, width)) {
        lines.push_back({std::move(line), Colour::dim});
      }
    }
    lines.push_back(status_piece(row));
    if (row.changed()) lines.push_back({change_text(row), Colour::red});
    return lines;
  }

  std::string label_text(const ShownRow& row) const {
    std::string label = render_detail::row_label(row) + " · " + status_piece(row).text;
    if (row.changed()) label += " · " + change_text(row);
    return label;
  }

  void write_row(const ShownRow& row) {
    if (gutter_ == 0) write_full_width({label_text(row), Colour::dim});
    const Pieces gutter = gutter_ > 0 ? gutter_lines(row) : Pieces{};
    write_columns(gutter, wrap_cell(cell_blocks(row, row.source), source_breaks_),
                  wrap_cell(cell_blocks(row, row.target), target_breaks_));
    if (row.note) {
      const std::string indent(gutter_, ' ');
      for (std::string& line :
           wrap("✎ " + terminal_safe(*row.note), options_.width - gutter_, source_breaks_)) {
        end_line(indent + coloured({std::move(line), Colour::cyan}));
      }
    }
  }

  // A paragraph or note link shown sentence by sentence, under a rule naming the link.
  void write_group(const ShownRow& row) {
    const Colour colour = row.changed() ? Colour::red : Colour::dim;
    std::vector<std::string> lines = split_to_width("── " + label_text(row) + " ", options_.width);
    std::string& rule = lines.back();
    for (std::size_t i = display_width(rule); i < options_.width; ++i) rule += "─";
    out_ += '\n';
    for (std::string& line : lines) end_line(coloured({std::move(line), colour}));
    bool first = true;
    for (const ShownRow& sentence : row.sentences) {
      if (!first) out_ += '\n';
      write_row(sentence);
      first = false;
    }
  }

  void write_header() {
    const auto heading = [](const DocumentRef& document, const std::string& title) {
      std::vector<Block> blocks{
          {terminal_safe(document.lang + " · " + document.path), Colour::dim}};
      if (!title.empty()) blocks.push_back({terminal_safe(title), Colour::none});
      return blocks;
    };
    const Pieces gutter = gutter_ > 0 ? Pieces{{"link", Colour::dim}} : Pieces{};
    write_columns(gutter,
                  wrap_cell(heading(view_.source, view_.source_title), source_breaks_, true),
                  wrap_cell(heading(view_.target, view_.target_title), target_breaks_, true));
    std::string rule;
    for (std::size_t i = 0; i < gutter_ + column_; ++i) rule += "─";
    rule += "─┼─";
    for (std::size_t i = 0; i < column_; ++i) rule += "─";
    end_line(coloured({rule, Colour::dim}));
    if (view_.changed_links > 0) {
      write_full_width({"Δ " + std::to_string(view_.changed_links) +
                            (view_.changed_links == 1 ? " link's text has" : " links' texts have") +
                            " changed since aligned: the documents no longer match the "
                            "fingerprints in the alignment.",
                        Colour::red});
    }
    if (view_.missing_units > 0) {
      write_full_width({"⟦⟧ " + std::to_string(view_.missing_units) +
                            (view_.missing_units == 1 ? " unit" : " units") +
                            " named in the alignment " + (view_.missing_units == 1 ? "is" : "are") +
                            " missing from the documents.",
                        Colour::red});
    }
  }

  const SideBySide& view_;
  const TerminalOptions& options_;
  std::size_t gutter_;
  std::size_t column_;
  BreakFinder source_breaks_;
  BreakFinder target_breaks_;
  std::string out_;
};

}  // namespace

std::string render_terminal(const SideBySide& view, const TerminalOptions& options) {
  if (options.width < minimum_terminal_width) {
    throw std::invalid_argument("a width of " + std::to_string(options.width) +
                                " columns is too narrow for two columns side by side; at least " +
                                std::to_string(minimum_terminal_width) + " are needed");
  }
  return TerminalWriter(view, options).render();
}

}  // namespace alinea
