// The structured source reference of a document: lifted from a printed bibliographic note, read
// from and written to the front matter.
#include <algorithm>
#include <array>
#include <cctype>

#include "alinea/check.hpp"
#include "edition/edition_text.hpp"
#include "text/unicode.hpp"
#include "util/suggest.hpp"

namespace alinea {
namespace {

using edition_text::parse_decimal;
using edition_text::trim;

const std::vector<std::string_view> source_ref_keys = {"work", "title", "volume", "pages", "notes"};

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Parts of the note between commas and semicolons, as printed.
std::vector<std::string_view> parts_of(std::string_view note) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  for (std::size_t pos = 0; pos <= note.size(); ++pos) {
    if (pos == note.size() || note[pos] == ',' || note[pos] == ';') {
      parts.push_back(trim(note.substr(begin, pos - begin)));
      begin = pos + 1;
    }
  }
  return parts;
}

std::string roman(long long value) {
  static const std::array<std::pair<long long, std::string_view>, 13> numerals = {{{1000, "M"},
                                                                                   {900, "CM"},
                                                                                   {500, "D"},
                                                                                   {400, "CD"},
                                                                                   {100, "C"},
                                                                                   {90, "XC"},
                                                                                   {50, "L"},
                                                                                   {40, "XL"},
                                                                                   {10, "X"},
                                                                                   {9, "IX"},
                                                                                   {5, "V"},
                                                                                   {4, "IV"},
                                                                                   {1, "I"}}};
  std::string out;
  for (const auto& [amount, letters] : numerals) {
    for (; value >= amount; value -= amount) out += letters;
  }
  return out;
}

// Roman numerals in their usual form only ("IX", not "VIIII"), in capitals.
std::optional<long long> parse_roman(std::string_view text) {
  if (text.empty() || text.size() > 15) return std::nullopt;
  long long total = 0;
  long long previous = 0;
  for (auto it = text.rbegin(); it != text.rend(); ++it) {
    long long value = 0;
    switch (*it) {
      case 'I':
        value = 1;
        break;
      case 'V':
        value = 5;
        break;
      case 'X':
        value = 10;
        break;
      case 'L':
        value = 50;
        break;
      case 'C':
        value = 100;
        break;
      case 'D':
        value = 500;
        break;
      case 'M':
        value = 1000;
        break;
      default:
        return std::nullopt;
    }
    total += value < previous ? -value : value;
    previous = std::max(previous, value);
  }
  if (total <= 0 || roman(total) != text) return std::nullopt;
  return total;
}

// The first word of a part, lower-cased: "tomo" of "Tomo 9", "t." of "t.9".
std::string first_word(std::string_view part) {
  std::size_t end = 0;
  while (end < part.size() && part[end] != ' ' && part[end] != '.' && !is_ascii_digit(part[end])) {
    ++end;
  }
  if (end < part.size() && part[end] == '.') ++end;
  return to_lower(part.substr(0, end));
}

enum class VolumeWord { none, one, several };

VolumeWord volume_word(std::string_view word) {
  static constexpr std::array<std::string_view, 7> one = {"tomo", "tome",   "t.",     "vol.",
                                                          "vol",  "volume", "volumen"};
  static constexpr std::array<std::string_view, 6> several = {"tomos", "tomes",   "tt.",
                                                              "vols.", "volumes", "vol\u00famenes"};
  if (std::find(one.begin(), one.end(), word) != one.end()) return VolumeWord::one;
  if (std::find(several.begin(), several.end(), word) != several.end()) {
    return VolumeWord::several;
  }
  return VolumeWord::none;
}

// The volume number after a volume word: 9 of "tomo 9", "t. IX", "vol.3".
std::optional<long long> volume_number(std::string_view part, std::size_t word_size) {
  const std::string_view number = trim(part.substr(word_size));
  if (const auto decimal = parse_decimal(number)) {
    return *decimal > 0 ? decimal : std::nullopt;
  }
  return parse_roman(number);
}

bool looks_like_number(std::string_view text) {
  if (text.empty()) return false;
  if (is_ascii_digit(text.front())) return true;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::string_view("IVXLCDM").find(c) != std::string_view::npos;
  });
}

struct PagesPart {
  std::optional<PageRange> pages;  // std::nullopt: a page marker with no valid range after it
};

// "páginas 213-215", "pp. 213–215", "p. 17 (text and notes)": a page marker, then a range.
std::optional<PagesPart> pages_of(std::string_view part) {
  static constexpr std::array<std::string_view, 12> markers = {
      "páginas", "paginas", "página", "pagina", "págs.", "pags.",
      "pág.",    "pag.",    "pages",  "page",   "pp.",   "p."};
  const std::string lower = to_lower(part);
  for (const std::string_view marker : markers) {
    if (!std::string_view(lower).starts_with(marker)) continue;
    // The marker's length in the original text is the same: only ASCII letters change case.
    std::string_view rest = trim(part.substr(marker.size()));
    // "p. ej.", "páginas impresas", "pageant": not a page reference.
    if (rest.empty() || !is_ascii_digit(rest.front())) return std::nullopt;
    std::size_t end = 0;
    while (end < rest.size() &&
           (is_ascii_digit(rest[end]) || rest[end] == ' ' || rest[end] == '-' ||
            rest.substr(end).starts_with("\u2013") || rest.substr(end).starts_with("\u2014"))) {
      const bool long_dash =
          rest.substr(end).starts_with("\u2013") || rest.substr(end).starts_with("\u2014");
      end += long_dash ? std::size_t{3} : std::size_t{1};
    }
    return PagesPart{PageRange::parse(trim(rest.substr(0, end)))};
  }
  return std::nullopt;
}

// Whether the note says the editor's notes are translated too, and does not deny it.
bool includes_notes(std::string_view lower) {
  static constexpr std::array<std::string_view, 17> phrases = {
      "para las notas",  "y las notas",   "y notas",        "con las notas",  "con sus notas",
      "notas incluidas", "and notes",     "with notes",     "with the notes", "notes included",
      "et notes",        "et les notes",  "avec les notes", "avec ses notes", "notes comprises",
      "notes incluses",  "texte et notes"};
  static constexpr std::array<std::string_view, 10> denials = {
      "no ",   "sin ", "salvo ", "excepto ", "menos ",
      "sans ", "pas ", "not ",   "without ", "except "};
  for (const std::string_view phrase : phrases) {
    for (std::size_t at = lower.find(phrase); at != std::string_view::npos;
         at = lower.find(phrase, at + 1)) {
      const std::string_view before = lower.substr(0, at);
      const bool denied = std::any_of(denials.begin(), denials.end(), [&](std::string_view d) {
        return before.ends_with(d) || before.ends_with(std::string(d) + "para ") ||
               before.ends_with(std::string(d) + "pour ");
      });
      if (!denied) return true;
    }
  }
  return false;
}

// The first quoted text before `end`: “…”, «…», "…".
std::string quoted_title(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> quotes = {
      {{"\u201C", "\u201D"}, {"\u00AB", "\u00BB"}, {"\"", "\""}, {"\u2018", "\u2019"}}};
  std::size_t best = std::string_view::npos;
  std::string title;
  for (const auto& [open, close] : quotes) {
    const std::size_t begin = text.find(open);
    if (begin == std::string_view::npos || begin >= best) continue;
    const std::size_t end = text.find(close, begin + open.size());
    if (end == std::string_view::npos) continue;
    const std::string_view inside =
        trim(text.substr(begin + open.size(), end - begin - open.size()));
    if (inside.empty()) continue;
    best = begin;
    title = collapse_spaces(inside);
  }
  return title;
}

// The work named right before the volume: "Oeuvres", "*Œuvres*", "en Œuvres".
std::optional<std::string> work_of(std::string_view part) {
  for (const std::string_view lead : {"en ", "in ", "dans ", "de "}) {
    if (part.starts_with(lead)) part.remove_prefix(lead.size());
  }
  std::string work;
  for (const char c : part) {
    if (c != '*' && c != '_') work += c;
  }
  work = collapse_spaces(trim(work));
  if (work.empty() || count_code_points(work) > 60) return std::nullopt;
  bool letter = false;
  for (std::size_t pos = 0; pos < work.size();) {
    const char32_t c = next_code_point(work, pos);
    if (is_digit(c) || c == '(' || c == ')' || c == '"' || c == U'\u201D' || c == U'\u00BB') {
      return std::nullopt;
    }
    letter = letter || is_letter(c);
  }
  if (!letter) return std::nullopt;
  return work;
}

}  // namespace

std::string PageRange::to_string() const {
  return first == last ? std::to_string(first) : std::to_string(first) + "-" + std::to_string(last);
}

std::optional<PageRange> PageRange::parse(std::string_view text) {
  text = trim(text);
  std::size_t dash = text.find('-');
  std::size_t dash_size = 1;
  for (const std::string_view long_dash : {"\u2013", "\u2014"}) {
    if (const std::size_t at = text.find(long_dash); at != std::string_view::npos) {
      if (dash != std::string_view::npos) return std::nullopt;
      dash = at;
      dash_size = long_dash.size();
    }
  }
  const auto first = parse_decimal(trim(text.substr(0, dash)));
  const auto last =
      dash == std::string_view::npos ? first : parse_decimal(trim(text.substr(dash + dash_size)));
  if (!first || !last || *first <= 0 || *last < *first) return std::nullopt;
  return PageRange{*first, *last};
}

std::optional<SourceRef> lift_source_ref(std::string_view note) {
  if (note.size() > 2000) return std::nullopt;  // a paragraph, not a reference
  const std::vector<std::string_view> parts = parts_of(note);
  std::optional<std::size_t> volume_at;
  std::optional<long long> volume;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string word = first_word(parts[i]);
    const VolumeWord kind = volume_word(word);
    if (kind == VolumeWord::none) continue;
    if (kind == VolumeWord::several) return std::nullopt;  // "tomes 9 et 10": which one?
    const auto number = volume_number(parts[i], word.size());
    if (!number) {
      // "tomo la palabra", "vol de nuit": words, not volumes; "t. 0", "vol. IIII": bad volumes.
      if (!looks_like_number(trim(parts[i].substr(word.size())))) continue;
      return std::nullopt;
    }
    if (volume_at) return std::nullopt;  // two volumes: which one?
    volume_at = i;
    volume = number;
  }
  if (!volume_at || *volume_at == 0) return std::nullopt;
  const auto work = work_of(parts[*volume_at - 1]);
  if (!work) return std::nullopt;

  SourceRef ref;
  ref.work = *work;
  ref.volume = volume;
  for (std::size_t i = *volume_at + 1; i < parts.size(); ++i) {
    const auto pages = pages_of(parts[i]);
    if (!pages) continue;
    if (!pages->pages || ref.pages) return std::nullopt;
    ref.pages = pages->pages;
  }
  const std::string_view before_work(
      note.data(), static_cast<std::size_t>(parts[*volume_at - 1].data() - note.data()));
  ref.title = quoted_title(before_work);
  ref.notes = includes_notes(to_lower(note));
  return ref;
}

Value source_ref_value(const SourceRef& ref) {
  Value value = Value::make_mapping();
  value.flow = true;
  value.set("work", Value::make_scalar(ref.work));
  if (!ref.title.empty()) value.set("title", Value::make_scalar(ref.title));
  if (ref.volume) value.set("volume", Value::make_scalar(std::to_string(*ref.volume)));
  if (ref.pages) value.set("pages", Value::make_scalar(ref.pages->to_string()));
  if (ref.notes) value.set("notes", Value::make_scalar("true"));
  return value;
}

Value with_source_ref(Value meta) {
  if (!meta.is_mapping() || meta.find("source_ref") != nullptr) return meta;
  const auto source = std::find_if(meta.members.begin(), meta.members.end(),
                                   [](const auto& member) { return member.first == "source"; });
  if (source == meta.members.end() || !source->second.is_scalar()) return meta;
  const auto ref = lift_source_ref(source->second.text);
  if (!ref) return meta;
  meta.members.insert(source + 1, {"source_ref", source_ref_value(*ref)});
  return meta;
}

SourceRefRead read_source_ref(const Document& document) {
  SourceRefRead read;
  const Value* value = document.meta.find("source_ref");
  if (value == nullptr) return read;
  const auto report = [&](const char* rule, const Value& at, std::string message) {
    read.findings.push_back(
        {rule, Severity::error, {document.path, at.line, at.column}, {}, std::move(message)});
  };
  if (!value->is_mapping()) {
    report("source-ref/wrong-type", *value,
           "source_ref must be a mapping such as {work: Oeuvres, volume: 9, pages: 213-215}");
    return read;
  }
  SourceRef ref;
  bool usable = true;
  for (const auto& [key, member] : value->members) {
    if (std::find(source_ref_keys.begin(), source_ref_keys.end(), key) == source_ref_keys.end()) {
      report("source-ref/unknown-key", member,
             "source_ref has no key '" + key + "'" + detail::did_you_mean(key, source_ref_keys));
      continue;
    }
    if (!member.is_scalar()) {
      report("source-ref/wrong-type", member, "source_ref's " + key + " must be a single value");
      usable = usable && key != "work";
      continue;
    }
    if (key == "work") ref.work = member.text;
    if (key == "title") ref.title = member.text;
    if (key == "volume") {
      const auto number = member.quoted ? std::nullopt : member.as_integer();
      if (number && *number > 0) {
        ref.volume = number;
      } else {
        report("source-ref/bad-volume", member,
               "source_ref's volume must be a positive whole number, not '" + member.text +
                   "' (write tome IX as 9)");
      }
    }
    if (key == "pages") {
      ref.pages = PageRange::parse(member.text);
      if (!ref.pages) {
        report("source-ref/bad-pages", member,
               "source_ref's pages must be a page or a range of pages such as 213-215, not '" +
                   member.text + "'");
      }
    }
    if (key == "notes") {
      const auto notes = member.quoted ? std::nullopt : member.as_bool();
      if (notes) {
        ref.notes = *notes;
      } else {
        report("source-ref/wrong-type", member, "source_ref's notes must be true or false");
      }
    }
  }
  if (trim(ref.work).empty()) {
    report("source-ref/missing-field", *value,
           "source_ref needs 'work': the collected works it comes from (Oeuvres)");
    usable = false;
  }
  if (usable) read.ref = std::move(ref);
  return read;
}

namespace edition_text {

std::string_view trim(std::string_view text) {
  constexpr std::array<std::string_view, 6> spaces = {" ", "\t", "\n", "\r", "\u00A0", "\u202F"};
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::string_view space : spaces) {
      if (text.starts_with(space)) {
        text.remove_prefix(space.size());
        changed = true;
      }
      if (text.ends_with(space)) {
        text.remove_suffix(space.size());
        changed = true;
      }
    }
  }
  return text;
}

std::optional<long long> parse_decimal(std::string_view digits) {
  if (digits.empty() || digits.size() > 6) return std::nullopt;
  long long value = 0;
  for (const char c : digits) {
    if (!is_ascii_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<long long> volume_heading(std::string_view text) {
  text = trim(text);
  const std::string word = first_word(text);
  if (volume_word(word) != VolumeWord::one) return std::nullopt;
  return volume_number(text, word.size());
}

bool is_iso_date(std::string_view text) {
  const auto number = [&](std::size_t at, std::size_t size, long long low, long long high) {
    const auto value =
        text.size() >= at + size ? parse_decimal(text.substr(at, size)) : std::nullopt;
    return value && *value >= low && *value <= high;
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!number(0, 4, 1, 9999)) return false;
  if (text.size() >= 7 && (text[4] != '-' || !number(5, 2, 1, 12))) return false;
  if (text.size() == 10 && (text[7] != '-' || !number(8, 2, 1, 31))) return false;
  return true;
}

bool dates_agree(std::string_view a, std::string_view b) {
  return a.starts_with(b) || b.starts_with(a);
}

std::string fold_name(std::string_view name) {
  const std::string folded = fold_for_matching(trim(name));
  std::string out;
  for (std::size_t pos = 0; pos < folded.size();) {
    const std::size_t begin = pos;
    const char32_t c = next_code_point(folded, pos);
    if (c == U'\u0153') {
      out += "oe";
    } else if (c == U'\u00E6') {
      out += "ae";
    } else {
      out.append(folded, begin, pos - begin);
    }
  }
  return out;
}

}  // namespace edition_text
}  // namespace alinea
