// alinea inspect: the document model of a corpus file, as JSON or as an outline.
#include "alinea/document.hpp"
#include "alinea/render.hpp"
#include "alinea/segment.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

int run_inspect(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("format", po::value<std::string>()->default_value("text"), "text or json")(
      "document", po::value<std::string>()->required(), "the corpus document (.md)");
  po::positional_options_description positional;
  positional.add("document", 1);
  const auto values = parse_command_line(arguments, "alinea inspect DOC.md [--format json|text]",
                                         options, positional);
  if (!values) return 0;

  const std::string format = (*values)["format"].as<std::string>();
  if (format != "json" && format != "text") {
    throw UsageError("--format must be json or text, not '" + format + "'");
  }
  Document document = read_document((*values)["document"].as<std::string>());
  segment_document(document);
  write_output("-", format == "json" ? document_to_json(document) : document_to_text(document));
  return 0;
}

}  // namespace alinea::cli
