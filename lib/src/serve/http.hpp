// A small HTTP/1.1 server for one local user: requests in, responses out, one at a time, on one
// thread. It knows nothing of tokens or pages (review_session.cpp decides what is served);
// http_server.cpp is the only file that talks to Boost.Beast and Boost.Asio. Private to the
// library.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace alinea::serve_detail {

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string target;  // path and query: "/state?token=…"
  std::string host;    // the Host header, "" when absent
  std::string origin;  // the Origin header, "" when absent
  std::string token;   // the X-Alinea-Token header, "" when absent
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers = {};
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

// Listens on `address` (an IPv4 or IPv6 literal) at `port` (0: a free port the system picks) as
// soon as it is made; throws std::runtime_error when it cannot. Requests larger than a megabyte
// and connections idle for half a minute are dropped.
class HttpServer {
 public:
  HttpServer(const std::string& address, unsigned short port, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  [[nodiscard]] unsigned short port() const;
  // Serves until stop() is called (from any thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alinea::serve_detail
