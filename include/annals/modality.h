// Whether a coded event happened, and who says so, read off the dependency parse.
//
// Political scientists need events that the text negates, hypothesises or merely announces
// flagged rather than asserted, and the chain of sources each claim passes through. Both
// readings take a parsed sentence and the token index of the event's predicate: a verb, or
// an event noun such as "talks", "sanctions" or "diplomacy".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annals/sentence.h"

namespace annals {

enum class Modality {
  asserted,      // the text states the event as fact
  negated,       // "did not meet", "refused to negotiate", "no talks"
  hypothetical,  // possible, conditional, believed, hoped, urged, threatened: "could attack",
                 // "if Russia attacks", "the likelihood of diplomacy", "experts do not believe talks will resume"
  future,        // announced, scheduled or intended: "will resume", "plans to visit", "vowed to implement",
                 // "agreed to lift", "is expected to focus", "is going to send"
};

// "asserted", "negated", "hypothetical", "future".
std::string_view to_string(Modality modality);

struct ModalityReading {
  Modality modality = Modality::asserted;
  int cue = -1;  // token index of the word that decided it ("not", "could", "vowed"); -1 when asserted
};

// The modality of the event whose predicate is token `predicate`. Cues are read on the predicate
// and on the path up through its governors. A reporting verb ends the path: its own modality does
// not carry over to the reported claim, except that a negated report ("did not say that") negates
// it. Negation of the predicate itself beats every other cue; otherwise hypothetical beats negated
// (by a governor such as "refused to") beats future. An out-of-range predicate reads as asserted.
//
// Decisions worth knowing:
//  - "X is expected/set/due/scheduled to act" is future (announced); active "experts expect X to
//    act", like believe/think/hope/fear, is hypothetical.
//  - "would" is hypothetical, except in reported speech ("Kim said he would visit"): future.
//  - Governors that are CAMEO events themselves stay asserted; their complement takes their class:
//    "threatened to attack" (attack hypothetical), "agreed to lift" (lift future), "refused to
//    negotiate" (negotiate negated), "urged Israel to halt" (halt hypothetical).
//  - A negated governor of intent or belief leaves its complement hypothetical, not negated: "do not
//    believe that talks will resume", "has no plans to invade".
//  - Event nouns take the reading of the verb they are subject or object of ("talks will resume",
//    "did not attend the talks"), of a framing noun ("the likelihood of diplomacy", "a challenge to
//    the revival of efforts": hypothetical; "plans to visit": future; "refusal to": negated) and of
//    their modifiers ("no talks", "possible sanctions", "planned talks"). Adjuncts ("after the
//    election") keep their own reality.
//  - A finite past adverbial clause ("after Seoul attacked") is outside the intentions and beliefs
//    above it; other adverbial clauses are inside them but outside their governor's own negation.
ModalityReading modality_of(const Sentence& sentence, int predicate);

struct AttributionSource {
  int first_token = -1;  // the source's words, e.g. "the Associated Press"; -1 when the text names
  int last_token = -1;   // no source ("it was reported that ...", "Kim is said to have ...")
  // How the source stands to the claim: "said", "reported", "told", "added", "noted", "announced",
  // ... (the reporting verb's past form), "quoted_by" (the outlet that quotes the speaker),
  // "citing" (a source the preceding entry credits), "according_to".
  std::string relation;
  int cue = -1;          // the reporting word: "reported", "quoted", "citing", "according"
};

// The ordered reporting chain of the predicate's claim, innermost speaker first:
//   "Kim was quoted as saying by KCNA" -> [Kim said, KCNA quoted_by];
//   "..., the Associated Press reported, quoted by BTA, citing local media"
//     -> [the Associated Press reported, BTA quoted_by, local media citing].
// Reporting verbs the predicate is a complement of come first, nearest first, each followed by the
// links it carries ("Reuters, citing two sources, reported that ..." -> [Reuters reported, two
// sources citing]); then the frames set off from the claim (", officials said", ", quoted by X",
// ", citing X", ", according to X") in text order. A "citing" entry names whom the entry before it
// credits. "citing X" counts only when X is a proper name or a source noun (media, officials,
// agency, ...): "citing security concerns" is a reason, not a source. Empty when the sentence
// makes the claim in its own voice.
std::vector<AttributionSource> attribution_of(const Sentence& sentence, int predicate);

// The source's words as written ("the Associated Press"); empty when the source is not named.
std::string_view source_text(const Sentence& sentence, const AttributionSource& source);

// True when the predicate is itself a reporting verb (say, report, quote, cite, tell, add, note,
// announce, state, claim, ...) in its reporting use: it carries a clausal complement, stands in a
// frame set off from the claim (", the agency reported"), or is the "quoted by" / "citing" of a
// news chain. Such verbs are not coded as events between news agencies. "announced sanctions"
// (a noun object) is not a reporting use.
bool is_reporting(const Sentence& sentence, int predicate);

}  // namespace annals
