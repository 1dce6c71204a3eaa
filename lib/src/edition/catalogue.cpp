// Edition catalogues, editions/<id>.yaml: read leniently into findings, written one text a line.
#include <algorithm>
#include <system_error>

#include "alinea/base.hpp"
#include "alinea/check.hpp"
#include "edition/edition_text.hpp"
#include "util/suggest.hpp"
#include "util/yaml.hpp"

namespace alinea {
namespace fs = std::filesystem;

namespace {

// A catalogue lists a few hundred texts; anything near this size is not a catalogue.
constexpr std::size_t max_catalogue_bytes = std::size_t{4} << 20U;

const std::vector<std::string_view> catalogue_keys = {"alinea", "title", "lang", "names",
                                                      "volumes"};
const std::vector<std::string_view> volume_keys = {"volume", "pages", "texts"};
const std::vector<std::string_view> text_keys = {"title", "date", "pages"};

class CatalogueReader {
 public:
  explicit CatalogueReader(std::string path) : path_(std::move(path)) {}

  CatalogueRead read(const Value& top) {
    CatalogueRead result;
    if (!top.is_mapping()) {
      report("edition/wrong-type", top,
             "a catalogue is a mapping with 'title', 'lang' and 'volumes' (docs/FORMAT.md)");
      result.findings = std::move(findings_);
      return result;
    }
    Catalogue catalogue;
    catalogue.path = path_;
    catalogue.id = fs::path(path_).stem().string();
    unknown_keys(top, catalogue_keys, "the catalogue");
    if (const Value* version = top.find("alinea")) {
      if (version->as_integer() != 1) {
        report("edition/bad-value", *version,
               "this catalogue format is version 1, not '" + version->text + "'");
      }
    }
    catalogue.title = required_text(top, "title", "the catalogue");
    catalogue.lang = required_text(top, "lang", "the catalogue");
    if (!catalogue.title.empty()) catalogue.names.push_back(catalogue.title);
    if (const Value* names = top.find("names")) {
      if (!names->is_sequence()) {
        report("edition/wrong-type", *names, "'names' must be a list of names: [Oeuvres]");
      } else {
        for (const Value& name : names->items) {
          if (name.is_scalar() && !name.text.empty()) {
            catalogue.names.push_back(name.text);
          } else {
            report("edition/wrong-type", name, "a name must be text");
          }
        }
      }
    }
    const Value* volumes = top.find("volumes");
    if (volumes == nullptr) {
      report("edition/missing-field", top, "the catalogue has no 'volumes' list");
    } else if (!volumes->is_sequence()) {
      report("edition/wrong-type", *volumes, "'volumes' must be a list of volumes");
    } else {
      for (const Value& volume : volumes->items) read_volume(catalogue, volume);
    }
    result.catalogue = std::move(catalogue);
    result.findings = std::move(findings_);
    return result;
  }

 private:
  void report(const char* rule, const Value& at, std::string message) {
    findings_.push_back(
        {rule, Severity::error, {path_, at.line, at.column}, {}, std::move(message)});
  }

  void unknown_keys(const Value& map, const std::vector<std::string_view>& known,
                    const std::string& what) {
    for (const auto& [key, value] : map.members) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        report("edition/unknown-key", value,
               what + " has no key '" + key + "'" + detail::did_you_mean(key, known));
      }
    }
  }

  // Whether `entry` is a mapping, as `example` shows (else a finding); its unknown keys are
  // findings either way.
  bool is_entry(const Value& entry, const std::vector<std::string_view>& known,
                const std::string& what, const char* example) {
    if (!entry.is_mapping()) {
      report("edition/wrong-type", entry, what + " is a mapping: " + example);
      return false;
    }
    unknown_keys(entry, known, what);
    return true;
  }

  std::string required_text(const Value& map, const char* key, const std::string& what) {
    const Value* value = map.find(key);
    if (value == nullptr) {
      report("edition/missing-field", map, what + " has no '" + key + "'");
      return {};
    }
    if (!value->is_scalar() || value->text.empty()) {
      report("edition/wrong-type", *value, std::string("'") + key + "' must be text");
      return {};
    }
    return value->text;
  }

  std::optional<long long> positive(const Value& map, const char* key, const std::string& what) {
    const Value* value = map.find(key);
    if (value == nullptr) {
      report("edition/missing-field", map, what + " has no '" + key + "'");
      return std::nullopt;
    }
    const auto number = value->is_scalar() && !value->quoted ? value->as_integer() : std::nullopt;
    if (!number || *number <= 0) {
      report(
          "edition/bad-value", *value,
          std::string("'") + key + "' must be a positive whole number, not '" + value->text + "'");
      return std::nullopt;
    }
    return number;
  }

  void read_volume(Catalogue& catalogue, const Value& entry) {
    if (!is_entry(entry, volume_keys, "a volume", "{volume: 9, pages: 412, texts: [...]}")) return;
    CatalogueVolume volume;
    volume.line = entry.line;
    volume.column = entry.column;
    const auto number = positive(entry, "volume", "a volume");
    const auto page_count = positive(entry, "pages", "a volume");
    const std::string name = number ? "volume " + std::to_string(*number) : "a volume";
    if (number) {
      volume.number = *number;
      if (catalogue.volume(*number) != nullptr) {
        report("edition/duplicate-volume", entry,
               name + " is listed twice: merge its texts into one entry");
      }
    }
    if (page_count) volume.page_count = *page_count;
    const Value* texts = entry.find("texts");
    if (texts == nullptr) {
      report("edition/missing-field", entry, name + " has no 'texts' list");
    } else if (!texts->is_sequence()) {
      report("edition/wrong-type", *texts, "'texts' must be a list of texts");
    } else {
      for (const Value& text : texts->items) read_text(volume, text, name);
    }
    if (number) catalogue.volumes.push_back(std::move(volume));
  }

  void read_text(CatalogueVolume& volume, const Value& entry, const std::string& volume_name) {
    if (!is_entry(entry, text_keys, "a text", "{title: …, date: 1936-04-24, pages: 213-215}")) {
      return;
    }
    CatalogueText text;
    text.line = entry.line;
    text.column = entry.column;
    text.title = required_text(entry, "title", "a text");
    if (const Value* date = entry.find("date")) {
      if (date->is_scalar() && edition_text::is_iso_date(date->text)) {
        text.date = date->text;
      } else {
        report("edition/bad-value", *date,
               "a date is written 1936-04-24, 1936-04 or 1936, not '" + date->text + "'");
      }
    }
    const Value* pages = entry.find("pages");
    if (pages == nullptr) {
      report("edition/missing-field", entry, "a text has no 'pages' (213-215, or 17 for one page)");
      return;
    }
    const auto range = pages->is_scalar() ? PageRange::parse(pages->text) : std::nullopt;
    if (!range) {
      report("edition/bad-pages", *pages,
             "pages are a page or a range of pages such as 213-215, not '" + pages->text + "'");
      return;
    }
    text.pages = *range;
    const std::string where = " in " + volume_name;
    const std::string pages_named =
        (range->first == range->last ? "page " : "pages ") + range->to_string();
    if (volume.page_count > 0 && range->last > volume.page_count) {
      report("edition/past-volume-end", *pages,
             pages_named + where + " go past its last page, " + std::to_string(volume.page_count));
    }
    if (!volume.texts.empty()) {
      const CatalogueText& previous = volume.texts.back();
      // A text may begin on the page where the previous one ends, as letters do.
      if (range->first < previous.pages.first) {
        report("edition/out-of-order", *pages,
               pages_named + where + " come before those of the text above (" +
                   previous.pages.to_string() + "): list texts in volume order");
      } else if (range->first < previous.pages.last) {
        report("edition/overlapping-pages", *pages,
               pages_named + where + " overlap those of \"" + previous.title + "\" (" +
                   previous.pages.to_string() + ", line " + std::to_string(previous.line) + ")");
      }
    }
    volume.texts.push_back(std::move(text));
  }

  std::string path_;
  Diagnostics findings_;
};

}  // namespace

const CatalogueVolume* Catalogue::volume(long long number) const {
  const auto found = std::find_if(volumes.begin(), volumes.end(),
                                  [&](const CatalogueVolume& v) { return v.number == number; });
  return found == volumes.end() ? nullptr : &*found;
}

bool Catalogue::is_named(std::string_view work) const {
  const std::string folded = edition_text::fold_name(work);
  if (folded.empty()) return false;
  if (folded == edition_text::fold_name(id)) return true;
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return edition_text::fold_name(name) == folded;
  });
}

CatalogueRead parse_catalogue(std::string_view text, const std::string& path) {
  try {
    return CatalogueReader(path).read(parse_yaml(text, path));
  } catch (const InputError& failure) {
    CatalogueRead result;
    result.findings.push_back(
        {"yaml/syntax", Severity::error, failure.where(), {}, failure.message()});
    return result;
  }
}

CataloguesRead read_catalogues(const fs::path& root) {
  CataloguesRead result;
  std::error_code error;
  const fs::path folder = root / "editions";
  if (!fs::is_directory(folder, error)) return result;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 5 && name.ends_with(".yaml")) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string relative = "editions/" + name;
    const auto resolved = resolve_in_repository(root, relative);
    if (!resolved) {
      result.findings.push_back({"reference/path-outside-repository",
                                 Severity::error,
                                 {relative, 0, 0},
                                 {},
                                 "the catalogue leads out of the repository: it is not read"});
      continue;
    }
    try {
      CatalogueRead read =
          parse_catalogue(read_text_file(*resolved, max_catalogue_bytes), relative);
      result.findings.insert(result.findings.end(), read.findings.begin(), read.findings.end());
      if (read.catalogue) result.catalogues.push_back(std::move(*read.catalogue));
    } catch (const FileError& failure) {
      result.findings.push_back({"file/unreadable",
                                 Severity::error,
                                 {relative, 0, 0},
                                 {},
                                 "the catalogue cannot be read (a folder, unreadable, or larger "
                                 "than 4 MiB)"});
    }
  }
  return result;
}

std::string format_catalogue(const Catalogue& catalogue) {
  std::string out = "# alinea edition catalogue (docs/FORMAT.md)\nalinea: 1\n";
  out += "title: " + yaml_scalar(catalogue.title) + "\n";
  out += "lang: " + yaml_scalar(catalogue.lang) + "\n";
  std::vector<std::string> others;
  for (const std::string& name : catalogue.names) {
    if (name != catalogue.title) others.push_back(yaml_scalar(name));
  }
  if (!others.empty()) {
    out += "names: [";
    for (std::size_t i = 0; i < others.size(); ++i) out += (i == 0 ? "" : ", ") + others[i];
    out += "]\n";
  }
  out += "volumes:\n";
  for (const CatalogueVolume& volume : catalogue.volumes) {
    out += "  - volume: " + std::to_string(volume.number) + "\n";
    out += "    pages: " + std::to_string(volume.page_count) + "\n";
    out += volume.texts.empty() ? "    texts: []\n" : "    texts:\n";
    for (const CatalogueText& text : volume.texts) {
      out += "      - {title: " + yaml_scalar(text.title);
      if (!text.date.empty()) out += ", date: " + text.date;
      out += ", pages: " + yaml_scalar(text.pages.to_string()) + "}\n";
    }
  }
  return out;
}

}  // namespace alinea
