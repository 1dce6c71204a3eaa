#define BOOST_TEST_MODULE manifest
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"

using namespace alinea;
namespace fs = std::filesystem;

namespace {

struct Repository {
  fs::path root = fs::temp_directory_path() / ("alinea-manifest-" + std::to_string(::getpid()));
  Repository() {
    fs::remove_all(root);
    fs::create_directories(root / "corpora/w");
    fs::create_directories(root / "alignments");
    write("corpora/w/fr.md", "---\nid: w\nlang: fr\n---\n\nBonjour.\n");
    write("corpora/w/es.md", "---\nid: w\nlang: es\n---\n\nHola.\n");
    write("alignments/w.fr-es.yaml", "alinea: 1\n");
  }
  ~Repository() { fs::remove_all(root); }
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    write_file_atomically(root / relative, text);
  }
  ManifestReadResult manifest(const std::string& text) const {
    write("alinea.yaml", text);
    return read_manifest(root);
  }
};

const std::string good_manifest =
    "alinea: 1\n"
    "works:\n"
    "  - id: w\n"
    "    documents:\n"
    "      fr: corpora/w/fr.md\n"
    "      es: corpora/w/es.md\n"
    "    alignments:\n"
    "      - {source: fr, target: es, file: alignments/w.fr-es.yaml}\n"
    "    check: {max-length-ratio: 3}\n"
    "check: {rules: {qa/identical: off}}\n";

bool has_rule(const Diagnostics& diagnostics, const std::string& rule) {
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == rule) return true;
  }
  return false;
}

const Diagnostic* find_rule(const Diagnostics& diagnostics, const std::string& rule) {
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == rule) return &d;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_a_good_manifest) {
  const Repository repo;
  const auto result = repo.manifest(good_manifest);
  BOOST_TEST(result.diagnostics.empty());
  BOOST_TEST_REQUIRE(result.manifest.works.size() == 1U);
  const ManifestWork& work = result.manifest.works[0];
  BOOST_TEST(work.id == "w");
  BOOST_TEST(work.documents.size() == 2U);
  BOOST_TEST_REQUIRE(work.document("es") != nullptr);
  BOOST_TEST(work.document("es")->file == "corpora/w/es.md");
  BOOST_TEST(work.document("de") == nullptr);
  BOOST_TEST_REQUIRE(work.alignments.size() == 1U);
  BOOST_TEST(work.alignments[0].source_lang == "fr");
  BOOST_TEST(work.alignments[0].target_lang == "es");
  BOOST_TEST(work.alignments[0].line == 8U);
  BOOST_TEST(work.settings.is_mapping());
  BOOST_TEST(result.manifest.settings.is_mapping());
  BOOST_TEST(result.manifest.root == repo.root);
}

BOOST_AUTO_TEST_CASE(finds_the_root_from_a_subfolder) {
  const Repository repo;
  repo.write("alinea.yaml", good_manifest);
  BOOST_TEST(find_repository_root(repo.root / "corpora/w").value() == repo.root);
  BOOST_TEST(find_repository_root(repo.root).value() == repo.root);
  BOOST_TEST(find_repository_root(repo.root / "corpora/w/").value() == repo.root);
}

BOOST_AUTO_TEST_CASE(no_root_without_a_manifest) {
  const Repository repo;
  BOOST_TEST(!find_repository_root(repo.root / "corpora").has_value());
}

BOOST_AUTO_TEST_CASE(unknown_keys_suggest_the_right_one) {
  const Repository repo;
  const auto result = repo.manifest(
      "alinea: 1\nworks:\n  - id: w\n    documnets: {fr: corpora/w/fr.md}\nchek: {}\n");
  const Diagnostic* typo = find_rule(result.diagnostics, "manifest/unknown-key");
  BOOST_TEST_REQUIRE(typo != nullptr);
  BOOST_TEST(typo->message.find("did you mean 'documents'") != std::string::npos);
  BOOST_TEST(typo->where.line == 4U);
  BOOST_TEST(typo->where.file == "alinea.yaml");
  BOOST_TEST(has_rule(result.diagnostics, "manifest/missing-field"));  // documents
  int unknown = 0;
  for (const Diagnostic& d : result.diagnostics)
    unknown += d.rule == "manifest/unknown-key" ? 1 : 0;
  BOOST_TEST(unknown == 2);
}

BOOST_AUTO_TEST_CASE(paths_that_leave_the_repository_are_refused) {
  const Repository repo;
  const auto result = repo.manifest(
      "alinea: 1\nworks:\n  - id: w\n    documents:\n      fr: ../outside.md\n"
      "      es: /etc/passwd\n      de: corpora/../../x.md\n");
  int outside = 0;
  for (const Diagnostic& d : result.diagnostics) {
    outside += d.rule == "manifest/path-outside-repository" ? 1 : 0;
  }
  BOOST_TEST(outside == 3);
  BOOST_TEST(result.manifest.works.at(0).documents.empty());
}

BOOST_AUTO_TEST_CASE(symbolic_links_out_of_the_repository_are_refused) {
  const Repository repo;
  fs::create_directory_symlink(fs::temp_directory_path(), repo.root / "escape");
  fs::create_symlink("loop-b", repo.root / "loop-a");
  fs::create_symlink("loop-a", repo.root / "loop-b");
  BOOST_TEST(!resolve_in_repository(repo.root, "escape/x.md").has_value());
  BOOST_TEST(!resolve_in_repository(repo.root, "loop-a/x.md").has_value());
  BOOST_TEST(resolve_in_repository(repo.root, "corpora/w/fr.md").has_value());
  BOOST_TEST(resolve_in_repository(repo.root, "corpora/./w/../w/fr.md").has_value());
  BOOST_TEST(!resolve_in_repository(repo.root, "").has_value());
}

BOOST_AUTO_TEST_CASE(missing_files_and_undeclared_languages) {
  const Repository repo;
  const auto result = repo.manifest(
      "alinea: 1\nworks:\n  - id: w\n    documents: {fr: corpora/w/fr.md, es: corpora/w/nope.md}\n"
      "    alignments:\n      - {source: fr, target: de, file: alignments/w.fr-es.yaml}\n"
      "      - {source: fr, target: es, file: alignments/none.yaml}\n");
  BOOST_TEST(has_rule(result.diagnostics, "manifest/missing-file"));
  BOOST_TEST(has_rule(result.diagnostics, "manifest/unknown-language"));
  BOOST_TEST(result.manifest.works.at(0).alignments.empty());
}

BOOST_AUTO_TEST_CASE(wrong_types_and_versions) {
  const Repository repo;
  BOOST_TEST(has_rule(repo.manifest("- a\n- b\n").diagnostics, "manifest/wrong-type"));
  BOOST_TEST(has_rule(repo.manifest("alinea: 2\nworks: []\n").diagnostics, "manifest/version"));
  BOOST_TEST(has_rule(repo.manifest("works: []\n").diagnostics, "manifest/missing-field"));
  BOOST_TEST(
      has_rule(repo.manifest("alinea: 1\nworks: {a: 1}\n").diagnostics, "manifest/wrong-type"));
  BOOST_TEST(has_rule(repo.manifest("alinea: 1\nworks: [3, {id: [x]}]\n").diagnostics,
                      "manifest/wrong-type"));
  BOOST_TEST(has_rule(repo.manifest("alinea: 1\nworks:\n  - {id: a, documents: {}}\n"
                                    "  - {id: a, documents: {}}\n")
                          .diagnostics,
                      "manifest/duplicate-work"));
}

BOOST_AUTO_TEST_CASE(bad_yaml_is_an_input_error) {
  const Repository repo;
  BOOST_CHECK_THROW((void)repo.manifest("alinea: [1\n"), InputError);
  BOOST_CHECK_THROW((void)repo.manifest("a: &x [1]\nb: *x\n"), InputError);
  BOOST_CHECK_THROW((void)repo.manifest(std::string(200, '[')), InputError);
  BOOST_CHECK_THROW((void)repo.manifest("alinea: \xff\xfe\n"), InputError);
  BOOST_CHECK_THROW((void)repo.manifest(std::string("\0\1\2binary", 9)), InputError);
}

BOOST_AUTO_TEST_CASE(a_missing_manifest_is_a_file_error) {
  const Repository repo;
  BOOST_CHECK_THROW((void)read_manifest(repo.root), FileError);
}

// CI checkouts keep a credential in .git/config; align --all must not write a hook there.
BOOST_AUTO_TEST_CASE(git_folders_are_never_inside_the_repository) {
  const Repository repo;
  fs::create_directories(repo.root / ".git/hooks");
  repo.write(".git/config", "[http]\n");
  fs::create_symlink(".git/config", repo.root / "config.md");
  for (const char* path : {".git/config", ".git", "corpora/../.git/config", "corpora/.git/x",
                           ".GIT/config", ".git/hooks/pre-commit", "config.md"}) {
    BOOST_TEST_INFO(path);
    BOOST_TEST(!resolve_in_repository(repo.root, path).has_value());
  }
  BOOST_TEST(resolve_in_repository(repo.root, ".gitignore").has_value());
}

// The manifest itself is read only when it is a file of the repository, not a link out of it.
BOOST_AUTO_TEST_CASE(a_manifest_linked_from_outside_is_refused) {
  const Repository repo;
  const fs::path outside =
      fs::temp_directory_path() / ("alinea-outside-" + std::to_string(::getpid()) + ".yaml");
  write_file_atomically(outside, "alinea: 1\nworks: []\nsecret: 1\n");
  fs::remove(repo.root / "alinea.yaml");
  fs::create_symlink(outside, repo.root / "alinea.yaml");
  BOOST_CHECK_THROW(static_cast<void>(read_manifest(repo.root)), FileError);
  fs::remove(outside);
}

BOOST_AUTO_TEST_CASE(language_tags_are_checked_and_made_canonical) {
  const Repository repo;
  const auto good = repo.manifest(
      "alinea: 1\nworks:\n  - id: w\n    documents: {FR: corpora/w/fr.md, es_es: corpora/w/es.md}\n"
      "    alignments:\n      - {source: fr, target: es-ES, file: alignments/w.fr-es.yaml}\n");
  BOOST_TEST(good.diagnostics.empty());
  const ManifestWork& work = good.manifest.works.at(0);
  BOOST_TEST(work.document("fr") != nullptr);
  BOOST_TEST(work.document("es-ES") != nullptr);
  BOOST_REQUIRE(work.alignments.size() == 1U);
  BOOST_TEST(work.alignments.at(0).target_lang == "es-ES");

  const auto bad = repo.manifest(
      "alinea: 1\nworks:\n  - id: w\n    documents: {fr: corpora/w/fr.md, ../x: corpora/w/es.md}\n"
      "    alignments:\n      - {source: fr, target: xx, file: alignments/w.fr-es.yaml}\n");
  const Diagnostic* named = find_rule(bad.diagnostics, "manifest/unknown-language");
  BOOST_REQUIRE(named != nullptr);
  BOOST_TEST(named->message.find("'../x'") != std::string::npos);
  BOOST_TEST(bad.manifest.works.at(0).alignments.empty());
}

BOOST_AUTO_TEST_CASE(align_settings_ask_for_freedict_for_every_pair) {
  const Repository repo;
  BOOST_TEST(!repo.manifest(good_manifest).manifest.align.freedict);
  const auto on = repo.manifest(good_manifest + "align: {freedict: true}\n");
  BOOST_TEST(on.diagnostics.empty());
  BOOST_TEST(on.manifest.align.freedict);
  BOOST_TEST(on.manifest.align.freedict_folder.empty());
  const auto folder = repo.manifest(good_manifest + "align: {freedict: tools/dictd}\n");
  BOOST_TEST(folder.manifest.align.freedict);
  BOOST_TEST(folder.manifest.align.freedict_folder == "tools/dictd");
  BOOST_TEST(!repo.manifest(good_manifest + "align: {freedict: false}\n").manifest.align.freedict);
  BOOST_TEST(repo.manifest(good_manifest + "align:\n").diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(align_settings_not_understood_are_named) {
  const Repository repo;
  const auto typo = repo.manifest(good_manifest + "align: {freedic: true}\n");
  const Diagnostic* unknown = find_rule(typo.diagnostics, "manifest/align-setting");
  BOOST_TEST_REQUIRE(unknown != nullptr);
  BOOST_TEST(unknown->message.find("did you mean 'freedict'") != std::string::npos);
  BOOST_TEST(unknown->where.line == 11U);
  BOOST_TEST(!typo.manifest.align.freedict);
  BOOST_TEST(has_rule(repo.manifest(good_manifest + "align: {freedict: [a, b]}\n").diagnostics,
                      "manifest/align-setting"));
  BOOST_TEST(has_rule(repo.manifest(good_manifest + "align: yes please\n").diagnostics,
                      "manifest/align-setting"));
}
