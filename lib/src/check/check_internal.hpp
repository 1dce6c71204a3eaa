// Shared by the check modules: collecting findings under the configured severities.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/check.hpp"

namespace alinea::detail {

// Builds findings for one place; drops those whose rule the settings turn off.
class FindingSink {
 public:
  FindingSink(const CheckSettings& settings, SourcePosition where, std::vector<std::string> units)
      : settings_(settings), where_(std::move(where)), units_(std::move(units)) {}

  void add(const std::string& rule, std::string message) {
    const auto severity = settings_.severity(rule);
    if (!severity) return;
    findings_.push_back({rule, *severity, where_, units_, std::move(message)});
  }
  [[nodiscard]] Diagnostics take() { return std::move(findings_); }

 private:
  const CheckSettings& settings_;
  SourcePosition where_;
  std::vector<std::string> units_;
  Diagnostics findings_;
};

// An alignment file and its two documents read for checking or measuring, within check's budget
// (docs/SECURITY.md), with the findings about the pair as a whole: documents other than the
// manifest lists, documents in another language than the alignment says.
[[nodiscard]] PairReading load_pair(const std::filesystem::path& root,
                                    const std::string& alignment_path,
                                    const CheckSettings& settings,
                                    const std::optional<ExpectedDocuments>& expected);

// "1.25", "0.5": short, locale-independent.
[[nodiscard]] std::string format_ratio(double value);

}  // namespace alinea::detail
