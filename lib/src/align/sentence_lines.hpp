// The benchmark mode of `alinea align --lines`: one sentence per line in, links out as the
// field's aligners write them (Vecalign, Bleualign).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alinea/aligner.hpp"

namespace alinea {

// The sentences of a text with one sentence per line (LF, CR LF or CR), read as `name`;
// InputError at the first invalid UTF-8.
[[nodiscard]] std::vector<std::string> sentences_of_lines(std::string_view text,
                                                          const std::string& name);

// One link per line, "[0]:[0, 1]:0.930": the Bleualign/Vecalign gold format (0-based positions,
// "[]" for an empty side; the field's tools read the first two fields) and the probability that
// the link is right, to three decimals.
[[nodiscard]] std::string format_gold_links(const std::vector<Bead>& beads);

}  // namespace alinea
