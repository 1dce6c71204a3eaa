// Apertium as a subprocess on temporary files; see translate.hpp.
#include "align/translate.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace alinea {

namespace {

namespace fs = std::filesystem;

bool is_language_code(const std::string& lang) {
  if (lang.empty() || lang.size() > 8) return false;
  for (const char c : lang) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

bool program_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::stringstream folders(path);
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    if (!folder.empty() && ::access((fs::path(folder) / name).c_str(), X_OK) == 0) return true;
  }
  return false;
}

// Removes the folder however the translation ended.
struct ScratchFolder {
  fs::path path;
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

bool apertium_available(const std::string& source_lang, const std::string& target_lang) {
  if (!is_language_code(source_lang) || !is_language_code(target_lang)) return false;
  std::error_code ignored;
  return program_on_path("apertium") &&
         fs::exists("/usr/share/apertium/modes/" + source_lang + "-" + target_lang + ".mode",
                    ignored);
}

std::optional<std::vector<std::string>> translate_with_apertium(
    const std::vector<std::string>& lines, const std::string& source_lang,
    const std::string& target_lang) {
  if (!apertium_available(source_lang, target_lang)) return std::nullopt;
  std::error_code error;
  const fs::path base = fs::temp_directory_path(error);
  if (error) return std::nullopt;
  ScratchFolder scratch{base / ("alinea-apertium-" + std::to_string(::getpid()) + "-" +
                                std::to_string(std::random_device{}()))};
  if (!fs::create_directory(scratch.path, error) || error) return std::nullopt;
  const fs::path input = scratch.path / "in.txt";
  const fs::path output = scratch.path / "out.txt";
  {
    std::ofstream out(input, std::ios::binary);
    for (const std::string& line : lines) {
      // One line per sentence: a stray newline would shift everything after it.
      std::string flat = line;
      for (char& c : flat) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      out << flat << '\n';
    }
    if (!out) return std::nullopt;
  }
  // Language codes are checked to be lowercase letters and paths are ours: nothing to quote.
  const std::string command = "apertium -u " + source_lang + "-" + target_lang + " '" +
                              input.string() + "' '" + output.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return std::nullopt;
  std::ifstream in(output, std::ios::binary);
  std::vector<std::string> translated;
  std::string line;
  while (std::getline(in, line)) translated.push_back(line);
  if (translated.size() != lines.size()) return std::nullopt;
  return translated;
}

}  // namespace alinea
