// The review page: `alinea review FILE --serve` — an alignment reviewed in the browser, by
// keyboard, each change made by the review operations (alinea/review.hpp) and saved at once.
//
// The server listens on 127.0.0.1 only and trusts no request without the random token of the URL
// it gives (a change also needs it in a header, so a link or form on another page cannot make
// one), nor one whose Host is not 127.0.0.1:PORT or localhost:PORT (DNS rebinding). See
// docs/REVIEW.md, "The review page".
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "alinea/review.hpp"

namespace alinea {

// The server cannot start as asked: an address other than the loopback one, a port in use.
class ServeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ServeOptions {
  std::string address = "127.0.0.1";            // the only one accepted ("localhost" means it too)
  unsigned short port = 0;                      // 0: a free port the system picks
  double threshold = default_review_threshold;  // for the queue, as review_queue()
};

class ReviewServer {
 public:
  // Reads the alignment and its documents (errors as open_for_review) and starts listening.
  ReviewServer(const std::filesystem::path& file, const ServeOptions& options);
  ~ReviewServer();
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  // "http://127.0.0.1:PORT/?token=…": the page, for the person who started the server.
  [[nodiscard]] std::string url() const;
  [[nodiscard]] unsigned short port() const;
  // Serves until stop() is called from another thread (or the process ends).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alinea
