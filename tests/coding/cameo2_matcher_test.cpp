#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "annals/readers.h"
#include "coding/cameo2_matcher.h"
#include "dictionaries/verbs.h"
#include "hand_parsed.h"
#include "inline_dictionaries.h"
#include "text/words.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

using hand_parsed::make_sentence;

class Cameo2Matcher : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cameo2_test_" + std::to_string(::getpid()));
    dictionaries_ = test::load_inline_dictionaries(dir_, R"(####### SYNONYM SETS #######
&ACCUSATORY
+HOSTILITY_
+AGGRESSION_
####### VERB PATTERNS #######
---  ATTACK   [190]  ---
ATTACK
- * (WITH &WEAPON) [195]
---  SAY   [010]  ---
SAY {SAID SAYS}
---  MEET   [040]  ---
MEET {MET MEETS}
---  ATTEND   [042:043]  ---
ATTEND
---  PRESSURE   [170]  ---
PRESSURE
---  HELP   [070]  ---
HELP
---  SEND   [---]  ---
SEND
- * MEDICINE [073]
---  CALL_NAME   [---]  ---
CALL {CALLED}
- * {REACTIONARY COUNTRY} [111]
---  EXPAND   [---]  ---
EXPAND
- * {MILITARY EXERCISES} [150]
---  DRAW_CRITICISM   [---]  ---
DRAW
- * CRITICISM [:111]
---  RESPOND   [---]  ---
RESPOND
---  INTEND   [030]  ---
WILLING
---  OPPOSE   [110]  ---
OPPOSE {OPPOSED OPPOSES}
---  PESSIMISM   [012]  ---
CONCERNED
---  RELEASE   [084]  ---
FREE {FREED FREES}
---  HOLD   [---]  ---
HOLD {HELD}
- * TALKS [046]
---  LAUNCH   [---]  ---
LAUNCH
- * CAMPAIGN [020]
- * ATTACKS [190]
######## TRANSFORMATIONS ##########
~ a (b . ATTACK) SAY = a b 112
~ a (a b ATTACK) SAY = a b 015
~ a (a b HELP) WILLING = a b 033
)",
                                                   "UNITED_STATES [USA]\nRUSSIA [RUS]\nIRAQ [IRQ]\nSYRIA [SYR]\nBARAD-DUR [MOR]\n",
                                                   "SOLDIER [~MIL]\nMILITARY [~MIL]\n", diagnostics_);
    ASSERT_TRUE(dictionaries_);
    ASSERT_EQ(dictionaries_->dialect(), VerbDialect::cameo2);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::set<std::string> code(const Sentence& s) {
    const std::vector<std::string> words = dictionary_words(s);
    const CoderOptions options;
    const SentenceContext context{s, words, Date{}, *dictionaries_, options};
    std::set<std::string> out;
    for (const RawEvent& e : match_cameo2(context, static_cast<const Cameo2VerbDictionary&>(dictionaries_->verbs())))
      out.insert((e.source.empty() ? "---" : e.source.code) + " " + (e.target.empty() ? "---" : e.target.code) +
                 " " + e.code);
    return out;
  }

  fs::path dir_;
  Diagnostics diagnostics_;
  std::shared_ptr<const Dictionaries> dictionaries_;
};

TEST_F(Cameo2Matcher, SubjectVerbObject) {
  // "The United States attacked Russia"
  const Sentence s = make_sentence({{"The", "the", "DET", 2, "det"},
                                    {"United", "United", "PROPN", 2, "compound"},
                                    {"States", "States", "PROPN", 3, "nsubj"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Russia", "Russia", "PROPN", 3, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"USA RUS 190"});
}

TEST_F(Cameo2Matcher, PrepositionalPatternAndAgent) {
  // "Russian soldiers attacked Iraq with missiles": the pattern (WITH &WEAPON) gives 195.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 1, "compound"},
                                    {"soldiers", "soldier", "NOUN", 2, "nsubj"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Iraq", "Iraq", "PROPN", 2, "obj"},
                                    {"with", "with", "ADP", 5, "case"},
                                    {"rockets", "rocket", "NOUN", 2, "obl"}});
  // WEAPON is undefined here, so the pattern keeps the literal word and cannot match.
  EXPECT_EQ(code(s), std::set<std::string>{"RUSMIL IRQ 190"});
}

TEST_F(Cameo2Matcher, BareNominalAdjunctNamesTheTargetWhenNothingElseDoes) {
  // "Russia attacked Iraq" with Iraq taken for a bare adjunct, as "Sunday" in "attacked
  // Sunday" is (obl:unmarked): with no object, the phrase still names whom the verb acts on.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 1, "nsubj"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Iraq", "Iraq", "PROPN", 1, "obl:unmarked"}});
  EXPECT_EQ(code(s), std::set<std::string>{"RUS IRQ 190"});
}

TEST_F(Cameo2Matcher, HyphenatedNameSegmentedAsUDWritesItIsNamed) {
  // "Russia attacked Barad-dur" segmented Barad - dur (the dictionary has BARAD-DUR), the last
  // piece parsed as an apposition of the first.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 1, "nsubj"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Barad", "Barad", "PROPN", 1, "obj"},
                                    {"-", "-", "PUNCT", 4, "punct"},
                                    {"dur", "dur", "NOUN", 2, "appos"}});
  EXPECT_EQ(code(s), std::set<std::string>{"RUS MOR 190"});
}

TEST_F(Cameo2Matcher, ReportedAttackIsTransformed) {
  // "Iraq said the United States attacked Russia": a (b . ATTACK) SAY = a b 112.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"said", "say", "VERB", -1, "root"},
                                    {"the", "the", "DET", 4, "det"},
                                    {"United", "United", "PROPN", 4, "compound"},
                                    {"States", "States", "PROPN", 5, "nsubj"},
                                    {"attacked", "attack", "VERB", 1, "ccomp"},
                                    {"Russia", "Russia", "PROPN", 5, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ USA 112"});
}

TEST_F(Cameo2Matcher, CooperationWithoutTargetPairsTheActors) {
  // "Iraq and Russia met": every ordered pair of the meeting parties.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 3, "nsubj"},
                                    {"and", "and", "CCONJ", 2, "cc"},
                                    {"Russia", "Russia", "PROPN", 0, "conj"},
                                    {"met", "meet", "VERB", -1, "root"}});
  EXPECT_EQ(code(s), (std::set<std::string>{"IRQ RUS 040", "RUS IRQ 040"}));
}

TEST_F(Cameo2Matcher, SeveralActorsOfAnActThePatternNamesWhollyActOnEachOther) {
  // "Iraq and Russia held talks": "talks" is the pattern's, no target; the parties pair up.
  const Sentence both = make_sentence({{"Iraq", "Iraq", "PROPN", 3, "nsubj"},
                                       {"and", "and", "CCONJ", 2, "cc"},
                                       {"Russia", "Russia", "PROPN", 0, "conj"},
                                       {"held", "hold", "VERB", -1, "root"},
                                       {"talks", "talk", "NOUN", 3, "obj"}});
  EXPECT_EQ(code(both), (std::set<std::string>{"IRQ RUS 046", "RUS IRQ 046"}));
  // One actor alone keeps its act without a target, as PETRARCH-2 codes it.
  const Sentence one = make_sentence({{"Russia", "Russia", "PROPN", 1, "nsubj"},
                                      {"held", "hold", "VERB", -1, "root"},
                                      {"talks", "talk", "NOUN", 1, "obj"}});
  EXPECT_EQ(code(one), (std::set<std::string>{"RUS --- 046"}));
}

TEST_F(Cameo2Matcher, AgentsTakeTheCountryTheyAreBasedIn) {
  // "Soldiers based in Iraq attacked Syria": IRQMIL, the country of the base.
  const Sentence s = make_sentence({{"Soldiers", "soldier", "NOUN", 4, "nsubj"},
                                    {"based", "base", "VERB", 0, "acl"},
                                    {"in", "in", "ADP", 3, "case"},
                                    {"Iraq", "Iraq", "PROPN", 1, "obl"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Syria", "Syria", "PROPN", 4, "obj"}});
  EXPECT_EQ(code(s), (std::set<std::string>{"IRQMIL SYR 190"}));
}

TEST_F(Cameo2Matcher, UncombinedInfinitiveClauseIsNoEvent) {
  // "Iraq pressured Russia to help Syria": the help is what Iraq wants, not an act; as it
  // does not combine with the pressure (no PICO table here) only the pressure is coded.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"pressured", "pressure", "VERB", -1, "root"},
                                    {"Russia", "Russia", "PROPN", 1, "obj"},
                                    {"to", "to", "PART", 4, "mark"},
                                    {"help", "help", "VERB", 1, "advcl"},
                                    {"Syria", "Syria", "PROPN", 4, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ RUS 170"});
}

TEST_F(Cameo2Matcher, AppositionOfACodedActorIsNoSecondActor) {
  // "Russia, the ally of Iraq, attacked Syria": the apposition renames Russia.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 7, "nsubj"},
                                    {",", ",", "PUNCT", 3, "punct"},
                                    {"the", "the", "DET", 3, "det"},
                                    {"ally", "ally", "NOUN", 0, "appos"},
                                    {"of", "of", "ADP", 5, "case"},
                                    {"Iraq", "Iraq", "PROPN", 3, "nmod"},
                                    {",", ",", "PUNCT", 3, "punct"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Syria", "Syria", "PROPN", 7, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"RUS SYR 190"});
}

TEST_F(Cameo2Matcher, AnchorNamingOnlyAnAgentGivesWayToTheActorItsAppositionNames) {
  // "The military, Russia, attacked Syria", as "Quatar's emir, Sheikh Hamad, launched...":
  // the apposition says whose the agent is.
  const Sentence s = make_sentence({{"The", "the", "DET", 1, "det"},
                                    {"military", "military", "NOUN", 5, "nsubj"},
                                    {",", ",", "PUNCT", 3, "punct"},
                                    {"Russia", "Russia", "PROPN", 1, "appos"},
                                    {",", ",", "PUNCT", 3, "punct"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Syria", "Syria", "PROPN", 5, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"RUS SYR 190"});
}

TEST_F(Cameo2Matcher, RootNounIsTheSubjectOfItsActiveClausalModifier) {
  // "The Russia soldiers attacked Syria" read as a noun with a reduced relative clause.
  const Sentence s = make_sentence({{"The", "the", "DET", 2, "det"},
                                    {"Russia", "Russia", "PROPN", 2, "compound"},
                                    {"soldiers", "soldier", "NOUN", -1, "root"},
                                    {"attacked", "attack", "VERB", 2, "acl"},
                                    {"Syria", "Syria", "PROPN", 3, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"RUSMIL SYR 190"});
  // A participle without an object is the passive it looks like: "the soldiers attacked in
  // Syria" were attacked.
  const Sentence passive = make_sentence({{"The", "the", "DET", 2, "det"},
                                          {"Russia", "Russia", "PROPN", 2, "compound"},
                                          {"soldiers", "soldier", "NOUN", -1, "root"},
                                          {"attacked", "attack", "VERB", 2, "acl"},
                                          {"in", "in", "ADP", 5, "case"},
                                          {"Syria", "Syria", "PROPN", 3, "obl"}});
  EXPECT_FALSE(code(passive).count("RUSMIL SYR 190"));
  // The same misreading of a reported clause: "Iraq said Russia soldiers attacked Syria"
  // with "soldiers" the complement of "said" is the report of an attack (an accusation).
  const Sentence reported = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                           {"said", "say", "VERB", -1, "root"},
                                           {"Russia", "Russia", "PROPN", 3, "compound"},
                                           {"soldiers", "soldier", "NOUN", 1, "ccomp"},
                                           {"attacked", "attack", "VERB", 3, "acl"},
                                           {"Syria", "Syria", "PROPN", 4, "obj"}});
  EXPECT_EQ(code(reported), std::set<std::string>{"IRQ RUSMIL 112"});
}

TEST_F(Cameo2Matcher, ExistentialParticipleIsPassive) {
  // "There were Russia soldiers attacked in Iraq": the soldiers were attacked, from Iraq.
  const Sentence s = make_sentence({{"There", "there", "PRON", 1, "expl"},
                                    {"were", "be", "VERB", -1, "root"},
                                    {"Russia", "Russia", "PROPN", 3, "compound"},
                                    {"soldiers", "soldier", "NOUN", 4, "nsubj"},
                                    {"attacked", "attack", "VERB", 1, "csubj"},
                                    {"in", "in", "ADP", 6, "case"},
                                    {"Iraq", "Iraq", "PROPN", 4, "obl"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ RUSMIL 190"});
}

TEST_F(Cameo2Matcher, ResolvedPronounGoesWithItsOwnSubject) {
  // "Iraq and Russia said they attacked Syria": each says it attacked (015); neither
  // accuses the other (112).
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 3, "nsubj"},
                                    {"and", "and", "CCONJ", 2, "cc"},
                                    {"Russia", "Russia", "PROPN", 0, "conj"},
                                    {"said", "say", "VERB", -1, "root"},
                                    {"they", "they", "PRON", 5, "nsubj"},
                                    {"attacked", "attack", "VERB", 3, "ccomp"},
                                    {"Syria", "Syria", "PROPN", 5, "obj"}});
  EXPECT_EQ(code(s), (std::set<std::string>{"IRQ SYR 015", "RUS SYR 015"}));
}

TEST_F(Cameo2Matcher, ReverseHalfOfATwoWayCodeNeedsBothActors) {
  // "Iraq attended the summit": Iraq visits (042); nobody is known to host (043).
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"attended", "attend", "VERB", -1, "root"},
                                    {"the", "the", "DET", 3, "det"},
                                    {"summit", "summit", "NOUN", 1, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ --- 042"});
}

TEST_F(Cameo2Matcher, PatternNounPrefersTheObject) {
  // "Iraq launched attacks during the campaign": * ATTACKS (the object) beats the longer
  // * CAMPAIGN, which only an oblique phrase matches.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"launched", "launch", "VERB", -1, "root"},
                                    {"attacks", "attack", "NOUN", 1, "obj"},
                                    {"during", "during", "ADP", 5, "case"},
                                    {"the", "the", "DET", 5, "det"},
                                    {"campaign", "campaign", "NOUN", 1, "obl"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ --- 190"});
}

TEST_F(Cameo2Matcher, HyphenatedModifierIsNoAgent) {
  // "Iraq attacked military-ruled Russia" parsed as "military" "-ruled": no ~MIL.
  Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                              {"attacked", "attack", "VERB", -1, "root"},
                              {"military", "military", "ADJ", 4, "amod"},
                              {"-ruled", "-ruled", "ADJ", 4, "amod"},
                              {"Russia", "Russia", "PROPN", 1, "obj"}});
  s.tokens[3].start = s.tokens[2].end;
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ RUS 190"});
  s.tokens[3].start = s.tokens[2].end + 1;  // "military -ruled": two words
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ RUSMIL 190"});
}

TEST_F(Cameo2Matcher, CompoundParticipleNamesNoActorUnlessItsLeader) {
  // "Iraq-backed soldiers attacked Syria" written as UD writes it, "Iraq" "-" "backed": the
  // soldiers are not Iraq's; "Iraq-led soldiers" are.
  auto sentence = [&](const char* participle) {
    Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 2, "obl"},
                                {"-", "-", "PUNCT", 0, "punct"},
                                {participle, participle, "VERB", 3, "amod"},
                                {"soldiers", "soldier", "NOUN", 4, "nsubj"},
                                {"attacked", "attack", "VERB", -1, "root"},
                                {"Syria", "Syria", "PROPN", 4, "obj"}});
    s.tokens[1].start = s.tokens[0].end, s.tokens[1].end = s.tokens[1].start + 1;
    s.tokens[2].start = s.tokens[1].end;
    return s;
  };
  EXPECT_EQ(code(sentence("backed")), std::set<std::string>{"---MIL SYR 190"});
  EXPECT_EQ(code(sentence("led")), std::set<std::string>{"IRQMIL SYR 190"});
}

TEST_F(Cameo2Matcher, WeekdayParsedAsObjectLeavesTheEventWithoutTarget) {
  // "Russia attacked Monday": the weekday is no target, the attack still an event.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 1, "nsubj"},
                                    {"attacked", "attack", "VERB", -1, "root"},
                                    {"Monday", "Monday", "PROPN", 1, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"RUS --- 190"});
}

TEST_F(Cameo2Matcher, AdjectiveGoverningAnActIsReadAsAVerb) {
  // "Iraq is willing to help Syria": the intent to help (033), as "agreed to help".
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 2, "nsubj"},
                                    {"is", "be", "AUX", 2, "cop"},
                                    {"willing", "willing", "ADJ", -1, "root"},
                                    {"to", "to", "PART", 4, "mark"},
                                    {"help", "help", "VERB", 2, "xcomp"},
                                    {"Syria", "Syria", "PROPN", 4, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ SYR 033"});
  // "Iraq is willing to send medicine to Syria": an act of the root family of HELP (070)
  // combines as HELP does.
  const Sentence family = make_sentence({{"Iraq", "Iraq", "PROPN", 2, "nsubj"},
                                         {"is", "be", "AUX", 2, "cop"},
                                         {"willing", "willing", "ADJ", -1, "root"},
                                         {"to", "to", "PART", 4, "mark"},
                                         {"send", "send", "VERB", 2, "xcomp"},
                                         {"medicine", "medicine", "NOUN", 4, "obj"},
                                         {"to", "to", "ADP", 7, "case"},
                                         {"Syria", "Syria", "PROPN", 4, "obl"}});
  EXPECT_EQ(code(family), std::set<std::string>{"IRQ SYR 033"});
  // An adjective with no act to govern stays an adjective: "Iraq is willing."
  const Sentence alone = make_sentence({{"Iraq", "Iraq", "PROPN", 2, "nsubj"},
                                        {"is", "be", "AUX", 2, "cop"},
                                        {"willing", "willing", "ADJ", -1, "root"}});
  EXPECT_TRUE(code(alone).empty());
}

TEST_F(Cameo2Matcher, PredicateAdjectiveOfAttitudeIsAComment) {
  // "Iraq is concerned about Syria": a pessimistic comment (012).
  EXPECT_EQ(code(make_sentence({{"Iraq", "Iraq", "PROPN", 2, "nsubj"},
                                {"is", "be", "AUX", 2, "cop"},
                                {"concerned", "concerned", "ADJ", -1, "root"},
                                {"about", "about", "ADP", 4, "case"},
                                {"Syria", "Syria", "PROPN", 2, "obl"}})),
            std::set<std::string>{"IRQ SYR 012"});
  // An adjective spelled like a verb of another act is no act: "Iraq is free of Syria".
  EXPECT_TRUE(code(make_sentence({{"Iraq", "Iraq", "PROPN", 2, "nsubj"},
                                  {"is", "be", "AUX", 2, "cop"},
                                  {"free", "free", "ADJ", -1, "root"},
                                  {"of", "of", "ADP", 4, "case"},
                                  {"Syria", "Syria", "PROPN", 2, "obl"}}))
                  .empty());
}

TEST_F(Cameo2Matcher, ReportedClauseGovernsItsOwnComplement) {
  // "Russia said Iraq is willing to help Syria": the reported intent (033) survives a known
  // speaker.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 1, "nsubj"},
                                    {"said", "say", "VERB", -1, "root"},
                                    {"Iraq", "Iraq", "PROPN", 4, "nsubj"},
                                    {"is", "be", "AUX", 4, "cop"},
                                    {"willing", "willing", "ADJ", 1, "ccomp"},
                                    {"to", "to", "PART", 6, "mark"},
                                    {"help", "help", "VERB", 4, "xcomp"},
                                    {"Syria", "Syria", "PROPN", 6, "obj"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ SYR 033"});
}

TEST_F(Cameo2Matcher, ReportedClauseGovernsItsOwnClauseOfMeans) {
  // "Iraq responded by attacking Syria, officials said": the attack is Iraq's, on Syria.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"responded", "respond", "VERB", 7, "ccomp"},
                                    {"by", "by", "SCONJ", 3, "mark"},
                                    {"attacking", "attack", "VERB", 1, "advcl"},
                                    {"Syria", "Syria", "PROPN", 3, "obj"},
                                    {",", ",", "PUNCT", 1, "punct"},
                                    {"officials", "official", "NOUN", 7, "nsubj"},
                                    {"said", "say", "VERB", -1, "root"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ SYR 190"});
}

TEST_F(Cameo2Matcher, ParticipleOfAttitudeIsNoPassive) {
  // "Iraq is opposed to Syria": Iraq opposes Syria.
  const Sentence attitude = make_sentence({{"Iraq", "Iraq", "PROPN", 2, "nsubj:pass"},
                                           {"is", "be", "AUX", 2, "aux:pass"},
                                           {"opposed", "oppose", "VERB", -1, "root"},
                                           {"to", "to", "ADP", 4, "case"},
                                           {"Syria", "Syria", "PROPN", 2, "obl"}});
  EXPECT_EQ(code(attitude), std::set<std::string>{"IRQ SYR 110"});
  // With an agent it is a passive: "Syria was opposed by Iraq".
  const Sentence passive = make_sentence({{"Syria", "Syria", "PROPN", 2, "nsubj:pass"},
                                          {"was", "be", "AUX", 2, "aux:pass"},
                                          {"opposed", "oppose", "VERB", -1, "root"},
                                          {"by", "by", "ADP", 4, "case"},
                                          {"Iraq", "Iraq", "PROPN", 2, "obl"}});
  EXPECT_EQ(code(passive), std::set<std::string>{"IRQ SYR 110"});
  // The agent labelled as UD's treebanks (and the built-in parser's arc labeller) label it.
  Sentence agent = passive;
  agent.tokens[4].deprel = "obl:agent";
  EXPECT_EQ(code(agent), std::set<std::string>{"IRQ SYR 110"});
}

TEST_F(Cameo2Matcher, PassiveConjunctIsDoneToTheSharedSubject) {
  // "Syria opposed Iraq and was attacked": Syria is attacked, it attacks no one.
  const Sentence s = make_sentence({{"Syria", "Syria", "PROPN", 1, "nsubj"},
                                    {"opposed", "oppose", "VERB", -1, "root"},
                                    {"Iraq", "Iraq", "PROPN", 1, "obj"},
                                    {"and", "and", "CCONJ", 5, "cc"},
                                    {"was", "be", "AUX", 5, "aux:pass"},
                                    {"attacked", "attack", "VERB", 1, "conj"}});
  EXPECT_EQ(code(s), (std::set<std::string>{"SYR IRQ 110", "--- SYR 190"}));
}

TEST_F(Cameo2Matcher, PredicateNounOfTheVerbMatchesItsPattern) {
  // "Iraq called Russia the most reactionary country": the open complement names the scorn.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"called", "call", "VERB", -1, "root"},
                                    {"Russia", "Russia", "PROPN", 1, "obj"},
                                    {"the", "the", "DET", 6, "det"},
                                    {"most", "most", "ADV", 5, "advmod"},
                                    {"reactionary", "reactionary", "ADJ", 6, "amod"},
                                    {"country", "country", "NOUN", 1, "xcomp"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ RUS 111"});
}

TEST_F(Cameo2Matcher, StatementChargingAnActorWithHostilityIsAnAccusation) {
  // "Iraq said the talks confirmed Syria's hostility": the possessor is charged.
  const Sentence possessor = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                            {"said", "say", "VERB", -1, "root"},
                                            {"the", "the", "DET", 3, "det"},
                                            {"talks", "talk", "NOUN", 4, "nsubj"},
                                            {"confirmed", "confirm", "VERB", 1, "ccomp"},
                                            {"Syria", "Syria", "PROPN", 7, "nmod:poss"},
                                            {"'s", "'s", "PART", 5, "case"},
                                            {"hostility", "hostility", "NOUN", 4, "obj"}});
  EXPECT_EQ(code(possessor), std::set<std::string>{"IRQ SYR 112"});
  // The built-in parser's reading of a quoted modifier: "Syria's" hangs on the adjective,
  // "hostility" on the verb; the possessor still stands before the word it owns.
  const Sentence quoted = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                         {"said", "say", "VERB", -1, "root"},
                                         {"the", "the", "DET", 3, "det"},
                                         {"talks", "talk", "NOUN", 4, "nsubj"},
                                         {"confirmed", "confirm", "VERB", 1, "ccomp"},
                                         {"Syria", "Syria", "PROPN", 8, "nmod:poss"},
                                         {"'s", "'s", "PART", 5, "case"},
                                         {"\"", "\"", "PUNCT", 8, "punct"},
                                         {"unwavering", "unwavering", "ADJ", 4, "xcomp"},
                                         {"\"", "\"", "PUNCT", 8, "punct"},
                                         {"hostility", "hostility", "NOUN", 4, "advcl"}});
  EXPECT_EQ(code(quoted), std::set<std::string>{"IRQ SYR 112"});
  // "Iraq said Russia was developing into a bloc of aggression": the clause's subject is.
  const Sentence subject = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                          {"said", "say", "VERB", -1, "root"},
                                          {"Russia", "Russia", "PROPN", 4, "nsubj"},
                                          {"was", "be", "AUX", 4, "aux"},
                                          {"developing", "develop", "VERB", 1, "ccomp"},
                                          {"into", "into", "ADP", 7, "case"},
                                          {"a", "a", "DET", 7, "det"},
                                          {"bloc", "bloc", "NOUN", 4, "obl"},
                                          {"of", "of", "ADP", 9, "case"},
                                          {"aggression", "aggression", "NOUN", 7, "nmod"}});
  EXPECT_EQ(code(subject), std::set<std::string>{"IRQ RUS 112"});
  // Without such a word the statement is no event; nor is charging oneself.
  const Sentence plain = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                        {"said", "say", "VERB", -1, "root"},
                                        {"Russia", "Russia", "PROPN", 4, "nsubj"},
                                        {"was", "be", "AUX", 4, "aux"},
                                        {"developing", "develop", "VERB", 1, "ccomp"},
                                        {"into", "into", "ADP", 7, "case"},
                                        {"a", "a", "DET", 7, "det"},
                                        {"bloc", "bloc", "NOUN", 4, "obl"}});
  EXPECT_TRUE(code(plain).empty());
  const Sentence own = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                      {"said", "say", "VERB", -1, "root"},
                                      {"Iraq", "Iraq", "PROPN", 5, "nmod:poss"},
                                      {"'s", "'s", "PART", 2, "case"},
                                      {"hostility", "hostility", "NOUN", 5, "nsubj"},
                                      {"ended", "end", "VERB", 1, "ccomp"}});
  EXPECT_TRUE(code(own).empty());
}

TEST_F(Cameo2Matcher, ClauseOfMeansIsDoneByTheGovernorsSubject) {
  // "Iraq responded by expanding exercises, drawing criticism from Russia": the exercises
  // and the criticism they drew are Iraq's, not the nearest earlier name's.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"responded", "respond", "VERB", -1, "root"},
                                    {"by", "by", "SCONJ", 3, "mark"},
                                    {"expanding", "expand", "VERB", 1, "advcl"},
                                    {"military", "military", "ADJ", 5, "amod"},
                                    {"exercises", "exercise", "NOUN", 3, "obj"},
                                    {",", ",", "PUNCT", 7, "punct"},
                                    {"drawing", "draw", "VERB", 3, "conj"},
                                    {"criticism", "criticism", "NOUN", 7, "obj"},
                                    {"from", "from", "ADP", 10, "case"},
                                    {"Russia", "Russia", "PROPN", 7, "obl"}});
  // MILITARY, a word of the pattern's object, names no target either.
  EXPECT_EQ(code(s), (std::set<std::string>{"IRQ --- 150", "RUS IRQ 111"}));
}

TEST_F(Cameo2Matcher, ParticipleGoingOnWithAClauseOfMeansSharesItsActor) {
  // "Iraq responded by expanding military exercises involving Syria, drawing criticism from
  // Russia", parsed with "drawing" an adverbial clause of "expanding" and "from Russia" a
  // modifier of "criticism": the criticism is still drawn by Iraq (not by Syria, the nearest
  // earlier name) and comes from Russia.
  const Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                    {"responded", "respond", "VERB", -1, "root"},
                                    {"by", "by", "SCONJ", 3, "mark"},
                                    {"expanding", "expand", "VERB", 1, "advcl"},
                                    {"military", "military", "ADJ", 5, "amod"},
                                    {"exercises", "exercise", "NOUN", 3, "obj"},
                                    {"involving", "involve", "VERB", 5, "acl"},
                                    {"Syria", "Syria", "PROPN", 6, "obj"},
                                    {",", ",", "PUNCT", 9, "punct"},
                                    {"drawing", "draw", "VERB", 3, "advcl"},
                                    {"criticism", "criticism", "NOUN", 9, "obj"},
                                    {"from", "from", "ADP", 12, "case"},
                                    {"Russia", "Russia", "PROPN", 10, "nmod"}});
  EXPECT_EQ(code(s), (std::set<std::string>{"IRQ --- 150", "RUS IRQ 111"}));
  // The critic is named by "Russia", not by the pattern's "criticism from Russia".
  const std::vector<std::string> words = dictionary_words(s);
  const CoderOptions options;
  const SentenceContext context{s, words, Date{}, *dictionaries_, options};
  for (const RawEvent& e : match_cameo2(context, static_cast<const Cameo2VerbDictionary&>(dictionaries_->verbs())))
    if (e.code == "111") {
      EXPECT_EQ(e.source.first, 12);
      EXPECT_EQ(e.source.last, 12);
    }
}

TEST_F(Cameo2Matcher, ClauseWithItsOwnSubjectConjoinedToARelativeClauseIsCoded) {
  // "During a session that ended Friday, Iraq called Russia the most reactionary country",
  // parsed with "session" the root, "ended" its relative clause and "called" a conjunct of
  // "ended": "called" heads a clause of its own, with its own subject and object.
  const Sentence s = make_sentence({{"During", "during", "ADP", 2, "case"},
                                    {"a", "a", "DET", 2, "det"},
                                    {"session", "session", "NOUN", -1, "root"},
                                    {"that", "that", "PRON", 4, "nsubj"},
                                    {"ended", "end", "VERB", 2, "acl:relcl"},
                                    {"Friday", "Friday", "PROPN", 4, "obl"},
                                    {",", ",", "PUNCT", 8, "punct"},
                                    {"Iraq", "Iraq", "PROPN", 8, "nsubj"},
                                    {"called", "call", "VERB", 4, "conj"},
                                    {"Russia", "Russia", "PROPN", 8, "obj"},
                                    {"the", "the", "DET", 13, "det"},
                                    {"most", "most", "ADV", 12, "advmod"},
                                    {"reactionary", "reactionary", "ADJ", 13, "amod"},
                                    {"country", "country", "NOUN", 8, "xcomp"}});
  EXPECT_EQ(code(s), std::set<std::string>{"IRQ RUS 111"});
  // A conjunct whose subject is a relative pronoun is still part of the relative clause:
  // "During a session that ended Friday, which pressured Russia".
  const Sentence relative = make_sentence({{"During", "during", "ADP", 2, "case"},
                                           {"a", "a", "DET", 2, "det"},
                                           {"session", "session", "NOUN", -1, "root"},
                                           {"that", "that", "PRON", 4, "nsubj"},
                                           {"ended", "end", "VERB", 2, "acl:relcl"},
                                           {"Friday", "Friday", "PROPN", 4, "obl"},
                                           {",", ",", "PUNCT", 8, "punct"},
                                           {"which", "which", "PRON", 8, "nsubj"},
                                           {"pressured", "pressure", "VERB", 4, "conj"},
                                           {"Russia", "Russia", "PROPN", 8, "obj"}});
  EXPECT_TRUE(code(relative).empty());
  // A conjunct of a reported clause is reported with it, not coded a second time on its own:
  // "Iraq said Russia attacked Syria and the United States attacked Iraq".
  const Sentence reported = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                                           {"said", "say", "VERB", -1, "root"},
                                           {"Russia", "Russia", "PROPN", 3, "nsubj"},
                                           {"attacked", "attack", "VERB", 1, "ccomp"},
                                           {"Syria", "Syria", "PROPN", 3, "obj"},
                                           {"and", "and", "CCONJ", 9, "cc"},
                                           {"the", "the", "DET", 8, "det"},
                                           {"United", "United", "PROPN", 8, "compound"},
                                           {"States", "States", "PROPN", 9, "nsubj"},
                                           {"attacked", "attack", "VERB", 3, "conj"},
                                           {"Iraq", "Iraq", "PROPN", 9, "obj"}});
  EXPECT_EQ(code(reported), (std::set<std::string>{"IRQ RUS 112", "IRQ USA 112"}));
}

TEST_F(Cameo2Matcher, ClauseParsedAsTheSubjectOfAReportIsCoded) {
  // "Russian soldiers attacked Iraq, a court was told", parsed with "attacked" the passive
  // subject of "told": the clause still names who attacked whom.
  const Sentence s = make_sentence({{"Russia", "Russia", "PROPN", 1, "compound"},
                                    {"soldiers", "soldier", "NOUN", 2, "nsubj"},
                                    {"attacked", "attack", "VERB", 8, "nsubj:pass"},
                                    {"Iraq", "Iraq", "PROPN", 2, "obj"},
                                    {",", ",", "PUNCT", 8, "punct"},
                                    {"a", "a", "DET", 6, "det"},
                                    {"court", "court", "NOUN", 8, "obl"},
                                    {"was", "be", "AUX", 8, "aux:pass"},
                                    {"told", "tell", "VERB", -1, "root"}});
  EXPECT_EQ(code(s), std::set<std::string>{"RUSMIL IRQ 190"});
}

TEST_F(Cameo2Matcher, FiniteVerbParsedAsOpenComplementKeepsItsOwnSubject) {
  // "Iraq pressured Syria, Russia attacked Iraq", parsed with the tensed "attacked" an open
  // complement of "pressured": the attack is Russia's alone, not also Syria's.
  Sentence s = make_sentence({{"Iraq", "Iraq", "PROPN", 1, "nsubj"},
                              {"pressured", "pressure", "VERB", -1, "root"},
                              {"Syria", "Syria", "PROPN", 1, "obj"},
                              {",", ",", "PUNCT", 5, "punct"},
                              {"Russia", "Russia", "PROPN", 5, "nsubj"},
                              {"attacked", "attack", "VERB", 1, "xcomp"},
                              {"Iraq", "Iraq", "PROPN", 5, "obj"}});
  s.tokens[5].xpos = "VBD";
  EXPECT_EQ(code(s), (std::set<std::string>{"IRQ SYR 170", "RUS IRQ 190"}));
}

}  // namespace
}  // namespace annals
