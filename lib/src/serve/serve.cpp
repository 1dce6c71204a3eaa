// alinea::ReviewServer: the session (review_session.cpp) behind the HTTP server (http_server.cpp),
// on the loopback address only.
#include <cmath>

#include "alinea/review.hpp"
#include "serve/http.hpp"
#include "serve/review_session.hpp"

namespace alinea {

struct ReviewServer::Impl {
  serve_detail::ReviewSession session;
  std::unique_ptr<serve_detail::HttpServer> server;
  std::string url;
};

ReviewServer::ReviewServer(const std::filesystem::path& file, const ServeOptions& options) {
  if (options.address != "127.0.0.1" && options.address != "localhost") {
    throw ServeError("the review page is served on 127.0.0.1 only (this machine), not on '" +
                     options.address + "': the token is all that guards the file, and it " +
                     "would cross the network in clear text");
  }
  if (!std::isfinite(options.threshold) || options.threshold < 0.0 || options.threshold > 1.0) {
    throw ServeError("a confidence threshold is between 0 and 1");
  }
  static_cast<void>(open_for_review(file));  // a broken file is reported now, not on the page
  const std::string token = serve_detail::new_token();
  impl_ = std::make_unique<Impl>(Impl{{file, token, options.threshold}, nullptr, ""});
  Impl* impl = impl_.get();
  try {
    impl->server = std::make_unique<serve_detail::HttpServer>(
        "127.0.0.1", options.port,
        [impl](const serve_detail::HttpRequest& request) { return impl->session.handle(request); });
  } catch (const std::runtime_error& failure) {
    throw ServeError(failure.what());
  }
  impl->session.listening_on(impl->server->port());
  impl->url = "http://127.0.0.1:" + std::to_string(impl->server->port()) + "/?token=" + token;
}

ReviewServer::~ReviewServer() = default;

std::string ReviewServer::url() const {
  return impl_->url;
}

unsigned short ReviewServer::port() const {
  return impl_->server->port();
}

void ReviewServer::run() {
  impl_->server->run();
}

void ReviewServer::stop() {
  impl_->server->stop();
}

}  // namespace alinea
