#include "dictionaries/actors.h"

#include <gtest/gtest.h>

#include "temp_dictionary.h"

namespace annals {
namespace {

using test::lines_of;
using test::reported;
using test::TempDictionary;
using test::words_of;
using Severity = Diagnostic::Severity;

struct Loaded {
  ActorDictionary actors;
  Diagnostics diagnostics;
  explicit Loaded(const std::string& text) {
    TempDictionary file(text);
    actors.load(file.path(), diagnostics);
  }
  // The code of the phrase at the start of `text` on `date`, "" when none matches.
  std::string code(const std::string& text, int date = 20150101,
                   DateRule rule = DateRule::first_listed) const {
    const auto m = actors.match(words_of(text), 0);
    return m ? m->value->code_on(Date{date}, rule) : "";
  }
};

TEST(ActorDictionary, PhrasesSynonymsAndCodes) {
  Loaded d(
      "# a comment line\n"
      "UNITED_STATES_ [USA]\n"
      "+USA\n"
      "+U.S.  # trailing comment\n"
      "\n"
      "GROUP OF 77 [G77]\n"
      "ENT\n"
      "\t[ENT]\n"
      "INTERPOL_\n"
      "+INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION\n"
      "\t[IGOCOPITP]\t# Interpol\n");
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.actors.size(), 4u);
  EXPECT_EQ(d.actors.phrase_count(), 7u);
  EXPECT_EQ(d.code("UNITED STATES SAID"), "USA");
  EXPECT_EQ(d.code("U.S."), "USA");
  EXPECT_EQ(d.code("GROUP OF 77"), "G77");
  EXPECT_EQ(d.code("ENT"), "ENT");
  EXPECT_EQ(d.code("INTERNATIONAL CRIMINAL POLICE ORGANIZATION"), "IGOCOPITP");
  const auto m = d.actors.match(words_of("THE USA"), 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 1u);
  EXPECT_EQ(m->value->name, "UNITED STATES");
}

TEST(ActorDictionary, WholeWordsOnlyNoStems) {
  // PETRARCH compares whole words: ARGENTIN is not a stem of ARGENTINA, and ARNOR_'s
  // final '_' changes nothing.
  Loaded d("ARGENTIN  [ARG]\nARNOR_  [ARN]\n");
  EXPECT_EQ(d.code("ARGENTINA"), "");
  EXPECT_EQ(d.code("ARGENTIN"), "ARG");
  EXPECT_EQ(d.code("ARNOR"), "ARN");
  EXPECT_EQ(d.code("ARNORIAN"), "");
}

TEST(ActorDictionary, DatedCodesBeforeInsideAfter) {
  Loaded d(
      "GOLLUM\n"
      "+SMEAGOL\n"
      "\t[HOB < 950601]\n"
      "\t[HOBGOV 19950601 - 19990815]\n"
      "\t[HOBREB > 990816]\n"
      "OBAMA_ [USAELI]\n"
      "\t[USAGOV 20090120-20170120]\n");
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.code("SMEAGOL", 19950531), "HOB");
  EXPECT_EQ(d.code("SMEAGOL", 19950601), "HOB");  // both ends are inclusive: first listed
  EXPECT_EQ(d.code("SMEAGOL", 19950602), "HOBGOV");
  EXPECT_EQ(d.code("SMEAGOL", 19990815), "HOBGOV");
  EXPECT_EQ(d.code("SMEAGOL", 19990816), "HOBREB");
  EXPECT_EQ(d.code("OBAMA", 20080101), "USAELI");  // undated default outside the range
  EXPECT_EQ(d.code("OBAMA", 20120101), "USAGOV");
  EXPECT_EQ(d.code("OBAMA", 20180101), "USAELI");
}

TEST(ActorDictionary, TwoDigitYearsFollowPetrarch) {
  // YY <= 30 is 20YY, later YY 19YY.
  Loaded d(
      "MOHAMMAD_ZAHIR_SHAH_\n\t[AFGELI 320101-331108]\n\t[AFGGOV 331108-730717]\n"
      "\t[AFGELI 730717-070723]\n");
  EXPECT_EQ(d.code("MOHAMMAD ZAHIR SHAH", 19320615), "AFGELI");
  EXPECT_EQ(d.code("MOHAMMAD ZAHIR SHAH", 19500101), "AFGGOV");
  EXPECT_EQ(d.code("MOHAMMAD ZAHIR SHAH", 20050101), "AFGELI");
  // After every range: still an Afghan (the country all his codes share).
  EXPECT_EQ(d.code("MOHAMMAD ZAHIR SHAH", 20080101), "AFG");
}

TEST(ActorDictionary, OutsideItsRangesAnActorKeepsOnlyACountryItsCodesShare) {
  Loaded d(
      "KOFI_ANNAN_\n\t[IGOUNO 19970101-20061231]\n"
      "SHIFTING_ \n\t[GBRGOV 20000101-20011231]\n\t[FRAGOV 20050101-20061231]\n");
  EXPECT_EQ(d.code("KOFI ANNAN", 20100101), "");  // an organisation's office, not a country
  EXPECT_EQ(d.code("SHIFTING", 20030101), "");    // two countries: none
  EXPECT_EQ(d.code("SHIFTING", 20010101), "GBRGOV");
}

TEST(ActorDictionary, DateRules) {
  Loaded d(
      "SAM_GAMGEE [HOB]\n"
      "\t[HOBCIV <20080120]\n"
      "\t[HOBMIL 20080120-20121109]\n"
      "\t[ORCHOB 20100109-20100112]\n"
      "\t[HOBELI >20130119]\n");
  // PETRARCH-1 takes the first restriction that holds ...
  EXPECT_EQ(d.code("SAM GAMGEE", 20100110), "HOBMIL");
  EXPECT_EQ(d.code("SAM GAMGEE", 20080120), "HOBCIV");
  // ... UD-PETRARCH the narrowest, and a range ending on the day another starts yields.
  EXPECT_EQ(d.code("SAM GAMGEE", 20100110, DateRule::narrowest), "ORCHOB");
  EXPECT_EQ(d.code("SAM GAMGEE", 20080120, DateRule::narrowest), "HOBMIL");
  EXPECT_EQ(d.code("SAM GAMGEE", 20121201, DateRule::narrowest), "HOB");
}

TEST(ActorDictionary, LastUndatedCodeIsTheDefault) {
  Actor actor{"X", {{"AAA"}, {"BBB", Date{20000101}, Date{20001231}}, {"CCC"}}};
  EXPECT_EQ(actor.code_on(Date{20000601}), "BBB");
  EXPECT_EQ(actor.code_on(Date{20010101}), "CCC");
  EXPECT_EQ(Actor{}.code_on(Date{20010101}), "");
}

TEST(ActorDictionary, SeveralCodesOnThePrimaryLine) {
  Loaded d("ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# comment\n");
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.code("ANN VENEMAN", 20030101), "USAGOV");
  EXPECT_EQ(d.code("ANN VENEMAN", 20060101), "IGOUNOKID");
  EXPECT_EQ(d.code("ANN VENEMAN", 20050301), "");
}

TEST(ActorDictionary, CommentsOfEveryKind) {
  Loaded d(
      "<!-- one line -->\n"
      "<!-- several\n"
      "NOT_AN_ACTOR [XXX]\n"
      "lines -->\n"
      "<! -- a malformed one, skipped as PETRARCH does -->\n"
      "GONDOR [GON] <!-- inline --> ; TABARI comment\n"
      "#NASGUL  [###]\n");
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.actors.size(), 1u);
  EXPECT_EQ(d.code("GONDOR"), "GON");
  EXPECT_EQ(d.code("NOT AN ACTOR"), "");
}

TEST(ActorDictionary, BrokenLinesAreReportedWithTheirLineAndSkipped) {
  Loaded d(
      "+ORPHAN\n"                            // 1: synonym before any block
      "\t[ORP]\n"                            // 2: code before any block
      "GOOD [GOD]\n"                         // 3
      "BAD_BRACKET [BAD\n"                   // 4: missing ']' -> no code -> entry skipped
      "EMPTY []\n"                           // 5: empty code
      "WORSE [W@RSE]\n"                      // 6: impossible characters
      "DATED [DAT 991301-000101]\n"          // 7: month 13
      "BACKWARDS [BCK 20100101-20000101]\n"  // 8
      "NO_DATE_CODE [991201-010114]\n"       // 9: restriction without a code
      "LONELY_ACTOR\n"                       // 10: no code at all, next line not adjacent
      "\n"
      "FINE [FIN]\n"             // 12
      "+WITH_CODE [XYZ]\n"       // 13: code on a synonym
      "FINE2 [FN2] junk text\n"  // 14: text after the codes (warning, kept)
      "BAD]PHRASE [BPH]\n");     // 15
  EXPECT_EQ(lines_of(d.diagnostics, Severity::error),
            (std::vector<int>{1, 2, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 13, 15}))
      << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(lines_of(d.diagnostics, Severity::warning), std::vector<int>{14});
  EXPECT_EQ(d.code("GOOD"), "GOD");
  EXPECT_EQ(d.code("FINE"), "FIN");
  EXPECT_EQ(d.code("FINE2"), "FN2");
  EXPECT_EQ(d.code("BAD BRACKET"), "");
  EXPECT_EQ(d.code("WITH CODE"), "");
  EXPECT_EQ(d.actors.size(), 3u);
}

TEST(ActorDictionary, MessagesNameTheProblem) {
  Loaded d("X [X <991340]\nY [Y 20100101]\n");
  const auto messages = reported(d.diagnostics);
  ASSERT_EQ(messages.size(), 4u) << testing::PrintToString(messages);
  EXPECT_NE(messages[0].find("bad date \"991340\""), std::string::npos);
  EXPECT_NE(messages[2].find("bad date restriction \"20100101\""), std::string::npos);
}

TEST(ActorDictionary, LongDatesReadAsPetrarchDoes) {
  Loaded d("DAVID_CAMERON_\n\t[GBRGOV >201005011]\n");
  EXPECT_EQ(lines_of(d.diagnostics, Severity::warning), std::vector<int>{2});
  EXPECT_EQ(d.code("DAVID CAMERON", 20100501), "GBRGOV");
}

TEST(ActorDictionary, CodelessLinesRightBeforeAnEntryJoinIt) {
  Loaded d(
      "IVO_JOSIPOVIC_\n"
      "PRESIDENT_JOSIPOVIC_\n"
      "+PRES_JOSIPOVIC\n"
      "JOSIPOVIC_\n"
      "\t[HRVGOV >20120219]\n");
  EXPECT_EQ(lines_of(d.diagnostics, Severity::warning), (std::vector<int>{1, 2}));
  EXPECT_TRUE(lines_of(d.diagnostics, Severity::error).empty());
  EXPECT_EQ(d.code("IVO JOSIPOVIC"), "HRVGOV");
  EXPECT_EQ(d.code("PRES JOSIPOVIC"), "HRVGOV");
  EXPECT_EQ(d.actors.size(), 1u);
}

TEST(ActorDictionary, DuplicatePhrasesMergeTheirCodes) {
  ActorDictionary actors;
  Diagnostics diagnostics;
  TempDictionary first("GEORGE_BUSH_\n+PRESIDENT_BUSH\n\t[USAGOV 890120-930120]\nSAME [SAM]\n");
  TempDictionary second("GEORGE_W_BUSH_\n+PRESIDENT_BUSH\n\t[USAGOV 010120-090120]\nSAME [SAM]\n");
  actors.load(first.path(), diagnostics);
  actors.load(second.path(), diagnostics);
  const auto messages = reported(diagnostics);
  ASSERT_EQ(messages.size(), 1u) << testing::PrintToString(messages);  // SAME agrees: silent
  EXPECT_EQ(messages[0].rfind("2:warning:", 0), 0u) << messages[0];
  const auto words = words_of("PRESIDENT BUSH");
  EXPECT_EQ(actors.match(words, 0)->value->code_on(Date{19900101}), "USAGOV");
  EXPECT_EQ(actors.match(words, 0)->value->code_on(Date{20050101}), "USAGOV");
  // Between the two presidencies the merged phrase is only the country they share.
  EXPECT_EQ(actors.match(words, 0)->value->code_on(Date{19970101}), "USA");
  EXPECT_EQ(actors.match(words_of("GEORGE BUSH"), 0)->value->code_on(Date{20050101}), "USA");
}

TEST(ActorDictionary, StopMarkEndsTheFile) {
  Loaded d("A [AAA]\n---STOP---\nB [BBB]\n");
  EXPECT_EQ(d.code("A"), "AAA");
  EXPECT_EQ(d.code("B"), "");
}

TEST(ActorDictionary, MissingFileIsReported) {
  ActorDictionary actors;
  Diagnostics diagnostics;
  actors.load("/nonexistent/actors.txt", diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 1u);
  EXPECT_EQ(actors.size(), 0u);
}

}  // namespace
}  // namespace annals
