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

TEST(Sentence, HeadlinesLackFinalPunctuation) {
  auto tokens = [](std::initializer_list<const char*> forms) {
    std::vector<Token> out;
    for (const char* form : forms) {
      Token token;
      token.form = form;
      out.push_back(token);
    }
    return out;
  };
  EXPECT_TRUE(lacks_final_punctuation(tokens({"US", "to", "send", "troops"})));
  EXPECT_TRUE(lacks_final_punctuation(tokens({"\u201C", "Peace", "now", "\u201D"})));
  EXPECT_FALSE(lacks_final_punctuation(tokens({"Troops", "left", "."})));
  EXPECT_FALSE(lacks_final_punctuation(tokens({"\"", "Leave", "!", "\"", ")"})));  // closing marks aside
  EXPECT_FALSE(lacks_final_punctuation(tokens({"Why", "?"})));
  EXPECT_FALSE(lacks_final_punctuation(tokens({"Best", "place", "!!!!!!!"})));
  EXPECT_FALSE(lacks_final_punctuation(tokens({"Really", "?!", "\u2026"})));
  EXPECT_TRUE(lacks_final_punctuation(tokens({"Prices", "up", "-"})));
  EXPECT_FALSE(lacks_final_punctuation(tokens({})));
}

}  // namespace
}  // namespace annals
