// Linear multi-class scoring shared by the tagger and the parser: a trainer (averaged
// perceptron over hashed features) and the compact model it produces (16-bit weights,
// only the classes a feature ever voted for, near-zero weights pruned).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "parse/model_file.h"

namespace annals::parsing {

void* allocate_on_huge_pages(size_t bytes, size_t alignment);
void free_on_huge_pages(void* p, size_t bytes, size_t alignment);

// Allocates large arrays on 2 MB pages where the system allows it. The tables are read at
// random, and with 4 KB pages nearly every lookup would also miss the TLB, which on a
// virtual machine costs more than the cache miss itself.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(allocate_on_huge_pages(n * sizeof(T), alignof(T))); }
  void deallocate(T* p, size_t n) { free_on_huge_pages(p, n * sizeof(T), alignof(T)); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

class LinearModel {
 public:
  static constexpr int kMaxClasses = 255;  // a row's length and a class are stored in a byte

  int classes() const { return classes_; }
  size_t feature_count() const { return keys_.size(); }
  size_t weight_count() const { return weights_.size(); }

  // Asks the memory for the features' table entries, so that add_scores, called on them
  // after other work, finds them in the cache. (With few classes add_scores does not do this
  // itself: its caller can do it earlier.)
  void prefetch(std::span<const uint64_t> features) const;

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
  // Lookups are open addressing over cache-line buckets: a key's bucket comes from its low
  // half, its slot within the bucket from its high half (the check), so a lookup reads one
  // line, two when its bucket overflowed into the next. With at most kInlineClasses classes
  // (the parser's transitions, its hottest model) a slot holds its row itself; otherwise it
  // points into weights_.
  static constexpr int kInlineClasses = 4;
  static constexpr int kInlineSlots = 5;
  struct alignas(64) InlineBucket {
    uint32_t check[kInlineSlots];  // 0: empty
    int16_t weights[kInlineSlots][kInlineClasses];
  };
  static constexpr int kRowSlots = 6;
  struct alignas(64) RowBucket {
    uint32_t check[kRowSlots];  // 0: empty
    // The row is weights_[first, first + count), or with count 0 (a row with weights for many
    // classes) dense_weights_[first, first + dense_stride_), one weight per class.
    uint32_t first[kRowSlots];
    uint8_t count[kRowSlots];
  };
  // Rows with weights for at least a quarter of the classes are kept dense: adding a whole
  // row of 16-bit weights with vector instructions beats adding the weights one by one.
  static constexpr int kDenseFraction = 4;
  size_t bucket_of(uint64_t key) const {
    return static_cast<size_t>((key & 0xFFFFFFFFull) * bucket_count_ >> 32);
  }
  size_t next_bucket(size_t b) const { return b + 1 == bucket_count_ ? 0 : b + 1; }
  void build_table();

  static constexpr int kLargestWeight = 32000;  // the largest weight, once quantized

  int classes_ = 0;
  std::vector<uint64_t> keys_;      // row r belongs to keys_[r]
  std::vector<uint32_t> row_end_;   // row r is weights_[row_end_[r-1], row_end_[r])
  HugePageVector<Weight> weights_;
  HugePageVector<InlineBucket> inline_buckets_;  // for few classes
  HugePageVector<RowBucket> row_buckets_;        // for more
  uint64_t bucket_count_ = 0;
  HugePageVector<int16_t> dense_weights_;
  size_t dense_stride_ = 0;  // classes_ rounded up to whole vector registers
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
  // Adds delta to the weight of `cls` on every feature (global training updates the truth's
  // and the guess's steps apart, as they came from different states).
  void add(std::span<const uint64_t> features, int cls, float delta);
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
  void bump(Row& row, int cls, float delta);

  int classes_;
  int32_t clock_ = 1;
  std::unordered_map<uint64_t, Row> rows_;
};

}  // namespace annals::parsing
