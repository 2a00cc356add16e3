// PETRARCH-1/TABARI verb dictionaries: verb blocks with linear word patterns around the
// verb ("- SAID * TO ATTEND [082]"), synonym sets (&NAME) and multi-word verbs
// ("+BREAK_DOWN", "WIRE_+TAP").
//
// A block ("--- NAME [CODE] ---") opens with its primary verb; every later verb line of
// the block is a synonym that shares the block's patterns, coded on its own with its own
// [code] or else the block's. Patterns are kept in file order: the first one that
// matches wins. Regular forms (S, ED/D, ING) are generated for verbs without "{...}".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/diagnostics.h"
#include "dictionaries/verbs.h"

namespace annals {

// One word of a pattern side, stored in matching order (nearest to the verb first).
struct LinearPatternItem {
  enum class Kind : uint8_t {
    word,      // a literal word
    source,    // '$': the actor phrase here is the source
    target,    // '+': the actor phrase here is the target
    compound,  // '%': the compound actor phrase here is both source and target
    skip,      // '^': jump over one whole actor phrase
    synset,    // '&NAME': any member of the synset
  };
  Kind kind = Kind::word;
  // '_' between this item and its neighbour towards the verb: nothing may come between.
  bool tight = false;
  std::string word;  // Kind::word
  int synset = -1;   // Kind::synset: index into LinearVerbDictionary::synsets()
};

struct LinearPattern {
  std::vector<LinearPatternItem> upper;  // before the verb, nearest first
  std::vector<LinearPatternItem> lower;  // after the verb, nearest first
  std::string code;                      // opaque; "---" means "use the verb's own code"
  int line = 0;
};

// A synset member: one word or several consecutive words.
using LinearSynsetMember = std::vector<std::string>;

// How a text word can be a verb. Multi-word forms name the words that must stand right
// before and after the verb word (counting words only); simple forms have neither.
struct LinearVerbForm {
  int block = -1;                    // index of the pattern list (LinearVerbDictionary::block)
  std::string code;                  // the form's own code, else its block's ("---": none)
  std::vector<std::string> before;   // words right before the verb word, in text order
  std::vector<std::string> after;    // words right after it, in text order
  bool multiword() const { return !before.empty() || !after.empty(); }
};

class LinearVerbDictionary : public VerbDictionary {
 public:
  VerbDialect dialect() const override { return VerbDialect::linear; }
  size_t size() const override { return pattern_count_; }

  // Every way `word` is a verb: multi-word forms first (file order), then the simple
  // form; nullptr when the word is no verb.
  const std::vector<LinearVerbForm>* forms(std::string_view word) const;
  const std::vector<LinearPattern>& block(int index) const { return blocks_[index]; }
  const std::vector<LinearSynsetMember>& synset(int index) const { return synsets_[index]; }
  size_t verb_count() const { return forms_.size(); }

  // Reads the dictionary text; `file` names it in diagnostics.
  void load(const std::string& file, const std::string& contents, Diagnostics& diagnostics);

 private:
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  class Reader;

  std::vector<std::vector<LinearPattern>> blocks_;
  std::unordered_map<std::string, int, WordHash, std::equal_to<>> block_of_primary_;
  std::vector<std::vector<LinearSynsetMember>> synsets_;
  std::unordered_map<std::string, int, WordHash, std::equal_to<>> synset_index_;
  std::unordered_map<std::string, std::vector<LinearVerbForm>, WordHash, std::equal_to<>> forms_;
  size_t pattern_count_ = 0;
};

std::unique_ptr<VerbDictionary> load_linear_verbs(const std::string& file,
                                                  const std::string& contents,
                                                  Diagnostics& diagnostics);

}  // namespace annals
