#include "parse/linear_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>

#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annals::parsing {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
// Smaller arrays are not worth a page of their own.
constexpr size_t kSmallestOnHugePages = size_t{256} << 10;

size_t whole_huge_pages(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }
}  // namespace

// Arrays from kSmallestOnHugePages on are rounded up to whole huge pages, aligned to them and
// marked for them; smaller ones come from operator new. The size decides both ways, so
// deallocation matches allocation. On Linux they are mapped directly, so freeing a model
// gives its memory back to the system at once.
void* allocate_on_huge_pages(size_t bytes, size_t alignment) {
  if (bytes < kSmallestOnHugePages) return ::operator new(bytes, std::align_val_t(alignment));
  const size_t size = whole_huge_pages(bytes);
#if defined(__linux__)
  // One huge page more than needed, so that the start can be aligned; the excess is unmapped.
  const size_t mapped = size + kHugePage;
  void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  char* const start = static_cast<char*>(raw);
  char* const aligned = start + (kHugePage - reinterpret_cast<uintptr_t>(start) % kHugePage) % kHugePage;
  if (aligned > start) munmap(start, static_cast<size_t>(aligned - start));
  if (start + mapped > aligned + size) munmap(aligned + size, static_cast<size_t>(start + mapped - (aligned + size)));
#if defined(MADV_HUGEPAGE)
  madvise(aligned, size, MADV_HUGEPAGE);  // a hint: without huge pages it is only slower
#endif
  return aligned;
#else
  return ::operator new(size, std::align_val_t(kHugePage));
#endif
}

void free_on_huge_pages(void* p, size_t bytes, size_t alignment) {
  if (bytes < kSmallestOnHugePages) {
    ::operator delete(p, std::align_val_t(alignment));
    return;
  }
#if defined(__linux__)
  munmap(p, whole_huge_pages(bytes));
#else
  ::operator delete(p, std::align_val_t(kHugePage));
#endif
}

namespace {
// The key's low half picks the bucket, so the high half tells keys in one bucket apart.
uint32_t check_of(uint64_t key) {
  const auto high = static_cast<uint32_t>(key >> 32);
  return high == 0 ? 1 : high;
}

// sums[c] += row[c] for c < n, n a multiple of 16: the bulk of the tagger's and labeller's
// work, so x86 builds also carry an AVX2 version, chosen at run time when the CPU has it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void add_dense_row(int32_t* __restrict sums, const int16_t* __restrict row, size_t n) {
  for (size_t c = 0; c < n; ++c) sums[c] += row[c];
}

// The slot of a bucket whose check is `check`, or -1; `full` tells whether the search must
// go on to the next bucket. Checks are the first member of a bucket, at most 8 of them.
template <int kSlots, typename Bucket>
int find_slot(const Bucket& bucket, uint32_t check, bool& full) {
  static_assert(kSlots <= 8 && sizeof(Bucket) >= 32);
  constexpr unsigned kMask = (1u << kSlots) - 1;
#if defined(__SSE2__)
  // Both halves at once; the lanes past the checks read the bucket's other members, masked off.
  const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&bucket));
  const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&bucket) + 1);
  const __m128i wanted = _mm_set1_epi32(static_cast<int>(check)), zero = _mm_setzero_si128();
  auto lanes = [](__m128i a, __m128i b) {
    return static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(a)) | (_mm_movemask_ps(_mm_castsi128_ps(b)) << 4));
  };
  const unsigned found = lanes(_mm_cmpeq_epi32(low, wanted), _mm_cmpeq_epi32(high, wanted)) & kMask;
  full = (lanes(_mm_cmpeq_epi32(low, zero), _mm_cmpeq_epi32(high, zero)) & kMask) == 0;
  return found ? std::countr_zero(found) : -1;
#else
  int slot = -1;
  bool all_used = true;
  for (int s = kSlots - 1; s >= 0; --s) {
    if (bucket.check[s] == check) slot = s;
    all_used &= bucket.check[s] != 0;
  }
  full = all_used;
  return slot;
#endif
}
}  // namespace

void LinearModel::prefetch(std::span<const uint64_t> features) const {
  if (!inline_buckets_.empty())
    for (const uint64_t key : features) __builtin_prefetch(&inline_buckets_[bucket_of(key)]);
  else if (!row_buckets_.empty())
    for (const uint64_t key : features) __builtin_prefetch(&row_buckets_[bucket_of(key)]);
}

void LinearModel::add_scores(std::span<const uint64_t> features, std::span<int32_t> scores) const {
  if (!inline_buckets_.empty()) {
    int32_t sums[kInlineClasses] = {};
    for (const uint64_t key : features) {
      const uint32_t check = check_of(key);
      for (size_t b = bucket_of(key);; b = next_bucket(b)) {
        const InlineBucket& bucket = inline_buckets_[b];
        bool full;
        const int slot = find_slot<kInlineSlots>(bucket, check, full);
        if (slot >= 0) {
          for (int c = 0; c < kInlineClasses; ++c) sums[c] += bucket.weights[slot][c];
          break;
        }
        if (!full) break;
      }
    }
    for (int c = 0; c < classes_; ++c) scores[c] += sums[c];
    return;
  }
  if (row_buckets_.empty()) return;
  // Buckets and rows are far larger than the cache: ask for all buckets, then all rows, before
  // reading any, so the memory fetches overlap instead of queueing one behind another.
  constexpr size_t kBatch = 64;
  struct Found {
    uint32_t first, count;
  };
  Found found[kBatch];
  alignas(64) int32_t dense_sums[kMaxClasses + 16];
  bool any_dense = false;
  for (size_t begin = 0; begin < features.size(); begin += kBatch) {
    const size_t end = std::min(features.size(), begin + kBatch);
    for (size_t f = begin; f < end; ++f) __builtin_prefetch(&row_buckets_[bucket_of(features[f])]);
    size_t hits = 0;
    for (size_t f = begin; f < end; ++f) {
      const uint32_t check = check_of(features[f]);
      for (size_t b = bucket_of(features[f]);; b = next_bucket(b)) {
        const RowBucket& bucket = row_buckets_[b];
        bool full;
        const int slot = find_slot<kRowSlots>(bucket, check, full);
        if (slot >= 0) {
          if (bucket.count[slot] == 0) {
            const int16_t* row = dense_weights_.data() + bucket.first[slot];
            for (size_t c = 0; c < dense_stride_; c += 32) __builtin_prefetch(row + c);
          } else {
            __builtin_prefetch(weights_.data() + bucket.first[slot]);
          }
          found[hits++] = Found{bucket.first[slot], bucket.count[slot]};
          break;
        }
        if (!full) break;
      }
    }
    for (size_t h = 0; h < hits; ++h) {
      if (found[h].count == 0) {
        if (!any_dense) std::fill(dense_sums, dense_sums + dense_stride_, 0);
        any_dense = true;
        const int16_t* row = dense_weights_.data() + found[h].first;
        add_dense_row(dense_sums, row, dense_stride_);
        continue;
      }
      const Weight* w = weights_.data() + found[h].first;
      for (uint32_t k = 0; k < found[h].count; ++k) scores[w[k].cls] += w[k].value;
    }
  }
  if (any_dense) {
    int32_t* __restrict out = scores.data();
    for (int c = 0; c < classes_; ++c) out[c] += dense_sums[c];
  }
}

void LinearModel::build_table() {
  // Buckets about 3/5 full on average: few overflow, and the table stays compact.
  auto buckets_for = [&](int slots) { return std::max<size_t>(1, keys_.size() * 5 / (static_cast<size_t>(slots) * 3) + 1); };
  inline_buckets_.clear();
  row_buckets_.clear();
  dense_weights_.clear();
  // Places key r in the first bucket from its own with a free slot; returns bucket and slot.
  auto place = [&](auto& buckets, uint64_t key) {
    for (size_t b = bucket_of(key);; b = next_bucket(b))
      for (int s = 0; s < static_cast<int>(std::size(buckets[b].check)); ++s)
        if (buckets[b].check[s] == 0) {
          buckets[b].check[s] = check_of(key);
          return std::pair<size_t, int>(b, s);
        }
  };
  uint32_t first = 0;
  if (classes_ <= kInlineClasses) {
    bucket_count_ = buckets_for(kInlineSlots);
    inline_buckets_.assign(bucket_count_, InlineBucket{});
    for (size_t r = 0; r < keys_.size(); ++r) {
      const auto [b, s] = place(inline_buckets_, keys_[r]);
      for (uint32_t w = first; w < row_end_[r]; ++w) inline_buckets_[b].weights[s][weights_[w].cls] = weights_[w].value;
      first = row_end_[r];
    }
    return;
  }
  bucket_count_ = buckets_for(kRowSlots);
  row_buckets_.assign(bucket_count_, RowBucket{});
  dense_stride_ = (static_cast<size_t>(classes_) + 15) / 16 * 16;
  size_t dense_rows = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    dense_rows += (row_end_[r] - first) * kDenseFraction >= static_cast<uint32_t>(classes_);
    first = row_end_[r];
  }
  dense_weights_.assign(dense_rows * dense_stride_, 0);
  first = 0;
  size_t dense_used = 0;
  for (size_t r = 0; r < keys_.size(); ++r) {
    const uint32_t count = row_end_[r] - first;
    if (count > 0) {
      const auto [b, s] = place(row_buckets_, keys_[r]);
      if (count * kDenseFraction >= static_cast<uint32_t>(classes_)) {
        row_buckets_[b].first[s] = static_cast<uint32_t>(dense_used);
        row_buckets_[b].count[s] = 0;
        for (uint32_t w = first; w < row_end_[r]; ++w) dense_weights_[dense_used + weights_[w].cls] = weights_[w].value;
        dense_used += dense_stride_;
      } else {
        row_buckets_[b].first[s] = first;
        row_buckets_[b].count[s] = static_cast<uint8_t>(count);
      }
    }
    first = row_end_[r];
  }
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
  for (const uint64_t key : features) {
    Row& row = rows_[key];
    ++row.updates;
    bump(row, truth, 1.0f);
    bump(row, guess, -1.0f);
  }
}

void PerceptronTrainer::add(std::span<const uint64_t> features, int cls, float delta) {
  for (const uint64_t key : features) {
    Row& row = rows_[key];
    ++row.updates;
    bump(row, cls, delta);
  }
}

void PerceptronTrainer::bump(Row& row, int cls, float delta) {
  auto it = std::find_if(row.entries.begin(), row.entries.end(), [&](const Entry& e) { return e.cls == cls; });
  if (it == row.entries.end()) {
    row.entries.push_back(Entry{static_cast<uint16_t>(cls), 0.0f, 0.0f, clock_});
    it = row.entries.end() - 1;
  }
  it->total += static_cast<float>(clock_ - it->stamp) * it->weight;
  it->stamp = clock_;
  it->weight += delta;
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
