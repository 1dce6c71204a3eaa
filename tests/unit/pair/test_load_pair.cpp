#define BOOST_TEST_MODULE load_pair
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"

using namespace alinea;
namespace fs = std::filesystem;

namespace {

const std::string french = "---\nid: w\nlang: fr\n---\n\nBonjour. Merci.\n\nAdieu.\n";
const std::string spanish = "---\nid: w\nlang: es\n---\n\nHola. Gracias.\n\nAdiós.\n";

std::string alignment_naming(const std::string& source, const std::string& target) {
  return "alinea: 1\n"
         "source: {path: " +
         source + ", lang: fr}\ntarget: {path: " + target +
         ", lang: es}\n"
         "paragraphs:\n"
         "  - link: {src: [p1], tgt: [p1], status: reviewed}\n"
         "  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9}\n";
}

// A scratch folder: `top/repo` holds alinea.yaml, `top/loose` does not.
struct Scratch {
  fs::path top = fs::temp_directory_path() / ("alinea-corpus-" + std::to_string(::getpid()));
  fs::path repo = top / "repo";
  fs::path loose = top / "loose";
  Scratch() {
    fs::remove_all(top);
    fs::create_directories(repo / "corpora/w");
    fs::create_directories(repo / "alignments");
    fs::create_directories(loose / "texts");
    fs::create_directories(loose / "out");
    write_file_atomically(repo / "alinea.yaml", "alinea: 1\nworks: []\n");
    write_file_atomically(repo / "corpora/w/fr.md", french);
    write_file_atomically(repo / "corpora/w/es.md", spanish);
    write_file_atomically(loose / "texts/fr.md", french);
    write_file_atomically(loose / "texts/es.md", spanish);
  }
  ~Scratch() { fs::remove_all(top); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

// Runs the test from another working folder, and comes back.
struct WorkingFolder {
  fs::path before = fs::current_path();
  explicit WorkingFolder(const fs::path& folder) { fs::current_path(folder); }
  ~WorkingFolder() { fs::current_path(before); }
  WorkingFolder(const WorkingFolder&) = delete;
  WorkingFolder& operator=(const WorkingFolder&) = delete;
};

bool has_rule(const Diagnostics& diagnostics, const std::string& rule) {
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == rule) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_repository_file_names_its_documents_from_the_root_whatever_the_folder) {
  const Scratch scratch;
  const fs::path file = scratch.repo / "alignments/w.fr-es.yaml";
  write_file_atomically(file, alignment_naming("corpora/w/fr.md", "corpora/w/es.md"));
  for (const fs::path& here : {scratch.top, scratch.repo / "corpora/w", scratch.loose}) {
    const WorkingFolder folder(here);
    const LoadedPair pair = load_pair(file);
    BOOST_TEST(pair.source.paragraphs.size() == 2U);
    BOOST_TEST(pair.target.lang == "es");
    BOOST_TEST(pair.source.paragraphs[0].sentences.size() == 2U);  // segmented
    BOOST_TEST(fs::equivalent(pair.source_file, scratch.repo / "corpora/w/fr.md"));
    BOOST_TEST(pair.alignment.paragraphs.size() == 2U);
    BOOST_TEST(pair.alignment_text.find("status: reviewed") != std::string::npos);
    // Messages name the document as the person can open it from here.
    BOOST_TEST(fs::equivalent(here / pair.target.path, scratch.repo / "corpora/w/es.md"));
  }
  const WorkingFolder folder(scratch.repo / "corpora");
  BOOST_TEST(load_pair("../alignments/w.fr-es.yaml").target.paragraphs.size() == 2U);
}

BOOST_AUTO_TEST_CASE(outside_a_repository_paths_are_relative_to_the_files_folder) {
  const Scratch scratch;
  const fs::path file = scratch.loose / "out/w.yaml";
  write_file_atomically(file, alignment_naming("../texts/fr.md", "../texts/es.md"));
  const WorkingFolder folder(scratch.repo);
  const LoadedPair pair = load_pair(file);
  BOOST_TEST(fs::equivalent(pair.target_file, scratch.loose / "texts/es.md"));
}

BOOST_AUTO_TEST_CASE(a_bad_reference_is_an_input_error_at_its_line_and_column) {
  const Scratch scratch;
  const fs::path file = scratch.repo / "alignments/w.fr-es.yaml";
  const auto where_of = [&](const std::string& text) -> SourcePosition {
    write_file_atomically(file, text);
    try {
      (void)load_pair(file);
    } catch (const InputError& error) {
      return error.where();
    }
    return {};
  };
  // Leaves the repository, names no file, is not a document.
  SourcePosition where = where_of(alignment_naming("corpora/w/fr.md", "../../etc/passwd"));
  BOOST_TEST(where.file == file.string());
  BOOST_TEST(where.line == 3U);
  BOOST_TEST(where.column == 16U);
  where = where_of(alignment_naming("corpora/w/pt.md", "corpora/w/es.md"));
  BOOST_TEST(where.line == 2U);
  write_file_atomically(scratch.repo / "corpora/w/bad.md", "\xff\xfe not utf-8\n");
  where = where_of(alignment_naming("corpora/w/bad.md", "corpora/w/es.md"));
  BOOST_TEST(fs::path(where.file).filename() == "bad.md");
  BOOST_TEST(where.line == 1U);
  BOOST_CHECK_THROW((void)load_pair(scratch.repo / "alignments/none.yaml"), FileError);
}

BOOST_AUTO_TEST_CASE(references_are_written_from_the_base_of_the_alignment_file) {
  const Scratch scratch;
  const DocumentBase in_repo = document_base_of(scratch.repo / "alignments/new.yaml");
  BOOST_TEST(in_repo.repository);
  BOOST_TEST(document_reference(in_repo, scratch.repo / "corpora/w/fr.md").value() ==
             "corpora/w/fr.md");
  BOOST_TEST(!document_reference(in_repo, scratch.loose / "texts/fr.md").has_value());
  const DocumentBase loose = document_base_of(scratch.loose / "out/new.yaml");
  BOOST_TEST(!loose.repository);
  BOOST_TEST(document_reference(loose, scratch.loose / "texts/fr.md").value() == "../texts/fr.md");
  BOOST_TEST(document_reference(loose, scratch.loose / "out/fr.md").value() == "fr.md");
  // Written from one base, resolved from the same one: the round trip finds the file.
  const std::string written = document_reference(loose, scratch.repo / "corpora/w/es.md").value();
  BOOST_TEST(
      fs::equivalent(resolve_document(loose, written).value(), scratch.repo / "corpora/w/es.md"));
  BOOST_TEST(!resolve_document(in_repo, "../loose/texts/fr.md").has_value());
  BOOST_TEST(!resolve_document(loose, "").has_value());
}

BOOST_AUTO_TEST_CASE(a_lenient_reading_reports_and_never_reads_outside_its_root) {
  const Scratch scratch;
  // A repository is a jail: a document path may not leave it.
  write_file_atomically(scratch.repo / "alignments/out.yaml",
                        alignment_naming("corpora/w/fr.md", "../loose/texts/es.md"));
  PairReading reading = read_pair(scratch.repo, "alignments/out.yaml", {});
  BOOST_TEST(reading.source.has_value());
  BOOST_TEST(reading.source_name == "corpora/w/fr.md");
  BOOST_TEST(!reading.target.has_value());
  BOOST_TEST(has_rule(reading.problems, "reference/path-outside-repository"));
  // Outside any repository the file's paths are the person's own, as show reads them.
  write_file_atomically(scratch.loose / "out/w.yaml",
                        alignment_naming("../texts/fr.md", "../../repo/corpora/w/es.md"));
  reading = read_pair(scratch.loose / "out", "w.yaml", {});
  BOOST_TEST(reading.problems.empty());
  BOOST_TEST(reading.target_name == "../../repo/corpora/w/es.md");

  write_file_atomically(scratch.repo / "alignments/w.fr-es.yaml",
                        alignment_naming("corpora/w/fr.md", "corpora/w/es.md"));
  reading = read_pair(scratch.repo, "alignments/w.fr-es.yaml", {});
  BOOST_TEST(reading.problems.empty());
  BOOST_TEST(reading.target_name == "corpora/w/es.md");
  reading = read_pair(scratch.repo, "alignments/w.fr-es.yaml", {0, 0, 3});
  BOOST_TEST(has_rule(reading.problems, "file/too-large"));
  BOOST_TEST(!reading.source.has_value());
  reading = read_pair(scratch.repo, "alignments/missing.yaml", {});
  BOOST_TEST(has_rule(reading.problems, "file/unreadable"));
  BOOST_TEST(!reading.alignment.has_value());
  reading = read_pair(scratch.repo, "../loose/out/w.yaml", {});
  BOOST_TEST(has_rule(reading.problems, "reference/path-outside-repository"));
}
