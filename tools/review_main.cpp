// alinea review: the review queue of an alignment file, and the changes a reviewer makes to it —
// glue over alinea/review.hpp, where every rule lives.
#include <iostream>
#include <iterator>
#include <sstream>

#include "alinea/review.hpp"
#include "alinea/serve.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

double parse_confidence(const std::string& text, const char* option) {
  double value = -1.0;
  std::istringstream in(text);
  in >> value;
  if (in.fail() || !in.eof() || value < 0.0 || value > 1.0) {
    throw UsageError(std::string(option) + " takes a confidence between 0 and 1, not '" + text +
                     "'");
  }
  return value;
}

// "p3.s1,p3.s2" → {"p3.s1", "p3.s2"}; "" → {}.
std::vector<std::string> id_list(const std::string& text) {
  std::vector<std::string> ids;
  std::string id;
  std::istringstream in(text);
  while (std::getline(in, id, ',')) {
    if (!id.empty()) ids.push_back(id);
  }
  return ids;
}

// A note typed (or piped) after the file was read: a person may take minutes over it, so what
// changed on disk meanwhile is noticed when it is saved.
std::string note_from_input(const std::string& id) {
  std::cerr << "the note on the link of " << id << ", ended by Ctrl-D:" << std::endl;
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.empty()) {
    // An empty note removes the one there is: only on purpose (--note ID ""), never by accident.
    throw UsageError("the note read from standard input is empty; nothing was changed");
  }
  return text;
}

std::size_t count_of(const std::vector<QueueItem>& queue) {
  return queue.size();
}

}  // namespace

int run_review(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("list", "list the review queue (the default)")(
      "below", po::value<std::string>(),
      "with --list: automatic links less sure than this are listed (default 0.9, see "
      "docs/REVIEW.md)")("format", po::value<std::string>()->default_value("text"),
                         "with --list: text or json")(
      "accept", po::value<std::vector<std::string>>()->multitoken(),
      "the links holding these units become reviewed, fingerprints refreshed (tgt:ID for a "
      "target unit)")("accept-above", po::value<std::string>(),
                      "accept every automatic link with confidence >= C")(
      "link", po::value<std::vector<std::string>>()->multitoken(),
      "SRC TGT: set a link by hand; each side comma-separated ids of one paragraph or note, "
      "either may be \"\" (an omission)")(
      "note", po::value<std::vector<std::string>>()->multitoken(),
      "ID TEXT: a reviewer's note on the link holding ID (TEXT - : read from standard "
      "input, after the file)")(
      "acknowledge", po::value<std::vector<std::string>>()->multitoken(),
      "ID RULE…: findings of these alinea check rules on the link holding ID are intended "
      "(needs --reason)")("reason", po::value<std::string>(),
                          "with --acknowledge: why the findings are intended")(
      "serve", "a review page in the browser, on 127.0.0.1, until Ctrl-C")(
      "port", po::value<unsigned short>(), "with --serve: the port (default: a free one)")(
      "bind", po::value<std::string>(),
      "with --serve: the address to listen on; only 127.0.0.1 is accepted")(
      "alignment", po::value<std::string>(), "the alignment file");
  po::positional_options_description positional;
  positional.add("alignment", 1);
  const auto values = parse_command_line(
      arguments,
      "alinea review ALIGNMENT.yaml [--list] [--below C] [--format text|json]\n"
      "       alinea review ALIGNMENT.yaml --accept ID… | --accept-above C | --link SRC TGT | "
      "--note ID TEXT\n"
      "       alinea review ALIGNMENT.yaml --acknowledge ID RULE… --reason TEXT\n"
      "       alinea review ALIGNMENT.yaml --serve [--port N] [--below C]",
      options, positional);
  if (!values) return 0;
  if (values->count("alignment") == 0) throw UsageError("name the alignment file to review");
  std::size_t actions = 0;
  for (const char* action : {"accept", "accept-above", "link", "note", "acknowledge"}) {
    actions += values->count(action);
  }
  if (actions > 1) {
    throw UsageError(
        "one change at a time: --accept, --accept-above, --link, --note or --acknowledge");
  }
  if (actions == 1 && (values->count("below") != 0 || values->count("list") != 0)) {
    throw UsageError("--list and --below go without a change");
  }
  const bool serving = values->count("serve") != 0;
  if (serving && (actions != 0 || values->count("list") != 0)) {
    throw UsageError("--serve goes without --list or a change: the page makes the changes");
  }
  if (!serving && (values->count("port") != 0 || values->count("bind") != 0)) {
    throw UsageError("--port and --bind go with --serve");
  }
  const std::string format = (*values)["format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw UsageError("--format must be text or json, not '" + format + "'");
  }
  std::vector<std::string> link;
  if (values->count("link") != 0) {
    link = (*values)["link"].as<std::vector<std::string>>();
    if (link.size() != 2) throw UsageError("--link takes two arguments: SRC TGT (\"\" for none)");
  }
  std::vector<std::string> note;
  if (values->count("note") != 0) {
    note = (*values)["note"].as<std::vector<std::string>>();
    if (note.size() != 2) throw UsageError("--note takes two arguments: ID TEXT");
  }
  std::vector<std::string> acknowledge;
  if (values->count("acknowledge") != 0) {
    acknowledge = (*values)["acknowledge"].as<std::vector<std::string>>();
    if (acknowledge.size() < 2) {
      throw UsageError("--acknowledge takes a unit id and one or more rule ids: ID RULE…");
    }
    if (values->count("reason") == 0) {
      throw UsageError("--acknowledge needs --reason TEXT: why the findings are intended");
    }
  } else if (values->count("reason") != 0) {
    throw UsageError("--reason goes with --acknowledge");
  }
  std::optional<double> accept_above_confidence;
  if (values->count("accept-above") != 0) {
    accept_above_confidence =
        parse_confidence((*values)["accept-above"].as<std::string>(), "--accept-above");
  }
  const double below = values->count("below") != 0
                           ? parse_confidence((*values)["below"].as<std::string>(), "--below")
                           : default_review_threshold;

  if (serving) {
    ServeOptions serve;
    if (values->count("port") != 0) serve.port = (*values)["port"].as<unsigned short>();
    if (values->count("bind") != 0) serve.address = (*values)["bind"].as<std::string>();
    serve.threshold = below;
    ReviewServer server((*values)["alignment"].as<std::string>(), serve);
    std::cout << "Reviewing " << (*values)["alignment"].as<std::string>() << " at\n  "
              << server.url()
              << "\nOpen it in a browser on this machine (the token in it is the only key); "
                 "Ctrl-C stops."
              << std::endl;
    server.run();
    return 0;
  }
  const OpenedAlignment opened = open_for_review((*values)["alignment"].as<std::string>());
  if (actions == 0) {
    const auto queue = review_queue(opened.alignment, opened.documents, below);
    std::cout << format_queue(queue, format == "json" ? QueueFormat::json : QueueFormat::text);
    return 0;
  }
  const std::string note_text =
      note.empty() ? "" : (note[1] == "-" ? note_from_input(note[0]) : note[1]);
  Alignment updated;
  std::string done;
  if (values->count("accept") != 0) {
    std::vector<UnitChoice> units;
    for (const std::string& id : (*values)["accept"].as<std::vector<std::string>>()) {
      units.push_back(UnitChoice::parse(id));
    }
    updated = accept_links(opened.alignment, opened.documents, units);
    done = "accepted the links of " + std::to_string(units.size()) + " unit" +
           (units.size() == 1 ? "" : "s");
  } else if (accept_above_confidence) {
    updated = accept_above(opened.alignment, opened.documents, *accept_above_confidence);
    done = "accepted the automatic links with confidence >= " +
           (*values)["accept-above"].as<std::string>();
  } else if (!link.empty()) {
    updated = set_link(opened.alignment, opened.documents, id_list(link[0]), id_list(link[1]));
    done =
        "linked " + (link[0].empty() ? "∅" : link[0]) + " ↔ " + (link[1].empty() ? "∅" : link[1]);
  } else if (!acknowledge.empty()) {
    const std::vector<std::string> rules(acknowledge.begin() + 1, acknowledge.end());
    updated = acknowledge_on_link(opened.alignment, opened.documents, acknowledge[0], rules,
                                  (*values)["reason"].as<std::string>());
    done = "acknowledged";
    for (const std::string& rule : rules) done += " " + rule;
    done += " on the link of " + acknowledge[0];
  } else {
    updated =
        attach_note(opened.alignment, opened.documents, UnitChoice::parse(note[0]), note_text);
    done = "noted the link of " + note[0];
  }
  const OpenedAlignment saved = [&] {
    try {
      return save_review(opened, updated);
    } catch (const ReviewConflict& conflict) {
      if (note.empty() || note[1] != "-") throw;
      // What the person typed is not lost with the refused change.
      throw ReviewConflict(std::string(conflict.what()) + "; the note you typed, to add again:\n" +
                           note_text);
    }
  }();
  std::cerr << opened.file.string() << ": " << done << "; "
            << count_of(review_queue(saved.alignment, saved.documents, below))
            << " left in the review queue\n";
  return 0;
}

}  // namespace alinea::cli
