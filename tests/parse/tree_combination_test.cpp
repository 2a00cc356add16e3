// Combining several parsers' trees of one sentence by weighted votes.
#include "parse/tree_combination.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace annals::parsing {
namespace {

struct Combined {
  std::vector<int> heads, chosen_by;
};

Combined combine(const std::vector<std::vector<int>>& trees, const std::vector<double>& weights) {
  std::vector<std::span<const int>> views(trees.begin(), trees.end());
  Combined c{std::vector<int>(trees[0].size(), -2), std::vector<int>(trees[0].size(), -2)};
  combine_trees(views, weights, {}, c.heads, c.chosen_by);
  return c;
}

// Why `heads` is not one projective tree (one root, no cycle, no arc crossing another), or "".
std::string tree_problem(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    roots += heads[i] < 0;
    int w = i, steps = 0;
    while (w >= 0 && steps <= n) w = heads[w], ++steps;
    if (w >= 0) return "cycle through word " + std::to_string(i);
  }
  if (roots != 1) return std::to_string(roots) + " roots";
  for (int i = 0; i < n; ++i) {
    if (heads[i] < 0) continue;
    for (int j = std::min(i, heads[i]) + 1; j < std::max(i, heads[i]); ++j) {
      int up = j;  // every word inside an arc descends from its head
      while (up >= 0 && up != heads[i]) up = heads[up];
      if (up != heads[i]) return "arc " + std::to_string(heads[i]) + " -> " + std::to_string(i) + " crosses word " + std::to_string(j);
    }
  }
  return "";
}

TEST(TreeCombination, TheMajorityArcWinsAndNamesAParserThatChoseIt) {
  // "police opened fire on protesters": parsers 0 and 2 agree that "on" goes with "fire"'s
  // verb; parser 1 alone hangs "protesters" from "fire".
  const std::vector<std::vector<int>> trees = {
      {1, -1, 1, 4, 1},
      {1, -1, 1, 4, 2},
      {1, -1, 1, 4, 1},
  };
  const Combined c = combine(trees, {1.002, 1.001, 1.0});
  EXPECT_EQ(c.heads, (std::vector<int>{1, -1, 1, 4, 1}));
  EXPECT_EQ(c.chosen_by, (std::vector<int>{0, 0, 0, 0, 0}));
  // A heavier parser outvotes two lighter ones where they disagree, and its labels are taken.
  const Combined heavy = combine(trees, {1.0, 2.5, 1.0});
  EXPECT_EQ(heavy.heads[4], 2);
  EXPECT_EQ(heavy.chosen_by[4], 1);
  EXPECT_EQ(heavy.chosen_by[0], 1);
}

TEST(TreeCombination, ConflictingVotesStillGiveOneProjectiveTree) {
  // Each parser alone is a tree, but their votes together form cycles and two roots.
  const std::vector<std::vector<int>> trees = {
      {-1, 0, 1, 2},
      {1, 2, 3, -1},
      {2, -1, 1, 0},
  };
  const Combined c = combine(trees, {1.0, 1.0, 1.0});
  EXPECT_EQ(tree_problem(c.heads), "");
  // Random trees (not even projective) of random lengths.
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    const int n = 1 + static_cast<int>(random() % 30);
    std::vector<std::vector<int>> many(3, std::vector<int>(n));
    for (auto& tree : many) {
      const int root = static_cast<int>(random() % n);
      for (int i = 0; i < n; ++i) tree[i] = i == root ? -1 : static_cast<int>(random() % n);
    }
    const Combined r = combine(many, {1.2, 1.1, 1.0});
    EXPECT_EQ(tree_problem(r.heads), "");
    for (int i = 0; i < n; ++i) {
      ASSERT_GE(r.chosen_by[i], 0);
      ASSERT_LT(r.chosen_by[i], 3);
    }
  }
}

double weight_of(const std::vector<int>& heads, const std::vector<std::vector<int>>& trees,
                 const std::vector<double>& weights) {
  double sum = 0;
  for (size_t k = 0; k < trees.size(); ++k)
    for (size_t i = 0; i < heads.size(); ++i) sum += trees[k][i] == heads[i] ? weights[k] : 0;
  return sum;
}

TEST(TreeCombination, FindsTheHeaviestProjectiveTreeAsAnExhaustiveSearchDoes) {
  std::mt19937 random(11);
  for (int round = 0; round < 60; ++round) {
    const int n = 2 + round % 5;
    std::vector<std::vector<int>> trees(3, std::vector<int>(n));
    for (auto& tree : trees)
      for (int i = 0; i < n; ++i) tree[i] = static_cast<int>(random() % (n + 1)) - 1;
    const std::vector<double> weights = {1.3, 1.1, 0.7};
    // Every assignment of heads, as digits base n + 1 (digit 0: the root).
    double best = -1;
    std::vector<int> heads(n);
    for (long code = 0, end = static_cast<long>(std::pow(n + 1, n)); code < end; ++code) {
      long rest = code;
      for (int i = 0; i < n; ++i, rest /= n + 1) heads[i] = static_cast<int>(rest % (n + 1)) - 1;
      if (tree_problem(heads).empty()) best = std::max(best, weight_of(heads, trees, weights));
    }
    const Combined c = combine(trees, weights);
    EXPECT_EQ(tree_problem(c.heads), "");
    EXPECT_DOUBLE_EQ(weight_of(c.heads, trees, weights), best) << "round " << round;
  }
}

TEST(TreeCombination, PunctuationHeadsNothingEvenWhereTheVotesWouldHaveIt) {
  // "Iraq , Syria": votes hang "Syria" from the comma, an arc the parsers never choose
  // themselves but one a combination could keep.
  const std::vector<std::vector<int>> trees = {{-1, 2, 1}, {-1, 0, 1}, {-1, 2, 1}};
  const std::vector<double> weights = {1.0, 1.0, 1.0};
  const std::vector<char> punctuation = {0, 1, 0};
  std::vector<std::span<const int>> views(trees.begin(), trees.end());
  std::vector<int> heads(3), chosen_by(3);
  combine_trees(views, weights, {}, heads, chosen_by);
  EXPECT_EQ(heads[2], 1);  // without the constraint the votes win
  combine_trees(views, weights, punctuation, heads, chosen_by);
  EXPECT_EQ(tree_problem(heads), "");
  EXPECT_NE(heads[2], 1);
  EXPECT_NE(heads[0], 1);
  // A sentence of punctuation alone still gets a tree.
  const std::vector<char> all = {1, 1, 1};
  combine_trees(views, weights, all, heads, chosen_by);
  EXPECT_EQ(tree_problem(heads), "");
}

TEST(TreeCombination, AgreeingParsersGiveTheirTreeBack) {
  const std::vector<int> tree = {2, 2, -1, 4, 2, 2};
  const Combined c = combine({tree, tree}, {1.0, 1.0});
  EXPECT_EQ(c.heads, tree);
}

TEST(TreeCombination, AnEmptySentenceHasAnEmptyTree) {
  const std::vector<std::vector<int>> trees(3);
  const std::vector<std::span<const int>> views(trees.begin(), trees.end());
  const std::vector<double> weights = {1.0, 1.0, 1.0};
  combine_trees(views, weights, {}, {}, {});  // must not touch anything
}

TEST(TreeCombination, AVeryLongSentenceKeepsTheFirstTree) {
  const size_t n = kLongestCombined + 1;
  std::vector<int> chain(n), star(n, 0);
  for (size_t i = 0; i < n; ++i) chain[i] = static_cast<int>(i) - 1;
  star[0] = -1;
  const Combined c = combine({chain, star, star}, {1.0, 1.0, 1.0});
  EXPECT_EQ(c.heads, chain);
  EXPECT_EQ(c.chosen_by, std::vector<int>(n, 0));
}

}  // namespace
}  // namespace annals::parsing
