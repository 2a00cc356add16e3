// Several parsers' trees of one sentence made into one (Sagae & Lavie 2006): each possible arc
// weighs the summed weights of the parsers that chose it, and the tree of greatest total weight
// is kept. Parsers that read the sentence differently (left to right, right to left) make
// different mistakes, so where one errs the others often outvote it.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace annals::parsing {

constexpr size_t kMostParsers = 8;  // that one model may combine

// Longer sentences keep the first tree: the search takes time cubic in the length.
constexpr size_t kLongestCombined = 300;  // words

// trees[k][i]: parser k's head of word i (-1: the root); weights[k]: its vote. Gives heads (in
// that form) of the best projective tree with one word under the root (Eisner's algorithm),
// and chosen_by[i]: the heaviest parser whose tree has word i's arc (earliest on a tie), or
// the first when none has it, for the caller to take that parser's label. Words marked in
// `punctuation` (may be empty) head nothing unless no tree without such arcs exists: the
// parsers never choose them, but a tree may need an arc none of them chose.
void combine_trees(std::span<const std::span<const int>> trees, std::span<const double> weights,
                   std::span<const char> punctuation, std::span<int> heads, std::span<int> chosen_by);

}  // namespace annals::parsing
