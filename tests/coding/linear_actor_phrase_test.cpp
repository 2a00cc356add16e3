#include <gtest/gtest.h>

#include "coding/actor_phrase.h"
#include "linear_fixture.h"

namespace annals {
namespace {

class ActorPhrase : public test::LinearFixture {
 protected:
  std::string phrase(const std::string& text, Date date = Date{20240101}) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
      if (c != ' ') {
        word += c;
      } else if (!word.empty()) {
        words.push_back(word);
        word.clear();
      }
    }
    return code_noun_phrase(words, 0, words.size(), *dictionaries_, date);
  }

  // "code first-last" of each mention of tokens [first, last].
  std::vector<std::string> mentions(const std::string& tree, int first, int last) {
    const Sentence sentence = from_treebank(tree);
    const std::vector<std::string> words = dictionary_words(sentence);
    const CoderOptions options;
    const SentenceContext context{sentence, words, Date{20240101}, *dictionaries_, options};
    std::vector<std::string> out;
    for (const ActorMention& m : resolve_actor_phrase(context, first, last))
      out.push_back(m.code + " " + std::to_string(m.first) + "-" + std::to_string(m.last));
    return out;
  }
};

TEST_F(ActorPhrase, FirstActorThenAgents) {
  EXPECT_EQ(phrase("SYLVANIAN TROOPS"), "SYLMIL");
  EXPECT_EQ(phrase("TROOPS OF SYLVANIA"), "SYLMIL");
  EXPECT_EQ(phrase("THE EVIL FREEDONIA AND SYLVANIA"), "FRE");  // only the first actor
  EXPECT_EQ(phrase("AN AID GROUP IN FREEDONIA"), "NGOFRE");        // prefix agent
  EXPECT_EQ(phrase("THE GOVERNMENT"), "---GOV");
  EXPECT_EQ(phrase("THE DUCHY"), "");
}

TEST_F(ActorPhrase, UnderscoreWordsMustBeAdjacent) {
  EXPECT_EQ(phrase("GRAND FENWICK"), "GFW");
  EXPECT_EQ(phrase("GRAND OLD FENWICK"), "");
}

TEST_F(ActorPhrase, ARepeatedAgentEndsTheComposition) {
  EXPECT_EQ(phrase("FREEDONIA GOVERNMENT MINISTER"), "FREGOV");
  EXPECT_EQ(phrase("FREEDONIA GOVERNMENT MINISTER TROOPS"), "FREGOV");
}

TEST_F(ActorPhrase, CodesFollowTheSentenceDate) {
  EXPECT_EQ(phrase("RURITANIA", Date{19100101}), "RUR");
  EXPECT_EQ(phrase("RURITANIA", Date{19990101}), "RRN");
}

TEST_F(ActorPhrase, CoordinationGivesOneMentionPerConjunct) {
  // "the ministers of Freedonia and Sylvania": the shared words go with each conjunct.
  const std::string tree =
      "(ROOT (S (NP (NP (DT the) (NNS ministers)) (PP (IN of) (NP (NNP Freedonia) (CC and)"
      " (NNP Sylvania)))) (VP (VBD met)) (. .)))";
  EXPECT_EQ(mentions(tree, 0, 5), (std::vector<std::string>{"FREGOV 2-3", "SYLGOV 5-5"}));
  // Without coordination: one mention over the whole span.
  EXPECT_EQ(mentions(tree, 0, 3), (std::vector<std::string>{"FREGOV 0-3"}));
  EXPECT_EQ(mentions(tree, 0, 1), (std::vector<std::string>{"---GOV 0-1"}));
  // Nothing named: no mention.
  EXPECT_TRUE(mentions(tree, 6, 6).empty());
}

}  // namespace
}  // namespace annals
