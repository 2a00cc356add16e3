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

TEST(HyphenSplits, CompoundsSplitUnlessPrefixedOrNumeric) {
  EXPECT_TRUE(hyphen_splits("Jong", "un"));
  EXPECT_TRUE(hyphen_splits("15", "year"));
  EXPECT_TRUE(hyphen_splits("F", "16"));
  EXPECT_TRUE(hyphen_splits("JONG", "UN"));  // dictionary words are upper case
  EXPECT_FALSE(hyphen_splits("non", "state"));
  EXPECT_FALSE(hyphen_splits("Anti", "War"));
  EXPECT_FALSE(hyphen_splits("RE", "ELECTED"));
  EXPECT_FALSE(hyphen_splits("e", "mail"));
  EXPECT_FALSE(hyphen_splits("2024", "12"));
  EXPECT_FALSE(hyphen_splits("", "x"));
  EXPECT_FALSE(hyphen_splits("x", ""));
}

}  // namespace
TEST(CasingOf, TellsCapitalsTitleCaseLowercaseAndRunningText) {
  using Forms = std::vector<std::string_view>;
  EXPECT_EQ(casing_of(Forms{"REBELS", "KILLED", "12", "SOLDIERS", "."}), Casing::kCapitals);
  EXPECT_EQ(casing_of(Forms{"KABUL", "(", "Reuters", ")", "-", "REBELS", "KILLED", "12", "SOLDIERS"}), Casing::kCapitals);
  EXPECT_EQ(casing_of(Forms{"Rebels", "Kill", "12", "Soldiers", "Near", "Kabul"}), Casing::kTitleCase);
  EXPECT_EQ(casing_of(Forms{"Israel", "to", "Free", "250", "Palestinian", "Prisoners"}), Casing::kTitleCase);
  EXPECT_EQ(casing_of(Forms{"north", "korea", "fired", "a", "missile"}), Casing::kLowercase);
  EXPECT_EQ(casing_of(Forms{"Rebels", "killed", "12", "soldiers", "near", "Kabul", "."}), Casing::kRunningText);
  // Names with the words between them in lowercase are running text, and so is a title
  // with more than one word in four in lowercase.
  EXPECT_EQ(casing_of(Forms{"Barack", "Obama", "met", "Hillary", "Clinton", "in", "Paris", "on", "Monday"}),
            Casing::kRunningText);
  EXPECT_EQ(casing_of(Forms{"Russia", "and", "Ukraine", "Agree", "to", "a", "Prisoner", "Swap"}), Casing::kRunningText);
  // Two words are too few to tell.
  EXPECT_EQ(casing_of(Forms{"PEACE", "TALKS", "."}), Casing::kRunningText);
  EXPECT_EQ(casing_of(Forms{"kabul", "talks"}), Casing::kRunningText);
}

}  // namespace annals
