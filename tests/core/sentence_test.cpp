#include "annals/sentence.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(Sentence, DependentsInTokenOrder) {
  Sentence sentence;
  // "Arnor restored ties ." : restored is the root.
  const int heads[] = {1, -1, 1, 1};
  for (int head : heads) {
    Token token;
    token.head = head;
    sentence.tokens.push_back(token);
  }
  EXPECT_EQ(sentence.dependents(1), (std::vector<int>{0, 2, 3}));
  EXPECT_TRUE(sentence.dependents(0).empty());
  EXPECT_TRUE(sentence.dependents(-1).size() == 1 && sentence.dependents(-1)[0] == 1);
}

}  // namespace
}  // namespace annals
