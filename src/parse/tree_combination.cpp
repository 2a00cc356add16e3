#include "parse/tree_combination.h"

#include <algorithm>
#include <cassert>

#include "parse/projective_tree.h"

namespace annals::parsing {

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
  best_projective_tree(votes, root_votes, heads);

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
