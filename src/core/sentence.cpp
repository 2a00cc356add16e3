#include "annals/sentence.h"

#include <algorithm>
#include <string_view>

namespace annals {

bool lacks_final_punctuation(const std::vector<Token>& tokens) {
  static constexpr std::string_view kClosing[] = {"\"", "'", "\u201D", "\u2019", ")", "]"};
  auto last = tokens.rbegin();
  while (last != tokens.rend() && std::find(std::begin(kClosing), std::end(kClosing), last->form) != std::end(kClosing))
    ++last;
  if (last == tokens.rend()) return false;
  // Full stops, question and exclamation marks, ellipses, alone or repeated ("?!", "!!!").
  std::string_view form = last->form;
  for (size_t pos = 0; !form.empty(); form.remove_prefix(pos)) {
    if (form.starts_with("\u2026")) {
      pos = std::string_view("\u2026").size();
    } else if (form[0] == '.' || form[0] == '!' || form[0] == '?') {
      pos = 1;
    } else {
      return true;
    }
  }
  return false;
}

std::vector<int> Sentence::dependents(int i) const {
  std::vector<int> children;
  for (int t = 0; t < static_cast<int>(tokens.size()); ++t)
    if (tokens[t].head == i && t != i) children.push_back(t);
  return children;
}

}  // namespace annals
