#include <gtest/gtest.h>

#include "dictionaries/actors.h"
#include "temp_dictionary.h"

namespace annals {
namespace {

using test::reported;
using test::TempDictionary;
using test::words_of;
using Scope = DiscardDictionary::Scope;

struct Loaded {
  DiscardDictionary discards;
  Diagnostics diagnostics;
  explicit Loaded(const std::string& text) {
    TempDictionary file(text);
    discards.load(file.path(), diagnostics);
  }
  std::optional<Scope> find(const std::string& text) const { return discards.find(words_of(text)); }
};

TEST(DiscardDictionary, StoryAndSentenceScopes) {
  Loaded d(
      "# Story-level discards are indicated with a '+'.\n"
      "MONTHS LATER\n"
      "+World Golf Championships   # pas 26-Feb-2014\n"
      "+ Manchester United\n"
      "BASEBALL\n");
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.discards.size(), 4u);
  EXPECT_EQ(d.find("TWO MONTHS LATER THE TALKS RESUMED"), Scope::sentence);
  EXPECT_EQ(d.find("AT THE WORLD GOLF CHAMPIONSHIPS"), Scope::story);
  EXPECT_EQ(d.find("MANCHESTER UNITED WON"), Scope::story);
  EXPECT_EQ(d.find("THE MONTHS BEFORE"), std::nullopt);
  // A story discard anywhere beats an earlier sentence discard.
  EXPECT_EQ(d.find("BASEBALL FANS AND MANCHESTER UNITED"), Scope::story);
}

TEST(DiscardDictionary, StemsUnlessTheFinalUnderscore) {
  Loaded d("BASEBALL\nGROUP A_\n");
  EXPECT_EQ(d.find("BASEBALLS"), Scope::sentence);
  EXPECT_EQ(d.find("GROUP A"), Scope::sentence);
  EXPECT_EQ(d.find("GROUP ALPHA"), std::nullopt);
}

TEST(DiscardDictionary, ConflictsAndBrokenLines) {
  Loaded d("+TYPHOON\nTYPHOON\n+\nBAD [X]\n");
  const auto messages = reported(d.diagnostics);
  ASSERT_EQ(messages.size(), 3u) << testing::PrintToString(messages);
  EXPECT_EQ(messages[0].rfind("2:warning:", 0), 0u);
  EXPECT_EQ(messages[1].rfind("3:error:", 0), 0u);
  EXPECT_EQ(messages[2].rfind("4:error:", 0), 0u);
  EXPECT_EQ(d.find("TYPHOON"), Scope::story);
}

}  // namespace
}  // namespace annals
