// "Did you mean": the closest known word to a misspelt key. Private to the library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alinea::detail {

// The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo.
[[nodiscard]] std::optional<std::string> closest_word(std::string_view word,
                                                      const std::vector<std::string_view>& known);

// " (did you mean 'x'?)" or "" — ready to append to a message.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       const std::vector<std::string_view>& known);

}  // namespace alinea::detail
