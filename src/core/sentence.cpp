#include "annals/sentence.h"

#include <algorithm>
#include <string_view>

namespace annals {

bool lacks_final_punctuation(const std::vector<Token>& tokens) {
  static constexpr std::string_view kClosing[] = {"\"", "'", "\u201D", "\u2019", ")", "]"};
  static constexpr std::string_view kFinal[] = {".", "!", "?", "...", "\u2026"};
  auto one_of = [](std::string_view form, const auto& list) {
    return std::find(std::begin(list), std::end(list), form) != std::end(list);
  };
  auto last = tokens.rbegin();
  while (last != tokens.rend() && one_of(last->form, kClosing)) ++last;
  return last != tokens.rend() && !one_of(last->form, kFinal);
}

std::vector<int> Sentence::dependents(int i) const {
  std::vector<int> children;
  for (int t = 0; t < static_cast<int>(tokens.size()); ++t)
    if (tokens[t].head == i && t != i) children.push_back(t);
  return children;
}

}  // namespace annals
