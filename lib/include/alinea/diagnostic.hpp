// Validation findings: values, not exceptions. A checker returns a list of them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "alinea/error.hpp"

namespace alinea {

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

}  // namespace alinea
