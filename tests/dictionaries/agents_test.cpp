#include <gtest/gtest.h>

#include "dictionaries/actors.h"
#include "temp_dictionary.h"

namespace annals {
namespace {

using test::lines_of;
using test::reported;
using test::TempDictionary;
using test::words_of;
using Severity = Diagnostic::Severity;

struct Loaded {
  AgentDictionary agents;
  Diagnostics diagnostics;
  explicit Loaded(const std::string& text) {
    TempDictionary file(text);
    agents.load(file.path(), diagnostics);
  }
  // "~GOV" / "NGO~" for the phrase at the start of `text`, "" when none matches.
  std::string code(const std::string& text) const {
    const auto m = agents.match(words_of(text), 0);
    if (!m) return "";
    return m->value->prefix ? m->value->code + "~" : "~" + m->value->code;
  }
};

TEST(AgentDictionary, RegularAndExplicitPlurals) {
  Loaded d(
      "PRESIDENT [~GOV] # comment\n"
      "AUTHORITY  [~GOV]\n"
      "ENVOY [~GOV]\n"
      "CONGRESS [~LEG]\n"
      "CHURCH [~REL]\n"
      "MAIN_OPPOSITION_GROUP [~MOP]\n"
      "POLICE {} [ ~COP]\n"
      "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n");
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.agents.size(), 8u);
  EXPECT_EQ(d.code("PRESIDENTS"), "~GOV");
  EXPECT_EQ(d.code("AUTHORITIES"), "~GOV");
  EXPECT_EQ(d.code("ENVOYS"), "~GOV");
  EXPECT_EQ(d.code("CONGRESSES"), "~LEG");
  EXPECT_EQ(d.code("CHURCHES"), "~REL");
  EXPECT_EQ(d.code("MAIN OPPOSITION GROUPS"), "~MOP");
  EXPECT_EQ(d.code("POLICE"), "~COP");
  EXPECT_EQ(d.code("POLICES"), "");
  EXPECT_EQ(d.code("GOLDEN GEESE"), "~GGS");
  EXPECT_EQ(d.code("GOLDEN GOOSES"), "");
}

TEST(AgentDictionary, PrefixAgents) {
  Loaded d("HUMAN_RIGHTS_BODY  [NGO~]\nHUMAN_RIGHTS_ORGANIZATION  [  NGO~]\n");
  EXPECT_TRUE(d.diagnostics.all().empty());
  EXPECT_EQ(d.code("HUMAN RIGHTS BODIES"), "NGO~");
  EXPECT_EQ(d.code("HUMAN RIGHTS ORGANIZATION"), "NGO~");
}

TEST(AgentDictionary, SubstitutionSets) {
  Loaded d(
      "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
      "!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "!MINST!_OF_SILLY_WALKS [~GOV]\n");
  EXPECT_TRUE(d.diagnostics.all().empty()) << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(d.code("CONGRESSWOMEN"), "~LEG");
  EXPECT_EQ(d.code("CONGRESSPERSON"), "~LEG");
  EXPECT_EQ(d.code("CONGRESSPERSONS"), "");  // no plural beyond the set
  EXPECT_EQ(d.code("MINISTRIES OF SILLY WALKS"), "~GOV");
  EXPECT_EQ(d.agents.phrase_count(), 9u);
}

TEST(AgentDictionary, LongestPhraseWins) {
  Loaded d("OPPOSITION_GROUP [~OPP]\nOPPOSITION [~OPX]\n");
  const auto m = d.agents.match(words_of("OPPOSITION GROUP LEADER"), 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 2u);
  EXPECT_EQ(m->value->code, "OPP");
}

TEST(AgentDictionary, BrokenLinesAreReported) {
  Loaded d(
      "ISLAMIC_EXTREMIST\n"                // 1: no code
      "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"  // 2: missing ']'
      "WORKER [LAB]\n"                     // 3: no '~'
      "STUDENT [~]\n"                      // 4: empty code
      "TROOP {TROOPS [~MIL]\n"             // 5: missing '}'
      "SOLDIER!GUY! [~MIL]\n"              // 6: undefined set
      "!BROKEN = A, B\n"                   // 7: unterminated marker
      "JUDGE [~JUD]\n"                     // 8
      "JUDGE [~LEG]\n");                   // 9: duplicate with another code
  EXPECT_EQ(lines_of(d.diagnostics, Severity::error), (std::vector<int>{1, 2, 3, 4, 5, 6, 7}))
      << testing::PrintToString(reported(d.diagnostics));
  EXPECT_EQ(lines_of(d.diagnostics, Severity::warning), std::vector<int>{9});
  EXPECT_EQ(d.code("JUDGES"), "~JUD");
  EXPECT_EQ(d.code("ISLAMIC EXTREMIST"), "");
}

}  // namespace
}  // namespace annals
