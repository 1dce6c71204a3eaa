// Apertium as a subprocess on temporary files, run without a shell; see translate.hpp.
#include "align/translate.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "alinea/base.hpp"
#include "util/process.hpp"

namespace alinea {

namespace {

namespace fs = std::filesystem;

// "fr-es": Apertium names its language pairs by the primary languages of the two tags.
std::optional<std::string> apertium_pair(const std::string& source_lang,
                                         const std::string& target_lang) {
  const std::optional<Language> source = read_language(source_lang).language;
  const std::optional<Language> target = read_language(target_lang).language;
  if (!source || !target) return std::nullopt;
  return source->primary + "-" + target->primary;
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
  const std::optional<std::string> pair = apertium_pair(source_lang, target_lang);
  if (!pair) return false;
  std::error_code ignored;
  return program_on_path("apertium") &&
         fs::exists("/usr/share/apertium/modes/" + *pair + ".mode", ignored);
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
  const std::string pair = *apertium_pair(source_lang, target_lang);
  const ProgramRun run = run_program("apertium", {"-u", pair, input.string(), output.string()});
  if (!run.succeeded()) throw ProcessError("apertium " + pair + " " + run.failure());
  std::ifstream in(output, std::ios::binary);
  std::vector<std::string> translated;
  std::string line;
  while (std::getline(in, line)) translated.push_back(line);
  if (translated.size() != lines.size()) {
    throw ProcessError("apertium " + pair + " gave " + std::to_string(translated.size()) +
                       " lines for " + std::to_string(lines.size()) + ": its output is not used");
  }
  return translated;
}

}  // namespace alinea
