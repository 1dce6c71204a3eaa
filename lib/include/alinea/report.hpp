// Findings as text for people and machines: GNU-style lines, JSON, GitHub workflow commands and
// SARIF 2.1.0. Every format lists the findings sorted, so that CI logs diff cleanly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "alinea/diagnostic.hpp"

namespace alinea {

enum class ReportFormat { text, json, github, sarif };

// "text", "json", "github", "sarif"; std::nullopt for anything else.
[[nodiscard]] std::optional<ReportFormat> parse_report_format(std::string_view name);

// `file:line:col: severity: message [rule] (units)` per line, then a summary line.
[[nodiscard]] std::string format_text_report(const Diagnostics& diagnostics);
[[nodiscard]] std::string format_json_report(const Diagnostics& diagnostics);
// `::error file=…,line=…,col=…,title=rule::message`, one per line, escaped as GitHub requires.
[[nodiscard]] std::string format_github_report(const Diagnostics& diagnostics);
// A SARIF 2.1.0 log with one run and one result per finding.
[[nodiscard]] std::string format_sarif_report(const Diagnostics& diagnostics);

[[nodiscard]] std::string format_report(const Diagnostics& diagnostics, ReportFormat format);

}  // namespace alinea
