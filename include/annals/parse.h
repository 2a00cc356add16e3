// Turning given parses into the sentence model.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"

namespace annals {

// A parse that cannot be read; line is 1-based within the parse text (0 if unknown).
class ParseError : public std::runtime_error {
 public:
  ParseError(int line, const std::string& message) : std::runtime_error(message), line(line) {}
  int line;
};

// A Penn Treebank bracketed tree ("(ROOT (S (NP ...)))"). Heads come from head rules,
// dependency labels from the phrase configuration. Token offsets point into `text`
// when it is given (tokens are aligned to it), else into a text rebuilt from the tokens.
Sentence from_treebank(std::string_view tree, std::string_view text = {});

// One or more CoNLL-U sentences. Phrases are projected from the dependency tree.
// Offsets point into `text` when given (single sentence), else into the rebuilt text.
std::vector<Sentence> from_conllu(std::string_view conllu, std::string_view text = {});

// True when the text of a <Parse> element looks like CoNLL-U rather than a bracketed tree.
bool looks_like_conllu(std::string_view parse);

}  // namespace annals
