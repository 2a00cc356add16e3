// PETRARCH-2 (UniversalPetrarch) coding over dependency trees with CAMEO.2.0 patterns:
// verbs are found by lemma, their subjects/objects/obliques give source and target, the
// block patterns refine the code, and complement clauses are combined with the verbs
// that govern them (verb transformations, PICO code arithmetic).
#pragma once

#include <vector>

#include "coding/raw_event.h"
#include "dictionaries/verbs_cameo2.h"

namespace annals {

// Every candidate event of the sentence; sides without an actor have empty codes.
std::vector<RawEvent> match_cameo2(const SentenceContext& context,
                                   const Cameo2VerbDictionary& verbs);

}  // namespace annals
