// Writes a synthetic corpus repository for timing `alinea check`: N works, each a French source,
// its Spanish translation (about the size of a Trotsky letter: a dozen paragraphs, two notes)
// and their alignment file with sentence links and fingerprints, plus alinea.yaml.
// One work in ten carries a deliberate number mismatch, so the check has findings to report.
//
// usage: check_generate OUTPUT_DIR [COUNT]
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "alinea/alignment.hpp"
#include "alinea/base.hpp"
#include "alinea/document.hpp"
#include "alinea/segment.hpp"

namespace fs = std::filesystem;

namespace {

// A tiny deterministic generator, so that every run writes the same corpus.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::size_t below(std::size_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state_ >> 33U) % n);
  }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> french_words = {
    "le",           "camarade", "lettre", "parti",  "ouvriers", "la",     "révolution", "contre",
    "pour",         "avec",     "nous",   "savons", "que",      "les",    "procès",     "Moscou",
    "bureaucratie", "prison",   "exil",   "pensée", "toujours", "jamais", "années",     "depuis"};
const std::vector<std::string> spanish_words = {
    "el",         "camarada", "carta",    "partido",     "obreros", "la",    "revolución", "contra",
    "para",       "con",      "nosotros", "sabemos",     "que",     "los",   "procesos",   "Moscú",
    "burocracia", "cárcel",   "exilio",   "pensamiento", "siempre", "nunca", "años",       "desde"};
// Names as each language spells them.
const std::vector<std::pair<std::string, std::string>> names = {
    {"Blumkine", "Blumkin"}, {"Boutov", "Butov"},   {"Zinoviev", "Zinóviev"},
    {"Serge", "Serge"},      {"Staline", "Stalin"}, {"Kamenev", "Kámenev"}};

struct SentencePair {
  std::string french;
  std::string spanish;
};

SentencePair sentence(Random& random, bool wrong_number) {
  SentencePair pair;
  const std::size_t length = 12 + random.below(12);
  for (std::size_t i = 0; i < length; ++i) {
    std::string french;
    std::string spanish;
    const std::size_t kind = random.below(20);
    if (kind == 0 && i > 0) {
      const auto& name = names[random.below(names.size())];
      french = name.first;
      spanish = name.second;
    } else if (kind == 1) {
      const std::size_t year = 1900 + random.below(45);
      french = std::to_string(year);
      spanish = std::to_string(wrong_number ? year + 1 : year);
      wrong_number = false;
    } else {
      const std::size_t word = random.below(french_words.size());
      french = french_words[word];
      spanish = spanish_words[word];
    }
    if (i == 0) {
      french[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(french[0])));
      spanish[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(spanish[0])));
    }
    pair.french += (i == 0 ? "" : " ") + french;
    pair.spanish += (i == 0 ? "" : " ") + spanish;
  }
  pair.french += ".";
  pair.spanish += ".";
  return pair;
}

std::string front_matter(const std::string& id, const std::string& lang) {
  return "---\nid: " + id + "\nlang: " + lang + "\ntitle: Lettre " + id + "\n---\n\n";
}

std::string side_text(const alinea::Document& document, const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) {
    const auto unit = alinea::UnitRef::parse(id);
    if (!unit) continue;
    if (const auto part = alinea::unit_text(document, *unit)) {
      text += (text.empty() ? "" : " ") + std::string(*part);
    }
  }
  return text;
}

alinea::Link make_link(const alinea::Document& french, const alinea::Document& spanish,
                       std::vector<std::string> ids) {
  alinea::Link link;
  link.source = ids;
  link.target = std::move(ids);
  link.status = alinea::LinkStatus::automatic;
  link.confidence = 0.93;
  link.source_fingerprint = alinea::text_fingerprint(side_text(french, link.source));
  link.target_fingerprint = alinea::text_fingerprint(side_text(spanish, link.target));
  return link;
}

void write_work(const fs::path& root, const std::string& id, Random& random, bool flawed) {
  std::string french_text = front_matter(id, "fr");
  std::string spanish_text = front_matter(id, "es");
  const std::size_t paragraphs = 10 + random.below(5);
  for (std::size_t p = 0; p < paragraphs; ++p) {
    const std::size_t sentences = 2 + random.below(3);
    for (std::size_t s = 0; s < sentences; ++s) {
      const SentencePair pair = sentence(random, flawed && p == 3 && s == 0);
      french_text += (s == 0 ? "" : " ") + pair.french;
      spanish_text += (s == 0 ? "" : " ") + pair.spanish;
    }
    if (p == 1) {
      french_text += "[^1]";
      spanish_text += "[^1]";
    }
    if (p == 5) {
      french_text += "[^2]";
      spanish_text += "[^2]";
    }
    french_text += "\n\n";
    spanish_text += "\n\n";
  }
  for (const char* label : {"1", "2"}) {
    const SentencePair pair = sentence(random, false);
    french_text += std::string("[^") + label + "]: " + pair.french + "\n\n";
    spanish_text += std::string("[^") + label + "]: " + pair.spanish + "\n\n";
  }
  const std::string french_path = "corpora/" + id + "/fr.md";
  const std::string spanish_path = "corpora/" + id + "/es.md";
  fs::create_directories(root / "corpora" / id);
  alinea::write_file_atomically(root / french_path, french_text);
  alinea::write_file_atomically(root / spanish_path, spanish_text);

  alinea::Document french = alinea::parse_document(french_text, french_path);
  alinea::Document spanish = alinea::parse_document(spanish_text, spanish_path);
  alinea::segment_document(french);
  alinea::segment_document(spanish);

  alinea::Alignment alignment;
  alignment.source = {french_path, "fr"};
  alignment.target = {spanish_path, "es"};
  for (const alinea::Note& note : french.notes) {
    alignment.notes.push_back(make_link(french, spanish, {note.id}));
  }
  for (const alinea::Paragraph& paragraph : french.paragraphs) {
    alinea::Link link = make_link(french, spanish, {paragraph.id});
    const alinea::Paragraph* other = spanish.find_paragraph(paragraph.id);
    if (other != nullptr && other->sentences.size() == paragraph.sentences.size()) {
      for (std::size_t s = 1; s <= paragraph.sentences.size(); ++s) {
        link.sentences.push_back(
            make_link(french, spanish, {paragraph.id + ".s" + std::to_string(s)}));
      }
    }
    alignment.paragraphs.push_back(std::move(link));
  }
  fs::create_directories(root / "alignments");
  alinea::write_file_atomically(root / "alignments" / (id + ".fr-es.yaml"),
                                alinea::format_alignment(alignment));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: check_generate OUTPUT_DIR [COUNT]\n";
    return 2;
  }
  const fs::path root = argv[1];
  const long count = argc == 3 ? std::strtol(argv[2], nullptr, 10) : 10000;
  if (count <= 0) {
    std::cerr << "check_generate: COUNT must be a positive number\n";
    return 2;
  }
  try {
    fs::create_directories(root);
    Random random(20260424);
    std::string manifest = "alinea: 1\nworks:\n";
    for (long i = 0; i < count; ++i) {
      const std::string id = "letter-" + std::to_string(100000 + i).substr(1);
      write_work(root, id, random, i % 10 == 0);
      manifest += "  - id: " + id + "\n    documents:\n      fr: corpora/" + id +
                  "/fr.md\n      es: corpora/" + id + "/es.md\n    alignments:\n" +
                  "      - {source: fr, target: es, file: alignments/" + id + ".fr-es.yaml}\n";
    }
    alinea::write_file_atomically(root / "alinea.yaml", manifest);
  } catch (const std::exception& error) {
    std::cerr << "check_generate: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
