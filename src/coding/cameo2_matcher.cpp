#include "coding/cameo2_matcher.h"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <set>
#include <string_view>

#include "dictionaries/actors.h"

namespace annals {
namespace {

// ---------------------------------------------------------------------------------------
// The dependency tree, indexed once per sentence.

bool in(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// Universal POS; Treebank input only has Penn tags, so those are mapped.
std::string_view pos_of(const Token& t) {
  if (!t.upos.empty()) return t.upos;
  const std::string_view x = t.xpos;
  if (x.starts_with("NNP")) return "PROPN";
  if (x.starts_with("NN")) return "NOUN";
  if (x.starts_with("PRP") || x == "WP") return "PRON";
  if (x.starts_with("JJ")) return "ADJ";
  if (x.starts_with("RB")) return "ADV";
  if (x == "IN" || x == "TO") return "ADP";
  if (x == "MD") return "AUX";
  if (x.starts_with("VB"))
    return in(t.deprel, {"aux", "aux:pass", "cop"}) ? "AUX" : "VERB";
  return "X";
}

struct Tree {
  const Sentence& sentence;
  const std::vector<std::string>& words;
  std::vector<int> start, kids;  // children of i: kids[start[i] .. start[i+1])

  Tree(const Sentence& s, const std::vector<std::string>& w) : sentence(s), words(w) {
    const int n = size();
    start.assign(n + 1, 0);
    for (const Token& t : s.tokens)
      if (t.head >= 0 && t.head < n) ++start[t.head + 1];
    for (int i = 0; i < n; ++i) start[i + 1] += start[i];
    kids.resize(start[n]);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (int i = 0; i < n; ++i) {
      const int h = s.tokens[i].head;
      if (h >= 0 && h < n) kids[fill[h]++] = i;
    }
  }
  int size() const { return static_cast<int>(sentence.tokens.size()); }
  const Token& tok(int i) const { return sentence.tokens[i]; }
  std::string_view rel(int i) const { return sentence.tokens[i].deprel; }
  std::string_view pos(int i) const { return pos_of(sentence.tokens[i]); }
  std::pair<const int*, const int*> children(int i) const {
    return {kids.data() + start[i], kids.data() + start[i + 1]};
  }
  void subtree(int i, std::vector<int>& out) const {
    out.push_back(i);
    for (auto [b, e] = children(i); b != e; ++b) subtree(*b, out);
  }
  // Upper-case lemma, or the dictionary word when the parse has no lemmas.
  const std::string& lemma(int i) const {
    if (lemmas.empty()) {
      lemmas.reserve(sentence.tokens.size());
      for (size_t t = 0; t < sentence.tokens.size(); ++t) {
        const std::string& l = sentence.tokens[t].lemma;
        std::string upper = l.empty() ? words[t] : l;
        for (char& c : upper)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        lemmas.push_back(std::move(upper));
      }
    }
    return lemmas[i];
  }

 private:
  mutable std::vector<std::string> lemmas;  // filled on first use
};

// ---------------------------------------------------------------------------------------
// Noun phrases and their actor codes (UniversalPetrarch's NounPhrase).

struct NounPhrase {
  int head = -1;
  std::vector<int> tokens;  // sorted
  std::vector<int> preps;   // heads of the nmod phrases introduced by a preposition
  int anchor = -1;          // an apposition: head of the phrase it renames
};

NounPhrase noun_phrase(const Tree& tree, int head) {
  NounPhrase np;
  np.head = head;
  if (in(tree.pos(head), {"NOUN", "ADJ", "PROPN", "PRON", "ADV"})) {
    for (auto [b, e] = tree.children(head); b != e; ++b) {
      if (in(tree.rel(*b), {"cc", "conj"})) continue;
      const size_t before = np.tokens.size();
      tree.subtree(*b, np.tokens);
      if (tree.rel(*b) == "nmod") {
        const int first = *std::min_element(np.tokens.begin() + before, np.tokens.end());
        if (tree.pos(first) == "ADP") np.preps.push_back(*b);
      }
    }
  }
  np.tokens.push_back(head);
  std::sort(np.tokens.begin(), np.tokens.end());
  return np;
}

// The phrase's conjuncts and appositions, each sharing the phrase's prepositional modifiers.
// `np` by value: the recursion passes out.back(), which push_back may move.
void conjoined_phrases(const Tree& tree, const NounPhrase np, std::vector<NounPhrase>& out) {
  for (auto [b, e] = tree.children(np.head); b != e; ++b) {
    if (!in(tree.rel(*b), {"conj", "appos"})) continue;
    NounPhrase conj = noun_phrase(tree, *b);
    if (tree.rel(*b) == "appos") conj.anchor = np.head;
    for (int p : np.preps) {
      if (std::find(conj.preps.begin(), conj.preps.end(), p) != conj.preps.end()) continue;
      conj.preps.push_back(p);
      tree.subtree(p, conj.tokens);
    }
    std::sort(conj.tokens.begin(), conj.tokens.end());
    conj.tokens.erase(std::unique(conj.tokens.begin(), conj.tokens.end()), conj.tokens.end());
    out.push_back(conj);
    if (tree.rel(*b) == "appos") conjoined_phrases(tree, out.back(), out);
  }
}

void phrases_of(const Tree& tree, int head, std::vector<NounPhrase>& out) {
  out.push_back(noun_phrase(tree, head));
  const NounPhrase copy = out.back();
  conjoined_phrases(tree, copy, out);
}

// Actor codes of a phrase: composed codes ("USAGOV", "~GOV") and the token ranges each
// actor or agent was read from (for the pattern-overlap rule).
struct Meaning {
  std::vector<std::string> codes;
  struct Piece {
    std::string code;   // actor code, or agent as "~GOV" / "NGO~"
    int first, last;    // token ids
    bool agent;
  };
  std::vector<Piece> pieces;
  bool empty() const { return codes.empty(); }
};

class Actors {
 public:
  explicit Actors(const SentenceContext& c, const Tree& t) : context_(c), tree_(t) {}

  // Actors and agents found in the tokens (sorted ids), as UniversalPetrarch reads them:
  // the first actor (gaps allowed), then every agent.
  // every_actor: "US and British activists" names one actor per conjoined modifier.
  std::vector<Meaning::Piece> read(const std::vector<int>& ids, bool every_actor = false) const {
    std::vector<Meaning::Piece> pieces;
    // words_ is a pool reused across calls (its strings keep their buffers); the first
    // `count` entries are this phrase's words.
    const size_t count = ids.size();
    if (words_.size() < count) words_.resize(count);
    const auto& tokens = context_.sentence.tokens;
    for (size_t k = 0; k < count; ++k) {
      const int id = ids[k];
      words_[k] = context_.words[id];
      // "military-ruled" split as "military" "-ruled" (PTB) or "military" "-" "ruled" (UD):
      // the first part is no word of its own (an agent MILITARY, a country in "UK-based"),
      // so it is read joined to the rest. Only a leader is the actor itself: "Vietnamese-led
      // forces" are Vietnam's.
      const size_t next = static_cast<size_t>(id) + 1;
      auto attached = [&](size_t t) { return t < tokens.size() && tokens[t - 1].end == tokens[t].start; };
      if (attached(next) && tokens[next].form.starts_with('-') && tokens[next].form.size() > 1) {
        if (tokens[next].form != "-led") words_[k] += context_.words[next];
      } else if (attached(next) && tokens[next].form == "-" && attached(next + 1)) {
        if (tokens[next + 1].form != "led") words_[k] += "-" + context_.words[next + 1];
      }
    }
    const ActorDictionary& actors = context_.dictionaries.actors();
    for (size_t i = 0; i < count; ++i) {
      auto m = actors.match(words_, i, count, Gaps::any);
      if (!m) continue;
      std::string code = m->value->code_on(context_.date, DateRule::narrowest);
      if (code.empty()) continue;
      pieces.push_back({code, ids[i], ids[std::min(count, i + m->length) - 1], false});
      if (!every_actor) break;
    }
    if (pieces.empty() && context_.referents)
      for (const Referent& referent : *context_.referents) {
        if (std::none_of(ids.begin(), ids.end(), [&](int t) { return referent.first <= t && t <= referent.last; }))
          continue;
        for (const Actor* actor : referent.actors)
          if (std::string code = actor->code_on(context_.date, DateRule::narrowest); !code.empty())
            pieces.push_back({std::move(code), referent.first, referent.last, false});
        break;
      }
    const AgentDictionary& agents = context_.dictionaries.agents();
    for (size_t i = 0; i < count; ++i) {
      auto m = agents.match(words_, i, count);
      if (!m) continue;
      const int first = ids[i], last = ids[i + m->length - 1];
      // A shorter agent inside a longer one is the longer one's (MAIN OPPOSITION GROUP).
      bool inside = false;
      for (const auto& p : pieces) inside |= p.agent && p.first <= first && last <= p.last;
      if (inside) continue;
      const Agent& agent = *m->value;
      pieces.push_back({agent.prefix ? agent.code + "~" : "~" + agent.code, first, last, true});
    }
    return pieces;
  }

  static std::vector<std::string> mix(const std::vector<Meaning::Piece>& pieces) {
    std::vector<std::string> actors, agents;
    for (const auto& p : pieces) {
      auto& list = p.agent ? agents : actors;
      if (std::find(list.begin(), list.end(), p.code) == list.end()) list.push_back(p.code);
    }
    if (actors.empty()) actors.push_back("~");
    for (const std::string& agent : agents) {
      if (agent == "~PPL" && agents.size() > 1) continue;
      for (std::string& a : actors) {
        if (agent.front() == '~') {
          const std::string code = agent.substr(1);
          if (!a.ends_with(code)) a += code;
        } else {
          const std::string code = agent.substr(0, agent.size() - 1);
          if (!a.starts_with(code)) a = code + a;
        }
      }
    }
    std::vector<std::string> codes;
    for (const std::string& a : actors)
      if (a != "~" && a != "~~" && !a.empty() && std::find(codes.begin(), codes.end(), a) == codes.end())
        codes.push_back(a);
    return codes;
  }

  // The same phrase is read again and again (fallbacks, several triplets): memoised.
  const Meaning& meaning(const NounPhrase& np) const {
    for (const auto& [key, value] : memo_)
      if (key.head == np.head && key.tokens == np.tokens) return value;
    memo_.push_back({np, compute_meaning(np)});
    return memo_.back().second;
  }

  Meaning compute_meaning(const NounPhrase& np) const {
    bool conjoined_modifiers = false;
    for (auto [b, e] = tree_.children(np.head); b != e; ++b) {
      const std::string_view r = tree_.rel(*b);
      if (!in(r, {"compound", "amod"}) && !r.starts_with("nmod")) continue;
      for (auto [cb, ce] = tree_.children(*b); cb != ce; ++cb) conjoined_modifiers |= tree_.rel(*cb) == "conj";
    }
    std::vector<int> core_a{np.head}, core_b{np.head};
    for (auto [b, e] = tree_.children(np.head); b != e; ++b) {
      const std::string_view r = tree_.rel(*b);
      if (in(r, {"compound", "det", "punct", "name", "flat"})) {
        tree_.subtree(*b, core_a);
        tree_.subtree(*b, core_b);
      } else if (r == "amod" || r.starts_with("nmod")) {
        tree_.subtree(*b, core_b);
      }
    }
    auto found = [](const std::vector<Meaning::Piece>& pieces, bool need_both) {
      bool actor = false, agent = false;
      for (const auto& p : pieces) (p.agent ? agent : actor) = true;
      return need_both ? actor && agent : actor || agent;
    };
    std::sort(core_a.begin(), core_a.end());
    std::vector<Meaning::Piece> a = read(core_a, conjoined_modifiers), b;
    const bool has_a = found(a, true);
    // Without modifiers core B is core A: no need to read it again.
    if (core_b.size() == core_a.size()) {
      b = a;
    } else {
      std::sort(core_b.begin(), core_b.end());
      b = read(core_b, conjoined_modifiers);
    }
    const bool has_b = found(b, false);
    Meaning m;
    if (has_a && has_b) {
      bool contained = true;
      for (const auto& pa : a) {
        bool found = false;
        for (const auto& pb : b) found |= pb.first == pa.first && pb.last == pa.last;
        contained &= found;
      }
      m.pieces = contained ? b : a;
    } else if (has_a || has_b) {
      m.pieces = has_a ? a : b;
    } else {
      m.pieces = read(np.tokens, conjoined_modifiers);
    }
    add_base_country(np, m.pieces);
    m.codes = mix(m.pieces);
    return m;
  }

  // "a newspaper based in Beirut", "a group headquartered in Trinidad": agents without an
  // actor of their own take the country of the place they are based in (the country only:
  // a capital there stands for a city, not for its government).
  void add_base_country(const NounPhrase& np, std::vector<Meaning::Piece>& pieces) const {
    const bool agents_only = !pieces.empty() && std::all_of(pieces.begin(), pieces.end(), [](const auto& p) { return p.agent; });
    if (!agents_only) return;
    for (auto [b, e] = tree_.children(np.head); b != e; ++b) {
      if (!tree_.rel(*b).starts_with("acl") || !in(tree_.tok(*b).lemma, {"base", "based", "headquarter", "headquartered", "locate", "located", "station", "stationed"}))
        continue;
      for (auto [pb, pe] = tree_.children(*b); pb != pe; ++pb) {
        if (!tree_.rel(*pb).starts_with("obl")) continue;
        std::vector<int> place;
        tree_.subtree(*pb, place);
        std::sort(place.begin(), place.end());
        for (const Meaning::Piece& piece : read(place))
          if (!piece.agent && piece.code.size() >= 3) {
            pieces.push_back({piece.code.substr(0, 3), piece.first, piece.last, false});
            return;
          }
      }
    }
  }

 private:
  const SentenceContext& context_;
  const Tree& tree_;
  mutable std::vector<std::string> words_;
  mutable std::deque<std::pair<NounPhrase, Meaning>> memo_;  // deque: references stay valid
};

// ---------------------------------------------------------------------------------------
// Pattern matching.

struct PatternMatch {
  const Cameo2Pattern* pattern = nullptr;
  std::vector<int> consumed;  // tokens the pattern's words stand for
  const NounPhrase* object = nullptr;  // the verb's object, when a pattern noun matched it
  int rank() const {
    if (!pattern) return -1;
    const bool post = !pattern->post_nouns.empty() || !pattern->post_preps.empty();
    return (post ? 2 : 0) + (pattern->has_prep ? 1 : 0);
  }
  bool better_than(const PatternMatch& other) const {
    if (rank() != other.rank()) return rank() > other.rank();
    // "launched attacks during its campaign": a pattern noun names the object first.
    if ((object != nullptr) != (other.object != nullptr)) return object != nullptr;
    // Equal patterns: the later line wins, as when PETRARCH refiles a pattern.
    return pattern->text.size() >= other.pattern->text.size();
  }
};

class PatternMatcher {
 public:
  PatternMatcher(const Tree& tree) : tree_(tree) {}

  bool word_is(const Cameo2Word& word, int token, const std::vector<int>& np_tokens,
               std::vector<int>& consumed) const {
    if (word.marker) return true;
    const std::string& form = tree_.words[token];
    const std::string& lemma = tree_.lemma(token);
    for (const Cameo2Spelling& spelling : word.spellings) {
      const std::string& head = spelling.back();
      if (head != form && head != lemma) continue;
      std::vector<int> extra;
      bool all = true;
      for (size_t i = 0; i + 1 < spelling.size() && all; ++i) all = find_word(spelling[i], np_tokens, extra);
      if (!all) continue;
      consumed.push_back(token);
      consumed.insert(consumed.end(), extra.begin(), extra.end());
      return true;
    }
    return false;
  }

  bool find_word(const std::string& word, const std::vector<int>& np_tokens, std::vector<int>& consumed) const {
    for (int t : np_tokens)
      if (tree_.words[t] == word || tree_.lemma(t) == word) {
        consumed.push_back(t);
        return true;
      }
    return false;
  }

  bool any_word_in(const Cameo2Word& word, const std::vector<int>& np_tokens, std::vector<int>& consumed) const {
    if (word.marker) return true;
    for (int t : np_tokens)
      if (word_is(word, t, np_tokens, consumed)) return true;
    return false;
  }

  bool noun_matches(const Cameo2Noun& noun, const NounPhrase& np, std::vector<int>& consumed) const {
    if (noun.head.marker) return true;
    std::vector<int> local;
    if (!word_is(noun.head, np.head, np.tokens, local)) return false;
    for (const Cameo2Word& modifier : noun.modifiers)
      if (!any_word_in(modifier, np.tokens, local)) return false;
    consumed.insert(consumed.end(), local.begin(), local.end());
    return true;
  }

  // A prepositional phrase of the pattern against a phrase headed by `head` with a case marker.
  bool prep_matches(const Cameo2Prep& prep, int head, std::vector<int>& consumed) const {
    int marker = -1;
    for (auto [b, e] = tree_.children(head); b != e; ++b)
      if (in(tree_.rel(*b), {"case", "mark"}) && tree_.words[*b] == prep.preposition) marker = *b;
    if (marker < 0) return false;
    std::vector<int> local{marker};
    const NounPhrase np = noun_phrase(tree_, head);
    bool first = true;
    for (const Cameo2Noun& noun : prep.nouns) {
      if (noun.head.marker) continue;
      if (first ? !noun_matches(noun, np, local) : !any_word_in(noun.head, np.tokens, local)) return false;
      first = false;
    }
    consumed.insert(consumed.end(), local.begin(), local.end());
    return true;
  }

  bool side_matches(const std::vector<Cameo2Noun>& nouns, const std::vector<Cameo2Prep>& preps,
                    const std::vector<const NounPhrase*>& candidates, const std::vector<int>& pp_heads,
                    std::vector<int>& consumed, const NounPhrase* object = nullptr,
                    const NounPhrase** object_matched = nullptr) const {
    for (const Cameo2Noun& noun : nouns) {
      if (noun.head.marker) continue;
      bool found = false;
      for (const NounPhrase* np : candidates)
        if (noun_matches(noun, *np, consumed)) {
          found = true;
          if (object_matched && np == object) *object_matched = object;
          break;
        }
      if (!found) return false;
    }
    for (const Cameo2Prep& prep : preps) {
      bool found = false;
      for (int head : pp_heads)
        if (prep_matches(prep, head, consumed)) { found = true; break; }
      if (!found) return false;
    }
    return true;
  }

  PatternMatch best(const Cameo2Block& block, const NounPhrase* source, const NounPhrase* target,
                    const std::vector<NounPhrase>& others, const std::vector<int>& particles) const {
    std::vector<const NounPhrase*> lower;
    std::vector<int> pp_heads;
    if (target) lower.push_back(target);
    for (const NounPhrase& o : others) lower.push_back(&o);
    // "(PREP ...)" stands for a phrase of the verb itself or of its object ("evidence
    // against Russia"), not for one nested inside an oblique ("before X heads to Beijing").
    if (target) pp_heads = target->preps;
    for (const NounPhrase& o : others) pp_heads.push_back(o.head);
    std::vector<NounPhrase> particle_phrases;
    for (int p : particles) particle_phrases.push_back(NounPhrase{p, {p}, {}});
    for (const NounPhrase& p : particle_phrases) lower.push_back(&p);

    std::vector<const NounPhrase*> upper;
    std::vector<int> upper_pps;
    if (source) {
      upper.push_back(source);
      upper_pps = source->preps;
    }
    // Only patterns whose first object word one of the phrases has can match.
    std::vector<int>& tried = tried_;
    tried.assign(block.unindexed.begin(), block.unindexed.end());
    auto add = [&](const std::string& word) {
      auto it = block.by_object_word.find(word);
      if (it != block.by_object_word.end()) tried.insert(tried.end(), it->second.begin(), it->second.end());
    };
    for (const NounPhrase* np : lower) {
      add(tree_.words[np->head]);
      if (tree_.lemma(np->head) != tree_.words[np->head]) add(tree_.lemma(np->head));
    }
    std::sort(tried.begin(), tried.end());
    tried.erase(std::unique(tried.begin(), tried.end()), tried.end());
    PatternMatch best;
    for (const int index : tried) {
      const Cameo2Pattern& pattern = block.patterns[index];
      const bool has_lower = !pattern.post_nouns.empty() || !pattern.post_preps.empty();
      const bool has_upper = !pattern.pre_nouns.empty() || !pattern.pre_preps.empty();
      // A bare "- * [code]" applies only to a verb with nothing after it.
      if (!has_lower && !has_upper && !lower.empty()) continue;
      PatternMatch m{&pattern, {}};
      if (has_upper && !side_matches(pattern.pre_nouns, pattern.pre_preps, upper, upper_pps, m.consumed)) continue;
      if (has_lower && !side_matches(pattern.post_nouns, pattern.post_preps, lower, pp_heads, m.consumed, target,
                                     &m.object))
        continue;
      if (!best.pattern || m.better_than(best)) best = std::move(m);
    }
    return best;
  }

 private:
  const Tree& tree_;
  mutable std::vector<int> tried_;  // scratch: indexes of the patterns worth trying
};

// ---------------------------------------------------------------------------------------
// Verbs, triplets and events.

using Codes = std::vector<std::string>;  // actor codes of one side; empty: no actor

struct VerbInfo {
  int id;
  bool passive = false, negative = false;
  std::vector<NounPhrase> sources, targets, others;
  std::vector<int> particles;
};

struct Triplet {
  int source = -1, target = -1;  // index into Coding::phrases; -1: none
  int verb;                      // index into verbs
  std::string code;              // empty: no code
  const Cameo2Pattern* pattern = nullptr;
  std::vector<int> consumed;  // tokens the pattern's words stand for
  Codes source_codes, target_codes;
  int source_first = -1, source_last = -1, target_first = -1, target_last = -1;
  bool paired = false;

  // Whether the pattern took `token` (a phrase whose head it took names the act itself).
  bool took(int token) const { return std::find(consumed.begin(), consumed.end(), token) != consumed.end(); }
};

struct Event {
  Codes source, target;
  std::string code;  // empty: none
  int verb = -1;
  int sf = -1, sl = -1, tf = -1, tl = -1;
  // Its only actor was borrowed from a phrase that is no argument of the verb.
  bool borrowed_only = false;
};

class Coding {
 public:
  Coding(const SentenceContext& context, const Cameo2VerbDictionary& dictionary)
      : context_(context), dict_(dictionary), tree_(context.sentence, context.words),
        actors_(context, tree_), patterns_(tree_) {}

  std::vector<RawEvent> run();

 private:
  void direct_arguments(int verb, std::vector<NounPhrase>& sources, std::vector<NounPhrase>& targets,
                        std::vector<NounPhrase>* others, bool* passive) const;
  int governor(int verb, std::string_view relation) const {
    const int h = tree_.tok(verb).head;
    return h >= 0 && tree_.rel(verb) == relation ? h : -1;
  }
  // Verbs, and adjectives that govern an act as verbs do ("is willing to send aid",
  // "is ready to talk"): the dictionary may list them as verbs.
  // So are predicate adjectives of attitude that the dictionary codes as comments ("China is
  // concerned about ...", "is skeptical of ...": 012; "is optimistic": 013).
  bool is_verb(int i) const {
    if (tree_.pos(i) == "VERB") return true;
    if (tree_.pos(i) != "ADJ") return false;
    bool copula = false, complement = false, subject = false;
    for (auto [b, e] = tree_.children(i); b != e; ++b) {
      copula |= tree_.rel(*b) == "cop";
      complement |= tree_.rel(*b) == "xcomp" && tree_.pos(*b) == "VERB";
      subject |= tree_.rel(*b) == "nsubj";
    }
    return copula && (complement || (subject && is_comment_adjective(i)));
  }
  bool is_comment_adjective(int i) const {
    // Adjectives are listed as written: no stem variants to try (and nothing to allocate).
    const std::vector<Cameo2Verb>* entries = dict_.verbs(tree_.lemma(i));
    if (!entries) entries = dict_.verbs(tree_.words[i]);
    if (!entries || entries->empty()) return false;
    for (const Cameo2Verb& entry : *entries)
      if (!entry.code.starts_with("01")) return false;
    return true;
  }
  // "There were 10 soldiers killed": a participle without auxiliary after existential
  // "there be" is a passive whose noun is what was acted on.
  bool is_existential_participle(int verb) const {
    const int g = tree_.tok(verb).head;
    if (g < 0 || !tree_.words[verb].ends_with("ED")) return false;
    bool existential = false;
    for (auto [b, e] = tree_.children(g); b != e; ++b) existential |= tree_.rel(*b) == "expl";
    for (auto [b, e] = tree_.children(verb); b != e; ++b)
      if (tree_.rel(*b).starts_with("aux")) return false;
    return existential;
  }
  // "Israel is opposed to the plan", "Vietnam is committed to reform": participles that name
  // their subject's attitude, not something done to it, unless an agent says otherwise
  // ("was opposed by the opposition").
  bool is_attitude_participle(int verb) const {
    const std::string& word = tree_.words[verb];
    if (word != "OPPOSED" && word != "COMMITTED" && word != "DEDICATED" && word != "DEVOTED") return false;
    for (auto [b, e] = tree_.children(verb); b != e; ++b)
      for (auto [cb, ce] = tree_.children(*b); cb != ce; ++cb)
        if (tree_.rel(*cb) == "case" && tree_.words[*cb] == "BY") return false;
    return true;
  }
  // The dictionary entries of verb token v, looked up by lemma, then by its spelling.
  const std::vector<Cameo2Verb>* entries_of(int v) const {
    const std::string& key = tree_.lemma(v);
    const std::vector<Cameo2Verb>* entries = dict_.verbs(key);
    if (!entries && !key.ends_with("E")) entries = dict_.verbs(key + "E");
    if (!entries && key.ends_with("E")) entries = dict_.verbs(key.substr(0, key.size() - 1));
    if (!entries && tree_.words[v] != key) entries = dict_.verbs(tree_.words[v]);
    return entries;
  }
  // A verb of statement only (SAY, 010), which reports a clause rather than acts.
  bool is_statement_verb(int v) const {
    const std::vector<Cameo2Verb>* entries = entries_of(v);
    if (!entries || entries->empty()) return false;
    for (const Cameo2Verb& entry : *entries)
      if (entry.code != "010") return false;
    return true;
  }
  void code_triplet(Triplet& t, const NounPhrase* source, const NounPhrase* target) const;
  // The phrase's actor, minus the words the matched pattern used; `erased` is set when
  // nothing of the actor is left.
  Meaning meaning_after_overlap(const NounPhrase& np, const std::vector<int>& consumed,
                                bool* erased = nullptr) const;
  std::string negate(const std::string& code) const;
  // `unnamed` is set when the verbs combine but their combination has no CAMEO code.
  std::vector<Event> combine(const Event& root, const Event& lower, bool& unnamed) const;
  // The clause verbs whose events combine with root verb `root`.
  bool is_lower(int verb, int root) const;
  // "to help Iran", "for helping militants": a clause without tense that gives the aim,
  // grounds or manner of the verb above it rather than reporting an act.
  bool is_nonfinite_clause(int verb) const {
    for (auto [b, e] = tree_.children(verb); b != e; ++b)
      if (tree_.rel(*b) == "mark" && (tree_.words[*b] == "TO" || tree_.tok(verb).xpos == "VBG")) return true;
    return false;
  }
  bool has_child(int token, std::string_view relation) const {
    for (auto [b, e] = tree_.children(token); b != e; ++b)
      if (tree_.rel(*b) == relation) return true;
    return false;
  }
  // "responded by expanding exercises, drawing criticism": a bare participle (no marker,
  // no subject of its own) set off from a clause that is itself an adverbial, complement or
  // open clause of another verb. It goes on with that clause: same actor, same governor.
  // (One on the main clause, "bombarded the city, killing eight", is left to the source
  // fallback and to the main clause, as PETRARCH does.)
  int nested_participle_governor(int verb) const {
    const int g = governor(verb, "advcl");
    if (g < 0 || !is_verb(g) || !in(tree_.rel(g), {"advcl", "ccomp", "xcomp"})) return -1;
    const std::string& xpos = tree_.tok(verb).xpos;
    if (xpos != "VBG" && !(xpos.empty() && tree_.words[verb].ends_with("ING"))) return -1;
    if (has_child(verb, "mark") || has_child(verb, "nsubj")) return -1;
    return g;
  }
  // "that", "which", "who" as a subject: the relative clause's noun, not an actor of its own.
  bool is_relative_pronoun(int t) const { return in(tree_.words[t], {"THAT", "WHICH", "WHO", "WHOM"}); }
  // A verb with a nominal subject of its own heads a clause, wherever the parser hung it.
  // "A Russian official offered concessions" read as a noun with a reduced relative: a news
  // sentence has a main clause, so a noun where a clause goes (the root, a reported clause)
  // heads one with its clausal modifier as the verb, when that verb is finite or takes an
  // object (active, not "talks held in Geneva"). The noun, or -1.
  int clause_subject_noun(int verb) const {
    const int noun = governor(verb, "acl");
    if (noun < 0 || !in(tree_.pos(noun), {"NOUN", "PROPN"})) return -1;
    if (tree_.tok(noun).head >= 0 && !in(tree_.rel(noun), {"ccomp", "parataxis"})) return -1;
    return tree_.tok(verb).is_finite_verb() || has_child(verb, "obj") ? noun : -1;
  }
  bool has_own_subject(int verb) const {
    for (auto [b, e] = tree_.children(verb); b != e; ++b)
      if (in(tree_.rel(*b), {"nsubj", "nsubj:pass", "nsubjpass"}) && tree_.pos(*b) != "VERB" &&
          !is_relative_pronoun(*b))
        return true;
    return false;
  }
  // An open complement ("wants to attack"): not a tensed verb with a subject of its own that the
  // parser made one ("pressured Syria, Russia attacked Iraq"), which heads a clause of its own.
  bool is_open_complement(int verb) const {
    return tree_.rel(verb) == "xcomp" && !(tree_.tok(verb).is_finite_verb() && has_own_subject(verb));
  }
  bool has_marker(int verb, std::string_view word) const {
    for (auto [b, e] = tree_.children(verb); b != e; ++b)
      if (tree_.rel(*b) == "mark" && tree_.words[*b] == word) return true;
    return false;
  }
  bool same_code(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    const PicoTable& pico = dict_.pico();
    return !pico.empty() && pico.value(a) >= 0 && pico.value(a) == pico.value(b);
  }
  std::string pico_combine(const std::string& upper, const std::string& lower) const;
  // The actors a reported clause charges with a word of the dictionary's &ACCUSATORY set
  // ("Washington's hostility", "the partnership ... was developing into a bloc of
  // aggression"): the word's possessor, else the subject of its clause. Empty when the
  // clause has no such word or the dictionary no such set.
  Codes charged_actors(int clause, int& first, int& last) const;
  int accusatory_word(int clause) const;
  // Whether token `t` (its word or lemma) is a one-word member of synonym set `name`.
  bool in_synset(std::string_view name, int t) const {
    const std::vector<Cameo2Spelling>* members = dict_.synset(name);
    if (!members) return false;
    for (const Cameo2Spelling& spelling : *members)
      if (spelling.size() == 1 && (spelling[0] == tree_.words[t] || spelling[0] == tree_.lemma(t))) return true;
    return false;
  }

  const SentenceContext& context_;
  const Cameo2VerbDictionary& dict_;
  Tree tree_;
  Actors actors_;
  PatternMatcher patterns_;
  std::vector<VerbInfo> verbs_;
  std::vector<NounPhrase> phrases_;  // phrases of the triplets
  std::set<int> open_roots_;         // root verbs none of whose events has a source
};

void Coding::direct_arguments(int verb, std::vector<NounPhrase>& sources, std::vector<NounPhrase>& targets,
                              std::vector<NounPhrase>* others, bool* passive) const {
  const bool reduced_passive = is_existential_participle(verb);
  for (auto [b, e] = tree_.children(verb); b != e; ++b) {
    const std::string_view r = tree_.rel(*b);
    if (r == "nsubj" && reduced_passive) {
      phrases_of(tree_, *b, targets);
      if (passive) *passive = true;
    } else if (r == "nsubj") {
      bool resolved = false;
      if (tree_.pos(*b) == "PRON") {
        // "The US claimed that they ...": the pronoun stands for the governing clause's subject.
        if (const int g = governor(verb, "ccomp"); g >= 0) {
          std::vector<NounPhrase> s, t;
          direct_arguments(g, s, t, nullptr, nullptr);
          resolved = !s.empty();
          sources.insert(sources.end(), s.begin(), s.end());
        }
      }
      if (!resolved) phrases_of(tree_, *b, sources);
    } else if (in(r, {"nsubjpass", "nsubj:pass"}) && is_attitude_participle(verb)) {
      phrases_of(tree_, *b, sources);
    } else if (in(r, {"obj", "dobj", "iobj", "nsubjpass", "nsubj:pass"})) {
      phrases_of(tree_, *b, targets);
      if (passive && (r == "nsubjpass" || r == "nsubj:pass")) *passive = true;
    } else if (others && (in(r, {"nmod", "obl", "obl:agent", "obl:unmarked", "advmod"}) ||
                          // "called the US the most reactionary country": a predicate noun
                          (r == "xcomp" && in(tree_.pos(*b), {"NOUN", "PROPN", "ADJ"})))) {
      phrases_of(tree_, *b, *others);
    }
  }
}

Meaning Coding::meaning_after_overlap(const NounPhrase& np, const std::vector<int>& consumed,
                                     bool* erased) const {
  Meaning m = actors_.meaning(np);
  if (m.empty() || consumed.empty()) return m;
  // Words the pattern matched belong to the verb phrase, not to the actor
  // ("conducting military exercises": MILITARY is not the target).
  auto is_consumed = [&](int t) { return std::find(consumed.begin(), consumed.end(), t) != consumed.end(); };
  size_t overlapping = 0;
  for (const auto& piece : m.pieces) {
    bool hit = false;
    for (int t = piece.first; t <= piece.last; ++t) hit |= is_consumed(t);
    overlapping += hit;
  }
  if (overlapping == 0) return m;
  if (overlapping < m.pieces.size()) {
    // Partly the pattern's: read the actor again from the words after the pattern's words.
    auto in_actor = [&](int t) {
      for (const auto& piece : m.pieces)
        if (t >= piece.first && t <= piece.last) return is_consumed(t);
      return false;
    };
    std::vector<int> rest;
    bool after = false;
    for (int t : np.tokens) {
      if (in_actor(t)) after = true;
      else if (after && !is_consumed(t)) rest.push_back(t);
    }
    m.pieces = actors_.read(rest);
    m.codes = m.pieces.empty() ? Codes{} : Actors::mix(m.pieces);
    if (!m.codes.empty()) return m;
  }
  m = Meaning{};
  if (erased) *erased = true;
  return m;
}

std::string Coding::negate(const std::string& code) const {
  const PicoTable& pico = dict_.pico();
  if (code.empty() || code == "---" || code.find(':') != std::string::npos) return code;
  if (std::stoi(code) > 200) return code;
  // Without PETRARCH-2's ontology the negated event keeps its code; the coder flags it
  // with modality "negated" (annals/modality.h) instead of dropping it.
  if (pico.empty()) return code;
  const int64_t value = pico.value(code);
  if (value < 0) return {};
  return pico.code(value - 0xFFFF);
}

void Coding::code_triplet(Triplet& t, const NounPhrase* source, const NounPhrase* target) const {
  const VerbInfo& verb = verbs_[t.verb];
  t.code.clear();
  t.pattern = nullptr;
  t.consumed.clear();
  // Verb entries: multiword verbs whose particles are present, else the single-word ones.
  const std::vector<Cameo2Verb>* entries = entries_of(verb.id);
  if (!entries) return;
  std::vector<const Cameo2Verb*> chosen;
  for (const Cameo2Verb& entry : *entries) {
    if (entry.back.empty() || !entry.front.empty()) continue;
    bool all = true;
    for (const std::string& word : entry.back) {
      bool found = false;
      for (int p : verb.particles) found |= tree_.words[p] == word;
      all &= found;
    }
    if (all) chosen.push_back(&entry);
  }
  if (chosen.empty())
    for (const Cameo2Verb& entry : *entries)
      if (entry.back.empty() && entry.front.empty()) chosen.push_back(&entry);
  if (chosen.empty()) return;
  t.code = chosen.back()->code;

  PatternMatch best;
  std::vector<int> seen_blocks;
  for (const Cameo2Verb* entry : chosen) {
    if (std::find(seen_blocks.begin(), seen_blocks.end(), entry->block) != seen_blocks.end()) continue;
    seen_blocks.push_back(entry->block);
    PatternMatch m = patterns_.best(dict_.blocks()[entry->block], source, target, verb.others, verb.particles);
    if (m.pattern && (!best.pattern || m.better_than(best))) best = std::move(m);
  }
  if (best.pattern) {
    t.code = best.pattern->code;
    t.pattern = best.pattern;
    t.consumed = std::move(best.consumed);
  }
  if (verb.negative) t.code = negate(t.code);
}

int Coding::accusatory_word(int clause) const {
  const std::vector<Cameo2Spelling>* words = dict_.synset("&ACCUSATORY");
  if (!words) return -1;
  std::vector<int> tokens;
  tree_.subtree(clause, tokens);
  std::sort(tokens.begin(), tokens.end());
  for (int t : tokens)
    for (const Cameo2Spelling& spelling : *words) {
      const int first = t - static_cast<int>(spelling.size()) + 1;
      bool all = first >= 0;
      for (size_t k = 0; k < spelling.size() && all; ++k)
        all = tree_.words[first + k] == spelling[k] || tree_.lemma(first + k) == spelling[k];
      if (all) return t;
    }
  return -1;
}

Codes Coding::charged_actors(int clause, int& first, int& last) const {
  const int word = accusatory_word(clause);
  if (word < 0) return {};
  auto actors_in = [&](int head) -> Codes {
    std::vector<NounPhrase> phrases;
    phrases_of(tree_, head, phrases);
    Codes codes;
    for (const NounPhrase& np : phrases) {
      const Meaning& m = actors_.meaning(np);
      if (m.empty()) continue;
      if (codes.empty()) first = np.tokens.front(), last = np.tokens.back();
      for (const std::string& code : m.codes)
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    return codes;
  };
  // From the word up to the clause: first a possessor, then a subject.
  for (const std::string_view relation : {"nmod:poss", "nsubj"}) {
    for (int h = word;; h = tree_.tok(h).head) {
      for (auto [b, e] = tree_.children(h); b != e; ++b) {
        if (tree_.rel(*b) != relation) continue;
        if (Codes codes = actors_in(*b); !codes.empty()) return codes;
      }
      if (h == clause || tree_.tok(h).head < 0) break;
    }
  }
  // A possessor the parser hung elsewhere still owns the word it stands before, across
  // modifiers and quotes ("Washington's 'unwavering' hostility").
  int t = word - 1;
  while (t >= 0 && in(pos_of(tree_.tok(t)), {"ADJ", "ADV", "PUNCT"})) --t;
  if (t < 0 || !(tree_.words[t] == "'S" || tree_.words[t] == "'") || tree_.tok(t).head < 0) return {};
  return actors_in(tree_.tok(t).head);
}

std::string Coding::pico_combine(const std::string& upper, const std::string& lower) const {
  const PicoTable& pico = dict_.pico();
  if (pico.empty()) return {};
  const int64_t u = upper.empty() ? 0 : pico.value(upper), l = pico.value(lower);
  if (u < 0 || l < 0) return {};
  return pico.code(PicoTable::combine(u, l));
}

bool same_actor(const Codes& a, const Codes& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  return a.front() == b.front();
}

// An upper (root) verb event combined with the event of a clause it governs.
bool Coding::is_lower(int verb, int root) const {
  const int head = tree_.tok(verb).head;
  if (head < 0) return false;
  const std::string_view rel = tree_.rel(verb);
  // (A clausal subject is such a clause too: "There were soldiers killed".)
  if (head == root) return in(rel, {"advcl", "ccomp", "xcomp", "csubj"});
  // Conjuncts of a complement clause, and participles that go on with one ("responded by
  // expanding exercises, drawing criticism"). A root without an actor cannot take its clauses
  // over, so they stand as they are and the open complement of such a clause ("the
  // stopover came as the US leader prepared to attend ...") is one of them.
  if (rel == "conj" || nested_participle_governor(verb) == head)
    return is_verb(head) && tree_.tok(head).head == root && in(tree_.rel(head), {"advcl", "ccomp", "xcomp"});
  // "officials said Syrian rebels engaged peacekeepers" with "rebels" read as the reported
  // clause and "engaged" as its modifier: the modifier is that clause's verb.
  if (clause_subject_noun(verb) == head && tree_.tok(head).head == root) return true;
  if (rel == "xcomp") return open_roots_.count(root) && is_lower(head, root);
  return false;
}

std::vector<Event> Coding::combine(const Event& root, const Event& lower, bool& unnamed) const {
  unnamed = false;
  if (!lower.code.empty() && !root.source.empty()) {
    // Transformations: exact lower verbs first, then lower verbs of the code's family
    // ("release the prisoners" = 0841 is a RELEASE = 084), then of the root of a root-level
    // code ("allow humanitarian access" = 0863 is a YIELD = 080), then the 'Q' (any verb) ones.
    auto in_family = [&](std::string_view family) {
      return lower.code.size() > family.size() && lower.code.starts_with(family);
    };
    for (int pass = 0; pass < 4; ++pass) {
      for (const Cameo2Transformation& t : dict_.transformations()) {
        if ((pass < 3) == t.lower_code.empty()) continue;
        if (root.code.empty() || !same_code(root.code, t.upper_code)) continue;
        if (pass == 0 && !same_code(lower.code, t.lower_code)) continue;
        if (pass == 1 && !in_family(t.lower_code)) continue;
        const bool root_level = t.lower_code.size() == 3 && t.lower_code.ends_with('0');
        if (pass == 2 && !(root_level && in_family(std::string_view(t.lower_code).substr(0, 2)))) continue;
        std::map<std::string, const Codes*> vars{{t.upper_source, &root.source}};
        const bool same_source = same_actor(lower.source, root.source);
        if (t.lower_source == t.upper_source || t.lower_source == "_") {
          if (!same_source) continue;
        } else if (t.lower_source != ".") {
          if (same_source || lower.source.empty()) continue;
          vars[t.lower_source] = &lower.source;
        }
        if (t.lower_target != ".") {
          auto it = vars.find(t.lower_target);
          if (it != vars.end() && !same_actor(*it->second, lower.target)) continue;
          vars.emplace(t.lower_target, &lower.target);
        }
        auto value = [&](const std::string& var) -> Codes {
          auto it = vars.find(var);
          return it == vars.end() ? Codes{} : *it->second;
        };
        Event e = lower;
        e.borrowed_only = false;
        e.source = value(t.result_source);
        e.target = value(t.result_target);
        e.code = t.result_code == "Q" ? lower.code : t.result_code;
        // A code of its own ("urged to release" = 0253) names the upper verb's act: it is
        // the upper verb that happened, when and as surely as the text says.
        if (t.result_code != "Q") e.verb = root.verb;
        if (!dict_.pico().empty()) e.code = dict_.pico().code(dict_.pico().value(e.code));
        if (e.code.empty()) {
          unnamed = true;
          return {lower};
        }
        return {e};
      }
    }
  }
  // "a (b . Q) P": someone else's act reported/wanted by a -> a acts towards b;
  // "a (a b Q) P": a's own act towards b.
  if (!root.source.empty() && !lower.source.empty() && !lower.code.empty() && !same_actor(root.source, lower.source)) {
    const std::string code = pico_combine(root.code, lower.code);
    if (code.empty()) {
      unnamed = true;
      return {lower};
    }
    std::vector<Event> out;
    for (const std::string& s : lower.source) {
      Event e = lower;
      e.borrowed_only = false;
      e.source = root.source;
      e.target = {s};
      e.code = code;
      out.push_back(e);
    }
    return out;
  }
  if (!root.source.empty() && same_actor(root.source, lower.source) && !lower.target.empty() && !lower.code.empty()) {
    const std::string code = root.code.empty() || root.code == "---" ? lower.code : pico_combine(root.code, lower.code);
    if (code.empty()) {
      unnamed = true;
      return {lower};
    }
    Event e = lower;
    e.borrowed_only = false;
    e.source = root.source;
    e.code = code;
    return {e};
  }
  return {lower};
}

std::vector<RawEvent> Coding::run() {
  const int n = tree_.size();
  // 1. Verbs with their arguments.
  // A verb before v, with its sources as already resolved; null when `id` is none.
  auto resolved = [&](int id) -> const VerbInfo* {
    for (const VerbInfo& other : verbs_)
      if (other.id == id) return &other;
    return nullptr;
  };
  for (int v = 0; v < n; ++v) {
    if (!is_verb(v)) continue;
    VerbInfo info;
    info.id = v;
    direct_arguments(v, info.sources, info.targets, &info.others, &info.passive);
    for (auto [b, e] = tree_.children(v); b != e; ++b) {
      // UD v1 "neg"; v2 (and the CoNLL-U reader) make it advmod "not".
      if (tree_.rel(*b).starts_with("neg") ||
          (tree_.rel(*b) == "advmod" && in(tree_.words[*b], {"NOT", "N'T", "NEVER"})))
        info.negative = true;
      if (tree_.rel(*b).starts_with("compound")) info.particles.push_back(*b);
    }
    // A conjoined verb shares its governor's subject; an open complement takes its
    // governor's object, else its subject; a complement clause's subject is a target.
    const bool passive_conjunct = governor(v, "conj") >= 0 && info.sources.empty() && info.targets.empty() &&
                                  (has_child(v, "aux:pass") || has_child(v, "auxpass"));
    if (passive_conjunct) {
      // "Vietnam is committed to reform but will not be rushed": the shared subject is acted on.
      for (auto [b, e] = tree_.children(tree_.tok(v).head); b != e; ++b)
        if (in(tree_.rel(*b), {"nsubj", "nsubj:pass", "nsubjpass"})) phrases_of(tree_, *b, info.targets);
      info.passive = true;
    } else if (const int g = governor(v, "conj"); g >= 0 && is_verb(g) && info.sources.empty()) {
      // The governor's sources as already resolved ("Bush scheduled to give a speech and
      // meet with dissidents": meet's subject is give's, which give took from scheduled).
      if (const VerbInfo* governing = resolved(g)) {
        info.sources.insert(info.sources.end(), governing->sources.begin(), governing->sources.end());
      } else {
        std::vector<NounPhrase> s, t;
        direct_arguments(g, s, t, nullptr, nullptr);
        info.sources.insert(info.sources.end(), s.begin(), s.end());
      }
    }
    // "responded by expanding exercises": a clause of means is done by its governor's
    // subject. (Other adverbial clauses, "killing eight", "to discuss", are left to the
    // source fallback, as PETRARCH does.)
    if (const int g = governor(v, "advcl"); g >= 0 && info.sources.empty() && has_marker(v, "BY"))
      if (const VerbInfo* governing = resolved(g)) info.sources = governing->sources;
    // A participle going on with such a clause shares its actors (those of its phrases that
    // name one: "The US and South Korea" read as three conjuncts leaves "South" to no one).
    if (const int g = nested_participle_governor(v); g >= 0 && info.sources.empty())
      if (const VerbInfo* governing = resolved(g))
        for (const NounPhrase& np : governing->sources)
          if (!actors_.meaning(np).empty()) info.sources.push_back(np);
    // "issued a statement urging Israel to ...": a participle on a statement (a word of
    // the dictionary's &STATEMENT set) is the act of the statement's author.
    if (const int noun = governor(v, "acl"); noun >= 0 && info.sources.empty() && in_synset("&STATEMENT", noun))
      if (const VerbInfo* author = resolved(tree_.tok(noun).head)) info.sources = author->sources;
    if (const int noun = clause_subject_noun(v); noun >= 0 && info.sources.empty()) {
      NounPhrase subject = noun_phrase(tree_, noun);
      std::vector<int> clause;
      tree_.subtree(v, clause);
      std::erase_if(subject.tokens, [&](int t) { return std::find(clause.begin(), clause.end(), t) != clause.end(); });
      info.sources.push_back(std::move(subject));
    }
    if (const int g = governor(v, "xcomp"); g >= 0 && is_open_complement(v)) {
      std::vector<NounPhrase> s, t;
      direct_arguments(g, s, t, nullptr, nullptr);
      const auto& from = t.empty() ? s : t;
      info.sources.insert(info.sources.end(), from.begin(), from.end());
    }
    for (auto [b, e] = tree_.children(v); b != e; ++b) {
      if (tree_.rel(*b) != "ccomp") continue;
      std::vector<NounPhrase> s, t;
      direct_arguments(*b, s, t, nullptr, nullptr);
      info.targets.insert(info.targets.end(), s.begin(), s.end());
    }
    verbs_.push_back(std::move(info));
  }

  // 2. Triplets: every source with every target.
  std::vector<Triplet> triplets;
  auto add_phrase = [&](const NounPhrase& np) {
    phrases_.push_back(np);
    return static_cast<int>(phrases_.size()) - 1;
  };
  static constexpr std::array<std::string_view, 7> kWeekdays{"Monday", "Tuesday", "Wednesday", "Thursday",
                                                             "Friday", "Saturday", "Sunday"};
  auto weekday = [&](const NounPhrase& np) {
    return np.tokens.size() == 1 &&
           std::find(kWeekdays.begin(), kWeekdays.end(), tree_.tok(np.head).form) != kWeekdays.end();
  };
  phrases_.reserve(64);
  for (int vi = 0; vi < static_cast<int>(verbs_.size()); ++vi) {
    VerbInfo& verb = verbs_[vi];
    std::vector<int> s_ids, t_ids;
    // An apposition renames its anchor ("The US commander in Iraq, General David
    // Petraeus"): it is a separate actor only when the anchor names none. An anchor that
    // names only an agent ("Quatar's emir, Sheikh Hamad") gives way to an apposition
    // that names the actor.
    auto names_actor = [&](const NounPhrase& np) {
      const auto& pieces = actors_.meaning(np).pieces;
      return std::any_of(pieces.begin(), pieces.end(), [](const Meaning::Piece& p) { return !p.agent; });
    };
    auto renames_actor = [&](const std::vector<NounPhrase>& list, const NounPhrase& np) {
      for (const NounPhrase& other : list) {
        if (np.anchor >= 0 && other.head == np.anchor && other.anchor < 0)
          return !actors_.meaning(other).empty() && (names_actor(other) || !names_actor(np));
        if (np.anchor < 0 && other.anchor == np.head && !names_actor(np) && names_actor(other)) return true;
      }
      return false;
    };
    for (const NounPhrase& s : verb.sources)
      if (!renames_actor(verb.sources, s)) s_ids.push_back(add_phrase(s));
    // "rioted Monday": a weekday the parser made an object is no target.
    for (const NounPhrase& t : verb.targets)
      if (!renames_actor(verb.targets, t) && !weekday(t)) t_ids.push_back(add_phrase(t));
    if (s_ids.empty()) s_ids.push_back(-1);
    if (t_ids.empty()) t_ids.push_back(-1);
    for (int s : s_ids)
      for (int t : t_ids) {
        Triplet triplet;
        triplet.source = s;
        triplet.target = t;
        triplet.verb = vi;
        triplets.push_back(triplet);
      }
  }

  // Overlapping phrases with the same first token: the longer one stands for both.
  auto unique_by_start = [](const std::vector<NounPhrase>& nps) {
    std::map<int, const NounPhrase*> by_start;
    for (const NounPhrase& np : nps) {
      auto& slot = by_start[np.tokens.front()];
      if (!slot || np.tokens.back() - np.tokens.front() >= slot->tokens.back() - slot->tokens.front()) slot = &np;
    }
    return by_start;
  };

  // Nouns of the whole sentence, for the source fallback; built when first needed.
  std::vector<NounPhrase> sentence_nouns;
  std::map<int, const NounPhrase*> sentence_nouns_by_start;
  auto nouns_by_start = [&]() -> const std::map<int, const NounPhrase*>& {
    if (sentence_nouns.empty()) {
      for (int i = 0; i < n; ++i)
        if (in(tree_.pos(i), {"NOUN", "PROPN"}) &&
            in(tree_.rel(i), {"nsubj", "obj", "dobj", "iobj", "nmod", "obl", "obl:agent", "nsubjpass", "nsubj:pass"}))
          phrases_of(tree_, i, sentence_nouns);
      sentence_nouns_by_start = unique_by_start(sentence_nouns);
    }
    return sentence_nouns_by_start;
  };

  // 3. Codes and actors of each triplet.
  std::vector<int> roots;
  for (int i = 0; i < n; ++i) {
    if (tree_.tok(i).head >= 0) continue;
    if (is_verb(i)) roots.push_back(i);
    else
      for (auto [b, e] = tree_.children(i); b != e; ++b)
        if (tree_.rel(*b) != "cop" && is_verb(*b)) roots.push_back(*b);
    for (auto [b, e] = tree_.children(i); b != e; ++b)
      if (in(tree_.rel(*b), {"conj", "parataxis"})) roots.push_back(*b);
  }
  // "Thailand said Vietnam agreed to hold talks", "... continued to send arms, a spokesman
  // said", "youths resorted to throwing stones, officials said": a clause that a statement
  // reports governs its own open complement, and an adverbial clause that goes on with its
  // subject, as a root does; otherwise they would be lost whenever the speaker is a known actor.
  for (size_t r = 0, count = roots.size(); r < count; ++r) {
    if (!is_statement_verb(roots[r])) continue;
    for (auto [b, e] = tree_.children(roots[r]); b != e; ++b) {
      if (tree_.rel(*b) != "ccomp" || !is_verb(*b)) continue;
      for (auto [cb, ce] = tree_.children(*b); cb != ce; ++cb)
        if (is_verb(*cb) && (tree_.rel(*cb) == "xcomp" || (tree_.rel(*cb) == "advcl" && !has_own_subject(*cb)))) {
          roots.push_back(*b);
          break;
        }
    }
  }
  // The author's act in a statement ("issued a statement urging ...") stands on its own.
  for (const VerbInfo& verb : verbs_)
    if (const int noun = governor(verb.id, "acl"); noun >= 0 && in_synset("&STATEMENT", noun)) roots.push_back(verb.id);
  auto is_root = [&](int v) { return std::find(roots.begin(), roots.end(), v) != roots.end(); };
  // A clause with a subject of its own that the parser hung on a root where no clause goes: as
  // a conjunct of a root that is not the sentence's head ("a session that ended on Friday, Kim
  // called the US ..." with "called" a conjunct of the relative clause) or as the root's noun
  // argument ("soldiers beat detainees, a court was told" with "beat" the subject of "told").
  // It is coded on its own, as a root; so are such clauses hung on it, the nearest to the
  // sentence's head first. (Conjuncts inside clauses that are not coded stay uncoded.)
  std::vector<std::pair<int, int>> stranded;  // (depth, verb)
  for (const VerbInfo& verb : verbs_) {
    const int v = verb.id;
    if (tree_.tok(v).head < 0 || is_root(v) || !has_own_subject(v)) continue;
    if (!in(tree_.rel(v), {"conj", "nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj", "obl", "obl:agent",
                           "nmod", "appos", "dep"}))
      continue;
    int depth = 0;
    for (int h = tree_.tok(v).head; h >= 0 && depth <= n; h = tree_.tok(h).head) ++depth;
    stranded.emplace_back(depth, v);
  }
  std::sort(stranded.begin(), stranded.end());
  for (const auto& [depth, v] : stranded)
    if (is_root(tree_.tok(v).head) && std::none_of(roots.begin(), roots.end(), [&](int r) { return is_lower(v, r); }))
      roots.push_back(v);

  std::vector<Event> events(triplets.size());
  std::map<int, std::vector<int>> root_events;  // root verb token -> triplet indices
  for (size_t ti = 0; ti < triplets.size(); ++ti) {
    Triplet& t = triplets[ti];
    const VerbInfo& verb = verbs_[t.verb];
    const NounPhrase* source = t.source >= 0 ? &phrases_[t.source] : nullptr;
    const NounPhrase* target = t.target >= 0 ? &phrases_[t.target] : nullptr;
    code_triplet(t, source, target);
    if (t.pattern && !verb.passive) {
      // '+' before the verb: the object is the actor; '$' after it: the subject is acted on.
      if (t.pattern->target_becomes_source || t.pattern->source_becomes_target) std::swap(source, target);
    }
    if (t.pattern && t.pattern->compound) t.paired = true;

    Meaning s_meaning, t_meaning;
    if (source) s_meaning = actors_.meaning(*source);
    // PETRARCH pairs actors only when there is no target at all (or the pattern took it).
    bool target_absent = !target;
    if (target) {
      t_meaning = meaning_after_overlap(*target, t.consumed, &target_absent);
      // Several actors of a main clause with a phrase the pattern took as a whole ("Russia and
      // North Korea held talks", "the two signed a pact"): the phrase names their joint act,
      // not a target. (A single actor keeps PETRARCH-2's reading, "Interpol will send a team",
      // and so does a lower clause, which combines with its governor: "failed to reach a deal".)
      const bool several = s_meaning.codes.size() >= 2 ||
                           (source && (has_child(source->head, "conj") || tree_.rel(source->head) == "conj"));
      if (several && is_root(verb.id) && t_meaning.empty() && t.took(target->head)) target_absent = true;
    }
    const NounPhrase* final_source = source;
    const NounPhrase* final_target = target;

    if (t_meaning.empty() || (verb.passive && s_meaning.empty())) {
      // The verb's other nouns: "fired ... at Russia", "released ... by Putin".
      int closest = n;
      const NounPhrase* found = nullptr;
      Meaning found_meaning;
      for (const auto& [start, np] : unique_by_start(verb.others)) {
        const bool by_phrase = verb.passive && tree_.tok(np->tokens.front()).form == "by";
        if (np->head < verb.id || !(np->head <= closest || by_phrase)) continue;
        found = np;
        found_meaning = meaning_after_overlap(*np, t.consumed);
        if (!found_meaning.empty()) closest = np->head;
      }
      if (found && !found_meaning.empty()) {
        if (verb.passive && s_meaning.empty()) {
          final_source = found;
          s_meaning = found_meaning;
        } else if (t_meaning.empty()) {
          final_target = found;
          t_meaning = found_meaning;
          target_absent = false;
        }
      }
    }
    if (target && t_meaning.empty() && target_absent) {
      // The pattern took the target's words ("released the civilians": * &PEOPLE) and no
      // other phrase names a target: then the phrase still names whom the verb acts on,
      // when its head is the actor ("held military exercises": MILITARY names no target).
      const Meaning whole = actors_.meaning(*target);
      for (const auto& piece : whole.pieces)
        if (piece.first <= target->head && target->head <= piece.last) t_meaning = whole;
      target_absent = t_meaning.empty();
    }
    if (!verb.passive && s_meaning.empty()) {
      const auto& by_start = nouns_by_start();
      for (auto it = by_start.rbegin(); it != by_start.rend(); ++it) {
        const NounPhrase* np = it->second;
        if (np->head > verb.id) continue;
        const Meaning& m = actors_.meaning(*np);
        if (!m.empty()) {
          final_source = np;
          s_meaning = m;
          break;
        }
      }
    }
    if (!t.pattern && final_source != source) {
      // A source found elsewhere may let a subject pattern match. (A target found among
      // the verb's obliques was already a candidate; as a target its own nested phrases
      // would count, letting "comes a day before X heads to Beijing" match "* (TO)".)
      Triplet again = t;
      code_triplet(again, final_source, target);
      if (again.pattern && !again.code.empty() && again.code != "---" && again.code != t.code) {
        t.code = again.code;
        t.pattern = again.pattern;
      }
    }

    Event& e = events[ti];
    e.source = s_meaning.codes;
    e.target = t_meaning.codes;
    e.code = t.code;
    e.verb = verb.id;
    // "A report released Tuesday in the Rwandan capital": a place or another clause's
    // noun can complete an event, but cannot be its only actor.
    e.borrowed_only = (e.source.empty() && final_target != target) || (e.target.empty() && final_source != source);
    // The actor's text is the noun phrase without its preposition ("with Kim" -> "Kim").
    auto span = [this](const NounPhrase* np, int& first, int& last) {
      if (!np) return;
      auto word = np->tokens.begin();
      while (word + 1 != np->tokens.end() && in(tree_.rel(*word), {"case", "punct"})) ++word;
      first = *word, last = np->tokens.back();
    };
    span(final_source, e.sf, e.sl);
    span(final_target, e.tf, e.tl);
    // "drew strong criticism from Pyongyang": when the pattern took the phrase's head, the
    // actor is named by the words of its own, not by the whole phrase.
    auto narrow = [&](const NounPhrase* np, const Meaning& m, int& first, int& last) {
      if (!np || m.pieces.empty() || !t.took(np->head)) return;
      first = m.pieces.front().first, last = m.pieces.front().last;
      for (const auto& piece : m.pieces) first = std::min(first, piece.first), last = std::max(last, piece.last);
    };
    narrow(final_source, s_meaning, e.sf, e.sl);
    narrow(final_target, t_meaning, e.tf, e.tl);
    // A root verb still governs its complements when its own event turns out paired.
    if (is_root(verb.id) && !t.paired) root_events[verb.id].push_back(static_cast<int>(ti));
    if (!e.source.empty() && target_absent && e.code.size() >= 2 &&
        in(std::string_view(e.code).substr(0, 2), {"03", "04", "05", "06"}))
      t.paired = true;
  }

  // 4. Complement clauses combined with the root verbs that govern them.
  std::vector<Event> out;
  std::vector<int> combined_roots;
  bool last_combined = true;
  std::vector<size_t> order(triplets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return verbs_[triplets[a].verb].id < verbs_[triplets[b].verb].id; });
  for (const auto& [root, members] : root_events) {
    bool sourced = false;
    for (int m : members) sourced |= !events[m].source.empty();
    if (!sourced) open_roots_.insert(root);
  }
  // A root whose open complement carries a code ("want Obama to head back", "prepared
  // to attend") is only coded together with it: on its own it tells half the story.
  std::vector<int> completed_roots;
  for (size_t ti = 0; ti < triplets.size(); ++ti) {
    const int v = verbs_[triplets[ti].verb].id;
    const int h = tree_.tok(v).head;
    if (is_open_complement(v) && root_events.count(h) && !events[ti].code.empty() && events[ti].code != "---")
      completed_roots.push_back(h);
  }
  for (size_t ti : order) {
    const Triplet& t = triplets[ti];
    last_combined = true;
    if (t.paired) continue;
    const int v = verbs_[t.verb].id;
    if (root_events.empty()) out.push_back(events[ti]);
    for (const auto& [root, members] : root_events) {
      if (!is_lower(v, root)) continue;
      const Event& current = events[ti];
      if (current.source == current.target) continue;
      // "Obama and Putin said they will attack Iraq": a clause whose actor is one of the
      // root's own subjects goes with that subject only, not with the others.
      auto co_subject = [&](const Event& root_event) {
        if (current.source.empty() || same_actor(current.source, root_event.source)) return false;
        for (int other : members)
          if (same_actor(current.source, events[other].source)) return true;
        return false;
      };
      for (int member : members) {
        const Event& root_event = events[member];
        if (co_subject(root_event)) continue;
        bool unnamed = false;
        std::vector<Event> results = combine(root_event, current, unnamed);
        // "pressured to help Iran", "jailed for helping militants": such a clause states
        // what the upper verb asks, intends or charges, not something that happened;
        // when it does not combine with the upper verb it is no event. Likewise what an
        // actor claims or alleges (11x) another did is an allegation, not a fact.
        if (unnamed && (is_nonfinite_clause(v) || root_event.code.starts_with("11"))) continue;
        for (Event& r : results) {
          if (r.code.empty()) continue;
          const bool unchanged = r.source == current.source && r.target == current.target && r.code == current.code;
          if (unchanged) last_combined = false;
          else combined_roots.push_back(root);
          out.push_back(std::move(r));
        }
      }
    }
  }
  for (const auto& [root, members] : root_events) {
    const bool combined = std::find(combined_roots.begin(), combined_roots.end(), root) != combined_roots.end();
    if (combined && !out.empty() && last_combined) continue;
    if (std::find(completed_roots.begin(), completed_roots.end(), root) != completed_roots.end()) continue;
    // A paired event stands for its root event.
    for (int m : members)
      if (!triplets[m].paired) out.push_back(events[m]);
  }

  // 5. Paired events: actors of the same cooperative act with no target act on each other.
  std::map<std::string, std::vector<size_t>> pairs;  // code -> triplets
  for (size_t ti = 0; ti < triplets.size(); ++ti)
    if (triplets[ti].paired && !events[ti].code.empty()) pairs[events[ti].code].push_back(ti);
  for (const auto& [code, members] : pairs) {
    for (size_t a : members)
      for (size_t b : members) {
        if (triplets[a].source == triplets[b].source) {
          // One phrase naming several actors ("they met"): each with each other.
          if (a != b) continue;
          const Codes& both = events[a].source;
          for (size_t i = 0; both.size() > 1 && i < both.size(); ++i)
            for (size_t j = 0; j < both.size(); ++j) {
              if (i == j) continue;
              Event e = events[a];
              e.source = {both[i]};
              e.target = {both[j]};
              e.tf = e.sf, e.tl = e.sl;
              out.push_back(std::move(e));
            }
          continue;
        }
        Event e = events[a];
        e.target = events[b].source;
        e.tf = events[b].sf, e.tl = events[b].sl;
        out.push_back(std::move(e));
      }
  }

  // 6. Statements that charge another actor with hostility are accusations.
  std::set<std::pair<int, Codes>> speakers;  // (verb, source): a statement's triplets share its clauses
  for (const Event& said : events) {
    if (said.source.empty() || !(said.code.empty() || said.code == "---" || said.code == "010")) continue;
    if (!speakers.emplace(said.verb, said.source).second) continue;
    for (auto [b, e] = tree_.children(said.verb); b != e; ++b) {
      if (tree_.rel(*b) != "ccomp") continue;
      int tf = -1, tl = -1;
      const Codes charged = charged_actors(*b, tf, tl);
      if (charged.empty() || same_actor(charged, said.source)) continue;
      Event accusation = said;
      accusation.code = "112";
      accusation.target = charged;
      accusation.tf = tf, accusation.tl = tl;
      out.push_back(std::move(accusation));
    }
  }

  // 7. Symmetric codes, null and statement filtering.
  std::vector<RawEvent> raw;
  auto emit = [&](const Codes& source, int sf, int sl, const Codes& target, int tf, int tl,
                  const std::string& code, int verb) {
    if (code.empty() || code == "---" || code == "010") return;
    if (code.find_first_not_of("0123456789") != std::string::npos) return;
    if (source.empty() && target.empty()) return;
    auto printable = [](std::string c) {
      if (c.starts_with("~")) c = "---" + c.substr(1);
      return c;
    };
    for (size_t i = 0; i < std::max<size_t>(1, source.size()); ++i)
      for (size_t j = 0; j < std::max<size_t>(1, target.size()); ++j) {
        RawEvent r;
        if (!source.empty()) r.source = {printable(source[i]), sf, sl};
        if (!target.empty()) r.target = {printable(target[j]), tf, tl};
        r.code = code;
        r.verb_first = r.verb_last = verb;
        raw.push_back(std::move(r));
      }
  };
  for (const Event& e : out) {
    if (e.borrowed_only && (e.source.empty() || e.target.empty())) continue;
    const size_t colon = e.code.find(':');
    if (colon == std::string::npos) {
      emit(e.source, e.sf, e.sl, e.target, e.tf, e.tl, e.code, e.verb);
      continue;
    }
    emit(e.source, e.sf, e.sl, e.target, e.tf, e.tl, e.code.substr(0, colon), e.verb);
    // The reverse half ("A:B": the target does B to the source) needs both actors; with
    // one unknown it would only repeat the first half with the roles swapped.
    if (!e.source.empty() && !e.target.empty())
      emit(e.target, e.tf, e.tl, e.source, e.sf, e.sl, e.code.substr(colon + 1), e.verb);
  }
  return raw;
}

}  // namespace

std::vector<RawEvent> match_cameo2(const SentenceContext& context, const Cameo2VerbDictionary& verbs) {
  if (context.sentence.tokens.empty()) return {};
  return Coding(context, verbs).run();
}

}  // namespace annals
