// alinea review --serve: the review page (ReviewServer, alinea/review.hpp) until Ctrl-C.
#include <iostream>

#include "alinea/review.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

void add_serve_options(po::options_description& options) {
  options.add_options()("serve", "a review page in the browser, on 127.0.0.1, until Ctrl-C")(
      "port", po::value<unsigned short>(), "with --serve: the port (default: a free one)")(
      "bind", po::value<std::string>(),
      "with --serve: the address to listen on; only 127.0.0.1 is accepted");
}

int serve_review(const std::string& file, const po::variables_map& values, double below) {
  ServeOptions options{.threshold = below};
  if (values.count("port") != 0) options.port = values["port"].as<unsigned short>();
  if (values.count("bind") != 0) options.address = values["bind"].as<std::string>();
  ReviewServer server(file, options);
  std::cout << "Reviewing " << file << " at\n  " << server.url()
            << "\nOpen it in a browser on this machine (the token in it is the only key); "
               "Ctrl-C stops."
            << std::endl;
  server.run();
  return 0;
}

}  // namespace alinea::cli
