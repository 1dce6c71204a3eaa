// Rendering the document model for people and programs (`alinea inspect`).
#pragma once

#include <string>

#include "alinea/document.hpp"

namespace alinea {

// {"id","lang","meta":{…},"paragraphs":[{"id","text","notes":[…],"sentences":[…]}],"notes":[…]}
// `sentences` appear when the document has been segmented. Ends with a newline.
[[nodiscard]] std::string document_to_json(const Document& document);

// A human-readable outline: front matter, then each paragraph and note with its id.
[[nodiscard]] std::string document_to_text(const Document& document);

// A YAML value as JSON: scalars become strings, or numbers and booleans when plain and typed.
[[nodiscard]] std::string value_to_json(const Value& value);

}  // namespace alinea
