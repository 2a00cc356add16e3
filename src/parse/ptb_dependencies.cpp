// Dependencies from phrase structure: Collins-style head rules, changed the way the
// Stanford converter changes them for content-word heads (auxiliaries, copulas,
// prepositions and complementizers are not heads), and UD relations read from the
// configuration each dependent sits in. Good enough for event coding, not a treebank.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <utility>

#include "parse/ptb_tree.h"

namespace annals::ptb {

Tag tag_of(std::string_view label) {
  struct Entry {
    std::string_view label;
    Tag tag;
  };
  static constexpr Entry kTags[] = {
      {"CC", Tag::CC},         {"CD", Tag::CD},         {"DT", Tag::DT},       {"EX", Tag::EX},
      {"FW", Tag::FW},         {"IN", Tag::IN},         {"JJ", Tag::JJ},       {"JJR", Tag::JJR},
      {"JJS", Tag::JJS},       {"LS", Tag::LS},         {"MD", Tag::MD},       {"NN", Tag::NN},
      {"NNS", Tag::NNS},       {"NNP", Tag::NNP},       {"NNPS", Tag::NNPS},   {"PDT", Tag::PDT},
      {"POS", Tag::POS},       {"PRP", Tag::PRP},       {"PRP$", Tag::PRPS},   {"RB", Tag::RB},
      {"RBR", Tag::RBR},       {"RBS", Tag::RBS},       {"RP", Tag::RP},       {"SYM", Tag::SYM},
      {"TO", Tag::TO},         {"UH", Tag::UH},         {"VB", Tag::VB},       {"VBD", Tag::VBD},
      {"VBG", Tag::VBG},       {"VBN", Tag::VBN},       {"VBP", Tag::VBP},     {"VBZ", Tag::VBZ},
      {"WDT", Tag::WDT},       {"WP", Tag::WP},         {"WP$", Tag::WPS},     {"WRB", Tag::WRB},
      {"$", Tag::Dollar},      {"#", Tag::Hash},        {",", Tag::Comma},     {".", Tag::Period},
      {":", Tag::Colon},       {"``", Tag::OpenQuote},  {"''", Tag::CloseQuote},
      {"\"", Tag::CloseQuote}, {"-LRB-", Tag::OpenBracket}, {"(", Tag::OpenBracket},
      {"-RRB-", Tag::CloseBracket}, {")", Tag::CloseBracket}, {"HYPH", Tag::HYPH},
      {"NFP", Tag::NFP},       {"ADD", Tag::ADD},       {"-NONE-", Tag::NONE}, {"ADJP", Tag::ADJP},
      {"ADVP", Tag::ADVP},     {"CONJP", Tag::CONJP},   {"FRAG", Tag::FRAG},   {"INTJ", Tag::INTJ},
      {"LST", Tag::LST},       {"NAC", Tag::NAC},       {"NML", Tag::NML},     {"NP", Tag::NP},
      {"NX", Tag::NX},         {"PP", Tag::PP},         {"PRN", Tag::PRN},     {"PRT", Tag::PRT},
      {"QP", Tag::QP},         {"RRC", Tag::RRC},       {"S", Tag::S},         {"SBAR", Tag::SBAR},
      {"SBARQ", Tag::SBARQ},   {"SINV", Tag::SINV},     {"SQ", Tag::SQ},       {"UCP", Tag::UCP},
      {"VP", Tag::VP},         {"WHADJP", Tag::WHADJP}, {"WHADVP", Tag::WHADVP},
      {"WHNP", Tag::WHNP},     {"WHPP", Tag::WHPP},     {"X", Tag::X},         {"ROOT", Tag::ROOT},
  };
  for (const Entry& e : kTags)
    if (e.label == label) return e.tag;
  if (label.starts_with("AUX")) return Tag::AUX;
  return Tag::Other;
}

namespace {

bool is_punct(Tag t) {
  switch (t) {
    case Tag::Comma: case Tag::Period: case Tag::Colon: case Tag::OpenQuote: case Tag::CloseQuote:
    case Tag::OpenBracket: case Tag::CloseBracket: case Tag::HYPH: case Tag::NFP:
      return true;
    default:
      return false;
  }
}

bool is_verb(Tag t) {
  switch (t) {
    case Tag::VB: case Tag::VBD: case Tag::VBG: case Tag::VBN: case Tag::VBP: case Tag::VBZ:
    case Tag::AUX: case Tag::MD:
      return true;
    default:
      return false;
  }
}

bool is_noun(Tag t) { return t == Tag::NN || t == Tag::NNS || t == Tag::NNP || t == Tag::NNPS; }

bool is_nominal(Tag t) {
  switch (t) {
    case Tag::NN: case Tag::NNS: case Tag::NNP: case Tag::NNPS: case Tag::PRP: case Tag::WP:
    case Tag::CD: case Tag::QP: case Tag::NP: case Tag::NX: case Tag::NML: case Tag::WHNP:
    case Tag::NAC: case Tag::Dollar: case Tag::EX: case Tag::FW:
      return true;
    default:
      return false;
  }
}

bool is_nominal_phrase(Tag t) {
  return t == Tag::NP || t == Tag::NX || t == Tag::NML || t == Tag::WHNP || t == Tag::NAC;
}

bool is_clause(Tag t) {
  return t == Tag::S || t == Tag::SINV || t == Tag::SQ || t == Tag::SBARQ || t == Tag::RRC;
}

bool is_adjectival(Tag t) {
  return t == Tag::JJ || t == Tag::JJR || t == Tag::JJS || t == Tag::ADJP || t == Tag::WHADJP;
}

bool is_adverbial(Tag t) {
  return t == Tag::RB || t == Tag::RBR || t == Tag::RBS || t == Tag::ADVP || t == Tag::WRB ||
         t == Tag::WHADVP;
}

bool is_wh_phrase(Tag t) {
  return t == Tag::WHNP || t == Tag::WHADVP || t == Tag::WHPP || t == Tag::WHADJP;
}

bool equals_lower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
    if (c != lower[i]) return false;
  }
  return true;
}

bool word_in(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (equals_lower(word, w)) return true;
  return false;
}

bool is_be(std::string_view w) {
  return word_in(w, {"be", "is", "are", "was", "were", "am", "been", "being", "'s", "'re", "'m", "ai"});
}

bool is_get(std::string_view w) { return word_in(w, {"get", "gets", "got", "gotten", "getting"}); }

bool is_auxiliary_word(std::string_view w) {
  return is_be(w) || is_get(w) ||
         word_in(w, {"have", "has", "had", "having", "'ve", "'d", "do", "does", "did", "will",
                     "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
                     "wo", "ca", "'ll"});
}

// Bare noun phrases that name a time ("said Wednesday") modify rather than complete a verb.
bool is_temporal_word(std::string_view w) {
  return word_in(w, {"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday",
                     "thursday", "friday", "saturday", "sunday", "january", "february", "march",
                     "april", "may", "june", "july", "august", "september", "october", "november",
                     "december", "week", "weekend", "month", "year"});
}

std::string_view upos_of(Tag t, std::string_view deprel) {
  const bool functional = deprel == "aux" || deprel == "aux:pass" || deprel == "cop";
  switch (t) {
    case Tag::NN: case Tag::NNS: return "NOUN";
    case Tag::NNP: case Tag::NNPS: return "PROPN";
    case Tag::PRP: case Tag::PRPS: case Tag::WP: case Tag::WPS: case Tag::EX: return "PRON";
    case Tag::DT: case Tag::PDT: case Tag::WDT: return "DET";
    case Tag::JJ: case Tag::JJR: case Tag::JJS: return "ADJ";
    case Tag::RB: case Tag::RBR: case Tag::RBS: case Tag::WRB: return "ADV";
    case Tag::CD: return "NUM";
    case Tag::IN: return deprel == "mark" ? "SCONJ" : "ADP";
    case Tag::TO: return deprel == "case" ? "ADP" : "PART";
    case Tag::RP: return "ADP";
    case Tag::CC: return "CCONJ";
    case Tag::UH: return "INTJ";
    case Tag::MD: return "AUX";
    case Tag::VB: case Tag::VBD: case Tag::VBG: case Tag::VBN: case Tag::VBP: case Tag::VBZ:
    case Tag::AUX:
      return functional ? "AUX" : "VERB";
    case Tag::POS: return "PART";
    case Tag::Dollar: case Tag::Hash: case Tag::SYM: return "SYM";
    default: return is_punct(t) ? "PUNCT" : "X";
  }
}

// One conjunct of a phrase (the whole phrase when it is not coordinated): children
// kids[begin, end) with kids[head] its head child.
struct Segment {
  int begin = 0, end = 0, head = 0;
  bool copular = false;  // a form of "be" with a predicate that heads instead of it
};

// Working arrays kept across sentences so converting one allocates nothing new.
struct Scratch {
  std::vector<int> kids;
  std::vector<Segment> segments;
  std::vector<bool> covered;
  std::vector<bool> passive;
};

class Converter {
 public:
  Converter(std::vector<Node>& nodes, Sentence& sentence, Scratch& scratch)
      : nodes_(nodes), sentence_(sentence), kids_(scratch.kids), segments_(scratch.segments),
        covered_(scratch.covered), passive_(scratch.passive) {}

  void run() {
    // Pre-order puts children after their parents, so walking backwards meets every
    // phrase after all of its children have their heads.
    for (int n = static_cast<int>(nodes_.size()) - 1; n >= 0; --n)
      if (nodes_[n].token < 0) convert_phrase(n);
    const int root = nodes_[0].head_token;
    sentence_.tokens[root].head = -1;
    sentence_.tokens[root].deprel = "root";
    mark_passive_subjects();
    for (const Node& node : nodes_)
      if (node.token >= 0) {
        Token& token = sentence_.tokens[node.token];
        token.upos = upos_of(node.tag, token.deprel);
      }
  }

 private:
  const Node& kid(int position) const { return nodes_[kids_[position]]; }
  Tag kid_tag(int position) const { return kid(position).tag; }
  const Token& head_token_of(int position) const { return sentence_.tokens[kid(position).head_token]; }

  void convert_phrase(int n) {
    kids_.clear();
    for (int c = nodes_[n].first_child; c >= 0; c = nodes_[c].next_sibling) kids_.push_back(c);
    split_conjuncts(n);
    const int head_token = kid(segments_[0].head).head_token;
    nodes_[n].head_token = head_token;
    sentence_.phrases[nodes_[n].phrase].head = head_token;

    covered_.assign(kids_.size(), false);
    for (size_t s = 0; s < segments_.size(); ++s) {
      const Segment& segment = segments_[s];
      const int segment_head = kid(segment.head).head_token;
      if (s > 0) attach(segment_head, head_token, "conj");
      for (int i = segment.begin; i < segment.end; ++i) {
        covered_[i] = true;
        if (i != segment.head) attach(kid(i).head_token, segment_head, relation(n, segment, i));
      }
    }
    // Conjunctions and commas between conjuncts belong to the conjunct that follows.
    for (int i = 0; i < static_cast<int>(kids_.size()); ++i) {
      if (covered_[i]) continue;
      int target = head_token;
      bool before_first = true;
      for (const Segment& segment : segments_) {
        if (segment.begin > i) {
          target = kid(segment.head).head_token;
          break;
        }
        before_first = false;
      }
      const Tag t = kid_tag(i);
      const std::string_view rel = is_punct(t) ? "punct" : before_first ? "cc:preconj" : "cc";
      attach(kid(i).head_token, target, rel);
    }
  }

  void attach(int token, int head, std::string_view deprel) {
    sentence_.tokens[token].head = head;
    sentence_.tokens[token].deprel = deprel;
  }

  // Splits coordinated phrases ("A , B and C") into conjuncts; others stay whole.
  void split_conjuncts(int n) {
    const Tag phrase = nodes_[n].tag;
    const int count = static_cast<int>(kids_.size());
    segments_.clear();
    bool coordinated = false;
    bool content_before = false;
    for (int i = 0; i < count && !coordinated; ++i) {
      const Tag t = kid_tag(i);
      if ((t == Tag::CC || t == Tag::CONJP) && content_before && i + 1 < count) coordinated = true;
      content_before = content_before || !is_punct(t);
    }
    if (coordinated) {
      auto separates = [&](int i) {
        const Tag t = kid_tag(i);
        return t == Tag::CC || t == Tag::CONJP || t == Tag::Comma || t == Tag::Colon;
      };
      for (int i = 0; i < count;) {
        if (separates(i)) {
          ++i;
          continue;
        }
        Segment segment{i, i, i, false};
        bool content = false;
        while (segment.end < count && !separates(segment.end)) content |= !is_punct(kid_tag(segment.end++));
        i = segment.end;
        if (content) segments_.push_back(segment);
      }
      for (Segment& segment : segments_) segment.head = pick_head(n, segment);
      coordinated = segments_.size() >= 2 && conjoinable(phrase, kid_tag(segments_[0].head));
    }
    if (!coordinated) {
      segments_.assign(1, Segment{0, count, 0, false});
      segments_[0].head = pick_head(n, segments_[0]);
    }
  }

  // Whether a first conjunct headed by `t` fits the phrase ("big and red balls" is an
  // NP about balls, not a coordination of "big" with "red balls").
  static bool conjoinable(Tag phrase, Tag t) {
    switch (phrase) {
      case Tag::NP: case Tag::NX: case Tag::NML: case Tag::WHNP: case Tag::NAC: return is_nominal(t);
      case Tag::VP: return is_verb(t) || t == Tag::VP;
      case Tag::S: case Tag::SINV: case Tag::SQ: case Tag::SBAR: case Tag::SBARQ:
        return is_clause(t) || t == Tag::VP || t == Tag::SBAR || is_verb(t);
      case Tag::ADJP: return is_adjectival(t) || t == Tag::VBN || t == Tag::VBG;
      case Tag::ADVP: return is_adverbial(t);
      case Tag::PP: return t == Tag::PP || t == Tag::IN || is_nominal(t);
      default: return true;
    }
  }

  // ---- head rules -------------------------------------------------------------------

  template <typename Pred>
  int first_where(const Segment& s, Pred pred) const {
    for (int i = s.begin; i < s.end; ++i)
      if (pred(kid_tag(i))) return i;
    return -1;
  }

  template <typename Pred>
  int last_where(const Segment& s, Pred pred) const {
    for (int i = s.end - 1; i >= s.begin; --i)
      if (pred(kid_tag(i))) return i;
    return -1;
  }

  // Collins' search: the first tag of the list found, scanning from the left (or right).
  int by_priority(const Segment& s, std::initializer_list<Tag> tags, bool from_left) const {
    for (Tag wanted : tags) {
      const int i = from_left ? first_where(s, [&](Tag t) { return t == wanted; })
                              : last_where(s, [&](Tag t) { return t == wanted; });
      if (i >= 0) return i;
    }
    return -1;
  }

  int first_content(const Segment& s) const {
    const int i = first_where(s, [](Tag t) { return !is_punct(t); });
    return i >= 0 ? i : s.begin;
  }

  int last_content(const Segment& s) const {
    const int i = last_where(s, [](Tag t) { return !is_punct(t); });
    return i >= 0 ? i : s.end - 1;
  }

  int pick_head(int n, Segment& s) const {
    if (s.end - s.begin == 1) return s.begin;
    int i = -1;
    switch (nodes_[n].tag) {
      case Tag::NP: case Tag::NX: case Tag::NML: case Tag::WHNP: case Tag::NAC:
        i = noun_phrase_head(s);
        break;
      case Tag::VP:
        i = verb_phrase_head(n, s);
        break;
      case Tag::S:
        i = by_priority(s, {Tag::VP, Tag::S, Tag::SINV, Tag::SBAR, Tag::FRAG, Tag::ADJP, Tag::UCP}, true);
        if (i < 0) i = by_priority(s, {Tag::NP}, false);
        break;
      case Tag::SINV: case Tag::SQ:
        i = by_priority(s, {Tag::VP, Tag::VBZ, Tag::VBD, Tag::VBP, Tag::VB, Tag::MD, Tag::AUX,
                            Tag::VBN, Tag::SQ, Tag::S, Tag::SINV, Tag::ADJP, Tag::NP},
                        true);
        break;
      case Tag::SBARQ:
        i = by_priority(s, {Tag::SQ, Tag::S, Tag::SINV, Tag::SBARQ, Tag::FRAG}, true);
        break;
      case Tag::SBAR:
        // The clause heads; complementizers and relative words depend on it.
        i = by_priority(s, {Tag::S, Tag::SQ, Tag::SINV, Tag::SBAR, Tag::FRAG, Tag::VP}, true);
        break;
      case Tag::PP: case Tag::WHPP:
        i = preposition_phrase_head(s);
        break;
      case Tag::ADJP: case Tag::WHADJP:
        i = by_priority(s, {Tag::JJ, Tag::JJR, Tag::JJS, Tag::VBN, Tag::VBG, Tag::ADJP, Tag::NNS,
                            Tag::NN, Tag::NNP, Tag::CD, Tag::QP, Tag::Dollar, Tag::ADVP, Tag::RB,
                            Tag::RBR, Tag::RBS, Tag::DT, Tag::FW, Tag::NP, Tag::SBAR},
                        true);
        break;
      case Tag::ADVP: case Tag::WHADVP:
        i = by_priority(s, {Tag::RB, Tag::RBR, Tag::RBS, Tag::WRB, Tag::FW, Tag::ADVP, Tag::TO,
                            Tag::CD, Tag::JJR, Tag::JJ, Tag::IN, Tag::NP, Tag::JJS, Tag::NN},
                        false);
        break;
      case Tag::QP:
        i = by_priority(s, {Tag::CD, Tag::Dollar, Tag::NNS, Tag::NN, Tag::JJ, Tag::RB}, false);
        break;
      case Tag::PRT:
        i = by_priority(s, {Tag::RP}, false);
        break;
      case Tag::CONJP:
        i = by_priority(s, {Tag::CC, Tag::RB, Tag::IN}, true);
        break;
      default:
        break;
    }
    return i >= 0 ? i : first_content(s);
  }

  int noun_phrase_head(const Segment& s) const {
    // The rightmost noun; a possessive 's is a case marker, never the head.
    int i = last_where(s, [](Tag t) { return is_noun(t) || t == Tag::NX || t == Tag::NML || t == Tag::JJR; });
    if (i < 0) i = first_where(s, [](Tag t) { return t == Tag::NP || t == Tag::WHNP; });
    if (i < 0) i = by_priority(s, {Tag::Dollar, Tag::ADJP, Tag::PRN}, false);
    if (i < 0) i = last_where(s, [](Tag t) { return t == Tag::CD || t == Tag::QP; });
    if (i < 0) i = by_priority(s, {Tag::JJ, Tag::JJS, Tag::RB, Tag::PRP, Tag::WP, Tag::WDT, Tag::DT, Tag::EX}, false);
    if (i < 0) i = last_where(s, [](Tag t) { return !is_punct(t) && t != Tag::POS; });
    return i >= 0 ? i : last_content(s);
  }

  int preposition_phrase_head(const Segment& s) const {
    // The object heads (UD); the preposition becomes its case marker.
    bool after_preposition = false;
    for (int i = s.begin; i < s.end; ++i) {
      const Tag t = kid_tag(i);
      if (t == Tag::IN || t == Tag::TO || t == Tag::RP || t == Tag::VBG || t == Tag::VBN) {
        after_preposition = true;
        continue;
      }
      if (!after_preposition) continue;
      if (is_nominal(t) || is_clause(t) || t == Tag::SBAR || t == Tag::VP || t == Tag::PP ||
          t == Tag::ADJP || t == Tag::ADVP || t == Tag::PRP || t == Tag::WHNP || t == Tag::UCP)
        return i;
    }
    return by_priority(s, {Tag::IN, Tag::TO, Tag::VBG, Tag::VBN, Tag::RP, Tag::FW}, true);
  }

  bool is_existential(int n) const {
    const int parent = nodes_[n].parent;
    if (parent < 0) return false;
    for (int c = nodes_[parent].first_child; c >= 0; c = nodes_[c].next_sibling) {
      if (nodes_[c].tag == Tag::EX) return true;
      if (nodes_[c].tag == Tag::NP && nodes_[c].first_child >= 0 && nodes_[nodes_[c].first_child].tag == Tag::EX)
        return true;
    }
    return false;
  }

  int verb_phrase_head(int n, Segment& s) const {
    const int verb = first_where(s, [](Tag t) { return is_verb(t) || t == Tag::TO; });
    if (verb >= 0) {
      const std::string_view word = head_token_of(verb).form;
      const Tag verb_tag = kid_tag(verb);
      const bool auxiliary = verb_tag == Tag::MD || verb_tag == Tag::TO || verb_tag == Tag::AUX ||
                             is_auxiliary_word(word);
      // An auxiliary hands the head to the verb phrase it governs ("has issued").
      if (auxiliary)
        for (int i = verb + 1; i < s.end; ++i)
          if (kid_tag(i) == Tag::VP) return i;
      // A copula hands it to its predicate ("is a threat"), except in "there is".
      if (is_be(word) && !is_existential(n)) {
        Segment after{verb + 1, s.end, 0, false};
        int predicate = by_priority(after, {Tag::NP, Tag::ADJP, Tag::UCP, Tag::JJ}, true);
        if (predicate < 0) predicate = by_priority(after, {Tag::PP, Tag::ADVP}, true);
        if (predicate >= 0) {
          s.copular = true;
          return predicate;
        }
      }
      if (verb_tag != Tag::TO) return verb;
    }
    // No verb of its own ("about to restore"): the clause or phrase it introduces.
    const int i = by_priority(s, {Tag::VP, Tag::S, Tag::SQ, Tag::SINV, Tag::SBAR, Tag::ADJP, Tag::NP}, true);
    return i >= 0 ? i : verb >= 0 ? verb : first_content(s);
  }

  // ---- relations --------------------------------------------------------------------

  bool has_subject(int node) const {
    for (int c = nodes_[node].first_child; c >= 0; c = nodes_[c].next_sibling)
      if (nodes_[c].tag == Tag::NP || nodes_[c].function == "SBJ") return true;
    return false;
  }

  bool ends_in_possessive(int node) const {
    const int last = nodes_[node].last_child;
    return last >= 0 && nodes_[last].tag == Tag::POS;
  }

  // The first child of an SBAR that is not a modifier ("even if": "if").
  int introducer(int sbar) const {
    for (int c = nodes_[sbar].first_child; c >= 0; c = nodes_[c].next_sibling)
      if (!is_adverbial(nodes_[c].tag) && !is_punct(nodes_[c].tag)) return c;
    return -1;
  }

  bool punct_between(int a, int b) const {
    for (int i = std::min(a, b) + 1; i < std::max(a, b); ++i)
      if (is_punct(kid_tag(i))) return true;
    return false;
  }

  // Position of the subject among a clause's children: the nominal nearest before the
  // head; in inverted clauses ("said Jones") the first one after it.
  int subject_position(Tag phrase, const Segment& s) const {
    for (int i = s.head - 1; i >= s.begin; --i) {
      const Node& k = kid(i);
      if ((k.tag == Tag::NP || k.tag == Tag::WHNP || k.function == "SBJ") && k.function != "TMP" &&
          !is_temporal_word(sentence_.tokens[k.head_token].form))
        return i;
    }
    if (phrase == Tag::SINV || phrase == Tag::SQ)
      for (int i = s.head + 1; i < s.end; ++i)
        if (kid_tag(i) == Tag::NP) return i;
    return -1;
  }

  bool is_object_candidate(int i) const {
    const Node& k = kid(i);
    return (k.tag == Tag::NP || k.tag == Tag::WHNP) && k.function.empty() &&
           !is_temporal_word(sentence_.tokens[k.head_token].form);
  }

  std::string_view sbar_relation(int sbar, bool in_noun) const {
    const int first = introducer(sbar);
    const Tag t = first >= 0 ? nodes_[first].tag : Tag::Other;
    if (in_noun) return is_wh_phrase(t) ? "acl:relcl" : "acl";
    if (is_wh_phrase(t) || is_clause(t)) return "ccomp";
    if ((t == Tag::IN || t == Tag::DT) &&
        word_in(sentence_.tokens[nodes_[first].head_token].form, {"that", "whether"}))
      return "ccomp";
    return "advcl";
  }

  // The relation of child i to the head of segment s of phrase n.
  std::string_view relation(int n, const Segment& s, int i) const {
    const Tag phrase = nodes_[n].tag;
    const Node& dep = kid(i);
    const Tag t = dep.tag;
    const bool before = i < s.head;
    const bool in_noun = is_nominal_phrase(phrase);
    const bool in_clause = is_clause(phrase);
    const Node& head = kid(s.head);
    const bool head_is_clause = is_clause(head.tag) || head.tag == Tag::SBAR || head.tag == Tag::VP;
    const std::string_view word = sentence_.tokens[dep.head_token].form;

    if (is_punct(t)) return "punct";
    switch (t) {
      case Tag::CC: case Tag::CONJP: return "cc";
      case Tag::UH: case Tag::INTJ: return "discourse";
      case Tag::EX: return "expl";
      case Tag::POS: return "case";
      case Tag::PRPS: case Tag::WPS: return "nmod:poss";
      case Tag::PRN: return in_noun ? "appos" : "parataxis";
      case Tag::PRT: case Tag::RP: return "compound:prt";
      case Tag::MD: return "aux";
      case Tag::TO: case Tag::IN:
        if (phrase == Tag::PP || phrase == Tag::WHPP) return head_is_clause ? "mark" : "case";
        if (phrase == Tag::QP) return "advmod";
        return in_noun ? "case" : "mark";
      case Tag::DT: case Tag::PDT: case Tag::WDT:
        if (phrase == Tag::SBAR) return "mark";
        return t == Tag::PDT ? "det:predet" : "det";
      default: break;
    }
    if (is_verb(t) && t != Tag::MD) {
      if (in_noun) return before ? "amod" : "acl";
      if (!before) return "dep";
      if (s.copular && is_be(word)) return "cop";
      if (!is_auxiliary_word(word) && t != Tag::AUX) return "dep";
      return passive_auxiliary(dep.head_token, head.head_token) ? "aux:pass" : "aux";
    }
    if (is_adjectival(t)) {
      if (in_noun || phrase == Tag::ADJP) return "amod";
      if (phrase == Tag::VP && !before) return "xcomp";
      if (phrase == Tag::QP) return "advmod";
      return in_clause ? "advcl" : "dep";
    }
    if (is_adverbial(t)) return "advmod";
    if (t == Tag::CD || t == Tag::QP) {
      if (in_noun) return "nummod";
      if (phrase == Tag::QP) return "compound";
    }
    if (t == Tag::NAC) return "compound";
    if (is_nominal(t)) {
      if (sentence_.tokens[dep.head_token].xpos == "EX") return "expl";
      if (in_noun) {
        if (before) return t == Tag::NP && ends_in_possessive(kids_[i]) ? "nmod:poss" : "compound";
        return punct_between(s.head, i) ? "appos" : "nmod";
      }
      if (dep.function == "TMP") return "obl:tmod";
      if (dep.function == "ADV") return "obl:npmod";
      if (phrase == Tag::VP) {
        if (before) return "obl:npmod";
        if (dep.function == "PRD") return "xcomp";
        if (!is_object_candidate(i)) return "obl:tmod";
        int objects = 0, first_object = -1;
        for (int k = s.head + 1; k < s.end; ++k)
          if (is_object_candidate(k)) {
            if (first_object < 0) first_object = k;
            ++objects;
          }
        return objects >= 2 && i == first_object ? "iobj" : "obj";
      }
      if (in_clause) {
        if (i == subject_position(phrase, s) || dep.function == "SBJ") return "nsubj";
        return is_temporal_word(word) ? "obl:tmod" : "obl";
      }
      if (phrase == Tag::SBAR && t == Tag::WHNP)
        return has_subject(kids_[s.head]) ? "obj" : "nsubj";
      return "obl:npmod";
    }
    if (t == Tag::PP || t == Tag::WHPP) {
      if (headed_by_preposition(kids_[i])) return in_noun ? "nmod" : "advmod";
      if (pp_introduces_clause(kids_[i])) return in_noun ? "acl" : "advcl";
      if (phrase == Tag::SBAR && t == Tag::WHPP) return "obl";
      return in_noun ? "nmod" : "obl";
    }
    if (t == Tag::SBAR || t == Tag::SBARQ) {
      if (in_clause) return sbar_relation(kids_[i], false) == "ccomp" && before ? "ccomp" : "advcl";
      return sbar_relation(kids_[i], in_noun);
    }
    if (is_clause(t)) {
      if (in_noun) return "acl";
      if (phrase == Tag::VP) return has_subject(kids_[i]) ? "ccomp" : "xcomp";
      if (phrase == Tag::ADJP) return "xcomp";
      if (in_clause) {
        if (!has_subject(kids_[i])) return "advcl";
        if (!before && i > s.begin && kid_tag(i - 1) == Tag::Colon) return "parataxis";
        return "ccomp";
      }
      return "dep";
    }
    if (t == Tag::VP) {
      if (in_noun) return "acl";
      if (phrase == Tag::VP) return "xcomp";
      if (in_clause) return "advcl";
    }
    return "dep";
  }

  // A PP with nothing after its preposition to head it ("(PP (IN out))").
  bool headed_by_preposition(int pp) const {
    const Tag t = nodes_[nodes_[pp].first_child].tag;
    return nodes_[nodes_[pp].first_child].head_token == nodes_[pp].head_token &&
           (t == Tag::IN || t == Tag::TO || t == Tag::RP);
  }

  bool pp_introduces_clause(int pp) const {
    const int head = nodes_[pp].head_token;
    for (int c = nodes_[pp].first_child; c >= 0; c = nodes_[c].next_sibling)
      if (nodes_[c].head_token == head)
        return is_clause(nodes_[c].tag) || nodes_[c].tag == Tag::SBAR || nodes_[c].tag == Tag::VP ||
               (nodes_[c].tag == Tag::PP && pp_introduces_clause(c));
    return false;
  }

  // "was arrested", "got arrested": be/get right before a past participle that heads.
  bool passive_auxiliary(int auxiliary, int head) const {
    const auto& tokens = sentence_.tokens;
    if (!(is_be(tokens[auxiliary].form) || is_get(tokens[auxiliary].form))) return false;
    if (head <= auxiliary || tokens[head].xpos != "VBN") return false;
    for (int t = auxiliary + 1; t < head; ++t) {
      const Tag tag = tag_of(tokens[t].xpos);
      if (is_verb(tag)) return false;
    }
    return true;
  }

  void mark_passive_subjects() {
    auto& tokens = sentence_.tokens;
    passive_.assign(tokens.size(), false);
    for (const Token& token : tokens)
      if (token.deprel == "aux:pass" && token.head >= 0) passive_[token.head] = true;
    for (Token& token : tokens)
      if (token.head >= 0 && passive_[token.head]) {
        if (token.deprel == "nsubj") token.deprel = "nsubj:pass";
        else if (token.deprel == "csubj") token.deprel = "csubj:pass";
      }
  }

  std::vector<Node>& nodes_;
  Sentence& sentence_;
  std::vector<int>& kids_;
  std::vector<Segment>& segments_;
  std::vector<bool>& covered_;
  std::vector<bool>& passive_;
};

}  // namespace

void assign_dependencies(std::vector<Node>& nodes, Sentence& sentence) {
  thread_local Scratch scratch;
  Converter(nodes, sentence, scratch).run();
}

}  // namespace annals::ptb
