// The validator: references, structure, coverage and drift of one alignment against its
// documents; the translation QA of each link is in check_qa.cpp.
#include "alinea/check.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <exception>
#include <map>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/segment.hpp"
#include "check/check_internal.hpp"
#include "check/check_qa.hpp"
#include "corpus/block_kinds.hpp"
#include "util/suggest.hpp"
#include "util/work_queue.hpp"
#include "util/yaml.hpp"

namespace alinea {
namespace fs = std::filesystem;

namespace {

// The budget of one file, so that a pull request of a few megabytes cannot keep CI busy for hours
// or take gigabytes (docs/SECURITY.md). Alignment files and documents are a few hundred kilobytes
// (a volume of collected works has some 5 000 paragraphs); anything far larger is a mistake.
constexpr std::size_t max_checked_file_bytes = std::size_t{16} << 20U;
// Paragraphs, notes and sentences of one document; lines of one file, counted before parsing.
constexpr std::size_t max_units_per_document = 250'000;
constexpr std::size_t max_lines_per_file = 2 * max_units_per_document;
// Units named in one finding; the rest are counted ("and 80 more").
constexpr std::size_t max_listed_units = 20;

// The first max_listed_units of `units`.
std::vector<std::string> listed(std::vector<std::string> units) {
  if (units.size() > max_listed_units) units.resize(max_listed_units);
  return units;
}

// ", and N more" for what a finding does not list, or "".
std::string and_more(std::size_t total) {
  return total > max_listed_units ? ", and " + std::to_string(total - max_listed_units) + " more"
                                  : std::string();
}

const std::vector<std::string_view> setting_keys = {"min-length-ratio",     "max-length-ratio",
                                                    "min-length-for-ratio", "min-words-identical",
                                                    "dictionaries",         "rules"};

// The folders Debian's hunspell dictionaries live in. A repository may pick one of these or none,
// never a folder of its own: a pull request's .aff file could make hunspell take all memory.
bool is_system_dictionary_folder(const std::string& folder) {
  return folder.empty() || folder == default_dictionary_folder || folder == "/usr/share/myspell" ||
         folder == "/usr/share/myspell/dicts";
}

}  // namespace

namespace detail {

std::string format_ratio(double value) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.2f", value);
  std::string text(buffer.data());
  while (text.size() > 1 && text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace detail

const std::vector<RuleInfo>& check_rules() {
  static const std::vector<RuleInfo> rules = {
      {"file/unreadable", Severity::error, "a file cannot be read"},
      {"file/too-large", Severity::error,
       "a file over check's budget (16 MiB, 500000 lines, 250000 units per document)"},
      {"yaml/syntax", Severity::error, "an alignment file is not valid YAML"},
      {"reference/path-outside-repository", Severity::error,
       "a path leaves the repository (.., absolute, or a link out)"},
      {"reference/missing-document", Severity::error,
       "a document named by an alignment is missing"},
      {"reference/unreadable-document", Severity::error, "a document cannot be parsed"},
      {"reference/manifest-mismatch", Severity::error,
       "an alignment names other documents than alinea.yaml"},
      {"reference/language-mismatch", Severity::error,
       "an alignment's language differs from its document's"},
      {"reference/no-sentence-rules", Severity::note,
       "a document in a language alinea has no sentence rules for (ICU's general rules apply)"},
      {"reference/unknown-unit", Severity::error, "a unit id that the document does not have"},
      {"structure/duplicate-link", Severity::error, "a unit linked twice"},
      {"structure/overlapping-links", Severity::error,
       "a link spans units that belong to another link"},
      {"structure/crossing-links", Severity::warning, "links whose order differs on the two sides"},
      {"structure/sentence-outside-link", Severity::error,
       "a sentence link outside its paragraph or note link"},
      {"structure/kind-mismatch", Severity::warning,
       "a heading, quotation or list item linked to no block of its kind"},
      {"coverage/unlinked-source", Severity::warning,
       "source paragraphs or notes with no link and no recorded omission"},
      {"coverage/unlinked-target", Severity::warning, "target paragraphs or notes with no link"},
      {"coverage/unlinked-sentence", Severity::note,
       "source sentences left out of their link's sentence links"},
      {"drift/reviewed-text-changed", Severity::error,
       "the text of a reviewed link changed after the review"},
      {"drift/text-changed", Severity::warning, "the text of an automatic link changed"},
      {"qa/number-mismatch", Severity::warning, "numbers differ between source and target"},
      {"qa/name-mismatch", Severity::warning, "names present on one side only"},
      {"qa/note-mismatch", Severity::warning, "note references differ"},
      {"qa/unpaired-spanish-mark", Severity::warning, "¿ without ? or ¡ without ! in Spanish"},
      {"qa/question-mismatch", Severity::warning, "a question on one side only"},
      {"qa/exclamation-mismatch", Severity::note, "an exclamation on one side only"},
      {"qa/length-ratio", Severity::warning, "target length out of range for the source length"},
      {"qa/identical", Severity::warning, "the target is the same as the source"},
      {"qa/empty-target", Severity::warning, "an empty target with no recorded omission"},
      {"source-ref/wrong-type", Severity::error,
       "a source_ref or one of its values of the wrong type"},
      {"source-ref/unknown-key", Severity::error, "a source_ref key alinea does not know"},
      {"source-ref/missing-field", Severity::error, "a source_ref without its work"},
      {"source-ref/bad-volume", Severity::error, "a volume that is not a positive number"},
      {"source-ref/bad-pages", Severity::error, "pages that are not a page or a range"},
      {"source-ref/unknown-volume", Severity::error, "a volume the edition's catalogue lacks"},
      {"source-ref/past-volume-end", Severity::error, "pages past the volume's last page"},
      {"source-ref/not-in-catalogue", Severity::warning,
       "pages on which the catalogue has no text"},
      {"source-ref/catalogue-mismatch", Severity::warning,
       "title or date differ from the catalogue's"},
      {"source-ref/original-mismatch", Severity::warning,
       "a translation's reference disagrees with the original it is aligned with"},
      {"edition/unknown-key", Severity::error, "a catalogue key alinea does not know"},
      {"edition/wrong-type", Severity::error, "a catalogue value of the wrong type"},
      {"edition/missing-field", Severity::error, "a catalogue entry without a required field"},
      {"edition/bad-value", Severity::error, "a bad version, number or date in a catalogue"},
      {"edition/bad-pages", Severity::error, "catalogue pages that are not a page or a range"},
      {"edition/duplicate-volume", Severity::error, "a volume listed twice in a catalogue"},
      {"edition/out-of-order", Severity::error, "a catalogue text listed before an earlier one"},
      {"edition/overlapping-pages", Severity::error, "two catalogue texts on the same pages"},
      {"edition/past-volume-end", Severity::error, "catalogue pages past the volume's last page"},
  };
  return rules;
}

std::optional<Severity> CheckSettings::severity(std::string_view rule) const {
  if (const auto found = rules.find(rule); found != rules.end()) return found->second;
  for (const RuleInfo& info : check_rules()) {
    if (info.id == rule) return info.severity;
  }
  return Severity::error;
}

SettingsReadResult apply_settings(const CheckSettings& base, const Value& settings,
                                  const std::string& file) {
  SettingsReadResult result{base, {}};
  const auto report = [&](const char* rule, const Value& at, std::string message) {
    result.diagnostics.push_back(
        {rule, Severity::error, {file, at.line, at.column}, {}, std::move(message)});
  };
  if (settings.is_null()) return result;
  if (!settings.is_mapping()) {
    report("config/bad-value", settings, "'check' settings must be a mapping");
    return result;
  }
  for (const auto& [key, value] : settings.members) {
    if (key == "min-length-ratio" || key == "max-length-ratio") {
      const auto number = value.as_number();
      if (!number || !(*number > 0.0) || *number > 1000.0) {
        report("config/bad-value", value, "'" + key + "' must be a positive number");
        continue;
      }
      (key == "min-length-ratio" ? result.settings.min_length_ratio
                                 : result.settings.max_length_ratio) = *number;
    } else if (key == "min-length-for-ratio" || key == "min-words-identical") {
      const auto number = value.as_integer();
      if (!number || *number < 0) {
        report("config/bad-value", value, "'" + key + "' must be a whole number, 0 or more");
        continue;
      }
      (key == "min-length-for-ratio" ? result.settings.min_length_for_ratio
                                     : result.settings.min_words_identical) =
          static_cast<std::size_t>(*number);
    } else if (key == "dictionaries") {
      if (!value.is_scalar() || !is_system_dictionary_folder(value.text)) {
        report("config/bad-value", value,
               "'dictionaries' must be \"\" (none) or a system folder of hunspell files "
               "(/usr/share/hunspell, /usr/share/myspell): the repository under check does not "
               "choose the files check reads");
        continue;
      }
      result.settings.dictionaries = value.text;
    } else if (key == "rules") {
      if (!value.is_mapping()) {
        report("config/bad-value", value,
               "'rules' must map rule ids to off, note, warning or error");
        continue;
      }
      std::vector<std::string_view> known;
      for (const RuleInfo& info : check_rules()) known.push_back(info.id);
      for (const auto& [rule, level] : value.members) {
        if (std::find(known.begin(), known.end(), rule) == known.end()) {
          report("config/unknown-rule", level,
                 "unknown rule '" + rule + "'" + detail::did_you_mean(rule, known));
          continue;
        }
        const std::string& name = level.text;
        if (!level.is_scalar()) {
          report("config/bad-value", level, "a rule's level is off, note, warning or error");
        } else if (name == "off" || name == "false") {
          result.settings.rules[rule] = std::nullopt;
        } else if (name == "note") {
          result.settings.rules[rule] = Severity::note;
        } else if (name == "warning") {
          result.settings.rules[rule] = Severity::warning;
        } else if (name == "error") {
          result.settings.rules[rule] = Severity::error;
        } else {
          report("config/bad-value", level,
                 "'" + name + "' is not a level: write off, note, warning or error");
        }
      }
    } else {
      report("config/unknown-key", value,
             "unknown check setting '" + key + "'" + detail::did_you_mean(key, setting_keys));
    }
  }
  if (result.settings.min_length_ratio > result.settings.max_length_ratio) {
    report("config/bad-value", settings, "min-length-ratio is larger than max-length-ratio");
  }
  return result;
}

namespace {

// Where a unit stands in its document, for ordering: notes after paragraphs, sentences inside.
struct Position {
  int kind = 0;  // 0 paragraph, 1 note
  std::size_t block = 0;
  std::size_t sentence = 0;  // 0 for whole blocks
  friend bool operator<(const Position& a, const Position& b) {
    return std::tie(a.kind, a.block, a.sentence) < std::tie(b.kind, b.block, b.sentence);
  }
};

// Every paragraph and note of a document by id: ids come from the pull request, so each lookup
// must not scan the document (that made check quadratic).
class DocumentIndex {
 public:
  explicit DocumentIndex(const Document& document) : document_(document) {
    blocks_.reserve(document.paragraphs.size() + document.notes.size());
    for (std::size_t i = 0; i < document.paragraphs.size(); ++i) {
      blocks_.try_emplace(document.paragraphs[i].id, Block{{0, i + 1, 0}, &document.paragraphs[i]});
    }
    for (std::size_t i = 0; i < document.notes.size(); ++i) {
      blocks_.try_emplace(document.notes[i].id, Block{{1, i + 1, 0}, &document.notes[i]});
    }
  }

  // The position of an existing unit; std::nullopt for malformed or unknown ids.
  [[nodiscard]] std::optional<Position> find(const std::string& id) const {
    const auto unit = UnitRef::parse(id);
    if (!unit) return std::nullopt;
    const Block* block = block_of(unit->block_id);
    if (block == nullptr || !text_of(*block, *unit)) return std::nullopt;
    Position position = block->position;
    position.sentence = unit->sentence.value_or(0);
    return position;
  }

  // The text of a unit; std::nullopt for malformed or unknown ids.
  [[nodiscard]] std::optional<std::string_view> text(const std::string& id) const {
    const auto unit = UnitRef::parse(id);
    if (!unit) return std::nullopt;
    const Block* block = block_of(unit->block_id);
    return block == nullptr ? std::nullopt : text_of(*block, *unit);
  }

  // Where a unit stands in the document file (the file alone when the unit is unknown).
  [[nodiscard]] SourcePosition position(const UnitRef& unit) const {
    const Block* block = block_of(unit.block_id);
    if (block == nullptr) return {document_.path, 0, 0};
    return std::visit([&](const auto* b) { return unit_position_of(document_, b, unit); },
                      block->unit);
  }

  // The paragraph (or heading, quotation, list item) of a block id; nullptr for a note or an
  // unknown id.
  [[nodiscard]] const Paragraph* paragraph(const std::string& block_id) const {
    const Block* block = block_of(block_id);
    if (block == nullptr) return nullptr;
    const auto* const* found = std::get_if<const Paragraph*>(&block->unit);
    return found == nullptr ? nullptr : *found;
  }

  // The sentences of a paragraph or note; nullptr for an unknown block id.
  [[nodiscard]] const std::vector<std::string>* sentences(const std::string& block_id) const {
    const Block* block = block_of(block_id);
    if (block == nullptr) return nullptr;
    return std::visit([](const auto* b) { return &b->sentences; }, block->unit);
  }

  // The units' texts joined by a space, as fingerprints are taken; unknown ids are skipped.
  [[nodiscard]] std::string side_text(const std::vector<std::string>& ids) const {
    std::string joined;
    for (const std::string& id : ids) {
      const auto part = text(id);
      if (!part) continue;
      if (!joined.empty()) joined += ' ';
      joined += *part;
    }
    return joined;
  }

  [[nodiscard]] const Document& document() const { return document_; }

 private:
  struct Block {
    Position position;
    std::variant<const Paragraph*, const Note*> unit;
  };

  [[nodiscard]] const Block* block_of(const std::string& id) const {
    const auto found = blocks_.find(id);
    return found == blocks_.end() ? nullptr : &found->second;
  }

  static std::optional<std::string_view> text_of(const Block& block, const UnitRef& unit) {
    return std::visit([&](const auto* b) { return unit_text_of(b, unit); }, block.unit);
  }

  const Document& document_;
  std::unordered_map<std::string, Block> blocks_;
};

std::string count_of(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string describe(const Document& document) {
  return count_of(document.paragraphs.size(), "paragraph") + " and " +
         count_of(document.notes.size(), "note");
}

// A FileError's message without the absolute path it starts with: findings name files relative
// to the repository root.
std::string file_problem(const FileError& failure, const fs::path& absolute,
                         const std::string& relative) {
  const std::string what = failure.what();
  const std::string prefix = absolute.string() + ": ";
  if (what.compare(0, prefix.size(), prefix) == 0)
    return relative + ": " + what.substr(prefix.size());
  return what;
}

// One link seen by the checker: where it is and which of its units exist.
struct LinkView {
  const Link* link = nullptr;
  const Link* parent = nullptr;  // the block link of a sentence link
  std::vector<Position> source;
  std::vector<Position> target;
  bool resolved = true;  // every id names an existing unit
};

class AlignmentChecker {
 public:
  AlignmentChecker(const Alignment& alignment, const Document& source, const Document& target,
                   const CheckSettings& settings)
      : alignment_(alignment), source_(source), target_(target), settings_(settings) {}

  Diagnostics run() {
    for (const auto* section : {&alignment_.notes, &alignment_.paragraphs}) {
      for (const Link& link : *section) {
        for (const Link& sentence : link.sentences) parents_.emplace(&sentence, &link);
      }
    }
    for (const auto* section : {&alignment_.notes, &alignment_.paragraphs}) {
      for (const Link& link : *section) {
        blocks_.push_back(resolve(link, nullptr));
        for (const Link& sentence : link.sentences) sentences_.push_back(resolve(sentence, &link));
      }
    }
    for (const auto* links : {&blocks_, &sentences_}) {
      for (const LinkView& view : *links) check_accepted_rules(*view.link);
    }
    check_sentences_inside_their_link();
    check_duplicates(blocks_);
    check_duplicates(sentences_);
    check_overlaps(blocks_);
    check_overlaps(sentences_);
    check_crossings(blocks_);
    check_crossings(sentences_);
    check_block_coverage();
    check_sentence_coverage();
    for (const LinkView& view : blocks_) check_kinds(*view.link);
    for (const auto* links : {&blocks_, &sentences_}) {
      for (const LinkView& view : *links) check_drift(view);
    }
    check_translations();
    return std::move(findings_);
  }

 private:
  SourcePosition where(const Link& link) const { return {alignment_.path, link.line, link.column}; }

  std::string source_unit(const std::string& id) const { return source_lang() + ":" + id; }
  std::string target_unit(const std::string& id) const { return target_lang() + ":" + id; }
  std::string source_lang() const {
    return source_.document().lang.empty() ? alignment_.source.lang : source_.document().lang;
  }
  std::string target_lang() const {
    return target_.document().lang.empty() ? alignment_.target.lang : target_.document().lang;
  }

  std::vector<std::string> units_of(const Link& link) const {
    std::vector<std::string> units;
    for (const std::string& id : link.source) units.push_back(source_unit(id));
    for (const std::string& id : link.target) units.push_back(target_unit(id));
    return listed(std::move(units));
  }

  void add(const std::string& rule, const Link& link, std::vector<std::string> units,
           std::string message, std::vector<UnitPosition> in_documents = {}) {
    const auto severity = settings_.severity(rule);
    if (!severity) return;
    findings_.push_back({rule, *severity, where(link), std::move(units), std::move(message),
                         std::move(in_documents), acceptance(rule, link, parent_of(link))});
  }

  // The reason a person gave for accepting `rule` on this link or on the paragraph or note link
  // that holds it; nothing when no one did.
  static std::optional<std::string> acceptance(const std::string& rule, const Link& link,
                                               const Link* parent) {
    for (const Link* holder : {&link, parent}) {
      if (holder == nullptr) continue;
      const auto& rules = holder->accepted;
      if (std::find(rules.begin(), rules.end(), rule) != rules.end()) {
        return holder->accept_reason.value_or("");
      }
    }
    return std::nullopt;
  }

  const Link* parent_of(const Link& link) const {
    const auto found = parents_.find(&link);
    return found == parents_.end() ? nullptr : found->second;
  }

  // accept: names rules that exist.
  void check_accepted_rules(const Link& link) {
    std::vector<std::string_view> known;
    for (const RuleInfo& info : check_rules()) known.push_back(info.id);
    for (const std::string& rule : link.accepted) {
      if (std::find(known.begin(), known.end(), rule) != known.end()) continue;
      findings_.push_back({"schema/bad-value", Severity::error, where(link), units_of(link),
                           "accept: names '" + rule + "', which is not a rule of alinea check" +
                               detail::did_you_mean(rule, known)});
    }
  }

  // Where the first of `ids` stands in its document; nothing when there is none.
  std::vector<UnitPosition> first_position(const std::vector<std::string>& ids,
                                           bool is_source) const {
    if (ids.empty()) return {};
    const auto unit = UnitRef::parse(ids.front());
    if (!unit) return {};
    const DocumentIndex& document = is_source ? source_ : target_;
    return {{(is_source ? source_unit(ids.front()) : target_unit(ids.front())),
             document.position(*unit)}};
  }

  // A link's place in both documents, the translation first: it is the text a translator edits.
  std::vector<UnitPosition> positions_of(const Link& link) const {
    std::vector<UnitPosition> places = first_position(link.target, false);
    for (UnitPosition& place : first_position(link.source, true))
      places.push_back(std::move(place));
    return places;
  }

  LinkView resolve(const Link& link, const Link* parent) {
    LinkView view{&link, parent, {}, {}, true};
    const auto resolve_side = [&](const std::vector<std::string>& ids, const DocumentIndex& index,
                                  const std::string& lang, std::vector<Position>& out) {
      for (const std::string& id : ids) {
        if (!UnitRef::parse(id)) {  // the reader reported it already
          view.resolved = false;
          continue;
        }
        const auto position = index.find(id);
        if (!position) {
          view.resolved = false;
          add("reference/unknown-unit", link, {lang + ":" + id},
              lang + ":" + id + " does not exist in " + index.document().path + " (it has " +
                  describe(index.document()) +
                  "): the text was re-segmented or edited; realign or fix the id");
          continue;
        }
        out.push_back(*position);
      }
    };
    resolve_side(link.source, source_, source_lang(), view.source);
    resolve_side(link.target, target_, target_lang(), view.target);
    return view;
  }

  void check_sentences_inside_their_link() {
    const Link* parent = nullptr;
    std::unordered_set<std::string> parent_source;
    std::unordered_set<std::string> parent_target;
    for (const LinkView& view : sentences_) {
      const Link& link = *view.link;
      // The parent's ids as sets, made once per parent (its sentence links follow each other).
      if (view.parent != parent) {
        parent = view.parent;
        parent_source = {parent->source.begin(), parent->source.end()};
        parent_target = {parent->target.begin(), parent->target.end()};
      }
      const auto outside = [](const std::vector<std::string>& ids,
                              const std::unordered_set<std::string>& blocks) {
        std::vector<std::string> out;
        for (const std::string& id : ids) {
          const auto unit = UnitRef::parse(id);
          if (unit && blocks.count(unit->block_id) == 0) out.push_back(id);
        }
        return out;
      };
      for (const std::string& id : outside(link.source, parent_source)) {
        add("structure/sentence-outside-link", link, {source_unit(id)},
            source_unit(id) + " is not in the source side of its paragraph or note link");
      }
      for (const std::string& id : outside(link.target, parent_target)) {
        add("structure/sentence-outside-link", link, {target_unit(id)},
            target_unit(id) + " is not in the target side of its paragraph or note link");
      }
    }
  }

  void check_duplicates(const std::vector<LinkView>& links) {
    std::map<std::string, const Link*> seen_source;
    std::map<std::string, const Link*> seen_target;
    for (const LinkView& view : links) {
      const Link& link = *view.link;
      const auto check_side = [&](const std::vector<std::string>& ids,
                                  std::map<std::string, const Link*>& seen, bool is_source) {
        for (const std::string& id : ids) {
          const auto [found, inserted] = seen.emplace(id, &link);
          if (inserted) continue;
          const std::string unit = is_source ? source_unit(id) : target_unit(id);
          add("structure/duplicate-link", link, {unit},
              unit +
                  (found->second == &link
                       ? std::string(" appears twice in this link")
                       : " is already linked on line " + std::to_string(found->second->line)) +
                  ": a unit belongs to one link only; merge the links or remove one");
        }
      };
      check_side(link.source, seen_source, true);
      check_side(link.target, seen_target, false);
    }
  }

  // A link that skips units linked elsewhere (src: [p2, p4] while p3 is in another link).
  void check_overlaps(const std::vector<LinkView>& links) {
    for (const bool is_source : {true, false}) {
      std::map<Position, const Link*> owner;
      for (const LinkView& view : links) {
        for (const Position& p : is_source ? view.source : view.target) owner.emplace(p, view.link);
      }
      for (const LinkView& view : links) {
        const auto& positions = is_source ? view.source : view.target;
        if (positions.size() < 2) continue;
        const auto [low, high] = std::minmax_element(positions.begin(), positions.end());
        for (auto it = owner.upper_bound(*low); it != owner.end() && it->first < *high; ++it) {
          if (it->second == view.link) continue;
          add("structure/overlapping-links", *view.link, units_of(*view.link),
              std::string("this link's ") + (is_source ? "source" : "target") +
                  " side spans units that belong to the link on line " +
                  std::to_string(it->second->line) +
                  ": split it so that each link covers consecutive units");
          break;
        }
      }
    }
  }

  // Links in source order whose targets go backwards.
  void check_crossings(const std::vector<LinkView>& links) {
    std::vector<std::pair<Position, const LinkView*>> ordered;
    for (const LinkView& view : links) {
      if (view.source.empty() || view.target.empty()) continue;
      ordered.emplace_back(*std::min_element(view.source.begin(), view.source.end()), &view);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    const LinkView* furthest = nullptr;
    Position furthest_target;
    for (const auto& [start, view] : ordered) {
      const Position low = *std::min_element(view->target.begin(), view->target.end());
      const Position high = *std::max_element(view->target.begin(), view->target.end());
      if (furthest != nullptr && low.kind == furthest_target.kind && low < furthest_target) {
        add("structure/crossing-links", *view->link, units_of(*view->link),
            "this link crosses the link on line " + std::to_string(furthest->link->line) +
                ": the target order differs from the source order; check that both are right");
      }
      if (furthest == nullptr || furthest_target < high) {
        furthest = view;
        furthest_target = high;
      }
    }
  }

  void check_block_coverage() {
    std::set<std::string> linked_source;
    std::set<std::string> linked_target;
    for (const LinkView& view : blocks_) {
      linked_source.insert(view.link->source.begin(), view.link->source.end());
      linked_target.insert(view.link->target.begin(), view.link->target.end());
    }
    report_unlinked(source_.document(), linked_source, true);
    report_unlinked(target_.document(), linked_target, false);
  }

  // Runs of consecutive unlinked units become one finding, placed at the link that follows them.
  void report_unlinked(const Document& document, const std::set<std::string>& linked,
                       bool is_source) {
    std::vector<std::string> ids;
    for (const Paragraph& p : document.paragraphs) ids.push_back(p.id);
    std::vector<std::string> note_ids;
    for (const Note& n : document.notes) note_ids.push_back(n.id);
    for (const auto* list : {&ids, &note_ids}) {
      std::vector<std::string> run;
      for (std::size_t i = 0; i <= list->size(); ++i) {
        if (i < list->size() && linked.count((*list)[i]) == 0) {
          run.push_back((*list)[i]);
          continue;
        }
        if (run.empty()) continue;
        const std::size_t first = i - run.size();
        flush_unlinked(run, i < list->size() ? (*list)[i] : std::string(),
                       first > 0 ? (*list)[first - 1] : std::string(), is_source);
        run.clear();
      }
    }
  }

  void flush_unlinked(const std::vector<std::string>& run, const std::string& next_id,
                      const std::string& previous_id, bool is_source) {
    const std::string lang = is_source ? source_lang() : target_lang();
    std::vector<std::string> units;
    for (std::size_t i = 0; i < run.size() && i < max_listed_units; ++i) {
      units.push_back(lang + ":" + run[i]);
    }
    const std::string span = run.size() == 1
                                 ? units.front()
                                 : units.front() + " to " + lang + ":" + run.back() + " (" +
                                       std::to_string(run.size()) + " units: " + units.back() +
                                       " and before are listed" + and_more(run.size()) + ")";
    SourcePosition at{alignment_.path, 0, 0};
    if (const Link* anchor = link_with(next_id, is_source)) {
      at = where(*anchor);
    } else if (const Link* before = link_with(previous_id, is_source)) {
      at = where(*before);
    }
    const std::string rule = is_source ? "coverage/unlinked-source" : "coverage/unlinked-target";
    const auto severity = settings_.severity(rule);
    if (!severity) return;
    const std::string what = run.size() == 1 ? " is" : " are";
    findings_.push_back(
        {rule, *severity, at, units,
         is_source ? span + what + " not linked and no omission is recorded: link " +
                         (run.size() == 1 ? "it" : "them") + ", or add {src: [" + run.front() +
                         "], tgt: [], status: reviewed, omitted: \"why\"}"
                   : span + what + " not linked to the source: link " +
                         (run.size() == 1 ? "it" : "them") + " or record the addition with " +
                         "{src: [], tgt: [" + run.front() + "], status: reviewed}",
         first_position(run, is_source)});
  }

  // The first block link holding a unit, by id: built once, so that placing each run of unlinked
  // units costs no scan of the links.
  const Link* link_with(const std::string& id, bool is_source) {
    if (id.empty()) return nullptr;
    auto& index = is_source ? source_links_ : target_links_;
    if (index.empty()) {
      for (const LinkView& view : blocks_) {
        for (const std::string& unit : is_source ? view.link->source : view.link->target) {
          index.try_emplace(unit, view.link);
        }
      }
    }
    const auto found = index.find(id);
    return found == index.end() ? nullptr : found->second;
  }

  void check_sentence_coverage() {
    for (const LinkView& view : blocks_) {
      const Link& link = *view.link;
      if (link.sentences.empty() || !view.resolved) continue;
      std::set<std::string> linked;
      for (const Link& sentence : link.sentences) {
        linked.insert(sentence.source.begin(), sentence.source.end());
      }
      std::vector<std::string> missing;
      for (const std::string& id : link.source) {
        const auto unit = UnitRef::parse(id);
        if (!unit) continue;
        const std::vector<std::string>* sentences = source_.sentences(unit->block_id);
        if (sentences == nullptr || unit->sentence) continue;
        for (std::size_t i = 1; i <= sentences->size(); ++i) {
          const std::string sentence_id = id + ".s" + std::to_string(i);
          if (linked.count(sentence_id) == 0) missing.push_back(source_unit(sentence_id));
        }
      }
      if (missing.empty()) continue;
      const std::vector<std::string> shown = listed(missing);
      std::string list;
      for (const std::string& unit : shown) list += (list.empty() ? "" : ", ") + unit;
      std::vector<UnitPosition> place;
      if (const auto unit = UnitRef::parse(missing.front().substr(missing.front().find(':') + 1))) {
        place.push_back({missing.front(), source_.position(*unit)});
      }
      add("coverage/unlinked-sentence", link, shown,
          list + and_more(missing.size()) + (missing.size() == 1 ? " is" : " are") +
              " in no sentence link of this link",
          std::move(place));
    }
  }

  // A kind on one side of a link and not on the other (corpus/block_kinds.hpp).
  void check_kinds(const Link& link) {
    if (link.source.empty() || link.target.empty()) return;
    const auto kinds = [](const DocumentIndex& document, const std::vector<std::string>& ids) {
      std::set<BlockKind> found;
      for (const std::string& id : ids) {
        if (const Paragraph* block = document.paragraph(id)) found.insert(block->kind);
      }
      return found;
    };
    const auto mismatch = kind_mismatch(kinds(source_, link.source), kinds(target_, link.target));
    if (!mismatch) return;
    add("structure/kind-mismatch", link, units_of(link),
        describe(*mismatch) +
            ": check the link, or accept the difference (accept: [structure/kind-mismatch])",
        positions_of(link));
  }

  void check_drift(const LinkView& view) {
    const Link& link = *view.link;
    if (!view.resolved || (link.source_fingerprint.empty() && link.target_fingerprint.empty())) {
      return;
    }
    std::vector<std::string> changed;
    std::vector<UnitPosition> places;
    const auto compare = [&](const std::vector<std::string>& ids, bool is_source,
                             const std::string& recorded, const std::string& side) {
      if (recorded.empty() && !ids.empty()) return;  // unknown, not empty
      const DocumentIndex& document = is_source ? source_ : target_;
      const std::string now =
          ids.empty() ? std::string() : text_fingerprint(document.side_text(ids));
      if (now == recorded) return;
      changed.push_back(side);
      for (UnitPosition& place : first_position(ids, is_source)) places.push_back(std::move(place));
    };
    compare(link.source, true, link.source_fingerprint, "source");
    compare(link.target, false, link.target_fingerprint, "target");
    if (changed.empty()) return;
    const std::string sides =
        changed.size() == 2 ? "source and target texts" : changed[0] + " text";
    if (link.status == LinkStatus::reviewed) {
      add("drift/reviewed-text-changed", link, units_of(link),
          "the " + sides + " changed after this link was reviewed: review it again, then update " +
              "its fp: alinea review --accept does both",
          std::move(places));
    } else {
      add("drift/text-changed", link, units_of(link),
          "the " + sides + " changed after this link was made: re-run alinea align",
          std::move(places));
    }
  }

  void check_translations() {
    for (const auto* section : {&alignment_.notes, &alignment_.paragraphs}) {
      for (const Link& link : *section) {
        if (link.sentences.empty()) {
          check_translation_of(link, nullptr);
        } else {
          for (const Link& sentence : link.sentences) check_translation_of(sentence, &link);
        }
      }
    }
  }

  void check_translation_of(const Link& link, const Link* parent) {
    if (link.source.empty() || link.omitted) return;
    for (const std::string& id : link.source) {
      if (!source_.find(id)) return;
    }
    for (const std::string& id : link.target) {
      if (!target_.find(id)) return;
    }
    const LinkTexts texts{source_.side_text(link.source), target_.side_text(link.target),
                          source_lang(), target_lang()};
    Diagnostics found = check_translation(texts, settings_, where(link), units_of(link));
    const std::vector<UnitPosition> places = positions_of(link);
    for (Diagnostic& d : found) {
      d.in_documents = places;
      d.acknowledged = acceptance(d.rule, link, parent);
    }
    if (link.target.empty()) {
      for (Diagnostic& d : found) {
        if (d.rule == "qa/empty-target") {
          d.message =
              "nothing is linked to the source: link its translation, or record the gap "
              "with omitted: \"why\"";
        }
      }
    }
    findings_.insert(findings_.end(), std::make_move_iterator(found.begin()),
                     std::make_move_iterator(found.end()));
  }

  const Alignment& alignment_;
  DocumentIndex source_;
  DocumentIndex target_;
  const CheckSettings& settings_;
  std::vector<LinkView> blocks_;
  std::vector<LinkView> sentences_;
  std::unordered_map<std::string, const Link*> source_links_;
  std::unordered_map<std::string, const Link*> target_links_;
  std::unordered_map<const Link*, const Link*> parents_;  // sentence link → its block link
  Diagnostics findings_;
};

void append(Diagnostics& to, Diagnostics from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

namespace {

// A link named by units it holds: source ids joined by '+' ("p3", "p2+p3", "p3.s2"), or target
// ids after "tgt:" (as alinea review names units) or "to-" (as alinea show names rows).
struct LinkName {
  bool target = false;
  std::vector<std::string> ids;
};

LinkName parse_link_name(std::string_view text) {
  LinkName name;
  for (const std::string_view prefix : {std::string_view("tgt:"), std::string_view("to-")}) {
    if (text.substr(0, prefix.size()) == prefix) {
      name.target = true;
      text.remove_prefix(prefix.size());
    }
  }
  while (!text.empty()) {
    const std::size_t plus = std::min(text.find('+'), text.size());
    name.ids.emplace_back(text.substr(0, plus));
    text.remove_prefix(std::min(plus + 1, text.size()));
  }
  return name;
}

bool holds_all(const Link& link, const LinkName& name) {
  const std::vector<std::string>& side = name.target ? link.target : link.source;
  return !name.ids.empty() && std::all_of(name.ids.begin(), name.ids.end(), [&](const auto& id) {
    return std::find(side.begin(), side.end(), id) != side.end();
  });
}

Link* link_named(Alignment& alignment, std::string_view text) {
  const LinkName name = parse_link_name(text);
  for (auto* section : {&alignment.notes, &alignment.paragraphs}) {
    for (Link& link : *section) {
      if (holds_all(link, name)) return &link;
      for (Link& sentence : link.sentences) {
        if (holds_all(sentence, name)) return &sentence;
      }
    }
  }
  return nullptr;
}

}  // namespace

Alignment acknowledge_findings(Alignment alignment, std::string_view link_id,
                               const std::vector<std::string>& rules, const std::string& reason) {
  const SourcePosition file{alignment.path, 0, 0};
  Link* link = link_named(alignment, link_id);
  if (link == nullptr) {
    throw InputError(file, "no link holds '" + std::string(link_id) +
                               "': name a link by a unit it holds, a source id (p3, p3.s2, "
                               "p2+p3) or tgt: and a target id (tgt:p5)");
  }
  if (rules.empty()) throw InputError(file, "name the rules whose findings are accepted");
  if (reason.find_first_not_of(" \t\n") == std::string::npos) {
    throw InputError(file, "say why the findings are accepted: the reason cannot be empty");
  }
  std::vector<std::string_view> known;
  for (const RuleInfo& info : check_rules()) known.push_back(info.id);
  for (const std::string& rule : rules) {
    if (std::find(known.begin(), known.end(), rule) == known.end()) {
      throw InputError(
          file, "'" + rule + "' is not a rule of alinea check" + detail::did_you_mean(rule, known));
    }
    if (std::find(link->accepted.begin(), link->accepted.end(), rule) == link->accepted.end()) {
      link->accepted.push_back(rule);
    }
  }
  link->accept_reason = reason;
  return alignment;
}

Diagnostics check_alignment(const Alignment& alignment, const Document& source,
                            const Document& target, const CheckSettings& settings) {
  AlignmentChecker checker(alignment, source, target, settings);
  Diagnostics findings = checker.run();
  std::stable_sort(findings.begin(), findings.end());
  return findings;
}

namespace detail {

PairReading load_pair(const fs::path& root, const std::string& alignment_path,
                      const CheckSettings& settings,
                      const std::optional<ExpectedDocuments>& expected) {
  PairReading pair = read_pair(
      root, alignment_path, {max_checked_file_bytes, max_lines_per_file, max_units_per_document});
  if (!pair.alignment) return pair;
  const Alignment& alignment = *pair.alignment;
  Diagnostics& findings = pair.problems;
  if (expected && !alignment.source.path.empty() && !alignment.target.path.empty()) {
    for (const auto& [ref, listed, side] :
         {std::tuple{&alignment.source, expected->source_path, "source"},
          std::tuple{&alignment.target, expected->target_path, "target"}}) {
      if (fs::path(ref->path).lexically_normal() != fs::path(listed).lexically_normal()) {
        const auto severity = settings.severity("reference/manifest-mismatch");
        if (!severity) continue;
        findings.push_back({"reference/manifest-mismatch",
                            *severity,
                            {alignment_path, ref->line, 0},
                            {},
                            std::string("the ") + side + " document is '" + ref->path +
                                "' here but '" + listed + "' in alinea.yaml: make them agree"});
      }
    }
  }
  for (const auto& [ref, document] :
       {std::pair{&alignment.source, &pair.source}, std::pair{&alignment.target, &pair.target}}) {
    if (*document && !(*document)->lang.empty() && !ref->lang.empty() &&
        (*document)->lang != ref->lang) {
      findings.push_back({"reference/language-mismatch",
                          Severity::error,
                          {alignment_path, ref->line, 0},
                          {},
                          "'" + ref->path + "' is in '" + (*document)->lang + "', not '" +
                              ref->lang + "' as this alignment says"});
    }
  }
  for (const auto& [ref, document] :
       {std::pair{&alignment.source, &pair.source}, std::pair{&alignment.target, &pair.target}}) {
    const auto severity = settings.severity("reference/no-sentence-rules");
    if (!*document || !severity) continue;
    if (const auto language = read_language((*document)->lang).language) {
      if (auto warning = segmentation_warning(*language)) {
        findings.push_back({"reference/no-sentence-rules",
                            *severity,
                            {alignment_path, ref->line, 0},
                            {},
                            "'" + ref->path + "': " + std::move(*warning)});
      }
    }
  }
  return pair;
}

}  // namespace detail

NamesReadResult parse_names(std::string_view text, const std::string& file) {
  NamesReadResult result;
  const Value top = parse_yaml(text, file);
  const auto report = [&](const Value& at, std::string message) {
    result.diagnostics.push_back(
        {"schema/bad-value", Severity::error, {file, at.line, at.column}, {}, std::move(message)});
  };
  if (top.is_null()) return result;
  const Value* names = top.is_mapping() ? top.find("names") : nullptr;
  if (names == nullptr || !names->is_sequence()) {
    report(top,
           "names.yaml holds names: a list of the spellings of each name, e.g. "
           "names: [[Guépéou, GPU]]");
    return result;
  }
  for (const auto& [key, value] : top.members) {
    if (key != "names") report(value, "unknown key '" + key + "' in names.yaml: only names:");
  }
  for (const Value& group : names->items) {
    std::vector<std::string> spellings;
    if (group.is_sequence()) {
      for (const Value& spelling : group.items) {
        if (spelling.is_scalar() && !spelling.text.empty()) spellings.push_back(spelling.text);
      }
    }
    if (!group.is_sequence() || spellings.size() < 2 || spellings.size() != group.items.size()) {
      report(group, "each entry of names: is a list of two spellings or more of one name");
      continue;
    }
    result.names.push_back(std::move(spellings));
  }
  return result;
}

namespace {

// The glossary of names.yaml beside the documents (each document's folder, once), if there is
// one; what is wrong with it comes back as findings.
NamesReadResult load_names(const fs::path& root, const PairReading& pair) {
  NamesReadResult all;
  std::set<std::string> folders;
  for (const std::string* document : {&pair.source_name, &pair.target_name}) {
    const std::string folder = fs::path(*document).parent_path().generic_string();
    if (!folders.insert(folder).second) continue;
    const std::string path = folder.empty() ? "names.yaml" : folder + "/names.yaml";
    const auto resolved = resolve_in_repository(root, path);
    std::error_code error;
    if (!resolved || !fs::is_regular_file(*resolved, error)) continue;
    try {
      NamesReadResult read = parse_names(read_text_file(*resolved, max_checked_file_bytes), path);
      all.names.insert(all.names.end(), read.names.begin(), read.names.end());
      append(all.diagnostics, std::move(read.diagnostics));
    } catch (const InputError& failure) {
      all.diagnostics.push_back(
          {"yaml/syntax", Severity::error, failure.where(), {}, failure.message()});
    } catch (const FileError& failure) {
      all.diagnostics.push_back({"file/unreadable",
                                 Severity::error,
                                 {path, 0, 0},
                                 {},
                                 file_problem(failure, *resolved, path)});
    }
  }
  return all;
}

}  // namespace

Diagnostics check_alignment_file(const fs::path& root, const std::string& alignment_path,
                                 const CheckSettings& settings,
                                 const std::optional<ExpectedDocuments>& expected) {
  PairReading pair = detail::load_pair(root, alignment_path, settings, expected);
  Diagnostics findings = std::move(pair.problems);
  if (pair.alignment && pair.source && pair.target) {
    NamesReadResult names = load_names(root, pair);
    append(findings, std::move(names.diagnostics));
    CheckSettings with_names = settings;
    with_names.names.insert(with_names.names.end(), names.names.begin(), names.names.end());
    append(findings, check_alignment(*pair.alignment, *pair.source, *pair.target, with_names));
  }
  std::stable_sort(findings.begin(), findings.end());
  return findings;
}

Diagnostics check_files(const fs::path& root, const std::vector<CheckTask>& tasks, unsigned jobs) {
  std::vector<Diagnostics> results(tasks.size());
  std::vector<std::exception_ptr> failures(tasks.size());
  detail::run_in_parallel(tasks.size(), jobs, [&](std::size_t i) {
    try {
      results[i] =
          check_alignment_file(root, tasks[i].alignment_path, tasks[i].settings, tasks[i].expected);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  Diagnostics findings;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (failures[i]) std::rethrow_exception(failures[i]);
    append(findings, std::move(results[i]));
  }
  std::stable_sort(findings.begin(), findings.end());
  return findings;
}

Diagnostics check_repository(const ManifestReadResult& manifest, unsigned jobs) {
  Diagnostics findings = manifest.diagnostics;
  const std::string& manifest_path = manifest.manifest.path;
  SettingsReadResult base = apply_settings({}, manifest.manifest.settings, manifest_path);
  append(findings, std::move(base.diagnostics));
  std::vector<CheckTask> tasks;
  for (const ManifestWork& work : manifest.manifest.works) {
    SettingsReadResult settings = apply_settings(base.settings, work.settings, manifest_path);
    append(findings, std::move(settings.diagnostics));
    for (const ManifestAlignment& entry : work.alignments) {
      const ManifestDocument* source = work.document(entry.source_lang);
      const ManifestDocument* target = work.document(entry.target_lang);
      std::optional<ExpectedDocuments> expected;
      if (source != nullptr && target != nullptr) {
        expected = ExpectedDocuments{source->file, target->file};
      }
      tasks.push_back({entry.file, settings.settings, expected});
    }
  }
  append(findings, check_files(manifest.manifest.root, tasks, jobs));
  std::stable_sort(findings.begin(), findings.end());
  return findings;
}

Diagnostics check_named_files(const fs::path& root, const std::vector<std::string>& files,
                              const std::optional<ManifestReadResult>& manifest, unsigned jobs) {
  Diagnostics settings_findings;
  std::vector<CheckTask> tasks;
  for (const std::string& file : files) {
    CheckTask task{file, {}, std::nullopt};
    if (manifest) {
      const Manifest& listed = manifest->manifest;
      SettingsReadResult base = apply_settings({}, listed.settings, listed.path);
      append(settings_findings, std::move(base.diagnostics));
      task.settings = base.settings;
      for (const ManifestWork& work : listed.works) {
        for (const ManifestAlignment& entry : work.alignments) {
          if (fs::path(entry.file).lexically_normal() != fs::path(file).lexically_normal()) {
            continue;
          }
          SettingsReadResult own = apply_settings(base.settings, work.settings, listed.path);
          append(settings_findings, std::move(own.diagnostics));
          task.settings = own.settings;
          const ManifestDocument* source = work.document(entry.source_lang);
          const ManifestDocument* target = work.document(entry.target_lang);
          if (source != nullptr && target != nullptr) {
            task.expected = ExpectedDocuments{source->file, target->file};
          }
        }
      }
    }
    tasks.push_back(std::move(task));
  }
  Diagnostics findings = check_files(root, tasks, jobs);
  // The settings are read once per file: each of their findings is told once.
  std::sort(settings_findings.begin(), settings_findings.end());
  settings_findings.erase(
      std::unique(settings_findings.begin(), settings_findings.end(),
                  [](const Diagnostic& a, const Diagnostic& b) { return !(a < b) && !(b < a); }),
      settings_findings.end());
  append(findings, std::move(settings_findings));
  std::stable_sort(findings.begin(), findings.end());
  return findings;
}

}  // namespace alinea
