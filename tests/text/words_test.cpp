#include "text/words.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(DictionaryWord, UpperCasesAscii) {
  EXPECT_EQ(dictionary_word("Arnor"), "ARNOR");
  EXPECT_EQ(dictionary_word("n't"), "N'T");
  EXPECT_EQ(dictionary_word(""), "");
}

TEST(DictionaryWord, UpperCasesFullUnicode) {
  EXPECT_EQ(dictionary_word("Pyöngyang"), "PYÖNGYANG");
  EXPECT_EQ(dictionary_word("москва"), "МОСКВА");
  EXPECT_EQ(dictionary_word("ελλάδα"), "ΕΛΛΆΔΑ");
  EXPECT_EQ(dictionary_word("straße"), "STRASSE");
}

TEST(DictionaryWord, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(dictionary_word("ab\xff" "c"), "AB\xef\xbf\xbd" "C");
  EXPECT_EQ(dictionary_word("\xc3"), "\xef\xbf\xbd");
}

TEST(DictionaryWords, OnePerToken) {
  Sentence sentence;
  sentence.tokens.resize(2);
  sentence.tokens[0].form = "Gondor";
  sentence.tokens[1].form = "élu";
  EXPECT_EQ(dictionary_words(sentence), (std::vector<std::string>{"GONDOR", "ÉLU"}));
}

}  // namespace
}  // namespace annals
