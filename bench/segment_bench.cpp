// Sentence segmentation benchmark: alinea's Segmenter beside plain ICU and ICU with CLDR
// suppressions (@ss=standard), on the data sets of ../shared/bench/seg (see its README).
//
//   segment_bench DIR [--failures | --passes N]
//
// Golden sets: share of cases split exactly. Corpus sets: boundary precision, recall and F1.
// Throughput: MB of UTF-8 per second over all texts, median of several rounds in which the
// contenders take turns, and the median of the per-round ratios to plain ICU.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "alinea/segment.hpp"
#include "text/unicode.hpp"

namespace {

struct Case {
  std::string id;
  std::string text;
  std::vector<std::string> sentences;
};

struct DataSet {
  std::string name;
  std::string lang;
  bool golden = false;
  std::vector<Case> cases;
};

using SplitFunction = std::function<std::vector<std::string>(const std::string&)>;

struct Contender {
  std::string name;
  std::function<SplitFunction(const std::string& lang)> make;
};

std::vector<Case> read_cases(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    Case c;
    c.id = record.value("id", "");
    c.text = record.at("text").get<std::string>();
    c.sentences = record.at("sentences").get<std::vector<std::string>>();
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string trimmed(std::string_view text) {
  const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// Runs of white space as one space: the golden sets join the lines of a sentence.
std::string folded(std::string_view text) {
  std::string out;
  bool in_space = false;
  for (const char c : trimmed(text)) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && in_space) continue;
    out += space ? ' ' : c;
    in_space = space;
  }
  return out;
}

std::size_t non_space_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    if (!alinea::is_space(alinea::next_code_point(text, pos))) ++count;
  }
  return count;
}

// Boundaries as counts of non-space characters before each sentence but the first.
std::set<std::size_t> boundaries_of(const std::vector<std::string>& sentences) {
  std::set<std::size_t> result;
  std::size_t before = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) result.insert(before);
    before += non_space_count(sentences[i]);
  }
  return result;
}

SplitFunction icu_splitter(const std::string& locale) {
  auto finder = std::make_shared<alinea::BreakFinder>(alinea::BreakKind::sentence, locale);
  return [finder](const std::string& text) {
    std::vector<std::string> sentences;
    std::size_t begin = 0;
    auto add = [&](std::size_t end) {
      std::string sentence = trimmed(std::string_view(text).substr(begin, end - begin));
      if (!sentence.empty()) sentences.push_back(std::move(sentence));
      begin = end;
    };
    for (const auto& boundary : finder->boundaries(text)) add(boundary.offset);
    add(text.size());
    return sentences;
  };
}

struct Score {
  std::size_t exact = 0, cases = 0;
  std::size_t true_positive = 0, predicted = 0, expected = 0;
  [[nodiscard]] double precision() const {
    return predicted == 0 ? 0 : static_cast<double>(true_positive) / static_cast<double>(predicted);
  }
  [[nodiscard]] double recall() const {
    return expected == 0 ? 0 : static_cast<double>(true_positive) / static_cast<double>(expected);
  }
  [[nodiscard]] double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

Score evaluate(const DataSet& set, const SplitFunction& split, bool show_failures,
               const std::string& who) {
  Score score;
  for (const Case& c : set.cases) {
    std::vector<std::string> predicted;
    for (const std::string& s : split(c.text)) predicted.push_back(folded(s));
    std::vector<std::string> wanted;
    for (const std::string& s : c.sentences) wanted.push_back(folded(s));
    ++score.cases;
    if (predicted == wanted) {
      ++score.exact;
    } else if (show_failures && set.golden) {
      std::cout << "FAIL " << who << " " << c.id << "\n";
      for (const auto& s : predicted) std::cout << "   got: " << s << "\n";
      for (const auto& s : c.sentences) std::cout << "  want: " << s << "\n";
    }
    const auto want = boundaries_of(c.sentences);
    const auto got = boundaries_of(predicted);
    score.expected += want.size();
    score.predicted += got.size();
    for (const std::size_t b : got) score.true_positive += want.count(b);
    if (show_failures && !set.golden) {
      for (const std::size_t b : got) {
        if (want.count(b) == 0) std::cout << "FALSE+ " << who << " " << c.id << " at " << b << "\n";
      }
      for (const std::size_t b : want) {
        if (got.count(b) == 0) std::cout << "MISSED " << who << " " << c.id << " at " << b << "\n";
      }
    }
  }
  return score;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// One timed pass of a contender over every set: MB of UTF-8 per second.
struct Timed {
  std::vector<std::pair<SplitFunction, const DataSet*>> splitters;
  std::size_t bytes = 0;
};

Timed prepare(const std::vector<DataSet>& sets, const Contender& contender) {
  Timed timed;
  for (const DataSet& set : sets) {
    timed.splitters.emplace_back(contender.make(set.lang), &set);
    for (const Case& c : set.cases) timed.bytes += c.text.size();
  }
  return timed;
}

double rate_of(Timed& timed) {
  std::size_t sink = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int repeat = 0; repeat < 3; ++repeat) {
    for (auto& [split, set] : timed.splitters) {
      for (const Case& c : set->cases) sink += split(c.text).size();
    }
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  if (sink == 0) std::cerr << "";
  return 3.0 * static_cast<double>(timed.bytes) / 1e6 / elapsed.count();
}

// Throughput of every contender, the contenders taking turns within each of `rounds` rounds so
// that a load on the machine falls on all of them alike. Returns, per contender, the median
// rate and the median of its per-round ratios to the contender at `reference`.
std::vector<std::pair<double, double>> throughputs(const std::vector<DataSet>& sets,
                                                   const std::vector<Contender>& contenders,
                                                   std::size_t reference, int rounds) {
  std::vector<Timed> timed;
  for (const Contender& contender : contenders) timed.push_back(prepare(sets, contender));
  std::vector<std::vector<double>> rates(contenders.size()), ratios(contenders.size());
  for (int round = 0; round < rounds; ++round) {
    std::vector<double> this_round;
    for (Timed& t : timed) this_round.push_back(rate_of(t));
    for (std::size_t i = 0; i < contenders.size(); ++i) {
      rates[i].push_back(this_round[i]);
      ratios[i].push_back(this_round[i] / this_round[reference]);
    }
  }
  std::vector<std::pair<double, double>> result;
  for (std::size_t i = 0; i < contenders.size(); ++i) {
    result.emplace_back(median(rates[i]), median(ratios[i]));
  }
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: segment_bench DIR [--failures | --passes N]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const bool show_failures = argc > 2 && std::string(argv[2]) == "--failures";
  // --passes N: only alinea's Segmenter::spans over every set, N times, for an instruction count
  // (valgrind --tool=callgrind --toggle-collect='alinea::Segmenter::spans*'), which a loaded
  // machine does not disturb.
  const int passes = argc > 3 && std::string(argv[2]) == "--passes" ? std::atoi(argv[3]) : 0;
  if (!std::filesystem::is_directory(dir)) {
    std::cout << "segment_bench: " << dir.string()
              << " is absent; skipping (the data lives in ../shared/bench/seg)\n";
    return 0;
  }
  const std::vector<std::tuple<std::string, std::string, bool>> files = {
      {"golden_es", "es", true},
      {"golden_fr", "fr", true},
      {"ud_es_gsd_test", "es", false},
      {"ud_fr_gsd_test", "fr", false},
      {"ersatz_es_wmt13", "es", false}};
  std::vector<DataSet> sets;
  for (const auto& [name, lang, golden] : files) {
    const auto path = dir / (name + ".jsonl");
    if (!std::filesystem::exists(path)) {
      std::cout << "segment_bench: " << path.string() << " is absent; skipped\n";
      continue;
    }
    sets.push_back({name, lang, golden, read_cases(path)});
  }
  if (passes > 0) {
    std::size_t spans = 0;
    std::vector<alinea::Segmenter> segmenters;
    for (const DataSet& set : sets) segmenters.emplace_back(set.lang);
    for (int pass = 0; pass < passes; ++pass) {
      for (std::size_t i = 0; i < sets.size(); ++i) {
        for (const Case& c : sets[i].cases) spans += segmenters[i].spans(c.text).size();
      }
    }
    std::printf("%zu sentences in %d passes\n", spans, passes);
    return 0;
  }
  const std::vector<Contender> contenders = {
      {"alinea",
       [](const std::string& lang) -> SplitFunction {
         auto segmenter = std::make_shared<alinea::Segmenter>(lang);
         return [segmenter](const std::string& text) { return segmenter->split(text); };
       }},
      {"icu", [](const std::string& lang) { return icu_splitter(lang); }},
      {"icu@ss=standard",
       [](const std::string& lang) { return icu_splitter(lang + "@ss=standard"); }},
  };

  std::printf("%-18s %-16s %10s %10s %10s %10s\n", "set", "segmenter", "exact", "P", "R", "F1");
  for (const DataSet& set : sets) {
    for (const Contender& contender : contenders) {
      const Score score = evaluate(set, contender.make(set.lang),
                                   show_failures && contender.name == "alinea", contender.name);
      const double exact =
          100.0 * static_cast<double>(score.exact) / static_cast<double>(score.cases);
      std::printf("%-18s %-16s %9.1f%% %10.4f %10.4f %10.4f\n", set.name.c_str(),
                  contender.name.c_str(), exact, score.precision(), score.recall(), score.f1());
    }
  }
  const auto rates = throughputs(sets, contenders, 1, 9);
  std::printf("\n%-16s %12s %14s\n", "segmenter", "MB/s", "ratio to icu");
  for (std::size_t i = 0; i < contenders.size(); ++i) {
    std::printf("%-16s %12.2f %14.2f\n", contenders[i].name.c_str(), rates[i].first,
                rates[i].second);
  }
  std::printf("(medians of 9 rounds of 3 passes, the contenders taking turns in each round)\n");
  return 0;
}
