// alinea: align translations with their sources. This file only dispatches to a subcommand and
// turns exceptions into messages and exit codes; the work is in the library.
#include <array>
#include <iostream>
#include <stdexcept>
#include <string>

#include "alinea/base.hpp"
#include "command.hpp"

namespace {

using alinea::cli::Command;

constexpr std::array commands = {
    Command{"import", "turn a PDF extraction, text or Markdown into a corpus document",
            alinea::cli::run_import},
    Command{"inspect", "show the structure of a corpus document", alinea::cli::run_inspect},
    Command{"segment", "split text into sentences, one per line", alinea::cli::run_segment},
    Command{"show", "show an alignment side by side, or export it (HTML, TMX, tsv, moses)",
            alinea::cli::run_show},
    Command{"align", "align a translation with its source", alinea::cli::run_align},
    Command{"check", "validate alignment files against their documents (CI)",
            alinea::cli::run_check},
    Command{"coverage", "how much of each source is linked, and the gaps",
            alinea::cli::run_coverage},
    Command{"review", "the review queue, and accepting, linking and noting by hand",
            alinea::cli::run_review},
    Command{"catalogue", "turn a table of contents into an edition catalogue",
            alinea::cli::run_catalogue},
};

void print_help(std::ostream& out) {
  out << "usage: alinea <command> [options]\n\ncommands:\n";
  for (const Command& command : commands) {
    out << "  " << command.name << std::string(12 - command.name.size(), ' ') << command.summary
        << '\n';
  }
  out << "\n'alinea <command> --help' describes a command.\n";
}

// A message on the terminal: paths and text from files in it carry no control sequence.
std::string shown(std::string_view message) {
  return alinea::sanitise_for_display(message, alinea::LineBreaks::kept);
}

const Command* find_command(std::string_view name) {
  for (const Command& command : commands) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  const alinea::cli::Arguments arguments(argv + 1, argv + argc);
  if (arguments.empty()) {
    print_help(std::cerr);
    return 2;
  }
  const std::string& name = arguments.front();
  if (name == "help" || name == "--help" || name == "-h") {
    if (arguments.size() > 1) {
      if (const Command* command = find_command(arguments[1])) return command->run({"--help"});
    }
    print_help(std::cout);
    return 0;
  }
  if (name == "--version" || name == "version") {
    std::cout << "alinea " << ALINEA_VERSION << '\n';
    return 0;
  }
  const Command* command = find_command(name);
  if (command == nullptr) {
    std::cerr << "alinea: unknown command '" << name << "'\n";
    print_help(std::cerr);
    return 2;
  }
  try {
    const int status = command->run({arguments.begin() + 1, arguments.end()});
    // Output lost on the way (a full disk) is a failure, never a silent exit 0; a command that
    // failed has said why already.
    std::cout.flush();
    if (status == 0 && !std::cout) throw std::runtime_error("cannot write to standard output");
    return status;
  } catch (const alinea::cli::UsageError& error) {
    std::cerr << "alinea " << name << ": " << shown(error.what()) << "\n(see 'alinea " << name
              << " --help')\n";
    return 2;
  } catch (const alinea::InputError& error) {
    std::cerr << shown(error.what()) << '\n';
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "alinea " << name << ": " << shown(error.what()) << '\n';
    return 1;
  }
}
