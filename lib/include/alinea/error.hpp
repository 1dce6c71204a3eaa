// Errors raised by the library when its input is wrong.
//
// Input errors carry where they were found so that a person can go straight to the place;
// validation findings are not errors and travel as values (see diagnostic.hpp).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace alinea {

// A place in a text file, 1-based; 0 means "unknown" (the whole file, or the whole line).
struct SourcePosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  // "file:line:col", leaving out what is unknown.
  [[nodiscard]] std::string to_string() const;
};

// Raised when input cannot be read as what it should be: bad UTF-8, malformed YAML, a document
// without paragraphs. what() is the full message "file:line:col: message".
class InputError : public std::runtime_error {
 public:
  InputError(SourcePosition where, const std::string& message);

  [[nodiscard]] const SourcePosition& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  SourcePosition where_;
  std::string message_;
};

// Raised when the file system refuses: a missing file, a directory given for a file, a failed
// rename. Distinct from InputError because the content is not at fault.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace alinea
