// Text made safe for the formats alinea writes: the one sanitiser of everything shown to people
// (terminal, text reports, GitHub annotations, Markdown, HTML), escaping for HTML and XML, and
// percent-encoding for URIs.
#pragma once

#include <string>
#include <string_view>

#include "alinea/base.hpp"  // sanitise_for_display, LineBreaks: public, the command uses them

namespace alinea {

// Text as HTML character data or attribute value: sanitise_for_display (line breaks kept), then
// & < > " as references.
[[nodiscard]] std::string escape_html(std::string_view text);

// The Content-Security-Policy every HTML page alinea writes carries in its <head>: nothing is
// loaded or run, inline styles only.
inline constexpr const char* content_security_policy_meta =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n";

// A relative path as a URI reference (SARIF artifact locations): every byte but the unreserved
// characters of RFC 3986 (letters, digits, - . _ ~) and '/' percent-encoded, so that a space, '#',
// '?' or '%' in a file name cannot change what the URI names.
[[nodiscard]] std::string percent_encode_path(std::string_view path);

// Characters a text format cannot carry (C0 and C1 controls but tab, newline and carriage return;
// noncharacters U+FFFE and U+FFFF; bytes that are not UTF-8) replaced with U+FFFD.
[[nodiscard]] std::string replace_control_characters(std::string_view text);

// Text as XML character data or attribute value (TMX, an exchange format: the text is kept as
// written, direction controls included): control characters replaced as above, then & < > "
// written as references. User text is data, never markup. Apostrophes stay as they are
// (translation memories are read by people too), so attribute values must use double quotes.
[[nodiscard]] std::string escape_markup(std::string_view text);

// Text for a Markdown report (a table cell, a list item): sanitise_for_display with line breaks
// as spaces (they would end the cell), and | \ * _ ` [ ] < > # are backslash-escaped so the text
// shows as written.
[[nodiscard]] std::string escape_markdown_cell(std::string_view text);

}  // namespace alinea
