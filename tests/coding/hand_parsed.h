// Sentences parsed by hand for the coder's unit tests: each token's form, lemma (optional:
// input without lemmas is a case of its own), UPOS, head (0-based, -1 for the root) and
// relation. Token offsets follow from the forms, joined by single spaces.
#pragma once

#include <initializer_list>
#include <string>

#include "annals/sentence.h"

namespace annals::hand_parsed {

struct HandToken {
  HandToken(const char* form, const char* upos, int head, const char* deprel)
      : HandToken(form, "", upos, head, deprel) {}
  HandToken(const char* form, const char* lemma, const char* upos, int head, const char* deprel)
      : form(form), lemma(lemma), upos(upos), head(head), deprel(deprel) {}
  const char *form, *lemma, *upos;
  int head;
  const char* deprel;
};

inline Sentence make_sentence(std::initializer_list<HandToken> tokens) {
  Sentence s;
  for (const HandToken& t : tokens) {
    Token token;
    token.form = t.form;
    token.lemma = t.lemma;
    token.upos = t.upos;
    token.head = t.head;
    token.deprel = t.deprel;
    token.start = static_cast<uint32_t>(s.text.size());
    s.text += std::string(t.form) + " ";
    token.end = token.start + static_cast<uint32_t>(std::string(t.form).size());
    s.tokens.push_back(token);
  }
  return s;
}

}  // namespace annals::hand_parsed
