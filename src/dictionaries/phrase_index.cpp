#include "dictionaries/phrase_index.h"

#include <algorithm>
#include <optional>

#include "text/words.h"

namespace annals {

struct PhraseTrie::Search {
  const std::vector<std::string>& words;
  size_t start;
  size_t end;
  Gaps gaps;
  Hit best;
  size_t best_words = 0;
};

uint32_t PhraseTrie::word_id(std::string_view word) const {
  auto it = word_ids_.find(word);
  return it == word_ids_.end() ? kNone : it->second;
}

uint32_t PhraseTrie::child(uint32_t node, uint32_t word, uint32_t kind) const {
  auto it = edges_.find(edge_key(node, word, kind));
  return it == edges_.end() ? kNone : it->second;
}

namespace {
size_t two_bytes(std::string_view word) {
  return static_cast<unsigned char>(word[0]) << 8 | static_cast<unsigned char>(word[1]);
}
uint32_t kind_of(const PhraseWord& word, bool first) {
  return (word.stem ? 2u : 0u) | (word.loose && !first ? 1u : 0u);
}
}  // namespace

uint32_t PhraseTrie::locate(const DictionaryPhrase& phrase) const {
  uint32_t node = 0;
  for (size_t i = 0; i < phrase.size() && node != kNone; ++i) {
    const uint32_t word = word_id(phrase[i].text);
    node = word == kNone ? kNone : child(node, word, kind_of(phrase[i], i == 0));
  }
  return node;
}

uint32_t PhraseTrie::find(const DictionaryPhrase& phrase) const {
  const uint32_t node = locate(phrase);
  return node == kNone || phrase.empty() ? kNone : nodes_[node].slot;
}

namespace {

// The phrase with its hyphenated words split where the segmenter splits them, or nothing when
// it splits none.
std::optional<DictionaryPhrase> split_hyphenated(const DictionaryPhrase& phrase) {
  DictionaryPhrase out;
  bool split = false;
  for (const PhraseWord& word : phrase) {
    const std::string_view text = word.text;
    size_t piece = 0, part = 0;  // where the pending word and its last joined part begin
    for (size_t h = text.find('-', 1); h != std::string_view::npos && h + 1 < text.size(); h = text.find('-', h + 1)) {
      if (!hyphen_splits(text.substr(part, h - part), text.substr(h + 1))) {
        part = h + 1;
        continue;
      }
      out.push_back({std::string(text.substr(piece, h - piece)), piece == 0 && word.loose, false});
      out.push_back({"-", false, false});
      piece = part = h + 1;
      split = true;
    }
    out.push_back({std::string(text.substr(piece)), piece == 0 && word.loose, word.stem});
  }
  if (!split) return std::nullopt;
  return out;
}

}  // namespace

uint32_t PhraseTrie::insert(const DictionaryPhrase& phrase, uint32_t slot) {
  const uint32_t existing = insert_words(phrase, slot);
  if (existing == kNone)
    if (const auto split = split_hyphenated(phrase)) insert_words(*split, slot);
  return existing;
}

uint32_t PhraseTrie::insert_words(const DictionaryPhrase& phrase, uint32_t slot) {
  if (phrase.empty()) return kNone;
  uint32_t node = 0;
  for (size_t i = 0; i < phrase.size(); ++i) {
    const PhraseWord& word = phrase[i];
    const auto id_it =
        word_ids_.try_emplace(word.text, static_cast<uint32_t>(word_ids_.size())).first;
    const uint32_t kind = kind_of(word, i == 0);
    const auto [edge_it, new_edge] = edges_.try_emplace(edge_key(node, id_it->second, kind),
                                                        static_cast<uint32_t>(nodes_.size()));
    if (new_edge) nodes_.push_back(Node{});
    Node& parent = nodes_[node];
    if (word.stem) {
      parent.stem_children = true;
      shortest_stem_ = std::min(shortest_stem_, word.text.size());
      stem_lengths_ |= uint64_t{1} << std::min<size_t>(word.text.size(), 63);
      if (word.text.size() >= 2) {
        if (stem_starts_.empty()) stem_starts_.assign(65536 / 64, 0);
        const size_t bit = two_bytes(word.text);
        stem_starts_[bit / 64] |= uint64_t{1} << (bit % 64);
      }
    } else if (kind & 1u) {
      parent.loose_children = true;
    } else {
      parent.tight_children = true;
    }
    node = edge_it->second;
  }
  Node& last = nodes_[node];
  if (last.slot != kNone) return last.slot;
  last.slot = slot;
  last.phrase_words = static_cast<uint16_t>(std::min<size_t>(phrase.size(), UINT16_MAX));
  return kNone;
}

// Reached child_node by matching the text word at `at`: record it, then try to extend.
void PhraseTrie::follow(uint32_t child_node, size_t at, Search& search) const {
  const Node& node = nodes_[child_node];
  if (node.slot != kNone) {
    const size_t words = node.phrase_words;
    if (words > search.best_words || (words == search.best_words && node.slot < search.best.slot)) {
      search.best_words = words;
      search.best = Hit{at + 1 - search.start, node.slot};
    }
  }
  if (!node.tight_children && !node.loose_children && !node.stem_children) return;
  const size_t next = at + 1;
  for (size_t j = next; j < search.end; ++j) {
    const bool gap = j > next;
    if (gap) {
      if (search.gaps == Gaps::none) break;
      if (search.gaps == Gaps::as_written && !node.loose_children && !node.stem_children) break;
    }
    step(child_node, j, gap, search);
  }
}

// Tries every edge out of `node` that the text word at `at` can take.
void PhraseTrie::step(uint32_t node, size_t at, bool after_gap, Search& search) const {
  const Node& from = nodes_[node];
  const std::string& text = search.words[at];
  // Which edge kinds (loose bit) may be taken here.
  const bool take_tight = !after_gap || search.gaps == Gaps::any;
  const bool take_loose = !after_gap || search.gaps != Gaps::none;

  if (from.tight_children || from.loose_children) {
    const uint32_t word = word_id(text);
    if (word != kNone) {
      if (take_tight && from.tight_children) {
        const uint32_t c = child(node, word, tight);
        if (c != kNone) follow(c, at, search);
      }
      if (take_loose && from.loose_children) {
        const uint32_t c = child(node, word, loose);
        if (c != kNone) follow(c, at, search);
      }
    }
  }
  if (from.stem_children && !text.empty()) {
    if (shortest_stem_ >= 2) {
      if (text.size() < 2) return;
      const size_t bit = two_bytes(text);
      if (!(stem_starts_[bit / 64] >> (bit % 64) & 1)) return;
    }
    for (size_t len = shortest_stem_; len <= text.size(); ++len) {
      if (!(stem_lengths_ >> std::min<size_t>(len, 63) & 1)) continue;
      const uint32_t word = word_id(std::string_view(text).substr(0, len));
      if (word == kNone) continue;
      if (take_tight) {
        const uint32_t c = child(node, word, stem_tight);
        if (c != kNone) follow(c, at, search);
      }
      if (take_loose) {
        const uint32_t c = child(node, word, stem_loose);
        if (c != kNone) follow(c, at, search);
      }
    }
  }
}

PhraseTrie::Hit PhraseTrie::match(const std::vector<std::string>& words, size_t pos, size_t end,
                                  Gaps gaps) const {
  Search search{words, pos, std::min(end, words.size()), gaps, Hit{}, 0};
  if (pos < search.end) step(0, pos, false, search);
  return search.best;
}

}  // namespace annals
