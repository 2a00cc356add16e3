#include "annals/sentence.h"

namespace annals {

std::vector<int> Sentence::dependents(int i) const {
  std::vector<int> children;
  for (int t = 0; t < static_cast<int>(tokens.size()); ++t)
    if (tokens[t].head == i && t != i) children.push_back(t);
  return children;
}

}  // namespace annals
