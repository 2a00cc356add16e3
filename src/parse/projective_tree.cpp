#include "parse/projective_tree.h"

#include <cassert>
#include <limits>
#include <vector>

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

void best_projective_tree(std::span<const double> scores, std::span<const double> root_scores, std::span<int> heads) {
  const size_t n = heads.size();
  assert(scores.size() == n * n && root_scores.size() == n);
  if (n == 0) return;
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
      c.arc_right[i] = best + scores[s * n + t];
      c.arc_left[i] = best + scores[t * n + s];
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
    if (const double v = c.complete_left[c.at(0, r)] + c.complete_right[c.at(r, n - 1)] + root_scores[r]; v > best) {
      best = v;
      root = r;
    }
  heads[root] = -1;
  read_back(c, 0, root, 1, heads);
  read_back(c, root, n - 1, 0, heads);

}

}  // namespace annals::parsing
