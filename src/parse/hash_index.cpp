#include "parse/hash_index.h"

#include <algorithm>
#include <cassert>
#include <bit>

namespace annals::parsing {

HashIndex::HashIndex(std::vector<Entry> entries) {
  const size_t capacity = std::bit_ceil(std::max<size_t>(entries.size() * 2, 16));  // at most half full
  slots_.assign(capacity, Entry{0, kEmpty});
  mask_ = capacity - 1;
  for (const Entry& entry : entries) {
    assert(entry.second != kEmpty);
    size_t slot = entry.first & mask_;
    while (slots_[slot].second != kEmpty && slots_[slot].first != entry.first) slot = (slot + 1) & mask_;
    if (slots_[slot].second != kEmpty) continue;  // a key seen before keeps its first value
    slots_[slot] = entry;
    ++size_;
  }
}

std::vector<HashIndex::Entry> HashIndex::sorted_entries() const {
  std::vector<Entry> entries;
  for (const Entry& slot : slots_)
    if (slot.second != kEmpty) entries.push_back(slot);
  std::sort(entries.begin(), entries.end());
  return entries;
}

const uint32_t* HashIndex::find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  for (size_t slot = key & mask_;; slot = (slot + 1) & mask_) {
    const Entry& entry = slots_[slot];
    if (entry.second == kEmpty) return nullptr;
    if (entry.first == key) return &entry.second;
  }
}

}  // namespace annals::parsing
