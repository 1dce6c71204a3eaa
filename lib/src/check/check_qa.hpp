// Translation QA of one link (internal to check; declared so that each rule is tested).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alinea/check.hpp"

namespace alinea {

// Translation QA of one link's texts (inline Markdown of each side, units joined by a space).
// `where` and `units` are copied into each finding.
struct LinkTexts {
  std::string source;
  std::string target;
  std::string source_lang;
  std::string target_lang;
};
[[nodiscard]] Diagnostics check_translation(const LinkTexts& texts, const CheckSettings& settings,
                                            const SourcePosition& where,
                                            const std::vector<std::string>& units);

// Numbers in a text as the QA compares them: each a set of readings, since "1.000" is a thousand
// in French and Spanish but one in English. Exposed for tests.
[[nodiscard]] std::vector<std::vector<std::string>> number_readings(std::string_view plain);

// Whether two spellings of a name are the same name across languages: accents, case and the usual
// French/Spanish/English transliterations of Russian are ignored (Blumkin/Blumkine, Butov/Boutov).
[[nodiscard]] bool same_name(std::string_view a, std::string_view b);

}  // namespace alinea
