// `alinea coverage`: how much of each source is linked to its translation, and where the holes
// are, per document pair and for the whole corpus.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/diagnostic.hpp"
#include "alinea/document.hpp"
#include "alinea/manifest.hpp"

namespace alinea {

struct CoverageCount {
  std::size_t linked = 0;
  std::size_t total = 0;
  // linked / total; 1 when there is nothing to link.
  [[nodiscard]] double share() const noexcept;
  CoverageCount& operator+=(const CoverageCount& other) noexcept;
};

// Consecutive units of one side that no link covers and no omission explains.
struct CoverageGap {
  std::string file;                // the document
  std::string side;                // "source" or "target"
  std::vector<std::string> units;  // "fr:p4", "fr:p5"
  std::size_t line = 0;            // where the first unit starts in the document
  std::string excerpt;             // the beginning of the first unit's text
};

struct PairCoverage {
  std::string alignment;  // the alignment file, or "" for the corpus total
  std::string source_path;
  std::string target_path;
  std::string source_lang;
  std::string target_lang;
  // Source units linked to something on the target side. Omitted units count as not linked;
  // `omitted` tells how many have a recorded reason: paragraphs and notes, and sentences
  // omitted inside a linked paragraph or note (a sentence link with an empty target side).
  CoverageCount paragraphs;
  CoverageCount notes;
  CoverageCount sentences;   // linked by a sentence link
  CoverageCount characters;  // of the plain text of linked paragraphs and notes
  std::size_t omitted = 0;
  std::size_t links = 0;  // paragraph, note and sentence links
  std::size_t reviewed_links = 0;
  std::size_t acknowledged = 0;  // findings accepted by a person (a link's accept: rule ids)
  std::vector<CoverageGap> gaps;

  PairCoverage& operator+=(const PairCoverage& other);
};

struct CorpusCoverage {
  std::vector<PairCoverage> pairs;
  PairCoverage total;    // sums over the pairs (gaps left out)
  Diagnostics problems;  // files that could not be read or measured
};

// Measures one alignment against its documents, which must be segmented.
[[nodiscard]] PairCoverage measure_coverage(const Alignment& alignment, const Document& source,
                                            const Document& target);

// Reads and measures the given alignment files (paths relative to `root`).
[[nodiscard]] CorpusCoverage measure_files(const std::filesystem::path& root,
                                           const std::vector<std::string>& alignment_paths);
// Reads and measures every alignment the manifest lists; its findings join `problems`.
[[nodiscard]] CorpusCoverage measure_repository(const ManifestReadResult& manifest);

enum class CoverageFormat { text, json, markdown, html };

[[nodiscard]] std::optional<CoverageFormat> parse_coverage_format(std::string_view name);
[[nodiscard]] std::string format_coverage(const CorpusCoverage& coverage, CoverageFormat format);

}  // namespace alinea
