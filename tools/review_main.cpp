// alinea review: the review queue of an alignment file, and the changes a reviewer makes to it —
// glue over alinea/review.hpp, where every rule lives.
#include <iostream>
#include <iterator>
#include <sstream>

#include "alinea/review.hpp"
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

// UsageError for options that do not go together, before any file is read.
void refuse_wrong_options(const po::variables_map& values) {
  std::size_t actions = 0;
  for (const char* action : {"accept", "accept-above", "link", "note", "acknowledge"}) {
    actions += values.count(action);
  }
  const auto refuse = [](bool wrong, const char* message) {
    if (wrong) throw UsageError(message);
  };
  refuse(actions > 1,
         "one change at a time: --accept, --accept-above, --link, --note or --acknowledge");
  refuse(actions == 1 && (values.count("below") != 0 || values.count("list") != 0),
         "--list and --below go without a change");
  refuse(values.count("serve") != 0 && (actions != 0 || values.count("list") != 0),
         "--serve goes without --list or a change: the page makes the changes");
  refuse(values.count("serve") == 0 && (values.count("port") != 0 || values.count("bind") != 0),
         "--port and --bind go with --serve");
  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw UsageError("--format must be text or json, not '" + format + "'");
  }
  const auto count_of = [&](const char* option) {
    return values.count(option) == 0 ? 0 : values[option].as<std::vector<std::string>>().size();
  };
  refuse(values.count("link") != 0 && count_of("link") != 2,
         "--link takes two arguments: SRC TGT (\"\" for none)");
  refuse(values.count("note") != 0 && count_of("note") != 2, "--note takes two arguments: ID TEXT");
  refuse(values.count("acknowledge") != 0 && count_of("acknowledge") < 2,
         "--acknowledge takes a unit id and one or more rule ids: ID RULE…");
  refuse(values.count("acknowledge") != 0 && values.count("reason") == 0,
         "--acknowledge needs --reason TEXT: why the findings are intended");
  refuse(values.count("acknowledge") == 0 && values.count("reason") != 0,
         "--reason goes with --acknowledge");
  if (values.count("accept-above") != 0) {
    (void)parse_confidence(values["accept-above"].as<std::string>(), "--accept-above");
  }
}

// The change the options ask for; std::nullopt for none (the queue is listed). A note given as
// "-" is read from standard input now, after the file was read.
std::optional<ReviewChange> change_asked(const po::variables_map& values) {
  const auto arguments_of = [&](const char* option) {
    return values[option].as<std::vector<std::string>>();
  };
  if (values.count("link") != 0) {
    const auto link = arguments_of("link");
    return LinkByHand{id_list(link[0]), id_list(link[1])};
  }
  if (values.count("note") != 0) {
    const auto note = arguments_of("note");
    const UnitChoice unit = UnitChoice::parse(note[0]);
    return NoteOnLink{unit, note[1] == "-" ? note_from_input(note[0]) : note[1]};
  }
  if (values.count("acknowledge") != 0) {
    const auto acknowledge = arguments_of("acknowledge");
    return AcknowledgeOnLink{acknowledge[0],
                             {acknowledge.begin() + 1, acknowledge.end()},
                             values["reason"].as<std::string>()};
  }
  if (values.count("accept-above") != 0) {
    return AcceptAbove{
        parse_confidence(values["accept-above"].as<std::string>(), "--accept-above")};
  }
  if (values.count("accept") == 0) return std::nullopt;
  std::vector<UnitChoice> units;
  for (const std::string& id : arguments_of("accept")) units.push_back(UnitChoice::parse(id));
  return AcceptUnits{units};
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
  refuse_wrong_options(*values);
  const double below = values->count("below") != 0
                           ? parse_confidence((*values)["below"].as<std::string>(), "--below")
                           : default_review_threshold;
  if (values->count("serve") != 0) {
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
  const std::optional<ReviewChange> change = change_asked(*values);
  if (!change) {
    const auto queue = review_queue(opened.alignment, opened.documents, below);
    std::cout << format_queue(queue, (*values)["format"].as<std::string>() == "json"
                                         ? QueueFormat::json
                                         : QueueFormat::text);
    return 0;
  }
  const ReviewOutcome outcome = [&] {
    try {
      return review_and_save(opened, *change, below);
    } catch (const ReviewConflict& conflict) {
      const auto* note = std::get_if<NoteOnLink>(&*change);
      if (note == nullptr || (*values)["note"].as<std::vector<std::string>>()[1] != "-") throw;
      // What the person typed is not lost with the refused change.
      throw ReviewConflict(std::string(conflict.what()) + "; the note you typed, to add again:\n" +
                           note->text);
    }
  }();
  std::cerr << opened.file.string() << ": " << outcome.description << "; " << outcome.left_in_queue
            << " left in the review queue\n";
  return 0;
}
}  // namespace alinea::cli
