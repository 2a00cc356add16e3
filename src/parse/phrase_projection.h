// Constituents from a dependency tree, for every dependency source (CoNLL-U input and the
// built-in parser) alike: one phrase per head with dependents, labelled from its POS and
// relations, so the coder sees the same kind of phrases a Treebank parse would give.
#pragma once

#include "annals/sentence.h"

namespace annals {

// Replaces sentence.phrases with phrases projected from tokens' head/deprel/upos/xpos.
// The tree must be valid (one root, no cycles); an empty sentence gets no phrases.
void project_phrases(Sentence& sentence);

}  // namespace annals
