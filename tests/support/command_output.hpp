// What a command run by a test prints on standard output (e.g. pandoc, the format's reference
// reader); the test fails when the command cannot be run or exits with a failure.
#pragma once

#include <array>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <string>

namespace alinea::testing {

inline std::string output_of(const std::string& command) {
  std::FILE* pipe = popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe != nullptr);
  std::string output;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
    output.append(buffer.data(), n);
  }
  BOOST_REQUIRE(pclose(pipe) == 0);
  return output;
}

}  // namespace alinea::testing
