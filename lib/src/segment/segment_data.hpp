// Language data compiled into the library (generated from lib/data by CMake).
#pragma once

#include <string_view>

namespace alinea::detail {

// The text of lib/data/<kind>/<lang>.txt ("abbreviations", "es"), or "" when there is none.
[[nodiscard]] std::string_view language_data(std::string_view kind, std::string_view lang);

}  // namespace alinea::detail
