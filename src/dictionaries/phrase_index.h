// Longest-match lookup of word sequences, the core of every dictionary.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace annals {

template <class Value>
struct PhraseMatch {
  size_t length = 0;   // number of words matched
  Value value{};
};

template <class Value>
class PhraseIndex {
 public:
  // Adds a phrase; a later entry for the same phrase replaces the earlier one.
  void add(const std::vector<std::string>& words, Value value) {
    auto& bucket = by_first_[words.front()];
    for (auto& e : bucket) {
      if (e.words == words) { e.value = std::move(value); return; }
    }
    bucket.push_back({words, std::move(value)});
    ++size_;
  }

  std::optional<PhraseMatch<Value>> match(const std::vector<std::string>& words, size_t pos) const {
    if (pos >= words.size()) return std::nullopt;
    auto it = by_first_.find(words[pos]);
    if (it == by_first_.end()) return std::nullopt;
    std::optional<PhraseMatch<Value>> best;
    for (const auto& e : it->second) {
      if (pos + e.words.size() > words.size()) continue;
      if (best && e.words.size() <= best->length) continue;
      bool same = true;
      for (size_t i = 1; i < e.words.size() && same; ++i) same = e.words[i] == words[pos + i];
      if (same) best = PhraseMatch<Value>{e.words.size(), e.value};
    }
    return best;
  }

  size_t size() const { return size_; }

 private:
  struct Entry {
    std::vector<std::string> words;
    Value value;
  };
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
  size_t size_ = 0;
};

}  // namespace annals
