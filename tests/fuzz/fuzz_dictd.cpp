// Any bytes as a dictd dictionary: the part before the first NUL byte as the index, the rest as
// the dictionary text, also tried as gzip; every entry read as a FreeDict definition and added to
// a bilingual dictionary (phrases on), which then looks up the bytes' words; and the bytes as a
// hunalign word list. Each reader returns entries or throws InputError, never crashes, hangs or
// over-allocates.
#include <cstdint>
#include <string>
#include <string_view>

#include "align/bilingual_dictionary.hpp"
#include "alinea/base.hpp"
#include "text/dictd.hpp"
#include "text/unicode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t split = text.find('\0');
  const std::string_view index = text.substr(0, split);
  const std::string_view dictionary =
      split == std::string_view::npos ? std::string_view() : text.substr(split + 1);
  const bool utf8 = !alinea::find_invalid_utf8(text).has_value();
  alinea::BilingualDictionary words({.phrases = true});
  try {
    for (const alinea::DictdEntry& entry : alinea::parse_dictd(index, dictionary, "fuzz.index")) {
      const auto translations = alinea::freedict_translations(entry.definition);
      const auto headword = alinea::freedict_headword(entry.definition);
      // read_freedict refuses an entry that is not UTF-8 before folding it.
      if (!alinea::find_invalid_utf8(entry.definition)) words.add(headword, translations);
    }
  } catch (const alinea::InputError&) {
  }
  if (utf8) (void)words.translations_of(text);
  try {
    const auto list = alinea::BilingualDictionary::parse_word_list(text, "fuzz.txt");
    (void)list.translations_of(text);
  } catch (const alinea::InputError&) {
  }
  try {
    const std::string unpacked = alinea::gunzip(dictionary, "fuzz.dict.dz", std::size_t{1} << 24U);
    (void)alinea::parse_dictd(index, unpacked, "fuzz.index");
  } catch (const alinea::InputError&) {
  }
  (void)alinea::freedict_translations(text);
  (void)alinea::freedict_headword(text);
  return 0;
}
