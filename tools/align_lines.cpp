// alinea align --lines: benchmark mode. One sentence per line on each side; prints one link per
// line as Vecalign does (align_sentence_lines, alinea/aligner.hpp).
#include <iostream>
#include <string>
#include <vector>

#include "alinea/aligner.hpp"
#include "alinea/base.hpp"
#include "command.hpp"

namespace alinea::cli {
namespace po = boost::program_options;

namespace {

void apply_signals(const std::string& signals, AlignOptions& options) {
  if (signals == "all") return;
  options.use_tokens = false;
  options.use_punctuation = false;
  options.use_learned_lexicon = false;
  options.use_translation_model = false;
  if (signals == "length") return;
  std::size_t begin = 0;
  while (begin <= signals.size()) {
    std::size_t end = signals.find(',', begin);
    if (end == std::string::npos) end = signals.size();
    const std::string name = signals.substr(begin, end - begin);
    if (name == "tokens") {
      options.use_tokens = true;
    } else if (name == "punctuation") {
      options.use_punctuation = true;
    } else if (name == "lexicon") {
      options.use_learned_lexicon = true;
    } else if (name == "model1") {
      options.use_translation_model = true;
    } else {
      throw UsageError("--signals: unknown signal '" + name +
                       "' (all, length, or tokens,punctuation,lexicon,model1)");
    }
    begin = end + 1;
  }
}

// "weight=1,phrases,stems,most=3,prior=2,silent": how a dictionary takes part (DictionaryUse).
void apply_dictionary_use(const std::string& choices, DictionaryUse& use) {
  const auto number = [](const std::string& name, const std::string& text, double most) {
    std::size_t used = 0;
    double value = -1.0;
    try {
      value = std::stod(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != text.size() || !(value >= 0.0 && value <= most)) {
      throw UsageError("--dictionary-use: " + name + " must be a number from 0 to " +
                       std::to_string(static_cast<int>(most)));
    }
    return value;
  };
  std::size_t begin = 0;
  while (begin < choices.size()) {
    std::size_t end = choices.find(',', begin);
    if (end == std::string::npos) end = choices.size();
    const std::string choice = choices.substr(begin, end - begin);
    begin = end + 1;
    const std::size_t equals = choice.find('=');
    const std::string name = choice.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : choice.substr(equals + 1);
    if (name == "weight" && equals != std::string::npos) {
      use.match_bonus = number(name, value, 100.0);
    } else if (name == "prior" && equals != std::string::npos) {
      use.model1_prior = number(name, value, 1000.0);
    } else if (name == "most" && equals != std::string::npos) {
      use.most_translations = static_cast<std::size_t>(number(name, value, 1000.0));
    } else if (choice == "phrases") {
      use.phrases = true;
    } else if (choice == "stems" || choice == "no-stems") {
      use.stems = choice == "stems";
    } else if (choice == "silent") {
      use.only_where_model1_is_silent = true;
    } else {
      throw UsageError("--dictionary-use: unknown choice '" + choice +
                       "' (weight=W, phrases, stems, no-stems, most=N, prior=W, silent)");
    }
  }
}

}  // namespace

int run_align_lines(const Arguments& arguments) {
  po::options_description options("options");
  options.add_options()("lines", "benchmark mode: one sentence per line")(
      "src-lang", po::value<std::string>()->required(), "source language (BCP 47)")(
      "tgt-lang", po::value<std::string>()->required(), "target language (BCP 47)")(
      "dictionary", po::value<std::string>(), "bilingual word list, hunalign format")(
      "mt", "translate the source with Apertium when installed")(
      "freedict", po::value<std::string>()->implicit_value(default_freedict_folder),
      "use FreeDict's dictionary for the language pair when installed (Debian's dict-freedict-*, "
      "in this folder); says on standard error which one")(
      "dictionary-use", po::value<std::string>()->default_value(""),
      "benchmark tuning: how the dictionary takes part, changes to its default use as a "
      "comma-separated list: weight=W (nats per matched word; FreeDict 0, a word list 2), "
      "phrases (headwords of several words), stems or no-stems (hunspell stems; FreeDict on), "
      "most=N (headwords with at most N translations), prior=W (the dictionary's pairs join "
      "Model 1's training, a source word's as W sentence pairs; FreeDict 2, a word list 0), "
      "silent (a match counts only where Model 1 knows nothing of the target word)")(
      "signals", po::value<std::string>()->default_value("all"),
      "evidence besides length, to measure what each is worth: all (the default set: tokens, "
      "punctuation, model1), or a comma-separated subset of tokens, punctuation, lexicon "
      "(co-occurrence lexicon), model1 (IBM Model 1); 'length' for none (a Gale-Church "
      "baseline)")(
      "temperature", po::value<double>(),
      "benchmark tuning: bead costs are divided by this before they become the posteriors that "
      "give each link its confidence")(
      "confidence-features", po::value<std::string>(),
      "benchmark tuning: also write to this file, one line per link, what its confidence is "
      "computed from (posterior, leaked tokens, shortest unit; bench/align/fit_confidence.py)")(
      "output,o", po::value<std::string>()->default_value("-"),
      "output file (- for stdout): a link a line, '[0, 1]:[2]:0.93' (source lines, target lines, "
      "confidence), in source order; a sentence the layout moved is linked across the others")(
      "source", po::value<std::string>()->required(), "source text, one sentence per line")(
      "target", po::value<std::string>()->required(), "target text, one sentence per line");
  po::positional_options_description positional;
  positional.add("source", 1).add("target", 1);
  const auto values = parse_command_line(
      arguments,
      "alinea align --lines SRC.txt TGT.txt --src-lang L --tgt-lang L [--dictionary FILE] [-o OUT]",
      options, positional);
  if (!values) return 0;

  const std::string source_path = (*values)["source"].as<std::string>();
  const std::string target_path = (*values)["target"].as<std::string>();
  if (source_path == "-" && target_path == "-") {
    throw UsageError("only one of SRC and TGT can be standard input");
  }
  AlignOptions align_options = align_options_of(*values);
  if (values->count("freedict") != 0) {
    align_options.freedict_folder = (*values)["freedict"].as<std::string>();
  }
  apply_signals((*values)["signals"].as<std::string>(), align_options);
  if (const std::string choices = (*values)["dictionary-use"].as<std::string>(); !choices.empty()) {
    DictionaryUse use = align_options.dictionary ? DictionaryUse{} : freedict_use();
    apply_dictionary_use(choices, use);
    align_options.dictionary_use = use;
  }
  if (values->count("temperature") != 0) {
    const double temperature = (*values)["temperature"].as<double>();
    if (!(temperature > 0.0 && temperature < 1e6)) {
      throw UsageError("--temperature: must be a positive number");
    }
    align_options.confidence_temperature = temperature;
  }
  const std::string source_lang =
      language_option("src-lang", (*values)["src-lang"].as<std::string>()).tag;
  const std::string target_lang =
      language_option("tgt-lang", (*values)["tgt-lang"].as<std::string>()).tag;
  if (align_options.freedict_folder) {
    const auto used = freedict_for(align_options, source_lang, target_lang);
    std::cerr << "alinea align: "
              << (used ? "using FreeDict's dictionary " + used->string()
                       : "no FreeDict dictionary for " + source_lang + " → " + target_lang +
                             " in " + align_options.freedict_folder->string())
              << "\n";
  }
  const std::string source_text = read_input(source_path);
  const std::string target_text = read_input(target_path);
  const SentenceLinesAlignment aligned =
      align_sentence_lines({source_text, source_path, source_lang},
                           {target_text, target_path, target_lang}, align_options);
  write_output((*values)["output"].as<std::string>(), aligned.links);
  if (values->count("confidence-features") != 0) {
    write_output((*values)["confidence-features"].as<std::string>(), aligned.confidence_features);
  }
  return 0;
}

}  // namespace alinea::cli
