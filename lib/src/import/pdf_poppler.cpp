// A PDF's text through poppler (the engine of pdftotext): the only file that talks to poppler.
// Each page is set out in physical layout order — lines as printed, indents kept as spaces —
// which is what the layout reader (import_pdf.cpp) knows how to read: running heads, page
// numbers, footnote areas, first-line indents. See docs/IMPORT.md, "PDF files".
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <string>

#include "import/import_steps.hpp"

namespace alinea::import_steps {
namespace {

// poppler reports every oddity of a damaged file on stderr; the library never prints. What
// matters reaches the user as an UnreadablePdf instead.
void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

// A PDF's header may stand anywhere in its first kilobyte (after junk some producers write).
bool has_pdf_header(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

// A page's lines, each ending in a line feed; poppler's own page end (a form feed) is left to
// the caller, which separates pages.
std::string page_text(const poppler::page& page) {
  const poppler::byte_array utf8 =
      page.text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
  std::string text(utf8.begin(), utf8.end());
  while (!text.empty() && text.back() == '\f') text.pop_back();
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

bool has_letters_or_digits(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x7FU ||
           (std::isalnum(static_cast<unsigned char>(c)) != 0);
  });
}

}  // namespace

std::string read_pdf_text(std::string_view pdf) {
  if (pdf.size() > largest_pdf) {
    throw UnreadablePdf("the file is " + std::to_string(pdf.size() >> 20U) + " MB; PDFs up to " +
                        std::to_string(largest_pdf >> 20U) + " MB are read");
  }
  if (!has_pdf_header(pdf)) {
    throw UnreadablePdf("not a PDF: no '%PDF-' header in its first kilobyte");
  }
  silence_poppler();
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!document) {
    throw UnreadablePdf("the PDF is damaged or truncated: poppler cannot open it");
  }
  if (document->is_locked()) {
    throw UnreadablePdf("the PDF is encrypted and needs a password; save an unprotected copy");
  }
  const int pages = document->pages();
  if (pages <= 0) throw UnreadablePdf("the PDF has no pages");
  if (pages > most_pdf_pages) {
    throw UnreadablePdf("the PDF has " + std::to_string(pages) + " pages; up to " +
                        std::to_string(most_pdf_pages) + " are read");
  }
  std::string text;
  for (int index = 0; index < pages; ++index) {
    if (index > 0) text += '\f';
    const std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) continue;
    text += page_text(*page);
  }
  if (!has_letters_or_digits(text)) {
    throw UnreadablePdf("the PDF has no text layer (" + std::to_string(pages) +
                        (pages == 1 ? " page" : " pages") +
                        " of images or drawings: a scan?); run OCR on it first");
  }
  return text;
}

}  // namespace alinea::import_steps
