// What the review page's server answers, without the network: the token and Host checks, the
// page, the state of the alignment as JSON, and the changes (each one review operation, saved at
// once, refused when the file changed meanwhile), with undo. Private to the library; the unit
// tests call handle() directly.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "alinea/review.hpp"
#include "serve/http.hpp"

namespace alinea::serve_detail {

// 32 hex digits from std::random_device (the kernel's random source on Linux).
[[nodiscard]] std::string new_token();

// The version of a file's text the page last saw: 16 hex digits of its FNV-1a hash.
[[nodiscard]] std::string text_version(const std::string& text);

class ReviewSession {
 public:
  ReviewSession(std::filesystem::path file, std::string token, double threshold);

  // The port the server listens on: Host headers must name it.
  void listening_on(unsigned short port) { port_ = port; }
  [[nodiscard]] HttpResponse handle(const HttpRequest& request);

 private:
  struct Step {  // one change, to undo: the alignment before it, the file after it
    Alignment before;
    std::string after;
    std::string what;
  };

  [[nodiscard]] std::string refusal(const HttpRequest& request) const;
  [[nodiscard]] HttpResponse state_response(const OpenedAlignment& opened,
                                            const std::string& message) const;
  [[nodiscard]] HttpResponse change(const std::string& body);
  [[nodiscard]] HttpResponse undo(const OpenedAlignment& opened);

  std::filesystem::path file_;
  std::string token_;
  double threshold_;
  unsigned short port_ = 0;
  std::vector<Step> steps_;
};

// The page and what it loads, all served by the session itself (no other origin).
[[nodiscard]] std::string review_page_html(const std::string& token);
[[nodiscard]] const char* review_page_script();
[[nodiscard]] const char* review_page_style();

}  // namespace alinea::serve_detail
