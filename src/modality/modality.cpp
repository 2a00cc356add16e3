// Modality and attribution of coded events, read off the dependency tree.
//
// Everything here runs once per coded event, so it only compares lemmas and relations over the
// sentence's own tokens: no regular expressions, no lookup tables built at run time, and the
// modality walk allocates nothing. Walks up the tree are bounded by the sentence length, so a
// malformed tree (cycles, heads out of range) cannot hang them.
#include "annals/modality.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "core/reporting_verbs.h"

namespace annals {
namespace {

using std::string_view;

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_word(string_view a, string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

template <size_t N>
bool one_of(string_view word, const string_view (&list)[N]) {
  for (string_view entry : list)
    if (same_word(word, entry)) return true;
  return false;
}

bool ends_with(string_view word, string_view suffix) {
  return word.size() >= suffix.size() && same_word(word.substr(word.size() - suffix.size()), suffix);
}

// Irregular forms of the cue verbs, for input without lemmas.
struct IrregularForm {
  string_view form;
  string_view lemma;
};
constexpr IrregularForm kIrregularForms[] = {
    {"said", "say"},      {"says", "say"},        {"told", "tell"},     {"wrote", "write"},
    {"written", "write"}, {"thought", "think"},   {"sought", "seek"},   {"meant", "mean"},
    {"went", "go"},       {"gone", "go"},         {"is", "be"},         {"are", "be"},
    {"was", "be"},        {"were", "be"},         {"been", "be"},       {"being", "be"},
    {"am", "be"},         {"'s", "be"},           {"'re", "be"},        {"undertook", "undertake"},
    {"undertaken", "undertake"}, {"ca", "can"},   {"wo", "will"},       {"'ll", "will"},
};

// True when `form` is an inflection of `lemma`: plan, plans, planned, planning; deny, denied;
// promise, promising. Used only for tokens that came without a lemma (Penn Treebank input).
bool inflects(string_view form, string_view lemma) {
  if (same_word(form, lemma)) return true;
  for (const IrregularForm& irregular : kIrregularForms)
    if (same_word(form, irregular.form) && same_word(lemma, irregular.lemma)) return true;
  if (lemma.empty() || form.size() <= lemma.size() - 1) return false;
  string_view stem = lemma;
  if (same_word(form.substr(0, stem.size()), stem)) {
    const string_view rest = form.substr(stem.size());
    if (same_word(rest, "s") || same_word(rest, "es") || same_word(rest, "ed") || same_word(rest, "ing"))
      return true;
    if (same_word(rest, "d") && ends_with(lemma, "e")) return true;
    // A doubled final consonant: planned, committed.
    if (rest.size() >= 3 && ascii_lower(rest[0]) == ascii_lower(lemma.back()) &&
        (same_word(rest.substr(1), "ed") || same_word(rest.substr(1), "ing")))
      return true;
  }
  stem = lemma.substr(0, lemma.size() - 1);
  if (!same_word(form.substr(0, stem.size()), stem)) return false;
  const string_view rest = form.substr(stem.size());
  if (ends_with(lemma, "e")) return same_word(rest, "ing");
  if (ends_with(lemma, "y")) return same_word(rest, "ied") || same_word(rest, "ies");
  return false;
}

// A token's word for cue matching: its lemma, or its form when the source gave no lemma, in which
// case cue lemmas match it in any inflection.
struct Lexeme {
  string_view text;
  bool inflected = false;
};

bool same_word(Lexeme word, string_view lemma) {
  return word.inflected ? inflects(word.text, lemma) : same_word(word.text, lemma);
}

template <size_t N>
bool one_of(Lexeme word, const string_view (&list)[N]) {
  for (string_view entry : list)
    if (same_word(word, entry)) return true;
  return false;
}

// ---- Cue words ---------------------------------------------------------------------------------

constexpr string_view kNegators[] = {"not", "n't", "nt", "never", "no", "without"};
constexpr string_view kHypotheticalModals[] = {"could", "might", "may", "would", "should",
                                               "must", "can", "ought"};
constexpr string_view kFutureModals[] = {"will", "shall", "'ll", "wo"};
// Auxiliaries other than the modals, by lemma and by the forms that do not inflect regularly.
constexpr string_view kAuxiliaryVerbs[] = {"be", "have", "has", "had", "do", "does", "did", "get", "got", "use", "used"};
constexpr string_view kConditionalMarks[] = {"if", "unless", "whether"};
// Subordinators of a clause that, set off by a comma after its governor, gives a reason or a
// contrast of the writer's own ("..., as Trump is expected to focus on Ukraine"), outside what
// the governor believes or intends.
constexpr string_view kPeripheralMarks[] = {"as", "since", "because", "although", "though", "whereas"};
constexpr string_view kHedgeAdverbs[] = {"possibly", "probably", "perhaps", "maybe", "likely",
                                         "potentially", "conceivably", "presumably"};

// Governing verbs, by what they make of their complement ("vowed to implement", "hope that").
// "threaten" and "agree" are CAMEO events themselves: the threat or agreement is asserted, the
// act threatened (conditional, coercive) is hypothetical and the act agreed to is future.
constexpr string_view kFutureVerbs[] = {"vow",     "pledge", "promise", "plan",    "intend",
                                        "aim",     "seek",   "want",    "agree",   "decide",
                                        "prepare", "offer",  "resolve", "schedule", "commit",
                                        "undertake", "mean"};
constexpr string_view kHypotheticalVerbs[] = {
    "believe", "think",   "hope",    "consider", "fear",     "suspect", "predict", "doubt",
    "wish",    "urge",    "ask",     "demand",   "propose",  "suggest", "threaten", "mull",
    "weigh",   "contemplate", "speculate", "need", "recommend", "request", "expect",
    "imagine", "envisage", "envision", "assume", "estimate", "forecast"};
constexpr string_view kNegatingVerbs[] = {"refuse", "fail", "decline", "deny", "avoid", "reject",
                                          "neglect", "refrain"};
// Passive or predicative frames that schedule the act: "is expected/set/due/poised to".
constexpr string_view kSchedulingParticiples[] = {"expect", "set", "slate", "poise", "due", "schedule"};

constexpr string_view kHypotheticalAdjectives[] = {"likely", "unlikely", "possible", "probable",
                                                   "impossible", "conceivable", "liable"};
constexpr string_view kFutureAdjectives[] = {"ready", "willing", "prepared", "eager", "determined",
                                             "poised", "due", "keen", "set", "expected", "scheduled"};

// Nouns whose complement names an act that has not happened: "the likelihood of diplomacy",
// "a challenge to the revival of diplomatic efforts", "plans to visit", "the lack of talks".
constexpr string_view kHypotheticalNouns[] = {
    "likelihood", "possibility", "chance",  "prospect",  "probability", "risk",     "danger",
    "fear",       "hope",        "threat",  "need",      "proposal",    "call",     "demand",
    "idea",       "option",      "scenario", "speculation", "rumor",    "rumour",   "challenge",
    "obstacle",   "hurdle",      "barrier", "impediment", "question",   "suggestion", "request",
    "prospects",  "potential"};
constexpr string_view kFutureNouns[] = {"plan",      "intention", "pledge",     "promise", "vow",
                                        "goal",      "aim",       "commitment", "decision", "agreement",
                                        "readiness", "willingness", "effort",   "bid",      "offer",
                                        "preparation", "preparations", "plans",  "deal",    "schedule"};
constexpr string_view kNegatingNouns[] = {"lack", "absence", "refusal", "failure", "denial"};

// Modifiers of an event noun: "possible sanctions", "planned talks".
constexpr string_view kHypotheticalModifiers[] = {"possible", "potential", "likely", "proposed",
                                                  "hypothetical", "prospective", "would-be",
                                                  "suggested", "alleged", "rumored", "rumoured"};
constexpr string_view kFutureModifiers[] = {"planned",  "upcoming", "future",   "expected",
                                            "scheduled", "intended", "forthcoming", "impending",
                                            "promised", "pledged",  "next",     "coming"};

// Objects of "citing" and "according to" that name a source, so "citing local media" is
// attribution while "citing security concerns" is a justification and "according to plan" a manner.
// Proper names and pronouns always count.
constexpr string_view kSourceNouns[] = {
    "media",     "report",     "source",   "official",  "ministry",  "agency",   "newspaper",
    "paper",     "outlet",     "television", "tv",      "radio",     "broadcaster", "statement",
    "spokesman", "spokeswoman", "spokesperson", "witness", "diplomat", "resident", "government",
    "analyst",   "expert",     "intelligence", "document", "daily",  "press",    "channel",
    "website",   "post",       "account",  "person",    "people",    "officer",  "authority",
    "authorities", "military", "police",   "army",      "office",    "service",  "estimate",
    "figure",    "data",       "survey",   "poll",      "study",     "record",   "testimony",
    "court",     "prosecutor", "lawyer",   "observer",  "monitor",   "group",    "organization",
    "organisation", "union",   "commission", "council", "committee", "spokesmen", "journalist",
    "correspondent", "reporter", "newswire", "wire",    "network",   "publication", "leader"};

// Adverbs that mark a claim as hearsay without naming its source.
constexpr ReportingVerb kHearsayAdverbs[] = {
    {"reportedly", "reported"}, {"allegedly", "alleged"}, {"purportedly", "reported"},
    {"reputedly", "reported"},  {"supposedly", "reported"}};

constexpr string_view kAgentPreposition = "by";

// ---- The tree ----------------------------------------------------------------------------------

class Tree {
 public:
  explicit Tree(const Sentence& sentence)
      : tokens_(sentence.tokens), size_(static_cast<int>(sentence.tokens.size())) {}

  int size() const { return size_; }
  bool headline() const { return lacks_final_punctuation(tokens_); }
  bool valid(int i) const { return i >= 0 && i < size_; }

  int head(int i) const {
    const int h = tokens_[i].head;
    return (h >= 0 && h < size_ && h != i) ? h : -1;
  }

  Lexeme word(int i) const {
    const Token& t = tokens_[i];
    if (t.lemma.empty() || t.lemma == "_") return {t.form, true};
    return {t.lemma, false};
  }
  string_view form(int i) const { return tokens_[i].form; }
  string_view xpos(int i) const { return tokens_[i].xpos; }
  // A verb with tense of its own: the head of a clause, never an open complement, whatever
  // relation a parser gave it.
  bool is_finite(int i) const { return tokens_[i].is_finite_verb(); }

  // The universal relation without its subtype: "nsubj" for "nsubj:pass".
  string_view rel(int i) const {
    string_view r = tokens_[i].deprel;
    const size_t colon = r.find(':');
    return colon == string_view::npos ? r : r.substr(0, colon);
  }
  string_view full_rel(int i) const { return tokens_[i].deprel; }

  bool upos_or_xpos(int i, string_view upos, string_view xpos_prefix) const {
    const Token& t = tokens_[i];
    if (!t.upos.empty()) return t.upos == upos;
    return string_view(t.xpos).substr(0, xpos_prefix.size()) == xpos_prefix;
  }
  bool is_nominal(int i) const {
    const string_view u = tokens_[i].upos;
    if (!u.empty()) return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM";
    const string_view x = tokens_[i].xpos;
    return x.substr(0, 2) == "NN" || x.substr(0, 3) == "PRP" || x == "CD";
  }
  bool is_verbal(int i) const {
    const string_view u = tokens_[i].upos;
    if (!u.empty()) return u == "VERB" || u == "AUX";
    return xpos(i).substr(0, 2) == "VB";
  }
  bool is_adjective(int i) const { return upos_or_xpos(i, "ADJ", "JJ"); }
  bool is_proper(int i) const { return upos_or_xpos(i, "PROPN", "NNP"); }
  bool is_punct(int i) const {
    if (!tokens_[i].upos.empty()) return tokens_[i].upos == "PUNCT";
    for (char c : tokens_[i].form)
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    return true;
  }

  // The first child of i satisfying `pred`, in token order; -1 when none.
  template <class Pred>
  int child(int i, Pred pred) const {
    for (int c = 0; c < size_; ++c)
      if (c != i && tokens_[c].head == i && pred(c)) return c;
    return -1;
  }
  int child_with_rel(int i, string_view base_rel) const {
    return child(i, [&](int c) { return rel(c) == base_rel; });
  }
  int child_with_full_rel(int i, string_view full) const {
    return child(i, [&](int c) { return full_rel(c) == full; });
  }

  // True when `ancestor` is `node` or governs it.
  bool dominates(int ancestor, int node) const {
    for (int steps = 0; node >= 0 && steps <= size_; ++steps) {
      if (node == ancestor) return true;
      node = head(node);
    }
    return false;
  }

 private:
  const std::vector<Token>& tokens_;
  int size_;
};

// ---- Local cues ----------------------------------------------------------------------------------

// A negator attached to i: "not", "n't", "never", "no" (determiner of an event noun), "without".
// "not only ... but also" is coordination, not negation.
int negation_cue(const Tree& t, int i) {
  return t.child(i, [&](int c) {
    const string_view r = t.rel(c);
    if (r != "advmod" && r != "neg" && r != "det" && r != "dep" && r != "mark" && r != "case")
      return false;
    if (!one_of(t.word(c), kNegators) && !one_of(t.form(c), kNegators)) return false;
    if ((r == "mark" || r == "case") && !same_word(t.form(c), "without")) return false;
    if (same_word(t.form(c), "without") && r != "mark" && r != "case") return false;
    if (t.valid(c + 1) && same_word(t.form(c + 1), "only")) return false;
    return true;
  });
}

int if_mark(const Tree& t, int i) {
  return t.child(i, [&](int c) { return t.rel(c) == "mark" && one_of(t.word(c), kConditionalMarks); });
}

// Words before i's own "but" belong to a first conjunct that a parser hung under i ("did not say
// what the goal would be, but said"): they make nothing of i.
bool is_passive(const Tree& t, int i) {
  const int cc = t.child(i, [&](int c) { return t.rel(c) == "cc" && c < i; });
  if (t.child(i, [&](int c) { return c > cc && (t.full_rel(c) == "aux:pass" || t.full_rel(c) == "nsubj:pass"); }) >= 0)
    return true;
  return t.xpos(i) == "VBN" &&
         t.child(i, [&](int c) { return c > cc && (t.rel(c) == "cop" || same_word(t.word(c), "be")); }) >= 0;
}

// A finite clause in the past ("after talks failed") keeps its own reality: governors above do not
// reach into it.
bool is_finite_past(const Tree& t, int i) {
  if (t.child(i, [&](int c) { return t.rel(c) == "aux" && one_of(t.word(c), kHypotheticalModals); }) >= 0 ||
      t.child(i, [&](int c) { return t.rel(c) == "aux" && one_of(t.word(c), kFutureModals); }) >= 0)
    return false;
  if (t.xpos(i) == "VBD") return true;
  return t.child(i, [&](int c) { return t.rel(c) == "aux" && t.xpos(c) == "VBD"; }) >= 0;
}

// An adverbial clause after its governor `h`, set off by a comma and introduced by a reason or
// contrast subordinator: its own statement, wherever a parser hung it.
bool is_peripheral_clause(const Tree& t, int node, int h) {
  const int mark = t.child(node, [&](int c) { return t.rel(c) == "mark" && one_of(t.word(c), kPeripheralMarks); });
  return mark > h && t.valid(mark - 1) && t.form(mark - 1) == "," &&
         t.child(node, [&](int c) { return t.rel(c) == "mark" && c < mark; }) < 0;
}

// "Iran's refusal to negotiate angered Washington" with "angered" read as a participle and
// "negotiate" hung on it as an auxiliary: a content verb is no auxiliary, but the head a parser
// misplaced, and stands where that head does.
bool is_content_verb_as_aux(const Tree& t, int i) {
  if (t.full_rel(i) != "aux" || !t.upos_or_xpos(i, "VERB", "VB")) return false;
  const Lexeme w = t.word(i);
  return !one_of(w, kAuxiliaryVerbs) && !one_of(w, kHypotheticalModals) && !one_of(w, kFutureModals);
}

// What the walk has found so far; the nearest cue of each kind wins within its kind.
struct Cues {
  int hypothetical = -1;
  int would = -1;       // "would": future in reported speech ("said he would visit"), else hypothetical
  int negated = -1;     // by a governor: "refused to", a negated report or coordinated "or"
  int future = -1;
  bool ended_at_report = false;

  void add(Modality m, int cue) {
    int& slot = m == Modality::hypothetical ? hypothetical : m == Modality::negated ? negated : future;
    if (slot < 0) slot = cue;
  }
};

// Cues on node i other than its negation: modal auxiliaries, conditional marks, hedges, and for
// event nouns their modifiers ("possible sanctions", "planned talks").
void read_local_cues(const Tree& t, int i, Cues& cues) {
  for (int c = 0; c < t.size(); ++c) {
    if (c == i || t.head(c) != i) continue;
    const string_view r = t.rel(c);
    const Lexeme w = t.word(c);
    if (t.full_rel(c) == "aux") {
      if (same_word(w, "would") || same_word(t.form(c), "would")) {
        if (cues.would < 0) cues.would = c;
      } else if (one_of(w, kHypotheticalModals) || one_of(t.form(c), kHypotheticalModals)) {
        cues.add(Modality::hypothetical, c);
      } else if (one_of(w, kFutureModals) || one_of(t.form(c), kFutureModals)) {
        cues.add(Modality::future, c);
      }
    } else if (r == "mark" && one_of(w, kConditionalMarks)) {
      cues.add(Modality::hypothetical, c);
    } else if (r == "mark" && same_word(w, "to") && t.head(i) < 0 && t.headline() &&
               t.child(i, [&](int s) { return t.rel(s) == "nsubj"; }) >= 0) {
      cues.add(Modality::future, c);  // a headline's "US to send troops" announces, as "will send" does
    } else if (r == "advmod" && one_of(w, kHedgeAdverbs)) {
      cues.add(Modality::hypothetical, c);
    } else if (r == "amod" || r == "compound") {
      if (one_of(t.form(c), kHypotheticalModifiers) || one_of(w, kHypotheticalModifiers))
        cues.add(Modality::hypothetical, c);
      else if (one_of(t.form(c), kFutureModifiers))
        cues.add(Modality::future, c);
    }
  }
}

bool has_case_or_mark(const Tree& t, int i, string_view word) {
  return t.child(i, [&](int c) { return (t.rel(c) == "case" || t.rel(c) == "mark") && same_word(t.word(c), word); }) >= 0;
}

// What governor h makes of the act in its complement `node`; asserted when h is not such a governor.
Modality governor_class(const Tree& t, int h, int node) {
  const Lexeme w = t.word(h);
  if (t.is_verbal(h)) {
    // "called on Russia to withdraw", "called for talks"; not "called the United States a threat".
    if (same_word(w, "call"))
      return (t.rel(node) == "xcomp" && has_case_or_mark(t, node, "to")) ||
                     (t.rel(node) == "obl" && has_case_or_mark(t, node, "for"))
                 ? Modality::hypothetical
                 : Modality::asserted;
    if (one_of(w, kSchedulingParticiples) && is_passive(t, h)) return Modality::future;
    // "is going to send"
    if (same_word(w, "go") && t.xpos(h) == "VBG" &&
        t.child(h, [&](int c) { return t.rel(c) == "aux" && same_word(t.word(c), "be"); }) >= 0)
      return Modality::future;
    if (one_of(w, kFutureVerbs)) return Modality::future;
    if (one_of(w, kHypotheticalVerbs)) return Modality::hypothetical;
    if (one_of(w, kNegatingVerbs)) return Modality::negated;
    return Modality::asserted;
  }
  if (t.is_adjective(h)) {
    if (one_of(w, kHypotheticalAdjectives) || one_of(t.form(h), kHypotheticalAdjectives))
      return Modality::hypothetical;
    if (one_of(w, kFutureAdjectives) || one_of(t.form(h), kFutureAdjectives)) return Modality::future;
    return Modality::asserted;
  }
  if (t.is_nominal(h)) {
    if (one_of(w, kHypotheticalNouns)) return Modality::hypothetical;
    if (one_of(w, kFutureNouns)) return Modality::future;
    if (one_of(w, kNegatingNouns)) return Modality::negated;
  }
  return Modality::asserted;
}

// The object of h right before its infinitive complement `node` that frames acts ("has plans to",
// "made no decision to"), or -1: a parser that hangs the infinitive on the verb misplaces the
// complement of the noun. Verbs that frame their complement themselves ("urged Israel to") keep it.
int framing_object(const Tree& t, int node, int h) {
  if (!t.is_verbal(h) || governor_class(t, h, node) != Modality::asserted || !t.is_verbal(node)) return -1;
  const int noun = t.child(h, [&](int c) { return t.rel(c) == "obj" && c < node && t.is_nominal(c); });
  if (noun < 0 || governor_class(t, noun, node) == Modality::asserted) return -1;
  for (int i = noun + 1; i < node; ++i)
    if (t.head(i) != node || t.rel(i) != "mark") return -1;
  return noun;
}

// Records the class of governor h. A negated governor ("did not vow to", "do not believe that",
// "did not refuse to") leaves its complement open rather than negating it; h's own modal carries
// over ("could vow to attack").
void apply_governor(const Tree& t, int h, Modality cls, Cues& cues) {
  if (negation_cue(t, h) >= 0)
    cues.add(Modality::hypothetical, h);
  else
    cues.add(cls, h);
  read_local_cues(t, h, cues);
}

// ---- Reporting ---------------------------------------------------------------------------------

const ReportingVerb* reporting_verb(const Tree& t, int i) {
  if (!t.is_verbal(i)) return nullptr;
  const Lexeme w = t.word(i);
  for (const ReportingVerb& v : kReportingVerbs)
    if (same_word(w, v.lemma)) return &v;
  return nullptr;
}

bool has_subject(const Tree& t, int i) {
  return t.child(i, [&](int c) { return t.rel(c) == "nsubj" || t.rel(c) == "csubj"; }) >= 0;
}

// "Turkey denied attacking Kurdish positions" parsed with the gerund as an adverbial clause: a bare
// gerund after h (no subject, marker or punctuation of its own) that is the only clause and object h
// has is h's complement, as it is of "considered attacking", "avoided meeting".
bool is_gerund_complement(const Tree& t, int node, int h) {
  const bool gerund = t.xpos(node) == "VBG" || (t.xpos(node).empty() && ends_with(t.form(node), "ing"));
  if (node < h || !gerund || !t.is_verbal(h)) return false;
  if (has_subject(t, node) || t.child_with_rel(node, "mark") >= 0) return false;
  for (int i = h + 1; i < node; ++i)
    if (t.is_punct(i)) return false;
  return t.child(h, [&](int c) {
           const string_view r = t.rel(c);
           return c != node && (r == "obj" || r == "ccomp" || r == "xcomp" || r == "advcl");
         }) < 0;
}

// True when child `node` of reporting verb h is the claim h reports.
bool carries_claim(const Tree& t, int node, int h) {
  const string_view r = t.rel(node);
  // "added something to it; put it into skills": a reporting verb with an object (other than the
  // addressee of "tell") is used in another sense, and the clause beside it is not its claim.
  if (r == "parataxis" && !same_word(t.word(h), "tell") && t.child_with_rel(h, "obj") >= 0) return false;
  if (r == "ccomp" || r == "parataxis") {
    // "X did not specify ..., but said Y": a clause before h's own "but" is the first conjunct
    // that a parser hung under h, not what h reports.
    const int cc = t.child(h, [&](int c) { return t.rel(c) == "cc" && c > node && c < h; });
    return cc < 0;
  }
  // "is said to have met", "is reported to be planning"; not "was declared not guilty". A tensed
  // verb with a subject of its own is a complement clause whatever a parser called it.
  if (r == "xcomp")
    return (is_passive(t, h) && t.is_verbal(node)) || (t.is_finite(node) && t.child_with_rel(node, "nsubj") >= 0);
  // "Soldiers beat detainees, a court martial was told" parsed with the clause as the subject of
  // "told": a verb with a subject of its own is no noun but the clause h reports.
  if (r == "nsubj" || r == "obj") return t.is_verbal(node) && t.child_with_rel(node, "nsubj") >= 0;
  if (r == "advcl") {
    // A quotation before its speaker ("“This shows ...“, Kim was quoted as saying") that a parser
    // attached as an adverbial clause: unmarked, with its own subject, not itself a reporting verb.
    return node < h && if_mark(t, node) < 0 &&
           t.child(node, [&](int c) { return t.rel(c) == "mark"; }) < 0 && has_subject(t, node) &&
           reporting_verb(t, node) == nullptr;
  }
  return false;
}

// ---- Attribution ---------------------------------------------------------------------------------

// The reporting frames already in a chain; a chain rarely has more than three.
class FrameSet {
 public:
  bool insert(int frame) {
    for (int i = 0; i < count_; ++i)
      if (frames_[i] == frame) return false;
    if (count_ < kCapacity) frames_[count_++] = frame;
    return true;
  }

 private:
  static constexpr int kCapacity = 16;
  int frames_[kCapacity] = {};
  int count_ = 0;
};

struct Span {
  int first = -1;
  int last = -1;
};

bool is_separator(string_view form) {
  return form == "," || form == "\xE2\x80\x94" /* em dash */ || form == "\xE2\x80\x93" /* en dash */ ||
         form == "--" || form == "-" || form == "\"" || form == "''" || form == "\xE2\x80\x9D" /* ” */ ||
         form == "\xE2\x80\x9C" /* “, often closing in agency copy */ || form == "\xE2\x80\x99" /* ’ */;
}

// The words of the phrase headed by x: the unbroken run of x's subtree around x within [lo, hi],
// up to a comma (which sets off appositions and frames: "Reuters, citing two sources,"), without a
// leading preposition ("by", "according to") or punctuation at either end. A closing bracket stays
// when its opening one is inside ("the Korean Central News Agency (KCNA)").
Span source_span(const Tree& t, int x, int lo, int hi) {
  Span span{x, x};
  while (span.first - 1 >= lo && t.form(span.first - 1) != "," && t.dominates(x, span.first - 1)) --span.first;
  while (span.last + 1 <= hi && t.form(span.last + 1) != "," && t.dominates(x, span.last + 1)) ++span.last;
  while (span.first < x) {
    const string_view r = t.rel(span.first);
    if (!t.is_punct(span.first) && r != "case" && r != "mark" && r != "fixed" && r != "cc") break;
    ++span.first;
  }
  while (span.last > x && t.is_punct(span.last)) {
    if (t.form(span.last) == ")") {
      bool opened = false;
      for (int i = span.first; i < span.last && !opened; ++i) opened = t.form(i) == "(";
      if (opened) break;
    }
    --span.last;
  }
  return span;
}

// "saying" in "quoted as saying" belongs to the frame of "quoted".
int frame_head(const Tree& t, int verb) {
  const int h = t.head(verb);
  if (h >= 0 && same_word(t.word(verb), "say") &&
      (same_word(t.word(h), "quote") || same_word(t.word(h), "cite")) &&
      t.child(verb, [&](int c) { return t.rel(c) == "mark" && same_word(t.word(c), "as"); }) >= 0)
    return h;
  return verb;
}

int as_saying_child(const Tree& t, int verb) {
  return t.child(verb, [&](int c) { return frame_head(t, c) == verb; });
}

// "by X" under verb: the agent of a passive.
int by_agent(const Tree& t, int verb) {
  if (verb < 0) return -1;
  return t.child(verb, [&](int c) {
    return (t.rel(c) == "obl" || t.rel(c) == "nmod") &&
           t.child(c, [&](int p) { return t.rel(p) == "case" && same_word(t.word(p), kAgentPreposition); }) >= 0;
  });
}

// The nominal right before verb, past its own auxiliaries and adverbs: the speaker of a
// postposed frame that a parser left without a subject (", the Associated Press reported",
// "Kim was quoted").
int preceding_nominal(const Tree& t, int verb) {
  int i = verb - 1;
  while (i >= 0 && t.head(i) == verb && (t.rel(i) == "aux" || t.rel(i) == "advmod")) --i;
  if (i < 0 || !t.is_nominal(i)) return -1;
  if (t.head(i) == verb && t.rel(i) != "nsubj") return -1;
  return i;
}

// Who says it. Besides the verb's own subject this recovers the shared subject of a coordinated
// reporting verb ("The KCNA did not specify ..., but said"), also when a parser hung the first
// conjunct under the second and gave the second a subject from before its "but".
int subject_of(const Tree& t, int verb) {
  // ", the Associated Press reported,": a parser that coordinated the frame with the claim, or
  // made the finite frame an open complement of the claim's verb, leaves the name just before the
  // verb without a relation to it.
  if ((t.rel(verb) == "conj" || (t.rel(verb) == "xcomp" && t.is_finite(verb))) && t.child_with_rel(verb, "nsubj") < 0)
    if (const int named = preceding_nominal(t, verb); named >= 0 && t.is_proper(named)) return named;
  for (int steps = 0; verb >= 0 && steps < t.size(); ++steps) {
    const int cc = t.child(verb, [&](int c) { return t.rel(c) == "cc" && c < verb; });
    const int subject = t.child(verb, [&](int c) { return t.rel(c) == "nsubj" && (cc < 0 || c > cc); });
    if (subject >= 0) return subject;
    if (cc >= 0) {
      const int first_conjunct = t.child(verb, [&](int c) {
        const string_view r = t.rel(c);
        return c < cc && t.is_verbal(c) &&
               (r == "ccomp" || r == "advcl" || r == "parataxis" || r == "conj" || r == "dep" || r == "xcomp");
      });
      if (first_conjunct >= 0) {
        if (const int s = t.child_with_rel(first_conjunct, "nsubj"); s >= 0) return s;
      }
    }
    // A conjunct shares the subject of the first conjunct, an infinitive that of its governor
    // ("I have to say").
    if (t.rel(verb) != "conj" && t.rel(verb) != "xcomp") break;
    verb = t.head(verb);
    if (verb >= 0 && !t.is_verbal(verb)) break;
  }
  return verb >= 0 ? preceding_nominal(t, verb) : -1;
}

bool is_source_like(const Tree& t, int x) {
  return x >= 0 && (t.is_proper(x) || t.upos_or_xpos(x, "PRON", "PRP") || one_of(t.word(x), kSourceNouns) ||
                    one_of(t.form(x), kSourceNouns));
}

// "Kim reportedly met Putin": hearsay, by no one named.
void append_hearsay(const Tree& t, int node, std::vector<AttributionSource>& chain) {
  for (int c = 0; c < t.size(); ++c) {
    if (c == node || t.head(c) != node || t.rel(c) != "advmod") continue;
    for (const ReportingVerb& adverb : kHearsayAdverbs)
      if (same_word(t.form(c), adverb.lemma)) chain.push_back({-1, -1, std::string(adverb.relation), c});
  }
}

// "quoted by BTA", "Kim was quoted as saying", "citing local media": the links of a news chain.
bool is_chain_participle(const Tree& t, int verb) {
  const Lexeme w = t.word(verb);
  const bool own_subject = t.child_with_rel(verb, "nsubj") >= 0;
  if (same_word(w, "quote")) {
    const bool passive = is_passive(t, verb) || (t.xpos(verb) == "VBN" && !own_subject);
    const int saying = as_saying_child(t, verb);
    return passive && (by_agent(t, verb) >= 0 || saying >= 0);
  }
  if (same_word(w, "cite")) {
    return !own_subject && (t.xpos(verb) == "VBG" || t.xpos(verb) == "VBN") &&
           is_source_like(t, t.child_with_rel(verb, "obj"));
  }
  return false;
}

void push_source(const Tree& t, int verb, int source, string_view relation, int cue,
                 std::vector<AttributionSource>& chain) {
  AttributionSource entry;
  entry.relation = std::string(relation);
  entry.cue = cue;
  if (source >= 0) {
    const Span span = source < verb ? source_span(t, source, 0, verb - 1)
                                    : source_span(t, source, verb + 1, t.size() - 1);
    entry.first_token = span.first;
    entry.last_token = span.last;
  }
  chain.push_back(std::move(entry));
}

// The sources a reporting frame names, innermost first: "Kim was quoted as saying by KCNA" gives
// Kim (said), then KCNA (quoted_by).
void append_frame(const Tree& t, int verb, std::vector<AttributionSource>& chain) {
  const Lexeme w = t.word(verb);
  if (same_word(w, "quote")) {
    const int saying = as_saying_child(t, verb);
    const bool passive =
        is_passive(t, verb) || (t.xpos(verb) == "VBN" && t.child_with_rel(verb, "nsubj") < 0);
    if (passive) {
      int speaker = t.child_with_rel(verb, "nsubj");
      if (speaker < 0 && t.child_with_full_rel(verb, "aux:pass") >= 0) speaker = preceding_nominal(t, verb);
      if (speaker >= 0) push_source(t, verb, speaker, "said", saying >= 0 ? saying : verb, chain);
      int agent = by_agent(t, verb);
      if (agent < 0) agent = by_agent(t, saying);
      if (agent >= 0) push_source(t, verb, agent, "quoted_by", verb, chain);
    } else {  // "BTA quoted Kim as saying"
      if (const int speaker = t.child_with_rel(verb, "obj"); speaker >= 0)
        push_source(t, verb, speaker, "said", saying >= 0 ? saying : verb, chain);
      push_source(t, verb, subject_of(t, verb), "quoted_by", verb, chain);
    }
    return;
  }
  if (same_word(w, "cite")) {
    if (const int cited = t.child_with_rel(verb, "obj"); cited >= 0)
      push_source(t, verb, cited, "citing", verb, chain);
    if (t.child_with_rel(verb, "nsubj") >= 0)
      push_source(t, verb, subject_of(t, verb), "reported", verb, chain);
    return;
  }
  const string_view relation = reporting_verb(t, verb)->relation;
  // "it was reported that", "Kim is said to have": reported, by no one named.
  const int source = is_passive(t, verb) ? by_agent(t, verb) : subject_of(t, verb);
  push_source(t, verb, source, relation, verb, chain);
}

// A reporting frame set off after (or inside) its claim: ", officials said", ", the Associated
// Press reported", ", quoted by BTA", ", citing local media", "“...“, Kim was quoted as saying".
// Returns the separator before the frame, or -1 when verb does not stand in such a frame.
int set_off_frame(const Tree& t, int verb) {
  const bool quote = same_word(t.word(verb), "quote");
  const bool cite = same_word(t.word(verb), "cite");
  // A frame reports what precedes it, so nothing it reports may follow it.
  const int complement = t.child(verb, [&](int c) {
    const string_view r = t.rel(c);
    // The links of a news chain hung under the frame ("reported, quoted by BTA") are no claim.
    return c > verb && !is_chain_participle(t, c) &&
           (r == "ccomp" || r == "xcomp" || r == "parataxis" || r == "csubj" || (r == "obj" && !quote && !cite));
  });
  if (complement >= 0) return -1;

  int start = verb;
  while (start - 1 >= 0 && t.head(start - 1) == verb && (t.rel(start - 1) == "aux" || t.rel(start - 1) == "advmod"))
    --start;
  if (quote || cite) {
    if (!is_chain_participle(t, verb)) return -1;
    int speaker = t.child_with_rel(verb, "nsubj");
    if (speaker < 0 && t.child_with_full_rel(verb, "aux:pass") >= 0) speaker = preceding_nominal(t, verb);
    if (speaker >= 0 && speaker < verb) {
      const Span span = source_span(t, speaker, 0, verb - 1);
      if (span.last + 1 != start) return -1;
      start = span.first;
    }
  } else {
    const int subject = subject_of(t, verb);
    if (subject < 0) return -1;
    if (subject < verb) {  // ", officials said"; ", said the minister" keeps start at the verb
      const Span span = source_span(t, subject, 0, verb - 1);
      if (span.last + 1 != start) return -1;
      start = span.first;
    }
  }
  const int separator = start - 1;
  return separator >= 0 && is_separator(t.form(separator)) ? separator : -1;
}

// The source named by "according to X" at token i: its head word and its words; head -1 when none.
struct NamedSource {
  int head = -1;
  Span span;
};

// "according to state media," with a word of the phrase misread ("state" as a verb): a phrase set
// off by commas (or opening the sentence) is the words up to the comma that closes it, headed by
// its last nominal.
NamedSource set_off_according_to(const Tree& t, int i) {
  if (i > 0 && t.form(i - 1) != ",") return {};
  int close = i + 2;
  while (t.valid(close) && t.form(close) != ",") {
    if (t.is_punct(close)) return {};
    ++close;
  }
  if (!t.valid(close)) return {};
  int head = close - 1;
  while (head >= i + 2 && !t.is_nominal(head)) --head;
  if (head < i + 2 || !is_source_like(t, head)) return {};
  return {head, {i + 2, close - 1}};
}

NamedSource according_to_source(const Tree& t, int i) {
  if (!same_word(t.form(i), "according") || !t.valid(i + 2) || !same_word(t.form(i + 1), "to")) return {};
  int source = t.head(i);
  if (source <= i + 1 || !t.is_nominal(source)) {
    source = i + 2;
    for (int steps = 0; steps < t.size(); ++steps) {
      const int h = t.head(source);
      if (h <= i + 1 || !t.is_nominal(h)) break;
      source = h;
    }
  }
  if (!t.is_nominal(source)) return set_off_according_to(t, i);
  if (!is_source_like(t, source)) return {};
  return {source, source_span(t, source, i + 2, t.size() - 1)};
}

// "according to X" covers the clause it modifies, or the whole sentence when set off by a comma
// or opening it.
bool according_to_covers(const Tree& t, int according, const NamedSource& named, int predicate) {
  const int source = named.head;
  if (t.dominates(source, predicate) || (predicate >= according && predicate <= named.span.last)) return false;
  if (according == 0 || t.form(according - 1) == ",") return true;
  const int governor = t.head(source);
  return governor >= 0 && t.dominates(governor, predicate);
}

}  // namespace

std::string_view to_string(Modality modality) {
  switch (modality) {
    case Modality::asserted: return "asserted";
    case Modality::negated: return "negated";
    case Modality::hypothetical: return "hypothetical";
    case Modality::future: return "future";
  }
  return "asserted";
}

ModalityReading modality_of(const Sentence& sentence, int predicate) {
  const Tree t(sentence);
  if (!t.valid(predicate)) return {};
  if (const int own = negation_cue(t, predicate); own >= 0) return {Modality::negated, own};

  Cues cues;
  read_local_cues(t, predicate, cues);
  // The consequent of a conditional: "NATO responds if Russia attacks".
  if (const int condition = t.child(predicate, [&](int c) { return t.rel(c) == "advcl" && if_mark(t, c) >= 0; });
      condition >= 0)
    cues.add(Modality::hypothetical, if_mark(t, condition));

  int node = predicate;
  for (int steps = 0; steps < t.size(); ++steps) {
    const int h = t.head(node);
    if (h < 0) break;
    if (is_content_verb_as_aux(t, node)) {
      node = h;
      continue;
    }
    const string_view r = t.rel(node);
    if (reporting_verb(t, h) && carries_claim(t, node, h)) {
      // The report's own modality stays with the report, except its negation.
      if (const int neg = negation_cue(t, h); neg >= 0) cues.add(Modality::negated, neg);
      cues.ended_at_report = true;
      break;
    }
    if (r == "xcomp") {
      // "has no plans to invade" with the infinitive hung on "has": it completes the noun.
      if (const int noun = framing_object(t, node, h); noun >= 0) {
        apply_governor(t, noun, governor_class(t, noun, node), cues);
        node = noun;
        continue;
      }
    }
    if (r == "xcomp" || r == "ccomp" || r == "csubj") {
      // A verb frames a clause, not a predicative noun: "considered the US a threat".
      const Modality cls = (t.is_verbal(node) || !t.is_verbal(h) || same_word(t.word(h), "call"))
                               ? governor_class(t, h, node)
                               : Modality::asserted;
      if (cls != Modality::asserted) {
        apply_governor(t, h, cls, cues);
      } else if (r == "xcomp" && !t.is_finite(node)) {
        // An infinitive shares its governor's tense and polarity: "did not begin to withdraw".
        if (const int neg = negation_cue(t, h); neg >= 0) cues.add(Modality::negated, neg);
        read_local_cues(t, h, cues);
      }
      // A finite complement of an ordinary verb has its own tense: nothing of h applies, but
      // governors further up still do ("experts believe Kim will ensure that ...").
    } else if (r == "advcl" && is_gerund_complement(t, node, h) &&
               governor_class(t, h, node) != Modality::asserted) {
      apply_governor(t, h, governor_class(t, h, node), cues);
    } else if (r == "advcl") {
      // The adverbial clause lies in the scope of beliefs and intentions above its governor, but
      // not of the governor's own negation or modals ("did not attack when talks failed").
      if (is_finite_past(t, node) || is_peripheral_clause(t, node, h)) break;
      // "If Russia attacks Ukraine, NATO will respond" parsed with the consequent under the
      // condition: a clause marked "if" is the condition wherever it hangs, and what hangs on it
      // is as conditional as it is.
      if (const int condition = if_mark(t, h); condition >= 0) cues.add(Modality::hypothetical, condition);
    } else if (r == "parataxis" && node > h && if_mark(t, h) >= 0) {
      // The same misparse with the consequent read as a clause set beside the condition.
      cues.add(Modality::hypothetical, if_mark(t, h));
    } else if (r == "conj") {
      // A conjunct with its own subject or auxiliary is its own statement.
      if (has_subject(t, node) || t.child_with_rel(node, "aux") >= 0) break;
      const int cc = t.child_with_rel(node, "cc");
      if (const int neg = negation_cue(t, h);
          neg >= 0 && cc >= 0 && (same_word(t.word(cc), "or") || same_word(t.word(cc), "nor")))
        cues.add(Modality::negated, neg);
      read_local_cues(t, h, cues);
    } else if (t.is_nominal(node) && (r == "nsubj" || r == "obj" || r == "iobj" || r == "obl" ||
                                      r == "nmod" || r == "compound")) {
      // An event noun shares the fate of what it is an argument of: "talks will resume",
      // "did not attend the talks". Governors frame their object or complement ("wants talks",
      // "the likelihood of diplomacy", "talks are expected to", "called for talks"), not their
      // subject or adjuncts ("missiles aimed at the US").
      // Adjuncts keep their own reality ("did not meet at the summit" held the summit; "expected
      // to focus on the conflicts" has the conflicts), except a purpose ("meet for talks").
      if (r == "obl" && !has_case_or_mark(t, node, "for")) break;
      const bool framed = r == "obj" || t.full_rel(node) == "nsubj:pass" || (r == "nmod" && t.is_nominal(h)) ||
                          (r == "obl" && same_word(t.word(h), "call"));
      const Modality cls = framed ? governor_class(t, h, node) : Modality::asserted;
      if (cls != Modality::asserted) {
        apply_governor(t, h, cls, cues);
      } else {
        // Not meeting for talks still leaves the talks open, not denied.
        if (const int neg = negation_cue(t, h); neg >= 0 && r != "obl" && r != "compound")
          cues.add(Modality::negated, neg);
        read_local_cues(t, h, cues);
      }
    } else if (t.full_rel(node) == "acl") {
      // "plans to visit", "the need to improve"; other noun modifiers describe, not frame.
      const Modality cls = governor_class(t, h, node);
      if (cls == Modality::asserted) break;
      apply_governor(t, h, cls, cues);
    } else {
      break;  // relative clauses, parataxis, appositions: their own statements
    }
    node = h;
  }

  if (cues.hypothetical >= 0) return {Modality::hypothetical, cues.hypothetical};
  if (cues.would >= 0 && !cues.ended_at_report) return {Modality::hypothetical, cues.would};
  if (cues.negated >= 0) return {Modality::negated, cues.negated};
  if (cues.would >= 0) return {Modality::future, cues.would};
  if (cues.future >= 0) return {Modality::future, cues.future};
  return {};
}

std::vector<AttributionSource> attribution_of(const Sentence& sentence, int predicate) {
  std::vector<AttributionSource> chain;
  const Tree t(sentence);
  if (!t.valid(predicate)) return chain;
  FrameSet used;

  // Reporting verbs whose complement holds the claim, nearest first.
  int node = predicate;
  append_hearsay(t, predicate, chain);
  for (int steps = 0; steps < t.size(); ++steps) {
    const int h = t.head(node);
    if (h < 0) break;
    if (t.rel(node) == "xcomp" || t.rel(node) == "conj") append_hearsay(t, h, chain);  // "reportedly plans to"
    if (reporting_verb(t, h) && carries_claim(t, node, h)) {
      const int frame = frame_head(t, h);
      if (used.insert(frame)) {
        append_frame(t, frame, chain);
        // Its own links: "Reuters, citing two sources, reported that ...".
        const int subject = t.child_with_rel(frame, "nsubj");
        for (int i = 0; i < t.size(); ++i) {
          const int g = t.head(i);
          if ((g == frame || (g >= 0 && g == subject)) && is_chain_participle(t, i) && used.insert(i))
            append_frame(t, i, chain);
        }
      }
    }
    node = h;
  }

  // Frames set off from the claim, in text order: ", officials said", ", quoted by BTA",
  // ", citing local media", ", according to X".
  for (int i = 0; i < t.size(); ++i) {
    if (const NamedSource named = according_to_source(t, i); named.head >= 0) {
      if (according_to_covers(t, i, named, predicate))
        chain.push_back({named.span.first, named.span.last, "according_to", i});
      continue;
    }
    if (!reporting_verb(t, i) || frame_head(t, i) != i || i == predicate) continue;
    const int separator = set_off_frame(t, i);
    if (separator < 0 || t.dominates(i, predicate)) continue;
    const int governor = t.head(i);
    const bool covers = predicate < separator || (governor >= 0 && t.dominates(governor, predicate) &&
                                                  t.rel(i) == "parataxis");
    if (covers && used.insert(i)) append_frame(t, i, chain);
  }
  return chain;
}

std::string_view source_text(const Sentence& sentence, const AttributionSource& source) {
  const int n = static_cast<int>(sentence.tokens.size());
  if (source.first_token < 0 || source.last_token < source.first_token || source.last_token >= n) return {};
  const uint32_t begin = sentence.tokens[source.first_token].start;
  const uint32_t end = sentence.tokens[source.last_token].end;
  if (end <= begin || end > sentence.text.size()) return {};
  return std::string_view(sentence.text).substr(begin, end - begin);
}

bool is_reporting(const Sentence& sentence, int predicate) {
  const Tree t(sentence);
  if (!t.valid(predicate) || !reporting_verb(t, predicate)) return false;
  if (t.child(predicate, [&](int c) { return carries_claim(t, c, predicate); }) >= 0) return true;
  if (frame_head(t, predicate) != predicate) return true;  // the "saying" of "quoted as saying"
  return is_chain_participle(t, predicate) || set_off_frame(t, predicate) >= 0;
}

}  // namespace annals
