// Language tags: the one place where a tag a person wrote (a document's front matter, an
// alignment file, the manifest, --lang) is checked and put in its canonical form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "alinea/error.hpp"

namespace alinea {

// A BCP 47 language tag (RFC 5646) of a known language, in its canonical case: "es", "es-ES",
// "sr-Latn-RS". Language data (abbreviations, dictionaries) is looked up by `primary`.
struct Language {
  std::string tag;      // "es-ES"
  std::string primary;  // "es"
  std::string region;   // "ES", or "" when the tag has none
  friend bool operator==(const Language&, const Language&) = default;
};

// `text` read as a language tag: "ES" → es, "es_ES" and "es-es" → es-ES. Either `language` or
// `problem` (why not, naming the tag: "'xx' is not a known language…") is set.
struct LanguageReading {
  std::optional<Language> language;
  std::string problem;
};
[[nodiscard]] LanguageReading read_language(std::string_view text);

// Where Debian installs hunspell dictionaries (<primary>.dic and .aff): the default folder
// wherever one is looked up (import's hyphen joining, check's spelling-aware rules).
inline constexpr const char* default_dictionary_folder = "/usr/share/hunspell";

// read_language, or InputError at `where` with its problem.
[[nodiscard]] Language language_or_throw(std::string_view text, const SourcePosition& where);

}  // namespace alinea
