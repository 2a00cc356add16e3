#include "dictionaries/meetings.h"

#include <gtest/gtest.h>

#include "dictionaries/actors.h"
#include "temp_dictionary.h"

namespace annals {
namespace {

using test::lines_of;
using test::TempDictionary;
using test::words_of;
using Severity = Diagnostic::Severity;

struct Loaded {
  ActorDictionary actors;
  MeetingDictionary meetings;
  Diagnostics diagnostics;
  explicit Loaded(const std::string& text) {
    TempDictionary actor_file("ARAGORN [GON]\n+ELESSAR\nTHEODEN_KING [ROH]\nDENETHOR [GON]\n");
    actors.load(actor_file.path(), diagnostics);
    TempDictionary file(text);
    meetings.load(file.path(), actors, diagnostics);
  }
  const Actor* actor(const std::string& name) const { return actors.match(words_of(name), 0)->value; }
};

TEST(MeetingDictionary, SpansTheKnownMeetingsOfTwoActorsWithinARange) {
  Loaded d(
      "# summits\n"
      "20180612 ARAGORN THEODEN_KING   # the first\n"
      "20190227-20190228 THEODEN_KING ARAGORN DENETHOR\n"
      "20190630 ARAGORN THEODEN_KING\n"
      "20200101 ARAGORN DENETHOR\n");
  EXPECT_TRUE(d.diagnostics.all().empty());
  ASSERT_EQ(d.meetings.size(), 4u);
  const Actor* aragorn = d.actor("ELESSAR");  // any of an actor's phrases
  const Actor* theoden = d.actor("THEODEN KING");
  const auto all = d.meetings.span(aragorn, theoden, Date{20170120}, Date{20210120});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->first, Date{20180612});
  EXPECT_EQ(all->second, Date{20190630});
  // Only meetings wholly inside the range count, in either order of the two.
  const auto early = d.meetings.span(theoden, aragorn, Date{20180101}, Date{20190227});
  ASSERT_TRUE(early);
  EXPECT_EQ(early->second, Date{20180612});
  EXPECT_FALSE(d.meetings.span(aragorn, theoden, Date{20200101}, Date{20201231}));
  EXPECT_FALSE(d.meetings.span(aragorn, aragorn, Date{20170101}, Date{20201231}));
  EXPECT_FALSE(d.meetings.span(aragorn, nullptr, Date{20170101}, Date{20201231}));
}

TEST(MeetingDictionary, BrokenLinesAreReportedAndSkipped) {
  Loaded d(
      "20180612 ARAGORN SAURON\n"         // unknown actor
      "2018-06-12 ARAGORN DENETHOR\n"     // not YYYYMMDD
      "20190228-20190227 ARAGORN DENETHOR\n"  // ends before it starts
      "20180612 ARAGORN\n"                // one actor
      "20180612 ARAGORN_ELESSAR DENETHOR\n"   // not a whole phrase of the dictionary
      "20180613 ARAGORN DENETHOR\n");
  EXPECT_EQ(lines_of(d.diagnostics, Severity::error), (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(d.meetings.size(), 1u);
}

}  // namespace
}  // namespace annals
