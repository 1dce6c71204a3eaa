// What every importer's fuzz target checks: any bytes give a document or an InputError, never a
// crash or a hang, and the document the importer writes reads back the same (escaping is
// complete).
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

#include "alinea/base.hpp"
#include "alinea/document.hpp"

namespace fuzz {

// `paragraphs_like`: a source whose paragraphs the import follows (pdf and pdf_text).
inline void import_and_read_back(std::string_view input, alinea::ImportFormat format,
                                 const std::string& source_name,
                                 const alinea::Document* paragraphs_like = nullptr) {
  alinea::ImportOptions options;
  if (paragraphs_like != nullptr) options.paragraphs_like = *paragraphs_like;
  options.lang = "es";
  options.format = format;
  options.source_name = source_name;
  options.dictionary_dir = "";  // dictionaries make runs slow and machine-dependent
  alinea::Document document;
  try {
    document = alinea::import_document(input, options);
  } catch (const alinea::InputError&) {
    return;
  }
  const std::string written = alinea::format_document(document);
  if (alinea::format_document(alinea::parse_document(written, "fuzz.md")) != written) {
    std::abort();
  }
}

}  // namespace fuzz
