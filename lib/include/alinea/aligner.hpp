// The aligner: proposes which units of a translation correspond to which units of its source.
//
// Hierarchical: notes first (by label, confirmed by content), then paragraphs (which may merge
// or split), then sentences inside each paragraph link. Reviewed links of an earlier alignment
// are kept as they are and act as fixed anchors; only the stretches between them are realigned.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/document.hpp"

namespace alinea {

struct AlignOptions {
  // A bilingual word list in hunalign's format ("target @ source" per line); optional.
  std::optional<std::filesystem::path> dictionary;
  // Without `dictionary`: FreeDict's dictionary for the language pair, looked for in this folder
  // (Debian's dict-freedict-* packages install to /usr/share/dictd) and used when installed.
  std::optional<std::filesystem::path> freedict_folder;
  // Translate the source with Apertium (when installed) and compare it with the target.
  bool use_machine_translation = false;
  // The evidence the scorer uses besides length, all on by default; turned off to measure what
  // each is worth (bench/align).
  bool use_tokens = true;       // numbers, note references, cognates
  bool use_punctuation = true;  // ? ! : ; quotes, parentheses
  // A second pass with word pairs that co-occur in the first pass's confident 1-1 beads
  // (hunalign-style); off by default since Model 1 below measures as well and costs less with it
  // alone (docs/BENCHMARKS.md).
  bool use_learned_lexicon = false;
  // A second pass with IBM Model 1 trained on the first pass's confident 1-1 beads (Moore 2002).
  bool use_translation_model = true;
  // Bead costs are divided by this before they become path probabilities; a link's confidence is
  // its posterior. Fitted on the tuning halves of the development sets (bench/align).
  double confidence_temperature = 1.0;
  // Largest beads tried: at most this many sentences (or paragraphs) in all, at most
  // `longest_bead_side` on one side; 6 and 5 allow up to 1-5, 2-4 and 3-3 (either way), which
  // captions and lines split by OCR need. 4 and 3 keep to 1-1, 1-0, 2-1, 2-2 and 3-1.
  std::size_t most_bead_units = 6;
  std::size_t longest_bead_side = 5;
  // Runs of up to this many omitted (or added) units are priced as one bead, cheaper per unit
  // than lone omissions; 1 prices every omission alone.
  std::size_t longest_omission_run = 6;
};

// A bead over two sequences: source[source_begin, source_begin + source_count) ↔ the target's.
struct Bead {
  std::size_t source_begin = 0;
  std::size_t source_count = 0;
  std::size_t target_begin = 0;
  std::size_t target_count = 0;
  double confidence = 0.0;  // probability that the bead is right, 0..1
};

// Where FreeDict's dictionary for Debian packages it.
inline constexpr const char* default_freedict_folder = "/usr/share/dictd";

// The FreeDict dictionary the aligner will use for this pair under `options`, if any (so that a
// command can say what was used).
[[nodiscard]] std::optional<std::filesystem::path> freedict_for(const AlignOptions& options,
                                                                std::string_view source_lang,
                                                                std::string_view target_lang);

// Aligns two sequences of sentences (benchmark mode: one sentence per line). The beads cover both
// sequences in order, without gaps or overlaps.
[[nodiscard]] std::vector<Bead> align_sentences(const std::vector<std::string>& source,
                                                const std::vector<std::string>& target,
                                                const std::string& source_lang,
                                                const std::string& target_lang,
                                                const AlignOptions& options = {});

// Aligns two segmented documents. With `previous`, its reviewed links (and recorded omissions,
// and reviewer notes) are kept unchanged and everything else is realigned around them.
[[nodiscard]] Alignment align_documents(const Document& source, const Document& target,
                                        const AlignOptions& options = {},
                                        const Alignment* previous = nullptr);

}  // namespace alinea
