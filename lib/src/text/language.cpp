// BCP 47 tags (RFC 5646, section 2.1): language, extlang, script, region, variants, extensions,
// private use; subtags compared and written in their canonical case (section 2.1.1). Underscores
// are read as hyphens because ICU and POSIX locales write "es_ES".
#include <algorithm>
#include <cstddef>
#include <vector>

#include "alinea/base.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

// Longer than any tag alinea has a use for; bounds what a hostile file can make it do.
constexpr std::size_t longest_tag = 64;

bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) noexcept {
  return is_alpha(c) || is_digit(c);
}
char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char upper(char c) noexcept {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool all_of(std::string_view s, bool (*pred)(char) noexcept) {
  return std::all_of(s.begin(), s.end(), pred);
}
bool alpha_of_size(std::string_view s, std::size_t low, std::size_t high) {
  return s.size() >= low && s.size() <= high && all_of(s, is_alpha);
}
bool is_script(std::string_view s) {
  return alpha_of_size(s, 4, 4);
}
bool is_region(std::string_view s) {
  return alpha_of_size(s, 2, 2) || (s.size() == 3 && all_of(s, is_digit));
}
bool is_variant(std::string_view s) {
  return all_of(s, is_alnum) &&
         ((s.size() >= 5 && s.size() <= 8) || (s.size() == 4 && is_digit(s.front())));
}

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}
std::string uppered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), upper);
  return out;
}
std::string titled(std::string_view s) {
  std::string out = lowered(s);
  out.front() = upper(out.front());
  return out;
}

std::vector<std::string_view> subtags_of(std::string_view text) {
  std::vector<std::string_view> subtags;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '-' || text[i] == '_') {
      subtags.push_back(text.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  return subtags;
}

// The tag in canonical form, or std::nullopt when it breaks the grammar.
std::optional<Language> parse(std::string_view text) {
  if (text.empty() || text.size() > longest_tag) return std::nullopt;
  const std::vector<std::string_view> subtags = subtags_of(text);
  if (std::any_of(subtags.begin(), subtags.end(), [](std::string_view s) {
        return s.empty() || s.size() > 8 || !all_of(s, is_alnum);
      })) {
    return std::nullopt;
  }
  if (!alpha_of_size(subtags.front(), 2, 3)) return std::nullopt;
  Language language;
  language.primary = lowered(subtags.front());
  std::string tag = language.primary;
  std::size_t i = 1;
  const auto append = [&](const std::string& subtag) {
    tag += '-';
    tag += subtag;
  };
  // Up to three extlangs ("zh-yue"), then the script, the region and the variants, in order.
  for (int n = 0; n < 3 && i < subtags.size() && alpha_of_size(subtags[i], 3, 3); ++n, ++i) {
    append(lowered(subtags[i]));
  }
  if (i < subtags.size() && is_script(subtags[i])) append(titled(subtags[i++]));
  if (i < subtags.size() && is_region(subtags[i])) {
    language.region = uppered(subtags[i++]);
    append(language.region);
  }
  while (i < subtags.size() && is_variant(subtags[i])) append(lowered(subtags[i++]));
  // Extensions ("u-co-trad") and private use ("x-whatever"): a singleton and what follows it.
  while (i < subtags.size()) {
    const std::string_view singleton = subtags[i];
    if (singleton.size() != 1) return std::nullopt;
    const bool private_use = lower(singleton.front()) == 'x';
    append(lowered(singleton));
    const std::size_t first = ++i;
    for (; i < subtags.size() && (private_use || subtags[i].size() >= 2); ++i) {
      append(lowered(subtags[i]));
    }
    if (i == first) return std::nullopt;
  }
  language.tag = std::move(tag);
  return language;
}

}  // namespace

LanguageReading read_language(std::string_view text) {
  const std::string quoted =
      "'" + std::string(text.substr(0, longest_tag)) + (text.size() > longest_tag ? "…'" : "'");
  if (text.empty())
    return {std::nullopt, "the language tag is empty (write one like 'es' or 'fr')"};
  std::optional<Language> language = parse(text);
  if (!language) {
    return {std::nullopt, quoted + " is not a BCP 47 language tag (like 'es', 'fr' or 'es-ES')"};
  }
  if (!is_known_language_code(language->primary)) {
    return {std::nullopt, quoted + " is not a known language: '" + language->primary +
                              "' is no ISO 639 code (like 'es' or 'fr')"};
  }
  return {std::move(language), ""};
}

Language language_or_throw(std::string_view text, const SourcePosition& where) {
  LanguageReading reading = read_language(text);
  if (!reading.language) throw InputError(where, reading.problem);
  return std::move(*reading.language);
}

}  // namespace alinea
