// What the renderers of render.hpp share; internal to the library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alinea/render.hpp"
#include "text/markup.hpp"

namespace alinea::render_detail {

// The rows a format shows at a level: every row at paragraph level; at sentence level the
// sentence rows of each row, or the row itself when it has none.
[[nodiscard]] std::vector<const ShownRow*> rows_at_level(const SideBySide& view, ShowLevel level);

// A side's text without note references: units joined by a space.
[[nodiscard]] std::string side_plain_text(const ShownSide& side);

// "p2 p3" for a side's unit ids, or `empty` when the side has none.
[[nodiscard]] std::string side_ids(const ShownSide& side, std::string_view separator,
                                   std::string_view empty = "");

// "p2+p3 → p1": what a row links, for labels.
[[nodiscard]] std::string row_label(const ShownRow& row);

// "0.88": two decimals, as alignment files write it.
[[nodiscard]] std::string confidence_text(double confidence);

// "reviewed", "auto 0.88", "auto" or "unlinked".
[[nodiscard]] std::string status_text(const ShownRow& row);

// What marks a unit's block in plain text, before its text: "## " for a heading, "> " for a
// paragraph of a quotation, "1. " for a list item (indented two spaces per level of nesting);
// "" for a paragraph, and for the sentences after the first of a heading or list item.
[[nodiscard]] std::string block_marker(const ShownUnit& unit);

// A note reference as a reader sees it in running text: "⁽¹²⁾" for numeric labels, "[a]" else.
[[nodiscard]] std::string note_marker(std::string_view label);

using alinea::replace_control_characters;

}  // namespace alinea::render_detail
