#include "parse/tree_combination.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace annals::parsing {

namespace {

// Eisner's chart over words 0..n-1, spans [s, t] stored at s * n + t. A complete span is a
// head with all its dependents on one side; an incomplete one is an arc from one end to the
// other, still to be completed inside.
struct Chart {
  size_t n = 0;
  std::vector<double> complete_right, complete_left, arc_right, arc_left;  // head s / head t
  std::vector<int> split_complete_right, split_complete_left, split_arc;

  void reset(size_t words) {
    n = words;
    for (auto* v : {&complete_right, &complete_left, &arc_right, &arc_left}) v->assign(n * n, 0.0);
    for (auto* v : {&split_complete_right, &split_complete_left, &split_arc}) v->assign(n * n, 0);
  }
  size_t at(size_t s, size_t t) const { return s * n + t; }
};

// Fills `heads` from span [s, t] of kind `what` (0: complete right, 1: complete left,
// 2: arc right, 3: arc left).
void read_back(const Chart& c, size_t s, size_t t, int what, std::span<int> heads) {
  struct Span {
    size_t s, t;
    int what;
  };
  std::vector<Span> todo{{s, t, what}};
  while (!todo.empty()) {
    const Span x = todo.back();
    todo.pop_back();
    if (x.s == x.t) continue;
    const size_t i = c.at(x.s, x.t);
    switch (x.what) {
      case 0: {
        const auto r = static_cast<size_t>(c.split_complete_right[i]);
        todo.push_back({x.s, r, 2});
        todo.push_back({r, x.t, 0});
        break;
      }
      case 1: {
        const auto r = static_cast<size_t>(c.split_complete_left[i]);
        todo.push_back({x.s, r, 1});
        todo.push_back({r, x.t, 3});
        break;
      }
      default: {
        heads[x.what == 2 ? x.t : x.s] = static_cast<int>(x.what == 2 ? x.s : x.t);
        const auto r = static_cast<size_t>(c.split_arc[i]);
        todo.push_back({x.s, r, 0});
        todo.push_back({r + 1, x.t, 1});
      }
    }
  }
}

}  // namespace

void combine_trees(std::span<const std::span<const int>> trees, std::span<const double> weights,
                   std::span<const char> punctuation, std::span<int> heads, std::span<int> chosen_by) {
  assert(!trees.empty() && trees.size() == weights.size());
  const size_t n = heads.size();
  if (n == 0) return;
  if (n > kLongestCombined) {
    std::copy(trees[0].begin(), trees[0].end(), heads.begin());
    std::fill(chosen_by.begin(), chosen_by.end(), 0);
    return;
  }
  // votes[h * n + d]: the weight of arc h -> d; the root's arcs in root_votes.
  thread_local std::vector<double> votes, root_votes;
  votes.assign(n * n, 0.0);
  root_votes.assign(n, 0.0);
  for (size_t k = 0; k < trees.size(); ++k)
    for (size_t d = 0; d < n; ++d) {
      const int h = trees[k][d];
      (h < 0 ? root_votes[d] : votes[static_cast<size_t>(h) * n + d]) += weights[k];
    }
  // Below any tree of chosen arcs: more than all the votes together.
  double penalty = 1;
  for (const double w : weights) penalty += w * static_cast<double>(n);
  for (size_t h = 0; h < punctuation.size(); ++h)
    if (punctuation[h])
      for (size_t d = 0; d < n; ++d) votes[h * n + d] -= penalty;
  thread_local Chart c;
  c.reset(n);
  constexpr double kNone = -std::numeric_limits<double>::infinity();
  for (size_t width = 1; width < n; ++width)
    for (size_t s = 0; s + width < n; ++s) {
      const size_t t = s + width, i = c.at(s, t);
      double best = kNone;
      for (size_t r = s; r < t; ++r)
        if (const double v = c.complete_right[c.at(s, r)] + c.complete_left[c.at(r + 1, t)]; v > best) {
          best = v;
          c.split_arc[i] = static_cast<int>(r);
        }
      c.arc_right[i] = best + votes[s * n + t];
      c.arc_left[i] = best + votes[t * n + s];
      best = kNone;
      for (size_t r = s; r < t; ++r)
        if (const double v = c.complete_left[c.at(s, r)] + c.arc_left[c.at(r, t)]; v > best) {
          best = v;
          c.split_complete_left[i] = static_cast<int>(r);
        }
      c.complete_left[i] = best;
      best = kNone;
      for (size_t r = s + 1; r <= t; ++r)
        if (const double v = c.arc_right[c.at(s, r)] + c.complete_right[c.at(r, t)]; v > best) {
          best = v;
          c.split_complete_right[i] = static_cast<int>(r);
        }
      c.complete_right[i] = best;
    }
  // One word under the root: its left side complete towards it, its right side from it.
  size_t root = 0;
  double best = kNone;
  for (size_t r = 0; r < n; ++r)
    if (const double v = c.complete_left[c.at(0, r)] + c.complete_right[c.at(r, n - 1)] + root_votes[r]; v > best) {
      best = v;
      root = r;
    }
  heads[root] = -1;
  read_back(c, 0, root, 1, heads);
  read_back(c, root, n - 1, 0, heads);

  for (size_t d = 0; d < n; ++d) {
    chosen_by[d] = 0;
    double heaviest = -1;
    for (size_t k = 0; k < trees.size(); ++k)
      if (trees[k][d] == heads[d] && weights[k] > heaviest) {
        heaviest = weights[k];
        chosen_by[d] = static_cast<int>(k);
      }
  }
}

}  // namespace annals::parsing
