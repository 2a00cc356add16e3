// Longest-match lookup of word sequences, the core of every dictionary.
//
// Phrases are stored in a word trie: words are interned to integer ids and every edge
// (node, word id, kind) lives in one hash table, so a lookup costs one hash of the text
// word plus one integer probe per step and never allocates.
//
// A phrase word carries two flags taken from the dictionary syntax:
//  * loose: other words may come between it and the previous phrase word (PETRARCH-1's
//    blank connector, "HAMAS WING"); an underscore ("HAMAS_WING") keeps them adjacent.
//    Whether gaps are honoured is the caller's choice (Gaps).
//  * stem: the word may match the start of a text word (discard phrases without a
//    final '_'); every other word must equal the text word.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals {

template <class Value>
struct PhraseMatch {
  size_t length = 0;  // number of text words spanned, from the start position
  Value value{};
};

struct PhraseWord {
  std::string text;    // upper-cased dictionary word
  bool loose = false;  // other words may precede it (never set on the first word)
  bool stem = false;   // may match a prefix of the text word
};
using DictionaryPhrase = std::vector<PhraseWord>;

// Which intervening words a match may skip.
enum class Gaps {
  none,        // all phrase words consecutive (PETRARCH-2, and the default)
  as_written,  // only before loose words (PETRARCH-1 noun phrases)
  any,         // before any word after the first (UD-PETRARCH actors)
};

inline constexpr size_t kPhraseEnd = std::numeric_limits<size_t>::max();

// The value-free trie; PhraseIndex<Value> stores the values by slot.
class PhraseTrie {
 public:
  static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

  // The slot of an existing phrase with exactly these words and flags, else kNone.
  uint32_t find(const DictionaryPhrase& phrase) const;
  // Adds the phrase under `slot`; returns the slot already stored for it, or kNone. A phrase
  // with hyphenated words is also stored as segmented text has them ("JONG-UN" as JONG - UN;
  // see hyphen_splits), so it matches both segmented text and given parses.
  uint32_t insert(const DictionaryPhrase& phrase, uint32_t slot);

  struct Hit {
    size_t length = 0;
    uint32_t slot = kNone;
  };
  // The best phrase starting at words[pos] and ending before `end`: most phrase words,
  // then the earliest slot. slot == kNone when nothing matches.
  Hit match(const std::vector<std::string>& words, size_t pos, size_t end, Gaps gaps) const;

 private:
  uint32_t insert_words(const DictionaryPhrase& phrase, uint32_t slot);
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Node {
    uint32_t slot = kNone;
    uint16_t phrase_words = 0;
    bool tight_children = false;  // has edges to non-loose words
    bool loose_children = false;
    bool stem_children = false;
  };
  enum EdgeKind : uint32_t { tight = 0, loose = 1, stem_tight = 2, stem_loose = 3 };

  static uint64_t edge_key(uint32_t node, uint32_t word, uint32_t kind) {
    return (uint64_t{node} << 32) | (uint64_t{word} << 2) | kind;
  }
  struct Search;
  uint32_t word_id(std::string_view word) const;
  uint32_t child(uint32_t node, uint32_t word, uint32_t kind) const;
  uint32_t locate(const DictionaryPhrase& phrase) const;
  void step(uint32_t node, size_t at, bool after_gap, Search& search) const;
  void follow(uint32_t child_node, size_t at, Search& search) const;

  std::unordered_map<std::string, uint32_t, WordHash, std::equal_to<>> word_ids_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<Node> nodes_{Node{}};  // node 0 is the root
  size_t shortest_stem_ = std::numeric_limits<size_t>::max();
  // Bit n set: some stem has n bytes (n >= 63 share the top bit). Lets a lookup try only
  // the prefix lengths that can match.
  uint64_t stem_lengths_ = 0;
  // Bit per first two bytes of any stem word: most text words skip the prefix lookups.
  std::vector<uint64_t> stem_starts_;
};

template <class Value>
class PhraseIndex {
 public:
  // Adds a phrase of consecutive, exact words; a later entry for the same phrase
  // replaces the earlier one.
  void add(const std::vector<std::string>& words, Value value) {
    DictionaryPhrase phrase;
    phrase.reserve(words.size());
    for (const auto& w : words) phrase.push_back({w, false, false});
    const uint32_t old = trie_.find(phrase);
    if (old != PhraseTrie::kNone) {
      values_[old] = std::move(value);
      return;
    }
    insert(phrase, std::move(value));
  }

  // Adds a phrase unless it is already present; returns the value already stored for
  // it (left for the caller to keep or update), or nullptr when the phrase was new.
  Value* insert(const DictionaryPhrase& phrase, Value value) {
    const uint32_t old = trie_.insert(phrase, static_cast<uint32_t>(values_.size()));
    if (old != PhraseTrie::kNone) return &values_[old];
    values_.push_back(std::move(value));
    return nullptr;
  }

  bool contains(const DictionaryPhrase& phrase) const {
    return trie_.find(phrase) != PhraseTrie::kNone;
  }

  // The phrase starting at words[pos] with the most words, ending before `end`; among
  // equals, the one added first. nullopt when none.
  std::optional<PhraseMatch<Value>> match(const std::vector<std::string>& words, size_t pos,
                                          size_t end = kPhraseEnd, Gaps gaps = Gaps::none) const {
    const PhraseTrie::Hit hit = trie_.match(words, pos, end, gaps);
    if (hit.slot == PhraseTrie::kNone) return std::nullopt;
    return PhraseMatch<Value>{hit.length, values_[hit.slot]};
  }

  size_t size() const { return values_.size(); }

 private:
  PhraseTrie trie_;
  std::vector<Value> values_;
};

}  // namespace annals
