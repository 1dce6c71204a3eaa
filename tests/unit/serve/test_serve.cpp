// The review page's server: who is let in (token, Host, Origin), what the page may load, each
// change saved at once and undone, a file changed meanwhile never overwritten, malformed
// requests refused — on texts written for these tests. The last cases go through a real socket.
#define BOOST_TEST_MODULE serve
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "alinea/aligner.hpp"
#include "alinea/alignment.hpp"
#include "alinea/review.hpp"
#include "alinea/segment.hpp"
#include "serve/review_session.hpp"

using namespace alinea;
using namespace alinea::serve_detail;
namespace fs = std::filesystem;

namespace {

const std::string french_text =
    "---\nid: w\nlang: fr\n---\n\n"
    "Le camarade Victor Serge est arrivé à Paris. Il a passé trois ans à Orenbourg.\n\n"
    "Sa libération est une victoire. Nous le saluons !\n";
const std::string spanish_text =
    "---\nid: w\nlang: es\n---\n\n"
    "El camarada Victor Serge llegó a París. Pasó tres años en Orenburgo.\n\n"
    "Su liberación es una victoria. ¡Lo saludamos!\n";

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A repository with the two texts and their automatic alignment, removed at the end.
struct Repository {
  fs::path folder = fs::temp_directory_path() / ("alinea-serve-" + std::to_string(::getpid()));
  fs::path file = folder / "a.yaml";

  Repository() {
    fs::remove_all(folder);
    fs::create_directories(folder);
    write_text(folder / "alinea.yaml", "alinea: 1\nworks: []\n");
    write_text(folder / "fr.md", french_text);
    write_text(folder / "es.md", spanish_text);
    Document source = parse_document(french_text, "fr.md");
    Document target = parse_document(spanish_text, "es.md");
    segment_document(source);
    segment_document(target);
    Alignment alignment = align_documents(source, target);
    alignment.source = {"fr.md", "fr"};
    alignment.target = {"es.md", "es"};
    write_text(file, format_alignment(alignment));
  }
  ~Repository() { fs::remove_all(folder); }
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;
};

constexpr const char* token = "0123456789abcdef0123456789abcdef";
constexpr const char* host = "127.0.0.1:8080";

struct Fixture {
  Repository repository;
  ReviewSession session{repository.file, token, 0.9};
  Fixture() { session.listening_on(8080); }

  HttpResponse get(const std::string& target, const std::string& with_host = host) {
    return session.handle({"GET", target, with_host, "", "", ""});
  }
  HttpResponse post(const nlohmann::json& change, const std::string& with_token = token,
                    const std::string& origin = "") {
    return session.handle(
        {"POST", "/change?token=" + std::string(token), host, origin, with_token, change.dump()});
  }
  nlohmann::json state() {
    const HttpResponse response = get("/state?token=" + std::string(token));
    BOOST_REQUIRE_EQUAL(response.status, 200);
    return nlohmann::json::parse(response.body);
  }
  nlohmann::json change(const std::string& action, const std::string& unit,
                        const std::string& text = "") {
    return {{"action", action},
            {"unit", unit},
            {"text", text},
            {"version", state()["version"].get<std::string>()}};
  }
};

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

// Sends raw bytes to 127.0.0.1:port and returns the whole answer.
std::string over_socket(unsigned short port, const std::string& request) {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  BOOST_REQUIRE(socket >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE(::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  BOOST_REQUIRE(::send(socket, request.data(), request.size(), 0) ==
                static_cast<ssize_t>(request.size()));
  std::string answer;
  char buffer[4096];
  for (ssize_t got = 0; (got = ::recv(socket, buffer, sizeof buffer, 0)) > 0;) {
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(socket);
  return answer;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(nothing_is_served_without_the_token, Fixture) {
  BOOST_TEST(get("/").status == 403);
  BOOST_TEST(get("/state").status == 403);
  BOOST_TEST(get("/?token=0123456789abcdef0123456789abcdee").status == 403);
  BOOST_TEST(get("/?token=0123456789abcdef").status == 403);
  BOOST_TEST(get("/review.js").status == 403);
  BOOST_TEST(get("/?token=" + std::string(token)).status == 200);
  BOOST_TEST(get("/?token=" + std::string(token), "localhost:8080").status == 200);
  // Every answer, refusals included, carries the policy.
  BOOST_TEST(header(get("/"), "Content-Security-Policy").find("default-src 'none'") !=
             std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(another_host_name_is_refused, Fixture) {
  // A page of evil.example whose name now points at 127.0.0.1 (DNS rebinding) sends its own Host.
  const std::string with_token = "/state?token=" + std::string(token);
  BOOST_TEST(get(with_token, "evil.example:8080").status == 403);
  BOOST_TEST(get(with_token, "127.0.0.1:9999").status == 403);
  BOOST_TEST(get(with_token, "127.0.0.1").status == 403);
  BOOST_TEST(get(with_token, "").status == 403);
  BOOST_TEST(get(with_token, "evil.example:8080").body.find("Host 'evil.example:8080'") !=
             std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_change_needs_the_token_in_a_header, Fixture) {
  const std::string before = read_text(repository.file);
  // The token in the URL alone is what a link or a form on another page could send.
  BOOST_TEST(post(change("accept", "p1"), "").status == 403);
  BOOST_TEST(post(change("accept", "p1"), "wrong").status == 403);
  BOOST_TEST(post(change("accept", "p1"), token, "http://evil.example").status == 403);
  BOOST_TEST(session.handle({"PUT", "/change", host, "", token, ""}).status == 405);
  BOOST_TEST(read_text(repository.file) == before);
  BOOST_TEST(post(change("accept", "p1"), token, "http://127.0.0.1:8080").status == 200);
  BOOST_TEST(read_text(repository.file) != before);
}

BOOST_FIXTURE_TEST_CASE(the_page_loads_nothing_from_elsewhere, Fixture) {
  const HttpResponse page = get("/?token=" + std::string(token));
  BOOST_TEST(page.content_type == "text/html; charset=utf-8");
  // Every src="…" and href="…" (no std::regex: GCC 12 warns falsely inside <regex> under asan).
  int references = 0;
  for (const std::string attribute : {" src=\"", " href=\""}) {
    for (std::size_t at = page.body.find(attribute); at != std::string::npos;
         at = page.body.find(attribute, at + 1)) {
      const std::size_t start = at + attribute.size();
      const std::string value = page.body.substr(start, page.body.find('"', start) - start);
      ++references;
      BOOST_TEST(value.substr(0, 1) == "/");
      BOOST_TEST(value.substr(0, 2) != "//");
    }
  }
  BOOST_TEST(references == 2);
  BOOST_TEST(page.body.find("<style") == std::string::npos);
  BOOST_TEST(header(page, "Content-Security-Policy") ==
             "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
             "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  BOOST_TEST(header(page, "Referrer-Policy") == "no-referrer");
  BOOST_TEST(get("/review.js?token=" + std::string(token)).content_type ==
             "text/javascript; charset=utf-8");
  BOOST_TEST(get("/nowhere?token=" + std::string(token)).status == 404);
}

BOOST_FIXTURE_TEST_CASE(each_change_is_saved_at_once_and_undone, Fixture) {
  const std::string original = read_text(repository.file);
  nlohmann::json answer = nlohmann::json::parse(post(change("accept", "p1.s1")).body);
  BOOST_TEST(answer["message"] == "confirmed the link of p1.s1");
  BOOST_TEST(read_text(repository.file).find("status: reviewed") != std::string::npos);
  const std::string accepted = read_text(repository.file);
  answer = nlohmann::json::parse(post(change("note", "tgt:p2", "to check: ¡!")).body);
  BOOST_TEST(answer["undo"] == "noted the link of tgt:p2");
  BOOST_TEST(read_text(repository.file).find("note: \"to check: ¡!\"") != std::string::npos);
  // The state read back from disk shows the same.
  bool noted = false;
  const nlohmann::json read_back = state();
  for (const auto& row : read_back["rows"]) {
    noted = noted || (row["note"].is_string() && row["note"].get<std::string>() == "to check: ¡!");
  }
  BOOST_TEST(noted);
  answer = nlohmann::json::parse(post(change("undo", "")).body);
  BOOST_TEST(answer["message"] == "undid: noted the link of tgt:p2");
  BOOST_TEST(read_text(repository.file) == accepted);
  BOOST_TEST(post(change("undo", "")).status == 200);
  BOOST_TEST(read_text(repository.file) == original);
  const HttpResponse nothing_left = post(change("undo", ""));
  BOOST_TEST(nothing_left.status == 422);
  BOOST_TEST(nothing_left.body.find("nothing to undo") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(merge_split_and_omission_go_through_the_review_operations, Fixture) {
  BOOST_TEST(post(change("merge", "p1.s1")).status == 200);
  BOOST_TEST(read_text(repository.file).find("src: [p1.s1, p1.s2]") != std::string::npos);
  BOOST_TEST(post(change("split", "p1.s1")).status == 200);
  BOOST_TEST(read_text(repository.file).find("src: [p1.s1, p1.s2]") == std::string::npos);
  BOOST_TEST(post(change("omit", "tgt:p2.s2", "added by the translator")).status == 200);
  BOOST_TEST(read_text(repository.file).find("omitted: added by the translator") !=
             std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_file_changed_meanwhile_is_not_overwritten, Fixture) {
  const nlohmann::json seen = change("accept", "p1");
  const std::string elsewhere = read_text(repository.file) + "# edited by hand\n";
  write_text(repository.file, elsewhere);
  const HttpResponse refused = post(seen);
  BOOST_TEST(refused.status == 409);
  BOOST_TEST(refused.body.find("changed on disk since this page read it") != std::string::npos);
  BOOST_TEST(read_text(repository.file) == elsewhere);
  // Undo does not overwrite it either.
  BOOST_TEST(post(change("accept", "p1")).status == 200);
  write_text(repository.file, read_text(repository.file) + "# again\n");
  BOOST_TEST(post(change("undo", "")).status == 409);
}

BOOST_FIXTURE_TEST_CASE(malformed_changes_are_refused_and_change_nothing, Fixture) {
  const std::string before = read_text(repository.file);
  const auto raw = [&](const std::string& body) {
    return session.handle({"POST", "/change", host, "", token, body});
  };
  BOOST_TEST(raw("not json").status == 400);
  BOOST_TEST(raw("[1, 2]").status == 400);
  BOOST_TEST(raw(R"({"action": 3})").status == 422);
  BOOST_TEST(post(change("fly", "p1")).status == 400);
  const HttpResponse unknown = post(change("accept", "p9"));
  BOOST_TEST(unknown.status == 422);
  BOOST_TEST(unknown.body.find("did you mean 'p1'?") != std::string::npos);
  BOOST_TEST(post(change("accept", "p1 p2")).status == 422);
  BOOST_TEST(read_text(repository.file) == before);
}

BOOST_AUTO_TEST_CASE(tokens_are_random_hex) {
  const std::string first = new_token();
  BOOST_TEST(first.size() == 32U);
  BOOST_TEST(first.find_first_not_of("0123456789abcdef") == std::string::npos);
  BOOST_TEST(first != new_token());
}

BOOST_AUTO_TEST_CASE(the_server_listens_on_the_loopback_address_only) {
  Repository repository;
  for (const char* address : {"0.0.0.0", "::", "192.168.1.2", "example.org", ""}) {
    ServeOptions options;
    options.address = address;
    BOOST_CHECK_THROW(ReviewServer(repository.file, options), ServeError);
  }
}

BOOST_AUTO_TEST_CASE(a_real_socket_gets_the_same_answers) {
  Repository repository;
  ReviewServer server(repository.file, {});
  const std::string url = server.url();
  const unsigned short port = server.port();
  BOOST_TEST(url.rfind("http://127.0.0.1:" + std::to_string(port) + "/?token=", 0) == 0U);
  const std::string key = url.substr(url.find("token=") + 6);
  std::thread serving([&server] { server.run(); });
  const std::string here = "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
  const std::string close = "Connection: close\r\n\r\n";
  BOOST_TEST(over_socket(port, "GET / HTTP/1.1\r\n" + here + close).rfind("HTTP/1.1 403", 0) == 0U);
  BOOST_TEST(over_socket(port, "GET /?token=" + key + " HTTP/1.1\r\nHost: evil.example\r\n" + close)
                 .rfind("HTTP/1.1 403", 0) == 0U);
  BOOST_TEST(over_socket(port, "GET /?token=" + key + " HTTP/1.1\r\n" + here + close)
                 .rfind("HTTP/1.1 200", 0) == 0U);
  BOOST_TEST(over_socket(port, "NOT HTTP AT ALL\r\n\r\n").rfind("HTTP/1.1 400", 0) == 0U);
  server.stop();
  serving.join();
}
