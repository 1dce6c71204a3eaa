// Alignment files at scale: writing and reading a synthetic alignment of N paragraph links with
// three sentence links each, beside the generic YAML reader and writer it is built on (the floor:
// what any reader of these files pays).
//
//   alignment_io_bench [PARAGRAPH_LINKS=25000] [RUNS=5]
//
// Prints the median time of each step over RUNS runs, throughput, and the ratios to the floor.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/document.hpp"
#include "util/yaml.hpp"

namespace {

using Clock = std::chrono::steady_clock;

alinea::Link make_link(std::vector<std::string> source, std::vector<std::string> target,
                       std::size_t seed) {
  alinea::Link link;
  link.source = std::move(source);
  link.target = std::move(target);
  link.confidence = static_cast<double>(seed % 100) / 100.0;
  link.source_fingerprint = alinea::text_fingerprint("source " + std::to_string(seed));
  link.target_fingerprint = alinea::text_fingerprint("target " + std::to_string(seed));
  if (seed % 10 == 0) {
    link.status = alinea::LinkStatus::reviewed;
    link.note = "checked: a free rendering, \"quoted\" #" + std::to_string(seed);
  }
  return link;
}

alinea::Alignment synthetic_alignment(std::size_t paragraph_links) {
  alinea::Alignment alignment;
  alignment.source = {"corpora/bench/fr.md", "fr"};
  alignment.target = {"corpora/bench/es.md", "es"};
  for (std::size_t k = 1; k <= paragraph_links; ++k) {
    const std::string p = "p" + std::to_string(k);
    alinea::Link link = make_link({p}, {p}, k);
    link.sentences.push_back(make_link({p + ".s1"}, {p + ".s1"}, k * 3));
    link.sentences.push_back(make_link({p + ".s2", p + ".s3"}, {p + ".s2"}, k * 3 + 1));
    link.sentences.push_back(make_link({p + ".s4"}, {p + ".s3", p + ".s4"}, k * 3 + 2));
    alignment.paragraphs.push_back(std::move(link));
  }
  return alignment;
}

double median_seconds(std::size_t runs, const std::function<void()>& step) {
  std::vector<double> times;
  for (std::size_t run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    step();
    times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::size_t parse_count(const char* text, std::size_t fallback) {
  if (text == nullptr) return fallback;
  const long long value = std::atoll(text);
  return value > 0 ? static_cast<std::size_t>(value) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t paragraph_links = parse_count(argc > 1 ? argv[1] : nullptr, 25000);
  const std::size_t runs = parse_count(argc > 2 ? argv[2] : nullptr, 5);
  const alinea::Alignment alignment = synthetic_alignment(paragraph_links);
  const std::size_t links = paragraph_links * 4;

  std::string text;
  const double format_time =
      median_seconds(runs, [&] { text = alinea::format_alignment(alignment); });
  alinea::AlignmentReadResult read;
  const double parse_time =
      median_seconds(runs, [&] { read = alinea::parse_alignment(text, "bench.yaml"); });
  alinea::Value tree;
  const double yaml_parse_time =
      median_seconds(runs, [&] { tree = alinea::parse_yaml(text, "bench.yaml"); });
  std::string emitted;
  const double yaml_emit_time = median_seconds(runs, [&] { emitted = alinea::emit_yaml(tree); });

  const bool round_trip =
      read.diagnostics.empty() && alinea::format_alignment(read.alignment) == text;
  const double megabytes = static_cast<double>(text.size()) / 1e6;
  std::printf("alignment: %zu links (%zu paragraph links), %.1f MB, %zu lines; round trip %s\n",
              links, paragraph_links, megabytes,
              static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')),
              round_trip ? "exact" : "FAILED");
  std::printf("%-34s %9s %10s %12s\n", "step (median of runs)", "seconds", "MB/s", "links/s");
  const auto row = [&](const char* name, double seconds) {
    std::printf("%-34s %9.3f %10.1f %12.0f\n", name, seconds, megabytes / seconds,
                static_cast<double>(links) / seconds);
  };
  row("format_alignment", format_time);
  row("emit_yaml (generic writer)", yaml_emit_time);
  row("parse_alignment", parse_time);
  row("parse_yaml (generic reader)", yaml_parse_time);
  std::printf("ratios: format/emit %.2f, parse_alignment/parse_yaml %.2f\n",
              format_time / yaml_emit_time, parse_time / yaml_parse_time);
  return round_trip ? 0 : 1;
}
