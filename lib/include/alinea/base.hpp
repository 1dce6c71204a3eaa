// What every other header of alinea uses: where something stands in a file, the errors raised
// when input is wrong (InputError, FileError), validation findings as values (Diagnostic), YAML
// values with their positions, and language tags checked and made canonical.
//
// Input errors carry where they were found so that a person can go straight to the place;
// validation findings are not errors and travel as values.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alinea {

// A place in a text file, 1-based; 0 means "unknown" (the whole file, or the whole line).
struct SourcePosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  // "file:line:col", leaving out what is unknown.
  [[nodiscard]] std::string to_string() const;
};

// Raised when input cannot be read as what it should be: bad UTF-8, malformed YAML, a document
// without paragraphs. what() is the full message "file:line:col: message".
class InputError : public std::runtime_error {
 public:
  InputError(SourcePosition where, const std::string& message);

  [[nodiscard]] const SourcePosition& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  SourcePosition where_;
  std::string message_;
};

// Raised when the file system refuses: a missing file, a directory given for a file, a failed
// rename. Distinct from InputError because the content is not at fault.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// ---- Validation findings: values, not exceptions. A checker returns a list of them.

enum class Severity { note, warning, error };

[[nodiscard]] const char* to_string(Severity severity) noexcept;

// Where a unit a finding is about stands in its document (the .md file).
struct UnitPosition {
  std::string unit;      // "es:p3.s2"
  SourcePosition where;  // the first character of its text
};

struct Diagnostic {
  std::string rule;  // stable id, e.g. "structure/duplicate-link", "qa/number-mismatch"
  Severity severity = Severity::error;
  SourcePosition where;            // file:line:col in the alignment file (or a document)
  std::vector<std::string> units;  // ids involved: "fr:p3", "es:p3.s2"
  std::string message;             // what is wrong and what to do about it
  // For findings about a document's text (drift, coverage, translation QA): where the units stand
  // in the documents, the place to edit first leading. Empty for findings about the YAML itself.
  std::vector<UnitPosition> in_documents = {};
  // Set when a person accepted this finding on its link (accept: [rule] with reason: "…"): the
  // reason. Acknowledged findings are reported apart and fail nothing.
  std::optional<std::string> acknowledged = {};

  // Sorting key: file, line, column, rule, message — so that output is stable.
  friend bool operator<(const Diagnostic& a, const Diagnostic& b);
};

using Diagnostics = std::vector<Diagnostic>;

// Whether any finding that no one acknowledged is an error.
[[nodiscard]] bool has_errors(const Diagnostics& diagnostics) noexcept;

// ---- A parsed YAML value with the position of every node.
//
// The YAML module (util/yaml.hpp, internal) is the only code that talks to yaml-cpp; everything
// else reads and builds these trees, so validation can point at file:line:col and the rest of the
// library stays independent of the YAML library.

struct Value {
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  // For scalars: the text. `quoted` tells a quoted "1" from a plain 1, so readers can decide types.
  std::string text;
  bool quoted = false;
  std::vector<Value> items;                            // sequence
  std::vector<std::pair<std::string, Value>> members;  // mapping, in file order
  std::size_t line = 0;                                // 1-based; 0 for values built in code
  std::size_t column = 0;
  // A mapping written in flow style `{a: 1}` or a sequence `[1, 2]`; kept so writers can
  // preserve the look of hand-edited files.
  bool flow = false;

  static Value make_scalar(std::string text, bool quoted = false);
  static Value make_sequence(std::vector<Value> items = {});
  static Value make_mapping();

  [[nodiscard]] bool is_null() const noexcept { return kind == Kind::null; }
  [[nodiscard]] bool is_scalar() const noexcept { return kind == Kind::scalar; }
  [[nodiscard]] bool is_sequence() const noexcept { return kind == Kind::sequence; }
  [[nodiscard]] bool is_mapping() const noexcept { return kind == Kind::mapping; }

  // Mapping look-up; nullptr when absent or when this is not a mapping.
  [[nodiscard]] const Value* find(std::string_view key) const;
  [[nodiscard]] Value* find(std::string_view key);
  // Sets or replaces a member, keeping the position of an existing key.
  void set(std::string_view key, Value value);
  bool erase(std::string_view key);

  // Plain scalars interpreted the YAML 1.2 core-schema way; std::nullopt when it is not one.
  [[nodiscard]] std::optional<long long> as_integer() const;
  [[nodiscard]] std::optional<double> as_number() const;
  [[nodiscard]] std::optional<bool> as_bool() const;
};

// ---- Language tags: the one place where a tag a person wrote (a document's front matter, an
// alignment file, the manifest, --lang) is checked and put in its canonical form.

// A BCP 47 language tag (RFC 5646) of a known language, in its canonical case: "es", "es-ES",
// "sr-Latn-RS". Language data (abbreviations, dictionaries) is looked up by `primary`.
struct Language {
  std::string tag;      // "es-ES"
  std::string primary;  // "es"
  std::string region;   // "ES", or "" when the tag has none
  friend bool operator==(const Language&, const Language&) = default;
};

// `text` read as a language tag: "ES" → es, "es_ES" and "es-es" → es-ES. Either `language` or
// `problem` (why not, naming the tag: "'xx' is not a known language…") is set.
struct LanguageReading {
  std::optional<Language> language;
  std::string problem;
};
[[nodiscard]] LanguageReading read_language(std::string_view text);

// Where Debian installs hunspell dictionaries (<primary>.dic and .aff): the default folder
// wherever one is looked up (import's hyphen joining, check's spelling-aware rules).
inline constexpr const char* default_dictionary_folder = "/usr/share/hunspell";

// read_language, or InputError at `where` with its problem.
[[nodiscard]] Language language_or_throw(std::string_view text, const SourcePosition& where);

// ---- Reading and writing whole files safely

// Reads a regular file whole. Throws FileError naming the path when it is missing, a directory,
// unreadable, or larger than `max_bytes`.
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path,
                                         std::size_t max_bytes = std::size_t{1} << 30U);

enum class Overwrite { refuse, replace };

// Writes `content` to a temporary file beside `path`, flushes it, then renames it over `path` and
// flushes the folder: readers see the old file or the new one, never half of one, and a crash
// after the return keeps the new one. A replaced file keeps its permissions; no temporary file is
// left behind on failure (nor, where the file system allows unnamed files, after kill -9).
// Devices and pipes are written in place. With Overwrite::refuse an existing file is left alone
// and FileError is thrown. FileError on any failure, naming the path and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Overwrite overwrite = Overwrite::replace);

// The same, but only while `path` still holds `expected` (std::nullopt: while there is no file):
// a file someone changed (or created) since it was read is left as it is, and FileError says so.
void replace_file_if_unchanged(const std::filesystem::path& path,
                               const std::optional<std::string>& expected,
                               std::string_view content);

// ---- Text from files shown to people (terminals, CI logs, pages)

// What becomes of line breaks and tabs in text shown to people.
enum class LineBreaks {
  escaped,  // one line of a log or report: written "\n", "\r", "\t"; a text starting "::" (a
            // GitHub workflow command when it opens a line of a CI log) gets its first ':' as \x3A
  spaces,   // running text the caller lays out (terminal columns, table cells): each a space
  kept,     // where they do no harm: HTML, a message meant to span lines
};

// THE sanitiser of every human-readable output: text from files (paths, manifest keys, document
// text) can carry no terminal control sequence and no direction override. C0 and C1 controls
// and DEL are shown as "\x1B" (escape, bell, backspace…), the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source" reordering) as
// "\u202E", bytes that are not UTF-8 as U+FFFD; line breaks as `line_breaks` says. Everything
// else, marks U+200E/U+200F of right-to-left text included, is kept.
[[nodiscard]] std::string sanitise_for_display(std::string_view text, LineBreaks line_breaks);

}  // namespace alinea
