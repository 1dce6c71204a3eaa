// The only file that includes hunspell.
#include "text/dictionary.hpp"

#include <algorithm>
#include <hunspell.hxx>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <vector>

#include "alinea/base.hpp"

namespace alinea {
namespace {

bool is_readable_file(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

// Candidate .dic files for a language tag, best first: es_ES.dic for es-ES, then es.dic, es_ES.dic
// and any other es_*.dic for es. Nothing for what is not a tag: the name never leaves `folder`.
std::vector<std::filesystem::path> candidates(const std::filesystem::path& folder,
                                              std::string_view lang) {
  std::vector<std::filesystem::path> found;
  const std::optional<Language> tag = read_language(lang).language;
  if (!tag) return found;
  const std::string& language = tag->primary;
  if (!tag->region.empty()) found.push_back(folder / (language + "_" + tag->region + ".dic"));
  found.push_back(folder / (language + ".dic"));
  std::string same_region = language;
  std::transform(same_region.begin(), same_region.end(), same_region.begin(),
                 [](char c) { return static_cast<char>(c - 'a' + 'A'); });
  found.push_back(folder / (language + "_" + same_region + ".dic"));
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

// Hunspell counts the users of a process-wide table without a lock (initialize_utf_tbl and
// free_utf_tbl): dictionaries opened or closed on several threads at once (check's and
// coverage's workers) leak it, or free it under another's feet. One lock around both.
namespace {
std::mutex& hunspell_lifetime_lock() {
  static std::mutex lock;
  return lock;
}
}  // namespace

struct Dictionary::Impl {
  std::unique_ptr<Hunspell> speller;
  Impl(const std::string& affixes, const std::string& words) {
    const std::lock_guard<std::mutex> held(hunspell_lifetime_lock());
    speller = std::make_unique<Hunspell>(affixes.c_str(), words.c_str());
  }
  ~Impl() {
    const std::lock_guard<std::mutex> held(hunspell_lifetime_lock());
    speller.reset();
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  Impl(Impl&&) = delete;
  Impl& operator=(Impl&&) = delete;
};

Dictionary::Dictionary(std::unique_ptr<Impl> impl, std::filesystem::path path)
    : impl_(std::move(impl)), path_(std::move(path)) {}
Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

std::optional<Dictionary> Dictionary::open(const std::filesystem::path& folder,
                                           std::string_view lang) {
  // candidates() names no file for what is not a language tag ("../x" would be a path).
  if (folder.empty()) return std::nullopt;
  for (const auto& words : candidates(folder, lang)) {
    auto affixes = words;
    affixes.replace_extension(".aff");
    if (!is_readable_file(words) || !is_readable_file(affixes)) continue;
    auto impl = std::make_unique<Impl>(affixes.string(), words.string());
    // Hunspell reports no load failure; an empty encoding means nothing was read. Text is
    // UTF-8, so a dictionary in a legacy encoding would compare bytes that do not match.
    if (impl->speller->get_dict_encoding() != "UTF-8") continue;
    return Dictionary(std::move(impl), words);
  }
  return std::nullopt;
}

bool Dictionary::knows(std::string_view word) const {
  if (word.empty()) return false;
  // The dictionaries alinea looks for are UTF-8 (SET UTF-8), like the text.
  return impl_->speller->spell(std::string(word));
}

std::vector<std::string> Dictionary::stems(std::string_view word) const {
  if (word.empty()) return {};
  std::vector<std::string> found = impl_->speller->stem(std::string(word));
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace alinea
