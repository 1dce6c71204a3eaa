// The aligner: notes, then paragraphs, then sentences inside each paragraph link; see aligner.hpp.
#include "alinea/aligner.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <string_view>

#include "align/bilingual_dictionary.hpp"
#include "align/confidence.hpp"
#include "align/dp.hpp"
#include "align/guide.hpp"
#include "align/lexicon.hpp"
#include "align/moved.hpp"
#include "align/score.hpp"
#include "align/translate.hpp"
#include "text/dictd.hpp"
#include "text/dictionary.hpp"

namespace alinea {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

// The dictionary of `options` for the pair, if any, and how it takes part.
struct LoadedDictionary {
  BilingualDictionary dictionary;
  DictionaryUse use;
};

std::optional<LoadedDictionary> load_dictionary(const AlignOptions& options,
                                                std::string_view source_lang,
                                                std::string_view target_lang) {
  std::optional<LoadedDictionary> loaded;
  if (options.dictionary) {
    const DictionaryUse use = options.dictionary_use.value_or(DictionaryUse{});
    loaded.emplace(LoadedDictionary{BilingualDictionary::read_word_list(*options.dictionary), use});
  } else if (const auto freedict = freedict_for(options, source_lang, target_lang)) {
    const DictionaryUse use = options.dictionary_use.value_or(freedict_use());
    loaded.emplace(LoadedDictionary{
        BilingualDictionary::read_freedict(*freedict, {use.phrases, use.most_translations}), use});
  }
  if (!loaded) return loaded;
  const DictionaryUse& use = loaded->use;
  BilingualDictionary* dictionary = &loaded->dictionary;
  if (use.stems) {
    const auto stemmer = [&use](std::string_view lang) -> std::shared_ptr<const Dictionary> {
      auto opened = Dictionary::open(use.stems_folder, lang);
      if (!opened) return nullptr;
      return std::make_shared<const Dictionary>(std::move(*opened));
    };
    dictionary->stem_with(stemmer(source_lang), stemmer(target_lang));
  }
  return loaded;
}

// How a dictionary takes part in `beads_in_two_passes`: `use`, and the dictionary's word pairs
// found in the texts when they join Model 1's training.
struct DictionaryTerms {
  DictionaryUse use;
  std::vector<WordPair> prior;
};

bool wants_prior(const LoadedDictionary* dictionary, const AlignOptions& options) {
  return dictionary != nullptr && options.use_translation_model &&
         dictionary->use.model1_prior > 0.0;
}

DictionaryTerms dictionary_terms(const LoadedDictionary* dictionary, const AlignOptions& options,
                                 const std::vector<std::string_view>& source,
                                 const std::vector<std::string_view>& target) {
  if (dictionary == nullptr) return {};
  DictionaryTerms terms{dictionary->use, {}};
  if (wants_prior(dictionary, options))
    terms.prior = dictionary->dictionary.pairs_in(source, target);
  return terms;
}

// Whether the two texts translate each other at all, 0..1. The posteriors only compare paths
// through one lattice: between two unrelated texts one path still wins clearly. What tells them
// apart is how many numbers and cognates the best path's links share beyond chance: the same
// links with their target sides shifted half-way round give the rate of unrelated pairs of these
// two texts. How much two languages share at all differs widely (measured on the development
// sets: 32–35% of tokens along the path for French–Spanish news, 6–25% for German–French
// Text+Berg; 0.5–4.6% for unrelated texts of the same pairs), so a fixed rate would call a true
// German–French translation unrelated. A path that shares `related_excess` more than chance is
// related. A few tokens prove little either way: the path's rate is pooled with a prior worth
// `prior_tokens` tokens at that excess, so a short paragraph without numbers or cognates is not
// called unrelated.
double relatedness(const BeadScorer& scorer, const std::vector<Bead>& beads) {
  constexpr double related_excess = 0.04;
  constexpr double prior_tokens = 3.0;
  std::vector<const Bead*> linked;
  for (const Bead& bead : beads) {
    if (bead.source_count > 0 && bead.target_count > 0) linked.push_back(&bead);
  }
  const auto agreement = [&scorer](const Bead& source, const Bead& target) {
    return scorer.token_agreement(source.source_begin, target.target_begin, source.source_count,
                                  target.target_count);
  };
  double shared = 0.0;
  double total = 0.0;
  double chance_shared = 0.0;
  double chance_total = 0.0;
  for (std::size_t k = 0; k < linked.size(); ++k) {
    const auto [both, either] = agreement(*linked[k], *linked[k]);
    shared += both;
    total += either;
    if (linked.size() < 2) continue;
    const auto [by_chance, either_by_chance] =
        agreement(*linked[k], *linked[(k + linked.size() / 2) % linked.size()]);
    chance_shared += by_chance;
    chance_total += either_by_chance;
  }
  const double rate = (shared + prior_tokens * related_excess) / (total + prior_tokens);
  const double chance_rate = chance_total > 0.0 ? chance_shared / chance_total : 0.0;
  return std::clamp((rate - chance_rate) / related_excess, 0.0, 1.0);
}

// Which block (paragraph or note) of a k:k link each sentence comes from, on both sides; empty
// when the units are not sentences of such a link.
struct Blocks {
  std::vector<std::size_t> source;
  std::vector<std::size_t> target;
};

// Nats added to a sentence bead that links block a of one side with block b ≠ a of the other, or
// that joins sentences of two blocks: about what an omission costs, so that a sentence a
// translator left out of an unfinished paragraph is left out rather than linked into the next
// paragraph (the k:k paragraph link says that block a translates block a).
constexpr double cross_block_cost = 4.0;

double block_cost(const Blocks& blocks, std::size_t i, std::size_t j, std::size_t di,
                  std::size_t dj) {
  if (blocks.source.empty() || di == 0 || dj == 0) return 0.0;
  const std::size_t source_block = blocks.source[i];
  const std::size_t target_block = blocks.target[j];
  double total = source_block == target_block ? 0.0 : cross_block_cost;
  if (blocks.source[i + di - 1] != source_block) total += cross_block_cost;
  if (blocks.target[j + dj - 1] != target_block) total += cross_block_cost;
  return total;
}

// What the whole document tells the alignment of a stretch of it (the sentences of one paragraph
// link): Model 1 learned from its paragraph and note links (may be null) and its length ratio
// (target characters per source character; 0 when unknown).
struct DocumentContext {
  const TranslationTables* tables = nullptr;
  double length_ratio = 0.0;
};

// The best path of one pass and what it needs to give its steps their posteriors later.
struct Pass {
  BeadScorer scorer;
  DpOptions dp_options;
  std::vector<PathStep> path;
  const Blocks* blocks = nullptr;

  [[nodiscard]] BeadCost cost() const {
    return [this](std::size_t i, std::size_t j, std::size_t di, std::size_t dj) {
      return scorer.cost(i, j, di, dj) + block_cost(*blocks, i, j, di, dj);
    };
  }
};

// `band`: half-width of the first band around the guide; it widens where the path touches it.
// `second_guide`: another guess the band also follows (may be empty).
Pass best_path_of(BeadScorer scorer, const std::vector<Anchor>& anchors, std::vector<Anchor> guide,
                  std::vector<Anchor> second_guide, std::size_t band, double temperature,
                  std::vector<BeadShape> shapes, const Blocks& blocks) {
  Pass pass{std::move(scorer), {}, {}, &blocks};
  pass.dp_options.shapes = std::move(shapes);
  pass.dp_options.anchors = anchors;
  pass.dp_options.guide = std::move(guide);
  pass.dp_options.second_guide = std::move(second_guide);
  pass.dp_options.band = band;
  pass.dp_options.posterior_temperature = temperature;
  DpOptions without_posteriors = pass.dp_options;
  without_posteriors.posterior_temperature = 0.0;
  pass.path = best_path(pass.scorer.source_size(), pass.scorer.target_size(), pass.cost(),
                        without_posteriors);
  return pass;
}

// Each bead's confidence is the probability that it is right given its posterior over the
// lattice around the best path and the signs the posterior misses (confidence.hpp), times the
// confidence of the link holding these units (sentences in a paragraph link) or, for links
// between whole texts, the likelihood that the texts translate each other at all. With
// `link_moved`, omissions that moved (moved.hpp) become one link each, its posterior the
// probability of the move against the two omissions.
std::vector<ExplainedBead> beads_of(const Pass& pass, std::optional<double> parent_confidence,
                                    bool link_moved) {
  std::vector<Bead> beads;
  for (const PathStep& step : with_posteriors(pass.scorer.source_size(), pass.scorer.target_size(),
                                              pass.path, pass.cost(), pass.dp_options)) {
    if (step.source_count > 0 && step.target_count > 0) {
      beads.push_back({step.source_begin, step.source_count, step.target_begin, step.target_count,
                       step.posterior});
      continue;
    }
    // A run of omissions is priced as one bead but recorded unit by unit, as a reviewer confirms
    // or corrects each, with the probability that this unit is left out.
    const auto unit_posterior = [&step](std::size_t k) {
      return k < step.unit_posteriors.size() ? step.unit_posteriors[k] : step.posterior;
    };
    for (std::size_t k = 0; k < step.source_count; ++k) {
      beads.push_back({step.source_begin + k, 1, step.target_begin, 0, unit_posterior(k)});
    }
    for (std::size_t k = 0; k < step.target_count; ++k) {
      beads.push_back({step.source_begin, 0, step.target_begin + k, 1, unit_posterior(k)});
    }
  }
  if (link_moved) {
    beads = link_moved_units(std::move(beads), pass.cost());
  }
  const double context = parent_confidence ? *parent_confidence : relatedness(pass.scorer, beads);
  const std::vector<ConfidenceFeatures> features = confidence_features(pass.scorer, beads);
  std::vector<ExplainedBead> explained;
  explained.reserve(beads.size());
  for (std::size_t k = 0; k < beads.size(); ++k) {
    Bead bead = beads[k];
    bead.confidence = calibrated_confidence(features[k]) * context;
    if (parent_confidence) bead.confidence = linked_sentence_confidence(bead.confidence);
    explained.push_back({bead, features[k]});
  }
  return explained;
}

// Aligns once, learns which words translate which from the 1-1 beads with most shared evidence,
// and aligns again with that lexicon, in a band around the first path. Posteriors are worked out
// for the final path only.
std::vector<ExplainedBead> beads_in_two_passes(
    std::vector<UnitFeatures> source, std::vector<UnitFeatures> target,
    const std::vector<Anchor>& anchors, const AlignOptions& options,
    std::optional<double> parent_confidence, const Blocks& blocks,
    const DictionaryTerms& dictionary, const DocumentContext& document) {
  // Above this many units a second pass costs more time than it is worth: long texts keep to the
  // lexicon-free pass.
  constexpr std::size_t large_input = 20000;
  const bool large = source.size() + target.size() > 2 * large_input;
  // Half-widths of the first band around the guide and of the second pass's band around the first
  // path; both widen where the best path touches their edge.
  constexpr std::size_t first_band = 4;
  constexpr std::size_t second_band = 4;
  ScoreWeights weights;
  weights.use_tokens = options.use_tokens;
  weights.use_punctuation = options.use_punctuation;
  weights.translation_match_bonus = dictionary.use.match_bonus;
  weights.length_ratio = document.length_ratio;
  std::vector<BeadShape> shapes =
      bead_shapes_up_to(options.most_bead_units, options.longest_bead_side);
  for (const BeadShape shape : omission_runs(options.longest_omission_run)) shapes.push_back(shape);
  const double temperature = options.confidence_temperature;
  // The second pass looks near the first path and near the rare tokens' guide: where the lexicon
  // overturns a stretch of the first path, the guide usually knows where it goes.
  std::vector<Anchor> guide = guide_from_rare_tokens(source, target);
  // `keep_costs`: for a second pass, which prices most of the first one's beads again.
  const auto first_pass = [&](std::vector<UnitFeatures> source_units,
                              std::vector<UnitFeatures> target_units, bool keep_costs) {
    BeadScorer scorer(std::move(source_units), std::move(target_units), weights);
    if (keep_costs) scorer.keep_costs();
    return best_path_of(std::move(scorer), anchors, guide, {}, first_band, temperature, shapes,
                        blocks);
  };
  if ((!options.use_learned_lexicon && !options.use_translation_model) || large) {
    return beads_of(first_pass(std::move(source), std::move(target), false), parent_confidence,
                    options.link_moved_units);
  }
  std::vector<Anchor> first_path;
  std::shared_ptr<const TranslationEvidence> translation;
  // The first pass's scorer, costs kept, when the second pass scores the same units.
  std::optional<BeadScorer> same_units;
  {
    Pass first = first_pass(source, target, true);
    std::vector<BeadSpan> confident;
    for (const PathStep& step : first.path) {
      first_path.push_back(
          {step.source_begin + step.source_count, step.target_begin + step.target_count});
      if (first.scorer.evidence(step.source_begin, step.target_begin, step.source_count,
                                step.target_count) >= 0.5) {
        confident.push_back(
            {step.source_begin, step.source_count, step.target_begin, step.target_count});
      }
    }
    const LearnedLexicon lexicon =
        options.use_learned_lexicon ? learn_lexicon(source, target, confident) : LearnedLexicon{};
    if (options.use_translation_model) {
      Model1Options model1;
      model1.prior_weight = dictionary.use.model1_prior;
      translation =
          learn_translation_evidence(source, target, confident, model1, {}, dictionary.prior);
      // Too little here to learn from (the sentences of one paragraph link): the document's.
      if (!translation && document.tables != nullptr) {
        translation = std::make_shared<const TranslationEvidence>(source, target, *document.tables);
      }
    }
    if (lexicon.empty() && !translation) {
      return beads_of(first, parent_confidence, options.link_moved_units);
    }
    // Dictionary matches only where Model 1 is silent: its translations that Model 1 learned
    // something about are dropped for the second pass.
    const bool silent_only = translation && dictionary.use.only_where_model1_is_silent &&
                             std::any_of(source.begin(), source.end(), [](const UnitFeatures& u) {
                               return !u.translated.empty();
                             });
    if (silent_only) {
      for (UnitFeatures& unit : source) {
        std::erase_if(unit.translated, [&translation](std::uint32_t word) {
          return translation->knows_target_word(word);
        });
      }
    }
    if (lexicon.empty() && !silent_only) same_units.emplace(std::move(first.scorer));
    add_translations(source, lexicon);
  }
  BeadScorer second_scorer =
      same_units
          ? std::move(*same_units).with_translation(std::move(translation))
          : BeadScorer(std::move(source), std::move(target), weights, std::move(translation));
  const Pass second = best_path_of(std::move(second_scorer), anchors, std::move(first_path),
                                   std::move(guide), second_band, temperature, shapes, blocks);
  return beads_of(second, parent_confidence, options.link_moved_units);
}

// A unit to align: a paragraph, a note or a sentence, with its Markdown text.
struct Unit {
  std::string id;
  std::string text;
  std::vector<std::string> note_labels;    // references it carries; for a note, its own label
  BlockKind block = BlockKind::paragraph;  // a paragraph's kind: a heading prefers a heading
  std::size_t link_block = 0;              // for a sentence, which block of its link holds it
};

static_assert(static_cast<std::size_t>(BlockKind::list_item) < block_classes,
              "every block kind has its class in the scorer");

// A source unit's features carry its dictionary translations, a target unit's the forms they
// match (its words and their stems).
enum class Side { source, target };

UnitFeatures text_features(std::string_view text, const std::vector<std::string>& note_labels,
                           Side side, const LoadedDictionary* dictionary) {
  UnitFeatures features = unit_features(text, note_labels);
  if (dictionary == nullptr || dictionary->use.match_bonus == 0.0) return features;
  if (side == Side::source) {
    features.translated = dictionary->dictionary.translations_of(text);
  } else {
    features.forms = dictionary->dictionary.forms_of(text);
  }
  return features;
}

// `text`: the unit's plain text (plain_text of its Markdown).
UnitFeatures features_of(const Unit& unit, std::string_view text, Side side,
                         const LoadedDictionary* dictionary) {
  UnitFeatures features = text_features(text, unit.note_labels, side, dictionary);
  features.block = static_cast<std::uint8_t>(unit.block);
  return features;
}

// Links of an earlier alignment that a person made or annotated, or that hold a sentence link a
// person made: never regrouped, so a reviewed sentence link always keeps its paragraph link.
bool is_kept(const Link& link) {
  return is_hand_made(link) || std::any_of(link.sentences.begin(), link.sentences.end(), is_kept);
}

std::string joined_fingerprint(const std::vector<const Unit*>& units) {
  if (units.empty()) return "";
  std::string text;
  for (const Unit* unit : units) {
    if (!text.empty()) text += ' ';
    text += unit->text;
  }
  return text_fingerprint(text);
}

std::string fingerprint_at(const std::vector<std::size_t>& positions,
                           const std::vector<Unit>& units) {
  std::vector<const Unit*> chosen;
  for (const std::size_t position : positions) chosen.push_back(&units[position]);
  return joined_fingerprint(chosen);
}

// Where a link stands among the units: its first source (else target) position.
struct PlacedLink {
  Link link;
  std::vector<std::size_t> source_positions;
  std::vector<std::size_t> target_positions;
};

std::vector<std::size_t> positions_of(
    const std::vector<std::string>& ids,
    const std::map<std::string, std::size_t, std::less<>>& index) {
  std::vector<std::size_t> positions;
  for (const std::string& id : ids) {
    const auto found = index.find(id);
    if (found != index.end()) positions.push_back(found->second);
  }
  std::sort(positions.begin(), positions.end());
  return positions;
}

// Orders links as the file lists them: by source position; a link with no source unit goes right
// after the last link whose target comes before its own.
std::vector<Link> in_source_order(std::vector<PlacedLink> placed) {
  std::vector<PlacedLink> with_source;
  std::vector<PlacedLink> without_source;
  for (PlacedLink& link : placed) {
    (link.source_positions.empty() ? without_source : with_source).push_back(std::move(link));
  }
  std::stable_sort(with_source.begin(), with_source.end(),
                   [](const PlacedLink& a, const PlacedLink& b) {
                     return a.source_positions.front() < b.source_positions.front();
                   });
  std::stable_sort(
      without_source.begin(), without_source.end(), [](const PlacedLink& a, const PlacedLink& b) {
        const std::size_t left = a.target_positions.empty() ? none : a.target_positions.front();
        const std::size_t right = b.target_positions.empty() ? none : b.target_positions.front();
        return left < right;
      });
  for (PlacedLink& link : without_source) {
    const std::size_t first_target =
        link.target_positions.empty() ? none : link.target_positions.front();
    auto place = with_source.begin();
    for (auto it = with_source.begin(); it != with_source.end(); ++it) {
      const bool before =
          !it->target_positions.empty() && it->target_positions.front() < first_target;
      if (before) place = it + 1;
    }
    with_source.insert(place, std::move(link));
  }
  std::vector<Link> links;
  links.reserve(with_source.size());
  for (PlacedLink& link : with_source) links.push_back(std::move(link.link));
  return links;
}

// The blocks of the free units when they are sentences of a link of k blocks on each side (k ≥ 2):
// only then is block a known to translate block a. Otherwise none.
Blocks blocks_of(const std::vector<Unit>& source, const std::vector<Unit>& target,
                 const std::vector<std::size_t>& free_source,
                 const std::vector<std::size_t>& free_target) {
  const auto last_block = [](const std::vector<Unit>& units) {
    std::size_t last = 0;
    for (const Unit& unit : units) last = std::max(last, unit.link_block);
    return last;
  };
  if (source.empty() || target.empty() || last_block(source) == 0 ||
      last_block(source) != last_block(target)) {
    return {};
  }
  Blocks blocks;
  for (const std::size_t k : free_source) blocks.source.push_back(source[k].link_block);
  for (const std::size_t k : free_target) blocks.target.push_back(target[k].link_block);
  return blocks;
}

// Aligns two sequences of units. `previous` links that a person made are kept unchanged and
// anchor the rest; the new links have no sentence links yet (fill_sentences gives them theirs).
// `parent_confidence`: that of the link holding these units, none for whole texts.
std::vector<Link> align_units(const std::vector<Unit>& source, const std::vector<Unit>& target,
                              const std::vector<Link>& previous, const LoadedDictionary* dictionary,
                              const AlignOptions& options,
                              std::optional<double> parent_confidence = std::nullopt,
                              const DocumentContext& document = {}) {
  std::map<std::string, std::size_t, std::less<>> source_index;
  std::map<std::string, std::size_t, std::less<>> target_index;
  for (std::size_t k = 0; k < source.size(); ++k) source_index.emplace(source[k].id, k);
  for (std::size_t k = 0; k < target.size(); ++k) target_index.emplace(target[k].id, k);

  std::vector<bool> source_taken(source.size(), false);
  std::vector<bool> target_taken(target.size(), false);
  std::vector<PlacedLink> placed;
  for (const Link& link : previous) {
    if (!is_kept(link)) continue;
    PlacedLink kept{link, positions_of(link.source, source_index),
                    positions_of(link.target, target_index)};
    // A link a person wrote without fingerprints gets those of the text it was written against,
    // so that later edits under it show as drift; recorded ones are never replaced.
    if (kept.link.source_fingerprint.empty()) {
      kept.link.source_fingerprint = fingerprint_at(kept.source_positions, source);
    }
    if (kept.link.target_fingerprint.empty()) {
      kept.link.target_fingerprint = fingerprint_at(kept.target_positions, target);
    }
    for (const std::size_t position : kept.source_positions) source_taken[position] = true;
    for (const std::size_t position : kept.target_positions) target_taken[position] = true;
    placed.push_back(std::move(kept));
  }

  // The units still to align, and where each kept link anchors the path among them.
  std::vector<std::size_t> free_source;
  std::vector<std::size_t> free_target;
  std::vector<std::size_t> free_before_source(source.size() + 1, 0);
  std::vector<std::size_t> free_before_target(target.size() + 1, 0);
  for (std::size_t k = 0; k < source.size(); ++k) {
    free_before_source[k] = free_source.size();
    if (!source_taken[k]) free_source.push_back(k);
  }
  for (std::size_t k = 0; k < target.size(); ++k) {
    free_before_target[k] = free_target.size();
    if (!target_taken[k]) free_target.push_back(k);
  }
  std::vector<Anchor> anchors;
  for (const PlacedLink& kept : placed) {
    if (kept.source_positions.empty() || kept.target_positions.empty()) continue;
    anchors.push_back({free_before_source[kept.source_positions.front()],
                       free_before_target[kept.target_positions.front()]});
  }
  std::sort(anchors.begin(), anchors.end(), [](const Anchor& a, const Anchor& b) {
    return a.source < b.source || (a.source == b.source && a.target < b.target);
  });
  // Links edited by hand into crossing each other cannot all anchor a monotone path.
  std::vector<Anchor> monotone;
  for (const Anchor& anchor : anchors) {
    if (monotone.empty() || anchor.target >= monotone.back().target) monotone.push_back(anchor);
  }

  // Plain texts once: the features read them, and so does the dictionary's prior.
  std::vector<std::string> source_texts;
  std::vector<std::string> target_texts;
  for (const std::size_t k : free_source) source_texts.push_back(plain_text(source[k].text));
  for (const std::size_t k : free_target) target_texts.push_back(plain_text(target[k].text));
  std::vector<UnitFeatures> source_features;
  std::vector<UnitFeatures> target_features;
  for (std::size_t n = 0; n < free_source.size(); ++n) {
    source_features.push_back(
        features_of(source[free_source[n]], source_texts[n], Side::source, dictionary));
  }
  for (std::size_t n = 0; n < free_target.size(); ++n) {
    target_features.push_back(
        features_of(target[free_target[n]], target_texts[n], Side::target, dictionary));
  }

  const DictionaryTerms terms =
      dictionary_terms(dictionary, options, {source_texts.begin(), source_texts.end()},
                       {target_texts.begin(), target_texts.end()});
  for (const ExplainedBead& explained :
       beads_in_two_passes(std::move(source_features), std::move(target_features), monotone,
                           options, parent_confidence,
                           blocks_of(source, target, free_source, free_target), terms, document)) {
    const Bead& bead = explained.bead;
    PlacedLink created;
    std::vector<const Unit*> source_units;
    std::vector<const Unit*> target_units;
    for (std::size_t k = bead.source_begin; k < bead.source_begin + bead.source_count; ++k) {
      created.source_positions.push_back(free_source[k]);
      source_units.push_back(&source[free_source[k]]);
      created.link.source.push_back(source[free_source[k]].id);
    }
    for (std::size_t k = bead.target_begin; k < bead.target_begin + bead.target_count; ++k) {
      created.target_positions.push_back(free_target[k]);
      target_units.push_back(&target[free_target[k]]);
      created.link.target.push_back(target[free_target[k]].id);
    }
    created.link.status = LinkStatus::automatic;
    created.link.confidence = bead.confidence;
    created.link.source_fingerprint = joined_fingerprint(source_units);
    created.link.target_fingerprint = joined_fingerprint(target_units);
    placed.push_back(std::move(created));
  }
  return in_source_order(std::move(placed));
}

Unit paragraph_unit(const Paragraph& paragraph) {
  return {paragraph.id, paragraph.text, note_references(paragraph.text), paragraph.kind};
}

Unit note_unit(const Note& note) {
  std::vector<std::string> labels = note_references(note.text);
  labels.push_back(note.label);
  return {note.id, note.text, std::move(labels)};
}

// The sentences of the blocks a link groups, as units "p3.s2". A block never segmented counts as
// one sentence.
std::vector<Unit> sentence_units(const Document& document, const std::vector<std::string>& ids) {
  std::vector<Unit> units;
  std::size_t block = 0;
  for (const std::string& id : ids) {
    const std::string* text = nullptr;
    const std::vector<std::string>* sentences = nullptr;
    if (const Paragraph* paragraph = document.find_paragraph(id)) {
      text = &paragraph->text;
      sentences = &paragraph->sentences;
    } else if (const Note* note = document.find_note(id)) {
      text = &note->text;
      sentences = &note->sentences;
    } else {
      continue;
    }
    if (sentences->empty()) {
      units.push_back({id + ".s1", *text, note_references(*text), BlockKind::paragraph, block++});
      continue;
    }
    for (std::size_t k = 0; k < sentences->size(); ++k) {
      const std::string& sentence = (*sentences)[k];
      units.push_back({id + ".s" + std::to_string(k + 1), sentence, note_references(sentence),
                       BlockKind::paragraph, block});
    }
    ++block;
  }
  return units;
}

// Realigns the sentences inside every link (kept or new) that has both sides.
struct SentenceAlignment {
  const Document& source;
  const Document& target;
  const LoadedDictionary* dictionary;
  const AlignOptions& options;
  // What the whole document tells the sentences of each link.
  DocumentContext document;

  std::vector<Link> operator()(const Link& link, const Link* earlier) const {
    if (link.source.empty() || link.target.empty()) return {};
    static const std::vector<Link> nothing;
    const std::vector<Link>& previous = earlier == nullptr ? nothing : earlier->sentences;
    // A link a person made or checked is right; an automatic one as likely as its confidence.
    const double parent = link.status == LinkStatus::reviewed ? 1.0 : link.confidence.value_or(1.0);
    return align_units(sentence_units(source, link.source), sentence_units(target, link.target),
                       previous, dictionary, options, parent, document);
  }
};

// The sentence links of each link: a kept link's realigned against its own, a new one's against
// those of the earlier link with the same units, if any.
void fill_sentences(std::vector<Link>& links, const std::vector<Link>& previous,
                    const SentenceAlignment& sentences) {
  std::map<std::pair<std::vector<std::string>, std::vector<std::string>>, const Link*> earlier;
  for (const Link& link : previous) earlier.emplace(std::pair{link.source, link.target}, &link);
  for (Link& link : links) {
    if (is_kept(link)) {
      link.sentences = sentences(link, &link);
      continue;
    }
    const auto found = earlier.find(std::pair{link.source, link.target});
    link.sentences = sentences(link, found == earlier.end() ? nullptr : found->second);
  }
}

// Characters (without white space) of the target's paragraphs and notes per character of the
// source's; 0 when either has none.
double length_ratio_of(const Document& source, const Document& target) {
  const auto characters = [](const Document& document) {
    double total = 0.0;
    for (const Paragraph& paragraph : document.paragraphs) {
      total += text_length(plain_text(paragraph.text));
    }
    for (const Note& note : document.notes) total += text_length(plain_text(note.text));
    return total;
  };
  const double source_characters = characters(source);
  const double target_characters = characters(target);
  return source_characters > 0.0 && target_characters > 0.0 ? target_characters / source_characters
                                                            : 0.0;
}

// The text of a paragraph or note of the document; null for an id it lacks.
const std::string* block_text(const Document& document, const std::string& id) {
  if (const Paragraph* paragraph = document.find_paragraph(id)) return &paragraph->text;
  if (const Note* note = document.find_note(id)) return &note->text;
  return nullptr;
}

// Model 1 trained on the document's 1-1 note and paragraph links: inside one paragraph link there
// are too few sentences to learn from, in the whole document there are words enough. Every such
// link joins, whatever its confidence: between languages that share few cognates a true link can
// look unsure, and EM weighs the words of a wrong one down. None when there are fewer such links
// than `least_links` (and no dictionary pairs).
std::optional<TranslationTables> tables_of_blocks(const Alignment& alignment,
                                                  const Document& source, const Document& target,
                                                  const LoadedDictionary* dictionary,
                                                  const AlignOptions& options) {
  constexpr std::size_t least_links = 5;
  std::vector<UnitFeatures> source_units;
  std::vector<UnitFeatures> target_units;
  std::vector<std::string> source_texts;
  std::vector<std::string> target_texts;
  std::vector<BeadSpan> pairs;
  for (const std::vector<Link>* links : {&alignment.notes, &alignment.paragraphs}) {
    for (const Link& link : *links) {
      if (link.source.size() != 1 || link.target.size() != 1) continue;
      const std::string* source_text = block_text(source, link.source.front());
      const std::string* target_text = block_text(target, link.target.front());
      if (source_text == nullptr || target_text == nullptr) continue;
      source_texts.push_back(plain_text(*source_text));
      target_texts.push_back(plain_text(*target_text));
      source_units.push_back(unit_features(source_texts.back()));
      target_units.push_back(unit_features(target_texts.back()));
      pairs.push_back({pairs.size(), 1, pairs.size(), 1});
    }
  }
  const DictionaryTerms terms =
      dictionary_terms(dictionary, options, {source_texts.begin(), source_texts.end()},
                       {target_texts.begin(), target_texts.end()});
  Model1Options model1;
  model1.prior_weight = terms.use.model1_prior;
  return train_translation_tables(source_units, target_units, pairs, model1, terms.prior,
                                  least_links);
}

}  // namespace

DictionaryUse freedict_use() {
  DictionaryUse use;
  use.match_bonus = 0.0;
  use.model1_prior = 2.0;
  use.stems = true;
  return use;
}

std::optional<std::filesystem::path> freedict_for(const AlignOptions& options,
                                                  std::string_view source_lang,
                                                  std::string_view target_lang) {
  if (options.dictionary || !options.freedict_folder) return std::nullopt;
  return find_freedict(*options.freedict_folder, source_lang, target_lang);
}

std::vector<ExplainedBead> align_sentences_explained(const std::vector<std::string>& source,
                                                     const std::vector<std::string>& target,
                                                     const std::string& source_lang,
                                                     const std::string& target_lang,
                                                     const AlignOptions& options) {
  const std::optional<LoadedDictionary> loaded = load_dictionary(options, source_lang, target_lang);
  const LoadedDictionary* dictionary = loaded ? &*loaded : nullptr;
  std::vector<UnitFeatures> source_features;
  std::vector<UnitFeatures> target_features;
  source_features.reserve(source.size());
  target_features.reserve(target.size());
  for (const std::string& line : source) {
    source_features.push_back(text_features(line, {}, Side::source, dictionary));
  }
  if (options.use_machine_translation) {
    if (const auto translated = translate_with_apertium(source, source_lang, target_lang)) {
      for (std::size_t k = 0; k < source.size(); ++k) {
        add_translation_tokens(source_features[k], unit_features((*translated)[k]));
      }
    }
  }
  for (const std::string& line : target) {
    target_features.push_back(text_features(line, {}, Side::target, dictionary));
  }
  return beads_in_two_passes(std::move(source_features), std::move(target_features), {}, options,
                             std::nullopt, Blocks{},
                             dictionary_terms(dictionary, options, {source.begin(), source.end()},
                                              {target.begin(), target.end()}),
                             DocumentContext{});
}

std::vector<Bead> align_sentences(const std::vector<std::string>& source,
                                  const std::vector<std::string>& target,
                                  const std::string& source_lang, const std::string& target_lang,
                                  const AlignOptions& options) {
  std::vector<Bead> beads;
  for (const ExplainedBead& explained :
       align_sentences_explained(source, target, source_lang, target_lang, options)) {
    beads.push_back(explained.bead);
  }
  return beads;
}

Alignment align_documents(const Document& source, const Document& target,
                          const AlignOptions& options, const Alignment* previous) {
  const std::optional<LoadedDictionary> loaded = load_dictionary(options, source.lang, target.lang);
  const LoadedDictionary* words = loaded ? &*loaded : nullptr;

  Alignment alignment;
  alignment.source = {source.path, source.lang};
  alignment.target = {target.path, target.lang};
  if (previous != nullptr) {
    alignment.path = previous->path;
    alignment.source = previous->source;
    alignment.target = previous->target;
    alignment.extra = previous->extra;
  }
  static const std::vector<Link> nothing;

  // Notes and paragraphs first, then the sentences of each of their links, with what Model 1
  // learned from them.
  std::vector<Unit> source_notes;
  std::vector<Unit> target_notes;
  for (const Note& note : source.notes) source_notes.push_back(note_unit(note));
  for (const Note& note : target.notes) target_notes.push_back(note_unit(note));
  alignment.notes = align_units(source_notes, target_notes,
                                previous == nullptr ? nothing : previous->notes, words, options);

  std::vector<Unit> source_paragraphs;
  std::vector<Unit> target_paragraphs;
  for (const Paragraph& paragraph : source.paragraphs) {
    source_paragraphs.push_back(paragraph_unit(paragraph));
  }
  for (const Paragraph& paragraph : target.paragraphs) {
    target_paragraphs.push_back(paragraph_unit(paragraph));
  }
  alignment.paragraphs =
      align_units(source_paragraphs, target_paragraphs,
                  previous == nullptr ? nothing : previous->paragraphs, words, options);

  const std::optional<TranslationTables> tables =
      options.use_translation_model ? tables_of_blocks(alignment, source, target, words, options)
                                    : std::nullopt;
  const SentenceAlignment sentences{
      source, target, words, options,
      DocumentContext{tables ? &*tables : nullptr, length_ratio_of(source, target)}};
  fill_sentences(alignment.notes, previous == nullptr ? nothing : previous->notes, sentences);
  fill_sentences(alignment.paragraphs, previous == nullptr ? nothing : previous->paragraphs,
                 sentences);
  return alignment;
}

}  // namespace alinea
