// Actor codes of noun phrases, PETRARCH style, shared by both verb dialects.
//
// A phrase is coded from its words alone:
//  * the actor is the first word, left to right, that starts an actor phrase (the longest
//    phrase starting there wins; blank-joined dictionary words may have other words
//    between them, '_'-joined ones may not); its code is the one valid on the sentence
//    date (Actor::code_on). Only the first actor counts ("the evil Arnor awful Gondor"
//    is ARN);
//  * agents are then collected left to right over the words the actor did not use, each
//    match continuing after its last word; suffix agents ("~MIL") are appended to the
//    actor code, prefix agents ("NGO~") put in front: ISRAELI TROOPS -> ISR + MIL ->
//    ISRMIL. An agent already present at a 3-character step of the code stops the
//    composition (GOV in ARNGOV);
//  * an agent without an actor gives "---" + agent ("---GOV": some government).
// There is no coreference: pronouns ("its", "they") are words like any other and code
// nothing (PETRARCH-1 has no pronoun resolution either).
#pragma once

#include <string>
#include <vector>

#include "annals/date.h"
#include "annals/dictionaries.h"
#include "coding/raw_event.h"

namespace annals {

// Tokens a and b are pieces of one hyphenated word ("Barad-dur", segmented Barad - dur): written
// together, with a hyphen between. Such a piece belongs to its head's name, whatever relation
// the parser gave it.
bool one_hyphenated_word(const Sentence& sentence, int a, int b);

// The code named by words[begin, end): actor and agents composed as above; empty when
// the words name neither an actor nor an agent. An actor whose code on `date` is "---"
// still counts as found ("---", or "---GOV" with an agent).
std::string code_noun_phrase(const std::vector<std::string>& words, size_t begin, size_t end,
                             const Dictionaries& dictionaries, Date date);

// The actors named by tokens [first, last] of the sentence. A coordination inside the
// span (dependency relation "conj") gives one mention per conjunct, the words outside
// every conjunct being shared by all of them: "the ambassadors of Arnor, Osgiliath and
// Gondor" -> ARNGOV, OSGGOV, GONGOV; "Danish media and government" -> DNKMED, ---GOV.
// Conjuncts that name nothing are left out; the result is empty when nothing is named.
// Each mention's span is its conjunct (the whole span when there is no coordination).
std::vector<ActorMention> resolve_actor_phrase(const SentenceContext& context, int first,
                                               int last);

}  // namespace annals
