#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dictionaries/verbs_cameo2.h"

namespace annals {
namespace {

const char* kSmall = R"(####### SYNONYM SETS #######
&WEAPON
+MISSILE
+ROCKET_
+ARMED_FORCES

####### VERB PATTERNS #######
---  GO_SOMEWHERE   [040]  ---
ATTEND [042:043]
GO  {WENT GOES GONE GOING }
+PULL_OUT
- * POLICE (TO BORDER)      [153]  # RUSH
- * {ARMS SHIPMENT} $       [072]
- + * &WEAPON               [194]
- * (BROKEN                 [190]

---  SAY_IT   [010]  ---
SAY {SAID SAYS}
ATTACK [190]

######## TRANSFORMATIONS ##########
~ a (b . ATTACK) SAY = a b 112
~ a (a b Q) SAY = a b Q
~ a (b . FLY) SAY = a b 112
)";

std::unique_ptr<Cameo2VerbDictionary> load(const char* text, Diagnostics& diagnostics) {
  auto base = load_cameo2_verbs("test.txt", text, diagnostics);
  return std::unique_ptr<Cameo2VerbDictionary>(static_cast<Cameo2VerbDictionary*>(base.release()));
}

TEST(Cameo2Verbs, ReadsBlocksVerbsAndForms) {
  Diagnostics diagnostics;
  auto dict = load(kSmall, diagnostics);
  ASSERT_EQ(dict->blocks().size(), 2u);
  EXPECT_EQ(dict->blocks()[0].meaning, "GO_SOMEWHERE");
  EXPECT_EQ(dict->blocks()[0].code, "040");
  ASSERT_NE(dict->verbs("ATTEND"), nullptr);
  EXPECT_EQ(dict->verbs("ATTEND")->front().code, "042:043");
  EXPECT_EQ(dict->verbs("ATTENDED")->front().code, "042:043");  // regular form generated
  EXPECT_EQ(dict->verbs("WENT")->front().code, "040");          // irregular form listed
  EXPECT_EQ(dict->verbs("GOED"), nullptr);                      // listed forms replace regular ones
  const Cameo2Verb& pull = dict->verbs("PULL")->front();
  EXPECT_EQ(pull.back, std::vector<std::string>{"OUT"});
}

TEST(Cameo2Verbs, ParsesPatternsWithSynsetsAndRoles) {
  Diagnostics diagnostics;
  auto dict = load(kSmall, diagnostics);
  const auto& patterns = dict->blocks()[0].patterns;
  ASSERT_EQ(patterns.size(), 3u);  // the broken one is reported, not kept
  EXPECT_EQ(patterns[0].code, "153");
  ASSERT_EQ(patterns[0].post_nouns.size(), 1u);
  EXPECT_EQ(patterns[0].post_nouns[0].head.spellings[0], Cameo2Spelling{"POLICE"});
  ASSERT_EQ(patterns[0].post_preps.size(), 1u);
  EXPECT_EQ(patterns[0].post_preps[0].preposition, "TO");
  EXPECT_TRUE(patterns[0].has_prep);

  EXPECT_TRUE(patterns[1].source_becomes_target);
  ASSERT_EQ(patterns[1].post_nouns[0].modifiers.size(), 1u);
  EXPECT_EQ(patterns[1].post_nouns[0].head.spellings[0], Cameo2Spelling{"SHIPMENT"});

  EXPECT_TRUE(patterns[2].target_becomes_source);
  // MISSILE, MISSILES, ROCKET (no plural: '_'), ARMED FORCES (multiword: no plural).
  const auto& weapon = patterns[2].post_nouns[0].head.spellings;
  ASSERT_EQ(weapon.size(), 4u);
  EXPECT_EQ(weapon[1], Cameo2Spelling{"MISSILES"});
  EXPECT_EQ(weapon[2], Cameo2Spelling{"ROCKET"});
  EXPECT_EQ(weapon[3], (Cameo2Spelling{"ARMED", "FORCES"}));
}

TEST(Cameo2Verbs, ReadsTransformationsAndReportsBrokenLines) {
  Diagnostics diagnostics;
  auto dict = load(kSmall, diagnostics);
  ASSERT_EQ(dict->transformations().size(), 2u);
  const Cameo2Transformation& t = dict->transformations()[0];
  EXPECT_EQ(t.upper_code, "010");
  EXPECT_EQ(t.lower_code, "190");
  EXPECT_EQ(t.lower_source, "b");
  EXPECT_EQ(t.result_code, "112");
  EXPECT_TRUE(dict->transformations()[1].lower_code.empty());  // Q
  const auto all = diagnostics.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].line, 15);
  EXPECT_NE(all[0].message.find("'('"), std::string::npos);
  EXPECT_EQ(all[1].line, 24);  // FLY is no verb of the dictionary
}

TEST(Cameo2Verbs, PicoArithmetic) {
  PicoTable pico;
  Diagnostics diagnostics;
  pico.load("pico.txt", "030:0x3000#Intend\n060:0x0070\n070:0x0040\n033:0x3040\n121:-0xFFFF+0x0070\nbad\n",
            diagnostics);
  EXPECT_EQ(pico.value("060"), 0x70);
  EXPECT_EQ(pico.value("0611"), 0x70);  // falls back to the root
  EXPECT_EQ(pico.code(pico.value("060") - 0xFFFF), "121");
  EXPECT_EQ(pico.code(PicoTable::combine(pico.value("030"), pico.value("070"))), "033");
  EXPECT_EQ(diagnostics.error_count(), 1u);
}

TEST(Cameo2Verbs, LoadsPhoenix) {
  const std::string path = std::string(ANNALS_SHARED_DIR) + "/dictionaries/phoenix/CAMEO.2.0.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "shared data not found: " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  Diagnostics diagnostics;
  // Its load time is measured by bench/bench_coding.
  auto base = load_cameo2_verbs(path, buffer.str(), diagnostics);
  EXPECT_GT(base->size(), 4500u);
  // The file has two lines with a code glued into the pattern text.
  EXPECT_EQ(diagnostics.error_count(), 2u);
  auto* dict = static_cast<Cameo2VerbDictionary*>(base.get());
  EXPECT_EQ(dict->transformations().size(), 8u);
  ASSERT_NE(dict->verbs("SAID"), nullptr);
}

}  // namespace
}  // namespace annals
