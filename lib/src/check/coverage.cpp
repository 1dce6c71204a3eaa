#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>
#include <vector>

#include "alinea/check.hpp"
#include "check/check_internal.hpp"
#include "text/markup.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

constexpr std::size_t excerpt_length = 60;

std::string excerpt_of(std::string_view markdown) {
  const std::string plain = plain_text(markdown);
  std::string out;
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < plain.size();) {
    const std::size_t begin = pos;
    (void)next_code_point(plain, pos);
    if (++count > excerpt_length) {
      out += "…";
      break;
    }
    out.append(plain, begin, pos - begin);
  }
  return out;
}

struct Block {
  std::string id;
  const std::string* text = nullptr;
  const std::vector<std::string>* sentences = nullptr;
  std::size_t line = 0;
  BlockKind kind = BlockKind::paragraph;
};

std::vector<Block> blocks_of(const Document& document, bool notes) {
  std::vector<Block> blocks;
  if (notes) {
    for (const Note& n : document.notes) blocks.push_back({n.id, &n.text, &n.sentences, n.line});
  } else {
    for (const Paragraph& p : document.paragraphs) {
      blocks.push_back({p.id, &p.text, &p.sentences, p.line, p.kind});
    }
  }
  return blocks;
}

void add_gaps(PairCoverage& coverage, const Document& document, const std::string& side,
              const std::vector<Block>& blocks, const std::set<std::string>& accounted) {
  std::vector<const Block*> run;
  const auto flush = [&] {
    if (run.empty()) return;
    CoverageGap gap;
    gap.file = document.path;
    gap.side = side;
    for (const Block* block : run) gap.units.push_back(document.lang + ":" + block->id);
    gap.line = run.front()->line;
    gap.excerpt = excerpt_of(*run.front()->text);
    coverage.gaps.push_back(std::move(gap));
    run.clear();
  };
  for (const Block& block : blocks) {
    if (accounted.count(block.id) == 0) {
      run.push_back(&block);
    } else {
      flush();
    }
  }
  flush();
}

// "n/a" when there was nothing to measure (no notes, a file that could not be read): a share of
// nothing is not full coverage.
std::string percent(const CoverageCount& count) {
  if (count.total == 0) return "n/a";
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.1f%%", count.share() * 100.0);
  return buffer.data();
}

std::string fraction(const CoverageCount& count) {
  return std::to_string(count.linked) + "/" + std::to_string(count.total);
}

std::string title_of(const PairCoverage& pair) {
  if (pair.alignment.empty()) return "corpus";
  return pair.alignment + " (" + pair.source_lang + " → " + pair.target_lang + ")";
}

std::string gap_text(const CoverageGap& gap) {
  const std::string span =
      gap.units.size() == 1 ? gap.units.front() : gap.units.front() + " to " + gap.units.back();
  return gap.side + " " + span + " (" + gap.file + ":" + std::to_string(gap.line) + ") \"" +
         gap.excerpt + "\"";
}

// Coverage by kind is shown only for a text with more than plain paragraphs: most have nothing
// else, and a row that repeats the paragraphs' would only be noise.
bool has_structure(const PairCoverage& pair) {
  return std::any_of(pair.paragraph_kinds.begin(), pair.paragraph_kinds.end(),
                     [](const auto& entry) { return entry.first != BlockKind::paragraph; });
}

// The kinds of paragraph the corpus has, in the order of BlockKind: the columns of the by-kind
// table.
std::vector<BlockKind> kinds_of(const CorpusCoverage& coverage) {
  std::vector<BlockKind> kinds;
  for (const auto& entry : coverage.total.paragraph_kinds) kinds.push_back(entry.first);
  return kinds;
}

// A pair's row of that table: its coverage of each kind, "—" where it has none of that kind.
std::vector<std::string> kind_cells(const PairCoverage& pair, const std::vector<BlockKind>& kinds) {
  std::vector<std::string> cells;
  for (const BlockKind kind : kinds) {
    const auto found = pair.paragraph_kinds.find(kind);
    cells.push_back(found == pair.paragraph_kinds.end()
                        ? "—"
                        : percent(found->second) + " (" + fraction(found->second) + ")");
  }
  return cells;
}

std::string format_text(const CorpusCoverage& coverage) {
  std::string out;
  const auto section = [&](const PairCoverage& pair, bool with_gaps) {
    out += sanitise_for_display(title_of(pair), LineBreaks::escaped) + "\n";
    const auto row = [&](const char* name, const CoverageCount& count) {
      std::array<char, 128> line{};
      std::snprintf(line.data(), line.size(), "  %-11s %15s %7s\n", name, fraction(count).c_str(),
                    percent(count).c_str());
      out += line.data();
    };
    row("paragraphs", pair.paragraphs);
    if (has_structure(pair)) {
      for (const auto& [kind, count] : pair.paragraph_kinds) {
        row(("  " + std::string(block_kind_name(kind))).c_str(), count);
      }
    }
    row("notes", pair.notes);
    row("sentences", pair.sentences);
    row("characters", pair.characters);
    out += "  " + std::to_string(pair.links) + " links, " + std::to_string(pair.reviewed_links) +
           " reviewed, " + std::to_string(pair.omitted) + " omissions recorded";
    if (pair.acknowledged > 0) {
      out += ", " + std::to_string(pair.acknowledged) + " findings acknowledged";
    }
    out += "\n";
    if (with_gaps && !pair.gaps.empty()) {
      out += "  gaps:\n";
      for (const CoverageGap& gap : pair.gaps) {
        out += "    " + sanitise_for_display(gap_text(gap), LineBreaks::escaped) + "\n";
      }
    }
  };
  for (const PairCoverage& pair : coverage.pairs) {
    section(pair, true);
    out += "\n";
  }
  section(coverage.total, false);
  return out;
}

nlohmann::ordered_json count_json(const CoverageCount& count) {
  return {{"linked", count.linked}, {"total", count.total}, {"share", count.share()}};
}

nlohmann::ordered_json pair_json(const PairCoverage& pair) {
  nlohmann::ordered_json out;
  if (!pair.alignment.empty()) {
    out["alignment"] = pair.alignment;
    out["source"] = {{"path", pair.source_path}, {"lang", pair.source_lang}};
    out["target"] = {{"path", pair.target_path}, {"lang", pair.target_lang}};
  }
  out["paragraphs"] = count_json(pair.paragraphs);
  nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
  for (const auto& [kind, count] : pair.paragraph_kinds) {
    kinds[std::string(block_kind_name(kind))] = count_json(count);
  }
  out["paragraph_kinds"] = std::move(kinds);
  out["notes"] = count_json(pair.notes);
  out["sentences"] = count_json(pair.sentences);
  out["characters"] = count_json(pair.characters);
  out["omitted"] = pair.omitted;
  out["links"] = pair.links;
  out["reviewed_links"] = pair.reviewed_links;
  out["acknowledged"] = pair.acknowledged;
  if (!pair.alignment.empty()) {
    nlohmann::ordered_json gaps = nlohmann::ordered_json::array();
    for (const CoverageGap& gap : pair.gaps) {
      gaps.push_back({{"side", gap.side},
                      {"file", gap.file},
                      {"line", gap.line},
                      {"units", gap.units},
                      {"excerpt", gap.excerpt}});
    }
    out["gaps"] = std::move(gaps);
  }
  return out;
}

std::string format_json(const CorpusCoverage& coverage) {
  nlohmann::ordered_json out;
  nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
  for (const PairCoverage& pair : coverage.pairs) pairs.push_back(pair_json(pair));
  out["pairs"] = std::move(pairs);
  out["total"] = pair_json(coverage.total);
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const Diagnostic& d : coverage.problems) {
    problems.push_back({{"rule", d.rule},
                        {"severity", to_string(d.severity)},
                        {"where", d.where.to_string()},
                        {"message", d.message}});
  }
  out["problems"] = std::move(problems);
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string format_markdown(const CorpusCoverage& coverage) {
  std::string out =
      "| alignment | paragraphs | notes | sentences | characters | links | reviewed |\n"
      "|---|---:|---:|---:|---:|---:|---:|\n";
  const auto row = [&](const PairCoverage& pair) {
    out += "| " + escape_markdown_cell(title_of(pair)) + " | " + percent(pair.paragraphs) + " (" +
           fraction(pair.paragraphs) + ") | " + percent(pair.notes) + " (" + fraction(pair.notes) +
           ") | " + percent(pair.sentences) + " (" + fraction(pair.sentences) + ") | " +
           percent(pair.characters) + " | " + std::to_string(pair.links) + " | " +
           std::to_string(pair.reviewed_links) + " |\n";
  };
  for (const PairCoverage& pair : coverage.pairs) row(pair);
  row(coverage.total);
  if (has_structure(coverage.total)) {
    const std::vector<BlockKind> kinds = kinds_of(coverage);
    out += "\n## Paragraphs by kind\n\n| alignment |";
    for (const BlockKind kind : kinds) out += " " + std::string(block_kind_name(kind)) + " |";
    out += "\n|---|";
    for (std::size_t i = 0; i < kinds.size(); ++i) out += "---:|";
    out += "\n";
    const auto kind_row = [&](const PairCoverage& pair) {
      out += "| " + escape_markdown_cell(title_of(pair)) + " |";
      for (const std::string& cell : kind_cells(pair, kinds)) out += " " + cell + " |";
      out += "\n";
    };
    for (const PairCoverage& pair : coverage.pairs) {
      if (has_structure(pair)) kind_row(pair);
    }
    kind_row(coverage.total);
  }
  bool any_gap = false;
  for (const PairCoverage& pair : coverage.pairs) {
    if (pair.gaps.empty()) continue;
    if (!any_gap) out += "\n## Gaps\n";
    any_gap = true;
    out += "\n### " + escape_markdown_cell(title_of(pair)) + "\n\n";
    for (const CoverageGap& gap : pair.gaps)
      out += "- " + escape_markdown_cell(gap_text(gap)) + "\n";
  }
  return out;
}

std::string format_html(const CorpusCoverage& coverage) {
  std::string out =
      "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" +
      std::string(content_security_policy_meta) +
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<title>alinea coverage</title>\n"
      "<style>table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
      "td.n{text-align:right}</style>\n</head>\n<body>\n<h1>alinea coverage</h1>\n<table>\n"
      "<tr><th>alignment</th><th>paragraphs</th><th>notes</th><th>sentences</th>"
      "<th>characters</th><th>links</th><th>reviewed</th></tr>\n";
  const auto cell = [](const std::string& text) {
    return "<td class=\"n\">" + escape_html(text) + "</td>";
  };
  const auto row = [&](const PairCoverage& pair) {
    out += "<tr><td>" + escape_html(title_of(pair)) + "</td>" +
           cell(percent(pair.paragraphs) + " (" + fraction(pair.paragraphs) + ")") +
           cell(percent(pair.notes) + " (" + fraction(pair.notes) + ")") +
           cell(percent(pair.sentences) + " (" + fraction(pair.sentences) + ")") +
           cell(percent(pair.characters)) + cell(std::to_string(pair.links)) +
           cell(std::to_string(pair.reviewed_links)) + "</tr>\n";
  };
  for (const PairCoverage& pair : coverage.pairs) row(pair);
  row(coverage.total);
  out += "</table>\n";
  if (has_structure(coverage.total)) {
    const std::vector<BlockKind> kinds = kinds_of(coverage);
    out += "<h2>Paragraphs by kind</h2>\n<table>\n<tr><th>alignment</th>";
    for (const BlockKind kind : kinds) out += "<th>" + std::string(block_kind_name(kind)) + "</th>";
    out += "</tr>\n";
    const auto kind_row = [&](const PairCoverage& pair) {
      out += "<tr><td>" + escape_html(title_of(pair)) + "</td>";
      for (const std::string& text : kind_cells(pair, kinds)) out += cell(text);
      out += "</tr>\n";
    };
    for (const PairCoverage& pair : coverage.pairs) {
      if (has_structure(pair)) kind_row(pair);
    }
    kind_row(coverage.total);
    out += "</table>\n";
  }
  for (const PairCoverage& pair : coverage.pairs) {
    if (pair.gaps.empty()) continue;
    out += "<h2>Gaps in " + escape_html(title_of(pair)) + "</h2>\n<ul>\n";
    for (const CoverageGap& gap : pair.gaps) out += "<li>" + escape_html(gap_text(gap)) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace

double CoverageCount::share() const noexcept {
  return total == 0 ? 1.0 : static_cast<double>(linked) / static_cast<double>(total);
}

CoverageCount& CoverageCount::operator+=(const CoverageCount& other) noexcept {
  linked += other.linked;
  total += other.total;
  return *this;
}

PairCoverage& PairCoverage::operator+=(const PairCoverage& other) {
  paragraphs += other.paragraphs;
  for (const auto& [kind, count] : other.paragraph_kinds) paragraph_kinds[kind] += count;
  notes += other.notes;
  sentences += other.sentences;
  characters += other.characters;
  omitted += other.omitted;
  links += other.links;
  reviewed_links += other.reviewed_links;
  acknowledged += other.acknowledged;
  return *this;
}

PairCoverage measure_coverage(const Alignment& alignment, const Document& source,
                              const Document& target) {
  PairCoverage coverage;
  coverage.alignment = alignment.path;
  coverage.source_path = alignment.source.path;
  coverage.target_path = alignment.target.path;
  coverage.source_lang = source.lang.empty() ? alignment.source.lang : source.lang;
  coverage.target_lang = target.lang.empty() ? alignment.target.lang : target.lang;

  std::set<std::string> linked_source;   // to something on the other side
  std::set<std::string> omitted_source;  // with a recorded reason
  std::set<std::string> linked_target;
  std::set<std::string> linked_sentences;
  std::set<std::string> omitted_sentences;  // with a recorded reason
  for (const auto* section : {&alignment.notes, &alignment.paragraphs}) {
    for (const Link& link : *section) {
      ++coverage.links;
      if (link.status == LinkStatus::reviewed) ++coverage.reviewed_links;
      coverage.acknowledged += link.accepted.size();
      if (!link.target.empty()) linked_source.insert(link.source.begin(), link.source.end());
      if (link.target.empty() && link.omitted) {
        omitted_source.insert(link.source.begin(), link.source.end());
      }
      linked_target.insert(link.target.begin(), link.target.end());
      for (const Link& sentence : link.sentences) {
        ++coverage.links;
        if (sentence.status == LinkStatus::reviewed) ++coverage.reviewed_links;
        coverage.acknowledged += sentence.accepted.size();
        if (!sentence.target.empty()) {
          linked_sentences.insert(sentence.source.begin(), sentence.source.end());
        } else if (sentence.omitted) {
          omitted_sentences.insert(sentence.source.begin(), sentence.source.end());
        }
      }
    }
  }

  for (const bool notes : {false, true}) {
    CoverageCount& count = notes ? coverage.notes : coverage.paragraphs;
    for (const Block& block : blocks_of(source, notes)) {
      const bool linked = linked_source.count(block.id) != 0;
      ++count.total;
      if (!notes) coverage.paragraph_kinds[block.kind] += CoverageCount{linked ? 1U : 0U, 1};
      const std::size_t characters = count_code_points(plain_text(*block.text));
      coverage.characters.total += characters;
      if (linked) {
        ++count.linked;
        coverage.characters.linked += characters;
      } else if (omitted_source.count(block.id) != 0) {
        ++coverage.omitted;
      }
      const bool block_omitted = !linked && omitted_source.count(block.id) != 0;
      for (std::size_t i = 1; i <= block.sentences->size(); ++i) {
        ++coverage.sentences.total;
        const std::string id = block.id + ".s" + std::to_string(i);
        if (linked_sentences.count(id) != 0) {
          ++coverage.sentences.linked;
        } else if (!block_omitted && omitted_sentences.count(id) != 0) {
          ++coverage.omitted;  // a sentence left out on purpose inside a translated paragraph
        }
      }
    }
  }

  std::set<std::string> accounted = linked_source;
  accounted.insert(omitted_source.begin(), omitted_source.end());
  for (const bool notes : {false, true}) {
    add_gaps(coverage, source, "source", blocks_of(source, notes), accounted);
  }
  for (const bool notes : {false, true}) {
    add_gaps(coverage, target, "target", blocks_of(target, notes), linked_target);
  }
  return coverage;
}

namespace {

CorpusCoverage with_total(CorpusCoverage coverage) {
  for (const PairCoverage& pair : coverage.pairs) coverage.total += pair;
  std::stable_sort(coverage.problems.begin(), coverage.problems.end());
  return coverage;
}

void measure_one(CorpusCoverage& coverage, const std::filesystem::path& root,
                 const std::string& path, const std::optional<ExpectedDocuments>& expected) {
  PairReading pair = detail::load_pair(root, path, CheckSettings{}, expected);
  if (pair.alignment && pair.source && pair.target) {
    // Schema findings do not stop measuring; `alinea check` reports them.
    coverage.pairs.push_back(measure_coverage(*pair.alignment, *pair.source, *pair.target));
    return;
  }
  for (Diagnostic& d : pair.problems) {
    if (d.severity == Severity::error) coverage.problems.push_back(std::move(d));
  }
}

}  // namespace

CorpusCoverage measure_files(const std::filesystem::path& root,
                             const std::vector<std::string>& alignment_paths) {
  CorpusCoverage coverage;
  for (const std::string& path : alignment_paths) measure_one(coverage, root, path, std::nullopt);
  return with_total(std::move(coverage));
}

CorpusCoverage measure_repository(const ManifestReadResult& manifest) {
  CorpusCoverage coverage;
  coverage.problems = manifest.diagnostics;
  for (const ManifestWork& work : manifest.manifest.works) {
    for (const ManifestAlignment& entry : work.alignments) {
      measure_one(coverage, manifest.manifest.root, entry.file, std::nullopt);
    }
  }
  return with_total(std::move(coverage));
}

std::optional<CoverageFormat> parse_coverage_format(std::string_view name) {
  if (name == "text") return CoverageFormat::text;
  if (name == "json") return CoverageFormat::json;
  if (name == "markdown") return CoverageFormat::markdown;
  if (name == "html") return CoverageFormat::html;
  return std::nullopt;
}

std::string format_coverage(const CorpusCoverage& coverage, CoverageFormat format) {
  switch (format) {
    case CoverageFormat::text:
      return format_text(coverage);
    case CoverageFormat::json:
      return format_json(coverage);
    case CoverageFormat::markdown:
      return format_markdown(coverage);
    case CoverageFormat::html:
      return format_html(coverage);
  }
  return format_text(coverage);
}

}  // namespace alinea
