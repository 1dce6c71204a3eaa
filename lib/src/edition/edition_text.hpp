// Small readings shared by the edition module: spaces, numbers, volume headings, dates, names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace alinea::edition_text {

// Trims ASCII white space and the no-break spaces of typeset text (U+00A0, U+202F).
[[nodiscard]] std::string_view trim(std::string_view text);
// A positive or zero decimal of at most six digits; std::nullopt otherwise.
[[nodiscard]] std::optional<long long> parse_decimal(std::string_view digits);
// "Tome 9", "tomo IX", "t. 9", "Vol. 3" as a whole: the volume number.
[[nodiscard]] std::optional<long long> volume_heading(std::string_view text);
// 1936, 1936-04, 1936-04-24 with a real month and day.
[[nodiscard]] bool is_iso_date(std::string_view text);
// Two dates agree when one is the other or a less precise form of it (1936 and 1936-04-24).
[[nodiscard]] bool dates_agree(std::string_view a, std::string_view b);
// For comparing names of works: case, accents and the ligatures œ, æ aside.
[[nodiscard]] std::string fold_name(std::string_view name);

}  // namespace alinea::edition_text
