// Lemmatizer learned from a treebank: suffix rewrite rules per UPOS ("-ies" → "-y" for
// NOUN), chosen by the longest known suffix, plus the words the rules get wrong.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"
#include "parse/hash_index.h"
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

  std::vector<Rule> rules_;
  HashIndex suffix_rules_;                   // hash(upos, suffix) → rules_ index
  HashIndex exceptions_;                     // hash(upos, form) → exception_lemmas_ index
  std::vector<std::string> exception_lemmas_;
};

}  // namespace annals::parsing
