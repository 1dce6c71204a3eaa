// Text made safe for the markup formats alinea writes (HTML reports and views, TMX).
#pragma once

#include <string>
#include <string_view>

namespace alinea {

// Characters a text format cannot carry (C0 and C1 controls but tab, newline and carriage return;
// noncharacters U+FFFE and U+FFFF; bytes that are not UTF-8) replaced with U+FFFD.
[[nodiscard]] std::string replace_control_characters(std::string_view text);

// Text as HTML or XML character data or attribute value: control characters replaced as above,
// then & < > " written as references. User text is data, never markup. Apostrophes stay as they
// are (translation memories are read by people too), so attribute values must use double quotes.
[[nodiscard]] std::string escape_markup(std::string_view text);

// Text for a Markdown report (a table cell, a list item): line breaks become spaces (they would
// end the cell), and | \ * _ ` [ ] < > # are backslash-escaped so the text shows as written.
[[nodiscard]] std::string escape_markdown_cell(std::string_view text);

}  // namespace alinea
