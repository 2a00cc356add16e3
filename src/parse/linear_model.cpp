#include "parse/linear_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <string>

namespace annals::parsing {

namespace {
// Position bits come from the key's low half, so the high half tells keys in one slot apart.
uint32_t inline_check(uint64_t key) {
  const auto high = static_cast<uint32_t>(key >> 32);
  return high == 0 ? 1 : high;
}
}  // namespace

void LinearModel::add_scores(std::span<const uint64_t> features, std::span<int32_t> scores) const {
  if (!inline_table_.empty()) {
    for (const uint64_t key : features) __builtin_prefetch(&inline_table_[key & mask_]);
    int32_t sums[kInlineClasses] = {};
    for (const uint64_t key : features) {
      const uint32_t check = inline_check(key);
      for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
        const InlineSlot& slot = inline_table_[i];
        if (slot.check == check) {
          for (int c = 0; c < kInlineClasses; ++c) sums[c] += slot.weights[c];
          break;
        }
        if (slot.check == 0) break;
      }
    }
    for (int c = 0; c < classes_; ++c) scores[c] += sums[c];
    return;
  }
  if (table_.empty()) return;
  // Table and weights are far larger than the cache: ask for all slots, then all rows, before
  // reading any, so the memory fetches overlap instead of queueing one behind another.
  constexpr size_t kBatch = 64;
  const Slot* found[kBatch];
  for (size_t begin = 0; begin < features.size(); begin += kBatch) {
    const size_t end = std::min(features.size(), begin + kBatch);
    for (size_t f = begin; f < end; ++f) __builtin_prefetch(&table_[features[f] & mask_]);
    size_t hits = 0;
    for (size_t f = begin; f < end; ++f) {
      const uint64_t key = features[f];
      for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = table_[i];
        if (slot.key == key) {
          __builtin_prefetch(weights_.data() + slot.first);
          found[hits++] = &slot;
          break;
        }
        if (slot.key == 0) break;
      }
    }
    for (size_t h = 0; h < hits; ++h) {
      const Weight* w = weights_.data() + found[h]->first;
      for (uint32_t k = 0; k < found[h]->count; ++k) scores[w[k].cls] += w[k].value;
    }
  }
}

void LinearModel::build_table() {
  // At most 3/4 full: linear probing stays short, and the table small enough to cache well.
  const size_t size = std::bit_ceil(std::max<size_t>(16, keys_.size() + keys_.size() / 3));
  mask_ = size - 1;
  table_.clear();
  inline_table_.clear();
  if (classes_ <= kInlineClasses) {
    inline_table_.assign(size, InlineSlot{0, {}});
    uint32_t first = 0;
    for (size_t r = 0; r < keys_.size(); ++r) {
      uint64_t i = keys_[r] & mask_;
      while (inline_table_[i].check != 0) i = (i + 1) & mask_;
      inline_table_[i].check = inline_check(keys_[r]);
      for (uint32_t w = first; w < row_end_[r]; ++w) inline_table_[i].weights[weights_[w].cls] = weights_[w].value;
      first = row_end_[r];
    }
    return;
  }
  table_.assign(size, Slot{0, 0, 0});
  uint32_t first = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    uint64_t i = keys_[r] & mask_;
    while (table_[i].key != 0) i = (i + 1) & mask_;
    table_[i] = Slot{keys_[r], first, row_end_[r] - first};
    first = row_end_[r];
  }
}

LinearModel LinearModel::pruned(float fraction) const {
  const int smallest_kept = static_cast<int>(std::ceil(fraction * kLargestWeight));
  LinearModel m;
  m.classes_ = classes_;
  uint32_t first = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    const size_t before = m.weights_.size();
    for (uint32_t i = first; i < row_end_[r]; ++i)
      if (std::abs(weights_[i].value) >= smallest_kept) m.weights_.push_back(weights_[i]);
    first = row_end_[r];
    if (m.weights_.size() == before) continue;
    m.keys_.push_back(keys_[r]);
    m.row_end_.push_back(static_cast<uint32_t>(m.weights_.size()));
  }
  m.build_table();
  return m;
}

// On disk a row is its length (one byte) and, per weight, a class byte and a 16-bit value.
void LinearModel::write(ModelWriter& out) const {
  out.value<uint32_t>(static_cast<uint32_t>(classes_));
  std::vector<uint8_t> lengths, classes;
  std::vector<int16_t> values;
  uint32_t first = 0;
  for (const uint32_t end : row_end_) {
    lengths.push_back(static_cast<uint8_t>(end - first));
    first = end;
  }
  for (const Weight& w : weights_) {
    classes.push_back(static_cast<uint8_t>(w.cls));
    values.push_back(w.value);
  }
  out.array(keys_);
  out.array(lengths);
  out.array(classes);
  out.array(values);
}

LinearModel LinearModel::read(ModelReader& in) {
  LinearModel m;
  m.classes_ = static_cast<int>(in.value<uint32_t>());
  m.keys_ = in.array<uint64_t>();
  const auto lengths = in.array<uint8_t>();
  const auto classes = in.array<uint8_t>();
  const auto values = in.array<int16_t>();
  if (m.classes_ <= 0 || m.classes_ > kMaxClasses) in.fail("bad class count");
  if (lengths.size() != m.keys_.size() || classes.size() != values.size()) in.fail("feature table sizes disagree");
  m.row_end_.reserve(lengths.size());
  uint64_t end = 0;
  for (const uint8_t length : lengths) {
    end += length;
    m.row_end_.push_back(static_cast<uint32_t>(std::min<uint64_t>(end, UINT32_MAX)));
  }
  if (end != values.size()) in.fail("feature rows and weights disagree");
  m.weights_.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    if (classes[i] >= m.classes_) in.fail("weight for an unknown class");
    m.weights_.push_back(Weight{classes[i], values[i]});
  }
  for (const uint64_t key : m.keys_)
    if (key == 0) in.fail("zero feature key");
  m.build_table();
  return m;
}

PerceptronTrainer::PerceptronTrainer(int classes) : classes_(classes) {
  if (classes <= 0 || classes > LinearModel::kMaxClasses)
    throw std::invalid_argument("a model of " + std::to_string(classes) + " classes; at most " +
                                std::to_string(LinearModel::kMaxClasses) + " are supported");
}

void PerceptronTrainer::score(std::span<const uint64_t> features, std::span<float> scores) const {
  std::fill(scores.begin(), scores.end(), 0.0f);
  for (const uint64_t key : features) {
    const auto it = rows_.find(key);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second.entries) scores[e.cls] += e.weight;
  }
}

void PerceptronTrainer::update(std::span<const uint64_t> features, int truth, int guess) {
  if (truth == guess) return;
  auto bump = [&](std::vector<Entry>& row, int cls, float delta) {
    auto it = std::find_if(row.begin(), row.end(), [&](const Entry& e) { return e.cls == cls; });
    if (it == row.end()) {
      row.push_back(Entry{static_cast<uint16_t>(cls), 0.0f, 0.0f, clock_});
      it = row.end() - 1;
    }
    it->total += static_cast<float>(clock_ - it->stamp) * it->weight;
    it->stamp = clock_;
    it->weight += delta;
  };
  for (const uint64_t key : features) {
    Row& row = rows_[key];
    ++row.updates;
    bump(row.entries, truth, 1.0f);
    bump(row.entries, guess, -1.0f);
  }
}

LinearModel PerceptronTrainer::average(int min_updates) const {
  struct Row {
    uint64_t key;
    std::vector<std::pair<uint16_t, float>> weights;
  };
  std::vector<Row> rows;
  rows.reserve(rows_.size());
  float largest = 0.0f;
  for (const auto& [key, trained] : rows_) {
    if (trained.updates < min_updates) continue;
    Row row{key, {}};
    for (const Entry& e : trained.entries) {
      const float total = e.total + static_cast<float>(clock_ - e.stamp) * e.weight;
      const float average = total / static_cast<float>(clock_);
      if (average == 0.0f) continue;
      row.weights.emplace_back(e.cls, average);
      largest = std::max(largest, std::fabs(average));
    }
    if (!row.weights.empty()) rows.push_back(std::move(row));
  }
  // A fixed order makes the file reproducible for the same training run.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  LinearModel m;
  m.classes_ = classes_;
  const float scale = largest > 0 ? LinearModel::kLargestWeight / largest : 1.0f;
  for (Row& row : rows) {
    std::sort(row.weights.begin(), row.weights.end());
    size_t kept = 0;
    for (const auto& [cls, w] : row.weights) {
      const long q = std::lround(w * scale);
      if (q == 0) continue;
      m.weights_.push_back(LinearModel::Weight{cls, static_cast<int16_t>(q)});
      ++kept;
    }
    if (kept == 0) continue;
    m.keys_.push_back(row.key);
    m.row_end_.push_back(static_cast<uint32_t>(m.weights_.size()));
  }
  m.build_table();
  return m;
}

}  // namespace annals::parsing
