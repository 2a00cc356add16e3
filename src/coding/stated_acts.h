// CAMEO codes of acts that a sentence announces, refuses or requires rather than reports
// done. The CAMEO codebook codes a statement of what an actor will do as an intent (03x) or a
// threat (13x), a statement that it will not do it as a rejection (12x), and a statement that
// another actor must do it as a demand (10x); these functions map the act's own code to them
// and tell which statement a sentence makes of an act.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "annals/event.h"
#include "annals/modality.h"
#include "annals/sentence.h"

namespace annals {

// The intent or threat of doing act `code` ("will release" 084 -> 0353, "will attack" 190 ->
// 138); empty when CAMEO has none (statements, demands, military posture, investigations).
std::string_view intent_code(std::string_view code);

// The refusal of cooperative act `code` ("will not lift the embargo" 085 -> 1244, "will not
// meet" 040 -> 125); empty for acts of conflict, whose refusal CAMEO does not code.
std::string_view refusal_code(std::string_view code);

// The demand that another actor do act `code` ("must release" 084 -> 1053); 100 for an act
// with no demand of its own; empty for no code.
std::string_view demand_code(std::string_view code);

struct StatedAct {
  std::string_view code;   // the statement's code; empty: the act keeps its own
  bool demand = false;     // a demand: made by the speaker of the act's report, of the act's actor
  Modality modality = Modality::asserted;  // the statement's modality
};

// What the sentence states of the act with code `code` and predicate `predicate`, whose
// modality is `reading`; `words` are the tokens' dictionary words.
//  - future, announced by its actor ("will release", "said it would attack", "vowed to", "is
//    ready to"): an intent or threat, still future. Not an act only decided or scheduled
//    ("decided to ease", "is expected to visit"): that keeps its own code.
//  - negated by "will not" or a refusal ("refused to release"): a rejection, asserted; a past
//    act that did not happen ("did not attend") keeps its code.
//  - "must", in a clause a source reports ("Russia said Sudan must return the helicopter"):
//    the source's demand, asserted, when the caller finds the source (`demand`).
//  - conditional on "if"/"unless", with will/would/may, in the main clause or a reported one
//    ("will withdraw unless", "may halt mediation if"): a conditional promise or threat,
//    asserted. Not speculation under a belief ("experts believe Russia will attack if ...").
StatedAct stated_act(const Sentence& sentence, const std::vector<std::string>& words, int predicate,
                     const ModalityReading& reading, std::string_view code);

// "The Houthis claimed they had attacked the airport": an actor's claim of its own act is a
// claim of responsibility (or credit), whatever the act. `chain` is the act's reporting
// chain, `source` the act's actor. The claimant is that actor when the codes agree or when
// both were read from the same words (the chain's reader may code them more or less
// narrowly: "Houthi rebels of Yemen" YEMREBHTI for YEMREB).
constexpr std::string_view kClaimOfResponsibility = "015";
bool claims_own_act(const std::vector<AttributionLink>& chain, const EventActor& source);

}  // namespace annals
