// HTTP over Boost.Beast, asynchronous on one thread: a browser may hold several connections open
// (kept alive, or opened ahead of use) without keeping the others waiting. The only file that
// includes Boost.Beast and Boost.Asio.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <optional>
#include <stdexcept>

#include "serve/http.hpp"

namespace alinea::serve_detail {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::size_t request_limit = std::size_t{1} << 20U;
constexpr std::chrono::seconds idle_limit{30};

std::string header_of(const http::request<http::string_body>& request, beast::string_view name) {
  const auto found = request.find(name);
  return found == request.end() ? std::string() : std::string(found->value());
}

HttpRequest plain(const http::request<http::string_body>& request) {
  return {std::string(request.method_string()), std::string(request.target()),
          header_of(request, "Host"),           header_of(request, "Origin"),
          header_of(request, "X-Alinea-Token"), request.body()};
}

http::response<http::string_body> beast_response(const HttpResponse& response, unsigned version,
                                                 bool keep_alive) {
  http::response<http::string_body> out{static_cast<http::status>(response.status), version};
  out.set(http::field::server, "alinea");
  out.set(http::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) out.set(name, value);
  out.keep_alive(keep_alive);
  out.body() = response.body;
  out.prepare_payload();
  return out;
}

// One connection: read a request, answer it, and again while the browser keeps it alive.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, const HttpHandler& handler)
      : stream_(std::move(socket)), handler_(handler) {}

  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(request_limit);
    parser_->header_limit(64 * 1024);
    stream_.expires_after(idle_limit);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                       self->on_read(error);
                     });
  }

  void on_read(beast::error_code error) {
    if (error == http::error::end_of_stream || error == beast::error::timeout ||
        error == net::error::operation_aborted || error == net::error::connection_reset) {
      close();
      return;
    }
    if (error) {
      // A request we cannot read (malformed, too large): say so once, then hang up.
      respond(beast_response({400, "text/plain; charset=utf-8", "a malformed HTTP request\n"}, 11,
                             false));
      return;
    }
    const http::request<http::string_body>& request = parser_->get();
    HttpResponse response;
    try {
      response = handler_(plain(request));
    } catch (const std::exception& failure) {
      response = {500, "text/plain; charset=utf-8", std::string(failure.what()) + "\n"};
    }
    respond(beast_response(response, request.version(), request.keep_alive()));
  }

  void respond(http::response<http::string_body>&& response) {
    response_ = std::move(response);
    stream_.expires_after(idle_limit);
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code error, std::size_t) {
                        if (error || !self->response_.keep_alive()) {
                          self->close();
                        } else {
                          self->read();
                        }
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  const HttpHandler& handler_;
};

}  // namespace

struct HttpServer::Impl {
  HttpHandler handler;  // outlives the connections the context still holds
  net::io_context context{1};
  tcp::acceptor acceptor{context};

  void accept() {
    acceptor.async_accept(context, [this](beast::error_code error, tcp::socket socket) {
      if (error == net::error::operation_aborted) return;
      if (!error) std::make_shared<Connection>(std::move(socket), handler)->start();
      accept();
    });
  }
};

HttpServer::HttpServer(const std::string& address, unsigned short port, HttpHandler handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->handler = std::move(handler);
  beast::error_code error;
  const net::ip::address ip = net::ip::make_address(address, error);
  if (error) throw std::runtime_error("'" + address + "' is not an IP address");
  const tcp::endpoint endpoint(ip, port);
  impl_->acceptor.open(endpoint.protocol(), error);
  if (!error) impl_->acceptor.set_option(net::socket_base::reuse_address(true), error);
  if (!error) impl_->acceptor.bind(endpoint, error);
  if (!error) impl_->acceptor.listen(net::socket_base::max_listen_connections, error);
  if (error) {
    throw std::runtime_error("cannot listen on " + address + " port " + std::to_string(port) +
                             ": " + error.message());
  }
  impl_->accept();
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void HttpServer::run() {
  impl_->context.run();
}

void HttpServer::stop() {
  impl_->context.stop();
}

}  // namespace alinea::serve_detail
