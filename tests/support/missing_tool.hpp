// A test that needs a tool from Debian (pandoc, a hunspell dictionary) and does not find it:
// on a developer's machine it is skipped with a message; in CI (CI=true) it fails, since
// scripts/setup.sh installs every tool there and a skip would hide a test that never ran.
#pragma once

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>
#include <string_view>

namespace alinea::testing {

inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

// Call, then return from the test case, when the tool is missing.
inline void missing_tool(const std::string& what) {
  if (in_ci()) BOOST_FAIL(what + " is missing, and CI=true: scripts/setup.sh test installs it");
  BOOST_TEST_MESSAGE(what + " is missing: skipped (scripts/setup.sh test installs it)");
}

}  // namespace alinea::testing
