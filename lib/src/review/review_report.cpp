// The review queue as text for people and JSON for programs.
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "alinea/review.hpp"
#include "text/markup.hpp"

namespace alinea {
namespace {

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out.empty() ? std::string("∅") : out;
}

std::string two_decimals(double value) {
  const long hundredths = std::lround(value * 100.0);
  return std::to_string(hundredths / 100) + "." + (hundredths % 100 < 10 ? "0" : "") +
         std::to_string(hundredths % 100);
}

}  // namespace

std::string describe_kinds(const QueueItem& item) {
  const auto name = [](const std::optional<BlockKind>& kind) {
    return kind ? std::string(block_kind_name(*kind)) : std::string("∅");
  };
  const auto plain = [](const std::optional<BlockKind>& kind) {
    return !kind || *kind == BlockKind::paragraph;
  };
  if (plain(item.source_kind) && plain(item.target_kind)) return "";
  if (item.source.empty() || item.target.empty()) {
    return name(item.source.empty() ? item.target_kind : item.source_kind);
  }
  return item.source_kind == item.target_kind
             ? name(item.source_kind)
             : name(item.source_kind) + " ↔ " + name(item.target_kind);
}

namespace {

std::string text_of(const std::vector<QueueItem>& queue) {
  std::string out;
  std::map<std::string, std::size_t> counts;
  for (const QueueItem& item : queue) {
    ++counts[to_string(item.reason)];
    std::string line = item.where.to_string() + ": " + to_string(item.reason) + ": " +
                       to_string(item.level) + " " + joined(item.source) + " ↔ " +
                       joined(item.target);
    if (const std::string kinds = describe_kinds(item); !kinds.empty()) line += " [" + kinds + "]";
    if (item.status) {
      line += std::string(" (") + to_string(*item.status);
      if (item.confidence) line += " " + two_decimals(*item.confidence);
      line += ")";
    }
    // Paths, ids and quoted text come from files: no control sequence reaches the terminal.
    out += sanitise_for_display(line + ": " + item.detail, LineBreaks::escaped) + "\n";
  }
  out += std::to_string(queue.size()) + (queue.size() == 1 ? " item" : " items") + " to review";
  std::string parts;
  for (const char* reason :
       {"drift", "no-fingerprint", "kind-mismatch", "low-confidence", "unlinked"}) {
    if (counts[reason] > 0) {
      parts += (parts.empty() ? "" : ", ") + std::to_string(counts[reason]) + " " + reason;
    }
  }
  return out + (parts.empty() ? "" : " (" + parts + ")") + "\n";
}

std::string json_of(const std::vector<QueueItem>& queue) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const QueueItem& item : queue) {
    nlohmann::ordered_json object;
    object["file"] = item.where.file;
    object["line"] = item.where.line;
    object["level"] = to_string(item.level);
    object["src"] = item.source;
    object["tgt"] = item.target;
    const auto kind_of = [](const std::optional<BlockKind>& kind) {
      return kind ? nlohmann::ordered_json(block_kind_name(*kind)) : nullptr;
    };
    object["src_kind"] = kind_of(item.source_kind);
    object["tgt_kind"] = kind_of(item.target_kind);
    object["status"] = item.status ? nlohmann::ordered_json(to_string(*item.status)) : nullptr;
    object["confidence"] = item.confidence
                               ? nlohmann::ordered_json(std::round(*item.confidence * 100) / 100)
                               : nullptr;
    object["reason"] = to_string(item.reason);
    object["detail"] = item.detail;
    items.push_back(std::move(object));
  }
  return items.dump(2) + "\n";
}

}  // namespace

std::optional<QueueFormat> parse_queue_format(std::string_view name) {
  if (name == "text") return QueueFormat::text;
  if (name == "json") return QueueFormat::json;
  return std::nullopt;
}

std::string format_queue(const std::vector<QueueItem>& queue, QueueFormat format) {
  return format == QueueFormat::json ? json_of(queue) : text_of(queue);
}

}  // namespace alinea
