#include <gtest/gtest.h>

#include "coding/linear_matcher.h"
#include "dictionaries/actors.h"
#include "linear_fixture.h"

namespace annals {
namespace {

using Events = std::multiset<std::string>;
using test::LinearFixture;

TEST_F(LinearFixture, SubjectVerbObject) {
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD restored) (NP (NNS ties))"
                 " (PP (IN with) (NP (NNP Sylvania)))) (. .)))"),
            Events{"FRE SYL 064"});
}

TEST_F(LinearFixture, FirstMatchingPatternGivesTheCode) {
  // "* FULL_TIES": FULL must be followed right away by TIES.
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD restored) (NP (JJ full) (NNS ties))"
                 " (PP (IN with) (NP (NNP Sylvania)))) (. .)))"),
            Events{"FRE SYL 065"});
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD restored) (NP (JJ full) (JJ diplomatic)"
                 " (NNS ties)) (PP (IN with) (NP (NNP Sylvania)))) (. .)))"),
            Events{"FRE SYL 064"});
  // A synset member in the lower sequence.
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD restored) (NP (DT the) (NN link))"
                 " (PP (IN with) (NP (NNP Sylvania)))) (. .)))"),
            Events{"FRE SYL 066"});
}

TEST_F(LinearFixture, PairedCodeGivesBothDirections) {
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD met) (NP (NNP Sylvania))) (. .)))"),
            (Events{"FRE SYL 031", "SYL FRE 032"}));
}

TEST_F(LinearFixture, PassiveVerbSwapsTheActors) {
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD was) (VP (VBN opposed)"
                 " (PP (IN by) (NP (NNP Sylvania))))) (. .)))"),
            Events{"SYL FRE 112"});
}

TEST_F(LinearFixture, CompoundTargetIsExpanded) {
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD attacked) (NP (NNP Sylvania) (CC and)"
                 " (NNP Marxonia))) (. .)))"),
            (Events{"FRE SYL 190", "FRE MRX 190"}));
}

TEST_F(LinearFixture, WordsAroundACompoundGoToEachElement) {
  EXPECT_EQ(code("(ROOT (S (NP (NP (DT the) (NNS ministers)) (PP (IN of) (NP (NNP Sylvania)"
                 " (CC and) (NNP Marxonia)))) (VP (VBD attacked) (NP (NNP Freedonia))) (. .)))"),
            (Events{"SYLGOV FRE 190", "MRXGOV FRE 190"}));
}

TEST_F(LinearFixture, AgentsComposeWithTheActor) {
  // Suffix agent after the actor, prefix agent ("NGO~") before it.
  EXPECT_EQ(code("(ROOT (S (NP (JJ Sylvanian) (NNS troops)) (VP (VBD attacked) (NP (DT an)"
                 " (NN aid) (NN group) (IN in) (NNP Freedonia))) (. .)))"),
            Events{"SYLMIL NGOFRE 190"});
  // An agent alone names an unknown actor of that kind.
  EXPECT_EQ(code("(ROOT (S (NP (DT The) (NN government)) (VP (VBD attacked) (NP (NNP Freedonia)))"
                 " (. .)))"),
            Events{"---GOV FRE 190"});
}

TEST_F(LinearFixture, PercentAfterTheVerbMakesTheCompoundTheTarget) {
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD agreed) (PP (IN with) (NP (NNP Sylvania)"
                 " (CC and) (NNP Marxonia)))) (. .)))"),
            (Events{"FRE SYL 030", "FRE MRX 030"}));
}

TEST_F(LinearFixture, MultiWordVerbNeedsItsParticle) {
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD broke) (PRT (RP off)) (NP (NNS relations))"
                 " (PP (IN with) (NP (NNP Sylvania)))) (. .)))"),
            Events{"FRE SYL 161"});
  // Without OFF, BREAK has no code of its own: no event.
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD broke) (NP (NNS relations))"
                 " (PP (IN with) (NP (NNP Sylvania)))) (. .)))"),
            Events{});
}

TEST_F(LinearFixture, TerminalCommaClauseIsSetAside) {
  const std::string tree =
      "(ROOT (S (S (NP (NNP Freedonia)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with)"
      " (NP (NNP Sylvania))))) (, ,) (NP (DT a) (NN government) (NN minister)) (VP (VBD said)"
      " (PP (IN on) (NP (NNP Saturday)))) (. .)))";
  EXPECT_EQ(code(tree), Events{"FRE SYL 064"});
  CoderOptions keep;
  keep.comma_emax = 0;
  // Kept, the clause's "said" codes: some government to an unknown target ("Saturday").
  EXPECT_EQ(code(tree, keep), (Events{"FRE SYL 064", "---GOV --- 023"}));
}

TEST_F(LinearFixture, AMatchedVerbHidesTheVerbsInsideItsPhrase) {
  EXPECT_EQ(code("(ROOT (S (NP (NNP Freedonia)) (VP (VBD said) (SBAR (S (NP (NNP Sylvania))"
                 " (VP (VBD attacked) (NP (NNP Marxonia)))))) (. .)))"),
            Events{"FRE SYL 023"});
}

TEST_F(LinearFixture, DateRestrictedActorCodes) {
  const std::string tree =
      "(ROOT (S (NP (NNP Ruritania)) (VP (VBD attacked) (NP (NNP Freedonia))) (. .)))";
  EXPECT_EQ(code(tree, {}, Date{19100101}), Events{"RUR FRE 190"});
  EXPECT_EQ(code(tree, {}, Date{20240101}), Events{"RRN FRE 190"});
}

TEST_F(LinearFixture, UnknownActorsAreQuotedUnderNewActorLength) {
  // The possessive 's is not part of the phrase.
  const std::string tree =
      "(ROOT (S (NP (NP (DT The) (NNP Duchy) (POS 's)) (NN army)) (VP (VBD attacked)"
      " (NP (NNP Freedonia))) (. .)))";
  EXPECT_EQ(code(tree), Events{"--- FRE 190"});
  CoderOptions quote;
  quote.new_actor_length = 3;
  EXPECT_EQ(code(tree, quote), Events{"\"THE DUCHY ARMY\" FRE 190"});
  quote.new_actor_length = 2;  // "THE DUCHY ARMY" has two blanks: too long
  EXPECT_EQ(code(tree, quote), Events{"--- FRE 190"});
}

TEST_F(LinearFixture, DatelineIsRecognised) {
  const auto dateline = [&](const std::string& tree) {
    const Sentence sentence = from_treebank(tree);
    const std::vector<std::string> words = dictionary_words(sentence);
    const CoderOptions options;
    return is_linear_dateline(SentenceContext{sentence, words, Date{20240101}, *dictionaries_, options});
  };
  // "FENWICK CITY: -- Freedonia and Sylvania's army ...": a top noun phrase holding a
  // compound.
  EXPECT_TRUE(dateline("(ROOT (NP (NP (NNP FENWICK) (NNP CITY)) (: --) (NP (NP (NNP Freedonia))"
                       " (CC and) (NP (NP (NNP Sylvania) (POS 's)) (NN army)))))"));
  EXPECT_FALSE(dateline("(ROOT (S (NP (NNP Freedonia)) (VP (VBD met) (NP (NNP Sylvania))) (. .)))"));
}

TEST_F(LinearFixture, BrokenTreesAreSafe) {
  // No verb phrase, no phrases with a verb first, a lone word: nothing to code, no crash.
  EXPECT_EQ(code("(ROOT (NP (NNP Freedonia)))"), Events{});
  EXPECT_EQ(code("(X (Y Freedonia))"), Events{});
  EXPECT_EQ(code("(ROOT (S (VP (VBD attacked)) (, ,) (, ,)))"), Events{});
}

TEST_F(LinearFixture, ReferentIsReadAsItsActorWhenThePhraseNamesNone) {
  // "He attacked Sylvania", "he" resolved by the story to Freedonia.
  const Sentence sentence = from_treebank("(ROOT (S (NP (PRP He)) (VP (VBD attacked) (NP (NNP Sylvania))) (. .)))");
  const std::vector<std::string> words = dictionary_words(sentence);
  const auto freedonia = dictionaries_->actors().match(std::vector<std::string>{"FREEDONIA"}, 0);
  ASSERT_TRUE(freedonia);
  const std::vector<Referent> referents{{0, 0, {freedonia->value}}};
  const CoderOptions options;
  const SentenceContext context{sentence, words, Date{20240101}, *dictionaries_, options, &referents};
  Events out;
  for (const RawEvent& e : match_linear(context, verbs())) out.insert(e.source.code + " " + e.target.code + " " + e.code);
  EXPECT_EQ(out, Events{"FRE SYL 190"});
  EXPECT_EQ(code("(ROOT (S (NP (PRP He)) (VP (VBD attacked) (NP (NNP Sylvania))) (. .)))"), Events{"--- SYL 190"});  // without it, no one
}

}  // namespace
}  // namespace annals
