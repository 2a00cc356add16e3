// What a dialect's matcher hands to the coder: codes and token spans only. The coder
// turns them into Events (texts, offsets, ontology, require_dyad, de-duplication).
#pragma once

#include <string>
#include <vector>

#include "annals/coder.h"
#include "annals/date.h"
#include "annals/dictionaries.h"
#include "annals/sentence.h"

namespace annals {

struct ActorMention {
  std::string code;          // empty: no actor
  int first = -1, last = -1; // token span the code was read from (inclusive)
  bool empty() const { return code.empty(); }
};

struct RawEvent {
  ActorMention source;
  ActorMention target;
  std::string code;               // CAMEO event code as the dictionary gives it
  int verb_first = -1, verb_last = -1;  // token span of the verb (phrase)
};

struct Actor;

// Words that refer back to actors the story named before ("he", "their", "the two"),
// resolved by the coder from the story. A phrase that names no actor of its own is read
// as the actors its referent stands for, coded on the sentence's date.
struct Referent {
  int first = -1, last = -1;         // its tokens
  std::vector<const Actor*> actors;  // one, or two for "they" and "the two"
};

// Everything a matcher needs about one sentence; built once per sentence by the coder.
struct SentenceContext {
  const Sentence& sentence;
  const std::vector<std::string>& words;   // dictionary_word() of each token
  Date date;
  const Dictionaries& dictionaries;
  const CoderOptions& options;
  const std::vector<Referent>* referents = nullptr;  // none outside a story
};

}  // namespace annals
