// `alinea coverage --by-edition` as text, JSON, Markdown, HTML and an SVG badge.
#include <array>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "alinea/check.hpp"
#include "text/markup.hpp"
#include "text/unicode.hpp"

namespace alinea {
namespace {

std::string percent_of(long long part, long long whole) {
  std::array<char, 32> buffer{};
  const double share =
      whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  std::snprintf(buffer.data(), buffer.size(), "%.1f%%", share);
  return buffer.data();
}

std::string volume_name(const VolumeCoverage& volume) {
  return "t. " + std::to_string(volume.number);
}

long long referenced_pages(const VolumeCoverage& volume) {
  long long count = 0;
  long long last = 0;
  for (const TextCoverage& text : volume.texts) {
    if (text.pages.first <= 0) continue;
    const long long first = std::max(text.pages.first, last + 1);
    if (text.pages.last >= first) count += text.pages.last - first + 1;
    last = std::max(last, text.pages.last);
  }
  return count;
}

// The pages the figures are out of: the volume's, or those the references cover.
long long pages_out_of(const VolumeCoverage& volume) {
  return volume.page_count.value_or(referenced_pages(volume));
}

std::string pages_text(const PageRange& pages) {
  if (pages.first <= 0) return "pages unknown";
  return (pages.first == pages.last ? "p. " : "pp. ") + pages.to_string();
}

std::string text_label(const TextCoverage& text) {
  std::string label = text.title;
  if (!text.date.empty()) label += " (" + text.date + ")";
  return label;
}

std::string share_of(const char* name, const CoverageCount& count) {
  std::array<char, 96> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%s %.1f%% (%zu/%zu), ", name, count.share() * 100.0,
                count.linked, count.total);
  return buffer.data();
}

// As `alinea coverage` counts them; a document with no notes has no note figure.
std::string links_summary(const PairCoverage& links) {
  std::string out = share_of("paragraphs", links.paragraphs);
  if (links.notes.total > 0) out += share_of("notes", links.notes);
  return out + std::to_string(links.links) + " links, " + std::to_string(links.reviewed_links) +
         " reviewed";
}

std::string count_of(std::size_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

std::string translation_summary(const TextTranslation& translation) {
  std::string out = translation.lang + " " + translation.document;
  if (translation.alignment.empty()) return out + ": not aligned";
  out += ", " + translation.alignment;
  if (translation.links) out += ": " + links_summary(*translation.links);
  return out;
}

struct Figure {
  const char* name;
  TextProgress progress;
  long long pages;
};

std::array<Figure, 3> figures_of(const VolumeCoverage& volume) {
  return {{{"translated", TextProgress::translated, volume.pages_translated},
           {"aligned", TextProgress::aligned, volume.pages_aligned},
           {"reviewed", TextProgress::reviewed, volume.pages_reviewed}}};
}

std::string volume_heading(const VolumeCoverage& volume) {
  std::string out = volume_name(volume) + ": ";
  if (volume.page_count) {
    out += std::to_string(*volume.page_count) + " pages, ";
  } else {
    out += std::to_string(referenced_pages(volume)) + " pages referenced (no catalogue), ";
  }
  return out + count_of(volume.texts.size(), "text");
}

// A title or path from the corpus on one line of the text report.
std::string shown(std::string_view text) {
  return sanitise_for_display(text, LineBreaks::escaped);
}

std::string format_text(const EditionReport& report) {
  std::string out;
  for (const EditionCoverage& edition : report.editions) {
    out += shown(edition.title) + " (" +
           (edition.catalogue.empty() ? std::string("from the documents' references")
                                      : shown(edition.catalogue)) +
           ")\n";
    for (const VolumeCoverage& volume : edition.volumes) {
      out += "  " + volume_heading(volume) + "\n";
      const long long pages = pages_out_of(volume);
      for (const Figure& figure : figures_of(volume)) {
        std::array<char, 160> line{};
        std::snprintf(line.data(), line.size(), "    %-11s %4zu/%zu texts  %5lld/%lld pages  %6s\n",
                      figure.name, volume.texts_at_least(figure.progress), volume.texts.size(),
                      figure.pages, pages, percent_of(figure.pages, pages).c_str());
        out += line.data();
      }
      bool any = false;
      for (const TextCoverage& text : volume.texts) {
        if (text.translations.empty()) continue;
        if (!any) out += "    translations:\n";
        any = true;
        out += "      " + pages_text(text.pages) + "  " + shown(text_label(text)) + ": " +
               to_string(text.progress()) +
               (text.catalogued || edition.catalogue.empty() ? "" : " (not in the catalogue)") +
               "\n";
        for (const TextTranslation& translation : text.translations) {
          out += "        " + translation_summary(translation) + "\n";
        }
      }
      const std::size_t missing =
          volume.texts.size() - volume.texts_at_least(TextProgress::translated);
      if (missing > 0) {
        out += "    not translated (" + std::to_string(missing) + "):\n";
        for (const TextCoverage& text : volume.texts) {
          if (text.progress() != TextProgress::missing) continue;
          out += "      " + pages_text(text.pages) + "  " + shown(text_label(text)) + "\n";
        }
      }
    }
    out += "\n";
  }
  if (report.editions.empty()) {
    out += "no edition: no catalogue in editions/ and no document with a source_ref\n";
  }
  return out;
}

nlohmann::ordered_json links_json(const PairCoverage& links) {
  const auto count = [](const CoverageCount& c) {
    return nlohmann::ordered_json{{"linked", c.linked}, {"total", c.total}, {"share", c.share()}};
  };
  return {{"paragraphs", count(links.paragraphs)},
          {"notes", count(links.notes)},
          {"sentences", count(links.sentences)},
          {"characters", count(links.characters)},
          {"links", links.links},
          {"reviewed_links", links.reviewed_links}};
}

std::string format_json(const EditionReport& report) {
  nlohmann::ordered_json editions = nlohmann::ordered_json::array();
  for (const EditionCoverage& edition : report.editions) {
    nlohmann::ordered_json volumes = nlohmann::ordered_json::array();
    for (const VolumeCoverage& volume : edition.volumes) {
      nlohmann::ordered_json texts = nlohmann::ordered_json::array();
      nlohmann::ordered_json gaps = nlohmann::ordered_json::array();
      for (const TextCoverage& text : volume.texts) {
        nlohmann::ordered_json translations = nlohmann::ordered_json::array();
        for (const TextTranslation& translation : text.translations) {
          nlohmann::ordered_json entry = {{"lang", translation.lang},
                                          {"document", translation.document},
                                          {"progress", to_string(translation.progress)}};
          if (!translation.alignment.empty()) entry["alignment"] = translation.alignment;
          if (translation.links) entry["links"] = links_json(*translation.links);
          translations.push_back(std::move(entry));
        }
        nlohmann::ordered_json entry = {{"title", text.title}, {"date", text.date}};
        if (text.pages.first > 0) {
          entry["pages"] = {{"first", text.pages.first}, {"last", text.pages.last}};
        }
        entry["catalogued"] = text.catalogued;
        entry["progress"] = to_string(text.progress());
        entry["translations"] = std::move(translations);
        if (text.progress() == TextProgress::missing) gaps.push_back(entry["title"]);
        texts.push_back(std::move(entry));
      }
      nlohmann::ordered_json out = {{"volume", volume.number}};
      out["page_count"] = volume.page_count ? nlohmann::ordered_json(*volume.page_count)
                                            : nlohmann::ordered_json(nullptr);
      out["pages_out_of"] = pages_out_of(volume);
      for (const Figure& figure : figures_of(volume)) {
        out[figure.name] = {{"texts", volume.texts_at_least(figure.progress)},
                            {"pages", figure.pages}};
      }
      out["text_count"] = volume.texts.size();
      out["texts"] = std::move(texts);
      out["not_translated"] = std::move(gaps);
      volumes.push_back(std::move(out));
    }
    editions.push_back({{"id", edition.id},
                        {"title", edition.title},
                        {"catalogue", edition.catalogue},
                        {"volumes", std::move(volumes)}});
  }
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const Diagnostic& d : report.problems) {
    problems.push_back({{"rule", d.rule},
                        {"severity", to_string(d.severity)},
                        {"where", d.where.to_string()},
                        {"message", d.message}});
  }
  nlohmann::ordered_json out = {{"editions", std::move(editions)},
                                {"problems", std::move(problems)}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string format_markdown(const EditionReport& report) {
  std::string out;
  for (const EditionCoverage& edition : report.editions) {
    out += "## " + escape_markdown_cell(edition.title) + "\n\n";
    out += "| volume | texts | translated | aligned | reviewed |\n|---|---:|---:|---:|---:|\n";
    for (const VolumeCoverage& volume : edition.volumes) {
      const long long pages = pages_out_of(volume);
      out += "| " + volume_name(volume) + " | " + std::to_string(volume.texts.size()) + " |";
      for (const Figure& figure : figures_of(volume)) {
        out += " " + count_of(volume.texts_at_least(figure.progress), "text") + ", " +
               std::to_string(figure.pages) + "/" + std::to_string(pages) + " pages (" +
               percent_of(figure.pages, pages) + ") |";
      }
      out += "\n";
    }
    for (const VolumeCoverage& volume : edition.volumes) {
      out += "\n### " + volume_name(volume) + "\n\n";
      for (const TextCoverage& text : volume.texts) {
        out += "- " + escape_markdown_cell(pages_text(text.pages) + " " + text_label(text)) +
               ": **" + to_string(text.progress()) + "**";
        for (const TextTranslation& translation : text.translations) {
          out += "; " + escape_markdown_cell(translation_summary(translation));
        }
        out += "\n";
      }
    }
    out += "\n";
  }
  if (report.editions.empty()) out += "No edition: no catalogue and no `source_ref`.\n";
  return out;
}

constexpr std::string_view page_style =
    "body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem;"
    "color:#1a1a1a;line-height:1.4}"
    "h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.1rem}"
    ".bar{position:relative;height:2.25rem;border:1px solid #555;background:#f4f4f4;"
    "margin:.5rem 0}"
    ".seg{position:absolute;top:0;bottom:0;border-right:1px solid #fff;box-sizing:border-box}"
    ".missing{background:#f4f4f4}"
    ".translated{background:repeating-linear-gradient(45deg,#e8a33d 0 4px,#fbe3bd 4px 8px)}"
    ".aligned{background:repeating-linear-gradient(90deg,#2f6fb0 0 3px,#b9d3ee 3px 6px)}"
    ".reviewed{background:#1f6b2e}"
    ".legend{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;padding:0;list-style:none}"
    ".legend li{display:flex;align-items:center;gap:.4rem}"
    ".swatch{display:inline-block;width:1.5rem;height:1rem;border:1px solid #555}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;"
    "text-align:left;vertical-align:top}td.n{white-space:nowrap}"
    ".state{display:inline-block;padding:0 .4rem;border-radius:.2rem;font-size:.85rem;"
    "border:1px solid #555;white-space:nowrap}"
    ".state.reviewed{color:#fff}.state.aligned{color:#000;background:#b9d3ee}"
    ".state.translated{background:#fbe3bd}"
    "a{color:#0b4f9c}a:focus{outline:3px solid #d35400;outline-offset:2px}"
    ".figures{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;"
    "margin:.5rem 0}"
    ".scale{display:flex;justify-content:space-between;font-size:.8rem;color:#444}"
    "@media (max-width:40rem){td.links{display:none}th.links{display:none}}";

// The state as a CSS class: its name without spaces.
std::string css_class(TextProgress progress) {
  return progress == TextProgress::missing ? "missing" : to_string(progress);
}

// The `alinea show --format html` page of an alignment: x.fr-es.yaml → <folder>/x.fr-es.html.
std::string show_page(std::string_view folder, const std::string& alignment) {
  std::string name = alignment.substr(alignment.find_last_of('/') + 1);
  if (name.ends_with(".yaml")) name.resize(name.size() - 5);
  std::string out(folder);
  if (!out.empty() && !out.ends_with('/')) out += '/';
  return out + name + ".html";
}

std::string format_percent_width(long long part, long long whole) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.3f%%",
                whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buffer.data();
}

std::string volume_bar(const VolumeCoverage& volume) {
  const long long pages = volume.page_count.value_or(0);
  std::string summary = volume_name(volume) + ": ";
  for (const Figure& figure : figures_of(volume)) {
    summary += std::to_string(figure.pages) + " of " + std::to_string(pages_out_of(volume)) +
               " pages " + figure.name + ", ";
  }
  summary.resize(summary.size() - 2);
  std::string out = "<div class=\"bar\" role=\"img\" aria-label=\"" + escape_html(summary) + "\">";
  // Without a catalogue the bar spans the pages the references cover, from the first to the last.
  long long first_page = 1;
  long long span = pages;
  if (pages == 0) {
    long long last = 0;
    first_page = 0;
    for (const TextCoverage& text : volume.texts) {
      if (text.pages.first <= 0) continue;
      if (first_page == 0 || text.pages.first < first_page) first_page = text.pages.first;
      last = std::max(last, text.pages.last);
    }
    span = first_page == 0 ? 0 : last - first_page + 1;
  }
  for (const TextCoverage& text : volume.texts) {
    if (text.pages.first <= 0 || span == 0 || text.progress() == TextProgress::missing) continue;
    const long long last = std::min(text.pages.last, first_page + span - 1);
    if (last < text.pages.first) continue;
    out +=
        "<span class=\"seg " + css_class(text.progress()) +
        "\" style=\"left:" + format_percent_width(text.pages.first - first_page, span) +
        ";width:" + format_percent_width(last - text.pages.first + 1, span) + "\" title=\"" +
        escape_html(pages_text(text.pages) + " " + text.title + ": " + to_string(text.progress())) +
        "\"></span>";
  }
  out += "</div>\n";
  if (span > 0) {
    out += "<div class=\"scale\" aria-hidden=\"true\"><span>p. " + std::to_string(first_page) +
           "</span><span>p. " + std::to_string(first_page + span - 1) + "</span></div>\n";
  }
  return out;
}

std::string format_html(const EditionReport& report, std::string_view show_pages) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
      std::string(content_security_policy_meta) +
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"generator\" content=\"alinea coverage --by-edition\">\n"
      "<title>Coverage of the edition</title>\n<style>" +
      std::string(page_style) +
      "</style>\n</head>\n<body>\n<main>\n<h1>Coverage of the edition</h1>\n";
  out += "<ul class=\"legend\" aria-label=\"legend\">";
  for (const TextProgress progress : {TextProgress::reviewed, TextProgress::aligned,
                                      TextProgress::translated, TextProgress::missing}) {
    out += "<li><span class=\"swatch " + css_class(progress) + "\" aria-hidden=\"true\"></span>" +
           to_string(progress) + "</li>";
  }
  out += "</ul>\n";
  for (const EditionCoverage& edition : report.editions) {
    out += "<section class=\"edition\">\n<h2>" + escape_html(edition.title) + "</h2>\n";
    if (!edition.catalogue.empty()) {
      out += "<p>Catalogue: <code>" + escape_html(edition.catalogue) + "</code></p>\n";
    } else {
      out += "<p>No catalogue: the pages and texts the documents' references name.</p>\n";
    }
    for (const VolumeCoverage& volume : edition.volumes) {
      const long long pages = pages_out_of(volume);
      out += "<section class=\"volume\">\n<h3>" + escape_html(volume_heading(volume)) + "</h3>\n";
      out += volume_bar(volume);
      out += "<ul class=\"figures\">";
      for (const Figure& figure : figures_of(volume)) {
        out += "<li><span class=\"state " + css_class(figure.progress) + "\">" + figure.name +
               "</span> " + std::to_string(volume.texts_at_least(figure.progress)) + "/" +
               std::to_string(volume.texts.size()) + " texts, " + std::to_string(figure.pages) +
               "/" + std::to_string(pages) + " pages (" + percent_of(figure.pages, pages) +
               ")</li>";
      }
      out +=
          "</ul>\n<table>\n<thead><tr><th>pages</th><th>text</th><th>state</th>"
          "<th class=\"links\">links</th></tr></thead>\n<tbody>\n";
      for (const TextCoverage& text : volume.texts) {
        out += "<tr><td class=\"n\">" + escape_html(pages_text(text.pages)) + "</td><td>";
        std::string label = escape_html(text_label(text));
        for (const TextTranslation& translation : text.translations) {
          if (translation.alignment.empty()) continue;
          label = "<a href=\"" + escape_html(show_page(show_pages, translation.alignment)) + "\">" +
                  label + "</a>";
          break;
        }
        out += label +
               (text.catalogued || edition.catalogue.empty() ? ""
                                                             : " <em>(not in the catalogue)</em>") +
               "</td><td><span class=\"state " + css_class(text.progress()) + "\">" +
               to_string(text.progress()) + "</span></td><td class=\"links\">";
        for (const TextTranslation& translation : text.translations) {
          out += escape_html(translation_summary(translation)) + "<br>";
        }
        out += "</td></tr>\n";
      }
      out += "</tbody>\n</table>\n</section>\n";
    }
    out += "</section>\n";
  }
  if (report.editions.empty()) {
    out +=
        "<p>No edition: no catalogue in <code>editions/</code> and no document with a "
        "<code>source_ref</code>.</p>\n";
  }
  return out + "</main>\n</body>\n</html>\n";
}

// Verdana 11px is about 7 pixels a character: enough for a badge.
std::size_t badge_width(std::string_view text) {
  return 10 + 7 * count_code_points(text);
}

// The edition a badge speaks of: a catalogued one before those known from references alone,
// then the one with the most texts.
const EditionCoverage* badge_edition(const EditionReport& report) {
  const EditionCoverage* best = nullptr;
  const auto weight = [](const EditionCoverage& edition) {
    std::size_t texts = 0;
    for (const VolumeCoverage& volume : edition.volumes) texts += volume.texts.size();
    return std::pair{!edition.catalogue.empty(), texts};
  };
  for (const EditionCoverage& edition : report.editions) {
    if (best == nullptr || weight(edition) > weight(*best)) best = &edition;
  }
  return best;
}

std::string format_svg(const EditionReport& report) {
  std::string label = "alinea";
  std::string message = "no edition";
  if (const EditionCoverage* edition = badge_edition(report)) {
    long long reviewed = 0;
    long long pages = 0;
    for (const VolumeCoverage& volume : edition->volumes) {
      reviewed += volume.pages_reviewed;
      pages += pages_out_of(volume);
    }
    label = edition->volumes.size() == 1 ? volume_name(edition->volumes.front()) : edition->title;
    const long long share = pages == 0 ? 0 : (100 * reviewed) / pages;  // rounded down
    message = std::to_string(share) + "% reviewed";
  }
  const std::size_t left = badge_width(label);
  const std::size_t right = badge_width(message);
  const std::size_t width = left + right;
  const std::string full = label + ": " + message;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                    "\" height=\"20\" role=\"img\" aria-label=\"" + escape_html(full) + "\">";
  out += "<title>" + escape_html(full) + "</title>";
  out += "<rect width=\"" + std::to_string(left) + "\" height=\"20\" fill=\"#555\"/>";
  out += "<rect x=\"" + std::to_string(left) + "\" width=\"" + std::to_string(right) +
         "\" height=\"20\" fill=\"#1f6b2e\"/>";
  out +=
      "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\" "
      "text-anchor=\"middle\">";
  out += "<text x=\"" + std::to_string(left / 2) + "\" y=\"14\">" + escape_html(label) + "</text>";
  out += "<text x=\"" + std::to_string(left + right / 2) + "\" y=\"14\">" + escape_html(message) +
         "</text></g></svg>\n";
  return out;
}

}  // namespace

std::string format_edition_report(const EditionReport& report, EditionFormat format,
                                  std::string_view show_pages) {
  switch (format) {
    case EditionFormat::text:
      return format_text(report);
    case EditionFormat::json:
      return format_json(report);
    case EditionFormat::markdown:
      return format_markdown(report);
    case EditionFormat::html:
      return format_html(report, show_pages);
    case EditionFormat::svg:
      return format_svg(report);
  }
  return format_text(report);
}

}  // namespace alinea
