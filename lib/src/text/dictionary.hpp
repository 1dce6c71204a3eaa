// Spelling dictionaries (hunspell): whether a word exists in a language, and its stems. The
// importer asks it whether a word broken at a line end is one word ("revolu-" "cionario") or a
// compound that keeps its hyphen ("franco-" "alemán"); the aligner matches a bilingual
// dictionary's headwords and translations through stems ("maisons" → "maison").
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alinea {

class Dictionary {
 public:
  // Opens the hunspell dictionary for `lang` (BCP 47: "es", "fr-CA", "es_ES") in `folder`:
  // <lang>.dic, then <ll>_<LL>.dic ("es" → es_ES), then the first <ll>_*.dic in name order.
  // std::nullopt when there is none or it cannot be loaded: callers fall back on typography.
  [[nodiscard]] static std::optional<Dictionary> open(const std::filesystem::path& folder,
                                                      std::string_view lang);

  ~Dictionary();
  Dictionary(Dictionary&&) noexcept;
  Dictionary& operator=(Dictionary&&) noexcept;
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // Whether the dictionary accepts the word (UTF-8), in any capitalisation it allows.
  [[nodiscard]] bool knows(std::string_view word) const;
  // The stems hunspell gives the word (UTF-8) by its affix rules, without duplicates; empty for
  // a word it does not know.
  [[nodiscard]] std::vector<std::string> stems(std::string_view word) const;
  // The .dic file it was loaded from.
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  struct Impl;
  Dictionary(std::unique_ptr<Impl> impl, std::filesystem::path path);
  std::unique_ptr<Impl> impl_;
  std::filesystem::path path_;
};

}  // namespace alinea
