// Bead scoring for related languages; see score.hpp.
#include "align/score.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <span>

#include "align/lexicon.hpp"
#include "alinea/base.hpp"
#include "text/unicode.hpp"

namespace alinea {

namespace {

// Numbers and note references are rarely shared by chance: they weigh as much as three words.
constexpr double strong_token_weight = 3.0;
constexpr std::uint32_t strong_bit = 0x80000000U;
constexpr double infinite_cost = std::numeric_limits<double>::infinity();

double token_weight(std::uint32_t id) {
  return (id & strong_bit) != 0 ? strong_token_weight : 1.0;
}

double weight_of(std::span<const std::uint32_t> ids) {
  double total = 0.0;
  for (const std::uint32_t id : ids) total += token_weight(id);
  return total;
}

// Sum of `weight` over the ids two sorted lists share; one merge pass.
template <typename Weight>
double sum_over_shared(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                       Weight weight) {
  double total = 0.0;
  auto left = a.begin();
  auto right = b.begin();
  while (left != a.end() && right != b.end()) {
    if (*left < *right) {
      ++left;
    } else if (*right < *left) {
      ++right;
    } else {
      total += weight(*left);
      ++left;
      ++right;
    }
  }
  return total;
}

double weighted_intersection(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  return sum_over_shared(a, b, token_weight);
}
// Fewer tokens than this on both sides together is weak evidence either way.
constexpr double token_evidence_scale = 1.5;

std::uint32_t hash_token(char kind, std::string_view text) {
  std::uint32_t hash = 2166136261U;
  const auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 16777619U;
  };
  mix(static_cast<unsigned char>(kind));
  for (const char c : text) mix(static_cast<unsigned char>(c));
  return hash;
}

std::size_t punctuation_class(char32_t c) {
  switch (c) {
    case U'?':
      return 0;
    case U'!':
      return 1;
    case U':':
      return 2;
    case U';':
      return 3;
    case U'"':
    case U'«':
    case U'»':
    case U'“':
    case U'”':
    case U'„':
    case U'‹':
    case U'›':
      return 4;
    case U'(':
    case U')':
      return 5;
    default:
      return punctuation_classes;
  }
}

// The first `count` code points of a word.
std::string_view prefix_code_points(std::string_view word, std::size_t count) {
  std::size_t pos = 0;
  for (std::size_t k = 0; k < count && pos < word.size(); ++k) (void)next_code_point(word, pos);
  return word.substr(0, pos);
}

// The union of one token list over units [begin, begin + count), in `out` (reused buffer).
const std::vector<std::uint32_t>& union_of(const std::vector<UnitFeatures>& units,
                                           std::size_t begin, std::size_t count,
                                           std::vector<std::uint32_t> UnitFeatures::*member,
                                           std::vector<std::uint32_t>& out,
                                           std::vector<std::uint32_t>& scratch) {
  if (count == 1) return units[begin].*member;
  out.clear();
  for (std::size_t k = begin; k < begin + count; ++k) {
    const std::vector<std::uint32_t>& ids = units[k].*member;
    scratch.clear();
    std::set_union(out.begin(), out.end(), ids.begin(), ids.end(), std::back_inserter(scratch));
    out.swap(scratch);
  }
  return out;
}

// Marks of each punctuation class in units [0, k), for every k.
std::vector<std::array<double, punctuation_classes>> punctuation_prefix_sums(
    const std::vector<UnitFeatures>& units) {
  std::vector<std::array<double, punctuation_classes>> sums(units.size() + 1);
  for (std::size_t k = 0; k < units.size(); ++k) {
    for (std::size_t kind = 0; kind < punctuation_classes; ++kind) {
      sums[k + 1][kind] = sums[k][kind] + units[k].punctuation[kind];
    }
  }
  return sums;
}

// -log of erfc(z), accurate where erfc underflows.
double minus_log_erfc(double z) {
  if (z < 20.0) return -std::log(std::erfc(z));
  return z * z + std::log(z * std::sqrt(std::numbers::pi));
}

// -log(exp(-a) + exp(-b)), without underflow where both are large.
double minus_log_sum_exp(double a, double b) {
  const double least = std::min(a, b);
  return least - std::log1p(std::exp(least - std::max(a, b)));
}

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    if (is_letter(c) || is_digit(c) || (!current.empty() && is_combining_mark(c))) {
      current.append(text.substr(start, pos - start));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// Folds all words with one call into ICU; falls back to word by word if folding changed how the
// text splits into words.
std::vector<std::string> folded_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    joined += word;
    joined += '\n';
  }
  const std::string folded = fold_for_matching(joined);
  std::vector<std::string> result;
  std::size_t begin = 0;
  for (std::size_t end = folded.find('\n'); end != std::string::npos;
       end = folded.find('\n', begin)) {
    result.push_back(folded.substr(begin, end - begin));
    begin = end + 1;
  }
  if (result.size() == words.size()) return result;
  result.clear();
  for (const std::string& word : words) result.push_back(fold_for_matching(word));
  return result;
}

std::uint32_t exact_word_id(std::string_view folded) {
  return hash_token('x', folded);
}

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void sort_unique(std::vector<std::uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

double text_length(std::string_view text) {
  double length = 0.0;
  std::size_t pos = 0;
  while (pos < text.size()) length += is_space(next_code_point(text, pos)) ? 0.0 : 1.0;
  return length;
}

UnitFeatures unit_features(std::string_view text, const std::vector<std::string>& note_labels) {
  UnitFeatures features;
  features.length = text_length(text);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = next_code_point(text, pos);
    const std::size_t kind = punctuation_class(c);
    if (kind < punctuation_classes && features.punctuation[kind] < 255) {
      ++features.punctuation[kind];
    }
  }
  for (const std::string& label : note_labels) features.strong.push_back(hash_token('^', label));
  for (const std::string& word : folded_words(words_of(text))) {
    if (has_digit(word)) {
      features.strong.push_back(hash_token('#', word));
      continue;
    }
    features.exact.push_back(exact_word_id(word));
    if (count_code_points(word) >= 4) {
      features.words.push_back(hash_token('w', prefix_code_points(word, 4)));
    }
  }
  sort_unique(features.words);
  sort_unique(features.strong);
  sort_unique(features.exact);
  for (const std::uint32_t id : features.strong) features.tokens.push_back(id | strong_bit);
  for (const std::uint32_t id : features.words) features.tokens.push_back(id & ~strong_bit);
  sort_unique(features.tokens);
  return features;
}

LearnedLexicon learn_lexicon(const std::vector<UnitFeatures>& source,
                             const std::vector<UnitFeatures>& target,
                             const std::vector<BeadSpan>& beads) {
  constexpr double min_pairs = 2.0;
  constexpr double min_dice = 0.6;
  constexpr double max_share = 0.1;
  // Enough 1-1 beads to learn from; more only costs time.
  constexpr std::size_t max_beads = 20000;
  std::vector<const BeadSpan*> one_to_one;
  for (const BeadSpan& bead : beads) {
    if (bead.source_count == 1 && bead.target_count == 1) one_to_one.push_back(&bead);
  }
  const std::size_t stride = one_to_one.size() / max_beads + 1;
  std::vector<const BeadSpan*> sample;
  for (std::size_t k = 0; k < one_to_one.size(); k += stride) sample.push_back(one_to_one[k]);

  std::unordered_map<std::uint32_t, double> source_count;
  std::unordered_map<std::uint32_t, double> target_count;
  for (const BeadSpan* bead : sample) {
    for (const std::uint32_t word : source[bead->source_begin].exact) source_count[word] += 1.0;
    for (const std::uint32_t word : target[bead->target_begin].exact) target_count[word] += 1.0;
  }
  // Words found everywhere pair with everything, and words seen once prove nothing.
  const double most = max_share * static_cast<double>(sample.size());
  const auto useful = [&](const std::unordered_map<std::uint32_t, double>& counts,
                          std::uint32_t word) {
    const double count = counts.at(word);
    return count >= min_pairs && count <= most;
  };
  std::vector<std::uint64_t> pairs;
  std::vector<std::uint32_t> left;
  std::vector<std::uint32_t> right;
  for (const BeadSpan* bead : sample) {
    left.clear();
    right.clear();
    for (const std::uint32_t word : source[bead->source_begin].exact) {
      if (useful(source_count, word)) left.push_back(word);
    }
    for (const std::uint32_t word : target[bead->target_begin].exact) {
      if (useful(target_count, word)) right.push_back(word);
    }
    for (const std::uint32_t a : left) {
      for (const std::uint32_t b : right) pairs.push_back((std::uint64_t{a} << 32U) | b);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  LearnedLexicon lexicon;
  for (std::size_t k = 0; k < pairs.size();) {
    std::size_t end = k;
    while (end < pairs.size() && pairs[end] == pairs[k]) ++end;
    const auto together = static_cast<double>(end - k);
    const auto a = static_cast<std::uint32_t>(pairs[k] >> 32U);
    const auto b = static_cast<std::uint32_t>(pairs[k] & 0xFFFFFFFFU);
    k = end;
    if (together < min_pairs) continue;
    if (2.0 * together / (source_count[a] + target_count[b]) >= min_dice) {
      lexicon[a].push_back(b);
    }
  }
  for (auto& entry : lexicon) sort_unique(entry.second);
  return lexicon;
}

void add_translation_tokens(UnitFeatures& unit, const UnitFeatures& translation) {
  unit.tokens.insert(unit.tokens.end(), translation.tokens.begin(), translation.tokens.end());
  sort_unique(unit.tokens);
}

void add_translations(std::vector<UnitFeatures>& source, const LearnedLexicon& lexicon) {
  for (UnitFeatures& unit : source) {
    for (const std::uint32_t word : unit.exact) {
      const auto found = lexicon.find(word);
      if (found == lexicon.end()) continue;
      unit.translated.insert(unit.translated.end(), found->second.begin(), found->second.end());
    }
    sort_unique(unit.translated);
  }
}

BeadScorer::BeadScorer(std::vector<UnitFeatures> source, std::vector<UnitFeatures> target,
                       ScoreWeights weights, std::shared_ptr<const TranslationEvidence> translation)
    : source_(std::move(source)),
      target_(std::move(target)),
      weights_(weights),
      translation_(std::move(translation)) {
  const double one_to_one =
      1.0 - 2.0 * (weights_.one_to_zero + weights_.two_to_one + weights_.three_to_one) -
      weights_.two_to_two;
  const auto minus_log = [](double p) { return -std::log(std::max(p, 1e-9)); };
  prior_cost_ = {minus_log(one_to_one),
                 minus_log(weights_.one_to_zero),
                 minus_log(weights_.two_to_one),
                 minus_log(weights_.two_to_two),
                 minus_log(weights_.three_to_one),
                 minus_log(weights_.wide_bead)};
  wide_unit_cost_ = minus_log(weights_.wide_bead_decay);
  omission_extend_cost_ = minus_log(weights_.omission_continues);
  source_tokens_ = span_lists(source_, &UnitFeatures::tokens);
  target_tokens_ = span_lists(target_, &UnitFeatures::tokens);
  source_translated_ = span_lists(source_, &UnitFeatures::translated);
  // Only looked up when some source unit carries translations (a dictionary or learned lexicon).
  if (!source_translated_.ids.empty()) {
    const bool stemmed = std::any_of(target_.begin(), target_.end(),
                                     [](const UnitFeatures& unit) { return !unit.forms.empty(); });
    if (stemmed) target_matched_ = &UnitFeatures::forms;
    target_exact_ = span_lists(target_, target_matched_);
  }
  const auto prefix_sums = [](const std::vector<UnitFeatures>& units) {
    std::vector<double> sums{0.0};
    for (const UnitFeatures& unit : units) sums.push_back(sums.back() + unit.length);
    return sums;
  };
  source_length_prefix_ = prefix_sums(source_);
  target_length_prefix_ = prefix_sums(target_);
  source_punctuation_prefix_ = punctuation_prefix_sums(source_);
  target_punctuation_prefix_ = punctuation_prefix_sums(target_);
  const auto block_prefix_sums = [](const std::vector<UnitFeatures>& units) {
    std::vector<std::array<std::uint32_t, block_classes>> sums(1);
    for (const UnitFeatures& unit : units) {
      sums.push_back(sums.back());
      ++sums.back()[std::min<std::size_t>(unit.block, block_classes - 1)];
    }
    return sums;
  };
  source_block_prefix_ = block_prefix_sums(source_);
  target_block_prefix_ = block_prefix_sums(target_);
  const double source_total = source_length_prefix_.back();
  const double target_total = target_length_prefix_.back();
  if (weights_.length_ratio > 0.0) {
    length_ratio_ = std::clamp(weights_.length_ratio, 0.5, 2.0);
  } else if (source_total > 0.0 && target_total > 0.0) {
    // Clamped so that a wildly unbalanced pair does not make every length look plausible.
    length_ratio_ = std::clamp(target_total / source_total, 0.5, 2.0);
  }
}

std::pair<double, double> BeadScorer::lengths(std::size_t i, std::size_t j, std::size_t di,
                                              std::size_t dj) const {
  return {source_length_prefix_[i + di] - source_length_prefix_[i],
          target_length_prefix_[j + dj] - target_length_prefix_[j]};
}

double BeadScorer::length_deviation(double source_length, double target_length) const {
  const double expected = source_length * length_ratio_;
  const double mean = (expected + target_length) / 2.0;
  if (mean <= 0.0) return 0.0;
  return std::abs(target_length - expected) / std::sqrt(weights_.length_variance * mean);
}

double BeadScorer::length_cost(double source_length, double target_length) const {
  return minus_log_erfc(length_deviation(source_length, target_length) / std::numbers::sqrt2);
}

double BeadScorer::pair_length_cost(double source_length, double target_length) const {
  const double deviation = length_deviation(source_length, target_length);
  const double usual = minus_log_erfc(deviation / std::numbers::sqrt2);
  const double share = weights_.length_outlier_share;
  if (share <= 0.0) return usual;
  const double outlier =
      minus_log_erfc(deviation / (weights_.length_outlier_spread * std::numbers::sqrt2));
  return minus_log_sum_exp(usual - std::log1p(-share), outlier - std::log(share));
}

double BeadScorer::bead_length_cost(std::size_t i, std::size_t j, std::size_t di,
                                    std::size_t dj) const {
  const auto [source_length, target_length] = lengths(i, j, di, dj);
  return di == 1 && dj == 1 ? pair_length_cost(source_length, target_length)
                            : length_cost(source_length, target_length);
}

BeadScorer::SpanLists BeadScorer::span_lists(const std::vector<UnitFeatures>& units,
                                             std::vector<std::uint32_t> UnitFeatures::*member) {
  SpanLists lists;
  lists.units = units.size();
  lists.offset.push_back(0);
  std::vector<std::uint32_t> merged;
  std::vector<std::uint32_t> scratch;
  for (std::size_t length = 1; length <= longest_cached_span; ++length) {
    for (std::size_t begin = 0; begin < units.size(); ++begin) {
      const std::size_t count = std::min(length, units.size() - begin);
      const auto& ids = union_of(units, begin, count, member, merged, scratch);
      lists.ids.insert(lists.ids.end(), ids.begin(), ids.end());
      lists.offset.push_back(lists.ids.size());
      lists.weight.push_back(weight_of(ids));
    }
  }
  return lists;
}

BeadScorer::Overlap BeadScorer::token_overlap(std::size_t i, std::size_t j, std::size_t di,
                                              std::size_t dj) const {
  Overlap overlap;
  if (di == 0 || dj == 0 || di > longest_cached_span || dj > longest_cached_span) {
    // Rare shapes (and one-sided beads, whose tokens all go unmatched): merge on the spot.
    const auto& left =
        union_of(source_, i, di, &UnitFeatures::tokens, scratch_source_, scratch_merge_);
    const auto& right =
        union_of(target_, j, dj, &UnitFeatures::tokens, scratch_target_, scratch_merge_);
    overlap.shared = weighted_intersection(left, right);
    overlap.total = (weight_of(left) + weight_of(right)) / 2.0;
    if (weights_.use_word_list && di > 0 && dj > 0) {
      const auto& translated =
          union_of(source_, i, di, &UnitFeatures::translated, scratch_source_, scratch_merge_);
      const auto& exact =
          union_of(target_, j, dj, target_matched_, scratch_target_, scratch_merge_);
      overlap.translated = sum_over_shared(translated, exact, [](std::uint32_t) { return 1.0; });
    }
    overlap.shared = std::min(overlap.shared, overlap.total);
    return overlap;
  }
  const std::size_t left = (di - 1) * source_tokens_.units + i;
  const std::size_t right = (dj - 1) * target_tokens_.units + j;
  const auto span = [](const SpanLists& lists, std::size_t index) {
    return std::span<const std::uint32_t>(lists.ids.data() + lists.offset[index],
                                          lists.offset[index + 1] - lists.offset[index]);
  };
  overlap.shared = weighted_intersection(span(source_tokens_, left), span(target_tokens_, right));
  overlap.total = (source_tokens_.weight[left] + target_tokens_.weight[right]) / 2.0;
  if (weights_.use_word_list && source_translated_.weight[left] > 0.0) {
    overlap.translated = sum_over_shared(span(source_translated_, left), span(target_exact_, right),
                                         [](std::uint32_t) { return 1.0; });
  }
  overlap.shared = std::min(overlap.shared, overlap.total);
  return overlap;
}

std::pair<double, double> BeadScorer::token_agreement(std::size_t i, std::size_t j, std::size_t di,
                                                      std::size_t dj) const {
  const Overlap overlap = token_overlap(i, j, di, dj);
  return {overlap.shared, overlap.total};
}

double BeadScorer::similarity(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
  if (di == 0 || dj == 0) return 0.0;
  const Overlap overlap = token_overlap(i, j, di, dj);
  return overlap.total > 0.0 ? overlap.shared / overlap.total : 0.0;
}

std::pair<double, double> BeadScorer::punctuation_counts(std::size_t i, std::size_t j,
                                                         std::size_t di, std::size_t dj) const {
  double agreeing = 0.0;
  double present = 0.0;
  for (std::size_t kind = 0; kind < punctuation_classes; ++kind) {
    const double left =
        source_punctuation_prefix_[i + di][kind] - source_punctuation_prefix_[i][kind];
    const double right =
        target_punctuation_prefix_[j + dj][kind] - target_punctuation_prefix_[j][kind];
    agreeing += std::min(left, right);
    present += std::max(left, right);
  }
  return {agreeing, present};
}

double BeadScorer::shape_prior_cost(std::size_t di, std::size_t dj) const {
  const std::size_t larger = std::max(di, dj);
  const std::size_t smaller = std::min(di, dj);
  if (larger == 1 && smaller == 1) return prior_cost_[0];
  if (smaller == 0) {
    return prior_cost_[1] + omission_extend_cost_ * static_cast<double>(larger - 1);
  }
  if (larger == 2 && smaller == 1) return prior_cost_[2];
  if (larger == 2 && smaller == 2) return prior_cost_[3];
  if (larger == 3 && smaller == 1) return prior_cost_[4];
  const std::size_t units = di + dj;
  return prior_cost_[5] + wide_unit_cost_ * static_cast<double>(units > 5 ? units - 5 : 0);
}

void BeadScorer::keep_costs() {
  if (kept_) return;
  kept_ = std::make_shared<KeptCosts>(KeptCosts{
      {}, 0, RowWindows<KeptCell>(source_.size() + 1, target_.size() + 1, widest_kept_row)});
}

BeadScorer BeadScorer::with_translation(std::shared_ptr<const TranslationEvidence> translation) && {
  BeadScorer scorer = std::move(*this);
  scorer.translation_ = std::move(translation);
  return scorer;
}

double BeadScorer::cost(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
  const double base = kept_ ? kept_base_cost(i, j, di, dj) : base_cost(i, j, di, dj);
  if (!translation_ || base == infinite_cost) return base;
  return base + translation_->cost(i, j, di, dj);
}

double BeadScorer::kept_base_cost(std::size_t i, std::size_t j, std::size_t di,
                                  std::size_t dj) const {
  if (di > longest_kept_side || dj > longest_kept_side) return base_cost(i, j, di, dj);
  std::uint8_t& slot = kept_->slot[di * (longest_kept_side + 1) + dj];
  if (slot == 0) {
    if (kept_->slots == kept_shapes) return base_cost(i, j, di, dj);
    slot = static_cast<std::uint8_t>(++kept_->slots);
  }
  KeptCell* cell = kept_->cells.at(i, j);
  if (cell == nullptr) return base_cost(i, j, di, dj);
  double& kept = cell->cost[slot - 1U];
  if (std::isnan(kept)) kept = base_cost(i, j, di, dj);
  return kept;
}

double BeadScorer::base_cost(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
  double total = shape_prior_cost(di, dj);
  if (di > 0 && dj > 0) {
    const double length = bead_length_cost(i, j, di, dj);
    if (di + dj >= 5 && length > weights_.wide_bead_length_limit) return infinite_cost;
    total += length;
  }
  // Additive evidence: a token found on both sides argues for the bead, one found on a single side
  // argues a little against it. An omission leaves all its tokens unmatched, so splitting a bead
  // or merging beads changes the token evidence only through what actually matches.
  // One-sided beads match nothing: their tokens only count when missing ones cost something.
  if (weights_.use_tokens && (weights_.token_miss_penalty > 0.0 || (di > 0 && dj > 0))) {
    const Overlap overlap = token_overlap(i, j, di, dj);
    total += -weights_.token_match_bonus * overlap.shared -
             weights_.translation_match_bonus * overlap.translated +
             weights_.token_miss_penalty * (overlap.total - overlap.shared);
  }
  if (weights_.use_punctuation) {
    const auto [agreeing, present] = punctuation_counts(i, j, di, dj);
    total += -weights_.punctuation_match_bonus * agreeing +
             weights_.punctuation_miss_penalty * (present - agreeing);
  }
  if (di > 0 && dj > 0) {
    total += weights_.block_mismatch_penalty * static_cast<double>(block_mismatches(i, j, di, dj));
  }
  return total;
}

std::size_t BeadScorer::block_mismatches(std::size_t i, std::size_t j, std::size_t di,
                                         std::size_t dj) const {
  std::size_t mismatches = 0;
  for (std::size_t kind = 1; kind < block_classes; ++kind) {
    const bool in_source = source_block_prefix_[i + di][kind] > source_block_prefix_[i][kind];
    const bool in_target = target_block_prefix_[j + dj][kind] > target_block_prefix_[j][kind];
    mismatches += in_source != in_target ? 1U : 0U;
  }
  return mismatches;
}

double BeadScorer::evidence(std::size_t i, std::size_t j, std::size_t di, std::size_t dj) const {
  if (di == 0 || dj == 0) return 0.5;
  const double length_factor = std::exp(-std::max(0.0, bead_length_cost(i, j, di, dj) - 1.0) / 3.0);
  const Overlap overlap = token_overlap(i, j, di, dj);
  const double evidence = overlap.total / (overlap.total + token_evidence_scale);
  const double similarity =
      overlap.total > 0.0 ? std::min(1.0, (overlap.shared + overlap.translated) / overlap.total)
                          : 0.0;
  const double token_factor =
      evidence * (1.0 - std::exp(-similarity / 0.15)) + (1.0 - evidence) * 0.5;
  return std::clamp(length_factor * token_factor, 0.0, 1.0);
}

}  // namespace alinea
