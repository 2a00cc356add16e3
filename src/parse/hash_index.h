// Hash keys to 32-bit values in an open-addressing table built once: a lookup reads one or
// two cache lines, where std::unordered_map chases a pointer per node. The tagger's lexicon
// and the lemmatizer's tables are looked up for every word parsed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace annals::parsing {

class HashIndex {
 public:
  using Entry = std::pair<uint64_t, uint32_t>;
  HashIndex() = default;
  // Keys should be hashes (the low bits pick the slot). The first of equal keys wins.
  explicit HashIndex(std::vector<Entry> entries);
  const uint32_t* find(uint64_t key) const;
  size_t size() const { return size_; }
  std::vector<Entry> sorted_entries() const;  // by key, as model files store them

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;  // a value no entry may have
  std::vector<Entry> slots_;                      // value kEmpty: free
  size_t size_ = 0;
  uint64_t mask_ = 0;
};

}  // namespace annals::parsing
