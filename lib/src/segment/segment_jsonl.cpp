// JSON Lines in and out for `alinea segment --jsonl`.
#include <nlohmann/json.hpp>

#include "alinea/error.hpp"
#include "alinea/segment.hpp"

namespace alinea {

std::string text_of_json_line(std::string_view line, std::size_t line_number) {
  const SourcePosition where{"<jsonl>", line_number, 0};
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& error) {
    throw InputError({"<jsonl>", line_number, error.byte}, "not valid JSON");
  }
  if (!record.is_object()) throw InputError(where, "expected a JSON object with a \"text\" field");
  const auto text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    throw InputError(where, "expected a string \"text\" field");
  }
  return text->get<std::string>();
}

std::string sentences_to_json_line(const std::vector<std::string>& sentences) {
  return nlohmann::json{{"sentences", sentences}}.dump(-1, ' ', false,
                                                       nlohmann::json::error_handler_t::strict);
}

}  // namespace alinea
