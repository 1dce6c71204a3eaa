// Importers: the layout readers (import_pdf.cpp, import_text.cpp) find the parts, this file
// builds the document from them; see docs/IMPORT.md.
#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "alinea/document.hpp"
#include "import/import_steps.hpp"
#include "text/dictionary.hpp"
#include "text/unicode.hpp"
#include "util/yaml.hpp"

namespace alinea {
namespace {

Document empty_document(const ImportOptions& options) {
  Document document;
  document.path = options.source_name;
  document.id = options.id;
  document.lang = options.lang;
  document.meta = Value::make_mapping();
  if (!options.id.empty()) document.meta.set("id", Value::make_scalar(options.id));
  if (!options.lang.empty()) document.meta.set("lang", Value::make_scalar(options.lang));
  return document;
}

// Text taken from the input stays text: a title "~" or "null" is written quoted, not as YAML's
// null. A date is the importer's own ISO form and stays plain.
void set_if_present(Document& document, std::string_view key, const std::string& text) {
  if (!text.empty()) document.meta.set(key, Value::make_scalar(text, key != "date"));
}

void add_paragraph(Document& document, std::string text, std::vector<std::string> note_labels,
                   import_steps::BlockMark block = {}) {
  Paragraph paragraph;
  paragraph.kind = block.kind;
  paragraph.level = block.level;
  paragraph.marker = std::move(block.marker);
  // Appended rather than "p" + …: GCC 12 at -O3 warns falsely about the concatenation.
  paragraph.id = "p";
  paragraph.id += std::to_string(document.paragraphs.size() + 1);
  paragraph.text = std::move(text);
  for (const std::string& label : note_labels) paragraph.note_ids.push_back("n" + label);
  document.paragraphs.push_back(std::move(paragraph));
}

void require_text(const Document& document, std::string_view input, const ImportOptions& options) {
  if (!document.paragraphs.empty()) return;
  const bool blank = std::all_of(input.begin(), input.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  });
  if (blank || input == "\xEF\xBB\xBF") {
    throw InputError({options.source_name, 0, 0}, "the input is empty");
  }
  throw InputError({options.source_name, 0, 0},
                   "no text left once page furniture (page numbers, running heads, footnote "
                   "rules, notes) is removed");
}

// Whether some line ends with a hyphen: only then is a dictionary worth its loading time
// (50-70 ms of processor time for Spanish; bench/import_bench.cpp).
bool has_line_end_hyphen(std::string_view input) {
  for (std::size_t end = input.find('\n'); end != std::string_view::npos;
       end = input.find('\n', end + 1)) {
    std::size_t last = end;
    while (last > 0 && (input[last - 1] == ' ' || input[last - 1] == '\r')) --last;
    if (last > 0 && (input[last - 1] == '-' || input.substr(0, last).ends_with("\u00AD") ||
                     input.substr(0, last).ends_with("\u2010"))) {
      return true;
    }
  }
  return false;
}

// Builds the document from what a reader of the layout found.
// `marked`: the text carries the block marks of a web page (import_steps::take_block_mark).
Document document_from_layout(const import_steps::PdfLayout& layout, Document document,
                              bool marked = false) {
  if (layout.title) {
    set_if_present(document, "title", layout.title->title);
    set_if_present(document, "author", layout.title->author);
    set_if_present(document, "date", layout.title->date);
  }
  set_if_present(document, "source", layout.source);
  document.meta = with_source_ref(std::move(document.meta));  // docs/FORMAT.md, source_ref
  std::string contacts;
  for (const std::string& contact : layout.contacts) {
    contacts += (contacts.empty() ? "" : ", ") + contact;
  }
  set_if_present(document, "translator_contact", contacts);

  std::vector<std::string> labels;
  for (const auto& note : layout.notes) labels.push_back(note.label);
  for (const auto& paragraph : import_steps::place_note_references(layout.paragraphs, labels)) {
    // The mark goes before escaping, so that the text is escaped as it will be written.
    import_steps::ReferencedText text = paragraph;
    import_steps::BlockMark block =
        marked ? import_steps::take_block_mark(text.text) : import_steps::BlockMark{};
    add_paragraph(document, import_steps::to_markdown(text), paragraph.labels, std::move(block));
  }
  for (const auto& note : layout.notes) {
    std::string text = note.text;
    if (marked) (void)import_steps::take_block_mark(text);
    document.notes.push_back(
        {"n" + note.label, note.label, import_steps::to_markdown({text, {}}), {}, 0});
  }
  return document;
}

ImportResult import_pdf_text(std::string_view input, const ImportOptions& options) {
  const auto dictionary = has_line_end_hyphen(input)
                              ? Dictionary::open(options.dictionary_dir, options.lang)
                              : std::nullopt;
  std::vector<import_steps::SourceParagraph> paragraphs_like;
  if (options.paragraphs_like) {
    for (const Paragraph& paragraph : options.paragraphs_like->paragraphs) {
      paragraphs_like.push_back(
          {count_code_points(plain_text(paragraph.text)), paragraph.note_ids.size()});
    }
  }
  const import_steps::PdfLayout layout =
      import_steps::analyse_pdf_text(input, dictionary ? &*dictionary : nullptr, paragraphs_like);
  Document document = document_from_layout(layout, empty_document(options), true);
  require_text(document, input, options);
  return {std::move(document), layout.warnings};
}

// Front matter at the top of a text ("---", YAML, "---"), as a Markdown editor or a previous
// export leaves it. Only a YAML mapping counts: a text that merely opens with a rule of dashes
// is text.
struct FrontMatter {
  Value meta;
  std::string_view body;
};

FrontMatter split_front_matter(std::string_view input, const std::string& source_name) {
  std::string_view text = input;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text.starts_with("---\n") && !text.starts_with("---\r\n")) return {Value(), input};
  const std::size_t yaml_start = text.find('\n') + 1;
  for (std::size_t line = yaml_start; line < text.size();) {
    const std::size_t end = std::min(text.find('\n', line), text.size());
    std::string_view content = text.substr(line, end - line);
    if (content.ends_with('\r')) content.remove_suffix(1);
    if (content == "---" || content == "...") {
      try {
        Value meta = parse_yaml(text.substr(yaml_start, line - yaml_start), source_name, 2);
        if (!meta.is_mapping() || meta.members.empty()) return {Value(), input};
        return {std::move(meta), text.substr(std::min(end + 1, text.size()))};
      } catch (const InputError&) {
        return {Value(), input};
      }
    }
    line = end + 1;
  }
  return {Value(), input};
}

ImportResult import_plain_text(std::string_view input, const ImportOptions& options) {
  const FrontMatter front = split_front_matter(input, options.source_name);
  ImportOptions given = options;
  if (given.id.empty() && front.meta.is_mapping()) {
    if (const Value* id = front.meta.find("id"); id != nullptr && id->is_scalar()) {
      given.id = id->text;
    }
  }
  Document document = empty_document(given);
  if (front.meta.is_mapping()) {
    // The command line's id and lang win; every other key of the input is kept, in its order.
    for (const auto& [key, value] : front.meta.members) {
      if (key != "id" && key != "lang") document.meta.set(key, value);
    }
  }
  // Copied text's own noncharacters would read as block marks (import_steps.hpp).
  const std::string body = import_steps::without_block_marks(front.body);
  const import_steps::PdfLayout layout = import_steps::analyse_plain_text(body, true);
  document = document_from_layout(layout, std::move(document), true);
  require_text(document, front.body, options);
  return {std::move(document), layout.warnings};
}

// Web pages larger than this are refused rather than parsed: a text is far smaller, and the
// parse tree of a huge page takes many times its size in memory.
constexpr std::size_t largest_page = 16U << 20U;

// The page's bytes as UTF-8: a BOM, or the charset its <meta> declares in its first 2 KB
// (windows-1252 on old archive pages), else UTF-8, which is then checked.
std::string page_as_utf8(std::string_view bytes, const std::string& source_name) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string encoding;
  if (bytes.starts_with("\xFF\xFE")) encoding = "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) encoding = "UTF-16BE";
  if (encoding.empty()) {
    const std::string start = to_lower(bytes.substr(0, 2048));
    if (const std::size_t at = start.find("charset="); at != std::string::npos) {
      std::size_t pos = at + 8;
      if (pos < start.size() && (start[pos] == '"' || start[pos] == '\'')) ++pos;
      while (pos < start.size() && (std::isalnum(static_cast<unsigned char>(start[pos])) != 0 ||
                                    start[pos] == '-' || start[pos] == '_' || start[pos] == ':')) {
        encoding += start[pos++];
      }
    }
  }
  if (encoding.empty() || encoding == "utf-8" || encoding == "utf8" || encoding == "us-ascii") {
    if (const auto bad = find_invalid_utf8(bytes)) {
      throw InputError({source_name, bad->line, bad->column},
                       "invalid UTF-8 at byte offset " + std::to_string(bad->byte_offset) +
                           (encoding.empty() ? " (the page declares no charset)" : ""));
    }
    return std::string(bytes);
  }
  auto text = convert_to_utf8(bytes.substr(encoding.starts_with("utf-16") ? 2 : 0), encoding);
  if (!text) {
    throw InputError({source_name, 0, 0}, "the page declares the charset '" + encoding +
                                              "', which is unknown or does not match its bytes");
  }
  return std::move(*text);
}

ImportResult import_html(std::string_view input, const ImportOptions& options) {
  if (input.size() > largest_page) {
    throw InputError({options.source_name, 0, 0},
                     "the page is " + std::to_string(input.size() >> 20U) +
                         " MB; pages up to 16 MB are read (save the text's own page)");
  }
  const std::string page = page_as_utf8(input, options.source_name);
  import_steps::HtmlText html;
  try {
    html = import_steps::read_html(page);
  } catch (const std::length_error& error) {
    throw InputError({options.source_name, 0, 0}, error.what());
  }
  if (html.text.find_first_not_of(" \n") == std::string::npos) {
    throw InputError({options.source_name, 0, 0},
                     "the page has no text in its body (once navigation and scripts are left out)");
  }
  Document document = empty_document(options);
  set_if_present(document, "title", html.title);
  set_if_present(document, "author", html.author);
  set_if_present(document, "date", html.date);
  const import_steps::PdfLayout layout = import_steps::analyse_plain_text(html.text, false);
  document = document_from_layout(layout, std::move(document), true);
  require_text(document, html.text, options);
  return {std::move(document), layout.warnings};
}

ImportResult import_pdf(std::string_view input, const ImportOptions& options) {
  std::string text;
  try {
    text = import_steps::read_pdf_text(input);
  } catch (const import_steps::UnreadablePdf& error) {
    throw InputError({options.source_name, 0, 0}, error.what());
  }
  if (const auto bad = find_invalid_utf8(text)) {
    throw InputError({options.source_name, 0, 0},
                     "the PDF's text is not valid UTF-8 at byte offset " +
                         std::to_string(bad->byte_offset) + " of its extraction");
  }
  return import_pdf_text(text, options);
}

}  // namespace

namespace import_steps {

std::string without_block_marks(std::string_view text) {
  std::string cleaned(text);
  for (const std::string_view mark : {block_mark_open, block_mark_close}) {
    for (std::size_t at = cleaned.find(mark); at != std::string::npos;
         at = cleaned.find(mark, at)) {
      cleaned.erase(at, mark.size());
    }
  }
  return cleaned;
}

BlockMark take_block_mark(std::string& text) {
  BlockMark block;
  bool first = true;
  for (std::size_t at = text.find(block_mark_open); at != std::string::npos;
       at = text.find(block_mark_open, at)) {
    const std::size_t close = text.find(block_mark_close, at);
    const std::size_t end =
        close == std::string::npos ? at + block_mark_open.size() : close + block_mark_close.size();
    const std::string code =
        close == std::string::npos
            ? ""
            : text.substr(at + block_mark_open.size(), close - at - block_mark_open.size());
    text.erase(at, end - at);
    if (!first || at != 0) continue;
    first = false;
    if (code.size() == 2 && code[0] == 'h' && code[1] >= '1' && code[1] <= '6') {
      block = {BlockKind::heading, code[1] - '0', ""};
    } else if (code == "q") {
      block = {BlockKind::quote, 0, ""};
    } else if (code == "u" || code == "u-" || code == "u*" || code == "u+") {
      block = {BlockKind::list_item, 1, code.size() == 2 ? code.substr(1) : "-"};
    } else if (code == "o") {
      block = {BlockKind::list_item, 1, ""};
    }
  }
  // What a mark stood before may be gone (a reference moved away): then it is a paragraph.
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string::npos) return {};
  text.erase(0, start);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  if (block.kind == BlockKind::list_item && block.marker.empty()) {
    // An ordered item's number opens its text ("3. …", "3) …"): it is the item's marker.
    const std::size_t digits = text.find_first_not_of("0123456789");
    if (digits == 0 || digits == std::string::npos || digits > 9 || text.size() <= digits + 2 ||
        (text[digits] != '.' && text[digits] != ')') || text[digits + 1] != ' ') {
      return {};
    }
    block.marker = text.substr(0, digits + 1);
    text.erase(0, digits + 2);
  }
  return block;
}

}  // namespace import_steps

Document import_document(std::string_view input, const ImportOptions& options) {
  return import_document_with_warnings(input, options).document;
}

ImportResult import_document_with_warnings(std::string_view input, const ImportOptions& options) {
  // A page says its own encoding; every other input is UTF-8.
  if (options.format == ImportFormat::html) return import_html(input, options);
  if (options.format == ImportFormat::pdf) return import_pdf(input, options);
  if (const auto bad = find_invalid_utf8(input)) {
    throw InputError({options.source_name, bad->line, bad->column},
                     "invalid UTF-8 at byte offset " + std::to_string(bad->byte_offset));
  }
  switch (options.format) {
    case ImportFormat::markdown: {
      Document document = parse_document(input, options.source_name);
      if (document.lang.empty()) document.lang = options.lang;
      if (document.id.empty()) document.id = options.id;
      document.meta = with_source_ref(std::move(document.meta));  // docs/FORMAT.md, source_ref
      return {std::move(document), {}};
    }
    case ImportFormat::text:
      return import_plain_text(input, options);
    case ImportFormat::pdf_text:
    case ImportFormat::html:
    case ImportFormat::pdf:
      break;
  }
  // An extraction's own noncharacters would read as the PDF reader's block marks.
  return import_pdf_text(import_steps::without_block_marks(input), options);
}

}  // namespace alinea
