// Dictionaries in the dictd format (RFC 2229 servers' files), as Debian packages FreeDict's
// bilingual dictionaries: `NAME.index` lists "headword TAB offset TAB length" (offset and length
// in dictd's base64 digits) into `NAME.dict.dz` (dictzip: gzip with an index of its chunks, read
// here as plain gzip) or `NAME.dict`. The only file that includes zlib.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alinea {

struct DictdEntry {
  std::string headword;    // as the index spells it (FreeDict: folded to lower case)
  std::string definition;  // the entry's text in the .dict file
};

// Entries of an index over the (decompressed) dictionary text, in index order; the dictd
// bookkeeping entries ("00database…") are left out. Throws InputError (file, line, column) on a
// line that is not "headword TAB offset TAB length" or that points outside `dictionary`.
[[nodiscard]] std::vector<DictdEntry> parse_dictd(std::string_view index,
                                                  std::string_view dictionary,
                                                  const std::string& index_path);

// Decompresses gzip data (a .dict.dz). Throws InputError naming `path` when it is not gzip or
// would exceed `max_size` bytes.
[[nodiscard]] std::string gunzip(std::string_view data, const std::string& path,
                                 std::size_t max_size = std::size_t{512} << 20U);

// Reads `NAME.index` and its `NAME.dict.dz` (or `NAME.dict`).
[[nodiscard]] std::vector<DictdEntry> read_dictd(const std::filesystem::path& index_path);

// The translations a FreeDict entry gives, in order, without duplicates: FreeDict's entries
// (WikDict) are a headword line "word /pronunciation/ <part of speech>", then for each sense a
// line of comma-separated translations, numbered "1. …" when there are several, followed by
// glosses in the source language, which are not translations and are skipped. Parenthesised
// remarks are dropped.
[[nodiscard]] std::vector<std::string> freedict_translations(std::string_view definition);

// The headword as the entry's first line spells it (case kept), before its pronunciation or part
// of speech; empty when there is none.
[[nodiscard]] std::string freedict_headword(std::string_view definition);

// FreeDict's file for a language pair in `folder` ("freedict-deu-fra.index" for de → fr), when
// installed; languages are BCP 47 tags, of which the primary subtag is used.
[[nodiscard]] std::optional<std::filesystem::path> find_freedict(
    const std::filesystem::path& folder, std::string_view source_lang,
    std::string_view target_lang);

}  // namespace alinea
