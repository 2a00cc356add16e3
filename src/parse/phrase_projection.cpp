#include "parse/phrase_projection.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace annals {

namespace {

std::string_view base_relation(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// Reused between sentences: projection runs once per parsed sentence.
struct Scratch {
  std::vector<int> child_start, children, order, stack, first, last, enclosing;
};

std::string_view phrase_label(const Sentence& sentence, const Scratch& tree, int t) {
  const auto& tokens = sentence.tokens;
  bool subject = false, case_marked = false;
  for (int c = tree.child_start[t]; c < tree.child_start[t + 1]; ++c) {
    const std::string_view rel = base_relation(tokens[tree.children[c]].deprel);
    subject |= rel == "nsubj" || rel == "csubj" || rel == "expl";
    case_marked |= rel == "case";
  }
  if (subject) return "S";
  std::string_view upos = tokens[t].upos;
  const std::string_view xpos = tokens[t].xpos;
  if (upos.empty() && !xpos.empty()) {  // no UPOS: go by the Penn tag
    upos = xpos[0] == 'N' ? "NOUN" : xpos[0] == 'V' || xpos == "MD" ? "VERB" : xpos[0] == 'J' ? "ADJ"
         : xpos[0] == 'R' ? "ADV" : xpos == "IN" ? "ADP" : xpos == "PRP" ? "PRON" : xpos == "CD" ? "NUM" : "X";
  }
  if (upos == "VERB" || upos == "AUX") return "VP";
  if (upos == "ADP") return "PP";
  if (upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM" || upos == "DET") {
    const std::string_view rel = base_relation(tokens[t].deprel);
    const bool oblique = rel == "obl" || (rel == "nmod" && tokens[t].deprel != "nmod:poss");
    return oblique && case_marked ? "PP" : "NP";
  }
  if (upos == "ADJ") return "ADJP";
  if (upos == "ADV") return "ADVP";
  if (upos == "SCONJ") return "SBAR";
  if (upos == "INTJ") return "INTJ";
  return "X";
}

}  // namespace

void project_phrases(Sentence& sentence) {
  thread_local Scratch tree;
  const auto& tokens = sentence.tokens;
  auto& phrases = sentence.phrases;
  phrases.clear();
  const int n = static_cast<int>(tokens.size());
  if (n == 0) return;
  // Children lists in token order, as one array indexed by child_start.
  tree.child_start.assign(n + 2, 0);
  int root = 0;
  for (int i = 0; i < n; ++i) {
    if (tokens[i].head < 0) root = i;
    else ++tree.child_start[tokens[i].head + 2];
  }
  for (int i = 2; i < n + 2; ++i) tree.child_start[i] += tree.child_start[i - 1];
  tree.children.resize(n);
  for (int i = 0; i < n; ++i)
    if (tokens[i].head >= 0) tree.children[tree.child_start[tokens[i].head + 1]++] = i;
  // Pre-order walk, children in token order.
  tree.order.clear();
  tree.stack.assign(1, root);
  while (!tree.stack.empty()) {
    const int t = tree.stack.back();
    tree.stack.pop_back();
    tree.order.push_back(t);
    for (int c = tree.child_start[t + 1] - 1; c >= tree.child_start[t]; --c) tree.stack.push_back(tree.children[c]);
  }
  tree.first.resize(n);
  tree.last.resize(n);
  for (int k = static_cast<int>(tree.order.size()) - 1; k >= 0; --k) {
    const int t = tree.order[k];
    tree.first[t] = tree.last[t] = t;
    for (int c = tree.child_start[t]; c < tree.child_start[t + 1]; ++c) {
      tree.first[t] = std::min(tree.first[t], tree.first[tree.children[c]]);
      tree.last[t] = std::max(tree.last[t], tree.last[tree.children[c]]);
    }
  }
  // The phrase each token belongs to, to find a new phrase's parent.
  tree.enclosing.assign(n, -1);
  phrases.reserve(n);
  for (const int t : tree.order) {
    const int parent = tokens[t].head >= 0 ? tree.enclosing[tokens[t].head] : -1;
    tree.enclosing[t] = parent;
    if (t != root && tree.child_start[t] == tree.child_start[t + 1]) continue;
    tree.enclosing[t] = static_cast<int>(phrases.size());
    Phrase& phrase = phrases.emplace_back();
    phrase.label = phrase_label(sentence, tree, t);
    phrase.first = tree.first[t];
    phrase.last = tree.last[t];
    phrase.head = t;
    phrase.parent = parent;
  }
}

}  // namespace annals
