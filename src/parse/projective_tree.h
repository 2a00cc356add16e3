// The best projective dependency tree of given arc scores (Eisner's algorithm): used to combine
// several parsers' trees by their votes, and by the neural parser on its arc scores.
#pragma once

#include <cstddef>
#include <span>

namespace annals::parsing {

// scores[h * n + d]: the score of arc h -> d, root_scores[d] that of d under the root, for
// n = heads.size() words. Gives heads (-1: the root) of the projective tree with one word under
// the root whose arcs' scores sum highest. Time cubic in n.
void best_projective_tree(std::span<const double> scores, std::span<const double> root_scores, std::span<int> heads);

}  // namespace annals::parsing
