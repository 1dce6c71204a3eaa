// `alinea segment` on a whole text: plain text, or JSON Lines in and out (the only file of the
// segmenter that talks to nlohmann/json).
#include <nlohmann/json.hpp>

#include "alinea/base.hpp"
#include "alinea/segment.hpp"
#include "text/lines.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

void refuse_invalid_utf8(std::string_view text, const std::string& name) {
  if (const auto problem = find_invalid_utf8(text)) {
    throw InputError({name, problem->line, problem->column}, "invalid UTF-8");
  }
}

// The "text" field of one JSON line (line `number` of `name`).
std::string text_of_json_line(std::string_view line, const std::string& name, std::size_t number) {
  const SourcePosition where{name, number, 0};
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& error) {
    throw InputError({name, number, error.byte}, "not valid JSON");
  } catch (const nlohmann::json::exception&) {
    // Well-formed, but beyond what the reader holds: a number too large for a double.
    throw InputError(where, "not valid JSON: a number out of range");
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

}  // namespace

std::string segment_plain_text(std::string_view text, const std::string& name,
                               Segmenter& segmenter) {
  refuse_invalid_utf8(text, name);
  std::string out;
  for (const std::string& paragraph : paragraphs_between_blank_lines(text)) {
    const std::vector<std::string> sentences = segmenter.split(paragraph);
    if (sentences.empty()) continue;
    if (!out.empty()) out += '\n';
    for (const std::string& sentence : sentences) out += sentence + '\n';
  }
  return out;
}

std::string segment_json_lines(std::string_view text, const std::string& name,
                               Segmenter& segmenter) {
  refuse_invalid_utf8(text, name);
  std::string out;
  std::size_t number = 0;
  for (const std::string_view line : lines_of(text)) {
    ++number;
    if (is_blank(line)) continue;
    out += sentences_to_json_line(segmenter.split(text_of_json_line(line, name, number))) + '\n';
  }
  return out;
}

}  // namespace alinea
