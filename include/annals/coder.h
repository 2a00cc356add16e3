// The event coder. A Coder holds shared, read-only dictionaries; code() keeps all of
// its working state on the stack, so one Coder may be used from many threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/date.h"
#include "annals/dictionaries.h"
#include "annals/event.h"
#include "annals/ontology.h"
#include "annals/sentence.h"
#include "annals/story.h"

namespace annals {

struct CoderOptions {
  // Drop events without both a source and a target. Unset: the dialect's own rule,
  // true for PETRARCH-1/TABARI dictionaries, false for CAMEO.2.0 (UniversalPetrarch
  // keeps one-sided events and drops only those with neither actor).
  std::optional<bool> require_dyad;
  // Comma-delimited clauses of this many words are set aside (PETRARCH's comma_* options);
  // a max of 0 disables that kind.
  int comma_min = 2, comma_max = 8;
  int comma_bmin = 0, comma_bmax = 0;
  int comma_emin = 2, comma_emax = 8;
  // PETRARCH-1: an actor phrase the dictionaries do not know is reported as its quoted
  // words ("\"THE MINISTRY OF MAGIC\"") when it has fewer than this many blanks; 0: never.
  int new_actor_length = 0;
};

struct SentenceCoding {
  std::vector<Event> events;
  // Why the sentence was not coded: "sentencediscard", "storydiscard" (the whole story
  // must be dropped) or "dateline"; empty when it was coded.
  std::string skipped;
};

struct Referent;  // coding/raw_event.h

class Coder {
 public:
  Coder(std::shared_ptr<const Dictionaries> dictionaries, CoderOptions options = {},
        const Ontology& ontology = Ontology::builtin());

  // Events of one sentence; story_id and sentence index are left for the caller.
  SentenceCoding code(const Sentence& sentence, Date date) const;
  // Events of every parsed sentence of a story, in order.
  std::vector<Event> code(const Story& story) const;

  const CoderOptions& options() const { return options_; }

 private:
  // A sentence of a story, its references back to the story's actors resolved.
  SentenceCoding code(const Sentence& sentence, Date date, const std::vector<Referent>* referents) const;
  // The reporting chain of the claim made by token `predicate`, its sources coded (a
  // source that names no actor by the actor a referent stands for: "the agency said").
  std::vector<AttributionLink> attribution(const Sentence& sentence, const std::vector<std::string>& words,
                                           int predicate, Date date, const std::vector<Referent>* referents) const;

  std::shared_ptr<const Dictionaries> dictionaries_;
  CoderOptions options_;
  const Ontology& ontology_;
};

// For raw text, before parsing: marks the capitalized words of actor names the
// dictionaries know as proper nouns (UPOS PROPN, Penn NNP), which the parser then keeps,
// so that "Pyongyang" is not guessed to be a gerund, and the lower-case plurals of agents
// as plural nouns (NNS: "jihadists" is no verb). Tokens already tagged are left alone,
// and so is a demonym-like word followed by a lower-case one ("Kenyan police").
void mark_dictionary_words(Sentence& tokenized, const Dictionaries& dictionaries);

}  // namespace annals
