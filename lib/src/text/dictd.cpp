// dictd dictionaries and FreeDict's entries; see dictd.hpp. The only file that includes zlib.
#include "text/dictd.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>

#include "alinea/base.hpp"

namespace alinea {

namespace {

// dictd's numbers: base64 digits, most significant first.
std::optional<std::uint64_t> base64_number(std::string_view digits) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (digits.empty() || digits.size() > 10) return std::nullopt;  // 60 bits at most
  std::uint64_t value = 0;
  for (const char c : digits) {
    const std::size_t digit = alphabet.find(c);
    if (digit == std::string_view::npos) return std::nullopt;
    value = value * 64 + digit;
  }
  return value;
}

std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "3." or "12." at the start of a line: the number of a sense. The rest of the line after it.
std::optional<std::string_view> after_sense_number(std::string_view line) {
  std::size_t k = 0;
  while (k < line.size() && is_digit(line[k])) ++k;
  if (k == 0 || k >= line.size() || line[k] != '.') return std::nullopt;
  return trimmed(line.substr(k + 1));
}

// A trailing " 2." (the number of the next sub-sense, which FreeDict prints on the same line).
std::string_view without_trailing_number(std::string_view text) {
  text = trimmed(text);
  if (text.empty() || text.back() != '.') return text;
  std::size_t k = text.size() - 1;
  while (k > 0 && is_digit(text[k - 1])) --k;
  if (k == text.size() - 1 || (k > 0 && text[k - 1] != ' ')) return text;
  return trimmed(text.substr(0, k));
}

// The translations of one comma-separated line, parenthesised remarks dropped.
void add_translations_of(std::string_view line, std::vector<std::string>& out,
                         std::set<std::string>& seen) {
  std::string text;
  int depth = 0;
  for (const char c : line) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      depth = std::max(0, depth - 1);
    } else if (depth == 0) {
      text += c;
    }
  }
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(',', begin);
    if (end == std::string::npos) end = text.size();
    const std::string_view item = trimmed(std::string_view(text).substr(begin, end - begin));
    if (!item.empty() && seen.insert(std::string(item)).second) out.emplace_back(item);
    begin = end + 1;
  }
}

// ISO 639-3 codes FreeDict names its files with, for the languages of its bilingual
// dictionaries that Debian packages.
const std::map<std::string, std::string, std::less<>>& three_letter_codes() {
  static const std::map<std::string, std::string, std::less<>> codes = {
      {"cs", "ces"}, {"da", "dan"}, {"de", "deu"}, {"el", "ell"}, {"en", "eng"},
      {"es", "spa"}, {"fi", "fin"}, {"fr", "fra"}, {"ga", "gle"}, {"hu", "hun"},
      {"it", "ita"}, {"ja", "jpn"}, {"la", "lat"}, {"nl", "nld"}, {"no", "nor"},
      {"pl", "pol"}, {"pt", "por"}, {"ru", "rus"}, {"sv", "swe"}, {"tr", "tur"}};
  return codes;
}

std::optional<std::string> three_letter_code(std::string_view lang) {
  const std::optional<Language> language = read_language(lang).language;
  if (!language) return std::nullopt;
  const auto found = three_letter_codes().find(language->primary);
  if (found == three_letter_codes().end()) return std::nullopt;
  return found->second;
}

}  // namespace

std::vector<DictdEntry> parse_dictd(std::string_view index, std::string_view dictionary,
                                    const std::string& index_path) {
  std::vector<DictdEntry> entries;
  std::size_t line_number = 0;
  std::size_t begin = 0;
  while (begin < index.size()) {
    std::size_t end = index.find('\n', begin);
    if (end == std::string_view::npos) end = index.size();
    const std::string_view line = index.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (trimmed(line).empty()) continue;
    const std::size_t first_tab = line.find('\t');
    const std::size_t second_tab =
        first_tab == std::string_view::npos ? first_tab : line.find('\t', first_tab + 1);
    const auto fail = [&](std::size_t column, const std::string& message) {
      throw InputError({index_path, line_number, column + 1}, message);
    };
    if (second_tab == std::string_view::npos) {
      fail(0, "not a dictd index line (headword, offset and length separated by tabs)");
    }
    std::string_view length_digits = line.substr(second_tab + 1);
    // Some indexes carry a fourth field (the headword as originally spelt); it is not needed.
    if (const std::size_t third_tab = length_digits.find('\t');
        third_tab != std::string_view::npos) {
      length_digits = length_digits.substr(0, third_tab);
    }
    if (!length_digits.empty() && length_digits.back() == '\r') length_digits.remove_suffix(1);
    const auto offset = base64_number(line.substr(first_tab + 1, second_tab - first_tab - 1));
    if (!offset) fail(first_tab + 1, "the offset is not a dictd base64 number");
    const auto length = base64_number(length_digits);
    if (!length) fail(second_tab + 1, "the length is not a dictd base64 number");
    if (*offset > dictionary.size() || *length > dictionary.size() - *offset) {
      fail(first_tab + 1, "the entry points past the end of the dictionary (" +
                              std::to_string(dictionary.size()) + " bytes)");
    }
    const std::string_view headword = line.substr(0, first_tab);
    if (headword.starts_with("00database") || headword.starts_with("00-database")) continue;
    entries.push_back({std::string(headword), std::string(dictionary.substr(*offset, *length))});
  }
  return entries;
}

std::string gunzip(std::string_view data, const std::string& path, std::size_t max_size) {
  z_stream stream{};
  // 16 + MAX_WBITS: gzip headers only.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    throw InputError({path, 0, 0}, "cannot start decompressing (zlib)");
  }
  std::string out;
  std::array<char, 1U << 16U> buffer{};
  // zlib's counts are 32-bit: feed at most 1 GiB at a time.
  std::size_t consumed = 0;
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    if (stream.avail_in == 0) {
      if (consumed == data.size()) break;
      const std::size_t chunk =
          std::min<std::size_t>(data.size() - consumed, std::size_t{1} << 30U);
      // zlib takes a non-const pointer but does not write through it.
      stream.next_in =
          reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + consumed));  // NOLINT
      stream.avail_in = static_cast<uInt>(chunk);
      consumed += chunk;
    }
    stream.next_out = reinterpret_cast<Bytef*>(buffer.data());  // NOLINT
    stream.avail_out = static_cast<uInt>(buffer.size());
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) break;
    out.append(buffer.data(), buffer.size() - stream.avail_out);
    if (out.size() > max_size) {
      inflateEnd(&stream);
      throw InputError({path, 0, 0},
                       "decompresses to more than " + std::to_string(max_size >> 20U) + " MiB");
    }
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) {
    throw InputError({path, 0, 0}, "not a complete gzip (dictzip) file");
  }
  return out;
}

std::vector<DictdEntry> read_dictd(const std::filesystem::path& index_path) {
  const std::string index = read_text_file(index_path);
  std::filesystem::path stem = index_path;
  stem.replace_extension();
  std::filesystem::path compressed = stem;
  compressed += ".dict.dz";
  std::error_code error;
  if (std::filesystem::is_regular_file(compressed, error)) {
    return parse_dictd(index, gunzip(read_text_file(compressed), compressed.string()),
                       index_path.string());
  }
  std::filesystem::path plain = stem;
  plain += ".dict";
  return parse_dictd(index, read_text_file(plain), index_path.string());
}

std::vector<std::string> freedict_translations(std::string_view definition) {
  std::vector<std::string> translations;
  std::set<std::string> seen;
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < definition.size()) {
    std::size_t end = definition.find('\n', begin);
    if (end == std::string_view::npos) end = definition.size();
    lines.push_back(definition.substr(begin, end - begin));
    begin = end + 1;
  }
  if (lines.size() < 2) return translations;
  // One sense: the line after the headword. Several: the lines numbered "1. ", "2. "… that do not
  // start with a space (" 3." numbers a sub-sense whose gloss follows).
  const bool numbered = after_sense_number(lines[1]).has_value();
  if (!numbered) {
    add_translations_of(without_trailing_number(lines[1]), translations, seen);
    return translations;
  }
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (lines[k].empty() || lines[k].front() == ' ') continue;
    if (const auto rest = after_sense_number(lines[k])) {
      add_translations_of(without_trailing_number(*rest), translations, seen);
    }
  }
  return translations;
}

std::string freedict_headword(std::string_view definition) {
  std::string_view line = definition.substr(0, definition.find('\n'));
  for (const std::string_view mark : {std::string_view(" /"), std::string_view(" <")}) {
    const std::size_t at = line.find(mark);
    if (at != std::string_view::npos) line = line.substr(0, at);
  }
  return std::string(trimmed(line));
}

std::optional<std::filesystem::path> find_freedict(const std::filesystem::path& folder,
                                                   std::string_view source_lang,
                                                   std::string_view target_lang) {
  const auto source = three_letter_code(source_lang);
  const auto target = three_letter_code(target_lang);
  if (!source || !target || folder.empty()) return std::nullopt;
  const std::filesystem::path index = folder / ("freedict-" + *source + "-" + *target + ".index");
  std::error_code error;
  if (!std::filesystem::is_regular_file(index, error)) return std::nullopt;
  return index;
}

}  // namespace alinea
