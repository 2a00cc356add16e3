// The Penn Treebank tree as read, before it becomes a Sentence: nodes in pre-order
// (a parent before its children), preterminals pointing at their token.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "annals/sentence.h"

namespace annals::ptb {

// Part-of-speech tags and phrase labels the head rules and relations look at.
enum class Tag : uint8_t {
  Other,
  CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRPS,
  RB, RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ,
  AUX,  // AUX, AUXZ, AUXP, AUXG... (some CoreNLP-era trees mark auxiliaries so)
  WDT, WP, WPS, WRB, Dollar, Hash, Comma, Period, Colon, OpenQuote, CloseQuote,
  OpenBracket, CloseBracket, HYPH, NFP, ADD, NONE,
  ADJP, ADVP, CONJP, FRAG, INTJ, LST, NAC, NML, NP, NX, PP, PRN, PRT, QP, RRC, S, SBAR,
  SBARQ, SINV, SQ, UCP, VP, WHADJP, WHADVP, WHNP, WHPP, X, ROOT,
};

Tag tag_of(std::string_view label);

struct Node {
  Tag tag = Tag::Other;
  std::string_view function;  // first function tag ("SBJ" of NP-SBJ-1), empty when none
  int parent = -1;
  int first_child = -1;
  int last_child = -1;
  int next_sibling = -1;
  int token = -1;   // preterminals: the token; phrases: -1
  int phrase = -1;  // phrases: index into Sentence::phrases
  int head_token = -1;
};

// Fills Token::head, deprel and upos and Phrase::head from head rules over the tree.
// nodes[0] is the top of the tree.
void assign_dependencies(std::vector<Node>& nodes, Sentence& sentence);

}  // namespace annals::ptb
