// alinea import: a PDF, PDF-extracted text, plain text or Markdown in, a corpus document out.
#include <filesystem>
#include <iostream>

#include "alinea/document.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

ImportFormat parse_format(const std::string& name) {
  if (name == "pdf") return ImportFormat::pdf;
  if (name == "pdf-text") return ImportFormat::pdf_text;
  if (name == "text") return ImportFormat::text;
  if (name == "markdown") return ImportFormat::markdown;
  if (name == "html") return ImportFormat::html;
  if (name == "toc") {
    throw UsageError(
        "a table of contents becomes an edition catalogue, not a document: "
        "alinea catalogue --from-toc TOC.txt --title T --lang L -o editions/ID.yaml");
  }
  throw UsageError("--from must be pdf, pdf-text, text, markdown or html, not '" + name + "'");
}

// The work id a corpus path implies: corpora/<work-id>/<lang>.md → <work-id>.
std::string work_id_from_path(const std::string& path) {
  if (path.empty() || path == "-") return {};
  const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
  return folder.parent_path().filename() == "corpora" ? folder.filename().string() : std::string();
}

}  // namespace

int run_import(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("lang,l", po::value<std::string>()->required(),
                        "language of the text (BCP 47: es, fr, …)")(
      "from", po::value<std::string>(),
      "input kind: pdf, pdf-text, text, markdown or html (default: guessed from the input's "
      "first bytes and name, and said)")("output,o", po::value<std::string>()->default_value("-"),
                                         "output file (- for stdout)")(
      "force,f", "replace OUTPUT if it exists")(
      "id", po::value<std::string>(),
      "work id for the front matter (default: <id> when OUTPUT or INPUT is corpora/<id>/…)")(
      "dictionaries", po::value<std::string>()->default_value(default_dictionary_folder),
      "folder of hunspell dictionaries, used to rejoin hyphenated words")(
      "paragraphs-like", po::value<std::string>(),
      "the source this text translates (corpora/<id>/<lang>.md): its paragraphs decide the "
      "paragraph ends a PDF's layout cannot tell (pdf, pdf-text)")(
      "input", po::value<std::string>()->required(), "input file (- for stdin)");
  po::positional_options_description positional;
  positional.add("input", 1);
  const auto values = parse_command_line(
      arguments,
      "alinea import --lang L [--from pdf|pdf-text|text|markdown|html] [--paragraphs-like "
      "SOURCE.md] INPUT -o OUTPUT.md",
      options, positional);
  if (!values) return 0;

  const std::string input_path = (*values)["input"].as<std::string>();
  ImportOptions import_options;
  import_options.lang = language_option("lang", (*values)["lang"].as<std::string>()).tag;
  import_options.source_name = input_path == "-" ? "<stdin>" : input_path;
  const bool format_given = values->count("from") != 0;
  if (format_given) import_options.format = parse_format((*values)["from"].as<std::string>());
  const std::string input = read_input(input_path);
  if (!format_given) {
    const FormatGuess guess = guess_import_format(input, input_path == "-" ? "" : input_path);
    if (!guess.format) {
      throw UsageError("cannot tell what kind of input " + import_options.source_name + " is: " +
                       guess.reason + "; say it with --from pdf, pdf-text, text, markdown or html");
    }
    import_options.format = *guess.format;
    std::cerr << "alinea import: " << import_options.source_name << ": read as --from "
              << format_name(*guess.format) << " (" << guess.reason << ")\n";
  }
  import_options.dictionary_dir = (*values)["dictionaries"].as<std::string>();
  if (values->count("paragraphs-like") != 0) {
    if (import_options.format != ImportFormat::pdf &&
        import_options.format != ImportFormat::pdf_text) {
      throw UsageError(
          "--paragraphs-like is for a PDF or its extracted text (--from pdf or "
          "pdf-text); " +
          std::string(format_name(import_options.format)) + " input marks its own paragraphs");
    }
    import_options.paragraphs_like = read_document((*values)["paragraphs-like"].as<std::string>());
  }
  const std::string output_path = (*values)["output"].as<std::string>();
  if (values->count("id") != 0) {
    import_options.id = (*values)["id"].as<std::string>();
  } else {
    import_options.id = work_id_from_path(output_path);
    if (import_options.id.empty()) import_options.id = work_id_from_path(input_path);
  }

  if (input_path != "-") refuse_overwriting_inputs(output_path, {input_path});
  const ImportResult result = import_document_with_warnings(input, import_options);
  for (const std::string& warning : result.warnings) {
    std::cerr << "alinea import: warning: " << import_options.source_name << ": " << warning
              << '\n';
  }
  if (output_path != "-") {
    const std::filesystem::path folder = std::filesystem::path(output_path).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder);
  }
  write_output(output_path, format_document(result.document), values->count("force") != 0);
  return 0;
}

}  // namespace alinea::cli
