// The aligner: proposes which units of a translation correspond to which units of its source.
//
// Hierarchical: notes first (by label, confirmed by content), then paragraphs (which may merge
// or split), then sentences inside each paragraph link. Reviewed links of an earlier alignment
// are kept as they are and act as fixed anchors; only the stretches between them are realigned.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/document.hpp"

namespace alinea {

// How a bilingual dictionary (`AlignOptions::dictionary` or FreeDict's) takes part in aligning;
// each choice is measured in docs/BENCHMARKS.md.
struct DictionaryUse {
  // Nats taken off a bead's cost per source word (or phrase) with a translation in the bead's
  // target side; 0 for none. Shared with the co-occurrence lexicon (`use_learned_lexicon`).
  double match_bonus = 2.0;
  // FreeDict's headwords of several words ("ab und zu") are matched as phrases of the source.
  bool phrases = false;
  // Words are also matched through their hunspell stems (source words as headwords, target
  // words as translations), for the languages whose hunspell dictionary is in `stems_folder`.
  bool stems = false;
  std::filesystem::path stems_folder = default_dictionary_folder;
  // FreeDict's headwords with more translations than this are left out; 0 for no limit.
  std::size_t most_translations = 0;
  // The dictionary's pairs of words found in the texts join the training of IBM Model 1: each
  // source word's pairs count as this many sentence pairs between them; 0 for none.
  double model1_prior = 0.0;
  // In the second pass, a match counts only for a target word Model 1 learned nothing about.
  bool only_where_model1_is_silent = false;
};

// FreeDict's dictionaries as measured best on the tuning halves (docs/BENCHMARKS.md): no bonus
// per matched word, which pulls links into merges through headwords of many translations; the
// pairs found in the texts, through hunspell stems where installed, as a prior of IBM Model 1.
[[nodiscard]] DictionaryUse freedict_use();

struct AlignOptions {
  // A bilingual word list in hunalign's format ("target @ source" per line); optional.
  std::optional<std::filesystem::path> dictionary;
  // Without `dictionary`: FreeDict's dictionary for the language pair, looked for in this folder
  // (Debian's dict-freedict-* packages install to /usr/share/dictd) and used when installed.
  std::optional<std::filesystem::path> freedict_folder;
  // How the dictionary takes part; without it, freedict_use() for FreeDict's and a bonus per
  // matched word (DictionaryUse's defaults, hunalign's way) for `dictionary`.
  std::optional<DictionaryUse> dictionary_use;
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
  // Bead costs are divided by this before they become path probabilities (posteriors), which a
  // calibrated map turns into each link's confidence; both fitted on the tuning halves of the
  // development sets (bench/align).
  double confidence_temperature = 1.0;
  // Largest beads tried: at most this many sentences (or paragraphs) in all, at most
  // `longest_bead_side` on one side; 6 and 5 allow up to 1-5, 2-4 and 3-3 (either way), which
  // captions and lines split by OCR need. 4 and 3 keep to 1-1, 1-0, 2-1, 2-2 and 3-1.
  std::size_t most_bead_units = 6;
  std::size_t longest_bead_side = 5;
  // Runs of up to this many omitted (or added) units are priced as one bead, cheaper per unit
  // than lone omissions; 1 prices every omission alone.
  std::size_t longest_omission_run = 6;
  // Link a sentence left out on one side with one added near it on the other when they translate
  // each other: a sentence the layout or the translator moved, linked across the others
  // (align/moved.hpp). Off for alignment files, whose review and realignment keep links in
  // order; align_sentence_lines (gold-link format, which holds crossing links) turns it on.
  bool link_moved_units = false;
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

// Aligns two segmented documents: notes and paragraphs, then the sentences of each of their links
// with what the whole document tells them (its length ratio, IBM Model 1 learned from its 1-1
// paragraph and note links). With `previous`, its reviewed links (and recorded omissions, and
// reviewer notes) are kept unchanged and everything else is realigned around them.
[[nodiscard]] Alignment align_documents(const Document& source, const Document& target,
                                        const AlignOptions& options = {},
                                        const Alignment* previous = nullptr);

// ---- Making and remaking alignment files without losing what a person wrote: the policy of
// `alinea align`, for one pair (realign_pair) or every pair of a repository (align_repository),
// the counterparts of check_alignment_file and check_repository.

// One alignment file to make or remake.
struct PairFiles {
  std::filesystem::path source_file;  // where to read the documents and write the alignment
  std::filesystem::path target_file;
  std::filesystem::path output_file;  // "-": nothing is written, PairOutcome::text holds it
  std::string source_ref;  // the documents as the alignment file names them (document_base_of,
                           // alinea/alignment.hpp)
  std::string target_ref;
  std::string output_name;  // the alignment file, for messages
};

// Two documents and the file to write, the documents named as the file's readers will look for
// them (document_base_of, alinea/alignment.hpp): relative to the repository holding `output`, else
// to its folder; for
// "-", relative to the working folder's repository, else to the working folder. InputError when
// `output` is in a repository and a document is not.
[[nodiscard]] PairFiles pair_of_documents(const std::filesystem::path& source,
                                          const std::filesystem::path& target,
                                          const std::string& output);

// The pair an existing alignment file names, found as load_pair finds it (any working folder).
// InputError when a document it names is not inside that repository.
[[nodiscard]] PairFiles pair_named_by(const std::filesystem::path& alignment_file);

enum class PairState { created, realigned, up_to_date, failed };

struct PairOutcome {
  PairState state = PairState::failed;
  std::string reason;   // why it was realigned, or what went wrong
  std::string summary;  // for created and realigned pairs: counts, the least sure links
  std::string text;     // the alignment file's text when the output is "-"
  // "FILE:LINE: warning: …": reviewed links that now stand on text other than the one reviewed.
  std::vector<std::string> warnings;
};

// Aligns one pair, anchored on the links of the file already there (reviewed links, omissions,
// notes), and writes the file unless nothing changed. With `only_if_stale`, a file that is up to
// date is left alone. Throws InputError (or FileError) and writes nothing when the previous
// file cannot anchor the new one, the new one would lose a hand-made link or a unit, or the file
// changed on disk while aligning (a person's edit is never overwritten). An output that is not a
// regular file (a device, a pipe) is written, never read as a previous alignment.
[[nodiscard]] PairOutcome realign_pair(const PairFiles& pair, const AlignOptions& options,
                                       bool only_if_stale);

// Shard `index` (0-based) of `count`: a share of a repository's pairs, for splitting the work
// across machines.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
};
// "2/8" (1-based on the command line). Either `shard` or `problem` is set.
struct ShardReading {
  std::optional<Shard> shard;
  std::string problem;
};
[[nodiscard]] ShardReading read_shard(std::string_view text);

struct RepositoryAlignment {
  std::vector<PairFiles> pairs;       // those of the shard, in manifest order
  std::vector<PairOutcome> outcomes;  // one per pair; failures carry their message
  Diagnostics problems;  // the manifest's findings, but for alignment files yet to be made
  std::vector<std::string> warnings;  // "…: warning: alignment file '…' is listed twice"
};

// The options every pair of the repository is aligned with: `options`, and what alinea.yaml's
// `align:` settings ask (AlignSettings) where `options` names no dictionary. InputError when a
// setting is not understood (rule manifest/align-setting), so that nobody aligns the pairs with
// other settings than the repository asks for.
[[nodiscard]] AlignOptions with_repository_settings(AlignOptions options,
                                                    const ManifestReadResult& manifest);
// The same for the repository holding the alignment file `output` ("-": the working folder's),
// if any; `options` as they are outside a repository.
[[nodiscard]] AlignOptions with_settings_of_repository_holding(AlignOptions options,
                                                               const std::filesystem::path& output);

// Makes the missing alignment files of the manifest and remakes those out of date (every one
// with `everything`), `jobs` at a time, with_repository_settings; `done` (when given) is called
// with each file's name and the number of pairs as each finishes, from any thread.
[[nodiscard]] RepositoryAlignment align_repository(
    const ManifestReadResult& manifest, const AlignOptions& options, unsigned jobs,
    const Shard& shard, bool everything,
    const std::function<void(const std::string&, std::size_t)>& done = {});

// What `alinea align` tells a person, line by line in order: findings, failures and warnings for
// standard error, and (`summary`) the summaries of the pairs created or realigned, which --summary
// sends to standard output. Every name and text in them is safe on a terminal and in a CI log.
struct ReportLine {
  bool summary = false;
  std::string text;  // one or more lines, each ending in '\n'
};
struct AlignReport {
  std::vector<ReportLine> lines;
  bool failed = false;  // a pair failed, or a finding is an error: exit 1
};

// One pair: its summary, then its warnings.
[[nodiscard]] AlignReport report_pair_alignment(const PairOutcome& outcome);

// Every pair of a repository run: the manifest's findings and warnings, then each pair's outcome
// ("created …", "realigned (why) …", a failure), then "3 alignments [in shard 1/2]: 1 created, 1
// realigned, 1 up to date, 0 failed".
[[nodiscard]] AlignReport report_repository_alignment(const RepositoryAlignment& result,
                                                      const Shard& shard);

// ---- The benchmark mode of `alinea align --lines`: one sentence per line in, links out as the
// field's aligners write them (Vecalign, Bleualign).

// The sentences of a text with one sentence per line (LF, CR LF or CR), read as `name`;
// InputError at the first invalid UTF-8.
[[nodiscard]] std::vector<std::string> sentences_of_lines(std::string_view text,
                                                          const std::string& name);

// One link per line, "[0]:[0, 1]:0.930": the Bleualign/Vecalign gold format (0-based positions,
// "[]" for an empty side; the field's tools read the first two fields) and the probability that
// the link is right, to three decimals.
[[nodiscard]] std::string format_gold_links(const std::vector<Bead>& beads);

// One side of `alinea align --lines`: a text of one sentence a line, its name (for messages) and
// its language.
struct SentenceLines {
  std::string_view text;
  std::string name;
  std::string lang;
};

// What `alinea align --lines` writes: the links (format_gold_links) and, one line per link in the
// same order, what each link's confidence is computed from ("posterior leaked_tokens
// shortest_unit"; bench/align/fit_confidence.py reads it).
struct SentenceLinesAlignment {
  std::string links;
  std::string confidence_features;
};

// The two texts aligned as align_sentences aligns them; InputError at the first invalid UTF-8.
[[nodiscard]] SentenceLinesAlignment align_sentence_lines(const SentenceLines& source,
                                                          const SentenceLines& target,
                                                          const AlignOptions& options = {});

}  // namespace alinea
