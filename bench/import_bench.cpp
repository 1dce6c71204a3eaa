// alinea import throughput, side by side: the PDF-text importer, the plain-text importer and the
// Markdown reader on the same synthetic book, and the letter with and without a dictionary.
// Usage: import_bench [PAGES] [RUNS]   (run from the repository root; see docs/BENCHMARKS.md)
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "alinea/base.hpp"
#include "alinea/document.hpp"

namespace {

// A deterministic book of pages set like the letter: justified lines of about 80 characters,
// paragraphs ending on short lines, a glued note number in most paragraphs, a footnote rule,
// the notes (some carried over to the next page) and a page number.
std::string synthetic_book(std::size_t pages) {
  const std::vector<std::string> words = {
      "el",     "molino", "de",     "la",       "orilla",   "norte",   "llevaba", "años",
      "parado", "cuando", "nuevos", "dueños",   "pueblo",   "nadie",   "piedras", "cantera",
      "agua",   "canal",  "verano", "historia", "crecida",  "iglesia", "plaza",   "música",
      "niños",  "mesas",  "viejos", "carta",    "camarada", "trabajo", "tiempo",  "momentos"};
  std::uint32_t state = 12345;
  const auto next = [&state](std::uint32_t bound) {
    state = state * 1664525U + 1013904223U;
    return (state >> 8U) % bound;
  };
  std::string book;
  std::size_t note = 0;
  for (std::size_t page = 1; page <= pages; ++page) {
    std::vector<std::size_t> page_notes;
    for (std::size_t paragraph = 0; paragraph < 4; ++paragraph) {
      const std::size_t lines = 2 + next(6);
      for (std::size_t l = 0; l < lines; ++l) {
        const bool last = l + 1 == lines;
        const std::size_t width = last ? 20 + next(30) : 76 + next(8);
        std::string line = l == 0 ? "Con" : "";
        while (line.size() < width) {
          if (!line.empty()) line += ' ';
          line += words[next(static_cast<std::uint32_t>(words.size()))];
        }
        if (last) {
          if (next(3) != 0) {
            line += std::to_string(++note);
            page_notes.push_back(note);
          }
          line += '.';
        }
        book += line + "\n\n";
      }
    }
    book += std::string(49, ' ') + "\n";
    for (const std::size_t number : page_notes) {
      book += std::to_string(number) + " Nota sobre el molino y la crecida de 1890-1907, con " +
              "datos del registro municipal de la villa y de sus archivos\n\n" +
              "que se conservan en la iglesia.\n";
    }
    book += std::to_string(page) + "\n\n";
  }
  return book;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Processor time, not wall time: the machines this runs on are shared, and waiting for a core
// is not the importer's cost.
double median_seconds(std::size_t runs, const std::function<void()>& work) {
  std::vector<double> seconds;
  for (std::size_t run = 0; run < runs; ++run) {
    const std::clock_t start = std::clock();
    work();
    seconds.push_back(static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

alinea::ImportOptions options_for(alinea::ImportFormat format, std::string dictionary_dir = "") {
  alinea::ImportOptions options;
  options.lang = "es";
  options.format = format;
  options.source_name = "bench";
  options.dictionary_dir = std::move(dictionary_dir);
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t pages = argc > 1 ? std::stoul(argv[1]) : 500;
  const std::size_t runs = argc > 2 ? std::stoul(argv[2]) : 7;
  const std::string book = synthetic_book(pages);
  const double megabytes = static_cast<double>(book.size()) / 1e6;

  std::size_t paragraphs = 0;
  std::size_t notes = 0;
  const double pdf = median_seconds(runs, [&] {
    const auto document =
        alinea::import_document(book, options_for(alinea::ImportFormat::pdf_text));
    paragraphs = document.paragraphs.size();
    notes = document.notes.size();
  });
  const double text = median_seconds(
      runs, [&] { (void)alinea::import_document(book, options_for(alinea::ImportFormat::text)); });
  const std::string markdown = alinea::format_document(
      alinea::import_document(book, options_for(alinea::ImportFormat::pdf_text)));
  const double reader =
      median_seconds(runs, [&] { (void)alinea::parse_document(markdown, "bench.md"); });

  std::printf(
      "synthetic book: %zu pages, %.2f MB, %zu paragraphs, %zu notes; median processor time of %zu "
      "runs\n",
      pages, megabytes, paragraphs, notes, runs);
  std::printf("  import --from pdf-text  %8.1f ms  %6.1f MB/s\n", pdf * 1e3, megabytes / pdf);
  std::printf("  import --from text      %8.1f ms  %6.1f MB/s  (pdf-text / text = %.1f)\n",
              text * 1e3, megabytes / text, pdf / text);
  std::printf("  Markdown reader         %8.1f ms  %6.1f MB/s  (pdf-text / reader = %.1f)\n",
              reader * 1e3, static_cast<double>(markdown.size()) / 1e6 / reader, pdf / reader);

  const std::string letter =
      read_file("corpora/trotsky-1936-04-24-bienvenue-a-victor-serge/es.pdf.txt");
  if (letter.empty()) {
    std::printf("letter: corpora/…/es.pdf.txt not found (run from the repository root)\n");
    return 0;
  }
  // The letter has no line-end hyphen, so the importer skips the dictionary; a copy with one
  // forces the dictionary to load, which is what an import of a hyphenated text pays.
  const std::string hyphenated = letter + "\n\nuna pala-\nbra cortada.\n";
  const auto import_letter = [&](const std::string& input, const std::string& dictionaries) {
    return median_seconds(runs, [&] {
      (void)alinea::import_document(input,
                                    options_for(alinea::ImportFormat::pdf_text, dictionaries));
    });
  };
  const double plain = import_letter(letter, "/usr/share/hunspell");
  const double without = import_letter(hyphenated, "");
  const double with = import_letter(hyphenated, "/usr/share/hunspell");
  std::printf("letter (%zu bytes):\n", letter.size());
  std::printf("  as is (no hyphen, no dictionary loaded)  %8.2f ms\n", plain * 1e3);
  std::printf("  with a line-end hyphen, no dictionary    %8.2f ms\n", without * 1e3);
  std::printf("  with a line-end hyphen, es dictionary    %8.2f ms  (%.0fx)\n", with * 1e3,
              with / without);
  return 0;
}
