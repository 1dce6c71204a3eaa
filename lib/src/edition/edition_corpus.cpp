// The edition seen from the corpus: the documents' references checked against each other and
// against the catalogues, and the progress of each catalogued text.
#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "check/check_internal.hpp"
#include "edition/edition_text.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_document_bytes = std::size_t{64} << 20U;

struct RefDocument {
  std::string lang;
  Document document;
  SourceRefRead ref;
};

// The documents of a work that can be read, by language; unreadable ones are `alinea check`'s
// reference findings already.
std::map<std::string, RefDocument> documents_of(const fs::path& root, const ManifestWork& work) {
  std::map<std::string, RefDocument> documents;
  for (const ManifestDocument& entry : work.documents) {
    const auto resolved = resolve_in_repository(root, entry.file);
    if (!resolved) continue;
    try {
      Document document = parse_document(read_text_file(*resolved, max_document_bytes), entry.file);
      SourceRefRead ref = read_source_ref(document);
      documents[entry.lang] = {entry.lang, std::move(document), std::move(ref)};
    } catch (const InputError&) {
    } catch (const FileError&) {
    }
  }
  return documents;
}

const Catalogue* catalogue_named(const std::vector<Catalogue>& catalogues, std::string_view work) {
  for (const Catalogue& catalogue : catalogues) {
    if (catalogue.is_named(work)) return &catalogue;
  }
  return nullptr;
}

const CatalogueText* text_at(const CatalogueVolume& volume, const PageRange& pages) {
  for (const CatalogueText& text : volume.texts) {
    if (text.pages.first <= pages.first && pages.first <= text.pages.last) return &text;
  }
  return nullptr;
}

// Where a key of the document's source_ref stands (the reference itself when the key is absent).
SourcePosition ref_position(const Document& document, std::string_view key) {
  const Value* ref = document.meta.find("source_ref");
  if (ref == nullptr) {
    const Value* meta_key = document.meta.find(key);
    if (meta_key != nullptr) return {document.path, meta_key->line, meta_key->column};
    return {document.path, 0, 0};
  }
  const Value* value = ref->find(key);
  if (value == nullptr) value = ref;
  return {document.path, value->line, value->column};
}

bool same_title(std::string_view a, std::string_view b) {
  return edition_text::fold_name(a) == edition_text::fold_name(b);
}

class EditionChecker {
 public:
  EditionChecker(const ManifestReadResult& manifest, std::vector<Catalogue> catalogues)
      : manifest_(manifest), catalogues_(std::move(catalogues)) {}

  void add(const CheckSettings& settings, Diagnostic finding) {
    const auto severity = settings.severity(finding.rule);
    if (!severity) return;
    finding.severity = *severity;
    findings_.push_back(std::move(finding));
  }

  void check_work(const ManifestWork& work, const CheckSettings& settings) {
    const auto documents = documents_of(manifest_.manifest.root, work);
    for (const auto& [lang, document] : documents) {
      for (const Diagnostic& finding : document.ref.findings) add(settings, finding);
      if (document.ref.ref) check_against_catalogue(document, *document.ref.ref, settings);
    }
    for (const ManifestAlignment& entry : work.alignments) {
      const auto source = documents.find(entry.source_lang);
      const auto target = documents.find(entry.target_lang);
      if (source == documents.end() || target == documents.end()) continue;
      check_against_original(target->second, source->second, settings);
    }
  }

  Diagnostics take() { return std::move(findings_); }

 private:
  void warn(const CheckSettings& settings, const char* rule, SourcePosition at,
            std::string message) {
    add(settings, {rule, Severity::warning, std::move(at), {}, std::move(message)});
  }

  void check_against_catalogue(const RefDocument& document, const SourceRef& ref,
                               const CheckSettings& settings) {
    const Catalogue* catalogue = catalogue_named(catalogues_, ref.work);
    if (catalogue == nullptr || !ref.volume) return;
    const Document& doc = document.document;
    const CatalogueVolume* volume = catalogue->volume(*ref.volume);
    if (volume == nullptr) {
      std::string listed;
      for (const CatalogueVolume& v : catalogue->volumes) {
        listed += (listed.empty() ? "" : ", ") + std::to_string(v.number);
      }
      add(settings,
          {"source-ref/unknown-volume",
           Severity::error,
           ref_position(doc, "volume"),
           {},
           "volume " + std::to_string(*ref.volume) + " is not in " + catalogue->path +
               (listed.empty() ? " (it lists no volume)" : " (it lists " + listed + ")")});
      return;
    }
    if (!ref.pages) return;
    if (ref.pages->last > volume->page_count) {
      add(settings, {"source-ref/past-volume-end",
                     Severity::error,
                     ref_position(doc, "pages"),
                     {},
                     "pages " + ref.pages->to_string() + " go past the last page of volume " +
                         std::to_string(volume->number) + ", " +
                         std::to_string(volume->page_count) + " (" + catalogue->path + ")"});
      return;
    }
    const CatalogueText* text = text_at(*volume, *ref.pages);
    if (text == nullptr) {
      warn(settings, "source-ref/not-in-catalogue", ref_position(doc, "pages"),
           "no text of volume " + std::to_string(volume->number) + " in " + catalogue->path +
               " starts or runs on page " + std::to_string(ref.pages->first));
      return;
    }
    const std::string where = " (" + catalogue->path + ":" + std::to_string(text->line) + ")";
    const bool original = doc.lang == catalogue->lang;
    const std::string title = original ? doc.meta_text("title") : ref.title;
    if (!title.empty() && !same_title(title, text->title)) {
      warn(settings, "source-ref/catalogue-mismatch",
           original ? ref_position(doc, "title") : ref_position(doc, "title"),
           "the title is \"" + title + "\" here but \"" + text->title + "\" in the catalogue" +
               where);
    }
    const std::string date = doc.meta_text("date");
    if (original && !date.empty() && !text->date.empty() &&
        !edition_text::dates_agree(date, text->date)) {
      const Value* at = doc.meta.find("date");
      warn(settings, "source-ref/catalogue-mismatch", {doc.path, at->line, at->column},
           "the date is " + date + " here but " + text->date + " in the catalogue" + where);
    }
  }

  // A translation's reference against the original it is aligned with: the title it quotes is
  // the original's title, the dates agree, and both cite the same volume and pages.
  void check_against_original(const RefDocument& translation, const RefDocument& original,
                              const CheckSettings& settings) {
    if (!translation.ref.ref) return;
    const SourceRef& ref = *translation.ref.ref;
    const Document& doc = translation.document;
    const std::string original_title = original.document.meta_text("title");
    const std::string against = " (" + original.document.path + ")";
    if (!ref.title.empty() && !original_title.empty() && !same_title(ref.title, original_title)) {
      warn(settings, "source-ref/original-mismatch", ref_position(doc, "title"),
           "the reference names \"" + ref.title + "\" but the original is titled \"" +
               original_title + "\"" + against);
    }
    const std::string date = doc.meta_text("date");
    const std::string original_date = original.document.meta_text("date");
    if (!date.empty() && !original_date.empty() &&
        !edition_text::dates_agree(date, original_date)) {
      const Value* at = doc.meta.find("date");
      warn(settings, "source-ref/original-mismatch", {doc.path, at->line, at->column},
           "the date is " + date + " here but " + original_date + " in the original" + against);
    }
    if (!original.ref.ref) return;
    const SourceRef& theirs = *original.ref.ref;
    if (edition_text::fold_name(theirs.work) != edition_text::fold_name(ref.work)) return;
    if (ref.volume && theirs.volume && *ref.volume != *theirs.volume) {
      warn(settings, "source-ref/original-mismatch", ref_position(doc, "volume"),
           "volume " + std::to_string(*ref.volume) + " here, " + std::to_string(*theirs.volume) +
               " in the original's reference" + against);
    }
    if (ref.pages && theirs.pages && !(*ref.pages == *theirs.pages)) {
      warn(settings, "source-ref/original-mismatch", ref_position(doc, "pages"),
           "pages " + ref.pages->to_string() + " here, " + theirs.pages->to_string() +
               " in the original's reference" + against);
    }
  }

  const ManifestReadResult& manifest_;
  std::vector<Catalogue> catalogues_;
  Diagnostics findings_;
};

}  // namespace

Diagnostics check_editions(const ManifestReadResult& manifest) {
  const std::string& manifest_path = manifest.manifest.path;
  const CheckSettings base = apply_settings({}, manifest.manifest.settings, manifest_path).settings;
  CataloguesRead catalogues = read_catalogues(manifest.manifest.root);
  EditionChecker checker(manifest, std::move(catalogues.catalogues));
  for (Diagnostic& finding : catalogues.findings) checker.add(base, std::move(finding));
  for (const ManifestWork& work : manifest.manifest.works) {
    checker.check_work(work, apply_settings(base, work.settings, manifest_path).settings);
  }
  Diagnostics findings = checker.take();
  std::stable_sort(findings.begin(), findings.end());
  return findings;
}

Diagnostics check_corpus(const ManifestReadResult& manifest, unsigned jobs) {
  Diagnostics findings = check_repository(manifest, jobs);
  Diagnostics editions = check_editions(manifest);
  findings.insert(findings.end(), std::make_move_iterator(editions.begin()),
                  std::make_move_iterator(editions.end()));
  std::stable_sort(findings.begin(), findings.end());
  return findings;
}

// ---- coverage ----

const char* to_string(TextProgress progress) noexcept {
  switch (progress) {
    case TextProgress::missing:
      return "not translated";
    case TextProgress::translated:
      return "translated";
    case TextProgress::aligned:
      return "aligned";
    case TextProgress::reviewed:
      return "reviewed";
  }
  return "not translated";
}

TextProgress TextCoverage::progress() const {
  TextProgress best = TextProgress::missing;
  for (const TextTranslation& translation : translations)
    best = std::max(best, translation.progress);
  return best;
}

std::size_t VolumeCoverage::texts_at_least(TextProgress wanted) const {
  return static_cast<std::size_t>(std::count_if(
      texts.begin(), texts.end(), [&](const TextCoverage& t) { return t.progress() >= wanted; }));
}

namespace {

struct VolumeBuilder {
  VolumeCoverage coverage;
  std::vector<TextCoverage> extra;  // referenced texts the catalogue does not list
};

struct EditionBuilder {
  const Catalogue* catalogue = nullptr;
  EditionCoverage coverage;
  std::map<long long, VolumeBuilder> volumes;
};

struct AlignedPair {
  std::string path;
  PairCoverage links;
  bool reviewed = false;
};

TextCoverage& text_in(VolumeBuilder& volume, const CatalogueVolume* listed, const SourceRef& ref,
                      const Document& document) {
  if (listed != nullptr && ref.pages) {
    if (const CatalogueText* text = text_at(*listed, *ref.pages)) {
      const auto index = static_cast<std::size_t>(text - listed->texts.data());
      return volume.coverage.texts[index];
    }
  }
  const PageRange pages = ref.pages.value_or(PageRange{});
  for (TextCoverage& text : volume.extra) {
    if (ref.pages ? text.pages == pages : text.title == document.meta_text("title")) return text;
  }
  TextCoverage text;
  text.title = !ref.title.empty() ? ref.title : document.meta_text("title");
  if (text.title.empty()) text.title = document.id;
  text.date = document.meta_text("date");
  text.pages = pages;
  text.catalogued = false;
  volume.extra.push_back(std::move(text));
  return volume.extra.back();
}

void count_pages(VolumeCoverage& volume) {
  std::map<long long, TextProgress> pages;
  for (const TextCoverage& text : volume.texts) {
    if (text.pages.first <= 0) continue;
    const long long last =
        volume.page_count ? std::min(text.pages.last, *volume.page_count) : text.pages.last;
    for (long long page = text.pages.first; page <= last; ++page) {
      TextProgress& progress = pages[page];
      progress = std::max(progress, text.progress());
    }
  }
  for (const auto& [page, progress] : pages) {
    volume.pages_translated += progress >= TextProgress::translated ? 1 : 0;
    volume.pages_aligned += progress >= TextProgress::aligned ? 1 : 0;
    volume.pages_reviewed += progress >= TextProgress::reviewed ? 1 : 0;
  }
}

}  // namespace

EditionReport measure_editions(const ManifestReadResult& manifest) {
  EditionReport report;
  const fs::path& root = manifest.manifest.root;
  CataloguesRead catalogues = read_catalogues(root);
  for (const Diagnostic& finding : catalogues.findings) {
    if (finding.severity == Severity::error) report.problems.push_back(finding);
  }
  std::map<std::string, EditionBuilder> editions;  // by catalogue id, or "~" + folded work name
  for (const Catalogue& catalogue : catalogues.catalogues) {
    EditionBuilder& edition = editions[catalogue.id];
    edition.catalogue = &catalogue;
    edition.coverage.id = catalogue.id;
    edition.coverage.title = catalogue.title;
    edition.coverage.catalogue = catalogue.path;
    for (const CatalogueVolume& listed : catalogue.volumes) {
      VolumeBuilder& volume = edition.volumes[listed.number];
      volume.coverage.number = listed.number;
      volume.coverage.page_count = listed.page_count;
      for (const CatalogueText& text : listed.texts) {
        volume.coverage.texts.push_back({text.title, text.date, text.pages, true, {}});
      }
    }
  }

  for (const ManifestWork& work : manifest.manifest.works) {
    const auto documents = documents_of(root, work);
    std::map<std::string, AlignedPair> aligned;  // by the translation's language
    std::set<std::string> source_langs;
    for (const ManifestAlignment& entry : work.alignments) {
      source_langs.insert(entry.source_lang);
      PairReading pair = detail::load_pair(root, entry.file, CheckSettings{}, std::nullopt);
      if (!pair.alignment || !pair.source || !pair.target) continue;
      PairCoverage links = measure_coverage(*pair.alignment, *pair.source, *pair.target);
      const bool reviewed = links.links > 0 && links.reviewed_links == links.links;
      aligned[entry.target_lang] = {entry.file, std::move(links), reviewed};
    }
    for (const auto& [lang, document] : documents) {
      if (!document.ref.ref) continue;
      const SourceRef& ref = *document.ref.ref;
      if (!ref.volume) {
        report.problems.push_back({"source-ref/no-volume",
                                   Severity::note,
                                   ref_position(document.document, "work"),
                                   {},
                                   "this reference names no volume: the document is not counted "
                                   "in the edition's coverage"});
        continue;
      }
      const Catalogue* catalogue = catalogue_named(catalogues.catalogues, ref.work);
      EditionBuilder& edition =
          editions[catalogue ? catalogue->id : "~" + edition_text::fold_name(ref.work)];
      if (catalogue == nullptr && edition.coverage.id.empty()) {
        edition.coverage.id = ref.work;
        edition.coverage.title = ref.work;
      }
      VolumeBuilder& volume = edition.volumes[*ref.volume];
      volume.coverage.number = *ref.volume;
      TextCoverage& text = text_in(volume, catalogue ? catalogue->volume(*ref.volume) : nullptr,
                                   ref, document.document);
      const bool translation = catalogue ? lang != catalogue->lang : source_langs.count(lang) == 0;
      if (!translation) continue;
      TextTranslation entry;
      entry.document = document.document.path;
      entry.lang = lang;
      if (const auto pair = aligned.find(lang); pair != aligned.end()) {
        entry.alignment = pair->second.path;
        entry.links = pair->second.links;
        entry.progress = pair->second.reviewed ? TextProgress::reviewed : TextProgress::aligned;
      }
      text.translations.push_back(std::move(entry));
    }
  }

  for (auto& [key, edition] : editions) {
    for (auto& [number, volume] : edition.volumes) {
      std::sort(volume.extra.begin(), volume.extra.end(),
                [](const TextCoverage& a, const TextCoverage& b) {
                  return a.pages.first < b.pages.first;
                });
      for (TextCoverage& text : volume.extra) volume.coverage.texts.push_back(std::move(text));
      count_pages(volume.coverage);
      edition.coverage.volumes.push_back(std::move(volume.coverage));
    }
    report.editions.push_back(std::move(edition.coverage));
  }
  std::stable_sort(report.problems.begin(), report.problems.end());
  return report;
}

}  // namespace alinea
