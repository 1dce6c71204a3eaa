// Reading a web page: the only file that includes gumbo. The page's text is laid out as plain
// text — blocks separated by blank lines, note references as "[n]" or superscript digits, the
// notes gathered at the end — and read by the plain-text reader (import_text.cpp); the title
// block and navigation are found here. The method is described in docs/IMPORT.md.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

#include "import/import_steps.hpp"
#include "text/unicode.hpp"

namespace alinea::import_steps {
namespace {

// Pages nest a few dozen elements deep; far deeper is not a text, and reading it recursively
// would exhaust the stack.
constexpr std::size_t deepest_nesting = 400;

std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found == nullptr ? std::string_view() : std::string_view(found->value);
}

bool contains_word(std::string_view text, std::string_view word) {
  const std::string lower = to_lower(text);
  return lower.find(word) != std::string::npos;
}

// Page furniture by what the page calls it: navigation, menus, sharing buttons, comments.
bool is_boilerplate(const GumboNode* node) {
  const std::string names = std::string(attribute(node, "class")) + " " +
                            std::string(attribute(node, "id")) + " " +
                            std::string(attribute(node, "role"));
  for (const std::string_view word :
       {"nav", "menu", "breadcrumb", "noprint", "sidebar", "comment", "share", "catlinks",
        "printfooter", "contentinfo", "banner", "cookie"}) {
    if (contains_word(names, word)) return true;
  }
  return false;
}

// 1 to 6 for <h1> to <h6>, 0 for any other tag.
static_assert(GUMBO_TAG_H6 - GUMBO_TAG_H1 == 5, "Gumbo lists <h1> to <h6> one after another");
int heading_level(GumboTag tag) {
  const int level = static_cast<int>(tag) - static_cast<int>(GUMBO_TAG_H1) + 1;
  return level >= 1 && level <= 6 ? level : 0;
}

bool is_block(GumboTag tag) {
  if (heading_level(tag) > 0) return true;
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

// A back link from a note to its reference ("↑", "↩", "^"): not text.
bool is_back_link(std::string_view text) {
  for (const std::string_view arrow : {"↑", "↩", "^", "⤴", "↩︎"}) {
    if (text == arrow) return true;
  }
  return false;
}

std::string superscript_digits(std::string_view digits) {
  static const char* const superscripts[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (const char c : digits) out += superscripts[c - '0'];
  return out;
}

struct Block {
  std::string text;
  std::string mark;        // the block's structure: "h2", "q", "u", "o" (block_mark_open)
  bool heading = false;    // h1
  bool in_table = false;   // a cell of a layout table: only looked at for the title block
  bool links_only = true;  // every letter of it is inside a link: navigation
};

class Walker {
 public:
  std::vector<Block> blocks;
  std::vector<Block> asides;
  std::string time_datetime;  // the first <time datetime="…"> of the text
  std::string time_text;      // and what it shows

  void walk(const GumboNode* node, std::size_t depth) {
    if (depth > deepest_nesting) {
      throw std::length_error("the page nests its elements more than " +
                              std::to_string(deepest_nesting) + " deep");
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      append_text(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboTag tag = node->v.element.tag;
    if (is_skipped(tag) || (tag != GUMBO_TAG_BODY && is_boilerplate(node))) return;
    // A site's header and footer, outside the article: furniture.
    if ((tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER) && article_depth_ == 0) return;
    if (tag == GUMBO_TAG_BR) {
      if (table_depth_ > 0) {
        flush();
      } else {
        append_text(" ");
      }
      return;
    }
    if (tag == GUMBO_TAG_TIME && time_datetime.empty()) {
      time_datetime = std::string(attribute(node, "datetime"));
      const std::size_t before = current_.text.size();
      walk_children(node, depth);
      time_text = std::string(trim_white_space(std::string_view(current_.text).substr(before)));
      return;
    }
    if (tag == GUMBO_TAG_ASIDE) {
      flush();
      std::vector<Block> saved = std::move(blocks);
      blocks.clear();
      walk_children(node, depth);
      flush();
      for (Block& block : blocks) asides.push_back(std::move(block));
      blocks = std::move(saved);
      return;
    }
    if (tag == GUMBO_TAG_SUP) {
      walk_superscript(node, depth);
      return;
    }
    if (tag == GUMBO_TAG_A) {
      walk_link(node, depth);
      return;
    }
    const bool block = is_block(tag);
    if (!block) {
      walk_children(node, depth);
      return;
    }
    flush();
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) ++article_depth_;
    if (tag == GUMBO_TAG_TABLE) ++table_depth_;
    if (tag == GUMBO_TAG_H1) current_.heading = true;
    if (tag == GUMBO_TAG_OL) list_numbers_.push_back(ordered_list_start(node));
    if (tag == GUMBO_TAG_UL) list_numbers_.push_back(0);
    if (tag == GUMBO_TAG_LI && !list_numbers_.empty() && list_numbers_.back() > 0) {
      // An ordered list's numbers are part of what it says (a notes list: "1. …"): they open
      // the item's first block, whatever element inside the item holds its text.
      pending_number_ = std::to_string(list_numbers_.back()++) + ". ";
    }
    const std::string mark = structure_mark(tag);
    if (!mark.empty()) marks_.push_back(mark);
    walk_children(node, depth);
    flush();
    if (tag == GUMBO_TAG_LI) pending_number_.clear();  // an empty item
    if (!mark.empty()) marks_.pop_back();
    if (tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL) list_numbers_.pop_back();
    if (tag == GUMBO_TAG_TABLE) --table_depth_;
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) --article_depth_;
  }

  void flush() {
    std::string text(trim_white_space(current_.text));
    if (!text.empty() && std::any_of(text.begin(), text.end(), [](char c) { return c != ' '; })) {
      if (!marks_.empty()) current_.mark = marks_.back();
      text.insert(0, pending_number_);
      pending_number_.clear();
      if (current_.mark == "u") {
        // An item that opens with a number or a bracket may be a note of a notes list.
        std::size_t pos = 0;
        if (!is_letter(next_code_point(text, pos))) current_.mark.clear();
      }
      current_.text = std::move(text);
      current_.in_table = table_depth_ > 0;
      blocks.push_back(std::move(current_));
    }
    current_ = Block();
  }

 private:
  Block current_;
  std::size_t article_depth_ = 0;
  std::size_t table_depth_ = 0;
  std::size_t link_depth_ = 0;
  std::vector<std::size_t> list_numbers_;  // 0 for an unordered list
  std::string pending_number_;             // an ordered item's number, until its text comes
  std::vector<std::string> marks_;         // the structure of the blocks being walked

  // Headings, quotations and list items are marked as such. An ordered item keeps its number
  // in its text ("3. …"), which is what a notes list is found by; the mark makes it a list
  // item only if it is not a note.
  std::string structure_mark(GumboTag tag) const {
    if (const int level = heading_level(tag); level > 0) return "h" + std::to_string(level);
    switch (tag) {
      case GUMBO_TAG_BLOCKQUOTE:
        return "q";
      case GUMBO_TAG_LI:
        if (list_numbers_.empty()) return "";
        return list_numbers_.back() == 0 ? "u" : "o";
      default:
        return "";
    }
  }

  static std::size_t ordered_list_start(const GumboNode* node) {
    const std::string_view start = attribute(node, "start");
    std::size_t value = 0;
    for (const char c : start) {
      if (c < '0' || c > '9' || value > 100000) return 1;
      value = value * 10 + static_cast<std::size_t>(c - '0');
    }
    return value == 0 ? 1 : value;
  }

  static std::string_view trim_white_space(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
  }

  void walk_children(const GumboNode* node, std::size_t depth) {
    const GumboVector& children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
      walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    }
  }

  // Text as HTML shows it: runs of white space are one space (a no-break space is not white
  // space here: it is kept).
  void append_text(std::string_view text) {
    for (const char c : text) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        if (!current_.text.empty() && current_.text.back() != ' ') current_.text += ' ';
        continue;
      }
      if (link_depth_ == 0 && c != '|' && c != '.' && c != ',' && c != ':' && c != '-' &&
          c != '(' && c != ')' && c != '[' && c != ']') {
        current_.links_only = false;
      }
      current_.text += c;
    }
  }

  // What a child element says, as text of its own.
  std::string text_of_children(const GumboNode* node, std::size_t depth) {
    Block saved = std::move(current_);
    current_ = Block();
    walk_children(node, depth);
    std::string text = std::move(current_.text);
    const bool links_only = current_.links_only;
    current_ = std::move(saved);
    current_.links_only = current_.links_only && links_only;
    return std::string(trim_white_space(text));
  }

  // A superscript number is a note reference: written as superscript digits, or as "[n]" when
  // the page wrote it so.
  void walk_superscript(const GumboNode* node, std::size_t depth) {
    const std::string text = text_of_children(node, depth);
    const bool digits =
        !text.empty() && text.size() <= 4 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      if (!current_.text.empty() && current_.text.back() == ' ') current_.text.pop_back();
      current_.text += superscript_digits(text);
    } else {
      current_.text += text;
    }
  }

  void walk_link(const GumboNode* node, std::size_t depth) {
    ++link_depth_;
    const std::string text = text_of_children(node, depth);
    --link_depth_;
    if (is_back_link(text)) return;
    current_.text += text;
  }
};

// Whether a block says no more than the author and the date ("por León Trotsky · 24 de abril
// de 1936"): a byline, read into the front matter.
bool is_byline(std::string text, const std::string& author, const std::string& date_text) {
  for (const std::string* part : {&author, &date_text}) {
    if (part->empty()) continue;
    const std::size_t found = text.find(*part);
    if (found == std::string::npos) return false;
    text.erase(found, part->size());
  }
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_letter(next_code_point(text, pos))) ++letters;
  }
  return letters <= 3;  // "por", "by", "de"
}

std::string meta_content(const GumboNode* head, std::initializer_list<std::string_view> names) {
  const GumboVector& children = head->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_META) continue;
    const std::string name = to_lower(attribute(child, "name"));
    for (const std::string_view wanted : names) {
      if (name == wanted) return std::string(attribute(child, "content"));
    }
  }
  return {};
}

const GumboNode* child_element(const GumboNode* node, GumboTag tag) {
  const GumboVector& children = node->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == tag) return child;
  }
  return nullptr;
}

std::string head_title(const GumboNode* head) {
  const GumboNode* title = child_element(head, GUMBO_TAG_TITLE);
  if (title == nullptr || title->v.element.children.length == 0) return {};
  const auto* text = static_cast<const GumboNode*>(title->v.element.children.data[0]);
  return text->type == GUMBO_NODE_TEXT ? std::string(text->v.text.text) : std::string();
}

bool is_iso_date(std::string_view text) {
  if (text.size() < 4) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  }
  return text.size() == 4 || text.size() == 7 || text.size() == 10;
}

// How deep the page's elements nest, estimated from its tags before parsing: the parser's time
// grows with the depth for every tag, so that a page of 200,000 nested elements takes minutes.
// Void elements and those whose end tag may be left out (p, li, td …) are not counted.
std::size_t estimated_nesting(std::string_view html) {
  static const std::vector<std::string_view> uncounted = {
      "area",    "base",  "br",     "col",    "embed",    "hr",    "img",   "input", "link",
      "meta",    "param", "source", "track",  "wbr",      "p",     "li",    "dt",    "dd",
      "tr",      "td",    "th",     "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
      "caption", "rb",    "rt",     "rp",     "html",     "head",  "body"};
  std::size_t depth = 0;
  std::size_t deepest = 0;
  for (std::size_t pos = html.find('<'); pos != std::string_view::npos;
       pos = html.find('<', pos + 1)) {
    if (html.compare(pos, 4, "<!--") == 0) {
      pos = html.find("-->", pos);
      if (pos == std::string_view::npos) break;
      continue;
    }
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    std::size_t end = pos + (closing ? 2 : 1);
    const std::size_t name_start = end;
    while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end])) != 0) ++end;
    if (end == name_start) continue;
    const std::string name = to_lower(html.substr(name_start, end - name_start));
    if (std::find(uncounted.begin(), uncounted.end(), name) != uncounted.end()) continue;
    const std::size_t tag_end = html.find('>', end);
    if (tag_end == std::string_view::npos) break;
    if (html[tag_end - 1] == '/') continue;  // <x/>
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
    } else {
      deepest = std::max(deepest, ++depth);
    }
    pos = tag_end;
  }
  return deepest;
}

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

HtmlText read_html(std::string_view page) {
  // The page's own noncharacters would read as block marks (import_steps.hpp).
  std::string cleaned;
  if (page.find(block_mark_open) != std::string_view::npos ||
      page.find(block_mark_close) != std::string_view::npos) {
    cleaned = without_block_marks(page);
    page = cleaned;
  }
  const std::string_view html = page;
  if (estimated_nesting(html) > deepest_nesting) {
    throw std::length_error("the page nests its elements more than " +
                            std::to_string(deepest_nesting) + " deep");
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the parse errors of a page are not reported; parsing goes on
  const std::unique_ptr<GumboOutput, GumboDeleter> output(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  const GumboNode* root = output->root;
  const GumboNode* head = child_element(root, GUMBO_TAG_HEAD);
  const GumboNode* body = child_element(root, GUMBO_TAG_BODY);
  Walker walker;
  if (body != nullptr) walker.walk(body, 0);
  walker.flush();

  HtmlText result;
  std::vector<Block>& blocks = walker.blocks;
  // The title block: three lines title / author / date where the page starts (a header
  // table's cells count), else the first h1, an author and a date among the few lines after
  // it, and what <head> and <time> say.
  std::vector<SourceLine> lines;
  const std::size_t head_lines = std::min<std::size_t>(blocks.size(), 12);
  for (std::size_t i = 0; i < head_lines; ++i)
    lines.push_back({blocks[i].text, i + 1, 0, false, false});
  std::vector<bool> remove(blocks.size(), false);
  std::string date_text;
  if (const auto block = find_title_block(lines)) {
    result.title = block->title;
    result.author = block->author;
    result.date = block->date;
    date_text = lines[block->lines[2]].text;
    for (const std::size_t i : block->lines) remove[i] = true;
  } else {
    const auto heading =
        std::find_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.heading; });
    std::size_t after = 0;
    if (heading != blocks.end()) {
      result.title = heading->text;
      after = static_cast<std::size_t>(heading - blocks.begin());
      remove[after] = true;
    } else if (head != nullptr) {
      result.title = head_title(head);
    }
    if (head != nullptr) {
      result.author = meta_content(head, {"author", "dc.creator", "dcterms.creator"});
      const std::string date = meta_content(head, {"date", "dc.date", "dcterms.date"});
      if (is_iso_date(date)) result.date = date;
    }
    if (result.date.empty() && is_iso_date(walker.time_datetime)) {
      result.date = walker.time_datetime;
    }
    // Only under a heading that is the title: elsewhere a short capitalised line is text.
    const std::size_t look_until = heading == blocks.end() ? 0 : std::min(blocks.size(), after + 6);
    for (std::size_t i = after; i < look_until; ++i) {
      const std::string& text = blocks[i].text;
      if (count_code_points(text) > 60 || remove[i] || text.find(' ') == std::string::npos) {
        continue;
      }
      if (result.author.empty() && looks_like_name(text)) {
        result.author = text;
        remove[i] = !blocks[i].in_table;
      } else if (const auto date = parse_date(text)) {
        if (result.date.empty()) result.date = *date;
        date_text = text;
        remove[i] = !blocks[i].in_table;
      }
    }
    if (date_text.empty()) date_text = walker.time_text;
    for (std::size_t i = after; i < look_until; ++i) {
      if (!remove[i] && !result.author.empty() && !date_text.empty() &&
          is_byline(blocks[i].text, result.author, date_text)) {
        remove[i] = true;
      }
    }
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    // Tables lay out a page's header; links alone are navigation.
    if (remove[i] || blocks[i].in_table || blocks[i].links_only) continue;
    if (!blocks[i].mark.empty()) {
      result.text += block_mark(blocks[i].mark);
    }
    result.text += blocks[i].text + "\n\n";
  }
  for (const Block& aside : walker.asides) result.text += aside.text + "\n\n";
  return result;
}

}  // namespace alinea::import_steps
