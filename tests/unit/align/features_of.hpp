// The features of each text, for the tests of the scorer and of the guide.
#pragma once

#include <string>
#include <vector>

#include "align/score.hpp"

namespace alinea::test {

inline std::vector<UnitFeatures> features_of(const std::vector<std::string>& texts) {
  std::vector<UnitFeatures> features;
  for (const std::string& text : texts) features.push_back(unit_features(text));
  return features;
}

}  // namespace alinea::test
