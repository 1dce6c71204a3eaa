// alinea catalogue: a table of contents as text in, an edition catalogue (editions/<id>.yaml) out.
#include <filesystem>

#include "alinea/check.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

int run_catalogue(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("from-toc", po::value<std::string>()->required(),
                        "the table of contents, one line per text: title … date … page (- for "
                        "stdin)")("title", po::value<std::string>()->required(),
                                  "the edition's title as printed (Œuvres)")(
      "lang,l", po::value<std::string>()->required(), "the language of the edition's texts")(
      "volume", po::value<long long>(),
      "the volume, for a table of contents without 'Tome N' lines")(
      "pages", po::value<long long>(), "that volume's page count (else its last text's page)")(
      "output,o", po::value<std::string>()->default_value("-"),
      "the catalogue, editions/<id>.yaml (- for stdout)")("force,f", "replace OUTPUT if it exists");
  const auto values = parse_command_line(
      arguments,
      "alinea catalogue --from-toc TOC.txt --title TITLE --lang L [--volume N [--pages N]] "
      "-o editions/ID.yaml",
      options);
  if (!values) return 0;

  const std::string input = (*values)["from-toc"].as<std::string>();
  const std::string output = (*values)["output"].as<std::string>();
  TocOptions toc;
  toc.title = (*values)["title"].as<std::string>();
  toc.lang = language_option("lang", (*values)["lang"].as<std::string>()).tag;
  toc.id = output == "-" ? std::string() : std::filesystem::path(output).stem().string();
  toc.source_name = input == "-" ? "<stdin>" : input;
  if (values->count("volume") != 0) {
    toc.volume = (*values)["volume"].as<long long>();
    if (*toc.volume <= 0) throw UsageError("--volume must be a positive number");
  }
  if (values->count("pages") != 0) {
    if (!toc.volume) throw UsageError("--pages goes with --volume");
    toc.page_count = (*values)["pages"].as<long long>();
    if (*toc.page_count <= 0) throw UsageError("--pages must be a positive number");
  }
  const Catalogue catalogue = catalogue_from_toc(read_input(input), toc);
  write_output(output, format_catalogue(catalogue), values->count("force") != 0);
  return 0;
}

}  // namespace alinea::cli
