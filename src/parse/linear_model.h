// Linear multi-class scoring shared by the tagger and the parser: a trainer (averaged
// perceptron over hashed features) and the compact model it produces (16-bit weights,
// only the classes a feature ever voted for, near-zero weights pruned).
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "parse/model_file.h"

namespace annals::parsing {

class LinearModel {
 public:
  static constexpr int kMaxClasses = 255;  // a row's length and a class are stored in a byte

  int classes() const { return classes_; }
  size_t feature_count() const { return keys_.size(); }
  size_t weight_count() const { return weights_.size(); }

  // A copy without the weights smaller than `fraction` times the largest possible weight,
  // nor the features left without weights.
  LinearModel pruned(float fraction) const;

  // Adds each feature's weights to scores[0, classes()); unknown features add nothing.
  void add_scores(std::span<const uint64_t> features, std::span<int32_t> scores) const;

  void write(ModelWriter& out) const;
  static LinearModel read(ModelReader& in);

 private:
  friend class PerceptronTrainer;
  struct Weight {
    uint16_t cls;
    int16_t value;
  };
  struct Slot {
    uint64_t key;  // 0: empty
    uint32_t first, count;
  };
  // With at most kInlineClasses classes (the parser's transitions, its hottest model) each
  // slot holds its row itself, so a feature costs one memory fetch instead of two.
  static constexpr int kInlineClasses = 4;
  struct InlineSlot {
    uint32_t check;  // the key's high half (never 0), its low bits giving the position; 0: empty
    int16_t weights[kInlineClasses];
  };
  void build_table();

  static constexpr int kLargestWeight = 32000;  // the largest weight, once quantized

  int classes_ = 0;
  std::vector<uint64_t> keys_;      // row r belongs to keys_[r]
  std::vector<uint32_t> row_end_;   // row r is weights_[row_end_[r-1], row_end_[r])
  std::vector<Weight> weights_;
  std::vector<Slot> table_;         // open addressing over keys_, built on load
  std::vector<InlineSlot> inline_table_;  // instead of table_ for few classes
  uint64_t mask_ = 0;
};

class PerceptronTrainer {
 public:
  // Throws std::invalid_argument beyond LinearModel::kMaxClasses classes.
  explicit PerceptronTrainer(int classes);
  int classes() const { return classes_; }

  // scores must hold classes() values; they are overwritten.
  void score(std::span<const uint64_t> features, std::span<float> scores) const;
  // Moves weight from `guess` to `truth` on every feature (nothing when they agree).
  void update(std::span<const uint64_t> features, int truth, int guess);
  // Counts one training example, for the averaging.
  void tick() { ++clock_; }

  // The averaged weights, without the features updated fewer than `min_updates` times:
  // most features are rare, and a feature the trainer touched once or twice is mostly noise
  // that would make the model large and slow.
  LinearModel average(int min_updates) const;

 private:
  struct Entry {
    uint16_t cls;
    float weight;
    float total;     // sum of the weight over the examples up to `stamp`
    int32_t stamp;
  };
  struct Row {
    std::vector<Entry> entries;
    int32_t updates = 0;
  };
  int classes_;
  int32_t clock_ = 1;
  std::unordered_map<uint64_t, Row> rows_;
};

}  // namespace annals::parsing
