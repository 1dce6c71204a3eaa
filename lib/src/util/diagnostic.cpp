#include <algorithm>
#include <tuple>

#include "alinea/base.hpp"

namespace alinea {

const char* to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

bool operator<(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.where.file, a.where.line, a.where.column, a.rule, a.message) <
         std::tie(b.where.file, b.where.line, b.where.column, b.rule, b.message);
}

bool has_errors(const Diagnostics& diagnostics) noexcept {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error && !d.acknowledged;
  });
}

}  // namespace alinea
