#include "annals/event_time.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/parser.h"
#include "annals/pipeline.h"

namespace annals {
namespace {

constexpr Date kStoryDate{20241228};  // a Saturday

class EventTimeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!parser_)
      parser_ = Parser::load(std::string(ANNALS_SOURCE_DIR) + "/data/models/en.model");
  }

  static Sentence parse_one(const std::string& text) {
    std::vector<Sentence> sentences = parse_text(text, *parser_);
    EXPECT_EQ(sentences.size(), 1u) << text;
    return sentences.empty() ? Sentence{} : sentences.front();
  }

  static int token(const Sentence& sentence, std::string_view form) {
    for (int t = 0; t < static_cast<int>(sentence.tokens.size()); ++t)
      if (sentence.tokens[t].form == form) return t;
    ADD_FAILURE() << "no token '" << form << "' in: " << sentence.text;
    return 0;
  }

  // The time of the event at the first token `verb` of `text`, read as the next sentence of
  // `timeline`'s story.
  static EventTime time_in(StoryTimeline& timeline, const std::string& text,
                           std::string_view verb) {
    const Sentence sentence = parse_one(text);
    const std::vector<TimeExpression> expressions = timeline.read_sentence(sentence);
    return timeline.time_of(sentence, expressions, token(sentence, verb));
  }

  // The same, as the first sentence of a story dated `story`.
  static EventTime time_of(const std::string& text, std::string_view verb,
                           Date story = kStoryDate) {
    StoryTimeline timeline(story);
    return time_in(timeline, text, verb);
  }

  static std::shared_ptr<const Parser> parser_;
};

std::shared_ptr<const Parser> EventTimeTest::parser_;

TimeRange days(int first, int last, DatePrecision precision) {
  return {Date{first}, Date{last}, precision};
}

// The example story, sentence after sentence, with a term resolver as the coder would set one.
TEST_F(EventTimeTest, ExampleStory) {
  StoryTimeline timeline(kStoryDate);
  int resolver_calls = 0;
  timeline.set_term_resolver([&](const Sentence& sentence, int possessor, int ordinal)
                                 -> std::optional<TimeRange> {
    ++resolver_calls;
    EXPECT_EQ(sentence.tokens.at(possessor).form, "his");
    EXPECT_EQ(ordinal, 1);
    return TimeRange{Date{20170120}, Date{20210120}, DatePrecision::range};
  });

  // The dateline dates the story, not an event: no expression, and nothing for "since then".
  const Sentence dateline = parse_one("SEOUL, Dec 28 (Reuters) -");
  EXPECT_TRUE(timeline.read_sentence(dateline).empty());

  // "called" happened during the session that ended on Friday: dated by that Friday (the
  // parser makes "called" a conjunct of "ended"; with the other parse the "during" phrase's
  // relative clause gives the same day). Day precision: the session's end is the one day the
  // text fixes, and the speech was reported at the session's close.
  const EventTime called = time_in(
      timeline,
      "During a plenary session of the ruling Workers' Party that ended on Friday, Kim called "
      "the United States \"the most reactionary country\".",
      "called");
  EXPECT_EQ(called.range, days(20241227, 20241227, DatePrecision::day));
  EXPECT_FALSE(called.historical);
  EXPECT_GE(called.expression, 0);

  const EventTime met = time_in(
      timeline,
      "During his first term, Trump met with Kim three times to discuss Pyongyang's nuclear "
      "program.",
      "met");
  EXPECT_EQ(resolver_calls, 1);
  EXPECT_EQ(met.range, days(20170120, 20210120, DatePrecision::range));
  EXPECT_TRUE(met.historical);

  const EventTime collapsed = time_in(
      timeline,
      "But their talks ultimately collapsed in 2019 as they argued over US sanctions on "
      "Pyongyang.",
      "collapsed");
  EXPECT_EQ(collapsed.range, days(20190101, 20191231, DatePrecision::year));
  EXPECT_TRUE(collapsed.historical);

  const EventTime increased = time_in(
      timeline, "Since then, North Korea has sharply increased the frequency of its tests.",
      "increased");
  EXPECT_EQ(increased.range, days(20190101, 20241228, DatePrecision::range));
  EXPECT_FALSE(increased.historical);

  const EventTime said = time_in(
      timeline,
      "Last month, Kim said his past talks with the United States had only confirmed "
      "Washington's hostility.",
      "said");
  EXPECT_EQ(said.range, days(20241101, 20241130, DatePrecision::month));
  EXPECT_TRUE(said.historical);
}

TEST_F(EventTimeTest, StoryDateWhenTheTextGivesNoTime) {
  const EventTime time = time_of("Kim criticized the United States.", "criticized");
  EXPECT_EQ(time.range, days(20241228, 20241228, DatePrecision::story));
  EXPECT_FALSE(time.historical);
  EXPECT_EQ(time.expression, -1);
}

TEST_F(EventTimeTest, WeekdayFollowsTense) {
  // Past: the latest such day on or before the story date; future: the next on or after it.
  EXPECT_EQ(time_of("Kim met Putin on Monday.", "met").range,
            days(20241223, 20241223, DatePrecision::day));
  EXPECT_EQ(time_of("Kim will meet Putin on Monday.", "meet").range,
            days(20241230, 20241230, DatePrecision::day));
  EXPECT_EQ(time_of("North Korea fired a missile on Saturday.", "fired").range,
            days(20241228, 20241228, DatePrecision::day));
  EXPECT_EQ(time_of("Kim said Friday that talks would resume.", "said").range,
            days(20241227, 20241227, DatePrecision::day));
  EXPECT_EQ(time_of("Last Friday, troops fired on protesters.", "fired").range,
            days(20241227, 20241227, DatePrecision::day));
  EXPECT_EQ(time_of("The ministers will meet next Friday.", "meet").range,
            days(20250103, 20250103, DatePrecision::day));
}

TEST_F(EventTimeTest, RelativeDays) {
  EXPECT_EQ(time_of("Yesterday, rebels attacked a convoy.", "attacked").range,
            days(20241227, 20241227, DatePrecision::day));
  EXPECT_EQ(time_of("Last night, protesters blocked roads.", "blocked").range,
            days(20241227, 20241227, DatePrecision::day));
  EXPECT_EQ(time_of("This morning, gunmen attacked a bus.", "attacked").range,
            days(20241228, 20241228, DatePrecision::day));
}

TEST_F(EventTimeTest, MonthsAndCalendarDates) {
  EXPECT_EQ(time_of("Officials visited Seoul in March.", "visited").range,
            days(20240301, 20240331, DatePrecision::month));
  EXPECT_EQ(time_of("Officials will visit Seoul in March.", "visit").range,
            days(20250301, 20250331, DatePrecision::month));
  EXPECT_EQ(time_of("Protesters clashed with police in March 2018.", "clashed").range,
            days(20180301, 20180331, DatePrecision::month));
  EXPECT_EQ(time_of("The two leaders met on 28 December.", "met").range,
            days(20241228, 20241228, DatePrecision::day));
  EXPECT_EQ(time_of("The summit was held on December 20, 2023.", "held").range,
            days(20231220, 20231220, DatePrecision::day));
  EXPECT_EQ(time_of("The agreement was signed on Dec. 5.", "signed").range,
            days(20241205, 20241205, DatePrecision::day));
  EXPECT_EQ(time_of("Last March, the two sides signed a truce.", "signed").range,
            days(20240301, 20240331, DatePrecision::month));
}

TEST_F(EventTimeTest, RelativePeriods) {
  EXPECT_EQ(time_of("Last month, Kim said the talks had failed.", "said").range,
            days(20241101, 20241130, DatePrecision::month));
  // In January, "last month" is December of the year before.
  EXPECT_EQ(time_of("Last month, Kim said the talks had failed.", "said", Date{20250115}).range,
            days(20241201, 20241231, DatePrecision::month));
  EXPECT_EQ(time_of("Earlier this week, the minister resigned.", "resigned").range,
            days(20241223, 20241227, DatePrecision::week));
  EXPECT_EQ(time_of("Next week, the ministers will meet in Brussels.", "meet").range,
            days(20241230, 20250105, DatePrecision::week));
  // "this year" in a past clause ends on the story date.
  EXPECT_EQ(time_of("This year, the government has arrested 200 activists.", "arrested").range,
            days(20240101, 20241228, DatePrecision::year));
  EXPECT_EQ(time_of("Two years ago, the army seized power.", "seized").range.precision,
            DatePrecision::story)
      << "the parser makes 'seized' an adjective of 'power'; nothing dates it";
  EXPECT_EQ(time_of("A week ago, the army shelled the city.", "shelled").range,
            days(20241216, 20241222, DatePrecision::week));
  EXPECT_EQ(time_of("The army has killed hundreds over the past two years.", "killed").range,
            days(20221228, 20241228, DatePrecision::range));
  EXPECT_EQ(time_of("Protesters marched at the weekend.", "marched").range,
            days(20241228, 20241229, DatePrecision::week));
}

TEST_F(EventTimeTest, AgoCountsBackFromTheStoryDate) {
  StoryTimeline timeline(kStoryDate);
  const Sentence sentence = parse_one("Two years ago, the army seized power.");
  const std::vector<TimeExpression> expressions = timeline.read_sentence(sentence);
  ASSERT_EQ(expressions.size(), 1u);
  EXPECT_EQ(expressions[0].kind, TimeKind::ago);
  EXPECT_EQ(expressions[0].range, days(20220101, 20221231, DatePrecision::year));
  EXPECT_EQ(sentence.tokens[expressions[0].head].form, "ago");
}

TEST_F(EventTimeTest, YearsSpansAndDecades) {
  EXPECT_EQ(time_of("The country held elections from 2018 to 2019.", "held").range,
            days(20180101, 20191231, DatePrecision::range));
  EXPECT_EQ(time_of("The sanctions were imposed between 2018 and 2019.", "imposed").range,
            days(20180101, 20191231, DatePrecision::range));
  EXPECT_EQ(time_of("Protests took place in 2018 and 2019.", "took").range,
            days(20180101, 20191231, DatePrecision::range));
  EXPECT_EQ(time_of("The economy grew rapidly in the 1990s.", "grew").range,
            days(19900101, 19991231, DatePrecision::range));
  const EventTime since = time_of("Since 2019, the two sides have held no talks.", "held");
  EXPECT_EQ(since.range, days(20190101, 20241228, DatePrecision::range));
  EXPECT_FALSE(since.historical);
}

TEST_F(EventTimeTest, NumbersThatAreNotYearsAreIgnored) {
  StoryTimeline timeline(kStoryDate);
  const Sentence sentence = parse_one("Some 2019 people were arrested and 1,500 were injured.");
  EXPECT_TRUE(timeline.read_sentence(sentence).empty());
  // Nor are modal "may" and the noun "march" months.
  EXPECT_TRUE(timeline.read_sentence(parse_one("He may visit Seoul in the spring.")).empty());
  EXPECT_TRUE(timeline.read_sentence(parse_one("A march in Seoul drew thousands.")).empty());
}

TEST_F(EventTimeTest, HistoricalMeansMoreThanSevenDaysBeforeTheStory) {
  EXPECT_FALSE(time_of("The agreement was signed on 21 December.", "signed").historical);
  EXPECT_TRUE(time_of("The agreement was signed on 20 December.", "signed").historical);
  EXPECT_FALSE(time_of("Officials will visit Seoul in March.", "visit").historical);
}

TEST_F(EventTimeTest, TermWithoutResolverIsAnOpenPastRange) {
  const EventTime time =
      time_of("During his second term, Obama visited Hiroshima.", "visited");
  EXPECT_TRUE(time.range.open_start());
  EXPECT_EQ(time.range.last, kStoryDate);
  EXPECT_EQ(time.range.precision, DatePrecision::range);
  EXPECT_TRUE(time.historical);
  // A term still running in a present-perfect clause is not history.
  EXPECT_FALSE(time_of("During his presidency, the economy has grown.", "grown").historical);
}

TEST_F(EventTimeTest, BoundedRanges) {
  EXPECT_EQ(time_of("The talks will continue until Friday.", "continue").range,
            days(20241228, 20250103, DatePrecision::range));
  const EventTime before = time_of("The regime collapsed before 2019.", "collapsed");
  EXPECT_TRUE(before.range.open_start());
  EXPECT_EQ(before.range.last, Date{20181231});
  EXPECT_TRUE(before.historical);
}

TEST_F(EventTimeTest, TermResolverGetsHolderAndOrdinal) {
  StoryTimeline timeline(kStoryDate);
  std::string holder;
  int seen_ordinal = -5;
  timeline.set_term_resolver([&](const Sentence& sentence, int possessor, int ordinal)
                                 -> std::optional<TimeRange> {
    holder = possessor >= 0 ? sentence.tokens[possessor].form : "";
    seen_ordinal = ordinal;
    if (holder == "Trump" && ordinal == 1)
      return TimeRange{Date{20170120}, Date{20210120}, DatePrecision::range};
    return std::nullopt;
  });
  EventTime time = time_in(timeline, "During Trump's first term, tariffs rose.", "rose");
  EXPECT_EQ(holder, "Trump");
  EXPECT_EQ(seen_ordinal, 1);
  EXPECT_EQ(time.range, days(20170120, 20210120, DatePrecision::range));

  time = time_in(timeline, "While in office, Obama visited Cuba.", "visited");
  EXPECT_EQ(holder, "Obama");  // the clause's subject holds the office
  EXPECT_EQ(seen_ordinal, 0);
  EXPECT_TRUE(time.range.open_start());  // the resolver did not know it

  time_in(timeline, "Under the Trump administration, the US left the deal.", "left");
  EXPECT_EQ(holder, "Trump");
}

TEST_F(EventTimeTest, SinceThenStartsAtTheStorysPreviousTime) {
  StoryTimeline timeline(kStoryDate);
  // Nothing before it: an open range up to the story date.
  EXPECT_TRUE(time_in(timeline, "Since then, fighting has intensified.", "intensified")
                  .range.open_start());
  time_in(timeline, "Officials visited Seoul in March.", "visited");
  EXPECT_EQ(time_in(timeline, "Since then, fighting has intensified.", "intensified").range,
            days(20240301, 20241228, DatePrecision::range));
}

TEST_F(EventTimeTest, TimeComesFromTheClauseTree) {
  // A reported clause takes the time of the clause that reports it.
  EXPECT_EQ(time_of("Kim said on Friday that the talks had collapsed.", "collapsed").range,
            days(20241227, 20241227, DatePrecision::day));
  // A time inside a setting of the event dates it.
  EXPECT_EQ(time_of("In a speech on Friday, Kim condemned the drills.", "condemned").range,
            days(20241227, 20241227, DatePrecision::day));
  // A time of another clause does not date this one.
  EXPECT_EQ(time_of("Kim, who visited Moscow, said on Friday that he was ready.", "visited")
                .range.precision,
            DatePrecision::story);
}

}  // namespace
}  // namespace annals
