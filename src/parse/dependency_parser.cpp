#include "parse/dependency_parser.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <climits>
#include <cstdlib>
#include <numeric>
#include <random>
#include <stdexcept>

#include "core/reporting_verbs.h"
#include "parse/feature_hash.h"

namespace annals::parsing {

namespace {

// Transitions are chosen first; an arc's label is then chosen by a second model, which
// keeps the transition model to four classes (most of the scoring work).
constexpr int kShift = 0;
constexpr int kReduce = 1;
constexpr int kLeft = 2;
constexpr int kRight = 3;
constexpr int kActions = 4;
constexpr uint64_t kNone = 0x6E6F6E65;  // stands for a missing word, tag or label
constexpr size_t kMaxFeatures = 104;
constexpr size_t kMaxLabelFeatures = 32;
constexpr int kLongestSearched = 500;  // words

// Positions: 1..n the words, n + 1 the artificial root. The root comes last (Ballesteros &
// Nivre 2013), so the main predicate is chosen after the whole sentence has been seen.
struct State {
  int n = 0;
  std::vector<int> stack;
  int buffer = 1;
  std::vector<int> head, label, left1, left2, right1, right2, left_count, right_count;
  std::vector<uint64_t> left_labels, right_labels;
  std::vector<char> on_stack;
  std::span<const char> punctuation;  // per word (position - 1); empty: no constraint

  bool is_punctuation(int position) const {
    return !punctuation.empty() && position >= 1 && position <= n && punctuation[position - 1];
  }

  void reset(int words) {
    n = words;
    stack.clear();
    buffer = 1;
    const size_t size = static_cast<size_t>(words) + 2;
    for (auto* v : {&head, &label, &left1, &left2, &right1, &right2}) v->assign(size, -1);
    left_count.assign(size, 0);
    right_count.assign(size, 0);
    left_labels.assign(size, 0);
    right_labels.assign(size, 0);
    on_stack.assign(size, 0);
  }
  int root() const { return n + 1; }
  uint64_t L(int k) const { return k < 0 || head[k] < 0 ? kNone : static_cast<uint64_t>(label[k]); }
  bool terminal() const { return buffer == root() && stack.empty(); }
  int top() const { return stack.empty() ? -1 : stack.back(); }

  void add_arc(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (d < h) {  // arc-eager adds left dependents right to left
      left2[h] = left1[h];
      left1[h] = d;
      ++left_count[h];
      left_labels[h] |= 1ull << (l & 63);
    } else {      // and right dependents left to right
      right2[h] = right1[h];
      right1[h] = d;
      ++right_count[h];
      right_labels[h] |= 1ull << (l & 63);
    }
  }

  bool valid(int action) const {
    const int s = top();
    switch (action) {
      case kShift: return buffer <= n;
      case kReduce: return s >= 0 && head[s] >= 0;
      case kLeft: return s >= 0 && head[s] < 0 && !is_punctuation(buffer);
      default: return s >= 0 && buffer <= n && !is_punctuation(s);
    }
  }

  // The one valid action, or -1 when there are several (as when an empty stack must shift, or
  // once the buffer holds only the root, each word left on the stack must go).
  int forced_action() const {
    int only = -1;
    for (int a = 0; a < kActions; ++a)
      if (valid(a)) {
        if (only >= 0) return -1;
        only = a;
      }
    return only;
  }

  // The arc an action adds: {head, dependent}, or {-1, -1}.
  std::pair<int, int> arc(int action) const {
    if (action == kLeft) return {buffer, top()};
    if (action == kRight) return {top(), buffer};
    return {-1, -1};
  }

  void apply(int action, int l) {
    const int s = top();
    if (action == kShift) {
      stack.push_back(buffer);
      on_stack[buffer++] = 1;
    } else if (action == kReduce) {
      on_stack[s] = 0;
      stack.pop_back();
    } else if (action == kLeft) {
      add_arc(buffer, s, l);
      on_stack[s] = 0;
      stack.pop_back();
    } else {
      add_arc(s, buffer, l);
      stack.push_back(buffer);
      on_stack[buffer++] = 1;
    }
  }
};

// Per-position word and tag values (position 0 unused, n + 1 the root).
struct Lexical {
  std::vector<uint64_t> word, tag, word_tag, upos;
  bool parts_of_speech = false;  // whether features see the words' parts of speech (upos)
  // punctuation_before[k]: tokens of ASCII punctuation at positions 1..k-1.
  std::vector<int> punctuation_before;

  // The values of the word at position k, kNone for no word (k = -1).
  uint64_t W(int k) const { return k < 0 ? kNone : word[k]; }
  uint64_t P(int k) const { return k < 0 ? kNone : tag[k]; }
  uint64_t WP(int k) const { return k < 0 ? kNone : word_tag[k]; }
  uint64_t U(int k) const { return k < 0 ? kNone : upos[k]; }  // the part of speech
  int punctuation_between(int from, int to) const { return punctuation_before[to] - punctuation_before[from + 1]; }

  void fill(std::span<const std::string_view> forms, std::span<const uint16_t> tags,
            const std::vector<uint16_t>& tag_classes) {
    static const uint64_t root_word = hash_bytes("<root>");
    word.assign(1, kNone);
    tag.assign(1, kNone);
    word_tag.assign(1, kNone);
    parts_of_speech = !tag_classes.empty();
    upos.assign(1, kNone);
    punctuation_before.assign(2, 0);
    for (size_t i = 0; i < forms.size(); ++i) {
      word.push_back(hash_lowercase(forms[i]));
      tag.push_back(tags[i]);
      word_tag.push_back(hash_mix(word.back(), tags[i]));
      upos.push_back(tags[i] < tag_classes.size() ? tag_classes[tags[i]] : kNone);
      punctuation_before.push_back(punctuation_before.back() + is_ascii_punctuation(forms[i]));
    }
    word.push_back(root_word);
    tag.push_back(0xFFFE);
    word_tag.push_back(hash_mix(root_word, 0xFFFE));
    upos.push_back(0xFFFE);
  }
};

// The positions the transition features look at; -1 where there is none.
struct Context {
  int s0, s1, n0, n1, n2, s0h, s0h2, s0l, s0l2, s0r, s0r2, n0l, n0l2, before_n0;

  explicit Context(const State& st) {
    s0 = st.top();
    s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
    n0 = st.buffer <= st.root() ? st.buffer : -1;
    n1 = st.buffer + 1 <= st.root() ? st.buffer + 1 : -1;
    n2 = st.buffer + 2 <= st.root() ? st.buffer + 2 : -1;
    auto child = [](const std::vector<int>& v, int k) { return k < 0 ? -1 : v[k]; };
    s0h = child(st.head, s0), s0h2 = child(st.head, s0h);
    s0l = child(st.left1, s0), s0l2 = child(st.left2, s0);
    s0r = child(st.right1, s0), s0r2 = child(st.right2, s0);
    n0l = child(st.left1, n0), n0l2 = child(st.left2, n0);
    before_n0 = n0 > 1 ? n0 - 1 : -1;
  }
};

// Many templates describe one word in one role (the top of the stack, its leftmost child,
// ...): their summed scores depend only on the role and the word, so the parser computes
// them once per sentence for each word in each role instead of once per transition.
// The ids are the templates' numbers, fixed by the trained model.
enum Role { kRoleS0, kRoleS1, kRoleS0h, kRoleS0h2, kRoleS0l, kRoleS0l2, kRoleS0r, kRoleS0r2, kRoleN0l, kRoleN0l2, kRoles };
constexpr uint64_t kRoleTemplates[kRoles][3] = {
    {1, 2, 3}, {73, 74, 0}, {39, 40, 0}, {51, 52, 0}, {42, 43, 0},
    {54, 55, 0}, {45, 46, 0}, {57, 58, 0}, {48, 49, 0}, {60, 61, 0},
};
constexpr size_t kMaxRoleFeatures = 3;

int role_position(const Context& c, int role) {
  switch (role) {
    case kRoleS0: return c.s0;
    case kRoleS1: return c.s1;
    case kRoleS0h: return c.s0h;
    case kRoleS0h2: return c.s0h2;
    case kRoleS0l: return c.s0l;
    case kRoleS0l2: return c.s0l2;
    case kRoleS0r: return c.s0r;
    case kRoleS0r2: return c.s0r2;
    case kRoleN0l: return c.n0l;
    default: return c.n0l2;
  }
}

// Word k (-1: none) in a role: the word alone and its tag, and for the top of the stack
// also word and tag together.
void role_features(int role, int k, const Lexical& lex, TemplateValues<kMaxRoleFeatures>& v) {
  const uint64_t* ids = kRoleTemplates[role];
  size_t next = 0;
  if (role == kRoleS0) v.add(ids[next++], lex.WP(k));
  v.add(ids[next++], lex.W(k));
  v.add(ids[next], lex.P(k));
}

// The first words of the buffer, which stay put while the stack is reduced.
constexpr size_t kMaxBufferFeatures = 17;
void buffer_features(const Context& c, const Lexical& lex, TemplateValues<kMaxBufferFeatures>& v) {
  v.add(4, lex.WP(c.n0)); v.add(5, lex.W(c.n0)); v.add(6, lex.P(c.n0));
  v.add(7, lex.WP(c.n1)); v.add(8, lex.W(c.n1)); v.add(9, lex.P(c.n1));
  v.add(10, lex.WP(c.n2)); v.add(11, lex.W(c.n2)); v.add(12, lex.P(c.n2));
  v.add(20, lex.P(c.n0), lex.P(c.n1)); v.add(21, lex.P(c.n0), lex.P(c.n1), lex.P(c.n2));
  // Lookahead: the next word itself, and the tag after n2.
  const int n3 = c.n2 >= 0 && c.n2 < static_cast<int>(lex.tag.size()) - 1 ? c.n2 + 1 : -1;
  v.add(81, lex.W(c.n0), lex.W(c.n1)); v.add(82, lex.P(c.n1), lex.P(c.n2), lex.P(n3));
  if (!lex.parts_of_speech) return;
  v.add(86, lex.U(c.n0), lex.U(c.n1)); v.add(87, lex.U(c.n0), lex.U(c.n1), lex.U(c.n2));
  v.add(88, lex.W(c.n0), lex.U(c.n1)); v.add(95, lex.U(c.n1), lex.U(c.n2), lex.U(n3));
}

// The top of the stack with its subtree. While a word is on the stack its head and left
// children stay as they were when it was pushed; only right children are added, so these
// scores change only with the top's right child count.
constexpr size_t kMaxTopFeatures = 18;
void top_features(const State& st, const Context& c, const Lexical& lex, TemplateValues<kMaxTopFeatures>& v) {
  const int s0 = c.s0;
  const uint64_t s0_left = s0 >= 0 ? st.left_count[s0] : kNone, s0_right = s0 >= 0 ? st.right_count[s0] : kNone;
  const uint64_t s0_left_set = s0 >= 0 ? st.left_labels[s0] : kNone, s0_right_set = s0 >= 0 ? st.right_labels[s0] : kNone;
  // Valency.
  v.add(33, lex.W(s0), s0_right); v.add(34, lex.P(s0), s0_right);
  v.add(35, lex.W(s0), s0_left); v.add(36, lex.P(s0), s0_left);
  // Labels of the head and children.
  v.add(41, st.L(s0)); v.add(44, st.L(c.s0l)); v.add(47, st.L(c.s0r));
  v.add(53, st.L(c.s0h)); v.add(56, st.L(c.s0l2)); v.add(59, st.L(c.s0r2));
  v.add(63, lex.P(s0), lex.P(c.s0l), lex.P(c.s0l2)); v.add(64, lex.P(s0), lex.P(c.s0r), lex.P(c.s0r2));
  v.add(65, lex.P(s0), lex.P(c.s0h), lex.P(c.s0h2));
  // Label sets.
  v.add(67, lex.W(s0), s0_right_set); v.add(68, lex.P(s0), s0_right_set); v.add(69, lex.W(s0), s0_left_set);
  v.add(70, lex.P(s0), s0_left_set);
  if (lex.parts_of_speech) v.add(96, lex.U(s0), lex.U(c.s0l), lex.U(c.s0r));
}

// The front of the buffer with its left children, which change only with their count.
constexpr size_t kMaxFrontFeatures = 8;
void front_features(const State& st, const Context& c, const Lexical& lex, TemplateValues<kMaxFrontFeatures>& v) {
  const int n0 = c.n0;
  const uint64_t n0_left = n0 >= 0 ? st.left_count[n0] : kNone;
  const uint64_t n0_left_set = n0 >= 0 ? st.left_labels[n0] : kNone;
  v.add(37, lex.W(n0), n0_left); v.add(38, lex.P(n0), n0_left);
  v.add(50, st.L(c.n0l)); v.add(62, st.L(c.n0l2));
  v.add(66, lex.P(n0), lex.P(c.n0l), lex.P(c.n0l2));
  v.add(71, lex.W(n0), n0_left_set); v.add(72, lex.P(n0), n0_left_set);
  if (lex.parts_of_speech) v.add(97, lex.U(n0), lex.U(c.n0l), lex.U(c.n0l2));
}

// The templates that relate the top of the stack to the front of the buffer.
void pair_features(const State& st, const Context& c, const Lexical& lex, TemplateValues<kMaxFeatures>& v) {
  const int s0 = c.s0, n0 = c.n0;
  const uint64_t distance = s0 > 0 && n0 > 0 ? static_cast<uint64_t>(std::min(n0 - s0, 8)) : kNone;
  // Pairs.
  v.add(13, lex.WP(s0), lex.WP(n0)); v.add(14, lex.WP(s0), lex.W(n0));
  v.add(15, lex.W(s0), lex.WP(n0)); v.add(16, lex.WP(s0), lex.P(n0));
  v.add(17, lex.P(s0), lex.WP(n0)); v.add(18, lex.W(s0), lex.W(n0)); v.add(19, lex.P(s0), lex.P(n0));
  // Tag trigrams.
  v.add(22, lex.P(s0), lex.P(n0), lex.P(c.n1)); v.add(23, lex.P(c.s0h), lex.P(s0), lex.P(n0));
  v.add(24, lex.P(s0), lex.P(c.s0l), lex.P(n0)); v.add(25, lex.P(s0), lex.P(c.s0r), lex.P(n0));
  v.add(26, lex.P(s0), lex.P(n0), lex.P(c.n0l));
  // Distance.
  v.add(27, lex.W(s0), distance); v.add(28, lex.P(s0), distance);
  v.add(29, lex.W(n0), distance); v.add(30, lex.P(n0), distance);
  v.add(31, lex.W(s0), lex.W(n0), distance); v.add(32, lex.P(s0), lex.P(n0), distance);
  // The word below the top, whether the top has its head, the word before the buffer.
  v.add(75, lex.P(c.s1), lex.P(s0)); v.add(76, lex.P(c.s1), lex.P(s0), lex.P(n0));
  v.add(77, s0 >= 0 && st.head[s0] >= 0, lex.P(s0), lex.P(n0)); v.add(78, lex.P(c.before_n0), lex.P(n0), lex.P(s0));
  v.add(79, lex.W(s0), lex.P(n0), st.L(s0)); v.add(80, lex.P(s0), lex.W(n0), st.L(s0));
  // The top with the next two tags, the word below the top, punctuation in between.
  v.add(83, lex.W(s0), lex.P(n0), lex.P(c.n1)); v.add(84, lex.W(c.s1), lex.P(s0), lex.P(n0));
  const uint64_t punctuation =
      s0 > 0 && n0 > 0 ? static_cast<uint64_t>(std::min(lex.punctuation_between(s0, n0), 3)) : kNone;
  v.add(85, lex.P(s0), lex.P(n0), punctuation);
  if (!lex.parts_of_speech) return;
  v.add(89, lex.U(s0), lex.U(n0)); v.add(90, lex.U(s0), lex.U(n0), lex.U(c.n1));
  v.add(91, lex.U(c.s1), lex.U(s0), lex.U(n0)); v.add(92, lex.W(s0), lex.U(n0));
  v.add(93, lex.U(s0), lex.W(n0)); v.add(94, lex.U(c.s0h), lex.U(s0), lex.U(n0));
}

// Every transition feature, as training needs them, in the order of their template ids (so
// that training sums them in the same order as ever and stays reproducible). The parts of
// speech have the last ids, 86 to 97.
constexpr size_t kTemplates = 85, kPartOfSpeechTemplates = 12;
size_t extract(const State& st, const Lexical& lex, std::array<uint64_t, kMaxFeatures>& out) {
  const Context c(st);
  auto place = [&](const auto& v) {
    for (size_t i = 0; i < v.count; ++i) out[v.id[i] - 1] = feature_key(v.id[i], v.a[i], v.b[i], v.c[i]);
  };
  TemplateValues<kMaxFeatures> pairs;
  pair_features(st, c, lex, pairs);
  place(pairs);
  TemplateValues<kMaxTopFeatures> top;
  top_features(st, c, lex, top);
  place(top);
  TemplateValues<kMaxFrontFeatures> front;
  front_features(st, c, lex, front);
  place(front);
  TemplateValues<kMaxBufferFeatures> buffer;
  buffer_features(c, lex, buffer);
  place(buffer);
  for (int role = 0; role < kRoles; ++role) {
    TemplateValues<kMaxRoleFeatures> word;
    role_features(role, role_position(c, role), lex, word);
    place(word);
  }
  return kTemplates + (lex.parts_of_speech ? kPartOfSpeechTemplates : 0);
}

// Features for labelling the arc head -> dependent about to be added.
size_t extract_label(const State& st, const Lexical& lex, int head, int dependent,
                     std::array<uint64_t, kMaxLabelFeatures>& out) {
  auto near = [&](int k) { return k >= 1 && k <= st.n ? k : -1; };
  const uint64_t direction = dependent < head ? 1 : 2;
  const uint64_t distance = static_cast<uint64_t>(std::min(std::abs(head - dependent), 6));
  const int d_left = st.left1[dependent], d_right = st.right1[dependent];
  const int h_left = st.left1[head], h_right = st.right1[head];
  TemplateValues<kMaxLabelFeatures> v;
  uint64_t id = 1000;
  auto add = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) __attribute__((always_inline)) { v.add(++id, a, b, c); };
  add(direction); add(lex.W(head)); add(lex.P(head)); add(lex.W(dependent)); add(lex.P(dependent));
  add(lex.W(head), lex.P(dependent)); add(lex.P(head), lex.W(dependent)); add(lex.P(head), lex.P(dependent), direction);
  add(lex.W(head), lex.W(dependent)); add(lex.P(head), lex.P(dependent), distance);
  add(lex.P(head), st.L(head)); add(lex.P(dependent), lex.P(st.head[head] >= 0 ? st.head[head] : -1), lex.P(head));
  add(lex.P(dependent), lex.P(d_left), st.L(d_left)); add(lex.P(dependent), lex.P(d_right), st.L(d_right));
  add(lex.P(head), lex.P(h_left), st.L(h_left)); add(lex.P(head), lex.P(h_right), st.L(h_right));
  add(lex.P(dependent), lex.P(near(dependent - 1)), lex.P(near(dependent + 1)));
  add(lex.P(head), lex.P(near(head - 1)), lex.P(near(head + 1)));
  add(lex.W(dependent), direction); add(lex.W(head), direction, lex.P(dependent));
  add(lex.P(dependent), st.left_labels[dependent], st.right_labels[dependent]);
  add(lex.P(head), st.left_labels[head], st.right_labels[head]);
  add(lex.W(dependent), lex.P(d_left), lex.P(d_right));
  add(lex.P(near(st.buffer + 1)), lex.P(dependent), lex.P(head));
  return v.hash(out.data());
}

// Gold-tree losses of each transition (Goldberg & Nivre 2012), INT_MAX for invalid ones.
void action_costs(const State& st, const std::vector<int>& gold_head, std::array<int, kActions>& cost) {
  const int s = st.top(), b = st.buffer, n = st.n;
  cost.fill(INT_MAX);
  if (st.valid(kShift)) {
    int c = 0;
    for (const int k : st.stack) c += (gold_head[b] == k) + (gold_head[k] == b && st.head[k] < 0);
    cost[kShift] = c;
  }
  if (st.valid(kReduce)) {
    int c = 0;
    for (int k = b; k <= n; ++k) c += gold_head[k] == s;
    cost[kReduce] = c;
  }
  if (st.valid(kLeft)) {
    int c = gold_head[s] > b;
    for (int k = b; k <= n; ++k) c += gold_head[k] == s;
    cost[kLeft] = c;
  }
  if (st.valid(kRight)) {
    int c = gold_head[b] != s && (gold_head[b] > b || (gold_head[b] >= 0 && st.on_stack[gold_head[b]]));
    for (const int k : st.stack) c += gold_head[k] == b && st.head[k] < 0;
    cost[kRight] = c;
  }
}

template <typename Scores>
int best_action(const State& st, const Scores& scores) {
  int best = -1;
  for (int a = 0; a < kActions; ++a)
    if ((best < 0 || scores[a] > scores[best]) && st.valid(a)) best = a;
  return best;
}

// Any label but the root's, which arcs from the artificial root get without scoring.
template <typename Scores>
int best_label(const Scores& scores, int labels, int root_label) {
  int best = -1;
  for (int l = 0; l < labels; ++l)
    if (l != root_label && (best < 0 || scores[l] > scores[best])) best = l;
  return best;
}

}  // namespace

namespace {

using Scores = std::array<int32_t, kActions>;

// Transition scores for the states of one sentence. The scores of the roles' words (above) and
// of the buffer's first words are summed once per sentence for each word. Along one derivation
// the top of the stack and the front of the buffer with their subtrees change only with their
// child counts, so a greedy parse keeps those too.
class TransitionScorer {
 public:
  void start(int count) {
    positions_ = static_cast<size_t>(count) + 2;
    role_scores_.resize(kRoles * positions_);
    role_known_.assign(kRoles * positions_, 0);
    buffer_scores_.resize(positions_);
    buffer_known_.assign(positions_, 0);
    top_scores_.assign(positions_, Subtree{});
    front_scores_.assign(positions_, Subtree{});
  }

  // one_derivation: the states scored since start() lie on one derivation (some skipped), so
  // subtree scores can be kept per position and child count (a beam's states do not).
  Scores score(const LinearModel& model, const State& st, const Lexical& lex, bool one_derivation) {
    const Context c(st);
    // Every feature this state needs looked up, the pairs' and those of the cached scores it
    // finds missing or stale, goes into one array and is fetched from memory at once: the
    // tables are far larger than the cache, and lookups one after another would each wait.
    size_t n = 0, pending = 0;
    auto gather = [&](auto&& values, Scores& to) {
      assert(pending < pending_.size() && n + values.count <= keys_.size());
      const size_t begin = n;
      n += values.hash(keys_.data() + n);
      pending_[pending++] = {&to, begin, n};
    };
    Scores top_now, front_now;  // a beam's subtree scores, not kept
    auto top = [&](Scores& to) {
      TemplateValues<kMaxTopFeatures> values;
      top_features(st, c, lex, values);
      gather(values, to);
    };
    auto front = [&](Scores& to) {
      TemplateValues<kMaxFrontFeatures> values;
      front_features(st, c, lex, values);
      gather(values, to);
    };
    Scores* top_scores = &top_now;
    Scores* front_scores = &front_now;
    if (one_derivation) {
      const auto s0 = static_cast<size_t>(std::max(c.s0, 0)), n0 = static_cast<size_t>(std::max(c.n0, 0));
      top_scores = &top_scores_[s0].scores;
      front_scores = &front_scores_[n0].scores;
      if (top_scores_[s0].children != st.right_count[s0]) {
        top_scores_[s0].children = st.right_count[s0];
        top(*top_scores);
      }
      if (front_scores_[n0].children != st.left_count[n0]) {
        front_scores_[n0].children = st.left_count[n0];
        front(*front_scores);
      }
    } else {
      top(top_now);
      front(front_now);
    }
    const auto buffer = static_cast<size_t>(st.buffer);
    if (!buffer_known_[buffer]) {
      buffer_known_[buffer] = 1;
      TemplateValues<kMaxBufferFeatures> values;
      buffer_features(c, lex, values);
      gather(values, buffer_scores_[buffer]);
    }
    size_t rows[kRoles];
    for (int role = 0; role < kRoles; ++role) {
      const int position = role_position(c, role);
      rows[role] = static_cast<size_t>(role) * positions_ + static_cast<size_t>(std::max(position, 0));
      if (!role_known_[rows[role]]) {
        role_known_[rows[role]] = 1;
        TemplateValues<kMaxRoleFeatures> values;
        role_features(role, position, lex, values);
        gather(values, role_scores_[rows[role]]);
      }
    }
    Scores scores{};
    TemplateValues<kMaxFeatures> pairs;
    pair_features(st, c, lex, pairs);
    gather(pairs, scores);
    model.prefetch(std::span(keys_.data(), n));
    for (const Pending& p : std::span(pending_.data(), pending)) {
      *p.to = Scores{};
      model.add_scores(std::span(keys_.data() + p.begin, p.end - p.begin), *p.to);
    }
    add(scores, *top_scores);
    add(scores, *front_scores);
    add(scores, buffer_scores_[buffer]);
    for (const size_t row : rows) add(scores, role_scores_[row]);
    return scores;
  }

 private:
  struct Subtree {
    int children = -1;  // the child count the scores were computed for; -1: none yet
    Scores scores;
  };
  struct Pending {  // scores to sum from keys_[begin, end)
    Scores* to;
    size_t begin, end;
  };
  static void add(Scores& to, const Scores& from) {
    for (int a = 0; a < kActions; ++a) to[a] += from[a];
  }

  size_t positions_ = 0;
  std::vector<Scores> role_scores_, buffer_scores_;  // row role * positions + position (0: no word)
  std::vector<char> role_known_, buffer_known_;
  std::vector<Subtree> top_scores_, front_scores_;
  // At most one group of each kind per state: top, front, buffer, each role, the pairs.
  std::array<Pending, 3 + kRoles + 1> pending_;
  std::array<uint64_t, kMaxTopFeatures + kMaxFrontFeatures + kMaxBufferFeatures + kRoles * kMaxRoleFeatures +
                           kMaxFeatures>
      keys_;
};

struct BeamItem {
  State st;
  int64_t score = 0;
};

// While training: the labeller's label for the arc head -> dependent; on a gold arc (truth >= 0)
// the labeller then learns the truth from that guess.
int learn_label(PerceptronTrainer& labeller, const State& st, const Lexical& lex, int head, int dependent, int truth,
                int root_label, std::span<float> scores) {
  std::array<uint64_t, kMaxLabelFeatures> features;
  const size_t m = extract_label(st, lex, head, dependent, features);
  labeller.score(std::span(features.data(), m), scores);
  const int label = best_label(scores, labeller.classes(), root_label);
  if (truth >= 0) {
    labeller.update(std::span(features.data(), m), truth, label);
    labeller.tick();
  }
  return label;
}

}  // namespace

int64_t DependencyParser::parse(const ParserInput& input, std::span<int> heads, std::span<uint16_t> labels) const {
  if (!right_to_left_) return search(input, heads, labels);
  thread_local std::vector<std::string_view> forms;
  thread_local std::vector<uint16_t> tags;
  thread_local std::vector<char> punctuation;
  forms.assign(input.forms.rbegin(), input.forms.rend());
  tags.assign(input.tags.rbegin(), input.tags.rend());
  punctuation.assign(input.punctuation.rbegin(), input.punctuation.rend());
  const int64_t score = search({forms, tags, punctuation}, heads, labels);
  std::reverse(heads.begin(), heads.end());
  std::reverse(labels.begin(), labels.end());
  const int last = static_cast<int>(heads.size()) - 1;
  for (int& head : heads)
    if (head >= 0) head = last - head;
  return score;
}

int64_t DependencyParser::search(const ParserInput& input, std::span<int> heads, std::span<uint16_t> labels) const {
  thread_local Lexical lex;
  thread_local TransitionScorer scorer;
  thread_local std::vector<int32_t> label_scores;
  thread_local std::vector<BeamItem> beam, next;
  struct Candidate {
    int64_t score;
    int item, action;
  };
  thread_local std::vector<Candidate> candidates;
  const int count = static_cast<int>(input.forms.size());
  const int label_count = static_cast<int>(labels_.size());
  lex.fill(input.forms, input.tags, tag_classes_);
  scorer.start(count);
  label_scores.resize(label_count);
  std::array<uint64_t, kMaxLabelFeatures> label_feats;
  auto label_of = [&](const State& st, int head, int dependent) {
    const size_t m = extract_label(st, lex, head, dependent, label_feats);
    std::fill(label_scores.begin(), label_scores.end(), 0);
    labeller_.add_scores(std::span(label_feats.data(), m), label_scores);
    return best_label(label_scores, label_count, root_label_);
  };
  auto apply = [&](State& st, int action) {
    const auto [head, dependent] = st.arc(action);
    const int label = head == st.root() ? root_label_ : head > 0 ? label_of(st, head, dependent) : -1;
    st.apply(action, label);
  };
  beam.resize(1);
  beam[0].st.reset(count);
  beam[0].st.punctuation = input.punctuation;
  beam[0].score = 0;
  // Each step copies whole states, so a beam costs time quadratic in the sentence's length:
  // beyond the segmenter's longest sentence (given tokens can be any length) the search
  // narrows to one path.
  if (beam_ <= 1 || count > kLongestSearched) {
    State& st = beam[0].st;
    while (!st.terminal()) {
      const int forced = st.forced_action();
      apply(st, forced >= 0 ? forced : best_action(st, scorer.score(transitions_, st, lex, true)));
    }
  } else {
    // Every derivation takes 2n transitions, so the items of a beam finish together.
    while (!beam[0].st.terminal()) {
      candidates.clear();
      for (size_t i = 0; i < beam.size(); ++i) {
        const Scores scores = scorer.score(transitions_, beam[i].st, lex, false);
        for (int a = 0; a < kActions; ++a)
          if (beam[i].st.valid(a)) candidates.push_back({beam[i].score + scores[a], static_cast<int>(i), a});
      }
      const size_t keep = std::min(candidates.size(), static_cast<size_t>(beam_));
      std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(keep), candidates.end(),
                        [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
      next.resize(keep);
      for (size_t k = 0; k < keep; ++k) {
        next[k].st = beam[static_cast<size_t>(candidates[k].item)].st;
        next[k].score = candidates[k].score;
        apply(next[k].st, candidates[k].action);
      }
      std::swap(beam, next);
    }
  }
  State& st = beam[0].st;
  // Every word has a head now, at least one the artificial root (arc-eager builds a forest).
  // Should several, the first stays the root and the others hang from it, labelled by the
  // labeller as any arc ("met ... Trump" gets obj, not the fallback).
  int root = 0;
  for (int i = 1; i <= count; ++i) {
    if (st.head[i] != st.root()) continue;
    if (root == 0) {
      root = i;
      continue;
    }
    st.head[i] = root;
    const int label = label_of(st, root, i);
    st.label[i] = label >= 0 ? label : fallback_label_;
  }
  for (int i = 1; i <= count; ++i) {
    heads[i - 1] = i == root ? -1 : st.head[i] - 1;
    labels[i - 1] = static_cast<uint16_t>(st.label[i]);
  }
  return beam[0].score;
}

void rehang_verb_possessors(std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const int verb = tokens[i].head;
    if (tokens[i].deprel != "nmod:poss" || verb < 0 || tokens[verb].upos != "VERB" || tokens[verb].xpos == "VBG")
      continue;
    for (size_t j = i + 1; j < tokens.size(); ++j)
      if (tokens[j].head == verb && (tokens[j].upos == "NOUN" || tokens[j].upos == "PROPN")) {
        tokens[i].head = static_cast<int>(j);
        break;
      }
  }
}

void relabel_reported_clauses(std::vector<Token>& tokens) {
  // Adverbs that subordinate a clause as markers do ("when he left, ...").
  static constexpr std::string_view kSubordinating[] = {"when", "where", "while", "whenever", "wherever",
                                                        "whatever", "how", "why", "once", "as"};
  auto is_reporting = [](std::string_view lemma) {
    return std::any_of(std::begin(kReportingVerbs), std::end(kReportingVerbs),
                       [&](const ReportingVerb& v) { return v.lemma == lemma; });
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& clause = tokens[i];
    if (clause.deprel != "advcl" || clause.head <= static_cast<int>(i) ||
        clause.head >= static_cast<int>(tokens.size()) || !is_reporting(tokens[clause.head].lemma))
      continue;
    bool subject = false, subordinated = false, auxiliary = false;
    for (const Token& child : tokens) {
      if (child.head != static_cast<int>(i)) continue;
      subject |= child.deprel.starts_with("nsubj");
      subordinated |= child.deprel == "mark" ||
                      (child.deprel == "advmod" && std::find(std::begin(kSubordinating), std::end(kSubordinating),
                                                             child.lemma) != std::end(kSubordinating));
      auxiliary |= child.deprel.starts_with("aux") || child.deprel == "cop";
    }
    // Participles and infinitives without an auxiliary are not finite ("Speaking to reporters, he said").
    const bool finite = auxiliary || (clause.xpos != "VBG" && clause.xpos != "VBN" && clause.xpos != "VB" &&
                                      clause.xpos != "TO");
    if (subject && !subordinated && finite) clause.deprel = "ccomp";
  }
}

void restore_headline_clauses(std::vector<Token>& tokens) {
  if (!lacks_final_punctuation(tokens)) return;
  const int n = static_cast<int>(tokens.size());
  auto children = [&](int head, auto&& visit) {
    for (int c = 0; c < n; ++c)
      if (tokens[c].head == head) visit(c);
  };
  const auto root_at = std::find_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.head < 0; });
  const int root = root_at == tokens.end() ? -1 : static_cast<int>(root_at - tokens.begin());
  const std::string_view root_upos = root < 0 ? "" : std::string_view(tokens[root].upos);
  if (root_upos == "NOUN" || root_upos == "PROPN" || root_upos == "NUM" || root_upos == "PRON") {
    // A participle modifying the nominal root, or an infinitive modifying a name ("Obama to
    // meet Putin"; "place to sleep" is a noun phrase), is the headline's verb when the root
    // heads no other verb.
    const bool name = root_upos == "PROPN" || root_upos == "PRON";
    int verb = -1, verbs = 0;
    children(root, [&](int c) {
      if (tokens[c].upos != "VERB" && tokens[c].upos != "AUX") return;
      ++verbs;
      bool to = false;
      children(c, [&](int m) { to |= tokens[m].deprel == "mark" && tokens[m].lemma == "to"; });
      if (tokens[c].deprel == "acl" && c > root && (tokens[c].xpos == "VBN" || (tokens[c].xpos == "VB" && to && name)))
        verb = c;
    });
    if (verb >= 0 && verbs == 1) {
      children(root, [&](int c) {
        if (c > verb) tokens[c].head = verb;  // what follows the verb is the clause's
      });
      tokens[verb].head = -1;
      tokens[verb].deprel = "root";
      tokens[root].head = verb;
      tokens[root].deprel = "nsubj";
    }
  } else if (root_upos == "ADJ") {
    // "Shultz likely to visit Moscow": the nominal before a predicate adjective is its subject.
    int subject = -1;
    bool has_subject = false;
    children(root, [&](int c) {
      has_subject |= tokens[c].deprel.starts_with("nsubj");
      if (c < root && tokens[c].deprel == "compound" && (tokens[c].upos == "NOUN" || tokens[c].upos == "PROPN"))
        subject = c;
    });
    if (subject >= 0 && !has_subject) tokens[subject].deprel = "nsubj";
  }
  // A participle with a subject and no auxiliary, copula or object is passive.
  for (int v = 0; v < n; ++v) {
    if (tokens[v].xpos != "VBN") continue;
    bool active = false;
    children(v, [&](int c) {
      active |= tokens[c].deprel.starts_with("aux") || tokens[c].deprel == "cop" || tokens[c].deprel == "obj";
    });
    if (!active)
      children(v, [&](int c) {
        if (tokens[c].deprel == "nsubj") tokens[c].deprel = "nsubj:pass";
      });
  }
}

void attach_paired_punctuation(std::span<const std::string_view> forms, std::span<const char> punctuation,
                               std::span<int> heads) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
      {"(", ")"}, {"[", "]"}, {"{", "}"}, {"\u201C", "\u201D"}, {"\u2018", "\u2019"}};
  constexpr size_t kDepth = 16;
  int open_at[kDepth];
  std::string_view closer[kDepth];
  size_t depth = 0;
  int quote = -1;  // an open straight double quote
  const int n = static_cast<int>(heads.size());
  // A mark that is the root or heads a word stays put: moving it could break the tree.
  auto movable = [&](int mark) {
    return heads[mark] >= 0 && std::find(heads.begin(), heads.end(), mark) == heads.end();
  };
  auto attach = [&](int open, int close) {
    if (!movable(open) || !movable(close)) return;
    for (int k = open + 1; k < close; ++k) {
      if (punctuation[k] || (heads[k] >= open && heads[k] <= close)) continue;
      heads[open] = heads[close] = k;
      return;
    }
    heads[close] = heads[open];
  };
  for (int i = 0; i < n; ++i) {
    if (!punctuation[i]) continue;
    const std::string_view form = forms[i];
    if (form == "\"") {
      if (quote < 0) {
        quote = i;
      } else {
        attach(quote, i);
        quote = -1;
      }
      continue;
    }
    if (depth > 0 && form == closer[depth - 1]) {
      --depth;
      attach(open_at[depth], i);
      continue;
    }
    for (const auto& [opening, closing] : kPairs)
      if (form == opening && depth < kDepth) {
        open_at[depth] = i;
        closer[depth++] = closing;
      }
  }
}

void DependencyParser::write(ModelWriter& out) const {
  out.strings(labels_);
  out.value<uint32_t>(static_cast<uint32_t>(root_label_));
  out.value<uint32_t>(static_cast<uint32_t>(fallback_label_));
  out.value<uint32_t>(static_cast<uint32_t>(beam_));
  out.value<uint32_t>(right_to_left_ ? 1 : 0);
  out.array(tag_classes_);
  transitions_.write(out);
  labeller_.write(out);
}

DependencyParser DependencyParser::read(ModelReader& in) {
  DependencyParser p;
  p.labels_ = in.strings();
  p.root_label_ = static_cast<int>(in.value<uint32_t>());
  p.fallback_label_ = static_cast<int>(in.value<uint32_t>());
  const uint32_t beam = in.value<uint32_t>();
  if (beam == 0 || beam > kMaxBeamWidth) in.fail("bad parser beam width " + std::to_string(beam));
  p.beam_ = static_cast<int>(beam);
  const uint32_t direction = in.value<uint32_t>();
  if (direction > 1) in.fail("bad parser direction " + std::to_string(direction));
  p.right_to_left_ = direction == 1;
  p.tag_classes_ = in.array<uint16_t>();
  for (size_t t = 0; t < p.tag_classes_.size(); ++t)
    if (p.tag_classes_[t] > t) in.fail("bad parser tag class");
  const int labels = static_cast<int>(p.labels_.size());
  if (labels == 0 || p.root_label_ >= labels || p.fallback_label_ >= labels) in.fail("bad parser label list");
  p.transitions_ = LinearModel::read(in);
  p.labeller_ = LinearModel::read(in);
  if (p.transitions_.classes() != kActions || p.labeller_.classes() != labels)
    in.fail("parser models and label list disagree");
  return p;
}

std::vector<std::string> label_inventory(const std::vector<Sentence>& sentences) {
  std::vector<std::string> labels = {"root", "dep"};
  for (const Sentence& sentence : sentences)
    for (const Token& token : sentence.tokens)
      if (token.head >= 0 && std::find(labels.begin(), labels.end(), token.deprel) == labels.end())
        labels.push_back(token.deprel);
  return labels;
}

int label_index(const std::vector<std::string>& labels, const Token& token) {
  if (token.head < 0) return 0;
  return static_cast<int>(std::find(labels.begin(), labels.end(), token.deprel) - labels.begin());
}

DependencyParser DependencyParser::train(const std::vector<Sentence>& sentences,
                                         const std::vector<std::vector<uint16_t>>& tags,
                                         const ParserTraining& options) {
  DependencyParser p;
  p.labels_ = label_inventory(sentences);
  p.root_label_ = 0;
  p.fallback_label_ = 1;
  std::vector<std::vector<int>> gold_heads(sentences.size()), gold_labels(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    gold_heads[s].push_back(-1);
    gold_labels[s].push_back(-1);
    for (const Token& token : sentences[s].tokens) {
      gold_heads[s].push_back(token.head < 0 ? static_cast<int>(sentences[s].tokens.size()) + 1 : token.head + 1);
      gold_labels[s].push_back(label_index(p.labels_, token));
    }
  }
  p.right_to_left_ = options.right_to_left;
  p.tag_classes_ = options.tag_classes;
  // Right to left: the same sentences with their words in reverse order (the root stays last).
  std::vector<Sentence> reversed;
  std::vector<std::vector<uint16_t>> reversed_tags;
  if (p.right_to_left_) {
    reversed.resize(sentences.size());
    reversed_tags.resize(sentences.size());
    for (size_t s = 0; s < sentences.size(); ++s) {
      const auto& tokens = sentences[s].tokens;
      const int n = static_cast<int>(tokens.size());
      reversed[s].tokens.assign(tokens.rbegin(), tokens.rend());
      reversed_tags[s].assign(tags[s].rbegin(), tags[s].rend());
      std::reverse(gold_heads[s].begin() + 1, gold_heads[s].end());
      std::reverse(gold_labels[s].begin() + 1, gold_labels[s].end());
      for (int& head : gold_heads[s])
        if (head >= 1 && head <= n) head = n + 1 - head;
    }
  }
  const auto& words = p.right_to_left_ ? reversed : sentences;
  const auto& word_tags = p.right_to_left_ ? reversed_tags : tags;
  if (options.beam > 1)
    p.train_beam(words, word_tags, gold_heads, gold_labels, options);
  else
    p.train_greedy(words, word_tags, gold_heads, gold_labels, options);
  return p;
}

// Greedy training with a dynamic oracle (Goldberg & Nivre 2012): the transition model learns
// the least-cost actions from the states its own choices lead to.
void DependencyParser::train_greedy(const std::vector<Sentence>& sentences, const std::vector<std::vector<uint16_t>>& tags,
                                    const std::vector<std::vector<int>>& gold_heads,
                                    const std::vector<std::vector<int>>& gold_labels, const ParserTraining& options) {
  const int labels = static_cast<int>(labels_.size());
  PerceptronTrainer transitions(kActions), labeller(labels);
  std::array<float, kActions> scores;
  std::vector<float> label_scores(labels);
  std::array<int, kActions> cost;
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 random(11);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  State st;
  Lexical lex;
  std::vector<std::string_view> forms;
  std::array<uint64_t, kMaxFeatures> feats;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    size_t attached = 0, labelled = 0, words = 0;
    for (const size_t s : order) {
      const std::vector<int>& gold_head = gold_heads[s];
      forms.clear();
      for (const Token& token : sentences[s].tokens) forms.push_back(token.form);
      lex.fill(forms, tags[s], tag_classes_);
      st.reset(static_cast<int>(forms.size()));
      while (!st.terminal()) {
        const size_t n = extract(st, lex, feats);
        transitions.score(std::span(feats.data(), n), scores);
        action_costs(st, gold_head, cost);
        const int guess = best_action(st, scores);
        const int least = *std::min_element(cost.begin(), cost.end());
        int best = -1;
        for (int a = 0; a < kActions; ++a)
          if (cost[a] == least && (best < 0 || scores[a] > scores[best])) best = a;
        if (cost[guess] > least) transitions.update(std::span(feats.data(), n), best, guess);
        transitions.tick();
        const int action = epoch > 0 && coin(random) < options.explore ? guess : best;
        const auto [head, dependent] = st.arc(action);
        int label = -1;
        if (head == st.root()) {
          label = root_label_;
        } else if (head > 0) {
          const int truth = gold_head[dependent] == head ? gold_labels[s][dependent] : -1;
          label = learn_label(labeller, st, lex, head, dependent, truth, root_label_, label_scores);
          if (truth >= 0 && label != truth && coin(random) >= options.explore) label = truth;
        }
        st.apply(action, label);
      }
      for (int i = 1; i <= st.n; ++i) {
        attached += st.head[i] == gold_head[i];
        labelled += st.head[i] == gold_head[i] && st.label[i] == gold_labels[s][i];
      }
      words += st.n;
    }
    if (options.log) {
      const double total = static_cast<double>(std::max<size_t>(words, 1));
      options.log("parser epoch " + std::to_string(epoch + 1) + ": training UAS " +
                  std::to_string(100.0 * static_cast<double>(attached) / total) + ", LAS " +
                  std::to_string(100.0 * static_cast<double>(labelled) / total) + " (while exploring)");
    }
  }
  transitions_ = transitions.average(options.transition_pruning());
  labeller_ = labeller.average(options.min_updates);
}

namespace {
struct Step {
  int action, label;
  bool operator==(const Step&) const = default;
};
struct TrainItem {
  State st;
  double score = 0;
  bool correct = true;  // every step so far kept the best reachable tree (the least cost)
  std::vector<Step> history;
};
}  // namespace

// Global training (Zhang & Clark 2008; Collins & Roark 2004) with LaSO-style updates: when no
// item in the beam can still reach the best tree, the best such item is rewarded and the beam's
// best penalized over the steps where their derivations differ, and decoding resumes from the
// rewarded item. "Correct" is the dynamic oracle's least cost at every step, so any derivation
// of the gold tree counts, and non-projective trees are learnt without conversion (the cost is
// exact for projective trees only; for the others least-cost steps reach a near-best tree).
void DependencyParser::train_beam(const std::vector<Sentence>& sentences, const std::vector<std::vector<uint16_t>>& tags,
                                  const std::vector<std::vector<int>>& gold_heads,
                                  const std::vector<std::vector<int>>& gold_labels, const ParserTraining& options) {
  const int labels = static_cast<int>(labels_.size());
  PerceptronTrainer transitions(kActions), labeller(labels);
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 random(11);
  Lexical lex;
  std::vector<std::string_view> forms;
  std::array<uint64_t, kMaxFeatures> feats, other_feats;
  std::vector<float> label_scores(labels);
  struct Candidate {
    double score;
    int item, action;
    bool correct;
  };
  std::vector<Candidate> candidates;
  std::vector<TrainItem> beam, next;
  const size_t width = static_cast<size_t>(options.beam);
  // Rewards `good` and penalizes `bad` on every step from the first where they differ.
  auto update = [&](const std::vector<Step>& good, const std::vector<Step>& bad, int words) {
    State g, b;
    g.reset(words);
    b.reset(words);
    bool apart = false;
    for (size_t t = 0; t < good.size(); ++t) {
      apart = apart || !(good[t] == bad[t]);
      if (apart) {
        const size_t n = extract(g, lex, feats);
        const size_t m = extract(b, lex, other_feats);
        transitions.add(std::span(feats.data(), n), good[t].action, 1.0f);
        transitions.add(std::span(other_feats.data(), m), bad[t].action, -1.0f);
      }
      g.apply(good[t].action, good[t].label);
      b.apply(bad[t].action, bad[t].label);
    }
  };
  // The item `c` makes, its arc labelled by the labeller (which learns from gold arcs of the
  // item that is followed as correct).
  auto expand = [&](const Candidate& c, const std::vector<int>& gold_head, const std::vector<int>& gold_label,
                    bool teach) {
    TrainItem item = beam[static_cast<size_t>(c.item)];
    item.score = c.score;
    item.correct = c.correct;
    const auto [head, dependent] = item.st.arc(c.action);
    int label = -1;
    if (head == item.st.root()) {
      label = root_label_;
    } else if (head > 0) {
      const int truth = teach && gold_head[dependent] == head ? gold_label[dependent] : -1;
      label = learn_label(labeller, item.st, lex, head, dependent, truth, root_label_, label_scores);
    }
    item.st.apply(c.action, label);
    item.history.push_back({c.action, label});
    return item;
  };
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    size_t attached = 0, words = 0, violations = 0;
    for (const size_t s : order) {
      const std::vector<int>& gold_head = gold_heads[s];
      forms.clear();
      for (const Token& token : sentences[s].tokens) forms.push_back(token.form);
      lex.fill(forms, tags[s], tag_classes_);
      const int n = static_cast<int>(forms.size());
      beam.assign(1, TrainItem{});
      beam[0].st.reset(n);
      std::array<float, kActions> scores;
      std::array<int, kActions> cost;
      while (!beam[0].st.terminal()) {
        candidates.clear();
        int gold = -1;
        for (size_t i = 0; i < beam.size(); ++i) {
          const State& st = beam[i].st;
          const size_t m = extract(st, lex, feats);
          transitions.score(std::span(feats.data(), m), scores);
          action_costs(st, gold_head, cost);
          const int least = *std::min_element(cost.begin(), cost.end());
          for (int a = 0; a < kActions; ++a) {
            if (!st.valid(a)) continue;
            const bool correct = beam[i].correct && cost[a] == least;
            candidates.push_back({beam[i].score + scores[a], static_cast<int>(i), a, correct});
            if (correct && (gold < 0 || candidates.back().score > candidates[static_cast<size_t>(gold)].score))
              gold = static_cast<int>(candidates.size()) - 1;
          }
        }
        const size_t keep = std::min(candidates.size(), width);
        // The beam always holds a correct item (it restarts from one), and a correct state
        // always has a least-cost action, so there is a gold candidate; copied before sorting.
        const Candidate gold_candidate = candidates[static_cast<size_t>(gold)];
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<long>(keep), candidates.end(),
                          [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
        const bool kept = std::any_of(candidates.begin(), candidates.begin() + static_cast<long>(keep),
                                      [](const Candidate& c) { return c.correct; });
        next.clear();
        if (!kept) {
          ++violations;
          TrainItem good = expand(gold_candidate, gold_head, gold_labels[s], true);
          const TrainItem bad = expand(candidates[0], gold_head, gold_labels[s], false);
          update(good.history, bad.history, n);
          good.score = 0;  // scores changed; the rewarded item goes on alone
          next.push_back(std::move(good));
        } else {
          for (size_t k = 0; k < keep; ++k) {
            const Candidate& c = candidates[k];
            const bool teach = c.item == gold_candidate.item && c.action == gold_candidate.action;
            next.push_back(expand(c, gold_head, gold_labels[s], teach));
          }
        }
        transitions.tick();
        std::swap(beam, next);
      }
      // A final update when the best finished item is wrong. A correct one finished too: every
      // step kept one in the beam or restarted from one.
      if (!beam[0].correct) {
        const auto right = std::find_if(beam.begin(), beam.end(), [](const TrainItem& item) { return item.correct; });
        update(right->history, beam[0].history, n);
      }
      for (int i = 1; i <= n; ++i) attached += beam[0].st.head[i] == gold_head[i];
      words += static_cast<size_t>(n);
    }
    if (options.log)
      options.log("parser epoch " + std::to_string(epoch + 1) + ": training UAS " +
                  std::to_string(100.0 * static_cast<double>(attached) / static_cast<double>(std::max<size_t>(words, 1))) +
                  " (led back to the gold after each update), " + std::to_string(violations) + " early updates");
  }
  transitions_ = transitions.average(options.transition_pruning());
  labeller_ = labeller.average(options.min_updates);
  beam_ = options.beam;
}

}  // namespace annals::parsing
