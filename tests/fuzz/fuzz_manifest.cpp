// Any bytes, as the manifest, as an alignment file checked against two small documents, as a
// names.yaml glossary and as `check:` settings, and the manifest's `align:` settings applied to
// alignment options: each loader returns findings or throws InputError, never crashes or hangs.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "alinea/aligner.hpp"
#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "alinea/segment.hpp"
#include "check/check_qa.hpp"
#include "util/yaml.hpp"

namespace {

alinea::Document segmented(const std::string& text, const std::string& path) {
  alinea::Document document = alinea::parse_document(text, path);
  alinea::segment_document(document);
  return document;
}

const alinea::Document& source_document() {
  static const alinea::Document document = segmented(
      "---\nid: w\nlang: fr\n---\n\nLe 24 avril 1936, Blumkine vint[^1]. Qui ?\n\nFin.\n\n"
      "[^1]: Note.\n",
      "fr.md");
  return document;
}

const alinea::Document& target_document() {
  static const alinea::Document document = segmented(
      "---\nid: w\nlang: es\n---\n\nEl 24 de abril de 1936, vino Blumkin[^1]. ¿Quién?\n\n"
      "Fin.\n\n[^1]: Nota.\n",
      "es.md");
  return document;
}

// One scratch repository per process, since read_manifest reads alinea.yaml from a folder;
// removed at exit.
struct ScratchRoot {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("alinea-fuzz-manifest-" + std::to_string(::getpid()));
  ScratchRoot() { std::filesystem::create_directories(path); }
  ~ScratchRoot() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  ScratchRoot(const ScratchRoot&) = delete;
  ScratchRoot& operator=(const ScratchRoot&) = delete;
};

const std::filesystem::path& scratch_root() {
  static const ScratchRoot root;
  return root.path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const alinea::AlignmentReadResult read = alinea::parse_alignment(text, "fuzz.yaml");
    (void)alinea::check_alignment(read.alignment, source_document(), target_document());
    (void)alinea::measure_coverage(read.alignment, source_document(), target_document());
  } catch (const alinea::InputError&) {
  }
  try {  // as names.yaml, its glossary then used by the name rule
    alinea::CheckSettings settings;
    settings.names = alinea::parse_names(text, "names.yaml").names;
    (void)alinea::check_translation(
        {"Blumkine vint de l'URSS avec Guépéou.", "Vino Blumkin.", "fr", "es"}, settings,
        {"a.yaml", 1, 1}, {"fr:p1", "es:p1"});
  } catch (const alinea::InputError&) {
  }
  try {
    const alinea::Value settings = alinea::parse_yaml(text, "alinea.yaml");
    (void)alinea::apply_settings({}, settings, "alinea.yaml");
  } catch (const alinea::InputError&) {
  }
  try {
    alinea::write_file_atomically(scratch_root() / alinea::manifest_file_name, text);
    const alinea::ManifestReadResult manifest = alinea::read_manifest(scratch_root());
    (void)alinea::check_corpus(manifest);
    (void)alinea::with_repository_settings({}, manifest);
  } catch (const alinea::InputError&) {
  }
  return 0;
}
