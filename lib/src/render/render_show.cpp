// `alinea show`: an alignment's view in the format asked, and the files it goes to.
#include "alinea/base.hpp"
#include "alinea/render.hpp"

namespace alinea {

std::optional<ShowFormat> parse_show_format(std::string_view name) {
  for (const auto& [format, known] : {std::pair{ShowFormat::term, "term"},
                                      {ShowFormat::html, "html"},
                                      {ShowFormat::markdown, "markdown"},
                                      {ShowFormat::tmx, "tmx"},
                                      {ShowFormat::tsv, "tsv"},
                                      {ShowFormat::moses, "moses"}}) {
    if (name == known) return format;
  }
  return std::nullopt;
}

std::optional<ShowLevel> parse_show_level(std::string_view name) {
  if (name == "paragraph") return ShowLevel::paragraph;
  if (name == "sentence") return ShowLevel::sentence;
  return std::nullopt;
}

std::vector<ShownFile> render_show(const Alignment& alignment, const Document& source,
                                   const Document& target, const ShowOptions& options,
                                   const std::string& output) {
  const SideBySide view = build_side_by_side(alignment, source, target);
  switch (options.format) {
    case ShowFormat::term:
      return {{output, render_terminal(view, {options.width, options.level, options.colour})}};
    case ShowFormat::html:
      return {{output, render_html(view, options.level)}};
    case ShowFormat::markdown:
      return {{output, render_markdown(view, options.level)}};
    case ShowFormat::tmx:
      return {{output, render_tmx(view, options.level, options.filter)}};
    case ShowFormat::tsv:
      return {{output, render_tsv(view, options.level, options.filter)}};
    case ShowFormat::moses:
      break;
  }
  // A checked tag is letters, digits and hyphens: safe as a file name's suffix. Two files of one
  // name would be one.
  for (const DocumentRef* ref : {&alignment.source, &alignment.target}) {
    const LanguageReading reading = read_language(ref->lang);
    if (!reading.language) {
      throw InputError({alignment.path, ref->line, ref->column},
                       "moses files are named by language, and " + reading.problem);
    }
  }
  if (alignment.source.lang == alignment.target.lang) {
    throw InputError({alignment.path, alignment.target.line, alignment.target.column},
                     "moses files are named by language, and both documents are '" +
                         alignment.source.lang + "'");
  }
  ParallelText text = render_moses(view, options.level, options.filter);
  return {{output + "." + alignment.source.lang, std::move(text.source)},
          {output + "." + alignment.target.lang, std::move(text.target)}};
}

}  // namespace alinea
