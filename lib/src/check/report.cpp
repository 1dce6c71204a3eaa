#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "alinea/check.hpp"
#include "text/markup.hpp"

namespace alinea {
namespace {

Diagnostics sorted(Diagnostics diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end());
  return diagnostics;
}

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t acknowledged = 0;
};

Counts count(const Diagnostics& diagnostics) {
  Counts counts;
  for (const Diagnostic& d : diagnostics) {
    if (d.acknowledged) {
      ++counts.acknowledged;
      continue;
    }
    switch (d.severity) {
      case Severity::error:
        ++counts.errors;
        break;
      case Severity::warning:
        ++counts.warnings;
        break;
      case Severity::note:
        ++counts.notes;
        break;
    }
  }
  return counts;
}

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// A path, id or message from the input on one line of a text report.
std::string shown(std::string_view text) {
  return sanitise_for_display(text, LineBreaks::escaped);
}

std::string units_text(const std::vector<std::string>& units) {
  std::string text;
  for (const std::string& unit : units) text += (text.empty() ? "" : ", ") + unit;
  return text;
}

// GitHub workflow commands: the text sanitised (no control sequence reaches the log), then '%',
// CR and LF escaped in the message; ':' and ',' as well in property values, where they would end
// the value.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : sanitise_for_display(text, LineBreaks::kept)) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view rule_summary(std::string_view rule) {
  for (const RuleInfo& info : check_rules()) {
    if (info.id == rule) return info.summary;
  }
  return rule;
}

nlohmann::ordered_json units_json(const std::vector<std::string>& units) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const std::string& unit : units) list.push_back(unit);
  return list;
}

// Where a finding is shown first: the document line its text stands on when it is about a
// document's text, else its place in the alignment file.
const SourcePosition& primary(const Diagnostic& d) {
  return d.in_documents.empty() ? d.where : d.in_documents.front().where;
}

// The other places of a finding, for formats that show one place and mention the rest: the
// alignment file's line, then the other documents'.
std::string other_places(const Diagnostic& d) {
  if (d.in_documents.empty()) return "";
  std::string text = "link at " + d.where.to_string();
  for (std::size_t i = 1; i < d.in_documents.size(); ++i) {
    text += "; " + d.in_documents[i].unit + " at " + d.in_documents[i].where.to_string();
  }
  return text;
}

nlohmann::ordered_json sarif_physical(const SourcePosition& where) {
  nlohmann::ordered_json physical;
  physical["artifactLocation"] = {{"uri", percent_encode_path(where.file)}};
  if (where.line > 0) {
    nlohmann::ordered_json region;
    region["startLine"] = where.line;
    if (where.column > 0) region["startColumn"] = where.column;
    physical["region"] = std::move(region);
  }
  return physical;
}

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "text") return ReportFormat::text;
  if (name == "json") return ReportFormat::json;
  if (name == "github") return ReportFormat::github;
  if (name == "sarif") return ReportFormat::sarif;
  return std::nullopt;
}

std::string format_text_report(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : sorted(diagnostics)) {
    if (d.acknowledged) continue;
    out += shown(d.where.to_string()) + ": " + to_string(d.severity) + ": " + shown(d.message);
    if (!d.units.empty()) out += " (" + shown(units_text(d.units)) + ")";
    out += " [" + shown(d.rule) + "]\n";
    for (const UnitPosition& place : d.in_documents) {
      out += "  " + shown(place.where.to_string()) + ": " + shown(place.unit) + " is here\n";
    }
  }
  const Counts counts = count(diagnostics);
  out += plural(counts.errors, "error") + ", " + plural(counts.warnings, "warning") + ", " +
         plural(counts.notes, "note");
  // Only when there are some: a corpus that acknowledges nothing reads as before.
  if (counts.acknowledged > 0) out += " (" + std::to_string(counts.acknowledged) + " acknowledged)";
  out += "\n";
  return out;
}

std::string format_json_report(const Diagnostics& diagnostics) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  nlohmann::ordered_json acknowledged = nlohmann::ordered_json::array();
  for (const Diagnostic& d : sorted(diagnostics)) {
    nlohmann::ordered_json finding;
    finding["rule"] = d.rule;
    finding["severity"] = to_string(d.severity);
    finding["file"] = d.where.file;
    finding["line"] = d.where.line;
    finding["column"] = d.where.column;
    finding["units"] = units_json(d.units);
    finding["message"] = d.message;
    if (!d.in_documents.empty()) {
      nlohmann::ordered_json places = nlohmann::ordered_json::array();
      for (const UnitPosition& place : d.in_documents) {
        places.push_back({{"unit", place.unit},
                          {"file", place.where.file},
                          {"line", place.where.line},
                          {"column", place.where.column}});
      }
      finding["documents"] = std::move(places);
    }
    if (d.acknowledged) {
      finding["reason"] = *d.acknowledged;
      acknowledged.push_back(std::move(finding));
    } else {
      findings.push_back(std::move(finding));
    }
  }
  const Counts counts = count(diagnostics);
  nlohmann::ordered_json report;
  report["findings"] = std::move(findings);
  report["acknowledged"] = std::move(acknowledged);
  report["summary"] = {{"errors", counts.errors},
                       {"warnings", counts.warnings},
                       {"notes", counts.notes},
                       {"acknowledged", counts.acknowledged}};
  return report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string format_github_report(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : sorted(diagnostics)) {
    if (d.acknowledged) continue;  // a person accepted it: nothing to annotate
    out += "::";
    out += d.severity == Severity::note ? "notice" : to_string(d.severity);
    const SourcePosition& at = primary(d);
    out += " file=" + github_escape(at.file, true);
    if (at.line > 0) out += ",line=" + std::to_string(at.line);
    if (at.column > 0) out += ",col=" + std::to_string(at.column);
    out += ",title=" + github_escape(d.rule, true);
    std::string message = d.message;
    if (!d.units.empty()) message += " (" + units_text(d.units) + ")";
    if (!d.in_documents.empty()) message += " [" + other_places(d) + "]";
    out += "::" + github_escape(message, false) + "\n";
  }
  return out;
}

std::string format_sarif_report(const Diagnostics& diagnostics) {
  const Diagnostics findings = sorted(diagnostics);
  std::map<std::string, std::size_t> rule_index;
  for (const Diagnostic& d : findings) rule_index.emplace(d.rule, 0);
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  std::size_t next = 0;
  for (auto& [rule, index] : rule_index) {
    index = next++;
    nlohmann::ordered_json entry;
    entry["id"] = rule;
    entry["shortDescription"] = {{"text", std::string(rule_summary(rule))}};
    rules.push_back(std::move(entry));
  }
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const Diagnostic& d : findings) {
    nlohmann::ordered_json result;
    result["ruleId"] = d.rule;
    result["ruleIndex"] = rule_index[d.rule];
    result["level"] = to_string(d.severity);
    result["message"] = {{"text", d.message}};
    result["locations"] =
        nlohmann::ordered_json::array({{{"physicalLocation", sarif_physical(primary(d))}}});
    if (!d.in_documents.empty()) {
      // The alignment file's line, then the other documents' places.
      nlohmann::ordered_json related = nlohmann::ordered_json::array();
      related.push_back({{"id", 0},
                         {"physicalLocation", sarif_physical(d.where)},
                         {"message", {{"text", "the link in the alignment file"}}}});
      for (std::size_t i = 1; i < d.in_documents.size(); ++i) {
        related.push_back({{"id", i},
                           {"physicalLocation", sarif_physical(d.in_documents[i].where)},
                           {"message", {{"text", d.in_documents[i].unit}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    if (!d.units.empty()) result["properties"] = {{"units", units_json(d.units)}};
    if (d.acknowledged) {
      result["suppressions"] = nlohmann::ordered_json::array(
          {{{"kind", "inSource"}, {"justification", *d.acknowledged}}});
    }
    results.push_back(std::move(result));
  }
  nlohmann::ordered_json driver;
  driver["name"] = "alinea";
  driver["rules"] = std::move(rules);
  nlohmann::ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["results"] = std::move(results);
  nlohmann::ordered_json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = nlohmann::ordered_json::array({std::move(run)});
  return log.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string format_report(const Diagnostics& diagnostics, ReportFormat format) {
  switch (format) {
    case ReportFormat::text:
      return format_text_report(diagnostics);
    case ReportFormat::json:
      return format_json_report(diagnostics);
    case ReportFormat::github:
      return format_github_report(diagnostics);
    case ReportFormat::sarif:
      return format_sarif_report(diagnostics);
  }
  return format_text_report(diagnostics);
}

}  // namespace alinea
