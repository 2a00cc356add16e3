#include "dictionaries/phrase_index.h"

#include <gtest/gtest.h>

#include "temp_dictionary.h"

namespace annals {
namespace {

using test::words_of;

DictionaryPhrase tight(const std::string& text) {
  DictionaryPhrase phrase;
  for (const auto& w : words_of(text)) phrase.push_back({w, false, false});
  return phrase;
}

TEST(PhraseIndex, LongestPhraseWins) {
  PhraseIndex<int> index;
  index.add({"UNITED"}, 1);
  index.add({"UNITED", "STATES"}, 2);
  index.add({"UNITED", "STATES", "ARMY"}, 3);
  const auto words = words_of("THE UNITED STATES SAID");
  auto m = index.match(words, 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 2);
  EXPECT_EQ(m->length, 2u);
  EXPECT_FALSE(index.match(words, 0));
  EXPECT_FALSE(index.match(words, 4));  // past the end
  EXPECT_EQ(index.match(words_of("UNITED NATIONS"), 0)->value, 1);
}

TEST(PhraseIndex, HyphenatedWordsMatchTextSegmentedEitherWay) {
  PhraseIndex<int> index;
  index.add({"KIM", "JONG-UN"}, 1);
  index.add({"NON-STATE"}, 2);
  EXPECT_EQ(index.size(), 2u);
  // A given parse keeps the word whole; segmented text has it as UD writes it.
  EXPECT_EQ(index.match(words_of("KIM JONG-UN SAID"), 0)->length, 2u);
  const auto m = index.match(words_of("KIM JONG - UN SAID"), 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1);
  EXPECT_EQ(m->length, 4u);
  // A later entry replaces both forms; a prefixed word is one word either way.
  index.add({"KIM", "JONG-UN"}, 3);
  EXPECT_EQ(index.match(words_of("KIM JONG - UN"), 0)->value, 3);
  EXPECT_EQ(index.match(words_of("NON-STATE"), 0)->value, 2);
  EXPECT_FALSE(index.match(words_of("NON - STATE"), 0));
}

TEST(PhraseIndex, AddReplacesInsertKeeps) {
  PhraseIndex<int> index;
  index.add({"A", "B"}, 1);
  index.add({"A", "B"}, 2);
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.match(words_of("A B"), 0)->value, 2);
  int* existing = index.insert(tight("A B"), 3);
  ASSERT_NE(existing, nullptr);
  EXPECT_EQ(*existing, 2);
  EXPECT_EQ(index.insert(tight("A C"), 4), nullptr);
  EXPECT_TRUE(index.contains(tight("A C")));
  EXPECT_FALSE(index.contains(tight("A")));
}

TEST(PhraseIndex, EndBoundsTheMatch) {
  PhraseIndex<int> index;
  index.add({"A", "B"}, 1);
  EXPECT_TRUE(index.match(words_of("A B"), 0));
  EXPECT_FALSE(index.match(words_of("A B"), 0, 1));
}

TEST(PhraseIndex, GapsFollowTheConnectors) {
  PhraseIndex<int> index;
  DictionaryPhrase loose = tight("HAMAS WING");
  loose[1].loose = true;
  index.insert(loose, 1);
  index.insert(tight("PRINCE DOL"), 2);
  const auto words = words_of("HAMAS ARMED WING PRINCE OF DOL");
  EXPECT_FALSE(index.match(words, 0));  // Gaps::none
  auto m = index.match(words, 0, kPhraseEnd, Gaps::as_written);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1);
  EXPECT_EQ(m->length, 3u);                                           // spans the skipped word
  EXPECT_FALSE(index.match(words, 3, kPhraseEnd, Gaps::as_written));  // '_' stays adjacent
  m = index.match(words, 3, kPhraseEnd, Gaps::any);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 2);
  EXPECT_FALSE(index.match(words, 0, 2, Gaps::as_written));  // WING lies beyond the end
}

TEST(PhraseIndex, MoreWordsBeatShorterSpanThenFirstAdded) {
  PhraseIndex<int> index;
  DictionaryPhrase gap = tight("A C D");
  gap[1].loose = gap[2].loose = true;
  index.insert(gap, 1);
  index.insert(tight("A B"), 2);
  index.insert(tight("A X"), 3);
  EXPECT_EQ(index.match(words_of("A B C D"), 0, kPhraseEnd, Gaps::as_written)->value, 1);
  DictionaryPhrase other = tight("A Y");
  other[1].loose = true;
  index.insert(other, 4);
  // "A B" and "A Y" both have two words: the one added first wins.
  EXPECT_EQ(index.match(words_of("A B Y"), 0, kPhraseEnd, Gaps::as_written)->value, 2);
}

TEST(PhraseIndex, StemsMatchWordPrefixes) {
  PhraseIndex<int> index;
  DictionaryPhrase stem = tight("BASEBALL");
  stem[0].stem = true;
  index.insert(stem, 1);
  DictionaryPhrase two = tight("WORLD CUP");
  two[1].stem = true;
  index.insert(two, 2);
  EXPECT_EQ(index.match(words_of("BASEBALLS"), 0)->value, 1);
  EXPECT_EQ(index.match(words_of("BASEBALL"), 0)->value, 1);
  EXPECT_FALSE(index.match(words_of("BASE"), 0));
  EXPECT_EQ(index.match(words_of("WORLD CUPS"), 0)->value, 2);
  EXPECT_FALSE(index.match(words_of("WORLDS CUP"), 0));
}

}  // namespace
}  // namespace annals
