// The Unicode module: everything that needs ICU goes through here.
#include "text/unicode.hpp"

#include <unicode/brkiter.h>
#include <unicode/errorcode.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace alinea {
namespace {

constexpr char32_t replacement_character = 0xFFFD;

// Length of the valid UTF-8 sequence starting at `pos`, or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  char32_t min = 0;
  char32_t code = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2, min = 0x80, code = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3, min = 0x800, code = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4, min = 0x10000, code = lead & 0x07U;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0U) != 0x80U) return 0;
    code = (code << 6U) | (byte(pos + i) & 0x3FU);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

const icu::Normalizer2& normalizer(UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* result = icu::Normalizer2::getInstance(nullptr, "nfc", mode, status);
  if (U_FAILURE(status) || result == nullptr) {
    throw std::runtime_error("ICU normalizer unavailable: " + std::string(u_errorName(status)));
  }
  return *result;
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

// Line and column of the byte at `pos`, for the message about it.
Utf8Problem problem_at(std::string_view text, std::size_t pos) noexcept {
  Utf8Problem problem{pos, 1, 1};
  for (std::size_t at = 0; at < pos; ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte == '\n') {
      ++problem.line;
      problem.column = 1;
    } else if ((byte & 0xC0U) != 0x80U) {
      ++problem.column;
    }
  }
  return problem;
}

}  // namespace

std::optional<Utf8Problem> find_invalid_utf8(std::string_view text) noexcept {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Eight ASCII bytes at a time: most text is mostly ASCII.
    while (pos + 8 <= text.size()) {
      std::uint64_t eight = 0;
      std::memcpy(&eight, text.data() + pos, sizeof eight);
      if ((eight & 0x8080808080808080ULL) != 0) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80U) {
      ++pos;
      continue;
    }
    // Two-byte sequences (the accented letters of Latin scripts) are checked here directly.
    if (lead >= 0xC2U && lead <= 0xDFU && pos + 1 < text.size() &&
        (static_cast<unsigned char>(text[pos + 1]) & 0xC0U) == 0x80U) {
      pos += 2;
      continue;
    }
    const std::size_t length = valid_sequence_length(text, pos);
    if (length == 0) return problem_at(text, pos);
    pos += length;
  }
  return std::nullopt;
}

char32_t detail::next_multibyte_code_point(std::string_view text, std::size_t& pos) noexcept {
  const std::size_t length = valid_sequence_length(text, pos);
  if (length == 0) {
    ++pos;
    return replacement_character;
  }
  const auto lead = static_cast<unsigned char>(text[pos]);
  char32_t code = length == 1 ? lead : (lead & (0xFFU >> (length + 1)));
  for (std::size_t i = 1; i < length; ++i) {
    code = (code << 6U) | (static_cast<unsigned char>(text[pos + i]) & 0x3FU);
  }
  pos += length;
  return code;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0U | (c >> 6U));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0U | (c >> 12U));
    out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (c >> 18U));
    out += static_cast<char>(0x80U | ((c >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((c >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (c & 0x3FU));
  }
}

std::size_t count_code_points(std::string_view text) noexcept {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

namespace detail {

bool is_letter_beyond_ascii(char32_t c) noexcept {
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}
bool is_upper_beyond_ascii(char32_t c) noexcept {
  return u_isupper(static_cast<UChar32>(c)) != 0 || u_istitle(static_cast<UChar32>(c)) != 0;
}
bool is_lower_beyond_ascii(char32_t c) noexcept {
  return u_islower(static_cast<UChar32>(c)) != 0;
}
bool is_digit_beyond_ascii(char32_t c) noexcept {
  return u_isdigit(static_cast<UChar32>(c)) != 0;
}
bool is_space_beyond_ascii(char32_t c) noexcept {
  return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0 || c == 0x200B || c == 0xFEFF;
}

}  // namespace detail

bool is_punctuation(char32_t c) noexcept {
  return u_ispunct(static_cast<UChar32>(c)) != 0;
}
bool is_emoji(char32_t c) noexcept {
  if (c < 0x231A) return false;  // ⌚, the first emoji; most text never gets past this test
  const auto code_point = static_cast<UChar32>(c);
  // Below U+2600 Extended_Pictographic holds © ® ™ ‼ and arrows, which are text, not emoji;
  // skin tones and flag letters only occur inside emoji.
  return u_hasBinaryProperty(code_point, UCHAR_EMOJI_PRESENTATION) != 0 ||
         (c >= 0x2600 && u_hasBinaryProperty(code_point, UCHAR_EXTENDED_PICTOGRAPHIC) != 0) ||
         u_hasBinaryProperty(code_point, UCHAR_EMOJI_MODIFIER) != 0 ||
         u_hasBinaryProperty(code_point, UCHAR_REGIONAL_INDICATOR) != 0;
}
bool is_combining_mark(char32_t c) noexcept {
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (mask & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_MC_MASK)) != 0;
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& nfc = normalizer(UNORM2_COMPOSE);
  const icu::UnicodeString source = from_utf8(text);
  if (nfc.isNormalized(source, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  const icu::UnicodeString result = nfc.normalize(source, status);
  if (U_FAILURE(status)) throw std::runtime_error("NFC normalisation failed");
  return to_utf8(result);
}

bool is_known_language_code(std::string_view code) {
  for (const char* const* known = uloc_getISOLanguages(); *known != nullptr; ++known) {
    if (code == *known) return true;
  }
  return false;
}

std::string to_lower(std::string_view text) {
  icu::UnicodeString unicode = from_utf8(text);
  unicode.foldCase();
  return to_utf8(unicode);
}

std::string fold_for_matching(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& nfd = normalizer(UNORM2_DECOMPOSE);
  icu::UnicodeString decomposed = nfd.normalize(from_utf8(text), status);
  if (U_FAILURE(status)) throw std::runtime_error("NFD normalisation failed");
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (U_GET_GC_MASK(c) & U_GC_MN_MASK) {
      // drop the accent
    } else {
      stripped.append(c);
    }
    i += U16_LENGTH(c);
  }
  stripped.foldCase();
  return to_utf8(stripped);
}

std::size_t display_width(char32_t c) noexcept {
  const auto code = static_cast<UChar32>(c);
  if (c == 0 || c == 0x200B) return 0;
  const auto mask = U_GET_GC_MASK(code);
  if ((mask & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) != 0) return 0;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  // Hangul jamo medial vowels and final consonants join the preceding syllable.
  if (c >= 0x1160 && c <= 0x11FF) return 0;
  const auto width =
      static_cast<UEastAsianWidth>(u_getIntPropertyValue(code, UCHAR_EAST_ASIAN_WIDTH));
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

std::size_t display_width(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) width += display_width(next_code_point(text, pos));
  return width;
}

struct BreakFinder::Impl {
  BreakKind kind;
  std::unique_ptr<icu::BreakIterator> iterator;
};

BreakFinder::BreakFinder(BreakKind kind, const std::string& locale)
    : impl_(std::make_unique<Impl>()) {
  impl_->kind = kind;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale icu_locale = icu::Locale::createCanonical(locale.c_str());
  switch (kind) {
    case BreakKind::character:
      impl_->iterator.reset(icu::BreakIterator::createCharacterInstance(icu_locale, status));
      break;
    case BreakKind::word:
      impl_->iterator.reset(icu::BreakIterator::createWordInstance(icu_locale, status));
      break;
    case BreakKind::line:
      impl_->iterator.reset(icu::BreakIterator::createLineInstance(icu_locale, status));
      break;
    case BreakKind::sentence:
      impl_->iterator.reset(icu::BreakIterator::createSentenceInstance(icu_locale, status));
      break;
  }
  if (U_FAILURE(status) || !impl_->iterator) {
    throw std::runtime_error("ICU break iterator unavailable for locale '" + locale +
                             "': " + u_errorName(status));
  }
}

BreakFinder::~BreakFinder() = default;
BreakFinder::BreakFinder(BreakFinder&&) noexcept = default;
BreakFinder& BreakFinder::operator=(BreakFinder&&) noexcept = default;

std::vector<BreakFinder::Boundary> BreakFinder::boundaries(std::string_view text) {
  std::vector<Boundary> result;
  if (text.empty()) return result;
  UErrorCode status = U_ZERO_ERROR;
  // UText over the UTF-8 bytes: no conversion, and ICU's indexes are byte offsets.
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU could not open the text");
  icu::BreakIterator& iterator = *impl_->iterator;
  iterator.setText(utext, status);
  if (U_FAILURE(status)) {
    utext_close(utext);
    throw std::runtime_error("ICU could not iterate over the text");
  }
  for (int32_t at = iterator.next(); at != icu::BreakIterator::DONE; at = iterator.next()) {
    const auto offset = static_cast<std::size_t>(at);
    if (offset >= text.size()) break;
    const bool hard = impl_->kind == BreakKind::line &&
                      iterator.getRuleStatus() >= UBRK_LINE_HARD &&
                      iterator.getRuleStatus() < UBRK_LINE_HARD_LIMIT;
    result.push_back({offset, hard});
  }
  // Detach before closing: the iterator keeps a reference to the UText.
  iterator.setText(icu::UnicodeString());
  utext_close(utext);
  return result;
}

}  // namespace alinea
