// Validation findings: values, not exceptions. A checker returns a list of them.
#pragma once

#include <string>
#include <vector>

#include "alinea/error.hpp"

namespace alinea {

enum class Severity { note, warning, error };

[[nodiscard]] const char* to_string(Severity severity) noexcept;

struct Diagnostic {
  std::string rule;  // stable id, e.g. "structure/duplicate-link", "qa/number-mismatch"
  Severity severity = Severity::error;
  SourcePosition where;            // file:line:col in the alignment file (or a document)
  std::vector<std::string> units;  // ids involved: "fr:p3", "es:p3.s2"
  std::string message;             // what is wrong and what to do about it

  // Sorting key: file, line, column, rule, message — so that output is stable.
  friend bool operator<(const Diagnostic& a, const Diagnostic& b);
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] bool has_errors(const Diagnostics& diagnostics) noexcept;

}  // namespace alinea
