// Random text built to break a YAML writer: the fragments that change how YAML reads a scalar,
// words and numbers that YAML 1.1 or 1.2 resolve as another type, and code points from every
// range (controls, line breaks that only YAML 1.1 knows, the byte order mark, astral planes).
// Shared by the YAML and alignment-file property tests; the seed is fixed so a failure repeats.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace alinea::testing {

// Scalars that some YAML reader resolves as a bool, a null, a number or a date when unquoted.
inline constexpr std::array<std::string_view, 44> typed_scalars = {"true",
                                                                   "False",
                                                                   "TRUE",
                                                                   "yes",
                                                                   "No",
                                                                   "ON",
                                                                   "off",
                                                                   "y",
                                                                   "N",
                                                                   "~",
                                                                   "null",
                                                                   "NULL",
                                                                   "0x1F",
                                                                   "0o17",
                                                                   "017",
                                                                   "0b101",
                                                                   "1_000",
                                                                   "1:20",
                                                                   "190:20:30.15",
                                                                   "1936",
                                                                   "+12",
                                                                   "-7",
                                                                   ".5",
                                                                   "1.",
                                                                   "1e3",
                                                                   "6.02e+23",
                                                                   ".inf",
                                                                   "-.Inf",
                                                                   "+.INF",
                                                                   ".NaN",
                                                                   "2026-12-01",
                                                                   "2026-12-01T10:00:00Z",
                                                                   "2026-1-2 3:04:05",
                                                                   "=",
                                                                   "<<",
                                                                   "0",
                                                                   "00",
                                                                   "1_0.5",
                                                                   "+.5",
                                                                   "._5",
                                                                   "0xCAFE",
                                                                   "1E3",
                                                                   "-0",
                                                                   "12e4567"};

// Pieces that matter to a YAML scanner wherever they stand in a scalar.
inline constexpr std::array<std::string_view, 40> syntax_pieces = {
    "\\",    "#",     " #",
    ": ",    ":",     "\"",
    "'",     " ",     "  ",
    "\t",    "\n",    "\r\n",
    "-",     "- ",    "?",
    "? ",    ",",     "[",
    "]",     "{",     "}",
    "&a",    "*a",    "!",
    "!!str", "|",     ">",
    "%",     "@",     "`",
    "---",   "...",   "C:\\notes\\tab",
    "\\n",   "\\x41", "\\u00e9",
    "a: b",  "x # y", "{k: v}",
    "- item"};

// One code point from a range chosen at random, as UTF-8.
inline std::string random_code_point(std::mt19937& random) {
  static constexpr std::array<std::pair<char32_t, char32_t>, 12> ranges = {{
      {0x20, 0x7e},        // ASCII
      {0x00, 0x1f},        // C0 controls
      {0x7f, 0x9f},        // DEL and C1 controls, U+0085 among them
      {0xa0, 0x17f},       // Latin-1 and Latin Extended-A
      {0x2000, 0x202f},    // spaces, U+2028 and U+2029
      {0xfeff, 0xfeff},    // byte order mark
      {0xfff0, 0xffff},    // specials, U+FFFE and U+FFFF
      {0x4e00, 0x4e2f},    // CJK
      {0x0590, 0x05ff},    // Hebrew, right to left
      {0x0300, 0x036f},    // combining marks
      {0x1f300, 0x1f64f},  // emoji
      {0x10000, 0x10ffff}  // any astral code point
  }};
  const auto& [low, high] = ranges.at(std::uniform_int_distribution<std::size_t>(0, 11)(random));
  char32_t c = std::uniform_int_distribution<std::uint32_t>(low, high)(random);
  if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;  // surrogates have no UTF-8 form
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6U));
    out += static_cast<char>(0x80 | (c & 0x3fU));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12U));
    out += static_cast<char>(0x80 | ((c >> 6U) & 0x3fU));
    out += static_cast<char>(0x80 | (c & 0x3fU));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18U));
    out += static_cast<char>(0x80 | ((c >> 12U) & 0x3fU));
    out += static_cast<char>(0x80 | ((c >> 6U) & 0x3fU));
    out += static_cast<char>(0x80 | (c & 0x3fU));
  }
  return out;
}

// One to six pieces: typed scalars, syntax pieces, words and random code points. NUL is left
// out: no alinea file may hold it.
inline std::string random_tricky_text(std::mt19937& random) {
  static constexpr std::array<std::string_view, 6> words = {"note",  "Trotsky",    "voir",
                                                            "p. 12", "l'U.R.S.S.", "¿qué?"};
  std::string out;
  const int pieces = std::uniform_int_distribution<int>(1, 6)(random);
  for (int i = 0; i < pieces; ++i) {
    switch (std::uniform_int_distribution<int>(0, 3)(random)) {
      case 0:
        out += typed_scalars.at(
            std::uniform_int_distribution<std::size_t>(0, typed_scalars.size() - 1)(random));
        break;
      case 1:
        out += syntax_pieces.at(
            std::uniform_int_distribution<std::size_t>(0, syntax_pieces.size() - 1)(random));
        break;
      case 2:
        out += words.at(std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random));
        break;
      default:
        out += random_code_point(random);
    }
  }
  std::erase(out, '\0');
  return out;
}

}  // namespace alinea::testing
