// Story-level coding of raw text with the bundled model and dictionaries: each event's own
// time (and actor codes dated by it), modality and reporting chain.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "annals/coder.h"
#include "annals/pipeline.h"
#include "hand_parsed.h"

namespace annals {
namespace {

class StoryContext : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    parser_ = Parser::load(std::string(ANNALS_SOURCE_DIR) + "/data/models/en.model");
    Diagnostics diagnostics;
    dictionaries_ = Dictionaries::load(
        read_petrarch_config(std::string(ANNALS_SOURCE_DIR) + "/data/dictionaries", diagnostics), diagnostics);
    ASSERT_TRUE(dictionaries_);
  }

  // Events of a story dated 2024-12-28 (a Saturday), one per sentence expected.
  static std::vector<Event> code(const std::string& text) {
    Story story;
    story.id = "s";
    story.date = Date{20241228};
    story.text = text;
    parse_story(story, *parser_, [](Sentence& s) { mark_dictionary_words(s, *dictionaries_); });
    return Coder(dictionaries_).code(story);
  }

  static const Event* find(const std::vector<Event>& events, const std::string& verb) {
    for (const Event& e : events)
      if (e.verb.text == verb) return &e;
    return nullptr;
  }

  static inline std::shared_ptr<const Parser> parser_;
  static inline std::shared_ptr<const Dictionaries> dictionaries_;
};

TEST_F(StoryContext, TermOfOfficeDatesTheEventAndItsActors) {
  const auto events = code("During his first term, Trump criticized Kim three times.");
  const Event* criticized = find(events, "criticized");
  ASSERT_NE(criticized, nullptr);
  EXPECT_EQ(criticized->source.code, "USAGOV");  // Trump was not in office on the story date
  EXPECT_EQ(criticized->target->code, "PRKGOV");
  EXPECT_EQ(criticized->date, Date{20170120});
  EXPECT_EQ(criticized->date_end, Date{20210120});
  EXPECT_EQ(criticized->date_precision, DatePrecision::range);
  EXPECT_TRUE(criticized->historical);
  EXPECT_EQ(criticized->modality, Modality::asserted);
}

TEST_F(StoryContext, AVaguelyDatedMeetingTakesTheDaysTheTwoAreKnownToHaveMet) {
  // annals.meetings.txt: Singapore 2018-06-12, Hanoi 2019-02-27/28, Panmunjom 2019-06-30.
  const auto events = code("During his first term, Trump met with Kim three times. Trump met Kim in 2019.");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].date, Date{20180612});
  EXPECT_EQ(events[0].date_end, Date{20190630});
  EXPECT_EQ(events[0].date_precision, DatePrecision::range);
  EXPECT_EQ(events[0].source.code, "USAGOV");
  EXPECT_TRUE(events[0].historical);
  EXPECT_EQ(events[1].date, Date{20190227});
  EXPECT_EQ(events[1].date_end, Date{20190630});
  // No known meeting of these two: the term as the text gives it.
  const auto unknown = code("During his first term, Trump met with Moon Jae-in.");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].date, Date{20170120});
  EXPECT_EQ(unknown[0].date_end, Date{20210120});
}

TEST_F(StoryContext, RelativeTimesResolveAgainstTheStoryDate) {
  const auto events = code("Kim met Putin in Moscow last month. Putin will visit Pyongyang next week.");
  const Event* met = find(events, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->date, Date{20241101});
  EXPECT_EQ(met->date_end, Date{20241130});
  EXPECT_EQ(met->date_precision, DatePrecision::month);
  EXPECT_TRUE(met->historical);
  const Event* visit = find(events, "visit");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->date, Date{20241230});  // the Monday after the story's Saturday
  EXPECT_EQ(visit->modality, Modality::future);
  EXPECT_FALSE(visit->historical);
}

TEST_F(StoryContext, NegatedAndHypotheticalEventsAreKeptAndFlagged) {
  const auto events = code("Kim did not meet Biden in 2023. Russia could attack Ukraine.");
  const Event* meet = find(events, "meet");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->modality, Modality::negated);
  EXPECT_EQ(meet->date_precision, DatePrecision::year);
  const Event* attack = find(events, "attack");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->modality, Modality::hypothetical);
  EXPECT_EQ(attack->date_precision, DatePrecision::story);
  EXPECT_EQ(attack->date, Date{20241228});
}

TEST_F(StoryContext, ACombinedCodeIsTheUpperVerbsAsserted) {
  // The appeal happened; the release it asks for did not (yet).
  const auto events = code("France urged Iran last week to release the prisoners.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].cameo, "0253");
  EXPECT_EQ(events[0].verb.text, "urged");
  EXPECT_EQ(events[0].modality, Modality::asserted);
  EXPECT_EQ(events[0].date_precision, DatePrecision::week);
}

TEST_F(StoryContext, ReportingChainIsRecordedWithActorCodes) {
  const auto events = code("Kim met Putin in Moscow, KCNA reported.");
  const Event* met = find(events, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_EQ(met->attribution.size(), 1u);
  EXPECT_EQ(met->attribution[0].relation, "reported");
  EXPECT_EQ(met->attribution[0].source.text, "KCNA");
  EXPECT_EQ(met->attribution[0].source.code, "PRKMED");
}

TEST_F(StoryContext, PersonalPronounsReferToTheLatestOfficeHolder) {
  const auto events = code("Putin arrived in Pyongyang on Friday. He met Kim in the capital.");
  const Event* met = find(events, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->source.code, "RUSGOV");
  EXPECT_EQ(met->source.text, "He");
  EXPECT_EQ(met->target->code, "PRKGOV");
}

TEST_F(StoryContext, DescriptionsReferToTheLatestOfficeHolderOrOutlet) {
  // "the agency": the outlet named last (Xinhua, not the Associated Press before it), in
  // the reporting chain as in an event; "the president": the office holder named last.
  const auto events = code(
      "The Associated Press reported that Putin arrived in Beijing, citing Xinhua. "
      "The agency said that the president met Xi Jinping. The agency criticized Japan.");
  const Event* met = find(events, "met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->source.code, "RUSGOV");
  EXPECT_EQ(met->source.text, "the president");
  ASSERT_FALSE(met->attribution.empty());
  EXPECT_EQ(met->attribution[0].source.text, "The agency");
  EXPECT_EQ(met->attribution[0].source.code, "CHNMED");
  const Event* criticized = find(events, "criticized");
  ASSERT_NE(criticized, nullptr);
  EXPECT_EQ(criticized->source.code, "CHNMED");
  EXPECT_EQ(criticized->target->code, "JPN");
  // With no outlet named before, "the agency" stays uncoded.
  const auto alone = code("The agency said that Putin met Xi Jinping.");
  const Event* met_alone = find(alone, "met");
  ASSERT_NE(met_alone, nullptr);
  ASSERT_FALSE(met_alone->attribution.empty());
  EXPECT_EQ(met_alone->attribution[0].source.code, "");
  // "the president of France" says whose president it is: no reference back to Putin.
  const auto named = code("Putin arrived in Beijing. The president of France criticized Japan.");
  const Event* french = find(named, "criticized");
  ASSERT_NE(french, nullptr);
  EXPECT_EQ(french->source.code, "FRAGOV");
}

TEST_F(StoryContext, KnownNamesArePresetAsProperNounsAgentPluralsAsNounsButNotDemonymModifiers) {
  Sentence sentence = tokenized_sentence("Kenyan police met Pyongyang officials and Kenya.",
                                         segment("Kenyan police met Pyongyang officials and Kenya.").front());
  mark_dictionary_words(sentence, *dictionaries_);
  EXPECT_EQ(sentence.tokens[0].upos, "");       // "Kenyan police": left to the tagger
  EXPECT_EQ(sentence.tokens[3].upos, "PROPN");  // "Pyongyang officials"
  EXPECT_EQ(sentence.tokens[6].upos, "PROPN");  // "Kenya"
  EXPECT_EQ(sentence.tokens[1].upos, "");       // not a name, nor a plural
  EXPECT_EQ(sentence.tokens[4].xpos, "NNS");    // "officials": an agent's plural
  // ... and the police are the source of the event.
  const auto events = code("Kenyan police attacked protesters.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.code, "KENCOP");
}

TEST_F(StoryContext, PluralReferencesAreTheLatestTwoOfficeHolders) {
  // "their" and "the two": Trump and Kim, named in the sentence before, each coded as of
  // the event's own date (Trump governed in 2019).
  const auto events = code(
      "Trump once said that he and Kim fell in love. But their talks collapsed in 2019. "
      "Experts doubt that the two will meet again.");
  std::set<std::string> collapsed, meet;
  for (const Event& e : events) {
    if (e.verb.text == "collapsed")
      collapsed.insert(e.source.code + " " + (e.target ? e.target->code : "") + " " + e.cameo + " " + e.date.iso());
    if (e.verb.text == "meet") meet.insert(e.source.code + " " + (e.target ? e.target->code : "") + " " + e.cameo);
  }
  EXPECT_EQ(collapsed, (std::set<std::string>{"USAGOV PRKGOV 164 2019-01-01", "PRKGOV USAGOV 164 2019-01-01"}));
  EXPECT_EQ(meet, (std::set<std::string>{"USAELI PRKGOV 040", "PRKGOV USAELI 040"}));
  // Without two office holders named just before, "they" refers to no one.
  EXPECT_TRUE(code("Their talks collapsed in 2019.").empty());
}

TEST_F(StoryContext, TheLeadsReportingChainAttributesTheWholeReport) {
  const auto events = code(
      "Kim has criticized the United States, the Associated Press reported, quoted by BTA, citing local media. "
      "Kim met Putin in Moscow last month. Putin met Kim in Pyongyang, KCNA reported.");
  const Event* criticized = find(events, "criticized");
  ASSERT_NE(criticized, nullptr);
  ASSERT_EQ(criticized->attribution.size(), 3u);
  EXPECT_EQ(criticized->attribution[0].source.text, "the Associated Press");
  EXPECT_EQ(criticized->attribution[0].relation, "reported");
  EXPECT_EQ(criticized->attribution[1].source.code, "BGRMED");
  EXPECT_EQ(criticized->attribution[1].relation, "quoted_by");
  EXPECT_EQ(criticized->attribution[2].relation, "citing");
  EXPECT_EQ(criticized->attribution[0].sentence, -1);  // stated in its own sentence
  // A later sentence without a source of its own carries the lead's chain, marked as such.
  const Event* met = nullptr;
  for (const Event& e : events)
    if (e.sentence == 1) met = &e;
  ASSERT_NE(met, nullptr);
  ASSERT_EQ(met->attribution.size(), 3u);
  EXPECT_EQ(met->attribution[1].source.text, "BTA");
  EXPECT_EQ(met->attribution[1].sentence, 0);
  // One that names its own source keeps it.
  const Event* pyongyang = nullptr;
  for (const Event& e : events)
    if (e.sentence == 2) pyongyang = &e;
  ASSERT_NE(pyongyang, nullptr);
  ASSERT_EQ(pyongyang->attribution.size(), 1u);
  EXPECT_EQ(pyongyang->attribution[0].source.code, "PRKMED");
}

TEST_F(StoryContext, AQuotedSpeakersOutletIsCreditedWithHisNeighbouringStatements) {
  const auto events = code(
      "Kim criticized the United States, the Associated Press reported. "
      "Kim accused Japan of aggression. "
      "\"We will advance\", Kim was quoted as saying by KCNA. "
      "Putin met Xi in Beijing.");
  const Event* accused = find(events, "accused");
  ASSERT_NE(accused, nullptr);
  ASSERT_EQ(accused->attribution.size(), 3u);
  EXPECT_EQ(accused->attribution[0].relation, "said");
  EXPECT_EQ(accused->attribution[0].sentence, 2);
  EXPECT_EQ(accused->attribution[1].relation, "quoted_by");
  EXPECT_EQ(accused->attribution[1].source.code, "PRKMED");
  EXPECT_EQ(accused->attribution[2].source.text, "the Associated Press");  // the lead's, behind
  // Another speaker's event keeps the lead's chain only.
  const Event* met = find(events, "met");
  ASSERT_NE(met, nullptr);
  ASSERT_EQ(met->attribution.size(), 1u);
  EXPECT_EQ(met->attribution[0].sentence, 0);
}

TEST_F(StoryContext, StatementsChargingHostilityAreAccusations) {
  const auto events = code(
      "Last month, Kim said the talks had only confirmed Washington's hostility towards his country.");
  const Event* said = find(events, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->source.code, "PRKGOV");
  ASSERT_TRUE(said->target);
  EXPECT_EQ(said->target->code, "USAGOV");
  EXPECT_EQ(said->cameo, "112");
  EXPECT_EQ(said->date_precision, DatePrecision::month);
  EXPECT_EQ(said->date, Date{20241101});
}

TEST_F(StoryContext, TermOfTheHolderNamedInThePreviousSentence) {
  // "his first term" with no holder in its own sentence: the holder named just before.
  const auto events = code("Trump won the election in November. During his first term, he criticized Kim three times.");
  const Event* criticized = find(events, "criticized");
  ASSERT_NE(criticized, nullptr);
  EXPECT_EQ(criticized->date, Date{20170120});
  EXPECT_EQ(criticized->date_precision, DatePrecision::range);
  EXPECT_EQ(criticized->source.code, "USAGOV");
}

// "North Korean leader Kim Jong-un has vowed to implement the policy." with the title and the name
// parsed as two arguments of "vowed" (here two subjects; an oblique and a subject reads alike):
// adjacent pieces of one name phrase are one actor, never the source and target of an event
// between it and itself.
TEST_F(StoryContext, TitleAndNameParsedApartAreNoEventBetweenThem) {
  Sentence s = hand_parsed::make_sentence({{"North", "North", "PROPN", 1, "compound"},
                                           {"Korean", "Korean", "PROPN", 2, "compound"},
                                           {"leader", "leader", "NOUN", 6, "nsubj"},
                                           {"Kim", "Kim", "PROPN", 6, "nsubj"},
                                           {"Jong-un", "Jong-un", "PROPN", 3, "flat"},
                                           {"has", "have", "AUX", 6, "aux"},
                                           {"vowed", "vow", "VERB", -1, "root"},
                                           {"to", "to", "PART", 8, "mark"},
                                           {"implement", "implement", "VERB", 6, "xcomp"},
                                           {"the", "the", "DET", 10, "det"},
                                           {"policy", "policy", "NOUN", 8, "obj"},
                                           {".", ".", "PUNCT", 6, "punct"}});
  const char* tags[] = {"NNP", "NNP", "NN", "NNP", "NNP", "VBZ", "VBN", "TO", "VB", "DT", "NN", "."};
  for (size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].xpos = tags[i];
  const SentenceCoding coded = Coder(dictionaries_).code(s, Date{20241228});
  for (const Event& event : coded.events)
    EXPECT_FALSE(event.target && event.source.text == "North Korean leader" && event.target->text == "Kim Jong-un")
        << event.cameo << " " << event.verb.text;
  // Actors apart in the sentence are still coded against each other.
  Sentence met = hand_parsed::make_sentence({{"Kim", "Kim", "PROPN", 1, "nsubj"},
                                             {"met", "meet", "VERB", -1, "root"},
                                             {"Putin", "Putin", "PROPN", 1, "obj"},
                                             {".", ".", "PUNCT", 1, "punct"}});
  const SentenceCoding meeting = Coder(dictionaries_).code(met, Date{20241228});
  ASSERT_EQ(meeting.events.size(), 1u);
  EXPECT_EQ(meeting.events[0].source.text, "Kim");
  ASSERT_TRUE(meeting.events[0].target);
  EXPECT_EQ(meeting.events[0].target->text, "Putin");
}

}  // namespace
}  // namespace annals
