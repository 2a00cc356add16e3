// The PETRARCH-1/TABARI verb-pattern coder over the sentence's phrase structure.
//
// The constituency tree is flattened the way PETRARCH-1 reads a Treebank parse: noun
// phrases become actor phrases (possessives and "X of Y" merged, relative clauses folded
// into them), coordinated noun phrases become compounds, and comma-delimited clauses of
// the configured lengths are set aside. Each verb that opens a VP is then looked up; its
// patterns (file order, first match wins) are matched against the words before the verb
// (nearest first, up to a clause comma) and the words of its VP, and the source and target
// come from the pattern's $ + % slots or PETRARCH-1's default search.
//
// Treebank input is used as parsed. Phrases projected from a dependency parse (CoNLL-U)
// are first rebuilt into Treebank-like phrases (clauses "(S subject (VP verb ...))" with
// one VP per auxiliary, NPs with their PPs, coordinations), so the same rules apply.
#pragma once

#include <vector>

#include "coding/raw_event.h"
#include "dictionaries/verbs_linear.h"

namespace annals {

// Every event the verbs of the sentence yield, in sentence order. Actors the dictionaries
// do not know are "---" (an actor phrase with no code); require_dyad and de-duplication
// are the caller's. Paired codes ("032:033") are already split into their two events,
// compound actors expanded, passive verbs' roles swapped and self-references dropped.
std::vector<RawEvent> match_linear(const SentenceContext& context,
                                   const LinearVerbDictionary& verbs);

// PETRARCH-1 refuses sentences that open with a dateline ("CEBU CITY, Philippines --"
// parsed as a compound noun phrase at the top): the coder should report them as
// skipped ("dateline") instead of coding them.
bool is_linear_dateline(const SentenceContext& context);

}  // namespace annals
