// The bundled dictionary set (data/dictionaries): the verb, agent and discard files load
// without defects, the verbs cover all 20 CAMEO roots, reporting verbs carry no event,
// and typical news sentences, parsed by the bundled model, get their CAMEO codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "annals/coder.h"
#include "annals/dictionaries.h"
#include "annals/parser.h"
#include "annals/pipeline.h"
#include "dictionaries/verbs_cameo2.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = ANNALS_SOURCE_DIR;
const fs::path kBundled = kSource / "data/dictionaries";
const fs::path kModel = kSource / "data/models/en.model";

class BundledDictionaries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    diagnostics_ = std::make_unique<Diagnostics>();
    set_ = Dictionaries::load(read_petrarch_config(kBundled, *diagnostics_), *diagnostics_);
  }
  static void TearDownTestSuite() {
    set_.reset();
    diagnostics_.reset();
  }

  static const Cameo2VerbDictionary& verbs() {
    return dynamic_cast<const Cameo2VerbDictionary&>(set_->verbs());
  }

  // The code a verb gets when no pattern matches: that of its last single-word entry,
  // as the matcher chooses it.
  static std::string default_code(const std::string& verb) {
    const std::vector<Cameo2Verb>* entries = verbs().verbs(verb);
    std::string code;
    if (!entries) return code;
    for (const Cameo2Verb& entry : *entries)
      if (entry.front.empty() && entry.back.empty()) code = entry.code;
    return code;
  }

  static std::unique_ptr<Diagnostics> diagnostics_;
  static std::shared_ptr<const Dictionaries> set_;
};

std::unique_ptr<Diagnostics> BundledDictionaries::diagnostics_;
std::shared_ptr<const Dictionaries> BundledDictionaries::set_;

TEST_F(BundledDictionaries, LoadWithoutDefectsInVerbsAgentsAndDiscards) {
  ASSERT_NE(set_, nullptr);
  EXPECT_EQ(set_->dialect(), VerbDialect::cameo2);
  EXPECT_EQ(diagnostics_->error_count(), 0u);
  for (const Diagnostic& d : diagnostics_->all()) {
    const std::string name = fs::path(d.file).filename().string();
    EXPECT_NE(name, "annals.verbs.txt") << d.to_string();
    EXPECT_NE(name, "annals.agents.txt") << d.to_string();
    EXPECT_NE(name, "annals.discards.txt") << d.to_string();
  }
  EXPECT_GT(verbs().size(), 1000u);  // patterns
  EXPECT_FALSE(verbs().transformations().empty());
}

TEST_F(BundledDictionaries, EveryCameoRootHasVerbs) {
  ASSERT_NE(set_, nullptr);
  // Representative verbs of each root, with the root their default code must have.
  const std::vector<std::pair<std::string, std::vector<std::string>>> roots = {
      {"01", {"ADMIT", "DENY", "MOURN", "CONSIDER"}},
      {"02", {"URGE", "APPEAL", "PLEAD"}},
      {"03", {"PROMISE", "PLEDGE", "VOW", "AGREE"}},
      {"04", {"MEET", "VISIT", "NEGOTIATE", "MEDIATE"}},
      {"05", {"PRAISE", "APOLOGIZE", "SIGN", "FORGIVE", "RECOGNIZE"}},
      {"06", {"COOPERATE", "EXTRADITE", "SHARE"}},
      {"07", {"HELP", "PROVIDE", "DONATE"}},
      {"08", {"YIELD", "RELEASE", "RESIGN", "DISARM", "WITHDRAW"}},
      {"09", {"INVESTIGATE", "PROBE"}},
      {"10", {"DEMAND"}},
      {"11", {"CRITICIZE", "CONDEMN", "ACCUSE", "SUE", "CONVICT"}},
      {"12", {"REJECT", "REFUSE", "VETO", "DEFY"}},
      {"13", {"THREATEN", "WARN"}},
      {"14", {"DEMONSTRATE", "PROTEST", "RIOT"}},
      {"15", {"DEPLOY", "STATION"}},  // MOBILIZE: troops 154, supporters 053
      {"16", {"SANCTION", "EXPEL", "SEVER"}},
      {"17", {"ARREST", "DETAIN", "DEPORT", "SEIZE", "DESTROY"}},
      {"18", {"KIDNAP", "TORTURE", "ASSASSINATE", "BOMB"}},
      {"19", {"ATTACK", "KILL", "SHOOT", "SHELL", "OCCUPY"}},
      {"20", {"EXTERMINATE", "DISPLACE"}},
  };
  ASSERT_EQ(roots.size(), 20u);
  std::set<std::string> block_roots;
  for (const Cameo2Block& block : verbs().blocks())
    if (block.code.size() >= 3 && block.code != "---") block_roots.insert(block.code.substr(0, 2));
  for (const auto& [root, words] : roots) {
    EXPECT_TRUE(block_roots.count(root)) << "no verb block for root " << root;
    for (const std::string& word : words) EXPECT_EQ(default_code(word).substr(0, 2), root) << word;
  }
}

TEST_F(BundledDictionaries, ReportingVerbsCarryNoEvent) {
  ASSERT_NE(set_, nullptr);
  // SAY is PETRARCH's plain statement (never output); the transmission verbs are no event.
  EXPECT_EQ(default_code("SAY"), "010");
  for (const char* verb : {"REPORT", "QUOTE", "CITE", "TELL", "ADD", "NOTE", "WRITE"})
    EXPECT_EQ(default_code(verb), "---") << verb;
  // Regular and irregular inflections are listed for parses without lemmas.
  EXPECT_EQ(default_code("SAID"), "010");
  EXPECT_EQ(default_code("QUOTED"), "---");
  EXPECT_EQ(default_code("ARRESTED"), "173");
  EXPECT_EQ(default_code("FOUGHT"), "190");
}

// Sentences parsed by the bundled model and coded with the bundled set; each must yield
// the event named (other events may come along).
class BundledSentences : public BundledDictionaries {
 protected:
  static void SetUpTestSuite() {
    BundledDictionaries::SetUpTestSuite();
    if (fs::exists(kModel)) parser_ = Parser::load(kModel);
  }
  static void TearDownTestSuite() {
    parser_.reset();
    BundledDictionaries::TearDownTestSuite();
  }

  // "SRC TGT CODE" of every event of the text, "---" for a missing actor.
  static std::set<std::string> code(const std::string& text) {
    const Coder coder(set_);
    std::set<std::string> out;
    for (const Sentence& sentence : parse_text(text, *parser_)) {
      for (const Event& e : coder.code(sentence, Date{}).events) {
        const std::string source = e.source.code.empty() ? "---" : e.source.code;
        const std::string target = e.target && !e.target->code.empty() ? e.target->code : "---";
        out.insert(source + " " + target + " " + e.cameo);
      }
    }
    return out;
  }

  static std::shared_ptr<const Parser> parser_;
};

std::shared_ptr<const Parser> BundledSentences::parser_;

#define REQUIRE_PARSER() \
  if (!parser_) GTEST_SKIP() << "parser model not found: " << kModel.string()

TEST_F(BundledSentences, NewsSentencesGetTheirCodes) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Iran held talks with Russia on Monday.", "IRN RUS 046"},
      {"The United States imposed sanctions on Iran.", "USA IRN 163"},
      {"Russia accused Ukraine of violating the ceasefire.", "RUS UKR 112"},
      {"China expressed concern over the situation in Syria.", "CHN SYR 012"},
      {"Israeli troops fired rockets at Lebanon.", "ISRMIL LBN 194"},
      {"Egypt expelled the Turkish ambassador.", "EGY TURGOV 166"},
      {"Japan sent aid to the Philippines.", "JPN PHL 070"},
      {"Turkey deployed troops along the border with Syria.", "TUR SYR 154"},
      {"Israel cut diplomatic ties with Venezuela.", "ISR VEN 161"},
      {"Iraq used chemical weapons against Iranian forces.", "IRQ IRN 2041"},
      {"North Korea apologized to South Korea.", "PRK KOR 055"},
      {"Germany rejected the proposal by Greece.", "DEU GRC 120"},
      {"Indian police arrested two Pakistani nationals.", "INDCOP PAK 173"},
      // A sentence needs a verb: the tagger alone reads "imposed" as an adjective here.
      {"The United States imposed sanctions.", "USA --- 163"},
      // "free" is only ever an adjective in the treebanks; after "will" and "to" it is a verb.
      {"Israel will free 250 Palestinian prisoners.", "ISR PSE 0353"},
      {"Israel agreed to free 250 Palestinian prisoners.", "ISR PSE 0353"},
      // Headlines: in capitals or title case (read as running text), a noun read where the
      // verb should be, a participle without its auxiliary (passive).
      {"ISRAELI TROOPS FIRED ROCKETS AT LEBANON", "ISRMIL LBN 194"},
      {"Israeli Troops Fire Rockets at Lebanon", "ISRMIL LBN 194"},
      {"US sanctions Iranian officials", "USA IRNGOV 163"},
      {"Two Pakistani nationals arrested by Indian police", "INDCOP PAK 173"},
  };
  for (const auto& [text, event] : cases)
    EXPECT_TRUE(code(text).count(event)) << text << " -> " << testing::PrintToString(code(text));
}

TEST_F(BundledSentences, NounObjectsAndPhrasesGetTheirCodes) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  const std::vector<std::pair<std::string, std::string>> cases = {
      // Noun objects that carry the event.
      {"Egypt struck a deal with Sudan.", "EGY SDN 057"},
      {"North Korea tested a ballistic missile.", "PRK --- 150"},
      {"Jordan began joint military exercises with the United States.", "JOR USA 062"},
      {"Russia sent a condolence message to Turkey.", "RUS TUR 018"},
      {"Russia spoke with Turkey by phone.", "RUS TUR 041"},
      {"Iran refuted the allegations.", "IRN --- 016"},
      // The critic named in the phrase criticizes the subject.
      {"The United States drew strong criticism from China.", "CHN USA 111"},
      // Naming another with scorn denounces it.
      {"Iran labelled Israel the enemy.", "IRN --- 111"},
      // Employees are labour (agents file).
      {"Hundreds of employees stopped work in a strike.", "---LAB --- 143"},
      // Staying away from work is a strike; throwing stones is a violent protest.
      {"Palestinians shunned work on Monday.", "PSE --- 143"},
      {"Palestinian youths threw stones at Israeli soldiers.", "PSE ISRMIL 145"},
      // Opposing another's mediation declines it.
      {"Israel is opposed to French mediation.", "ISR FRA 126"},
      // Talks as the subject of their collapse.
      {"Talks between Israel and Egypt collapsed on Sunday.", "ISR EGY 164"},  // each halts them with the other
      // Talks or a summit as the subject of their happening: both sides meet.
      {"Talks between Russia and Ukraine resumed in Istanbul.", "UKR RUS 046"},
      {"A summit of Russia and China opened in Beijing.", "RUS CHN 040"},
      // Failing to reach a deal (upper FAIL with a lower SIGN code).
      {"The United States and South Korea failed to reach agreement on trade.", "USA --- 120"},
      // A phrase of the object or a place does not void the event: the "no event"
      // prepositions of figures ("declined by 5 percent") must not swallow these.
      {"Iran declined an invitation from France.", "IRN FRA 125"},
      {"Britain cut diplomatic ties with Iran in 2019.", "GBR IRN 161"},
      {"Israel launched rockets from Lebanon.", "ISR LBN 194"},
      {"Syrian troops seized three pumping stations on the pipeline.", "SYRMIL --- 171"},
      {"Germany outlawed an extremist group in Berlin.", "DEU DEUGOVRAD 172"},
  };
  for (const auto& [text, event] : cases)
    EXPECT_TRUE(code(text).count(event)) << text << " -> " << testing::PrintToString(code(text));
}

TEST_F(BundledSentences, AidSentAndHandedOverIsAid) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  const std::vector<std::pair<std::string, std::string>> cases = {
      // Weapons sent to another actor are military aid; troops sent are a deployment,
      // or peacekeeping when they join a peacekeeping force.
      {"The United States sent arms to Pakistan.", "USA PAK 072"},
      {"Turkey sent troops to Syria.", "TUR SYR 154"},
      {"Japan sent troops to the United Nations peacekeeping force in South Sudan.", "JPN IGOUNO 074"},
      {"Russia equipped the Syrian army with missiles.", "RUS SYRMIL 072"},
      // Aid handed over (the parse may make "over" the case of the object), and money
      // given "in assistance".
      {"The EU handed over medical supplies to the Nigerian government.", "IGOEUREEC NGAGOV 073"},
      {"The US provided $33 million in assistance to Mozambique.", "USA MOZ 070"},
      // Mobilizing supporters rallies support; only troops make it a deployment.
      {"Saudi Arabia mobilized supporters in the United States.", "SAU USA 053"},
      // Working with another actor is cooperation; pledging it is an intent (AGREE).
      {"Japan pledged to work with China.", "JPN CHN 031"},
      // Welcoming a proposal approves it.
      {"Germany welcomed the proposal.", "DEU --- 051"},
  };
  for (const auto& [text, event] : cases)
    EXPECT_TRUE(code(text).count(event)) << text << " -> " << testing::PrintToString(code(text));
}

TEST_F(BundledSentences, ViolenceProtestAndWithdrawalPhrases) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  const std::vector<std::pair<std::string, std::string>> cases = {
      // Killed by a bomb or mine: a bombing, its place named as the source.
      {"Three US soldiers were killed by a roadside bomb in Iraq.", "IRQ USAMIL 1833"},
      {"Two Iraqi policemen were killed by a landmine.", "--- IRQCOP 183"},
      // Fire launched or opened: artillery fire is heavy weapons, plain fire shooting.
      {"Vietnamese forces launched artillery fire against the Cambodian camps.", "VNM KHM 194"},
      {"Iraqi troops opened fire on the protesters.", "IRQMIL ---OPP 193"},
      // People held as human shields.
      {"Islamic State fighters held civilians as human shields.", "IMGMOSISI ---CVL 184"},
      // Hunger strikes begun or joined.
      {"Protesters began a hunger strike.", "---OPP --- 142"},
      {"Palestinian prisoners joined the hunger strike.", "PSE --- 142"},
      // A withdrawal begun or completed is the withdrawal.
      {"Russia began the withdrawal of its troops from Syria.", "RUS SYR 0874"},
      // Performing joint war games is military cooperation, of the two armies with each other.
      {"The armies of Brazil and Argentina performed joint war games.", "BRAMIL ARGMIL 062"},
      // Verbs of harsh criticism.
      {"China lambasted Japan.", "CHN JPN 111"},
  };
  for (const auto& [text, event] : cases)
    EXPECT_TRUE(code(text).count(event)) << text << " -> " << testing::PrintToString(code(text));
}

TEST_F(BundledSentences, ParticleVerbsWhoseParticleIsParsedAsACase) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  // "handed over", "called off": whether the parse makes the particle a particle or the
  // case of the object, the event is the same.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Spain handed over the suspects to France.", "ESP FRA 063"},
      {"Pakistan handed over the Indian prisoners to India.", "PAK IND 063"},
      {"Kenya called off the talks with Somalia.", "KEN SOM 164"},
      {"Brazilian workers called off the strike.", "BRALAB --- 082"},
  };
  for (const auto& [text, event] : cases)
    EXPECT_TRUE(code(text).count(event)) << text << " -> " << testing::PrintToString(code(text));
}

TEST_F(BundledSentences, TelephoneCallsAndTearGas) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  EXPECT_TRUE(code("The Russian president telephoned the German chancellor.").count("RUSGOV DEUGOV 041"));
  // Bare "gas" is tear gas here, not a chemical weapon (2041 needs poison, nerve, toxic gas).
  EXPECT_EQ(code("Riot police used tear gas to disperse the protesters."), std::set<std::string>{"---COP --- 175"});
}

TEST_F(BundledSentences, DescriptionsAndFiguresAreNoEvent) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  // Talks the speaker mentions are no meeting of the speaker's; a "challenge" posed is
  // no disapproval; figures that fall are no refusal.
  EXPECT_FALSE(code("Iran said its talks with France had failed.").count("IRN FRA 040"));
  EXPECT_TRUE(code("The war poses a challenge to Russia.").empty());
  EXPECT_TRUE(code("Iran's exports declined by 5 percent.").empty());
}

TEST_F(BundledSentences, UpperVerbsCombineWithTheirClauses) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  // Transformations: threat of force, appeal, intent to meet, declining to comment.
  EXPECT_TRUE(code("Iran threatened to attack Israel.").count("IRN ISR 138"));
  EXPECT_TRUE(code("France urged Iran to release the prisoners.").count("FRA IRN 0253"));
  EXPECT_TRUE(code("Russia agreed to hold talks with Ukraine.").count("RUS UKR 036"));
  EXPECT_TRUE(code("Kenya declined to comment on the report.").count("KEN --- 011"));
  // Refusing to resign rejects a demand for a change in leadership; an attempt keeps the
  // code of the act attempted.
  EXPECT_TRUE(code("The Kenyan vice-president declined to resign.").count("KENGOV --- 1231"));
  EXPECT_TRUE(code("Militants attempted to assassinate the Iraqi prime minister.").count("---INS IRQGOV 186"));
  // Adjectives that govern an act as these verbs do.
  EXPECT_TRUE(code("Norway is willing to send aid to Sudan.").count("NOR SDN 033"));
  EXPECT_TRUE(code("Iran is unwilling to hold talks with Israel.").count("IRN ISR 125"));  // as "refused to"
}

TEST_F(BundledSentences, AnnouncedRefusedAndRequiredActsAreTheirStatements) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  // The bundled set has no PICO ontology: the coder codes what the actor states.
  EXPECT_TRUE(code("Iran said it will release the British sailors.").count("IRN GBR 0353"));
  EXPECT_TRUE(code("Russia will not lift the sanctions on Georgia.").count("RUS GEO 1244"));
  // People wanted for a crime are handed over as suspects are (063); that Syria must do
  // it is Turkey's demand.
  EXPECT_TRUE(code("Syria extradited the bombers to Turkey.").count("SYR TUR 063"));
  EXPECT_TRUE(code("Turkey said Syria must hand over the bombers to Iraq.").count("TUR SYR 1013"));
}

TEST_F(BundledSentences, TroopsOnAPeacekeepingMissionArePeacekeeping) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  EXPECT_TRUE(code("Nigeria sent troops to Liberia on a peacekeeping mission.").count("NGA LBR 074"));
  EXPECT_TRUE(code("Nigerian peacekeeping troops arrived in Liberia.").count("NGAMIL LBR 074"));
  // Troops alone are a deployment.
  EXPECT_TRUE(code("Turkey deployed troops along the border with Syria.").count("TUR SYR 154"));
}

TEST_F(BundledSentences, AttitudesStatedByAdjectivesAreComments) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  EXPECT_TRUE(code("China is deeply concerned about the situation in Syria.").count("CHN SYR 012"));
  EXPECT_TRUE(code("Japan is optimistic about the talks with China.").count("JPN CHN 013"));
}

TEST_F(BundledSentences, TargetsSomewhereAreMilitaryTargets) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  EXPECT_TRUE(code("Israel struck targets in Gaza.").count("ISR PSE 190"));
  EXPECT_TRUE(code("The government hit its inflation target.").empty());
}

TEST_F(BundledSentences, AParticipleOnAStatementIsItsAuthorsAct) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  EXPECT_TRUE(code("The ministry released a report accusing Russia of war crimes.").count("---GOV RUS 1124"));
  // Elsewhere a participle is no act of the main subject: "a man carrying a flag".
  EXPECT_TRUE(code("Police arrested a man accusing Russia of war crimes.").count("---COP RUS 1124") == 0);
}

TEST_F(BundledSentences, NewsAgenciesReportingAreNoEvent) {
  ASSERT_NE(set_, nullptr);
  REQUIRE_PARSER();
  EXPECT_TRUE(code("Reuters quoted Xinhua as saying the meeting ended.").empty());
  // The reported event is kept, with its own actors; the report itself is none.
  EXPECT_EQ(code("AFP reported that the Chinese foreign ministry had criticized Japan."),
            std::set<std::string>{"CHNGOV JPN 111"});
}

}  // namespace
}  // namespace annals
