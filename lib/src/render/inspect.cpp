#include <algorithm>
#include <nlohmann/json.hpp>

#include "alinea/render.hpp"

namespace alinea {
namespace {

using Json = nlohmann::ordered_json;

Json to_json(const Value& value) {
  switch (value.kind) {
    case Value::Kind::null:
      return nullptr;
    case Value::Kind::scalar:
      if (const auto flag = value.as_bool()) return *flag;
      if (const auto integer = value.as_integer()) return *integer;
      if (const auto number = value.as_number()) return *number;
      if (!value.quoted && (value.text == "~" || value.text == "null")) return nullptr;
      return value.text;
    case Value::Kind::sequence: {
      Json array = Json::array();
      for (const Value& item : value.items) array.push_back(to_json(item));
      return array;
    }
    case Value::Kind::mapping: {
      Json object = Json::object();
      for (const auto& [key, member] : value.members) object[key] = to_json(member);
      return object;
    }
  }
  return nullptr;
}

template <typename Block>
void add_sentences(Json& object, const Block& block) {
  if (!block.sentences.empty()) object["sentences"] = block.sentences;
}

// A block's kind as its Markdown marker: "## ", "> ", "1. ", nested items indented.
std::string block_prefix(const Paragraph& block) {
  const std::size_t depth =
      block.kind == BlockKind::list_item ? static_cast<std::size_t>(std::max(block.level, 1)) : 1;
  const std::string marker = block_marker(block.kind, block.level, block.marker);
  return std::string(2 * (depth - 1), ' ') +
         (block.kind == BlockKind::list_item && marker.empty() ? "  " : marker);
}

}  // namespace

std::string document_to_json(const Document& document) {
  Json paragraphs = Json::array();
  for (const Paragraph& paragraph : document.paragraphs) {
    Json object = {{"id", paragraph.id}};
    if (paragraph.kind != BlockKind::paragraph) {  // plain paragraphs stay as they always were
      object["kind"] = block_kind_name(paragraph.kind);
      if (paragraph.level > 0) object["level"] = paragraph.level;
      if (paragraph.kind == BlockKind::list_item) object["marker"] = paragraph.marker;
    }
    object["text"] = paragraph.text;
    object["notes"] = paragraph.note_ids;
    add_sentences(object, paragraph);
    paragraphs.push_back(std::move(object));
  }
  Json notes = Json::array();
  for (const Note& note : document.notes) {
    Json object = {{"id", note.id}, {"label", note.label}, {"text", note.text}};
    add_sentences(object, note);
    notes.push_back(std::move(object));
  }
  const Json result = {{"id", document.id},
                       {"lang", document.lang},
                       {"meta", to_json(document.meta)},
                       {"paragraphs", std::move(paragraphs)},
                       {"notes", std::move(notes)}};
  // Invalid UTF-8 cannot reach here (the reader refuses it); replace rather than throw anyway.
  return result.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string document_to_text(const Document& document) {
  std::string out;
  out += "document " + (document.id.empty() ? std::string("(no id)") : document.id) + " [" +
         (document.lang.empty() ? std::string("?") : document.lang) + "]\n";
  for (const auto& [key, value] : document.meta.members) {
    if (key == "id" || key == "lang") continue;
    out += "  " + key + ": " + (value.is_scalar() ? value.text : to_json(value).dump()) + "\n";
  }
  out += std::to_string(document.paragraphs.size()) + " paragraphs, " +
         std::to_string(document.notes.size()) + " notes\n";
  const auto add_block = [&out](const std::string& id, const std::string& text,
                                const std::vector<std::string>& sentences) {
    out += "\n" + id + "  " + text + "\n";
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      out += "  " + id + ".s" + std::to_string(i + 1) + "  " + sentences[i] + "\n";
    }
  };
  for (const Paragraph& paragraph : document.paragraphs) {
    add_block(paragraph.id, block_prefix(paragraph) + paragraph.text, paragraph.sentences);
  }
  for (const Note& note : document.notes) add_block(note.id, note.text, note.sentences);
  return out;
}

}  // namespace alinea
