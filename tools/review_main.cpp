// alinea review: the review queue of an alignment file, and the changes a reviewer makes to it —
// glue over alinea/review.hpp, where every rule lives.
#include <iostream>

#include "alinea/review.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

// UsageError for options that do not go together, before any file is read.
void refuse_wrong_options(const po::variables_map& values) {
  const auto given = [&](const char* option) { return values.count(option) != 0; };
  const std::size_t actions =
      count_given(values, {"accept", "accept-above", "link", "note", "acknowledge"});
  refuse_if(actions > 1,
            "one change at a time: --accept, --accept-above, --link, --note or --acknowledge");
  refuse_if(actions == 1 && (given("below") || given("list")),
            "--list and --below go without a change");
  refuse_if(given("serve") && (actions != 0 || given("list")),
            "--serve goes without --list or a change: the page makes the changes");
  refuse_if(!given("serve") && (given("port") || given("bind")),
            "--port and --bind go with --serve");
  const std::string format = values["format"].as<std::string>();
  refuse_if(!parse_queue_format(format), "--format must be text or json, not '" + format + "'");
  refuse_if(given("link") && arguments_of(values, "link").size() != 2,
            "--link takes two arguments: SRC TGT (\"\" for none)");
  refuse_if(given("note") && arguments_of(values, "note").size() != 2,
            "--note takes two arguments: ID TEXT");
  refuse_if(given("acknowledge") && arguments_of(values, "acknowledge").size() < 2,
            "--acknowledge takes a unit id and one or more rule ids: ID RULE…");
  refuse_if(given("acknowledge") && !given("reason"),
            "--acknowledge needs --reason TEXT: why the findings are intended");
  refuse_if(!given("acknowledge") && given("reason"), "--reason goes with --acknowledge");
}

// The change the options ask for, read before the file is (usage errors first); std::nullopt for
// none (the queue is listed). A note given as "-" is read from standard input later.
std::optional<ReviewChange> change_asked(const po::variables_map& values) {
  if (const auto link = arguments_of(values, "link"); !link.empty()) {
    return LinkByHand{id_list(link[0]), id_list(link[1])};
  }
  if (const auto note = arguments_of(values, "note"); !note.empty()) {
    return NoteOnLink{UnitChoice::parse(note[0]), note[1]};
  }
  if (const auto acknowledge = arguments_of(values, "acknowledge"); !acknowledge.empty()) {
    return AcknowledgeOnLink{acknowledge[0],
                             {acknowledge.begin() + 1, acknowledge.end()},
                             values["reason"].as<std::string>()};
  }
  if (values.count("accept-above") != 0) {
    return AcceptAbove{
        confidence_option("--accept-above", values["accept-above"].as<std::string>())};
  }
  if (values.count("accept") == 0) return std::nullopt;
  std::vector<UnitChoice> units;
  for (const std::string& id : arguments_of(values, "accept")) {
    units.push_back(UnitChoice::parse(id));
  }
  return AcceptUnits{units};
}

}  // namespace

int run_review(const Arguments& arguments) {
  po::options_description options("options");
  const auto several = [] { return po::value<std::vector<std::string>>()->multitoken(); };
  options.add_options()("list", "list the review queue (the default)")(
      "below", po::value<std::string>(),
      "with --list: automatic links less sure than this are listed (default 0.9, see "
      "docs/REVIEW.md)")("format", po::value<std::string>()->default_value("text"),
                         "with --list: text or json")(
      "accept", several(),
      "the links holding these units become reviewed, fingerprints refreshed (tgt:ID for a "
      "target unit)")("accept-above", po::value<std::string>(),
                      "accept every automatic link with confidence >= C")(
      "link", several(),
      "SRC TGT: set a link by hand; each side comma-separated ids of one paragraph or note, "
      "either may be \"\" (an omission)")(
      "note", several(),
      "ID TEXT: a reviewer's note on the link holding ID (TEXT - : read from standard "
      "input, after the file)")(
      "acknowledge", several(),
      "ID RULE…: findings of these alinea check rules on the link holding ID are intended "
      "(needs --reason)")("reason", po::value<std::string>(),
                          "with --acknowledge: why the findings are intended");
  add_serve_options(options);
  const auto command = parse_alignment_command(
      arguments,
      "alinea review ALIGNMENT.yaml [--list] [--below C] [--format text|json]\n"
      "       alinea review ALIGNMENT.yaml --accept ID… | --accept-above C | --link SRC TGT | "
      "--note ID TEXT\n"
      "       alinea review ALIGNMENT.yaml --acknowledge ID RULE… --reason TEXT\n"
      "       alinea review ALIGNMENT.yaml --serve [--port N] [--below C]",
      options, "name the alignment file to review");
  if (!command) return 0;
  const auto& [values, file] = *command;
  refuse_wrong_options(values);
  const double below = values.count("below") == 0
                           ? default_review_threshold
                           : confidence_option("--below", values["below"].as<std::string>());
  if (values.count("serve") != 0) return serve_review(file, values, below);
  std::optional<ReviewChange> change = change_asked(values);
  const OpenedAlignment opened = open_for_review(file);
  // Typed after the file was read: what changed on disk meanwhile is noticed when it is saved.
  if (auto* note = change ? std::get_if<NoteOnLink>(&*change) : nullptr;
      note && note->text == "-") {
    note->text = text_from_input(
        "the note on the link of " + note->unit.to_string() + ", ended by Ctrl-D:", "the note");
  }
  if (!change) {
    std::cout << format_queue(review_queue(opened.alignment, opened.documents, below),
                              *parse_queue_format(values["format"].as<std::string>()));
    return 0;
  }
  const ReviewOutcome outcome = review_and_save(opened, *change, below);
  std::cerr << opened.file.string() << ": " << outcome.description << "; " << outcome.left_in_queue
            << " left in the review queue\n";
  return 0;
}
}  // namespace alinea::cli
