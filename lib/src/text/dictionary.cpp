// The only file that includes hunspell.
#include "text/dictionary.hpp"

#include <algorithm>
#include <hunspell.hxx>
#include <system_error>
#include <vector>

namespace alinea {
namespace {

std::string lowercase_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string uppercase_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

bool is_readable_file(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

// Whether `lang` has the shape of a language tag ("es", "fr-CA", "es_ES", "zh-Hant-TW"): two or
// three letters, then subtags of one to eight letters or digits. Anything else, "../x" above all,
// would make the tag a path.
bool is_language_tag(std::string_view lang) {
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t start = 0;
  for (std::size_t index = 0; start <= lang.size(); ++index) {
    const std::size_t end = std::min(lang.find_first_of("-_", start), lang.size());
    const std::string_view subtag = lang.substr(start, end - start);
    const bool letters = std::all_of(subtag.begin(), subtag.end(), is_letter);
    const bool alphanumeric = std::all_of(subtag.begin(), subtag.end(),
                                          [&](char c) { return is_letter(c) || is_digit(c); });
    if (index == 0 ? !letters || subtag.size() < 2 || subtag.size() > 3
                   : !alphanumeric || subtag.empty() || subtag.size() > 8) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

// Candidate .dic files for a language tag, best first.
std::vector<std::filesystem::path> candidates(const std::filesystem::path& folder,
                                              std::string_view lang) {
  std::string tag(lang);
  std::replace(tag.begin(), tag.end(), '-', '_');
  const std::string language = lowercase_ascii(tag.substr(0, tag.find('_')));
  std::vector<std::filesystem::path> found;
  if (language.empty()) return found;
  if (tag.find('_') != std::string::npos) {
    found.push_back(folder /
                    (language + "_" + uppercase_ascii(tag.substr(tag.find('_') + 1)) + ".dic"));
  }
  found.push_back(folder / (language + ".dic"));
  found.push_back(folder / (language + "_" + uppercase_ascii(language) + ".dic"));
  std::error_code error;
  std::vector<std::filesystem::path> regional;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() > language.size() + 5 &&
        name.compare(0, language.size() + 1, language + "_") == 0 &&
        it->path().extension() == ".dic") {
      regional.push_back(it->path());
    }
  }
  std::sort(regional.begin(), regional.end());
  found.insert(found.end(), regional.begin(), regional.end());
  return found;
}

}  // namespace

struct Dictionary::Impl {
  Hunspell speller;
  Impl(const std::string& affixes, const std::string& words)
      : speller(affixes.c_str(), words.c_str()) {}
};

Dictionary::Dictionary(std::unique_ptr<Impl> impl, std::filesystem::path path)
    : impl_(std::move(impl)), path_(std::move(path)) {}
Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

std::optional<Dictionary> Dictionary::open(const std::filesystem::path& folder,
                                           std::string_view lang) {
  if (folder.empty() || !is_language_tag(lang)) return std::nullopt;
  for (const auto& words : candidates(folder, lang)) {
    auto affixes = words;
    affixes.replace_extension(".aff");
    if (!is_readable_file(words) || !is_readable_file(affixes)) continue;
    auto impl = std::make_unique<Impl>(affixes.string(), words.string());
    // Hunspell reports no load failure; an empty encoding means nothing was read. Text is
    // UTF-8, so a dictionary in a legacy encoding would compare bytes that do not match.
    if (impl->speller.get_dict_encoding() != "UTF-8") continue;
    return Dictionary(std::move(impl), words);
  }
  return std::nullopt;
}

bool Dictionary::knows(std::string_view word) const {
  if (word.empty()) return false;
  // The dictionaries alinea looks for are UTF-8 (SET UTF-8), like the text.
  return impl_->speller.spell(std::string(word));
}

}  // namespace alinea
