#include "annals/modality.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "annals/parse.h"
#include "annals/parser.h"
#include "annals/pipeline.h"

namespace annals {
namespace {

const Parser& parser() {
  static auto loaded = Parser::load(std::string(ANNALS_SOURCE_DIR) + "/data/models/en.model");
  return *loaded;
}

Sentence parse_one(std::string_view text) {
  auto sentences = parse_text(text, parser());
  EXPECT_EQ(sentences.size(), 1u) << text;
  return sentences.empty() ? Sentence{} : sentences.front();
}

// Index of the n-th token written `form` (n from 0); fails the test when there is none.
int token(const Sentence& s, std::string_view form, int n = 0) {
  for (int i = 0; i < static_cast<int>(s.tokens.size()); ++i)
    if (s.tokens[i].form == form && n-- == 0) return i;
  ADD_FAILURE() << "no token '" << form << "' in: " << s.text;
  return -1;
}

// "modality@cue", e.g. "future@vowed", "asserted@".
std::string reading(const Sentence& s, std::string_view form, int n = 0) {
  const ModalityReading r = modality_of(s, token(s, form, n));
  std::string out(to_string(r.modality));
  out += '@';
  if (r.cue >= 0) out += s.tokens[r.cue].form;
  return out;
}

// "the Associated Press reported | BTA quoted_by | ..."; a source the text does not name is "?".
std::string chain(const Sentence& s, std::string_view form, int n = 0) {
  std::string out;
  for (const AttributionSource& source : attribution_of(s, token(s, form, n))) {
    if (!out.empty()) out += " | ";
    const std::string_view words = source_text(s, source);
    out += words.empty() ? std::string_view("?") : words;
    out += ' ';
    out += source.relation;
  }
  return out;
}

bool reporting(const Sentence& s, std::string_view form, int n = 0) { return is_reporting(s, token(s, form, n)); }

// ---- The example story, parsed by the bundled parser ---------------------------------------------

TEST(StoryModality, VowedActIsFutureAndCarriesTheWholeNewsChain) {
  const Sentence s = parse_one(
      "North Korean leader Kim Jong-un has vowed to implement the \"most categorical\" anti-American "
      "policy, the Associated Press reported, quoted by BTA, citing local media.");
  EXPECT_EQ(reading(s, "implement"), "future@vowed");
  EXPECT_EQ(reading(s, "vowed"), "asserted@");
  EXPECT_EQ(chain(s, "implement"), "the Associated Press reported | BTA quoted_by | local media citing");
  EXPECT_EQ(chain(s, "vowed"), "the Associated Press reported | BTA quoted_by | local media citing");
  EXPECT_TRUE(reporting(s, "reported"));
  EXPECT_TRUE(reporting(s, "quoted"));
  EXPECT_TRUE(reporting(s, "citing"));
  EXPECT_FALSE(reporting(s, "vowed"));
  EXPECT_FALSE(reporting(s, "implement"));
}

TEST(StoryModality, LikelihoodOfDiplomacyIsHypothetical) {
  const Sentence s = parse_one(
      "Donald Trump's return to the White House increases the likelihood of high-level diplomacy with "
      "North Korea.");
  EXPECT_EQ(reading(s, "diplomacy"), "hypothetical@likelihood");
  EXPECT_EQ(reading(s, "return"), "asserted@");
  EXPECT_EQ(reading(s, "increases"), "asserted@");
  EXPECT_EQ(chain(s, "diplomacy"), "");
}

TEST(StoryModality, DisbeliefLeavesTheResumptionOpenNotNegated) {
  const Sentence s = parse_one(
      "But many experts do not believe that talks between the two will resume anytime soon, as Trump is "
      "expected to focus first on the conflicts in Ukraine and the Middle East.");
  EXPECT_EQ(reading(s, "resume"), "hypothetical@believe");
  EXPECT_EQ(reading(s, "talks"), "hypothetical@believe");
  EXPECT_EQ(reading(s, "believe"), "negated@not");
  // Being expected to do something is a scheduled future, not the experts' disbelief.
  EXPECT_EQ(reading(s, "focus"), "future@expected");
  EXPECT_EQ(reading(s, "conflicts"), "asserted@");  // what Trump will focus on exists already
}

TEST(StoryModality, QuotedAsSayingNamesSpeakerThenAgency) {
  const Sentence s = parse_one(
      "\xE2\x80\x9CThis clearly shows in which direction we should advance, what and how to do\xE2\x80\x9C, "
      "Kim was quoted as saying by the official Korean Central News Agency (KCNA).");
  EXPECT_EQ(chain(s, "shows"), "Kim said | the official Korean Central News Agency (KCNA) quoted_by");
  EXPECT_EQ(reading(s, "shows"), "asserted@");
  EXPECT_EQ(reading(s, "advance"), "hypothetical@should");
  EXPECT_TRUE(reporting(s, "quoted"));
  EXPECT_TRUE(reporting(s, "saying"));
  EXPECT_FALSE(reporting(s, "shows"));
}

TEST(StoryModality, UnspecifiedIsNegatedAndTheSaidGoalsAreTheAgencys) {
  const Sentence s = parse_one(
      "The KCNA did not specify what the anti-US strategy would be, but said Kim had set goals to "
      "strengthen military capabilities through advances in defence technology and stressed the need to "
      "improve the resilience of the North Korean soldier.");
  EXPECT_EQ(reading(s, "specify"), "negated@not");
  EXPECT_EQ(reading(s, "set"), "asserted@");
  EXPECT_EQ(chain(s, "set"), "The KCNA said");
  EXPECT_EQ(chain(s, "specify"), "");
  EXPECT_TRUE(reporting(s, "said"));
  EXPECT_FALSE(reporting(s, "stressed"));  // "stressed the need": a noun object, no reported clause
  EXPECT_EQ(reading(s, "improve"), "hypothetical@need");
}

TEST(StoryModality, PastMeetingIsAsserted) {
  const Sentence s = parse_one("During his first term, Trump met with Kim three times to discuss Pyongyang's "
                               "nuclear program.");
  EXPECT_EQ(reading(s, "met"), "asserted@");
  EXPECT_EQ(chain(s, "met"), "");
  EXPECT_FALSE(reporting(s, "met"));
}

TEST(StoryModality, NotOnlyIsNotNegation) {
  const Sentence s = parse_one(
      "Previous meetings between Trump and Kim not only ended their then-current exchange of threats of "
      "annihilation, but also developed a personal relationship between them.");
  EXPECT_EQ(reading(s, "ended"), "asserted@");
}

TEST(StoryModality, ChallengeToARevivalLeavesTheEffortsOpen) {
  const Sentence s = parse_one(
      "North Korea's support for Russia in the war in Ukraine also poses a challenge to the revival of "
      "diplomatic efforts.");
  EXPECT_EQ(reading(s, "efforts"), "hypothetical@challenge");
  EXPECT_EQ(reading(s, "revival"), "hypothetical@challenge");
  EXPECT_EQ(reading(s, "support"), "asserted@");
}

TEST(StoryModality, ThatClauseOfSaid) {
  const Sentence s = parse_one("Trump once even said that he and Kim \"fell in love\".");
  EXPECT_EQ(chain(s, "fell"), "Trump said");
  EXPECT_EQ(reading(s, "fell"), "asserted@");
}

// ---- Plain cues, parsed ------------------------------------------------------------------------

TEST(Modality, Negation) {
  EXPECT_EQ(reading(parse_one("Putin did not meet Erdogan in Ankara."), "meet"), "negated@not");
  EXPECT_EQ(reading(parse_one("Kim has never visited Washington."), "visited"), "negated@never");
  // Negation of the predicate itself beats the future.
  EXPECT_EQ(reading(parse_one("Trump will not meet Kim."), "meet"), "negated@not");
}

TEST(Modality, ModalsAndConditions) {
  EXPECT_EQ(reading(parse_one("Russia could attack Ukraine again."), "attack"), "hypothetical@could");
  const Sentence conditional = parse_one("If Russia attacks Ukraine, NATO will respond.");
  EXPECT_EQ(reading(conditional, "attacks"), "hypothetical@If");
  EXPECT_EQ(reading(conditional, "respond"), "hypothetical@If");
}

TEST(Modality, FutureAndIntent) {
  const Sentence plans = parse_one("The president plans to visit Seoul next month.");
  EXPECT_EQ(reading(plans, "visit"), "future@plans");
  EXPECT_EQ(reading(plans, "plans"), "asserted@");
  const Sentence resume = parse_one("Talks between the two countries will resume on Monday.");
  EXPECT_EQ(reading(resume, "resume"), "future@will");
  EXPECT_EQ(reading(resume, "Talks"), "future@will");
  EXPECT_EQ(reading(parse_one("Japan is going to send troops."), "send"), "future@going");
  EXPECT_EQ(reading(parse_one("China is expected to impose sanctions on Japan."), "impose"), "future@expected");
  // A headline's infinitive announces.
  EXPECT_EQ(reading(parse_one("US to send more troops to Iraq"), "send"), "future@to");
  // Agreeing is itself an event (CAMEO 03): the agreement is asserted, the agreed act future.
  const Sentence agreed = parse_one("Washington agreed to lift sanctions on Cuba.");
  EXPECT_EQ(reading(agreed, "lift"), "future@agreed");
  EXPECT_EQ(reading(agreed, "agreed"), "asserted@");
}

TEST(Modality, GoverningVerbs) {
  const Sentence refused = parse_one("Iran refused to negotiate with the United States.");
  EXPECT_EQ(reading(refused, "negotiate"), "negated@refused");
  EXPECT_EQ(reading(refused, "refused"), "asserted@");
  // The threat is asserted (it is the event), the threatened act is not.
  const Sentence threat = parse_one("North Korea threatened to attack South Korea.");
  EXPECT_EQ(reading(threat, "attack"), "hypothetical@threatened");
  EXPECT_EQ(reading(threat, "threatened"), "asserted@");
  EXPECT_EQ(reading(parse_one("Experts believe that Iran will attack Israel."), "attack"), "hypothetical@believe");
}

TEST(Modality, WouldInReportedSpeechIsFuture) {
  const Sentence s = parse_one("Kim said he would visit Seoul.");
  EXPECT_EQ(reading(s, "visit"), "future@would");
  EXPECT_EQ(chain(s, "visit"), "Kim said");
  EXPECT_TRUE(reporting(s, "said"));
}

TEST(Modality, EventNouns) {
  EXPECT_EQ(reading(parse_one("There were no talks between the two sides."), "talks"), "negated@no");
  EXPECT_EQ(reading(parse_one("The EU is considering possible sanctions against Iran."), "sanctions"),
            "hypothetical@possible");
  EXPECT_EQ(reading(parse_one("The planned talks in Geneva were cancelled."), "talks"), "future@planned");
  EXPECT_EQ(reading(parse_one("Iran's refusal to negotiate angered Washington."), "negotiate"), "negated@refusal");
  // Having no plans leaves the invasion open; it does not deny it happened.
  const Sentence plans = parse_one("Ankara says it has no plans to invade Syria.");
  EXPECT_EQ(reading(plans, "invade"), "hypothetical@plans");
  EXPECT_EQ(chain(plans, "invade"), "Ankara said");
  // An adjunct keeps its own reality; the subject shares the verb's.
  const Sentence resume = parse_one("The talks did not resume after the election.");
  EXPECT_EQ(reading(resume, "talks"), "negated@not");
  EXPECT_EQ(reading(resume, "election"), "asserted@");
}

TEST(Modality, HopesUrgingsLikelihoodFailureDenial) {
  EXPECT_EQ(reading(parse_one("Kim hopes to meet Trump next year."), "meet"), "hypothetical@hopes");
  EXPECT_EQ(reading(parse_one("The UN urged Israel to halt the offensive."), "halt"), "hypothetical@urged");
  EXPECT_EQ(reading(parse_one("Russia is likely to attack again."), "attack"), "hypothetical@likely");
  EXPECT_EQ(reading(parse_one("The army failed to capture the city."), "capture"), "negated@failed");
  EXPECT_EQ(reading(parse_one("Turkey denied attacking Kurdish positions."), "attacking"), "negated@denied");
  EXPECT_EQ(reading(parse_one("Moscow warned that it would retaliate unless NATO withdrew."), "withdrew"),
            "hypothetical@unless");
  // Calling someone something is no hedge.
  EXPECT_EQ(reading(parse_one("Kim called the United States a threat."), "threat"), "asserted@");
}

TEST(Modality, Coordination) {
  // A conjunct with its own verb phrase keeps its polarity...
  EXPECT_EQ(reading(parse_one("Russia did not attack Kyiv but shelled Kharkiv."), "shelled"), "asserted@");
  // ... and shares the auxiliary it has not got.
  EXPECT_EQ(reading(parse_one("Russia will either attack or negotiate."), "negotiate"), "future@will");
}

// ---- Attribution, parsed -------------------------------------------------------------------------

TEST(Attribution, PostposedSpeaker) {
  const Sentence s = parse_one("Russia attacked Kharkiv overnight, Ukrainian officials said.");
  EXPECT_EQ(chain(s, "attacked"), "Ukrainian officials said");
  EXPECT_EQ(reading(s, "attacked"), "asserted@");
  EXPECT_TRUE(reporting(s, "said"));
}

TEST(Attribution, AccordingTo) {
  const Sentence s = parse_one("Russia shelled Kharkiv, according to Ukrainian officials.");
  EXPECT_EQ(chain(s, "shelled"), "Ukrainian officials according_to");
}

TEST(Attribution, AnnouncingANounIsAnEventNotAReport) {
  const Sentence s = parse_one("The minister announced new sanctions against Russia.");
  EXPECT_FALSE(reporting(s, "announced"));
  EXPECT_EQ(reading(s, "sanctions"), "asserted@");
}

TEST(Attribution, ReporterCitingSources) {
  const Sentence s = parse_one("Reuters, citing two sources, reported that Iran had tested a missile.");
  EXPECT_EQ(chain(s, "tested"), "Reuters reported | two sources citing");
  EXPECT_TRUE(reporting(s, "reported"));
  EXPECT_TRUE(reporting(s, "citing"));
}

TEST(Attribution, CitingAReasonIsNotASource) {
  const Sentence s = parse_one("Police arrested five protesters, citing security concerns.");
  EXPECT_EQ(chain(s, "arrested"), "");
  EXPECT_FALSE(reporting(s, "citing"));
}

TEST(Attribution, UnnamedAndParentheticalSources) {
  EXPECT_EQ(chain(parse_one("It was reported that Iran had tested a missile."), "tested"), "? reported");
  EXPECT_EQ(chain(parse_one("Kim reportedly met Putin in Vladivostok."), "met"), "? reported");
  EXPECT_EQ(chain(parse_one("The troops withdrew from the city according to plan."), "withdrew"), "");
  const Sentence beijing = parse_one("Beijing, according to state media, will send a delegation to Moscow.");
  EXPECT_EQ(chain(beijing, "send"), "state media according_to");
  EXPECT_EQ(reading(beijing, "send"), "future@will");
}

TEST(Attribution, QuotationsAndStatements) {
  const Sentence told = parse_one("\"We will not negotiate with terrorists,\" the minister told reporters.");
  EXPECT_EQ(chain(told, "negotiate"), "the minister told");
  EXPECT_EQ(reading(told, "negotiate"), "negated@not");
  EXPECT_TRUE(reporting(told, "told"));
  const Sentence statement = parse_one("Israel struck Gaza on Sunday, the army said in a statement.");
  EXPECT_EQ(chain(statement, "struck"), "the army said");
  const Sentence remain = parse_one("The ministry said the sanctions would remain.");
  EXPECT_EQ(reading(remain, "remain"), "future@would");
  EXPECT_EQ(chain(remain, "remain"), "The ministry said");
}

// ---- Exact trees (CoNLL-U) ------------------------------------------------------------------------

std::string conllu(std::initializer_list<std::string_view> rows) {
  std::string out;
  for (std::string_view row : rows) {
    out += row;
    out += '\n';
  }
  return out;
}

// The story's first sentence as UD annotates it: the postposed report is parataxis of the claim,
// the participles hang under the report.
TEST(ExactTree, ParataxisReportWithParticipleChain) {
  const auto sentences = from_conllu(conllu({
      "1\tKim\tKim\tPROPN\tNNP\t_\t3\tnsubj\t_\t_",
      "2\thas\thave\tAUX\tVBZ\t_\t3\taux\t_\t_",
      "3\tvowed\tvow\tVERB\tVBN\t_\t0\troot\t_\t_",
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_",
      "5\timplement\timplement\tVERB\tVB\t_\t3\txcomp\t_\t_",
      "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_",
      "7\tpolicy\tpolicy\tNOUN\tNN\t_\t5\tobj\t_\tSpaceAfter=No",
      "8\t,\t,\tPUNCT\t,\t_\t11\tpunct\t_\t_",
      "9\tthe\tthe\tDET\tDT\t_\t10\tdet\t_\t_",
      "10\tAP\tAP\tPROPN\tNNP\t_\t11\tnsubj\t_\t_",
      "11\treported\treport\tVERB\tVBD\t_\t3\tparataxis\t_\tSpaceAfter=No",
      "12\t,\t,\tPUNCT\t,\t_\t13\tpunct\t_\t_",
      "13\tquoted\tquote\tVERB\tVBN\t_\t11\tadvcl\t_\t_",
      "14\tby\tby\tADP\tIN\t_\t15\tcase\t_\t_",
      "15\tBTA\tBTA\tPROPN\tNNP\t_\t13\tobl:agent\t_\tSpaceAfter=No",
      "16\t,\t,\tPUNCT\t,\t_\t17\tpunct\t_\t_",
      "17\tciting\tcite\tVERB\tVBG\t_\t11\tadvcl\t_\t_",
      "18\tlocal\tlocal\tADJ\tJJ\t_\t19\tamod\t_\t_",
      "19\tmedia\tmedia\tNOUN\tNNS\t_\t17\tobj\t_\tSpaceAfter=No",
      "20\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0];
  EXPECT_EQ(chain(s, "implement"), "the AP reported | BTA quoted_by | local media citing");
  EXPECT_EQ(reading(s, "implement"), "future@vowed");
  EXPECT_TRUE(reporting(s, "reported"));
  EXPECT_TRUE(reporting(s, "quoted"));
  EXPECT_TRUE(reporting(s, "citing"));
}

// "This shows the way, Kim was quoted as saying by KCNA." with the quotation as the complement of
// "saying" and the agency as the agent of "quoted".
TEST(ExactTree, QuotationUnderSaying) {
  const auto sentences = from_conllu(conllu({
      "1\tThis\tthis\tPRON\tDT\t_\t2\tnsubj\t_\t_",
      "2\tshows\tshow\tVERB\tVBZ\t_\t10\tccomp\t_\t_",
      "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_",
      "4\tway\tway\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No",
      "5\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_",
      "6\tKim\tKim\tPROPN\tNNP\t_\t8\tnsubj:pass\t_\t_",
      "7\twas\tbe\tAUX\tVBD\t_\t8\taux:pass\t_\t_",
      "8\tquoted\tquote\tVERB\tVBN\t_\t0\troot\t_\t_",
      "9\tas\tas\tSCONJ\tIN\t_\t10\tmark\t_\t_",
      "10\tsaying\tsay\tVERB\tVBG\t_\t8\tadvcl\t_\t_",
      "11\tby\tby\tADP\tIN\t_\t12\tcase\t_\t_",
      "12\tKCNA\tKCNA\tPROPN\tNNP\t_\t8\tobl:agent\t_\tSpaceAfter=No",
      "13\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0];
  EXPECT_EQ(chain(s, "shows"), "Kim said | KCNA quoted_by");
  EXPECT_TRUE(reporting(s, "saying"));
  EXPECT_TRUE(reporting(s, "quoted"));
}

// "Experts do not believe that talks will resume." as UD annotates it: "talks" is the subject of
// "resume", which is the complement of "believe".
TEST(ExactTree, DisbeliefOverAFutureComplement) {
  const auto sentences = from_conllu(conllu({
      "1\tExperts\texpert\tNOUN\tNNS\t_\t4\tnsubj\t_\t_",
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_",
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
      "4\tbelieve\tbelieve\tVERB\tVB\t_\t0\troot\t_\t_",
      "5\tthat\tthat\tSCONJ\tIN\t_\t8\tmark\t_\t_",
      "6\ttalks\ttalk\tNOUN\tNNS\t_\t8\tnsubj\t_\t_",
      "7\twill\twill\tAUX\tMD\t_\t8\taux\t_\t_",
      "8\tresume\tresume\tVERB\tVB\t_\t4\tccomp\t_\tSpaceAfter=No",
      "9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0];
  EXPECT_EQ(reading(s, "resume"), "hypothetical@believe");
  EXPECT_EQ(reading(s, "talks"), "hypothetical@believe");
  EXPECT_EQ(reading(s, "believe"), "negated@not");
  EXPECT_EQ(chain(s, "resume"), "");
}

// An adverbial clause lies within the beliefs and intentions above it unless it is a finite past
// clause, which keeps its own reality: "Kim vowed to retaliate after Seoul attacked" /
// "Experts think Kim will retaliate after Seoul attacks".
TEST(ExactTree, AdverbialClauses) {
  const auto past = from_conllu(conllu({
      "1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
      "2\tvowed\tvow\tVERB\tVBD\t_\t0\troot\t_\t_",
      "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_",
      "4\tretaliate\tretaliate\tVERB\tVB\t_\t2\txcomp\t_\t_",
      "5\tafter\tafter\tSCONJ\tIN\t_\t7\tmark\t_\t_",
      "6\tSeoul\tSeoul\tPROPN\tNNP\t_\t7\tnsubj\t_\t_",
      "7\tattacked\tattack\tVERB\tVBD\t_\t4\tadvcl\t_\tSpaceAfter=No",
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(past.size(), 1u);
  EXPECT_EQ(reading(past[0], "retaliate"), "future@vowed");
  EXPECT_EQ(reading(past[0], "attacked"), "asserted@");

  const auto open = from_conllu(conllu({
      "1\tExperts\texpert\tNOUN\tNNS\t_\t2\tnsubj\t_\t_",
      "2\tthink\tthink\tVERB\tVBP\t_\t0\troot\t_\t_",
      "3\tKim\tKim\tPROPN\tNNP\t_\t5\tnsubj\t_\t_",
      "4\twill\twill\tAUX\tMD\t_\t5\taux\t_\t_",
      "5\tretaliate\tretaliate\tVERB\tVB\t_\t2\tccomp\t_\t_",
      "6\tafter\tafter\tSCONJ\tIN\t_\t8\tmark\t_\t_",
      "7\tSeoul\tSeoul\tPROPN\tNNP\t_\t8\tnsubj\t_\t_",
      "8\tattacks\tattack\tVERB\tVBZ\t_\t5\tadvcl\t_\tSpaceAfter=No",
      "9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(reading(open[0], "retaliate"), "hypothetical@think");
  EXPECT_EQ(reading(open[0], "attacks"), "hypothetical@think");
}

// "The KCNA did not specify it, but said Kim set goals." with "said" as the conjunct of "specify".
TEST(ExactTree, CoordinatedReportSharesTheSubject) {
  const auto sentences = from_conllu(conllu({
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
      "2\tKCNA\tKCNA\tPROPN\tNNP\t_\t5\tnsubj\t_\t_",
      "3\tdid\tdo\tAUX\tVBD\t_\t5\taux\t_\t_",
      "4\tnot\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_",
      "5\tspecify\tspecify\tVERB\tVB\t_\t0\troot\t_\t_",
      "6\tit\tit\tPRON\tPRP\t_\t5\tobj\t_\tSpaceAfter=No",
      "7\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_",
      "8\tbut\tbut\tCCONJ\tCC\t_\t9\tcc\t_\t_",
      "9\tsaid\tsay\tVERB\tVBD\t_\t5\tconj\t_\t_",
      "10\tKim\tKim\tPROPN\tNNP\t_\t11\tnsubj\t_\t_",
      "11\tset\tset\tVERB\tVBD\t_\t9\tccomp\t_\t_",
      "12\tgoals\tgoal\tNOUN\tNNS\t_\t11\tobj\t_\tSpaceAfter=No",
      "13\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0];
  EXPECT_EQ(chain(s, "set"), "The KCNA said");
  EXPECT_EQ(reading(s, "set"), "asserted@");
  EXPECT_EQ(reading(s, "specify"), "negated@not");
  // The report's negation is not the claim's, and "said" does not inherit it across "but".
  EXPECT_EQ(reading(s, "said"), "asserted@");
}

// "Officials did not say that troops withdrew": a negated report negates its claim.
TEST(ExactTree, NegatedReportNegatesTheClaim) {
  const auto sentences = from_conllu(conllu({
      "1\tOfficials\tofficial\tNOUN\tNNS\t_\t4\tnsubj\t_\t_",
      "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_",
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
      "4\tsay\tsay\tVERB\tVB\t_\t0\troot\t_\t_",
      "5\tthat\tthat\tSCONJ\tIN\t_\t7\tmark\t_\t_",
      "6\ttroops\ttroops\tNOUN\tNNS\t_\t7\tnsubj\t_\t_",
      "7\twithdrew\twithdraw\tVERB\tVBD\t_\t4\tccomp\t_\t_",
      "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(reading(sentences[0], "withdrew"), "negated@not");
  EXPECT_EQ(chain(sentences[0], "withdrew"), "Officials said");
}

// "Kim is said to have met Putin": reported, by no one named.
TEST(ExactTree, AgentlessPassiveReport) {
  const auto sentences = from_conllu(conllu({
      "1\tKim\tKim\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_",
      "2\tis\tbe\tAUX\tVBZ\t_\t3\taux:pass\t_\t_",
      "3\tsaid\tsay\tVERB\tVBN\t_\t0\troot\t_\t_",
      "4\tto\tto\tPART\tTO\t_\t7\tmark\t_\t_",
      "5\thave\thave\tAUX\tVB\t_\t7\taux\t_\t_",
      "6\tmet\tmeet\tVERB\tVBN\t_\t3\txcomp\t_\t_",
      "7\tPutin\tPutin\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No",
      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(chain(sentences[0], "met"), "? said");
  EXPECT_TRUE(reporting(sentences[0], "said"));
}

// Penn Treebank input carries neither lemmas nor universal tags: cues match inflected forms.
TEST(ExactTree, WithoutLemmasOrUniversalTags) {
  const auto sentences = from_conllu(conllu({
      "1\tKim\t_\t_\tNNP\t_\t2\tnsubj\t_\t_",
      "2\tplanned\t_\t_\tVBD\t_\t0\troot\t_\t_",
      "3\tto\t_\t_\tTO\t_\t4\tmark\t_\t_",
      "4\tvisit\t_\t_\tVB\t_\t2\txcomp\t_\t_",
      "5\tSeoul\t_\t_\tNNP\t_\t4\tobj\t_\tSpaceAfter=No",
      "6\t,\t_\t_\t,\t_\t8\tpunct\t_\t_",
      "7\tofficials\t_\t_\tNNS\t_\t8\tnsubj\t_\t_",
      "8\tsaid\t_\t_\tVBD\t_\t2\tparataxis\t_\tSpaceAfter=No",
      "9\t.\t_\t_\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  const Sentence& s = sentences[0];
  ASSERT_TRUE(s.tokens[1].lemma.empty());
  EXPECT_EQ(reading(s, "visit"), "future@planned");
  EXPECT_EQ(chain(s, "visit"), "officials said");
  EXPECT_TRUE(reporting(s, "said"));
}

// ---- Wrong parses: a clause hung where it does not belong is read as the clause it is ---------------

// "If Russia attacks Ukraine, NATO will respond." with the condition as the root and the consequent
// under it: the consequent is as conditional as when it governs the condition.
TEST(WrongParse, ConsequentUnderItsCondition) {
  const auto sentences = from_conllu(conllu({
      "1\tIf\tif\tSCONJ\tIN\t_\t3\tmark\t_\t_",
      "2\tRussia\tRussia\tPROPN\tNNP\t_\t3\tnsubj\t_\t_",
      "3\tattacks\tattack\tVERB\tVBZ\t_\t0\troot\t_\t_",
      "4\tUkraine\tUkraine\tPROPN\tNNP\t_\t3\tobj\t_\tSpaceAfter=No",
      "5\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_",
      "6\tNATO\tNATO\tPROPN\tNNP\t_\t8\tnsubj\t_\t_",
      "7\twill\twill\tAUX\tMD\t_\t8\taux\t_\t_",
      "8\trespond\trespond\tVERB\tVB\t_\t3\tadvcl\t_\tSpaceAfter=No",
      "9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(reading(sentences[0], "attacks"), "hypothetical@If");
  EXPECT_EQ(reading(sentences[0], "respond"), "hypothetical@If");
}

// "Turkey denied attacking Kurdish positions." with the gerund as an adverbial clause: it is what
// was denied. Set off by a comma it is an act of its own ("Russia refused, attacking Kyiv instead").
TEST(WrongParse, GerundComplementAsAdverbialClause) {
  const auto denied = from_conllu(conllu({
      "1\tTurkey\tTurkey\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
      "2\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_",
      "3\tattacking\tattack\tVERB\tVBG\t_\t2\tadvcl\t_\t_",
      "4\tKurdish\tKurdish\tADJ\tJJ\t_\t5\tamod\t_\t_",
      "5\tpositions\tposition\tNOUN\tNNS\t_\t3\tobj\t_\tSpaceAfter=No",
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(reading(denied[0], "attacking"), "negated@denied");
  EXPECT_EQ(reading(denied[0], "denied"), "asserted@");
  const auto refused = from_conllu(conllu({
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
      "2\trefused\trefuse\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
      "3\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_",
      "4\tattacking\tattack\tVERB\tVBG\t_\t2\tadvcl\t_\t_",
      "5\tKyiv\tKyiv\tPROPN\tNNP\t_\t4\tobj\t_\t_",
      "6\tinstead\tinstead\tADV\tRB\t_\t4\tadvmod\t_\tSpaceAfter=No",
      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(reading(refused[0], "attacking"), "asserted@");
}

// "Kim has criticized the United States, the AP reported, quoted by BTA." with the tensed "reported"
// an open complement of "criticized": it is still the frame set off after the claim, with the name
// before it as its source, not the claim's subject.
TEST(WrongParse, FiniteFrameAsOpenComplementOfItsClaim) {
  const auto sentences = from_conllu(conllu({
      "1\tKim\tKim\tPROPN\tNNP\t_\t3\tnsubj\t_\t_",
      "2\thas\thave\tAUX\tVBZ\t_\t3\taux\t_\t_",
      "3\tcriticized\tcriticize\tVERB\tVBN\t_\t0\troot\t_\t_",
      "4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_",
      "5\tUnited\tUnited\tPROPN\tNNP\t_\t6\tcompound\t_\t_",
      "6\tStates\tStates\tPROPN\tNNP\t_\t3\tobj\t_\tSpaceAfter=No",
      "7\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_",
      "8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\t_",
      "9\tAP\tAP\tPROPN\tNNP\t_\t6\tconj\t_\t_",
      "10\treported\treport\tVERB\tVBD\t_\t3\txcomp\t_\tSpaceAfter=No",
      "11\t,\t,\tPUNCT\t,\t_\t12\tpunct\t_\t_",
      "12\tquoted\tquote\tVERB\tVBN\t_\t10\tadvcl\t_\t_",
      "13\tby\tby\tADP\tIN\t_\t14\tcase\t_\t_",
      "14\tBTA\tBTA\tPROPN\tNNP\t_\t12\tobl\t_\tSpaceAfter=No",
      "15\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(chain(sentences[0], "criticized"), "the AP reported | BTA quoted_by");
  EXPECT_TRUE(reporting(sentences[0], "reported"));
}

// A tensed verb with its own subject made an open complement heads a complement clause: "Kim said
// Russia attacked Ukraine" reports the attack; "Kim did not know Russia attacked Ukraine" leaves it
// its own polarity, as a that-clause has.
TEST(WrongParse, FiniteClauseAsOpenComplement) {
  const auto said = from_conllu(conllu({
      "1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
      "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_",
      "3\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_",
      "4\tattacked\tattack\tVERB\tVBD\t_\t2\txcomp\t_\t_",
      "5\tUkraine\tUkraine\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No",
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(chain(said[0], "attacked"), "Kim said");
  const auto knew = from_conllu(conllu({
      "1\tKim\tKim\tPROPN\tNNP\t_\t4\tnsubj\t_\t_",
      "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_",
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_",
      "5\tRussia\tRussia\tPROPN\tNNP\t_\t6\tnsubj\t_\t_",
      "6\tattacked\tattack\tVERB\tVBD\t_\t4\txcomp\t_\t_",
      "7\tUkraine\tUkraine\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No",
      "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
  }));
  ASSERT_EQ(knew.size(), 1u);
  EXPECT_EQ(reading(knew[0], "attacked"), "asserted@");
}

// "Soldiers beat detainees, a court was told." with the clause as the passive subject of "told": it
// is what the court was told, by no one named.
TEST(WrongParse, ClauseAsTheSubjectOfAReport) {
  const auto sentences = from_conllu(conllu({
      "1\tSoldiers\tsoldier\tNOUN\tNNS\t_\t2\tnsubj\t_\t_",
      "2\tbeat\tbeat\tVERB\tVBD\t_\t8\tnsubj:pass\t_\t_",
      "3\tdetainees\tdetainee\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No",
      "4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_",
      "5\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_",
      "6\tcourt\tcourt\tNOUN\tNN\t_\t8\tobl\t_\t_",
      "7\twas\tbe\tAUX\tVBD\t_\t8\taux:pass\t_\t_",
      "8\ttold\ttell\tVERB\tVBN\t_\t0\troot\t_\tSpaceAfter=No",
      "9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(chain(sentences[0], "beat"), "? told");
  EXPECT_EQ(reading(sentences[0], "beat"), "asserted@");
  EXPECT_TRUE(reporting(sentences[0], "told"));
}

// "Experts do not believe talks will resume, as Trump is expected to focus on Ukraine." with the
// "as" clause hung under the complement instead of the main verb: a clause set off by a comma and
// introduced by "as", "since", "although" states its own fact, outside the beliefs it follows.
TEST(WrongParse, SetOffReasonClauseUnderADisbelievedComplement) {
  const auto sentences = from_conllu(conllu({
      "1\tExperts\texpert\tNOUN\tNNS\t_\t4\tnsubj\t_\t_",
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_",
      "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
      "4\tbelieve\tbelieve\tVERB\tVB\t_\t0\troot\t_\t_",
      "5\ttalks\ttalk\tNOUN\tNNS\t_\t7\tnsubj\t_\t_",
      "6\twill\twill\tAUX\tMD\t_\t7\taux\t_\t_",
      "7\tresume\tresume\tVERB\tVB\t_\t4\tccomp\t_\tSpaceAfter=No",
      "8\t,\t,\tPUNCT\t,\t_\t12\tpunct\t_\t_",
      "9\tas\tas\tSCONJ\tIN\t_\t12\tmark\t_\t_",
      "10\tTrump\tTrump\tPROPN\tNNP\t_\t12\tnsubj:pass\t_\t_",
      "11\tis\tbe\tAUX\tVBZ\t_\t12\taux:pass\t_\t_",
      "12\texpected\texpect\tVERB\tVBN\t_\t7\tadvcl\t_\t_",
      "13\tto\tto\tPART\tTO\t_\t14\tmark\t_\t_",
      "14\tfocus\tfocus\tVERB\tVB\t_\t12\txcomp\t_\t_",
      "15\ton\ton\tADP\tIN\t_\t16\tcase\t_\t_",
      "16\tUkraine\tUkraine\tPROPN\tNNP\t_\t14\tobl\t_\tSpaceAfter=No",
      "17\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(reading(sentences[0], "resume"), "hypothetical@believe");
  EXPECT_EQ(reading(sentences[0], "focus"), "future@expected");
  EXPECT_EQ(reading(sentences[0], "expected"), "asserted@");
}

// "The KCNA did not say what the goal would be, but said Kim had set goals." with the first
// conjunct's subject and auxiliaries hung under "said": those before its "but" are the first
// conjunct's, so "said" is no passive and its speaker is the shared subject.
TEST(WrongParse, FirstConjunctsAuxiliariesUnderTheReportingVerb) {
  const auto sentences = from_conllu(conllu({
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
      "2\tKCNA\tKCNA\tPROPN\tNNP\t_\t5\tnsubj\t_\t_",
      "3\tdid\tdo\tAUX\tVBD\t_\t5\taux\t_\t_",
      "4\tnot\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_",
      "5\tsay\tsay\tVERB\tVB\t_\t14\tccomp\t_\t_",
      "6\twhat\twhat\tPRON\tWP\t_\t5\tobj\t_\t_",
      "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_",
      "8\tgoal\tgoal\tNOUN\tNN\t_\t14\tnsubj\t_\t_",
      "9\twould\twould\tAUX\tMD\t_\t14\taux\t_\t_",
      "10\tbe\tbe\tAUX\tVB\t_\t14\taux:pass\t_\tSpaceAfter=No",
      "11\t,\t,\tPUNCT\t,\t_\t14\tpunct\t_\t_",
      "12\tbut\tbut\tCCONJ\tCC\t_\t14\tcc\t_\t_",
      "13\tthen\tthen\tADV\tRB\t_\t14\tadvmod\t_\t_",
      "14\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_",
      "15\tKim\tKim\tPROPN\tNNP\t_\t17\tnsubj\t_\t_",
      "16\thad\thave\tAUX\tVBD\t_\t17\taux\t_\t_",
      "17\tset\tset\tVERB\tVBN\t_\t14\tccomp\t_\t_",
      "18\tgoals\tgoal\tNOUN\tNNS\t_\t17\tobj\t_\tSpaceAfter=No",
      "19\t.\t.\tPUNCT\t.\t_\t14\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(chain(sentences[0], "set"), "The KCNA said");
  EXPECT_EQ(reading(sentences[0], "set"), "asserted@");
}

// "Beijing, according to state media, will send a delegation." with "state" read as a verb: the
// set-off phrase has no nominal head in the tree, so it is the words up to the closing comma,
// a source when its last noun names one.
TEST(WrongParse, AccordingToPhraseWithAMisreadWord) {
  const auto sentences = from_conllu(conllu({
      "1\tBeijing\tBeijing\tPROPN\tNNP\t_\t5\tvocative\t_\tSpaceAfter=No",
      "2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_",
      "3\taccording\taccord\tVERB\tVBG\t_\t5\tcase\t_\t_",
      "4\tto\tto\tPART\tTO\t_\t3\tfixed\t_\t_",
      "5\tstate\tstate\tVERB\tVB\t_\t0\troot\t_\t_",
      "6\tmedia\tmedia\tNOUN\tNN\t_\t5\tobj\t_\tSpaceAfter=No",
      "7\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_",
      "8\twill\twill\tAUX\tMD\t_\t9\taux\t_\t_",
      "9\tsend\tsend\tVERB\tVB\t_\t5\tconj\t_\t_",
      "10\ta\ta\tDET\tDT\t_\t11\tdet\t_\t_",
      "11\tdelegation\tdelegation\tNOUN\tNN\t_\t9\tobj\t_\tSpaceAfter=No",
      "12\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_",
  }));
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(chain(sentences[0], "send"), "state media according_to");
  EXPECT_EQ(reading(sentences[0], "send"), "future@will");
  // Misread the other way, "according to plan" is still a manner, not a source.
  const auto plan = from_conllu(conllu({
      "1\tTroops\ttroop\tNOUN\tNNS\t_\t6\tnsubj\t_\tSpaceAfter=No",
      "2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_",
      "3\taccording\taccord\tVERB\tVBG\t_\t5\tcase\t_\t_",
      "4\tto\tto\tPART\tTO\t_\t3\tfixed\t_\t_",
      "5\tplan\tplan\tVERB\tVB\t_\t6\tadvcl\t_\tSpaceAfter=No",
      "6\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_",
      "7\twill\twill\tAUX\tMD\t_\t8\taux\t_\t_",
      "8\twithdraw\twithdraw\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No",
      "9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_",
  }));
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(chain(plan[0], "withdraw"), "");
}

// "Ankara has no plans to invade Syria." with the infinitive hung on "has" instead of "plans": it
// completes the noun right before it, which leaves the invasion open; an ordinary object does not
// ("forced Iran to withdraw").
TEST(WrongParse, NounsComplementAsOpenComplementOfTheVerb) {
  const auto plans = from_conllu(conllu({
      "1\tAnkara\tAnkara\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
      "2\thas\thave\tVERB\tVBZ\t_\t0\troot\t_\t_",
      "3\tno\tno\tDET\tDT\t_\t4\tdet\t_\t_",
      "4\tplans\tplan\tNOUN\tNNS\t_\t2\tobj\t_\t_",
      "5\tto\tto\tPART\tTO\t_\t6\tmark\t_\t_",
      "6\tinvade\tinvade\tVERB\tVB\t_\t2\txcomp\t_\t_",
      "7\tSyria\tSyria\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No",
      "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(reading(plans[0], "invade"), "hypothetical@plans");
  const auto forced = from_conllu(conllu({
      "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
      "2\tforced\tforce\tVERB\tVBD\t_\t0\troot\t_\t_",
      "3\tIran\tIran\tPROPN\tNNP\t_\t2\tobj\t_\t_",
      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_",
      "5\twithdraw\twithdraw\tVERB\tVB\t_\t2\txcomp\t_\tSpaceAfter=No",
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
  }));
  ASSERT_EQ(forced.size(), 1u);
  EXPECT_EQ(reading(forced[0], "withdraw"), "asserted@");
}

// "Iran's refusal to negotiate angered Washington." with "angered" read as a participle modifying
// "refusal" and "negotiate" as its auxiliary: the content verb takes the place of its head, and is
// what was refused. A real auxiliary is no such verb ("talks could resume").
TEST(WrongParse, ContentVerbAsAuxiliaryOfAMisreadParticiple) {
  const auto refusal = from_conllu(conllu({
      "1\tIran\tIran\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No",
      "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_",
      "3\trefusal\trefusal\tNOUN\tNN\t_\t0\troot\t_\t_",
      "4\tto\tto\tPART\tTO\t_\t6\tmark\t_\t_",
      "5\tnegotiate\tnegotiate\tVERB\tVB\t_\t6\taux\t_\t_",
      "6\tangered\tanger\tVERB\tVBN\t_\t3\tacl\t_\t_",
      "7\tWashington\tWashington\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No",
      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  }));
  ASSERT_EQ(refusal.size(), 1u);
  EXPECT_EQ(reading(refusal[0], "negotiate"), "negated@refusal");
  const auto resume = from_conllu(conllu({
      "1\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_",
      "2\tcould\tcould\tAUX\tMD\t_\t3\taux\t_\t_",
      "3\tresume\tresume\tVERB\tVB\t_\t0\troot\t_\t_",
  }));
  ASSERT_EQ(resume.size(), 1u);
  EXPECT_EQ(reading(resume[0], "could"), "asserted@");
}

// ---- Malformed input -----------------------------------------------------------------------------

TEST(Malformed, CyclesAndBadIndicesDoNotHang) {
  Sentence s;
  s.text = "a b c";
  for (int i = 0; i < 3; ++i) {
    Token t;
    t.form = std::string(1, static_cast<char>('a' + i));
    t.lemma = i == 0 ? "say" : "plan";
    t.upos = "VERB";
    t.deprel = "xcomp";
    t.head = (i + 1) % 3;  // a -> b -> c -> a
    t.start = static_cast<uint32_t>(2 * i);
    t.end = t.start + 1;
    s.tokens.push_back(t);
  }
  EXPECT_EQ(modality_of(s, 1).modality, Modality::future);
  attribution_of(s, 1);
  is_reporting(s, 0);
  EXPECT_EQ(modality_of(s, 7).modality, Modality::asserted);
  EXPECT_TRUE(attribution_of(s, -1).empty());
  EXPECT_FALSE(is_reporting(s, 3));
}

}  // namespace
}  // namespace annals
