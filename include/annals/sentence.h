// The one sentence model every parse source is turned into (Penn Treebank trees,
// CoNLL-U, the built-in parser). The coder sees nothing else.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace annals {

struct Token {
  std::string form;    // the word as written (PTB escapes such as -LRB- undone)
  std::string lemma;   // may be empty when the source gives none
  std::string upos;    // Universal POS; may be empty for Treebank input
  std::string xpos;    // Penn Treebank tag
  int head = -1;       // index of the head token, -1 for the root
  std::string deprel;  // UD relation ("root" for the root)
  uint32_t start = 0;  // byte offsets of the word in Sentence::text, [start, end)
  uint32_t end = 0;

  // A verb with tense of its own (Penn VBD, VBZ, VBP): the head of a clause.
  bool is_finite_verb() const { return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP"; }
};

// A constituent over tokens [first, last]. Treebank input keeps its own phrases;
// dependency input gets phrases projected from the tree (one per head with dependents).
struct Phrase {
  std::string label;   // NP, VP, PP, S, SBAR, ...
  int first = 0;
  int last = 0;
  int head = -1;       // head token index
  int parent = -1;     // index into Sentence::phrases, -1 for the top
};

// Whether the last word (closing quotes and brackets aside) is not a full stop, question or
// exclamation mark or ellipsis (alone or repeated, "?!"): a headline or title, whose grammar
// drops auxiliaries ("Five soldiers killed in attack", "US to send troops"). Running text
// ends in one.
bool lacks_final_punctuation(const std::vector<Token>& tokens);

struct Sentence {
  std::string id;                 // record id when the input names one
  std::string text;               // the sentence as given
  std::vector<Token> tokens;
  std::vector<Phrase> phrases;    // pre-order: a parent always precedes its children

  // Children of token i in the dependency tree, in token order.
  std::vector<int> dependents(int i) const;
};

}  // namespace annals
