// Lemmatizer learned from a treebank: suffix rewrite rules per UPOS ("-ies" → "-y" for
// NOUN), chosen by the longest known suffix, plus the words the rules get wrong.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"
#include "parse/model_file.h"

namespace annals::parsing {

class Lemmatizer {
 public:
  std::string lemma(std::string_view form, std::string_view upos) const;

  size_t exception_count() const { return exceptions_.size(); }
  size_t rule_count() const { return suffix_rules_.size(); }

  void write(ModelWriter& out) const;
  static Lemmatizer read(ModelReader& in);

  static Lemmatizer train(const std::vector<Sentence>& sentences);

 private:
  struct Rule {
    uint8_t strip;         // bytes removed from the end of the form
    std::string append;    // then appended
  };
  std::string apply_rules(std::string_view form, std::string_view upos) const;

  // Hash keys to indexes, in an open-addressing table built once: a lookup reads one or two
  // cache lines, where std::unordered_map chases a pointer per node. This runs for every word.
  class HashIndex {
   public:
    using Entry = std::pair<uint64_t, uint32_t>;
    HashIndex() = default;
    explicit HashIndex(std::vector<Entry> entries);  // the first of equal keys wins
    const uint32_t* find(uint64_t key) const;
    size_t size() const { return size_; }
    std::vector<Entry> sorted_entries() const;  // by key, as the model file stores them

   private:
    static constexpr uint32_t kEmpty = UINT32_MAX;
    std::vector<Entry> slots_;  // value kEmpty: free
    size_t size_ = 0;
    uint64_t mask_ = 0;
  };

  std::vector<Rule> rules_;
  HashIndex suffix_rules_;                   // hash(upos, suffix) → rules_ index
  HashIndex exceptions_;                     // hash(upos, form) → exception_lemmas_ index
  std::vector<std::string> exception_lemmas_;
};

}  // namespace annals::parsing
