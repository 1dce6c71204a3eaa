// Machine translation through Apertium (offline, rule-based), used only when it is installed: a
// rough translation of the source gives the scorer words to compare in the target language.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace alinea {

// Whether Apertium and its language pair (e.g. "fr-es") are installed.
[[nodiscard]] bool apertium_available(const std::string& source_lang,
                                      const std::string& target_lang);

// Translates each line (one output line per input line), or std::nullopt when Apertium or the pair
// is not installed (or no temporary file can be made). Runs the `apertium` program on temporary
// files; throws ProcessError, with what it said, when it fails.
[[nodiscard]] std::optional<std::vector<std::string>> translate_with_apertium(
    const std::vector<std::string>& lines, const std::string& source_lang,
    const std::string& target_lang);

}  // namespace alinea
