// IBM Model 1 learned from the pair itself, and the bead-cost term it gives; see lexicon.hpp.
#include "align/lexicon.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numbers>

#include "align/score.hpp"

namespace alinea {

namespace {

std::vector<std::uint32_t> sorted_unique(std::vector<std::uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Dense ids for the words seen in at least `min_count` sentences and at most `max_share` of them,
// in order of first appearance (so that training is deterministic), then the words of
// `dictionary_words` (sorted) that are not among them and not too frequent, seen or not.
std::unordered_map<std::uint32_t, std::uint32_t> vocabulary_of(
    const std::vector<std::vector<std::uint32_t>>& sentences, std::size_t min_count,
    double max_share, const std::vector<std::uint32_t>& dictionary_words) {
  const double most = max_share * static_cast<double>(sentences.size());
  std::unordered_map<std::uint32_t, std::size_t> seen;
  std::vector<std::uint32_t> order;
  for (const auto& sentence : sentences) {
    for (const std::uint32_t word : sorted_unique(sentence)) {
      if (seen[word]++ == 0) order.push_back(word);
    }
  }
  std::unordered_map<std::uint32_t, std::uint32_t> vocabulary;
  for (const std::uint32_t word : order) {
    const std::size_t count = seen[word];
    const bool in_dictionary =
        std::binary_search(dictionary_words.begin(), dictionary_words.end(), word);
    if ((count >= min_count || in_dictionary) && static_cast<double>(count) <= most) {
      vocabulary.emplace(word, static_cast<std::uint32_t>(vocabulary.size()));
    }
  }
  for (const std::uint32_t word : dictionary_words) {
    if (!seen.contains(word))
      vocabulary.emplace(word, static_cast<std::uint32_t>(vocabulary.size()));
  }
  return vocabulary;
}

std::vector<std::uint32_t> dense(
    const std::vector<std::uint32_t>& words,
    const std::unordered_map<std::uint32_t, std::uint32_t>& vocabulary) {
  std::vector<std::uint32_t> ids;
  for (const std::uint32_t word : words) {
    const auto found = vocabulary.find(word);
    if (found != vocabulary.end()) ids.push_back(found->second);
  }
  return sorted_unique(std::move(ids));
}

// Natural logarithm of a positive normal float to about 1e-5, several times faster than std::log:
// the bead evidence takes one per word of every bead priced, and is clipped to a few nats anyway.
// log x = e log 2 + log m with x = m 2^e, m in [1, 2); log m = 2 atanh((m - 1) / (m + 1)) by its
// series up to the 7th power (|z| < 1/3).
double fast_log(float x) {
  const auto bits = std::bit_cast<std::uint32_t>(x);
  const auto exponent = static_cast<int>((bits >> 23U) & 0xFFU) - 127;
  const double mantissa =
      static_cast<double>(std::bit_cast<float>((bits & 0x7FFFFFU) | 0x3F800000U));
  const double z = (mantissa - 1.0) / (mantissa + 1.0);
  const double z2 = z * z;
  return static_cast<double>(exponent) * std::numbers::ln2 +
         2.0 * z * (1.0 + z2 * (1.0 / 3.0 + z2 * (1.0 / 5.0 + z2 / 7.0)));
}

}  // namespace

std::uint32_t PairNumbers::number(std::uint64_t key) {
  if (2 * (size_ + 1) > keys_.size()) grow();
  std::size_t at = position(key);
  while (keys_[at] != empty && keys_[at] != key) at = (at + 1) & (keys_.size() - 1);
  if (keys_[at] == empty) {
    keys_[at] = key;
    numbers_[at] = static_cast<std::uint32_t>(size_++);
  }
  return numbers_[at];
}

std::size_t PairNumbers::position(std::uint64_t key) const {
  // The top bits of the product depend on every bit of the key (middle bits did not on the high
  // word: the pairs of one target word piled up in a few places).
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64U - table_bits_));
}

void PairNumbers::reserve(std::size_t keys) {
  if (keys_.size() >= 2 * keys) return;
  rehash(std::max<std::size_t>(1024, std::bit_ceil(2 * keys)));
}

void PairNumbers::grow() {
  rehash(std::max<std::size_t>(1024, keys_.size() * 2));
}

void PairNumbers::rehash(std::size_t slots) {
  std::vector<std::uint64_t> keys = std::move(keys_);
  std::vector<std::uint32_t> numbers = std::move(numbers_);
  keys_.assign(slots, empty);
  table_bits_ = static_cast<unsigned>(std::countr_zero(slots));
  numbers_.assign(keys_.size(), 0);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (keys[k] == empty) continue;
    std::size_t at = position(keys[k]);
    while (keys_[at] != empty) at = (at + 1) & (keys_.size() - 1);
    keys_[at] = keys[k];
    numbers_[at] = numbers[k];
  }
}

TranslationTable TranslationTable::train(
    const std::vector<std::vector<std::uint32_t>>& source_sentences,
    const std::vector<std::vector<std::uint32_t>>& target_sentences, const Model1Options& options,
    const std::vector<WordPair>& prior) {
  const std::size_t pairs = std::min(source_sentences.size(), target_sentences.size());
  const std::size_t stride = pairs / std::max<std::size_t>(options.max_training_pairs, 1) + 1;
  std::vector<std::vector<std::uint32_t>> sources;
  std::vector<std::vector<std::uint32_t>> targets;
  for (std::size_t k = 0; k < pairs; k += stride) {
    sources.push_back(source_sentences[k]);
    targets.push_back(target_sentences[k]);
  }
  std::vector<std::uint32_t> prior_sources;
  std::vector<std::uint32_t> prior_targets;
  for (const auto& [source, target] : prior) {
    prior_sources.push_back(source);
    prior_targets.push_back(target);
  }
  prior_sources = sorted_unique(std::move(prior_sources));
  prior_targets = sorted_unique(std::move(prior_targets));
  TranslationTable table;
  table.source_vocabulary_ =
      vocabulary_of(sources, options.min_count, options.max_share, prior_sources);
  table.target_vocabulary_ =
      vocabulary_of(targets, options.min_count, options.max_share, prior_targets);
  const std::size_t target_words = table.target_vocabulary_.size();
  if (table.source_vocabulary_.empty() || target_words == 0) return {};

  // Every (source, target) pair that meets in some sentence pair gets one slot; each sentence pair
  // lists, target word by target word, the slots of its source words.
  std::vector<std::vector<std::uint32_t>> dense_sources;
  std::vector<std::vector<std::uint32_t>> dense_targets;
  // Room for every pair the corpus could hold: growing the table on the way cost as much as the
  // training itself (pairs recur, so this overshoots; the table is freed on return).
  std::size_t most_slots = 0;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    dense_sources.push_back(dense(sources[k], table.source_vocabulary_));
    dense_targets.push_back(dense(targets[k], table.target_vocabulary_));
    most_slots += dense_sources.back().size() * dense_targets.back().size();
  }
  PairNumbers slot_of;
  slot_of.reserve(most_slots + prior.size());
  std::vector<std::uint32_t> slot_source;
  std::vector<std::uint32_t> slot_target;
  struct Sentence {
    std::vector<std::uint32_t> targets;
    std::vector<std::uint32_t> slots;  // targets.size() × sources of the pair, target-major
    std::size_t source_count = 0;
    double weight = 1.0;  // how many sentence pairs it counts as
  };
  std::vector<Sentence> corpus;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const std::vector<std::uint32_t>& source = dense_sources[k];
    std::vector<std::uint32_t>& target = dense_targets[k];
    if (source.empty() || target.empty()) continue;
    Sentence sentence;
    sentence.source_count = source.size();
    sentence.slots.reserve(source.size() * target.size());
    for (const std::uint32_t t : target) {
      for (const std::uint32_t s : source) {
        const std::uint32_t slot = slot_of.number((std::uint64_t{s} << 32U) | t);
        if (slot == slot_source.size()) {
          slot_source.push_back(s);
          slot_target.push_back(t);
        }
        sentence.slots.push_back(slot);
      }
    }
    sentence.targets = std::move(target);
    corpus.push_back(std::move(sentence));
  }
  // A source word's dictionary pairs share `prior_weight` between them: a headword with ten
  // translations in the text says less about each than a headword with one.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> known_pairs;  // dense (source, target)
  std::unordered_map<std::uint32_t, double> pairs_of_source;
  for (const auto& [source_word, target_word] : prior) {
    const auto source = table.source_vocabulary_.find(source_word);
    const auto target = table.target_vocabulary_.find(target_word);
    if (source == table.source_vocabulary_.end() || target == table.target_vocabulary_.end()) {
      continue;
    }
    known_pairs.emplace_back(source->second, target->second);
    pairs_of_source[source->second] += 1.0;
  }
  for (const auto& [source, target] : known_pairs) {
    const std::uint32_t slot = slot_of.number((std::uint64_t{source} << 32U) | target);
    if (slot == slot_source.size()) {
      slot_source.push_back(source);
      slot_target.push_back(target);
    }
    corpus.push_back({{target}, {slot}, 1, options.prior_weight / pairs_of_source[source]});
  }
  if (corpus.empty()) return {};

  // Uniform start: the first E step then counts co-occurrences.
  const double uniform = 1.0 / static_cast<double>(target_words);
  std::vector<double> probability(slot_source.size(), uniform);
  std::vector<double> null_probability(target_words, uniform);
  std::vector<double> count(slot_source.size());
  std::vector<double> null_count(target_words);
  std::vector<double> source_total(table.source_vocabulary_.size());
  for (std::size_t iteration = 0; iteration < options.iterations; ++iteration) {
    std::fill(count.begin(), count.end(), 0.0);
    std::fill(null_count.begin(), null_count.end(), 0.0);
    for (const Sentence& sentence : corpus) {
      const std::uint32_t* slots = sentence.slots.data();
      for (const std::uint32_t t : sentence.targets) {
        double total = null_probability[t];
        for (std::size_t k = 0; k < sentence.source_count; ++k) total += probability[slots[k]];
        for (std::size_t k = 0; k < sentence.source_count; ++k) {
          count[slots[k]] += sentence.weight * probability[slots[k]] / total;
        }
        null_count[t] += sentence.weight * null_probability[t] / total;
        slots += sentence.source_count;
      }
    }
    std::fill(source_total.begin(), source_total.end(), 0.0);
    for (std::size_t slot = 0; slot < count.size(); ++slot) {
      source_total[slot_source[slot]] += count[slot];
    }
    for (std::size_t slot = 0; slot < count.size(); ++slot) {
      probability[slot] = count[slot] / source_total[slot_source[slot]];
    }
    double null_total = 0.0;
    for (const double value : null_count) null_total += value;
    for (std::size_t t = 0; t < target_words; ++t) null_probability[t] = null_count[t] / null_total;
  }

  table.rows_.resize(table.source_vocabulary_.size());
  for (std::size_t slot = 0; slot < probability.size(); ++slot) {
    if (probability[slot] < options.min_probability) continue;
    table.rows_[slot_source[slot]].push_back(
        {slot_target[slot], static_cast<float>(probability[slot])});
  }
  for (auto& row : table.rows_) {
    std::sort(row.begin(), row.end(),
              [](const Entry& a, const Entry& b) { return a.target < b.target; });
  }
  table.null_row_.assign(null_probability.begin(), null_probability.end());
  return table;
}

std::uint32_t TranslationTable::source_index(std::uint32_t word) const {
  const auto found = source_vocabulary_.find(word);
  return found == source_vocabulary_.end() ? none : found->second;
}

std::uint32_t TranslationTable::target_index(std::uint32_t word) const {
  const auto found = target_vocabulary_.find(word);
  return found == target_vocabulary_.end() ? none : found->second;
}

double TranslationTable::probability(std::uint32_t source, std::uint32_t target) const {
  const std::uint32_t s = source_index(source);
  const std::uint32_t t = target_index(target);
  if (s == none || t == none) return 0.0;
  const std::vector<Entry>& entries = rows_[s];
  const auto found = std::lower_bound(
      entries.begin(), entries.end(), t,
      [](const Entry& entry, std::uint32_t wanted) { return entry.target < wanted; });
  return found != entries.end() && found->target == t ? static_cast<double>(found->probability)
                                                      : 0.0;
}

double TranslationTable::null_probability(std::uint32_t target) const {
  const std::uint32_t t = target_index(target);
  return t == none ? 0.0 : static_cast<double>(null_row_[t]);
}

TranslationEvidence::Direction TranslationEvidence::direction(
    const std::vector<UnitFeatures>& to, const std::vector<UnitFeatures>& from,
    std::shared_ptr<const TranslationTable> shared) {
  Direction result;
  const TranslationTable& table = *shared;
  const auto indices = [](const std::vector<std::uint32_t>& words, auto index_of) {
    std::vector<std::uint32_t> ids;
    for (const std::uint32_t word : words) {
      const std::uint32_t id = index_of(word);
      if (id != TranslationTable::none) ids.push_back(id);
    }
    return sorted_unique(std::move(ids));
  };
  std::vector<double> frequency(table.target_vocabulary_size(), 0.0);
  double total = 0.0;
  for (const UnitFeatures& unit : to) {
    result.to_words.push_back(
        indices(unit.exact, [&table](std::uint32_t word) { return table.target_index(word); }));
    for (const std::uint32_t id : result.to_words.back()) frequency[id] += 1.0;
    total += static_cast<double>(result.to_words.back().size());
  }
  for (const UnitFeatures& unit : from) {
    result.from_words.push_back(
        indices(unit.exact, [&table](std::uint32_t word) { return table.source_index(word); }));
  }
  for (const double value : frequency) {
    result.frequency.push_back(static_cast<float>(value > 0.0 ? value / total : 1.0));
  }
  std::vector<float> summed(table.target_vocabulary_size(), 0.0F);
  std::vector<std::uint32_t> touched;
  for (const std::vector<std::uint32_t>& words : result.from_words) {
    for (const std::uint32_t s : words) {
      for (const TranslationTable::Entry& entry : table.row(s)) {
        if (summed[entry.target] == 0.0F) touched.push_back(entry.target);
        summed[entry.target] += entry.probability;
      }
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    std::vector<TranslationTable::Entry>& translations = result.from_translations.emplace_back();
    for (const std::uint32_t target : touched) {
      translations.push_back({target, summed[target]});
      summed[target] = 0.0F;
    }
    touched.clear();
  }
  result.place.assign(table.target_vocabulary_size(), 0);
  result.cells = RowWindows<Cell>(to.size(), from.size());
  result.table = std::move(shared);
  return result;
}

TranslationEvidence::TranslationEvidence(const std::vector<UnitFeatures>& source,
                                         const std::vector<UnitFeatures>& target,
                                         TranslationTables tables,
                                         TranslationEvidenceWeights weights)
    : forward_(direction(target, source, std::move(tables.forward))),
      backward_(direction(source, target, std::move(tables.backward))),
      weights_(weights) {}

void TranslationEvidence::add_pair_sums(Direction& direction, std::size_t to, std::size_t from,
                                        float* sums) {
  const std::vector<std::uint32_t>& words = direction.to_words[to];
  // Where each word of the to-unit stands in it (1-based; 0 for words it lacks), so that each
  // translation of a from-word costs one look-up. `place` is scratch, all zero between calls.
  std::vector<std::uint32_t>& place = direction.place;
  for (std::size_t k = 0; k < words.size(); ++k)
    place[words[k]] = static_cast<std::uint32_t>(k + 1);
  for (const TranslationTable::Entry& entry : direction.from_translations[from]) {
    if (const std::uint32_t at = place[entry.target]; at != 0) sums[at - 1] += entry.probability;
  }
  for (const std::uint32_t word : words) place[word] = 0;
}

std::uint32_t TranslationEvidence::pair_offset(Direction& direction, std::size_t to,
                                               std::size_t from) {
  Cell& found = *direction.cells.at(to, from);
  if (found.pool_offset != Cell::unset) return found.pool_offset;
  const auto offset = static_cast<std::uint32_t>(direction.pool.size());
  direction.pool.resize(direction.pool.size() + direction.to_words[to].size(), 0.0F);
  add_pair_sums(direction, to, from, direction.pool.data() + offset);
  found.pool_offset = offset;
  return offset;
}

template <typename PairSums>
double TranslationEvidence::explained_by_span(Direction& direction, std::size_t to,
                                              std::size_t from_begin, std::size_t from_count,
                                              PairSums pair_sums) const {
  std::size_t from_words = 0;
  for (std::size_t u = from_begin; u < from_begin + from_count; ++u) {
    from_words += direction.from_words[u].size();
  }
  const std::vector<std::uint32_t>& words = direction.to_words[to];
  std::vector<float>& sums = bead_sums_;
  sums.resize(words.size());
  for (std::size_t k = 0; k < words.size(); ++k) sums[k] = direction.table->null_row(words[k]);
  for (std::size_t u = from_begin; u < from_begin + from_count; ++u) pair_sums(u, sums.data());
  return clipped_ratios(direction, to, sums.data(), from_words);
}

double TranslationEvidence::explained(Direction& direction, std::size_t to_begin,
                                      std::size_t to_count, std::size_t from_begin,
                                      std::size_t from_count) const {
  const auto pair_sums = [&direction](std::size_t to) {
    return [&direction, to](std::size_t from, float* sums) {
      // The offset first: working it out may grow the pool.
      const std::uint32_t offset = pair_offset(direction, to, from);
      const float* contribution = direction.pool.data() + offset;
      for (std::size_t k = 0; k < direction.to_words[to].size(); ++k) sums[k] += contribution[k];
    };
  };
  double total = 0.0;
  for (std::size_t v = to_begin; v < to_begin + to_count; ++v) {
    if (from_count > cached_span) {
      total += explained_by_span(direction, v, from_begin, from_count, pair_sums(v));
      continue;
    }
    const double known = direction.cells.at(v, from_begin)->explained[from_count - 1];
    if (std::isnan(known)) {
      // Worked out before `known` is written: it may grow this row's window and move the cell.
      const double value = explained_by_span(direction, v, from_begin, from_count, pair_sums(v));
      direction.cells.at(v, from_begin)->explained[from_count - 1] = value;
      total += value;
    } else {
      total += known;
    }
  }
  // A 1-1 bead has always been priced with its ratio kept as a float.
  if (from_count == 1 && to_count == 1) return static_cast<double>(static_cast<float>(total));
  return total;
}

double TranslationEvidence::uncached_explained(Direction& direction, std::size_t to_begin,
                                               std::size_t to_count, std::size_t from_begin,
                                               std::size_t from_count) const {
  std::vector<float> partial;
  double total = 0.0;
  for (std::size_t v = to_begin; v < to_begin + to_count; ++v) {
    total +=
        explained_by_span(direction, v, from_begin, from_count, [&](std::size_t from, float* sums) {
          // Straight from the table's rows, word by word of the from-unit.
          const std::vector<std::uint32_t>& words = direction.to_words[v];
          partial.assign(words.size(), 0.0F);
          for (const std::uint32_t s : direction.from_words[from]) {
            for (const TranslationTable::Entry& entry : direction.table->row(s)) {
              const auto at = std::lower_bound(words.begin(), words.end(), entry.target);
              if (at != words.end() && *at == entry.target) {
                partial[static_cast<std::size_t>(at - words.begin())] += entry.probability;
              }
            }
          }
          for (std::size_t k = 0; k < partial.size(); ++k) sums[k] += partial[k];
        });
  }
  if (from_count == 1 && to_count == 1) return static_cast<double>(static_cast<float>(total));
  return total;
}

double TranslationEvidence::clipped_ratios(const Direction& direction, std::size_t to,
                                           const float* sums, std::size_t from_words) const {
  // Model 1 picks each word's origin uniformly among the other side's words and the empty word.
  const double choices = static_cast<double>(from_words) + 1.0;
  const double background = 1.0 - weights_.trust;
  const std::vector<std::uint32_t>& words = direction.to_words[to];
  double total = 0.0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const double ratio = static_cast<double>(sums[k]) /
                         (choices * static_cast<double>(direction.frequency[words[k]]));
    total += std::min(fast_log(static_cast<float>(weights_.trust * ratio + background)),
                      weights_.ceiling);
  }
  return total;
}

double TranslationEvidence::log_likelihood_ratio(std::size_t i, std::size_t j, std::size_t di,
                                                 std::size_t dj) const {
  if (di == 0 || dj == 0) return 0.0;
  return (explained(forward_, j, dj, i, di) + explained(backward_, i, di, j, dj)) / 2.0;
}

double TranslationEvidence::uncached_log_likelihood_ratio(std::size_t i, std::size_t j,
                                                          std::size_t di, std::size_t dj) const {
  if (di == 0 || dj == 0) return 0.0;
  return (uncached_explained(forward_, j, dj, i, di) +
          uncached_explained(backward_, i, di, j, dj)) /
         2.0;
}

bool TranslationEvidence::knows_target_word(std::uint32_t word) const {
  return forward_.table->target_index(word) != TranslationTable::none;
}

double TranslationEvidence::cost(std::size_t i, std::size_t j, std::size_t di,
                                 std::size_t dj) const {
  return -weights_.weight * log_likelihood_ratio(i, j, di, dj);
}

std::optional<TranslationTables> train_translation_tables(const std::vector<UnitFeatures>& source,
                                                          const std::vector<UnitFeatures>& target,
                                                          const std::vector<BeadSpan>& beads,
                                                          const Model1Options& options,
                                                          const std::vector<WordPair>& prior,
                                                          std::size_t least_pairs) {
  std::vector<std::vector<std::uint32_t>> source_sentences;
  std::vector<std::vector<std::uint32_t>> target_sentences;
  for (const BeadSpan& bead : beads) {
    if (bead.source_count != 1 || bead.target_count != 1) continue;
    source_sentences.push_back(source[bead.source_begin].exact);
    target_sentences.push_back(target[bead.target_begin].exact);
  }
  if (source_sentences.size() < least_pairs && prior.empty()) return std::nullopt;
  std::vector<WordPair> reversed;
  for (const auto& [source_word, target_word] : prior)
    reversed.emplace_back(target_word, source_word);
  auto forward = std::make_shared<const TranslationTable>(
      TranslationTable::train(source_sentences, target_sentences, options, prior));
  auto backward = std::make_shared<const TranslationTable>(
      TranslationTable::train(target_sentences, source_sentences, options, reversed));
  if (forward->empty() || backward->empty()) return std::nullopt;
  return TranslationTables{std::move(forward), std::move(backward)};
}

std::shared_ptr<const TranslationEvidence> learn_translation_evidence(
    const std::vector<UnitFeatures>& source, const std::vector<UnitFeatures>& target,
    const std::vector<BeadSpan>& beads, const Model1Options& options,
    TranslationEvidenceWeights weights, const std::vector<WordPair>& prior) {
  // Fewer pairs than this teach Model 1 nothing it can trust (a dictionary's pairs still do).
  constexpr std::size_t least_pairs = 20;
  std::optional<TranslationTables> tables =
      train_translation_tables(source, target, beads, options, prior, least_pairs);
  if (!tables) return nullptr;
  return std::make_shared<const TranslationEvidence>(source, target, std::move(*tables), weights);
}

}  // namespace alinea
