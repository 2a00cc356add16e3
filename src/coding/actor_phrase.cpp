#include "coding/actor_phrase.h"

#include <algorithm>

#include "dictionaries/actors.h"

namespace annals {

bool one_hyphenated_word(const Sentence& sentence, int a, int b) {
  if (a > b) std::swap(a, b);
  bool hyphen = false;
  for (int k = a; k < b; ++k) {
    const Token &left = sentence.tokens[k], &right = sentence.tokens[k + 1];
    if (left.end != right.start || left.end == 0) return false;
    hyphen |= k > a && left.form == "-";
  }
  return hyphen;
}

std::string code_noun_phrase(const std::vector<std::string>& words, size_t begin, size_t end,
                             const Dictionaries& dictionaries, Date date) {
  end = std::min(end, words.size());
  std::string code;
  bool has_actor = false;
  size_t actor_at = 0, actor_length = 0;
  for (size_t k = begin; k < end; ++k) {
    const auto match = dictionaries.actors().match(words, k, end, Gaps::as_written);
    if (!match) continue;
    code = match->value->code_on(date);
    if (code.empty()) code = "---";
    has_actor = true;
    actor_at = k;
    actor_length = match->length;
    break;
  }

  bool has_agent = false, stopped = false;
  for (size_t k = begin; k < end && !stopped;) {
    if (has_actor && k == actor_at) {
      k += actor_length;
      continue;
    }
    const auto match = dictionaries.agents().match(words, k, end, Gaps::as_written);
    if (!match) {
      ++k;
      continue;
    }
    k += match->length;
    if (!has_actor && !has_agent) code = "---";
    has_agent = true;
    const std::string& agent = match->value->code;
    // Codes are built from 3-character blocks: an agent already there ends the
    // composition (PETRARCH-1 stops at the first repeat rather than skipping it).
    for (size_t at = 0; at + agent.size() <= code.size(); at += 3) {
      if (code.compare(at, agent.size(), agent) == 0) {
        stopped = true;
        break;
      }
    }
    if (stopped) break;
    code = match->value->prefix ? agent + code : code + agent;
  }
  return has_actor || has_agent ? code : std::string();
}

namespace {

bool is_conj(const Token& token) { return token.deprel.rfind("conj", 0) == 0; }

bool in_list(const std::vector<int>& list, int token) {
  return std::binary_search(list.begin(), list.end(), token);
}

// Whether `token` lies under `top` in the dependency tree (top included).
bool descends_from(const Sentence& sentence, int token, int top) {
  for (int t = token, steps = 0; t >= 0 && steps <= static_cast<int>(sentence.tokens.size());
       t = sentence.tokens[t].head, ++steps)
    if (t == top) return true;
  return false;
}

// Splits the sorted token list at its first coordination (recursively), giving the
// token lists of the conjuncts with the shared words added to each.
void split_conjuncts(const Sentence& sentence, const std::vector<int>& tokens,
                     std::vector<std::vector<int>>& out, std::vector<std::pair<int, int>>& spans) {
  // The first conjunct of a coordination: a token with "conj" dependents in the list.
  int head = -1;
  for (int t : tokens) {
    const Token& token = sentence.tokens[t];
    if (is_conj(token) && in_list(tokens, token.head) && !is_conj(sentence.tokens[token.head])) {
      head = token.head;
      break;
    }
  }
  if (head < 0) {
    out.push_back(tokens);
    spans.emplace_back(tokens.front(), tokens.back());
    return;
  }
  std::vector<int> conjuncts{head};
  for (int t : tokens)
    if (is_conj(sentence.tokens[t]) && sentence.tokens[t].head == head) conjuncts.push_back(t);

  // Each token of the list belongs to the conjunct it descends from, if any (the first
  // conjunct owns its subtree minus the other conjuncts'); the rest is shared.
  // Conjunctions and punctuation attached to conjuncts belong to none.
  std::vector<int> owner(tokens.size(), -1);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const int t = tokens[i];
    for (size_t c = conjuncts.size(); c-- > 0;) {
      if (descends_from(sentence, t, conjuncts[c])) {
        owner[i] = static_cast<int>(c);
        break;
      }
    }
    const std::string& rel = sentence.tokens[t].deprel;
    if (owner[i] >= 0 && (rel.rfind("cc", 0) == 0 || rel == "punct") &&
        std::find(conjuncts.begin(), conjuncts.end(), sentence.tokens[t].head) != conjuncts.end())
      owner[i] = -2;
  }
  for (size_t c = 0; c < conjuncts.size(); ++c) {
    std::vector<int> element;
    int first = -1, last = -1;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (owner[i] == -1 || owner[i] == static_cast<int>(c)) element.push_back(tokens[i]);
      if (owner[i] == static_cast<int>(c)) {
        if (first < 0) first = tokens[i];
        last = tokens[i];
      }
    }
    const size_t before = out.size();
    split_conjuncts(sentence, element, out, spans);
    // A nested coordination keeps its own spans; a plain conjunct takes its own words'.
    if (out.size() == before + 1) spans.back() = {first, last};
  }
}

}  // namespace

std::vector<ActorMention> resolve_actor_phrase(const SentenceContext& context, int first,
                                               int last) {
  std::vector<ActorMention> mentions;
  const int count = static_cast<int>(context.sentence.tokens.size());
  first = std::max(first, 0);
  last = std::min(last, count - 1);
  if (first > last) return mentions;

  std::vector<int> tokens;
  for (int t = first; t <= last; ++t) tokens.push_back(t);
  std::vector<std::vector<int>> elements;
  std::vector<std::pair<int, int>> spans;
  split_conjuncts(context.sentence, tokens, elements, spans);

  std::vector<std::string> words;
  for (size_t e = 0; e < elements.size(); ++e) {
    words.clear();
    for (int t : elements[e]) words.push_back(context.words[t]);
    std::string code =
        code_noun_phrase(words, 0, words.size(), context.dictionaries, context.date);
    if (code.empty() || code == "---") continue;
    mentions.push_back({std::move(code), spans[e].first, spans[e].second});
  }
  return mentions;
}

}  // namespace annals
