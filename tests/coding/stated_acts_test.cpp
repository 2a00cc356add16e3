// Acts a sentence announces, refuses or requires are coded as the statements CAMEO makes of
// them (intent or threat, rejection, demand) with CAMEO.2.0 dictionaries that bring no PICO
// ontology; the act keeps its own code where the text reports it done, decided or speculated.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "annals/coder.h"
#include "annals/dictionaries.h"
#include "coding/stated_acts.h"
#include "hand_parsed.h"
#include "inline_dictionaries.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

TEST(StatedActCodes, IntentsAndThreatsFollowTheCodebook) {
  EXPECT_EQ(intent_code("040"), "036");   // will meet: intent to meet
  EXPECT_EQ(intent_code("045"), "039");   // will mediate
  EXPECT_EQ(intent_code("0841"), "0353"); // will release prisoners
  EXPECT_EQ(intent_code("072"), "0332");  // will supply arms
  EXPECT_EQ(intent_code("1723"), "1323"); // will impose a curfew: a threat
  EXPECT_EQ(intent_code("1661"), "136");  // will withdraw peacekeepers
  EXPECT_EQ(intent_code("195"), "1384");  // will bomb from the air
  EXPECT_EQ(intent_code("190"), "138");
  // Statements, appeals, demands, military posture and investigations have no intent code.
  EXPECT_EQ(intent_code("010"), "");
  EXPECT_EQ(intent_code("112"), "");
  EXPECT_EQ(intent_code("154"), "");
  EXPECT_EQ(intent_code("090"), "");
}

TEST(StatedActCodes, RefusalsOfCooperationOnly) {
  EXPECT_EQ(refusal_code("085"), "1244");  // will not lift the embargo
  EXPECT_EQ(refusal_code("0841"), "1243");
  EXPECT_EQ(refusal_code("0831"), "1231"); // will not resign
  EXPECT_EQ(refusal_code("046"), "125");
  EXPECT_EQ(refusal_code("057"), "127");
  EXPECT_EQ(refusal_code("190"), "");      // "will not attack" is no rejection
  EXPECT_EQ(refusal_code("112"), "");
}

TEST(StatedActCodes, DemandsOfEveryAct) {
  EXPECT_EQ(demand_code("084"), "1053");
  EXPECT_EQ(demand_code("063"), "1013");   // must hand over suspects
  EXPECT_EQ(demand_code("057"), "107");
  EXPECT_EQ(demand_code("190"), "100");    // must attack: a demand all the same
  EXPECT_EQ(demand_code(""), "");
}

using hand_parsed::make_sentence;

class StatedActs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("stated_acts_test_" + std::to_string(::getpid()));
    dictionaries_ = test::load_inline_dictionaries(dir_, R"(####### VERB PATTERNS #######
---  SAY   [010]  ---
SAY {SAID SAYS}
---  BELIEVE   [---]  ---
BELIEVE {BELIEVES BELIEVED}
---  DECIDE   [---]  ---
DECIDE {DECIDED DECIDES}
---  MEET   [040]  ---
MEET {MET MEETS}
---  ATTACK   [190]  ---
ATTACK {ATTACKED ATTACKS}
---  RELEASE   [084]  ---
RELEASE {RELEASED RELEASES}
######## TRANSFORMATIONS ##########
)",
                                                   "RUSSIA [RUS]\nIRAQ [IRQ]\nSYRIA [SYR]\n",
                                                   "PRISONER [~PRI]\n", diagnostics_);
    ASSERT_TRUE(dictionaries_);
    ASSERT_EQ(dictionaries_->dialect(), VerbDialect::cameo2);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // "SRC TGT CODE modality" of each event.
  std::set<std::string> code(const Sentence& s) const {
    const Coder coder(dictionaries_);
    std::set<std::string> out;
    for (const Event& e : coder.code(s, Date{20200101}).events)
      out.insert((e.source.code.empty() ? "---" : e.source.code) + " " +
                 (e.target && !e.target->code.empty() ? e.target->code : "---") + " " + e.cameo + " " +
                 std::string(to_string(e.modality)));
    return out;
  }

  fs::path dir_;
  Diagnostics diagnostics_;
  std::shared_ptr<const Dictionaries> dictionaries_;
};

TEST_F(StatedActs, AnnouncedActIsAnIntentOrAThreat) {
  // "Russia will meet Iraq": an intent to meet (036); the meeting is still to come.
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 2, "nsubj"},
                                {"will", "AUX", 2, "aux"},
                                {"meet", "VERB", -1, "root"},
                                {"Iraq", "PROPN", 2, "obj"}})),
            std::set<std::string>{"RUS IRQ 036 future"});
  // "Russia said it would attack Iraq": a threat of force.
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 1, "nsubj"},
                                {"said", "VERB", -1, "root"},
                                {"Russia", "PROPN", 4, "nsubj"},
                                {"would", "AUX", 4, "aux"},
                                {"attack", "VERB", 1, "ccomp"},
                                {"Iraq", "PROPN", 4, "obj"}})),
            std::set<std::string>{"RUS IRQ 138 future"});
}

TEST_F(StatedActs, DecidedActKeepsItsOwnCode) {
  // "Russia decided to release the prisoners": the release is reported, no intent stated.
  const auto events = code(make_sentence({{"Russia", "PROPN", 1, "nsubj"},
                                          {"decided", "VERB", -1, "root"},
                                          {"to", "PART", 3, "mark"},
                                          {"release", "VERB", 1, "xcomp"},
                                          {"Iraq", "PROPN", 3, "obj"}}));
  EXPECT_EQ(events, std::set<std::string>{"RUS IRQ 084 future"});
}

TEST_F(StatedActs, WillNotIsARefusalDidNotIsNone) {
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 3, "nsubj"},
                                {"will", "AUX", 3, "aux"},
                                {"not", "PART", 3, "advmod"},
                                {"release", "VERB", -1, "root"},
                                {"Iraq", "PROPN", 3, "obj"}})),
            std::set<std::string>{"RUS IRQ 1243 asserted"});
  // A past act that did not happen is no statement of refusal.
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 3, "nsubj"},
                                {"did", "AUX", 3, "aux"},
                                {"not", "PART", 3, "advmod"},
                                {"release", "VERB", -1, "root"},
                                {"Iraq", "PROPN", 3, "obj"}})),
            std::set<std::string>{"RUS IRQ 084 negated"});
}

TEST_F(StatedActs, MustUnderAStatementIsTheSpeakersDemand) {
  // "Syria said Russia must release Iraq": Syria demands the release of Russia.
  EXPECT_EQ(code(make_sentence({{"Syria", "PROPN", 1, "nsubj"},
                                {"said", "VERB", -1, "root"},
                                {"Russia", "PROPN", 4, "nsubj"},
                                {"must", "AUX", 4, "aux"},
                                {"release", "VERB", 1, "ccomp"},
                                {"Iraq", "PROPN", 4, "obj"}})),
            std::set<std::string>{"SYR RUS 1053 asserted"});
  // Without a speaker the obligation stays a hypothetical act.
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 2, "nsubj"},
                                {"must", "AUX", 2, "aux"},
                                {"release", "VERB", -1, "root"},
                                {"Iraq", "PROPN", 2, "obj"}})),
            std::set<std::string>{"RUS IRQ 084 hypothetical"});
}

TEST_F(StatedActs, ConditionalActOfTheSpeakerIsAThreatNotSpeculation) {
  // "Russia will attack Iraq if Syria attacks": a conditional threat.
  const auto threat = code(make_sentence({{"Russia", "PROPN", 2, "nsubj"},
                                          {"will", "AUX", 2, "aux"},
                                          {"attack", "VERB", -1, "root"},
                                          {"Iraq", "PROPN", 2, "obj"},
                                          {"if", "SCONJ", 6, "mark"},
                                          {"Syria", "PROPN", 6, "nsubj"},
                                          {"attacks", "VERB", 2, "advcl"}}));
  EXPECT_TRUE(threat.count("RUS IRQ 138 asserted")) << testing::PrintToString(threat);
  // "Russia may attack Iraq's cities if Syria's talks founders": the built-in parser's
  // reading, with the condition's verb read as a noun and "if" hung inside the object.
  const auto misparsed = code(make_sentence({{"Russia", "PROPN", 2, "nsubj"},
                                             {"may", "AUX", 2, "aux"},
                                             {"attack", "VERB", -1, "root"},
                                             {"Iraq", "PROPN", 5, "nmod:poss"},
                                             {"'s", "PART", 3, "case"},
                                             {"cities", "NOUN", 2, "obj"},
                                             {"if", "SCONJ", 7, "mark"},
                                             {"talks", "NOUN", 5, "nmod"},
                                             {"founders", "NOUN", 7, "appos"}}));
  EXPECT_TRUE(misparsed.count("RUS IRQ 138 asserted")) << testing::PrintToString(misparsed);
  // "Iraq believes Russia will attack Syria if ...": someone else's speculation.
  const auto belief = code(make_sentence({{"Iraq", "PROPN", 1, "nsubj"},
                                          {"believes", "VERB", -1, "root"},
                                          {"Russia", "PROPN", 4, "nsubj"},
                                          {"will", "AUX", 4, "aux"},
                                          {"attack", "VERB", 1, "ccomp"},
                                          {"Syria", "PROPN", 4, "obj"},
                                          {"if", "SCONJ", 7, "mark"},
                                          {"provoked", "VERB", 4, "advcl"}}));
  EXPECT_TRUE(belief.count("RUS SYR 190 hypothetical")) << testing::PrintToString(belief);
}

TEST_F(StatedActs, ClaimOfOwnActIsAClaimOfResponsibility) {
  // "Russia claimed Russia attacked Iraq": responsibility claimed (015) for the attack.
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 1, "nsubj"},
                                {"claimed", "VERB", -1, "root"},
                                {"Russia", "PROPN", 3, "nsubj"},
                                {"attacked", "VERB", 1, "ccomp"},
                                {"Iraq", "PROPN", 3, "obj"}})),
            std::set<std::string>{"RUS IRQ 015 asserted"});
  // Another actor's act is only reported.
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 1, "nsubj"},
                                {"claimed", "VERB", -1, "root"},
                                {"Syria", "PROPN", 3, "nsubj"},
                                {"attacked", "VERB", 1, "ccomp"},
                                {"Iraq", "PROPN", 3, "obj"}})),
            std::set<std::string>{"SYR IRQ 190 asserted"});
}

TEST(ClaimsOwnAct, TheClaimantIsTheActorByCodeOrByTheSameWords) {
  auto actor = [](const char* code, uint32_t start, uint32_t end) {
    return EventActor{code, "words", Span{start, end}};
  };
  const std::vector<AttributionLink> chain = {{"claimed", actor("YEMREBHTI", 0, 22)}};
  EXPECT_TRUE(claims_own_act(chain, actor("YEMREBHTI", 30, 34)));  // "... claimed they attacked"
  EXPECT_TRUE(claims_own_act(chain, actor("YEMREB", 0, 22)));      // the same words, read less narrowly
  EXPECT_FALSE(claims_own_act(chain, actor("SAU", 40, 52)));
  EXPECT_FALSE(claims_own_act({{"said", actor("YEMREBHTI", 0, 22)}}, actor("YEMREBHTI", 0, 22)));
}

TEST_F(StatedActs, DictionariesWithAPicoOntologyCodeTheActItself) {
  // PETRARCH-2's ontology defines how verbs combine and negate; its dictionaries code
  // "will meet" as the meeting.
  std::ofstream(dir_ / "PETR.Internal.Coding.Ontology.txt") << "040:0x1000\n084:0x2000\n";
  Diagnostics diagnostics;
  DictionaryFiles files;
  files.verbs = dir_ / "verbs.txt";
  files.actors = {dir_ / "actors.txt"};
  files.agents = dir_ / "agents.txt";
  files.discards = dir_ / "discards.txt";
  files.pico = dir_ / "PETR.Internal.Coding.Ontology.txt";
  dictionaries_ = Dictionaries::load(files, diagnostics);
  ASSERT_TRUE(dictionaries_);
  EXPECT_EQ(code(make_sentence({{"Russia", "PROPN", 2, "nsubj"},
                                {"will", "AUX", 2, "aux"},
                                {"meet", "VERB", -1, "root"},
                                {"Iraq", "PROPN", 2, "obj"}})),
            std::set<std::string>{"RUS IRQ 040 future"});
}

}  // namespace
}  // namespace annals
