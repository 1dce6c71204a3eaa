// A table of contents as text into an edition catalogue.
#include <array>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "edition/edition_text.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

using edition_text::parse_decimal;
using edition_text::trim;

struct Field {
  std::string_view text;
  std::size_t column = 0;  // 1-based, in bytes
};

bool is_leader_char(std::string_view rest, std::size_t& size) {
  for (const std::string_view leader : {".", " ", "\t", "\u2026", "\u00B7", "\u00A0"}) {
    if (rest.starts_with(leader)) {
      size = leader.size();
      return true;
    }
  }
  return false;
}

// The fields of a line, split at dot leaders ("....", "…", " . . ."), tabs and runs of spaces.
// A run counts as a leader when it has two dots (an ellipsis counts as two), a tab, or two
// spaces in a row; "V. Serge" keeps its one dot.
std::vector<Field> fields_of(std::string_view line) {
  std::vector<Field> fields;
  std::size_t begin = 0;
  for (std::size_t pos = 0; pos < line.size();) {
    std::size_t end = pos;
    std::size_t dots = 0;
    bool tab = false;
    bool double_space = false;
    bool previous_space = false;
    for (std::size_t size = 0; end < line.size() && is_leader_char(line.substr(end), size);
         end += size) {
      const std::string_view piece = line.substr(end, size);
      if (piece == "." || piece == "\u00B7") dots += 1;
      if (piece == "\u2026") dots += 2;
      tab = tab || piece == "\t";
      const bool space = piece == " " || piece == "\u00A0";
      double_space = double_space || (space && previous_space);
      previous_space = space;
    }
    if (end > pos && (dots >= 2 || tab || double_space)) {
      const std::string_view text = trim(line.substr(begin, pos - begin));
      if (!text.empty()) fields.push_back({text, begin + 1});
      begin = end;
    }
    pos = end > pos ? end : pos + 1;
  }
  const std::string_view text = trim(line.substr(begin));
  if (!text.empty()) fields.push_back({text, begin + 1});
  return fields;
}

std::optional<int> month_number(std::string_view word) {
  static const std::array<std::array<std::string_view, 3>, 12> months = {{
      {"janvier", "enero", "january"},
      {"fevrier", "febrero", "february"},
      {"mars", "marzo", "march"},
      {"avril", "abril", "april"},
      {"mai", "mayo", "may"},
      {"juin", "junio", "june"},
      {"juillet", "julio", "july"},
      {"aout", "agosto", "august"},
      {"septembre", "septiembre", "september"},
      {"octobre", "octubre", "october"},
      {"novembre", "noviembre", "november"},
      {"decembre", "diciembre", "december"},
  }};
  const std::string folded = fold_for_matching(word);
  for (std::size_t i = 0; i < months.size(); ++i) {
    for (const std::string_view name : months[i]) {
      if (folded == name) {
        return static_cast<int>(i) + 1;
      }
    }
  }
  return std::nullopt;
}

std::string two_digits(long long value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

// "1936-04-24", "24 avril 1936", "1er mai 1936", "24 de abril de 1936", "April 24, 1936",
// "avril 1936", "1936"; std::nullopt for anything else.
std::optional<std::string> iso_date(std::string_view text) {
  text = trim(text);
  if (edition_text::is_iso_date(text)) return std::string(text);
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (c == ' ' || c == ',') {
      if (!word.empty() && word != "de" && word != "del") words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty() && word != "de" && word != "del") words.push_back(word);
  std::optional<long long> day;
  std::optional<int> month;
  std::optional<long long> year;
  for (std::string& w : words) {
    if (w == "1er" || w == "1o" || w == "1\u00BA") w = "1";
    if (const auto m = month_number(w)) {
      if (month) return std::nullopt;
      month = m;
    } else if (const auto n = parse_decimal(w)) {
      if (w.size() == 4 && !year) {
        year = n;
      } else if (w.size() <= 2 && !day && *n >= 1 && *n <= 31) {
        day = n;
      } else {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  if (!year || (day && !month)) return std::nullopt;
  std::string out = std::to_string(*year);
  if (month) out += "-" + two_digits(*month);
  if (day) out += "-" + two_digits(*day);
  if (!edition_text::is_iso_date(out)) return std::nullopt;
  return out;
}

void close_volume(Catalogue& catalogue, CatalogueVolume volume,
                  const std::optional<long long>& page_count, const std::string& source) {
  for (std::size_t i = 0; i < volume.texts.size(); ++i) {
    CatalogueText& text = volume.texts[i];
    if (i + 1 < volume.texts.size()) {
      const long long next = volume.texts[i + 1].pages.first;
      text.pages.last = next > text.pages.first ? next - 1 : text.pages.first;
    } else {
      text.pages.last = std::max(text.pages.first, page_count.value_or(text.pages.first));
    }
  }
  volume.page_count = volume.texts.empty()
                          ? page_count.value_or(0)
                          : std::max(volume.texts.back().pages.last, page_count.value_or(0));
  if (page_count && !volume.texts.empty() && volume.texts.back().pages.first > *page_count) {
    throw InputError({source, volume.texts.back().line, 0},
                     "this text starts on page " + std::to_string(volume.texts.back().pages.first) +
                         ", past the volume's last page, " + std::to_string(*page_count));
  }
  catalogue.volumes.push_back(std::move(volume));
}

// "Tome 9" or "Tome 9 …… 412": a volume heading and perhaps its page count.
std::optional<std::pair<long long, std::optional<long long>>> heading_of(
    const std::vector<Field>& fields) {
  if (fields.empty() || fields.size() > 2) return std::nullopt;
  const auto number = edition_text::volume_heading(fields.front().text);
  if (!number) return std::nullopt;
  std::optional<long long> pages;
  if (fields.size() == 2) {
    pages = parse_decimal(fields.back().text);
    if (!pages) return std::nullopt;
  }
  return std::make_pair(*number, pages);
}

}  // namespace

Catalogue catalogue_from_toc(std::string_view toc, const TocOptions& options) {
  const std::string& source = options.source_name;
  if (const auto bad = find_invalid_utf8(toc)) {
    throw InputError({source, bad->line, bad->column}, "invalid UTF-8");
  }
  if (toc.starts_with("\xEF\xBB\xBF")) toc.remove_prefix(3);
  Catalogue catalogue;
  catalogue.id = options.id;
  catalogue.title = options.title;
  catalogue.lang = options.lang;
  if (!options.title.empty()) catalogue.names.push_back(options.title);

  std::optional<CatalogueVolume> volume;
  std::optional<long long> page_count;
  if (options.volume) {
    volume = CatalogueVolume{*options.volume, 0, {}, 0, 0};
    page_count = options.page_count;
  }
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos <= toc.size();) {
    const std::size_t end = std::min(toc.find('\n', pos), toc.size());
    std::string_view line = toc.substr(pos, end - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    pos = end + 1;
    ++line_number;
    if (trim(line).empty()) continue;
    const std::vector<Field> fields = fields_of(line);
    if (const auto heading = heading_of(fields)) {
      if (volume) close_volume(catalogue, std::move(*volume), page_count, source);
      if (catalogue.volume(heading->first) != nullptr) {
        throw InputError({source, line_number, 1},
                         "volume " + std::to_string(heading->first) + " appears twice");
      }
      volume = CatalogueVolume{heading->first, 0, {}, line_number, 1};
      page_count = heading->second;
      continue;
    }
    if (!volume) {
      throw InputError({source, line_number, 1},
                       "a text before any volume: start with a line such as 'Tome 9', or give "
                       "--volume");
    }
    if (fields.size() < 2) {
      throw InputError({source, line_number, 1},
                       "expected 'title … date … page' (fields apart by dot leaders, a tab or "
                       "two spaces)");
    }
    const Field& page_field = fields.back();
    const auto page = parse_decimal(page_field.text);
    if (!page || *page == 0) {
      throw InputError({source, line_number, page_field.column},
                       "the line should end with the text's first page, not '" +
                           std::string(page_field.text) + "'");
    }
    CatalogueText text;
    text.title = std::string(fields.front().text);
    text.line = line_number;
    if (fields.size() >= 3) {
      const Field& date_field = fields[fields.size() - 2];
      const std::string_view date_text(
          date_field.text.data(),
          static_cast<std::size_t>(page_field.text.data() - date_field.text.data()));
      if (fields.size() > 3) {
        throw InputError({source, line_number, fields[1].column},
                         "more than title, date and page on one line");
      }
      const auto date = iso_date(trim(date_text.substr(0, date_field.text.size())));
      if (!date) {
        throw InputError({source, line_number, date_field.column},
                         "'" + std::string(date_field.text) +
                             "' is not a date (1936-04-24, 24 avril 1936, 24 de abril de 1936)");
      }
      text.date = *date;
    }
    if (!volume->texts.empty() && *page < volume->texts.back().pages.first) {
      throw InputError({source, line_number, page_field.column},
                       "page " + std::to_string(*page) + " comes before the previous text's page " +
                           std::to_string(volume->texts.back().pages.first) +
                           ": a table of contents lists texts in page order");
    }
    text.pages = {*page, *page};
    volume->texts.push_back(std::move(text));
  }
  if (volume) close_volume(catalogue, std::move(*volume), page_count, source);
  if (catalogue.volumes.empty()) throw InputError({source, 0, 0}, "the table of contents is empty");
  return catalogue;
}

}  // namespace alinea
