// Alignment files (docs/FORMAT.md, "Alignment files"): a lenient reader that reports every schema
// problem with its place, and a writer that puts one link on one line so that git diffs stay small.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "util/suggest.hpp"
#include "util/yaml.hpp"

namespace alinea {
namespace {

using KeyList = std::vector<std::string_view>;
using detail::closest_word;
using detail::did_you_mean;

const KeyList top_level_keys = {"alinea", "source", "target", "notes", "paragraphs"};
const KeyList document_keys = {"path", "lang"};
const KeyList entry_keys = {"link", "sentences"};
const KeyList link_keys = {"src",     "tgt",  "status", "confidence", "fp",
                           "omitted", "note", "accept", "reason"};
const KeyList status_names = {"auto", "reviewed"};

constexpr long long supported_version = 1;

std::string quoted_list(const KeyList& words) {
  std::string out;
  for (const std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += std::string(word);
  }
  return out;
}

bool is_known(std::string_view key, const KeyList& known) {
  return std::find(known.begin(), known.end(), key) != known.end();
}

bool is_fingerprint(std::string_view text) {
  return text.empty() || (text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) {
                            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                          }));
}

bool is_empty_list(const Value* value) {
  return value != nullptr && value->is_sequence() && value->items.empty();
}

const char* kind_name(const Value& value) {
  switch (value.kind) {
    case Value::Kind::null:
      return "nothing";
    case Value::Kind::scalar:
      return "a scalar";
    case Value::Kind::sequence:
      return "a list";
    case Value::Kind::mapping:
      return "a mapping";
  }
  return "something else";
}

// Where a link may point: paragraph links at paragraphs, note links at notes, sentence links at
// sentences of the units their parent link joins.
struct UnitScope {
  UnitRef::Kind kind = UnitRef::Kind::paragraph;
  const std::vector<std::string>* parent_source = nullptr;  // set for sentence links
  const std::vector<std::string>* parent_target = nullptr;
};

class AlignmentReader {
 public:
  explicit AlignmentReader(const std::string& path) : path_(path) {}

  AlignmentReadResult read(const Value& root) {
    AlignmentReadResult result;
    result.alignment.path = path_;
    if (!root.is_mapping()) {
      report(root, "schema/wrong-type",
             std::string("an alignment file is a mapping with alinea, source, target and "
                         "paragraphs; this file holds ") +
                 kind_name(root));
      result.diagnostics = std::move(diagnostics_);
      return result;
    }
    Alignment& alignment = result.alignment;
    for (const auto& [key, value] : root.members) {
      if (key == "alinea") {
        read_version(value);
      } else if (key == "source") {
        alignment.source = read_document_ref(value, "source");
      } else if (key == "target") {
        alignment.target = read_document_ref(value, "target");
      } else if (key == "notes") {
        alignment.notes = read_entries(value, "notes", UnitRef::Kind::note);
      } else if (key == "paragraphs") {
        alignment.paragraphs = read_entries(value, "paragraphs", UnitRef::Kind::paragraph);
      } else {
        // Unknown top-level keys belong to whoever wrote them: kept, and only questioned when
        // they look like a misspelt key of ours.
        if (closest_word(key, top_level_keys)) {
          report(value, "schema/unknown-key",
                 "unknown top-level key '" + key + "' is kept as it is" +
                     did_you_mean(key, top_level_keys),
                 Severity::warning);
        }
        if (!alignment.extra.is_mapping()) alignment.extra = Value::make_mapping();
        alignment.extra.members.emplace_back(key, value);
      }
    }
    for (const char* key : {"alinea", "source", "target", "paragraphs"}) {
      if (root.find(key) == nullptr) {
        report(root, "schema/missing-key", std::string("missing top-level key '") + key + "'");
      }
    }
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

 private:
  void report(const Value& at, std::string rule, std::string message,
              Severity severity = Severity::error) {
    diagnostics_.push_back(
        {std::move(rule), severity, {path_, at.line, at.column}, {}, std::move(message)});
  }

  void report_unknown_keys(const Value& mapping, const KeyList& known, std::string_view where) {
    for (const auto& [key, value] : mapping.members) {
      if (is_known(key, known)) continue;
      const std::string hint = did_you_mean(key, known);
      report(value, "schema/unknown-key",
             "unknown key '" + key + "' in " + std::string(where) +
                 (hint.empty() ? " (known keys: " + quoted_list(known) + ")" : hint));
    }
  }

  std::optional<std::string> read_text(const Value& value, std::string_view what) {
    if (value.is_scalar()) return value.text;
    report(value, "schema/wrong-type",
           std::string(what) + " must be text, not " + kind_name(value));
    return std::nullopt;
  }

  void read_version(const Value& value) {
    const auto version = value.as_integer();
    if (!version) {
      report(value, "schema/wrong-type", "'alinea' must be the format version, a whole number");
    } else if (*version != supported_version) {
      report(value, "schema/version",
             "alignment format version " + std::to_string(*version) +
                 " is not supported; this alinea reads version " +
                 std::to_string(supported_version));
    }
  }

  DocumentRef read_document_ref(const Value& value, std::string_view which) {
    DocumentRef ref;
    ref.line = value.line;
    ref.column = value.column;
    if (!value.is_mapping()) {
      report(value, "schema/wrong-type",
             "'" + std::string(which) + "' must be a mapping {path: …, lang: …}, not " +
                 kind_name(value));
      return ref;
    }
    report_unknown_keys(value, document_keys, "'" + std::string(which) + "'");
    for (const char* key : {"path", "lang"}) {
      const Value* member = value.find(key);
      if (member == nullptr) {
        report(value, "schema/missing-key", "'" + std::string(which) + "' needs '" + key + "'");
        continue;
      }
      auto text = read_text(*member, std::string(which) + "." + key);
      if (!text) continue;
      if (text->empty()) {
        report(*member, "schema/bad-value", std::string(which) + "." + key + " is empty");
      } else if (std::string_view(key) == "lang") {
        LanguageReading reading = read_language(*text);
        if (reading.language) {
          *text = std::move(reading.language->tag);
        } else {
          report(*member, "schema/bad-value", std::string(which) + ".lang: " + reading.problem);
        }
      }
      if (std::string_view(key) == "path") {
        ref.path = std::move(*text);
        ref.line = member->line;
        ref.column = member->column;
      } else {
        ref.lang = std::move(*text);
      }
    }
    return ref;
  }

  std::vector<Link> read_entries(const Value& value, std::string_view section, UnitRef::Kind kind) {
    std::vector<Link> links;
    if (value.is_null()) return links;
    if (!value.is_sequence()) {
      report(value, "schema/wrong-type",
             "'" + std::string(section) + "' must be a list of entries '- link: {…}', not " +
                 kind_name(value));
      return links;
    }
    for (const Value& entry : value.items) {
      if (auto link = read_entry(entry, section, kind)) links.push_back(std::move(*link));
    }
    return links;
  }

  std::optional<Link> read_entry(const Value& entry, std::string_view section, UnitRef::Kind kind) {
    if (!entry.is_mapping()) {
      report(entry, "schema/wrong-type",
             "an entry of '" + std::string(section) + "' must be a mapping '- link: {…}', not " +
                 kind_name(entry));
      return std::nullopt;
    }
    const Value* link_value = entry.find("link");
    if (link_value == nullptr) {
      const bool looks_like_bare_link =
          entry.find("src") != nullptr || entry.find("tgt") != nullptr;
      report(entry, "schema/missing-key",
             looks_like_bare_link
                 ? "an entry of '" + std::string(section) +
                       "' holds its link under 'link:'; write '- link: {src: …, tgt: …}'"
                 : "an entry of '" + std::string(section) + "' needs 'link'");
      return std::nullopt;
    }
    report_unknown_keys(entry, entry_keys, "an entry of '" + std::string(section) + "'");
    auto link = read_link(*link_value, UnitScope{kind, nullptr, nullptr});
    if (!link) return std::nullopt;
    if (const Value* sentences = entry.find("sentences"); sentences != nullptr) {
      if (sentences->is_sequence()) {
        const UnitScope scope{kind, &link->source, &link->target};
        for (const Value& item : sentences->items) {
          if (auto sentence = read_link(item, scope))
            link->sentences.push_back(std::move(*sentence));
        }
      } else if (!sentences->is_null()) {
        report(*sentences, "schema/wrong-type",
               std::string("'sentences' must be a list of links, not ") + kind_name(*sentences));
      }
    }
    return link;
  }

  std::vector<std::string> read_ids(const Value& value, std::string_view side,
                                    const UnitScope& scope) {
    std::vector<std::string> ids;
    if (!value.is_sequence()) {
      report(value, "schema/wrong-type",
             "'" + std::string(side) + "' must be a list of unit ids like [p3] or [], not " +
                 kind_name(value));
      return ids;
    }
    const bool is_sentence_link = scope.parent_source != nullptr;
    const std::vector<std::string>* parent =
        side == "src" ? scope.parent_source : scope.parent_target;
    for (const Value& item : value.items) {
      const auto text = read_text(item, "a unit id");
      if (!text) continue;
      const auto unit = UnitRef::parse(*text);
      if (!unit) {
        report(item, "schema/bad-unit-id",
               "malformed unit id '" + *text + "' (expected p3, n1, p3.s2 or n1.s2)");
        continue;
      }
      const bool is_note = unit->kind == UnitRef::Kind::note;
      const std::string expected_kind = scope.kind == UnitRef::Kind::note ? "note" : "paragraph";
      if (is_note != (scope.kind == UnitRef::Kind::note)) {
        report(item, "schema/bad-unit-id",
               "'" + *text + "' is not a " + expected_kind + " unit; " +
                   (is_note ? "note links belong under 'notes'"
                            : "paragraph links belong under 'paragraphs'"));
        continue;
      }
      if (is_sentence_link && !unit->sentence) {
        report(item, "schema/bad-unit-id",
               "a sentence link joins sentences ('" + *text + ".s1'), not whole units like '" +
                   *text + "'");
        continue;
      }
      if (!is_sentence_link && unit->sentence) {
        report(item, "schema/bad-unit-id",
               "'" + *text + "' is a sentence; put sentence links under 'sentences' of the " +
                   expected_kind + " link that holds them");
        continue;
      }
      if (parent != nullptr &&
          std::find(parent->begin(), parent->end(), unit->block_id) == parent->end()) {
        report(item, "schema/bad-unit-id",
               "sentence '" + *text + "' is not in the " + expected_kind +
                   (side == "src" ? "s of the link's source side" : "s of the link's target side"));
        continue;
      }
      ids.push_back(*text);
    }
    return ids;
  }

  std::optional<Link> read_link(const Value& value, const UnitScope& scope) {
    if (!value.is_mapping()) {
      report(value, "schema/wrong-type",
             std::string("a link must be a mapping {src: […], tgt: […], status: …}, not ") +
                 kind_name(value));
      return std::nullopt;
    }
    report_unknown_keys(value, link_keys, "a link");
    Link link;
    link.line = value.line;
    link.column = value.column;
    for (const char* side : {"src", "tgt"}) {
      const Value* ids = value.find(side);
      if (ids == nullptr) {
        report(value, "schema/missing-key",
               std::string("a link needs '") + side + "' (a list of unit ids; [] when empty)");
        continue;
      }
      (std::string_view(side) == "src" ? link.source : link.target) = read_ids(*ids, side, scope);
    }
    const bool source_empty = is_empty_list(value.find("src"));
    const bool target_empty = is_empty_list(value.find("tgt"));
    if (source_empty && target_empty) {
      report(value, "schema/bad-value", "a link needs a unit on at least one side");
    }
    read_status(value, link);
    read_confidence(value, link);
    read_fingerprints(value, link);
    if (const Value* omitted = value.find("omitted")) {
      link.omitted = read_text(*omitted, "'omitted'");
      const bool one_side_empty = source_empty != target_empty;
      if (link.omitted && !one_side_empty) {
        report(*omitted, "schema/bad-value",
               "'omitted' records a deliberate gap: it belongs on a link with one side empty "
               "(src: [] or tgt: [])");
      }
    }
    if (const Value* note = value.find("note")) link.note = read_text(*note, "'note'");
    read_acceptance(value, link);
    return link;
  }

  // accept: [rule, …] with reason: "why" — both or neither.
  void read_acceptance(const Value& value, Link& link) {
    const Value* accept = value.find("accept");
    const Value* reason = value.find("reason");
    if (reason != nullptr) link.accept_reason = read_text(*reason, "'reason'");
    if (accept == nullptr) {
      if (reason != nullptr) {
        report(*reason, "schema/bad-value",
               "'reason' says why findings are accepted: it goes with accept: [rule, …]");
      }
      return;
    }
    if (!accept->is_sequence() || accept->items.empty()) {
      report(*accept, "schema/wrong-type",
             "'accept' must be a list of rule ids, e.g. accept: [qa/note-mismatch]");
      return;
    }
    for (const Value& item : accept->items) {
      const auto rule = read_text(item, "a rule id");
      if (!rule) continue;
      if (rule->find('/') == std::string::npos) {
        report(item, "schema/bad-value",
               "'" + *rule + "' is not a rule id: they read like qa/note-mismatch");
        continue;
      }
      link.accepted.push_back(*rule);
    }
    if (reason == nullptr || !link.accept_reason || link.accept_reason->empty()) {
      report(*accept, "schema/missing-key",
             "accepted findings need a reason: add reason: \"why\" to the link");
    }
  }

  void read_status(const Value& value, Link& link) {
    const Value* status = value.find("status");
    if (status == nullptr) {
      report(value, "schema/missing-key", "a link needs 'status' (auto or reviewed)");
      return;
    }
    const auto text = read_text(*status, "'status'");
    if (!text) return;
    if (*text == "auto") {
      link.status = LinkStatus::automatic;
    } else if (*text == "reviewed") {
      link.status = LinkStatus::reviewed;
    } else {
      report(*status, "schema/bad-value",
             "status '" + *text + "' is neither auto nor reviewed" +
                 did_you_mean(*text, status_names));
    }
  }

  void read_confidence(const Value& value, Link& link) {
    const Value* confidence = value.find("confidence");
    if (confidence == nullptr) {
      const Value* status = value.find("status");
      if (status != nullptr && status->is_scalar() && status->text == "auto") {
        report(value, "schema/missing-key",
               "an automatic link needs 'confidence' (0 to 1); a link you checked is "
               "'status: reviewed'");
      }
      return;
    }
    const auto number = confidence->as_number();
    if (!number || !std::isfinite(*number)) {
      report(*confidence, "schema/wrong-type", "'confidence' must be a number from 0 to 1");
    } else if (*number < 0.0 || *number > 1.0) {
      report(*confidence, "schema/bad-value", "'confidence' must be from 0 to 1");
    } else {
      link.confidence = *number;
    }
  }

  void read_fingerprints(const Value& value, Link& link) {
    const Value* fp = value.find("fp");
    if (fp == nullptr) return;
    if (!fp->is_sequence() || fp->items.size() != 2) {
      report(*fp, "schema/wrong-type", "'fp' must be a list of two fingerprints [source, target]");
      return;
    }
    std::array<std::string*, 2> sides = {&link.source_fingerprint, &link.target_fingerprint};
    for (std::size_t i = 0; i < 2; ++i) {
      const auto text = read_text(fp->items[i], "a fingerprint");
      if (!text) continue;
      if (!is_fingerprint(*text)) {
        report(fp->items[i], "schema/bad-value",
               "fingerprint '" + *text +
                   "' is not 8 lowercase hex digits (or \"\" for an empty "
                   "side); delete 'fp' to have it recomputed");
        continue;
      }
      *sides[i] = *text;
    }
  }

  const std::string& path_;
  Diagnostics diagnostics_;
};

std::string format_ids(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ", ";
    out += yaml_scalar(ids[i]);
  }
  return out + "]";
}

// Two decimals: enough for a reader, and stable enough that realigning does not touch every line.
std::string format_confidence(double confidence) {
  const double clamped = std::isfinite(confidence) ? std::clamp(confidence, 0.0, 1.0) : 0.0;
  std::array<char, 32> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), clamped,
                                          std::chars_format::fixed, 2);
  return error == std::errc{} ? std::string(buffer.data(), end) : std::string("0.00");
}

std::string format_link(const Link& link) {
  std::string out = "{src: " + format_ids(link.source) + ", tgt: " + format_ids(link.target) +
                    ", status: " + to_string(link.status);
  if (link.confidence) out += ", confidence: " + format_confidence(*link.confidence);
  if (link.omitted) out += ", omitted: " + yaml_scalar(*link.omitted);
  if (link.note) out += ", note: " + yaml_scalar(*link.note);
  if (!link.accepted.empty()) out += ", accept: " + format_ids(link.accepted);
  if (link.accept_reason) out += ", reason: " + yaml_scalar(*link.accept_reason);
  if (!link.source_fingerprint.empty() || !link.target_fingerprint.empty()) {
    out += ", fp: [" + yaml_scalar(link.source_fingerprint) + ", " +
           yaml_scalar(link.target_fingerprint) + "]";
  }
  return out + "}";
}

// Where a link is written: its line, and the column of its '{'.
constexpr std::size_t link_column = 11;     // "  - link: {"
constexpr std::size_t sentence_column = 9;  // "      - {"

// The confidence as a reader of the file gets it back.
double as_written(double confidence) {
  const std::string text = format_confidence(confidence);
  double value = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Records on `link` where it is written (`line`) and what a reader will read.
void mark_written(Link& link, std::size_t line, std::size_t column) {
  link.line = line;
  link.column = column;
  if (link.confidence) link.confidence = as_written(*link.confidence);
}

// Appends a section to `out`, whose next line is `line`; marks each link with its line.
void format_entries(std::string_view section, std::vector<Link>& links, std::string& out,
                    std::size_t& line) {
  if (links.empty()) {
    out += std::string(section) + ": []\n";
    ++line;
    return;
  }
  out += std::string(section) + ":\n";
  ++line;
  for (Link& link : links) {
    mark_written(link, line++, link_column);
    out += "  - link: " + format_link(link) + "\n";
    if (link.sentences.empty()) continue;
    out += "    sentences:\n";
    ++line;
    for (Link& sentence : link.sentences) {
      mark_written(sentence, line++, sentence_column);
      out += "      - " + format_link(sentence) + "\n";
    }
  }
}

constexpr std::size_t document_path_column = 16;  // "source: {path: "

std::string format_document_ref(const DocumentRef& ref) {
  return "{path: " + yaml_scalar(ref.path) + ", lang: " + yaml_scalar(ref.lang) + "}";
}

}  // namespace

AlignmentReadResult parse_alignment(std::string_view text, const std::string& path) {
  const Value root = parse_yaml(text, path);
  AlignmentReader reader(path);
  AlignmentReadResult result = reader.read(root);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end());
  return result;
}

Alignment read_alignment(const std::filesystem::path& path) {
  const std::string name = path.string();
  AlignmentReadResult result = parse_alignment(read_text_file(path), name);
  for (const Diagnostic& diagnostic : result.diagnostics) {
    if (diagnostic.severity == Severity::error) {
      throw InputError(diagnostic.where, diagnostic.message);
    }
  }
  return std::move(result.alignment);
}

WrittenAlignment format_alignment_with_lines(Alignment alignment) {
  std::string out = "# alinea alignment\nalinea: " + std::to_string(supported_version) + "\n";
  for (auto [key, ref] :
       {std::pair{"source: ", &alignment.source}, {"target: ", &alignment.target}}) {
    out += key + format_document_ref(*ref) + "\n";
    ref->line = static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n'));
    ref->column = document_path_column;
  }
  if (alignment.extra.is_mapping() && !alignment.extra.members.empty()) {
    out += emit_yaml(alignment.extra);
  }
  std::size_t line = static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')) + 1;
  if (!alignment.notes.empty()) format_entries("notes", alignment.notes, out, line);
  format_entries("paragraphs", alignment.paragraphs, out, line);
  return {std::move(out), std::move(alignment)};
}

std::string format_alignment(const Alignment& alignment) {
  return format_alignment_with_lines(alignment).text;
}

}  // namespace alinea
