// Language data compiled into the library (generated from lib/data by CMake).
#pragma once

#include <string_view>

namespace alinea::detail {

// The abbreviation list of a language (lib/data/abbreviations/<lang>.txt), or "" when none.
[[nodiscard]] std::string_view abbreviation_list(std::string_view lang);

}  // namespace alinea::detail
