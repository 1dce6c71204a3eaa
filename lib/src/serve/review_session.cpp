// The review page's server without the network: who is let in, what is served, and each change
// as one review operation saved at once.
#include "serve/review_session.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string_view>
#include <utility>

#include "alinea/render.hpp"

namespace alinea::serve_detail {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* text_type = "text/plain; charset=utf-8";
constexpr const char* json_type = "application/json; charset=utf-8";

// Nothing but this server's own files and requests; no frames, forms, plug-ins or referrers.
constexpr const char* content_security_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

HttpResponse secured(HttpResponse response) {
  response.headers.insert(response.headers.end(),
                          {{"Content-Security-Policy", content_security_policy},
                           {"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"},
                           {"X-Frame-Options", "DENY"},
                           {"Cross-Origin-Opener-Policy", "same-origin"},
                           {"Cross-Origin-Resource-Policy", "same-origin"},
                           {"Cache-Control", "no-store"}});
  return response;
}

HttpResponse json_response(int status, const Json& body) {
  return {status, json_type, body.dump() + "\n"};
}

HttpResponse error_response(int status, const std::string& message) {
  return json_response(status, Json{{"error", message}});
}

// Compares in time that does not depend on where the texts differ.
bool same_secret(std::string_view given, std::string_view secret) {
  if (given.size() != secret.size()) return false;
  unsigned char difference = 0;
  for (std::size_t k = 0; k < secret.size(); ++k) {
    difference |= static_cast<unsigned char>(given[k] ^ secret[k]);
  }
  return difference == 0;
}

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

// The value of `name` in the target's query ("" when absent); tokens are hex, never escaped.
std::string query_value(std::string_view target, std::string_view name) {
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return "";
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const std::size_t amp = std::min(query.find('&'), query.size());
    const std::string_view pair = query.substr(0, amp);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
      return std::string(pair.substr(equals + 1));
    }
    query.remove_prefix(std::min(amp + 1, query.size()));
  }
  return "";
}

Json units_of(const ShownSide& side) {
  Json units = Json::array();
  for (const ShownUnit& unit : side.units) {
    Json spans = Json::array();
    for (const ShownSpan& span : unit.spans) {
      spans.push_back(span.note_label.empty() ? Json{{"text", span.text}}
                                              : Json{{"note", span.note_label}});
    }
    units.push_back(Json{{"id", unit.id},
                         {"missing", unit.missing},
                         {"kind", block_kind_name(unit.block)},
                         {"spans", std::move(spans)}});
  }
  return units;
}

std::vector<std::string> ids_of(const ShownSide& side) {
  std::vector<std::string> ids;
  for (const ShownUnit& unit : side.units) ids.push_back(unit.id);
  return ids;
}

// The unit the page names a row or a queue item by in a change: its first source unit, else
// its first target unit.
std::string handle_of(const std::vector<std::string>& source,
                      const std::vector<std::string>& target) {
  if (!source.empty()) return source.front();
  return target.empty() ? std::string() : "tgt:" + target.front();
}

template <typename T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

void add_row(Json& rows, const ShownRow& row, const char* level, int parent) {
  const std::vector<std::string> source = ids_of(row.source);
  const std::vector<std::string> target = ids_of(row.target);
  rows.push_back(Json{
      {"key", row.anchor},
      {"level", level},
      {"unit", handle_of(source, target)},
      {"src", units_of(row.source)},
      {"tgt", units_of(row.target)},
      {"status", row.status ? Json(to_string(*row.status)) : Json(nullptr)},
      {"confidence", or_null(row.confidence)},
      {"note", or_null(row.note)},
      {"omitted", or_null(row.omitted)},
      {"changed", row.changed()},
      {"parent", parent},
  });
}

Json queue_of(const std::vector<QueueItem>& queue) {
  Json items = Json::array();
  for (const QueueItem& item : queue) {
    items.push_back(Json{{"reason", to_string(item.reason)},
                         {"level", to_string(item.level)},
                         {"unit", handle_of(item.source, item.target)},
                         {"src", item.source},
                         {"tgt", item.target},
                         {"kinds", describe_kinds(item)},
                         {"line", item.where.line},
                         {"detail", item.detail}});
  }
  return items;
}

std::string string_field(const Json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return "";
  if (!found->is_string()) throw ReviewError(std::string("'") + name + "' must be a string");
  return found->get<std::string>();
}

}  // namespace

std::string new_token() {
  std::random_device source;
  std::string token;
  constexpr std::string_view digits = "0123456789abcdef";
  for (int word = 0; word < 4; ++word) {
    std::uint32_t bits = source();
    for (int digit = 0; digit < 8; ++digit) {
      token += digits[bits & 0xFU];
      bits >>= 4U;
    }
  }
  return token;
}

std::string text_version(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  constexpr std::string_view digits = "0123456789abcdef";
  std::string version(16, '0');
  for (std::size_t k = 16; k-- > 0;) {
    version[k] = digits[hash & 0xFU];
    hash >>= 4U;
  }
  return version;
}

ReviewSession::ReviewSession(std::filesystem::path file, std::string token, double threshold)
    : file_(std::move(file)), token_(std::move(token)), threshold_(threshold) {}

std::string ReviewSession::refusal(const HttpRequest& request) const {
  const std::string port = std::to_string(port_);
  if (request.host != "127.0.0.1:" + port && request.host != "localhost:" + port) {
    return "refused: this server answers to 127.0.0.1:" + port + " or localhost:" + port +
           " only, not to the Host '" + request.host + "'";
  }
  if (request.method == "POST") {
    if (!same_secret(request.token, token_)) {
      return "refused: a change needs the token of alinea review --serve in the X-Alinea-Token "
             "header";
    }
    if (!request.origin.empty() && request.origin != "http://127.0.0.1:" + port &&
        request.origin != "http://localhost:" + port) {
      return "refused: a change from another site (" + request.origin + ")";
    }
    return "";
  }
  const std::string& given =
      request.token.empty() ? query_value(request.target, "token") : request.token;
  if (!same_secret(given, token_)) {
    return "refused: open the address alinea review --serve printed, with its token";
  }
  return "";
}

HttpResponse ReviewSession::handle(const HttpRequest& request) {
  if (const std::string why = refusal(request); !why.empty()) {
    return secured({403, text_type, why + "\n"});
  }
  const std::string_view path = path_of(request.target);
  if (request.method != "GET" && request.method != "POST") {
    return secured({405, text_type, "only GET and POST are answered\n"});
  }
  try {
    if (request.method == "POST") {
      if (path != "/change") return secured({404, text_type, "no such place\n"});
      return secured(change(request.body));
    }
    if (path == "/") {
      return secured({200, "text/html; charset=utf-8", review_page_html(token_)});
    }
    if (path == "/review.js")
      return secured({200, "text/javascript; charset=utf-8", review_page_script()});
    if (path == "/review.css")
      return secured({200, "text/css; charset=utf-8", review_page_style()});
    if (path == "/state") return secured(state_response(open_for_review(file_), ""));
    return secured({404, text_type, "no such place\n"});
  } catch (const ReviewConflict& conflict) {
    return secured(error_response(409, conflict.what()));
  } catch (const ReviewError& refused) {
    return secured(error_response(422, refused.what()));
  } catch (const InputError& error) {
    return secured(error_response(422, error.what()));
  } catch (const FileError& error) {
    return secured(error_response(422, error.what()));
  }
}

HttpResponse ReviewSession::state_response(const OpenedAlignment& opened,
                                           const std::string& message) const {
  const SideBySide view =
      build_side_by_side(opened.alignment, opened.documents.source, opened.documents.target);
  Json rows = Json::array();
  for (const ShownRow& row : view.rows) {
    const int parent = static_cast<int>(rows.size());
    add_row(rows, row, row.kind == ShownRow::Kind::note ? "note" : "paragraph", -1);
    for (const ShownRow& sentence : row.sentences) add_row(rows, sentence, "sentence", parent);
  }
  const auto side = [](const DocumentRef& ref, const std::string& title) {
    return Json{{"path", ref.path}, {"lang", ref.lang}, {"title", title}};
  };
  return json_response(
      200, Json{{"file", opened.file.generic_string()},
                {"version", text_version(opened.text)},
                {"message", message},
                {"threshold", threshold_},
                {"undo", steps_.empty() ? Json(nullptr) : Json(steps_.back().what)},
                {"source", side(view.source, view.source_title)},
                {"target", side(view.target, view.target_title)},
                {"rows", std::move(rows)},
                {"queue", queue_of(review_queue(opened.alignment, opened.documents, threshold_))}});
}

HttpResponse ReviewSession::change(const std::string& body) {
  const Json request = Json::parse(body, nullptr, false);
  if (request.is_discarded() || !request.is_object()) {
    return error_response(400, "a change is a JSON object: {action, unit, text, version}");
  }
  const std::string action = string_field(request, "action");
  const std::string version = string_field(request, "version");
  const OpenedAlignment opened = open_for_review(file_);
  if (version != text_version(opened.text)) {
    return error_response(409, file_.generic_string() +
                                   " changed on disk since this page read it (edited or realigned "
                                   "meanwhile): nothing was written. Reload (r), then redo the "
                                   "change.");
  }
  if (action == "undo") return undo(opened);
  const std::string unit_id = string_field(request, "unit");
  const std::string text = string_field(request, "text");
  const std::array<std::pair<std::string_view, const char*>, 5> actions = {{
      {"accept", "confirmed the link of "},
      {"merge", "merged with the next link the link of "},
      {"split", "split the link of "},
      {"omit", "recorded as left out "},
      {"note", "noted the link of "},
  }};
  const auto known = std::find_if(actions.begin(), actions.end(),
                                  [&](const auto& entry) { return entry.first == action; });
  if (known == actions.end()) {
    return error_response(
        400, "'" + action + "' is not a change: accept, merge, split, omit, note or undo");
  }
  const UnitChoice unit = UnitChoice::parse(unit_id);
  const Alignment updated = [&] {
    if (action == "accept") return accept_links(opened.alignment, opened.documents, {unit});
    if (action == "merge") return merge_with_next(opened.alignment, opened.documents, unit);
    if (action == "split") return split_link(opened.alignment, opened.documents, unit);
    if (action == "omit") return mark_omission(opened.alignment, opened.documents, unit, text);
    return attach_note(opened.alignment, opened.documents, unit, text);
  }();
  std::string what = known->second + unit.to_string();
  if (action == "note" && text.empty()) what = "removed the note on the link of " + unit_id;
  OpenedAlignment saved = save_review(opened, updated);
  if (saved.text == opened.text) {
    what += " (it already was: nothing changed)";
  } else {
    steps_.push_back({opened.alignment, saved.text, what});
  }
  return state_response(saved, what);
}

HttpResponse ReviewSession::undo(const OpenedAlignment& opened) {
  if (steps_.empty()) return error_response(422, "nothing to undo: no change was made here");
  const Step& step = steps_.back();
  if (opened.text != step.after) {
    return error_response(409, file_.generic_string() +
                                   " changed on disk after the last change made here: nothing "
                                   "was undone");
  }
  const OpenedAlignment saved = save_review(opened, step.before);
  const std::string what = "undid: " + step.what;
  steps_.pop_back();
  return state_response(saved, what);
}

}  // namespace alinea::serve_detail
