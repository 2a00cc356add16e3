// PETRARCH-1's coding steps, in its order: flatten the tree into a list of open tags,
// words and close tags (noun phrases turned into actor phrases "NE" and compounds
// "NEC"), set comma clauses aside, code every actor phrase, then try the verbs.
#include "coding/linear_matcher.h"

#include <algorithm>
#include <string_view>

#include "coding/actor_phrase.h"
#include "dictionaries/actors.h"

namespace annals {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kNE = "NE";
constexpr std::string_view kNEC = "NEC";
constexpr std::string_view kNP = "NP";
constexpr std::string_view kVP = "VP";
constexpr std::string_view kSBR = "SBR";
constexpr std::string_view kComma = ",";
constexpr std::string_view kTemporalNP = "NP-TMP";
constexpr std::string_view kCoordinatingPhrase = "CCP";

// One element of the flattened sentence.
struct Item {
  enum class Kind : uint8_t { open, close, word };
  Kind kind = Kind::word;
  std::string_view label;  // tag of open/close items
  int index = -1;          // words: the token; NE: its id; VP/NP/NEC: their number
  bool is_open(std::string_view l) const { return kind == Kind::open && label == l; }
  bool is_close(std::string_view l) const { return kind == Kind::close && label == l; }
  bool closes(const Item& open) const {
    return kind == Kind::close && label == open.label && index == open.index;
  }
};

// The upper and lower sequences keep words and actor-phrase markers only.
struct SeqItem {
  enum class Kind : uint8_t { word, ne_open, ne_close, nec_open, nec_close };
  Kind kind;
  int ref;  // word: token; ne_open: NE id
  bool ne_marker() const { return kind != Kind::word; }
};

// Where a pattern or the default search put an actor: an index into one sequence.
struct Locus {
  int at = -1;
  bool upper = true;
  bool set() const { return at >= 0; }
};

struct CodedActor {
  std::string code;
  int ne = -1;
};

// Thrown-away work: the sentence cannot be coded (PETRARCH-1 skips the record).
struct SentenceError {};

class Matcher {
 public:
  // One matcher per thread keeps its buffers from sentence to sentence.
  static Matcher& for_thread(const SentenceContext& context, const LinearVerbDictionary* verbs) {
    thread_local Matcher matcher;
    matcher.context_ = &context;
    matcher.sentence_ = &context.sentence;
    matcher.verbs_ = verbs;
    matcher.events_.clear();
    return matcher;
  }

  std::vector<RawEvent> run() {
    if (sentence_->tokens.empty() || sentence_->phrases.empty()) return {};
    build_tree();
    mark_compounds();
    flatten();
    if (dateline()) return {};
    try {
      set_commas_aside();
      code_actor_phrases();
      check_verbs();
    } catch (const SentenceError&) {
      return {};
    }
    return std::move(events_);
  }

  bool dateline_only() {
    if (sentence_->tokens.empty() || sentence_->phrases.empty()) return false;
    build_tree();
    mark_compounds();
    flatten();
    return dateline();
  }

 private:
  // ---------------------------------------------------------------- the tree
  //
  // The coder works on a constituency view: nodes in pre-order with their children
  // (nodes, and tokens encoded as -(t + 1)). A Treebank parse gives it directly; phrases
  // projected from a dependency tree (CoNLL-U) are first rebuilt into Treebank-like
  // phrases (see build_from_dependencies).

  void build_tree() {
    const int tokens = static_cast<int>(sentence_->tokens.size());
    tags_.assign(tokens, {});
    for (int t = 0; t < tokens; ++t) tags_[t] = penn_tag(sentence_->tokens[t]);
    owner_.assign(tokens, -1);
    node_count_ = 0;
    labels_.clear();
    node_first_.clear();
    node_last_.clear();
    node_parent_.clear();
    subtree_end_.clear();
    if (projected())
      build_from_dependencies();
    else
      build_from_phrases();
    reduced_.assign(node_count_, 0);
  }

  // The Penn tag, or one read off the universal tag when the parse gives none: the
  // PETRARCH-1 rules look at VB*, NN*, JJ, IN, CC, POS and commas.
  static std::string_view penn_tag(const Token& token) {
    if (!token.xpos.empty() && token.xpos != "_") return token.xpos;
    const std::string& u = token.upos;
    if (u == "VERB" || u == "AUX") return "VB";
    if (u == "NOUN") return "NN";
    if (u == "PROPN") return "NNP";
    if (u == "PRON") return "PRP";
    if (u == "ADJ") return "JJ";
    if (u == "ADP" || u == "SCONJ") return "IN";
    if (u == "CCONJ") return "CC";
    if (u == "NUM") return "CD";
    if (u == "DET") return "DT";
    if (u == "ADV") return "RB";
    if (u == "PART") return token.form == "'s" || token.form == "'" ? "POS" : "RP";
    if (u == "PUNCT") return token.form == "," ? "," : ".";
    return "X";
  }

  int add_node(std::string_view label, int parent) {
    if (kids_.size() <= static_cast<size_t>(node_count_)) kids_.resize(node_count_ + 1);
    kids_[node_count_].clear();
    labels_.push_back(label);
    node_first_.push_back(-1);
    node_last_.push_back(-1);
    node_parent_.push_back(parent);
    subtree_end_.push_back(node_count_ + 1);
    return node_count_++;
  }

  // Phrases projected from dependencies have one head each; a Treebank tree repeats
  // heads (a clause and its VP, unary chains).
  bool projected() {
    seen_heads_.assign(sentence_->tokens.size(), 0);
    for (const Phrase& phrase : sentence_->phrases) {
      if (phrase.head < 0 || phrase.head >= static_cast<int>(seen_heads_.size()) || seen_heads_[phrase.head])
        return false;
      seen_heads_[phrase.head] = 1;
    }
    return true;
  }

  static bool temporal(const Token& token) {
    const std::string& rel = token.deprel;
    return rel.size() >= 4 && rel.compare(rel.size() - 4, 4, "tmod") == 0;
  }

  void build_from_phrases() {
    const int phrases = static_cast<int>(sentence_->phrases.size());
    const int tokens = static_cast<int>(sentence_->tokens.size());
    if (phrase_kids_.size() < static_cast<size_t>(phrases)) phrase_kids_.resize(phrases);
    for (int p = 0; p < phrases; ++p) {
      const Phrase& phrase = sentence_->phrases[p];
      phrase_kids_[p].clear();
      add_node(phrase.label, phrase.parent >= 0 && phrase.parent < p ? phrase.parent : -1);
      node_first_[p] = phrase.first;
      node_last_[p] = phrase.last;
      if (node_parent_[p] >= 0) phrase_kids_[node_parent_[p]].push_back(p);
      for (int t = std::max(phrase.first, 0); t <= phrase.last && t < tokens; ++t) owner_[t] = p;
      // Temporal noun phrases (Treebank NP-TMP) are never actors.
      if (phrase.label == kNP && phrase.head >= 0 && phrase.head < tokens &&
          temporal(sentence_->tokens[phrase.head]))
        labels_[p] = kTemporalNP;
    }
    for (int p = phrases - 1; p > 0; --p) {
      const int parent = node_parent_[p];
      if (parent >= 0) subtree_end_[parent] = std::max(subtree_end_[parent], subtree_end_[p]);
    }
    // Children in order: the child phrases, and the tokens no child phrase covers.
    for (int p = 0; p < phrases; ++p) {
      const auto& phrase_kids = phrase_kids_[p];
      size_t k = 0;
      for (int t = std::max(node_first_[p], 0); t <= node_last_[p] && t < tokens;) {
        while (k < phrase_kids.size() && node_last_[phrase_kids[k]] < node_first_[phrase_kids[k]]) ++k;
        if (k < phrase_kids.size() && node_first_[phrase_kids[k]] == t) {
          kids_[p].push_back(phrase_kids[k]);
          t = node_last_[phrase_kids[k]] + 1;
          ++k;
        } else {
          if (owner_[t] == p) kids_[p].push_back(-(t + 1));
          ++t;
        }
      }
    }
  }

  // ---------------------------------------------------------------- dependency input
  //
  // Treebank-like phrases from a dependency tree, shaped the way PETRARCH-1 expects
  // them: every nominal is an NP (post-modifiers make it "(NP (NP head) (PP ...))"),
  // prepositional dependents are PPs, a clause is "(S subject (VP verb ...))" with one VP
  // per auxiliary so that a VP starts with its verb, relative clauses are SBARs and
  // coordinations put the conjunction between the conjuncts.

  std::string_view relation(int t) const {
    const std::string_view rel = sentence_->tokens[t].deprel;
    return rel.substr(0, rel.find(':'));
  }
  bool nominal(int t) const {
    const std::string& upos = sentence_->tokens[t].upos;
    if (!upos.empty()) return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM";
    return starts_with(tags_[t], "N") || starts_with(tags_[t], "PRP") || tags_[t] == "CD";
  }
  bool verbal(int t) const {
    const std::string& upos = sentence_->tokens[t].upos;
    if (!upos.empty()) return upos == "VERB" || upos == "AUX";
    return starts_with(tags_[t], "VB") || tags_[t] == "MD";
  }
  bool is_subject(int t) const {
    const std::string_view rel = relation(t);
    return rel == "nsubj" || rel == "csubj" || rel == "expl";
  }
  bool is_auxiliary(int t) const {
    const std::string_view rel = relation(t);
    return rel == "aux" || rel == "cop" || (rel == "mark" && tags_[t] == "TO");
  }
  std::pair<const int*, const int*> dependents(int t) const {
    return {dep_list_.data() + dep_start_[t], dep_list_.data() + dep_start_[t + 1]};
  }
  bool has_dependent(int t, std::string_view rel) const {
    const auto [begin, end] = dependents(t);
    return std::any_of(begin, end, [&](int d) { return relation(d) == rel; });
  }
  bool clause_head(int t) const {
    if (relation(t) == "amod" || relation(t) == "compound") return false;
    if (verbal(t)) return true;
    const auto [begin, end] = dependents(t);
    return std::any_of(begin, end, [&](int d) { return is_subject(d) || relation(d) == "cop"; });
  }

  int temp_node(std::string_view label) {
    if (temp_.size() <= static_cast<size_t>(temp_count_)) temp_.emplace_back();
    temp_[temp_count_].label = label;
    temp_[temp_count_].kids.clear();
    return temp_count_++;
  }
  static int leaf(int t) { return -(t + 1); }
  // Builds the child before touching the node: building may grow temp_.
  void add_kid(int node, int child) { temp_[node].kids.push_back(child); }

  void build_from_dependencies() {
    const auto& tokens = sentence_->tokens;
    const int n = static_cast<int>(tokens.size());
    dep_start_.assign(n + 2, 0);
    for (int t = 0; t < n; ++t)
      if (tokens[t].head >= 0 && tokens[t].head < n) ++dep_start_[tokens[t].head + 2];
    for (int i = 2; i < n + 2; ++i) dep_start_[i] += dep_start_[i - 1];
    dep_list_.resize(n);
    for (int t = 0; t < n; ++t)
      if (tokens[t].head >= 0 && tokens[t].head < n) dep_list_[dep_start_[tokens[t].head + 1]++] = t;
    temp_count_ = 0;
    lifted_.assign(n, 0);
    const int root = temp_node("ROOT");
    for (int t = 0; t < n; ++t) {
      if (tokens[t].head >= 0 && tokens[t].head < n) continue;
      const int top = dependent_phrase(t);
      add_kid(root, top);
    }
    linearize(root, -1);
  }

  // Copies the temporary tree into the node arrays in pre-order.
  int linearize(int temp, int parent) {
    const int node = add_node(temp_[temp].label, parent);
    attach_kids(temp, node);
    subtree_end_[node] = node_count_;
    return node;
  }
  // A splice (a temporary node without a label) gives its children to its parent.
  void attach_kids(int temp, int node) {
    for (size_t k = 0; k < temp_[temp].kids.size(); ++k) {
      const int kid = temp_[temp].kids[k];
      if (kid >= 0 && temp_[kid].label.empty()) {
        attach_kids(kid, node);
        continue;
      }
      int child = kid, first, last;
      if (kid < 0) {
        first = last = -kid - 1;
        owner_[first] = node;
      } else {
        child = linearize(kid, node);
        first = node_first_[child];
        last = node_last_[child];
      }
      kids_[node].push_back(child);
      if (first >= 0 && (node_first_[node] < 0 || first < node_first_[node])) node_first_[node] = first;
      node_last_[node] = std::max(node_last_[node], last);
    }
  }

  // A dependent as a phrase: a case-marked nominal is a PP. A Treebank phrase never
  // starts with a comma: the punctuation opening a nominal's subtree goes before it.
  int dependent_phrase(int d) {
    if (nominal(d) && !clause_head(d)) {
      const auto [begin, end] = dependents(d);
      int splice = -1;
      for (const int* c = begin; c != end && *c < d && relation(*c) == "punct"; ++c) {
        if (splice < 0) splice = temp_node("");
        lifted_[*c] = 1;
        add_kid(splice, leaf(*c));
      }
      if (splice >= 0) {
        const int phrase = nominal_phrase(d);
        add_kid(splice, phrase);
        return splice;
      }
      return nominal_phrase(d);
    }
    return phrase_of(d, false);
  }

  int nominal_phrase(int d) {
    if (has_case_before(d)) {
      const int pp = temp_node("PP");
      const auto [begin, end] = dependents(d);
      for (const int* c = begin; c != end; ++c)
        if (*c < d && relation(*c) == "case") add_kid(pp, leaf(*c));
      add_kid(pp, phrase_of(d, true));
      return pp;
    }
    return phrase_of(d, false);
  }

  bool has_case_before(int d) const {
    const auto [begin, end] = dependents(d);
    return std::any_of(begin, end, [&](int c) { return c < d && relation(c) == "case"; });
  }

  // The phrase of t and its dependents, coordination included.
  int phrase_of(int t, bool without_case) {
    const int core = core_phrase(t, without_case);
    const auto [begin, end] = dependents(t);
    bool coordinated = false;
    for (const int* d = begin; d != end; ++d) coordinated = coordinated || conjunct(t, *d);
    if (!coordinated || clause_head(t)) return core;  // clauses coordinate inside
    return coordinate(t, core, nominal(t) ? kNP : std::string_view("X"));
  }

  // core followed by t's conjuncts, each after its conjunction and commas.
  int coordinate(int t, int core, std::string_view label) {
    const int wrapper = temp_node(label);
    add_kid(wrapper, core);
    add_conjuncts(t, wrapper);
    return wrapper;
  }
  // A conjunct's own conjuncts join the same list: parsers often chain "A, B, C and D"
  // as D under C under A where UD attaches all to A.
  void add_conjuncts(int t, int wrapper) {
    const auto [begin, end] = dependents(t);
    for (const int* d = begin; d != end; ++d) {
      if (!conjunct(t, *d)) continue;
      const auto [cb, ce] = dependents(*d);
      for (const int* c = cb; c != ce; ++c)
        if (*c < *d && (relation(*c) == "cc" || relation(*c) == "punct")) add_kid(wrapper, leaf(*c));
      add_kid(wrapper, core_phrase(*d, false));
      if (!clause_head(*d)) add_conjuncts(*d, wrapper);
    }
  }

  // "Bree Prime Minister Romendacil" parsed as "Bree" coordinated with "Romendacil": a
  // proper noun joined to a nominal with no conjunction or comma, the words between
  // being its own, continues one name (the Treebank's flat NP).
  bool run_on_name(int head, int d) const {
    if (d < head || !nominal(head) || !nominal(d) || !starts_with(tags_[d], "NNP")) return false;
    const auto& tokens = sentence_->tokens;
    for (int u = head + 1; u < d; ++u) {
      if (relation(u) == "cc" || relation(u) == "punct") return false;
      int up = u;
      while (up != d && up != head && up >= 0 && up < static_cast<int>(tokens.size())) up = tokens[up].head;
      if (up != d) return false;
    }
    return true;
  }
  bool conjunct(int head, int d) const { return relation(d) == "conj" && !run_on_name(head, d); }

  // Dependents that belong to a coordination rather than to the word itself.
  bool coordination_mark(int head, int d) const {
    if (conjunct(head, d)) return true;
    if (sentence_->tokens[head].deprel.rfind("conj", 0) != 0) return false;
    return d < head && (relation(d) == "cc" || relation(d) == "punct");
  }

  int core_phrase(int t, bool without_case) {
    if (clause_head(t)) return clause(t);
    if (nominal(t)) return noun_phrase(t, without_case);
    const auto [begin, end] = dependents(t);
    bool any = false;
    for (const int* d = begin; d != end; ++d)
      any = any || !(coordination_mark(t, *d) || (without_case && relation(*d) == "case"));
    if (!any) return leaf(t);
    const std::string& upos = sentence_->tokens[t].upos;
    const int node = temp_node(upos == "ADJ" ? "ADJP" : upos == "ADV" ? "ADVP" : upos == "ADP" ? "PP" : "X");
    bool placed = false;
    for (const int* d = begin; d != end; ++d) {
      if (coordination_mark(t, *d) || (without_case && relation(*d) == "case")) continue;
      if (!placed && *d > t) {
        add_kid(node, leaf(t));
        placed = true;
      }
      add_kid(node, dependent_phrase(*d));
    }
    if (!placed) add_kid(node, leaf(t));
    return node;
  }

  // Every token of t's subtree as a leaf of node, in order.
  void flatten_into(int node, int t) {
    const auto [begin, end] = dependents(t);
    bool placed = false;
    for (const int* d = begin; d != end; ++d) {
      if (!placed && *d > t) {
        add_kid(node, leaf(t));
        placed = true;
      }
      flatten_into(node, *d);
    }
    if (!placed) add_kid(node, leaf(t));
  }

  // Post-modifiers that stay inside the noun's own flat NP.
  bool flat_modifier(int t, int d) const {
    const std::string_view rel = relation(d);
    return rel == "case" || rel == "amod" || rel == "nummod" || rel == "compound" || rel == "flat" ||
           rel == "det" || (rel == "conj" && run_on_name(t, d)) || one_hyphenated_word(*sentence_, t, d);
  }

  int noun_phrase(int t, bool without_case) {
    const std::string_view label = temporal(sentence_->tokens[t]) ? kTemporalNP : kNP;
    const int core = temp_node(label);
    const auto [begin, end] = dependents(t);
    bool post_modified = false;
    for (const int* d = begin; d != end; ++d) {
      if (*d < t || coordination_mark(t, *d)) continue;
      const std::string_view rel = relation(*d);
      if (rel != "punct" && !flat_modifier(t, *d)) post_modified = true;
    }
    // Pre-modifiers are flat, as in the Treebank; a possessor keeps its own NP.
    for (const int* d = begin; d != end && *d < t; ++d) {
      if (lifted_[*d] || coordination_mark(t, *d) || (without_case && relation(*d) == "case")) continue;
      if (sentence_->tokens[*d].deprel == "nmod:poss")
        add_kid(core, phrase_of(*d, false));
      else
        flatten_into(core, *d);
    }
    add_kid(core, leaf(t));
    int phrase = core;
    if (post_modified) {
      phrase = temp_node(label);
      add_kid(phrase, core);
    }
    for (const int* d = begin; d != end; ++d) {
      if (*d < t || coordination_mark(t, *d)) continue;
      const std::string_view rel = relation(*d);
      if (!post_modified || flat_modifier(t, *d)) {
        flatten_into(core, *d);
      } else if (sentence_->tokens[*d].deprel == "acl:relcl") {
        const int sbar = temp_node("SBAR");
        add_kid(sbar, phrase_of(*d, false));
        add_kid(phrase, sbar);
      } else if (rel == "punct") {
        add_kid(phrase, leaf(*d));
      } else {
        add_kid(phrase, dependent_phrase(*d));
      }
    }
    return phrase;
  }

  // "(SBAR mark (S pre subject mid (VP aux (VP verb objects)) punct))".
  int clause(int t) {
    const auto [begin, end] = dependents(t);
    int subject = -1;
    for (const int* d = begin; d != end; ++d)
      if (is_subject(*d) && *d < t) {
        subject = *d;
        break;
      }
    // The innermost VP: the verb (or the copula and its predicate) and what follows.
    int copula = -1;
    if (!verbal(t)) {
      for (const int* d = begin; d != end; ++d)
        if (*d < t && relation(*d) == "cop") copula = *d;
    }
    const int* last_inner = end;  // trailing punctuation goes to the clause
    while (last_inner != begin && *(last_inner - 1) > t && relation(*(last_inner - 1)) == "punct") --last_inner;
    int inner = temp_node(kVP);
    if (copula >= 0) {
      add_kid(inner, leaf(copula));
      // "is about to restore": the Treebank makes such a predicate a VP over the infinitive.
      const std::string_view label = nominal(t) ? kNP : has_dependent(t, "xcomp") ? kVP : std::string_view("ADJP");
      const int predicate = temp_node(label);
      for (const int* d = begin; d != last_inner; ++d) {
        if (*d > copula && *d < t && !is_auxiliary(*d) && !coordination_mark(t, *d)) flatten_into(predicate, *d);
      }
      add_kid(predicate, leaf(t));
      for (const int* d = begin; d != last_inner; ++d)
        if (*d > t && !coordination_mark(t, *d) && !is_subject(*d)) add_kid(predicate, dependent_phrase(*d));
      add_kid(inner, predicate);
    } else {
      add_kid(inner, leaf(t));
      for (const int* d = begin; d != last_inner; ++d)
        if (*d > t && !coordination_mark(t, *d) && !is_subject(*d)) add_kid(inner, dependent_phrase(*d));
    }
    // One VP per auxiliary, outwards; words between an auxiliary and the verb stay
    // after the auxiliary.
    int vp = inner;
    pending_.clear();
    const int* first_after_subject = begin;
    while (first_after_subject != end && *first_after_subject <= subject) ++first_after_subject;
    for (const int* d = std::find_if(begin, end, [&](int x) { return x > t; }); d != first_after_subject;) {
      --d;
      if (*d == copula || coordination_mark(t, *d) || (relation(*d) == "mark" && tags_[*d] != "TO")) continue;
      if (is_auxiliary(*d)) {
        const int outer = temp_node(kVP);
        add_kid(outer, leaf(*d));
        for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) add_kid(outer, *it);
        pending_.clear();
        add_kid(outer, vp);
        vp = outer;
      } else {
        pending_.push_back(dependent_phrase(*d));
      }
    }
    // Verbs coordinated under one subject: "(VP (VP ...) (CC and) (VP ...))".
    bool own_subjects = false;
    for (const int* d = begin; d != end; ++d)
      if (relation(*d) == "conj") {
        const auto [cb, ce] = dependents(*d);
        own_subjects = own_subjects || std::any_of(cb, ce, [&](int c) { return is_subject(c); });
      }
    const bool coordinated = has_dependent(t, "conj");
    if (coordinated && !own_subjects) vp = coordinate(t, vp, kVP);

    const bool marked = std::any_of(begin, end, [&](int d) {
      return d < t && relation(d) == "mark" && tags_[d] != "TO";
    });
    int result = vp;
    if (subject >= 0 || !pending_.empty() || last_inner != end || marked) {
      result = temp_node("S");
      for (const int* d = begin; d != end && *d <= subject; ++d) {
        if (coordination_mark(t, *d) || (relation(*d) == "mark" && tags_[*d] != "TO")) continue;
        add_kid(result, dependent_phrase(*d));
      }
      for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) add_kid(result, *it);
      add_kid(result, vp);
      for (const int* d = last_inner; d != end; ++d) add_kid(result, leaf(*d));
    }
    pending_.clear();
    if (coordinated && own_subjects) result = coordinate(t, result, "S");
    if (marked) {
      const int sbar = temp_node("SBAR");
      for (const int* d = begin; d != end; ++d)
        if (*d < t && relation(*d) == "mark" && tags_[*d] != "TO") add_kid(sbar, leaf(*d));
      add_kid(sbar, result);
      result = sbar;
    }
    return result;
  }

  int first_token(int p) const { return node_first_[p]; }
  int last_token(int p) const { return node_last_[p]; }
  int parent(int p) const { return node_parent_[p]; }

  template <class Visit>
  void for_children(int p, Visit&& visit) const {
    for (const int child : kids_[p]) visit(child);
  }

  // Every word under p, in order.
  void leaf_words(int p) {
    for (const int child : kids_[p]) {
      if (child < 0)
        word(-child - 1);
      else
        leaf_words(child);
    }
  }

  // Phrases strictly inside p, in pre-order, that are not inside a reduced clause.
  template <class Visit>
  void for_descendants(int p, Visit&& visit) const {
    for (int q = p + 1; q < subtree_end_[p]; ++q) {
      if (visit(q)) return;
      if (reduced_[q]) q = subtree_end_[q] - 1;
    }
  }

  // PETRARCH-1's compound marking: each conjunction's enclosing phrase is a clause
  // compound (the CC becomes CCP), or, when it is a noun phrase with at least three
  // N* tags, a compound noun phrase (NEC).
  void mark_compounds() {
    for (int t = 0; t < static_cast<int>(tags_.size()); ++t) {
      if (tags_[t] != "CC" || owner_[t] < 0) continue;
      const int p = owner_[t];
      bool clause = starts_with(labels_[p], "VP") || starts_with(labels_[p], "S");
      int conjunctions = 0, nominal = starts_with(labels_[p], "N") ? 1 : 0;
      for (int q = p + 1; q < subtree_end_[p]; ++q) {
        clause = clause || starts_with(labels_[q], "VP") || starts_with(labels_[q], "S");
        nominal += starts_with(labels_[q], "N");
      }
      for (int u = first_token(p); u <= last_token(p); ++u) {
        clause = clause || starts_with(tags_[u], "S");
        conjunctions += starts_with(tags_[u], "CC");
        nominal += starts_with(tags_[u], "N");
      }
      if (clause || conjunctions > 1)
        tags_[t] = kCoordinatingPhrase;
      else if (starts_with(labels_[p], "NP") && nominal >= 3)
        labels_[p] = kNEC;
    }
  }

  // ---------------------------------------------------------------- flattening

  void open(std::string_view label, int index = -1) { list_.push_back({Item::Kind::open, label, index}); }
  void close(std::string_view label, int index = -1) { list_.push_back({Item::Kind::close, label, index}); }
  void word(int token) { list_.push_back({Item::Kind::word, {}, token}); }
  void token_item(int t) {
    open(tags_[t]);
    word(t);
    close(tags_[t]);
  }
  int new_ne() {
    ne_codes_.emplace_back();
    ne_texts_.emplace_back();
    ne_first_.push_back(-1);
    ne_last_.push_back(-1);
    return static_cast<int>(ne_codes_.size()) - 1;
  }

  void flatten() {
    list_.clear();
    ne_codes_.clear();
    ne_texts_.clear();
    ne_first_.clear();
    ne_last_.clear();
    vp_count_ = np_count_ = nec_count_ = 0;
    emit_phrase(0);
    // ParseStart: after (ROOT (S.
    parse_start_ = 0;
    while (parse_start_ < 2 && parse_start_ < static_cast<int>(list_.size()) &&
           list_[parse_start_].kind == Item::Kind::open)
      ++parse_start_;
  }

  void emit_child(int child) {
    if (child < 0)
      token_item(-child - 1);
    else
      emit_phrase(child);
  }

  void emit_phrase(int p) {
    if (reduced_[p]) {
      open(kSBR);
      leaf_words(p);
      close(kSBR);
      return;
    }
    const std::string_view label = labels_[p];
    if (label == kNP) return emit_noun_phrase(p);
    if (label == kNEC) return emit_compound(p);
    const int index = label == kVP ? vp_count_++ : -1;
    open(label, index);
    for_children(p, [&](int child) { emit_child(child); });
    close(label, index);
  }

  // The words of a noun phrase inside an actor phrase; compounds keep their structure.
  void ne_content(int p, int skip_token) {
    for_children(p, [&](int child) {
      if (child < 0) {
        if (-child - 1 != skip_token) word(-child - 1);
      } else if (reduced_[child]) {
        leaf_words(child);
      } else if (labels_[child] == kNEC) {
        raw(child);
      } else {
        ne_content(child, skip_token);
      }
    });
  }

  void raw(int p) {
    if (reduced_[p]) return emit_phrase(p);
    open(labels_[p]);
    for_children(p, [&](int child) {
      if (child < 0)
        token_item(-child - 1);
      else
        raw(child);
    });
    close(labels_[p]);
  }

  void emit_noun_phrase(int p) {
    // Relative clauses inside a noun phrase are reduced to their words.
    for_descendants(p, [&](int q) {
      if (labels_[q] == "SBAR") reduced_[q] = 1;
      return false;
    });
    int possessive = -1;
    for (int t = first_token(p); t <= last_token(p) && possessive < 0; ++t)
      if (tags_[t] == "POS" && !inside_reduced(t, p)) possessive = t;
    if (possessive >= 0) {
      const int ne = new_ne();
      open(kNE, ne);
      ne_content(p, possessive);
      close(kNE, ne);
      return;
    }
    int pp = -1;
    bool nested_noun = false;
    for_descendants(p, [&](int q) {
      if (pp < 0 && starts_with(labels_[q], "PP")) pp = q;
      nested_noun = nested_noun || starts_with(labels_[q], "NP") || labels_[q] == kNEC;
      return false;
    });
    if (pp >= 0) {
      if (emit_prepositional(p, pp)) return;
    } else if (!nested_noun) {
      const int ne = new_ne();
      open(kNE, ne);
      ne_content(p, -1);
      close(kNE, ne);
      return;
    }
    const int index = np_count_++;
    open(kNP, index);
    for_children(p, [&](int child) { emit_child(child); });
    close(kNP, index);
  }

  bool inside_reduced(int token, int top) const {
    for (int q = owner_[token]; q >= 0 && q != top; q = parent(q))
      if (reduced_[q]) return true;
    return false;
  }

  // "(NP (NP x) (PP (IN p) (NP y)) ...)" -> one actor phrase "x p y" (plus a reduced clause
  // that follows y), then the other PPs; false when the phrase does not have that shape.
  bool emit_prepositional(int p, int pp) {
    const int head = parent(pp);
    if (head < 0 || labels_[head] != kNP) return false;
    int first_child = -2;
    for_children(head, [&](int child) {
      if (first_child == -2) first_child = child;
    });
    if (first_child < 0) return false;
    const bool compound_first = starts_with(labels_[first_child], "NEC");
    if (!starts_with(labels_[first_child], "NP") && !compound_first) return false;
    int preposition = -1;
    for (int t = last_token(first_child) + 1; t < static_cast<int>(tags_.size()); ++t)
      if (tags_[t] == "IN") {
        preposition = t;
        break;
      }
    if (preposition < 0) return false;
    int object = -1;
    for (int q = head + 1; q < subtree_end_[head] && object < 0; ++q) {
      if (reduced_[q]) {
        q = subtree_end_[q] - 1;
        continue;
      }
      if (first_token(q) > preposition && (labels_[q] == kNP || labels_[q] == kNEC)) object = q;
    }
    if (object < 0) return false;
    bool deeper = false;
    for_descendants(object, [&](int q) { return deeper = starts_with(labels_[q], "PP"); });
    if (deeper) return false;

    const int ne = new_ne();
    open(kNE, ne);
    if (compound_first)
      raw(first_child);
    else
      ne_content(first_child, -1);
    word(preposition);
    if (labels_[object] == kNEC)
      raw(object);
    else
      ne_content(object, -1);
    for (int q = p + 1; q < subtree_end_[p]; ++q) {
      if (reduced_[q] && first_token(q) > last_token(object)) {
        leaf_words(q);
        break;
      }
    }
    close(kNE, ne);
    // Further prepositional phrases of the same noun ("the closure of guest houses in Bree",
    // parsed with "in Bree" under "closure") are phrases of their own, as where a Treebank
    // parse hangs them on the verb.
    bool after = false;
    for_children(head, [&](int child) {
      if (after && child >= 0 && starts_with(labels_[child], "PP")) emit_child(child);
      after = after || child == pp;
    });
    return true;
  }

  // A compound noun phrase outside any actor phrase: one actor phrase per noun element;
  // adjectives before the first noun go with each bare noun element.
  void emit_compound(int p) {
    const int index = nec_count_++;
    open(kNEC, index);
    adjectives_.clear();
    bool seen_noun = false;
    compound_elements(p, seen_noun);
    close(kNEC, index);
  }

  void compound_elements(int p, bool& seen_noun) {
    for_children(p, [&](int child) {
      if (child < 0) {
        const int t = -child - 1;
        if (starts_with(tags_[t], "NN")) {
          seen_noun = true;
          const int ne = new_ne();
          open(kNE, ne);
          for (int adjective : adjectives_) word(adjective);
          word(t);
          close(kNE, ne);
        } else if (!seen_noun && starts_with(tags_[t], "JJ")) {
          adjectives_.push_back(t);
        }
      } else if (reduced_[child]) {
        return;
      } else if (starts_with(labels_[child], "NP")) {
        seen_noun = true;
        const int ne = new_ne();
        open(kNE, ne);
        ne_content(child, -1);
        close(kNE, ne);
      } else {
        compound_elements(child, seen_noun);
      }
    });
  }

  bool dateline() const {
    std::string_view tags[3];
    int found = 0;
    for (const Item& item : list_) {
      if (item.kind != Item::Kind::open) continue;
      tags[found++] = item.label;
      if (found == 3) break;
    }
    return found == 3 && tags[0] == "ROOT" && tags[1] == kNE && tags[2] == kNEC;
  }

  // ---------------------------------------------------------------- comma clauses

  bool is_comma(int i) const { return list_[i].is_open(kComma); }

  int find_comma(int from) const {
    for (int i = std::max(from, 0); i < static_cast<int>(list_.size()); ++i)
      if (is_comma(i)) return i;
    return -1;
  }

  // Words that start with a letter in [low, high).
  int count_words(int low, int high) const {
    int count = 0;
    for (int i = std::max(low, 0); i < high && i < static_cast<int>(list_.size()); ++i) {
      if (list_[i].kind != Item::Kind::word) continue;
      const std::string& w = context_->words[list_[i].index];
      const unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
      count += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
    }
    return count;
  }

  // The open tag of the final punctuation (the last word).
  int find_end() const {
    int i = static_cast<int>(list_.size()) - 1;
    while (i >= 2 && list_[i].kind == Item::Kind::close) --i;
    return i - 1;
  }

  // Deletes every phrase lying completely inside [low, high).
  void delete_phrases(int low, int high) {
    closes_.clear();
    for (int i = std::min(high, static_cast<int>(list_.size())) - 1; i >= low && i >= 0; --i) {
      const Item& item = list_[i];
      if (item.kind == Item::Kind::close) {
        closes_.push_back(item);
      } else if (item.kind == Item::Kind::open && !closes_.empty() &&
                 item.label == closes_.back().label && item.index == closes_.back().index) {
        int end = i + 1;
        while (end < static_cast<int>(list_.size()) && !list_[end].closes(item)) ++end;
        list_.erase(list_.begin() + i, list_.begin() + std::min(end + 1, static_cast<int>(list_.size())));
        closes_.pop_back();
      }
    }
  }

  void set_commas_aside() {
    const CoderOptions& o = context_->options;
    if (find_comma(0) < 0) return;
    if (o.comma_bmax != 0) {  // initial clause
      const int comma = find_comma(0);
      const int n = count_words(2, comma);
      if (n >= o.comma_bmin && n <= o.comma_bmax) delete_phrases(2, comma);
    }
    if (o.comma_emax != 0) {  // terminal clause
      const int end = find_end();
      int i = end - 1;
      while (i >= 2 && !is_comma(i)) --i;
      if (i >= 0 && is_comma(i)) {
        const int n = count_words(i, static_cast<int>(list_.size()));
        if (n >= o.comma_emin && n <= o.comma_emax) delete_phrases(i + 3, end);
      }
    }
    if (o.comma_max != 0) {  // internal clauses; the second comma stays for the next one
      int at = find_comma(0);
      while (at >= 0) {
        const int next = find_comma(at + 1);
        if (next < 0) break;
        const int n = count_words(at + 2, next);
        if (n >= o.comma_min && n <= o.comma_max) delete_phrases(at, next);
        at = next;  // PETRARCH-1 keeps the pre-deletion position
      }
    }
    // A comma left with no words before it, or none after it, goes too.
    const int first = find_comma(0);
    if (first >= 0 && count_words(2, first) == 0)
      list_.erase(list_.begin() + first, list_.begin() + std::min<int>(first + 3, list_.size()));
    const int end = find_end();
    int i = end - 1;
    while (i >= 2 && !is_comma(i)) --i;
    if (i >= 0 && is_comma(i) && count_words(i + 1, end) == 0)
      list_.erase(list_.begin() + i, list_.begin() + std::min<int>(i + 3, list_.size()));
  }

  // ---------------------------------------------------------------- actor phrases

  void code_actor_phrases() {
    for (int i = parse_start_; i < static_cast<int>(list_.size()); ++i) {
      if (!list_[i].is_open(kNE)) continue;
      int end = i + 1;
      bool has_compound = false;
      while (end < static_cast<int>(list_.size()) && !list_[end].is_close(kNE)) {
        has_compound = has_compound || list_[end].is_open(kNEC);
        ++end;
      }
      if (end >= static_cast<int>(list_.size())) throw SentenceError{};
      if (has_compound) {
        expand_compound(i, end);
        --i;  // code the new phrases
        continue;
      }
      code_phrase(list_[i].index, i + 1, end);
    }
  }

  void code_phrase(int ne, int begin, int end) {
    phrase_words_.clear();
    for (int k = begin; k < end; ++k) {
      if (list_[k].kind != Item::Kind::word) continue;
      const int t = list_[k].index;
      phrase_words_.push_back(context_->words[t]);
      if (ne_first_[ne] < 0 || t < ne_first_[ne]) ne_first_[ne] = t;
      ne_last_[ne] = std::max(ne_last_[ne], t);
    }
    if (context_->options.new_actor_length > 0) {  // the words, for a quoted new actor
      std::string& text = ne_texts_[ne];
      text.clear();
      for (const std::string& w : phrase_words_) {
        if (!text.empty()) text += ' ';
        text += w;
      }
    }
    std::string code = code_noun_phrase(phrase_words_, 0, phrase_words_.size(),
                                        context_->dictionaries, context_->date);
    if (code.empty() && context_->referents)
      for (const Referent& referent : *context_->referents)
        if (referent.first <= ne_last_[ne] && ne_first_[ne] <= referent.last) {
          code = referent.actors.front()->code_on(context_->date);  // one actor per phrase here
          break;
        }
    ne_codes_[ne] = code.empty() ? "---" : std::move(code);
  }

  // An actor phrase holding a compound: one actor phrase per element, each with the
  // words around the compound ("the ambassadors of Arnor, Osgiliath and Gondor").
  void expand_compound(int begin, int end) {
    std::vector<Item> content(list_.begin() + begin + 1, list_.begin() + end);
    std::vector<std::vector<Item>> elements;
    split_compound(content, elements);
    std::vector<Item> replacement;
    replacement.push_back({Item::Kind::open, kNEC, -1});
    for (auto& element : elements) {
      const int ne = new_ne();
      replacement.push_back({Item::Kind::open, kNE, ne});
      replacement.insert(replacement.end(), element.begin(), element.end());
      replacement.push_back({Item::Kind::close, kNE, ne});
    }
    replacement.push_back({Item::Kind::close, kNEC, -1});
    list_.erase(list_.begin() + begin, list_.begin() + end + 1);
    list_.insert(list_.begin() + begin, replacement.begin(), replacement.end());
  }

  static void split_compound(const std::vector<Item>& content, std::vector<std::vector<Item>>& out) {
    int start = -1;
    for (int i = 0; i < static_cast<int>(content.size()); ++i)
      if (content[i].is_open(kNEC)) {
        start = i;
        break;
      }
    if (start < 0) {
      out.push_back(content);
      return;
    }
    int stop = start + 1;  // the first compound close
    while (stop < static_cast<int>(content.size()) && !content[stop].is_close(kNEC)) ++stop;
    std::vector<Item> before, after(content.begin() + std::min<int>(stop + 1, content.size()), content.end());
    for (int i = 0; i < start; ++i)
      if (content[i].kind == Item::Kind::word) before.push_back(content[i]);
    // Elements: each N* phrase or noun, up to the first close of its own tag.
    for (int k = start + 1; k < stop - 1; ++k) {
      const Item& item = content[k];
      if (item.kind != Item::Kind::open || !starts_with(item.label, "N")) continue;
      std::vector<Item> element = before;
      ++k;
      while (k < stop && !(content[k].kind == Item::Kind::close && content[k].label == item.label)) {
        element.push_back(content[k]);
        ++k;
      }
      element.insert(element.end(), after.begin(), after.end());
      split_compound(element, out);
    }
  }

  // ---------------------------------------------------------------- verbs

  bool is_word(int i) const { return i >= 0 && i < static_cast<int>(list_.size()) && list_[i].kind == Item::Kind::word; }
  const std::string& word_at(int i) const { return context_->words[list_[i].index]; }

  int find_close(int open_at) const {
    for (int i = open_at + 1; i < static_cast<int>(list_.size()); ++i)
      if (list_[i].closes(list_[open_at])) return i;
    return -1;
  }

  // The verb of a passive VP ("was opposed by"): its position, else -1.
  int passive_verb(int vp) const {
    const int end = find_close(vp);
    if (end < 0) return -1;
    int participle = -1;
    for (int i = vp + 3; i < end; ++i)
      if (list_[i].is_open("VBN")) {
        participle = i;
        break;
      }
    if (participle < 0) return -1;
    int participle_close = -1;
    for (int i = vp + 3; i < static_cast<int>(list_.size()); ++i)
      if (list_[i].is_close("VBN")) {
        participle_close = i;
        break;
      }
    if (participle_close < 0) return -1;
    bool by = false;
    for (int i = participle_close + 3; i < end && !by; ++i) by = is_word(i) && word_at(i) == "BY";
    if (!by) return -1;
    for (int i = participle_close - 3; i > vp; --i) {
      if (list_[i].kind == Item::Kind::close && starts_with(list_[i].label, "VB") && is_word(i - 1)) {
        const std::string& w = word_at(i - 1);
        if (w == "WAS" || w == "IS" || w == "BEEN") return participle_close - 1;
      }
    }
    return -1;
  }

  void upper_sequence(int from) {
    upper_.clear();
    for (int i = from; i >= parse_start_; --i) {
      const Item& item = list_[i];
      if (item.is_close(kComma)) break;
      push_sequence_item(item, upper_);
    }
  }

  void lower_sequence(int from, const Item& vp) {
    lower_.clear();
    int i = from;
    for (; i < static_cast<int>(list_.size()) && !list_[i].closes(vp); ++i) push_sequence_item(list_[i], lower_);
    if (i >= static_cast<int>(list_.size())) throw SentenceError{};
  }

  static void push_sequence_item(const Item& item, std::vector<SeqItem>& seq) {
    using K = SeqItem::Kind;
    switch (item.kind) {
      case Item::Kind::word:
        seq.push_back({K::word, item.index});
        break;
      case Item::Kind::open:
        if (item.label == kNE) seq.push_back({K::ne_open, item.index});
        else if (item.label == kNEC) seq.push_back({K::nec_open, item.index});
        break;
      case Item::Kind::close:
        if (item.label == kNE) seq.push_back({K::ne_close, item.index});
        else if (item.label == kNEC) seq.push_back({K::nec_close, item.index});
        break;
    }
  }

  // Words of a multi-word verb next to the verb word at `at` (words only, tags skipped);
  // the position of the outermost matched word on that side, or -1.
  int adjacent_words(int at, const std::vector<std::string>& words, int step) const {
    int i = at;
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& wanted = step > 0 ? words[k] : words[words.size() - 1 - k];
      i += step;
      while (i >= 0 && i < static_cast<int>(list_.size()) && !is_word(i)) i += step;
      if (i < 0 || i >= static_cast<int>(list_.size()) || word_at(i) != wanted) return -1;
    }
    return i;
  }

  void check_verbs() {
    for (int k = parse_start_; k + 2 < static_cast<int>(list_.size()); ++k) {
      if (!list_[k].is_open(kVP) || list_[k + 1].kind != Item::Kind::open ||
          !starts_with(list_[k + 1].label, "VB"))
        continue;
      const int vp = k;
      const int passive = passive_verb(k);
      passive_ = passive > 0;
      if (passive_) k = passive - 2;
      const int verb_at = k + 2;
      if (!is_word(verb_at)) continue;
      const std::vector<LinearVerbForm>* forms = verbs_->forms(word_at(verb_at));
      if (!forms) continue;

      const LinearVerbForm* form = nullptr;
      int first = verb_at, last = verb_at;
      for (const LinearVerbForm& candidate : *forms) {
        if (!candidate.multiword()) {
          form = &candidate;
          break;
        }
        const int before = candidate.before.empty() ? verb_at : adjacent_words(verb_at, candidate.before, -1);
        const int after = candidate.after.empty() ? verb_at : adjacent_words(verb_at, candidate.after, 1);
        if (before >= 0 && after >= 0) {
          form = &candidate;
          first = before;
          last = after;
          break;
        }
      }
      if (!form) continue;
      upper_sequence(first - 1);
      lower_sequence(last + 1, list_[vp]);
      if (code_verb(*form, first, last)) {
        while (k < static_cast<int>(list_.size()) && !list_[k].closes(list_[vp])) ++k;
      }
    }
  }

  // Tries the verb's patterns; true when the verb yielded a code (events or not).
  bool code_verb(const LinearVerbForm& form, int first, int last) {
    const std::vector<LinearPattern>& patterns = verbs_->block(form.block);
    std::string_view code;
    bool matched = false;
    source_ = target_ = Locus{};
    for (const LinearPattern& pattern : patterns) {
      source_ = target_ = Locus{};
      if (match_side(pattern.upper, upper_, true) && match_side(pattern.lower, lower_, false)) {
        code = pattern.code;
        matched = true;
        break;
      }
    }
    if (matched && code == "---") matched = false;
    if (!matched && form.code != "---") {
      code = form.code;
      matched = true;
    }
    if (!matched) return false;
    if (!source_.set()) find_source();
    if (source_.set()) {
      if (!target_.set()) find_target();
      if (target_.set()) make_events(code, list_[first].index, list_[last].index);
    }
    return true;
  }

  // ---------------------------------------------------------------- pattern sides

  int find_ne(const std::vector<SeqItem>& seq, int at, bool upper) const {
    while (seq[at].kind != SeqItem::Kind::ne_open && seq[at].kind != SeqItem::Kind::nec_open) {
      at += upper ? 1 : -1;
      if (at < 0 || at >= static_cast<int>(seq.size())) throw SentenceError{};
    }
    return at;
  }

  bool synset_match(const LinearPatternItem& item, const std::vector<SeqItem>& seq, int& at,
                    bool upper) const {
    const auto& members = verbs_->synset(item.synset);
    if (seq[at].kind == SeqItem::Kind::word) {
      const std::string& w = context_->words[seq[at].ref];
      for (const auto& member : members)
        if (member.size() == 1 && member[0] == w) return true;
    }
    for (const auto& member : members) {
      if (member.size() < 2) continue;
      size_t k = 0;
      for (; k < member.size(); ++k) {
        const size_t pos = at + k;
        if (pos >= seq.size() || seq[pos].kind != SeqItem::Kind::word) break;
        const std::string& wanted = upper ? member[member.size() - 1 - k] : member[k];
        if (context_->words[seq[pos].ref] != wanted) break;
      }
      if (k == member.size()) {
        at += static_cast<int>(member.size()) - 1;
        return true;
      }
    }
    return false;
  }

  // PETRARCH-1's verb_pattern_match: one side of a pattern against a sequence.
  bool match_side(const std::vector<LinearPatternItem>& pattern, const std::vector<SeqItem>& seq,
                  bool upper) {
    using PK = LinearPatternItem::Kind;
    if (pattern.empty()) return true;
    if (seq.empty()) return false;
    bool inside_ne = false, inside_compound = false;
    size_t kp = 0;
    int ks = 0;
    const int size = static_cast<int>(seq.size());
    // After a consumed pattern item: done when the pattern is, failed when the
    // sequence ends first.
    const auto advance = [&](bool& result) {
      if (++kp >= pattern.size()) {
        result = true;
        return true;
      }
      if (++ks >= size) {
        result = false;
        return true;
      }
      return false;
    };
    // A mismatch: an open connector skips the sequence item, '_' fails.
    const auto skip = [&](const LinearPatternItem& item) { return !item.tight && ++ks < size; };

    while (kp < pattern.size()) {
      const LinearPatternItem& item = pattern[kp];
      const SeqItem& current = seq[ks];
      bool result = false;
      if (current.ne_marker()) {
        if (++ks >= size) return false;
        if (current.kind == SeqItem::Kind::nec_open || current.kind == SeqItem::Kind::nec_close)
          inside_compound = !inside_compound;
        else
          inside_ne = !inside_ne;
      } else if (item.kind != PK::word && item.kind != PK::synset) {
        if (!inside_ne && !inside_compound) {
          if (!skip(item)) return false;
          continue;
        }
        if (item.kind == PK::compound && inside_compound) {
          // '%': the compound here. Before the verb it acts on itself ("Gondor and
          // Osgiliath have delayed" each other): source and target; after the verb it
          // is the target ("agrees with the Philippines and France").
          int at = ks;
          while (seq[at].kind != SeqItem::Kind::nec_open) {
            at += upper ? 1 : -1;
            if (at < 0 || at >= size) return false;
          }
          target_ = {at, upper};
          if (upper) source_ = target_;
        } else if (inside_ne) {
          if (item.kind == PK::source) {
            source_ = {find_ne(seq, ks, upper), upper};
          } else if (item.kind == PK::target) {
            target_ = {find_ne(seq, ks, upper), upper};
          } else if (item.kind == PK::skip) {
            while (seq[ks].kind != SeqItem::Kind::ne_close && seq[ks].kind != SeqItem::Kind::nec_close) {
              ks += upper ? -1 : 1;
              if (ks < 0 || ks >= size) throw SentenceError{};
            }
            inside_ne = upper;
          }
        }
        if (advance(result)) return result;
      } else if (item.kind == PK::synset) {
        if (synset_match(item, seq, ks, upper)) {
          if (advance(result)) return result;
        } else if (!skip(item)) {
          return false;
        }
      } else if (item.word.size() == 1) {
        // PETRARCH-1 takes every one-character pattern word for a slot marker: it is
        // consumed by any word inside an actor phrase and assigns nothing.
        if (inside_ne || inside_compound) {
          if (advance(result)) return result;
        } else if (!skip(item)) {
          return false;
        }
      } else if (context_->words[current.ref] != item.word) {
        if (!skip(item)) return false;
      } else if (advance(result)) {
        return result;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- actors of an event

  static bool coded(const std::string& code) { return code.rfind("---", 0) != 0; }

  // Sentence order is the upper sequence read backwards.
  void find_source() {
    for (int k = static_cast<int>(upper_.size()) - 1; k >= 0; --k) {
      const SeqItem& item = upper_[k];
      if (item.kind == SeqItem::Kind::nec_open || (item.kind == SeqItem::Kind::ne_open && coded(ne_codes_[item.ref]))) {
        source_ = {k, true};
        return;
      }
    }
    for (int k = static_cast<int>(upper_.size()) - 1; k >= 0; --k) {
      if (upper_[k].kind == SeqItem::Kind::ne_open || upper_[k].kind == SeqItem::Kind::nec_open) {
        source_ = {k, true};
        return;
      }
    }
  }

  // A coded actor phrase whose code does not begin with the source's.
  bool other_coded(const SeqItem& item, const std::string* source_code) const {
    if (item.kind == SeqItem::Kind::nec_open) return true;
    if (item.kind != SeqItem::Kind::ne_open) return false;
    const std::string& code = ne_codes_[item.ref];
    return coded(code) && !(source_code && code.rfind(*source_code, 0) == 0);
  }

  bool null_phrase(const SeqItem& item) const {
    return item.kind == SeqItem::Kind::ne_open && !coded(ne_codes_[item.ref]);
  }

  void find_target() {
    const std::vector<CodedActor> sources = locus_codes(source_);
    const std::string* source_code = sources.size() == 1 ? &sources[0].code : nullptr;
    for (int k = 0; k < static_cast<int>(lower_.size()); ++k)
      if (other_coded(lower_[k], source_code)) return void(target_ = {k, false});
    for (int k = 0; k < static_cast<int>(lower_.size()); ++k)
      if (null_phrase(lower_[k])) return void(target_ = {k, false});
    for (int k = 0; k < static_cast<int>(upper_.size()); ++k)
      if (other_coded(upper_[k], source_code)) return void(target_ = {k, true});
    for (int k = 0; k < static_cast<int>(upper_.size()); ++k)
      if (null_phrase(upper_[k]) && k != source_.at) return void(target_ = {k, true});
  }

  // The codes at a locus: one, or one per element of a compound (null elements left
  // out; "---" when all are null).
  std::vector<CodedActor> locus_codes(const Locus& locus) const {
    const std::vector<SeqItem>& seq = locus.upper ? upper_ : lower_;
    std::vector<CodedActor> codes;
    const SeqItem& item = seq[locus.at];
    if (item.kind == SeqItem::Kind::nec_open) {
      const int step = locus.upper ? -1 : 1;
      for (int k = locus.at + step;; k += step) {
        if (k < 0 || k >= static_cast<int>(seq.size())) throw SentenceError{};
        if (seq[k].kind == SeqItem::Kind::nec_close) break;
        if (seq[k].kind == SeqItem::Kind::ne_open) add_code(seq[k].ref, codes);
      }
    } else if (item.kind == SeqItem::Kind::ne_open) {
      add_code(item.ref, codes);
    }
    if (codes.empty()) codes.push_back({"---", item.kind == SeqItem::Kind::ne_open ? item.ref : -1});
    return codes;
  }

  void add_code(int ne, std::vector<CodedActor>& codes) const {
    const std::string& code = ne_codes_[ne];
    if (code != "---") {
      codes.push_back({code, ne});
      return;
    }
    const int length = context_->options.new_actor_length;
    if (length <= 0) return;
    // An unknown actor phrase, quoted, when it is short enough.
    const std::string& words = ne_texts_[ne];
    const int blanks = static_cast<int>(std::count(words.begin(), words.end(), ' '));
    codes.push_back({blanks < length ? "\"" + words + "\"" : code, ne});
  }

  static void expand_coded_compounds(std::vector<CodedActor>& codes) {
    for (size_t k = 0; k < codes.size(); ++k) {
      const size_t slash = codes[k].code.find('/');
      if (slash == std::string::npos) continue;
      const std::string whole = codes[k].code;
      const int ne = codes[k].ne;
      std::vector<CodedActor> parts;
      size_t start = 0;
      for (size_t at = whole.find('/'); ; at = whole.find('/', start)) {
        parts.push_back({whole.substr(start, at == std::string::npos ? std::string::npos : at - start), ne});
        if (at == std::string::npos) break;
        start = at + 1;
      }
      codes.erase(codes.begin() + static_cast<long>(k));
      codes.insert(codes.begin() + static_cast<long>(k), parts.begin(), parts.end());
      k += parts.size() - 1;
    }
  }

  ActorMention mention(const CodedActor& actor) const {
    ActorMention m{actor.code, -1, -1};
    if (actor.ne >= 0) {
      m.first = ne_first_[actor.ne];
      m.last = ne_last_[actor.ne];
    }
    return m;
  }

  void make_events(std::string_view code, int verb_first, int verb_last) {
    std::vector<CodedActor> sources = locus_codes(source_);
    expand_coded_compounds(sources);
    std::vector<CodedActor> targets = locus_codes(target_);
    expand_coded_compounds(targets);
    const auto emit = [&](const std::vector<CodedActor>& from, const std::vector<CodedActor>& to,
                          std::string_view event_code) {
      for (const CodedActor& s : from) {
        for (const CodedActor& t : to) {
          if (s.code == t.code) continue;  // self-reference
          RawEvent event{mention(s), mention(t), std::string(event_code), verb_first, verb_last};
          if (passive_) std::swap(event.source, event.target);
          events_.push_back(std::move(event));
        }
      }
    };
    const size_t colon = code.find(':');
    if (colon == std::string_view::npos) {
      emit(sources, targets, code);
      return;
    }
    // A paired code: both directions; a null partner takes the other side's actors.
    if (sources[0].code == "---" || targets[0].code == "---") {
      if (targets[0].code == "---")
        targets = sources;
      else
        sources = targets;
    }
    emit(sources, targets, code.substr(0, colon));
    emit(targets, sources, code.substr(colon + 1));
  }

  const SentenceContext* context_ = nullptr;
  const Sentence* sentence_ = nullptr;
  const LinearVerbDictionary* verbs_ = nullptr;  // null when only the dateline is checked

  // The constituency view: nodes in pre-order.
  int node_count_ = 0;
  std::vector<std::string_view> labels_, tags_;
  std::vector<int> node_first_, node_last_, node_parent_, subtree_end_;
  std::vector<std::vector<int>> kids_;  // children: nodes, and tokens as -(t + 1)
  std::vector<int> owner_;              // the node each token hangs from
  std::vector<char> reduced_;
  std::vector<std::vector<int>> phrase_kids_;
  std::vector<char> seen_heads_;
  // Dependency input: dependents per token, and the phrases being built.
  std::vector<int> dep_start_, dep_list_;
  std::vector<char> lifted_;  // punctuation placed before its nominal's phrase
  struct TempNode {
    std::string_view label;
    std::vector<int> kids;
  };
  std::vector<TempNode> temp_;
  int temp_count_ = 0;
  std::vector<int> pending_;
  std::vector<int> adjectives_;

  std::vector<Item> list_;
  int parse_start_ = 0;
  int vp_count_ = 0, np_count_ = 0, nec_count_ = 0;
  std::vector<std::string> ne_codes_;
  std::vector<std::string> ne_texts_;  // words of each actor phrase, under new_actor_length
  std::vector<int> ne_first_, ne_last_;
  std::vector<Item> closes_;
  std::vector<std::string> phrase_words_;

  std::vector<SeqItem> upper_, lower_;
  Locus source_, target_;
  bool passive_ = false;
  std::vector<RawEvent> events_;
};

}  // namespace

std::vector<RawEvent> match_linear(const SentenceContext& context,
                                   const LinearVerbDictionary& verbs) {
  return Matcher::for_thread(context, &verbs).run();
}

bool is_linear_dateline(const SentenceContext& context) {
  return Matcher::for_thread(context, nullptr).dateline_only();
}

}  // namespace annals
