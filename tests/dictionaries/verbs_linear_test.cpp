#include <gtest/gtest.h>

#include "dictionaries/verbs.h"
#include "dictionaries/verbs_linear.h"
#include "temp_dictionary.h"

namespace annals {
namespace {

using Kind = LinearPatternItem::Kind;

std::unique_ptr<LinearVerbDictionary> load(const std::string& text, Diagnostics& diagnostics) {
  auto loaded = load_linear_verbs("verbs.txt", text, diagnostics);
  return std::unique_ptr<LinearVerbDictionary>(static_cast<LinearVerbDictionary*>(loaded.release()));
}

const LinearVerbForm* simple(const LinearVerbDictionary& verbs, const std::string& word) {
  const auto* forms = verbs.forms(word);
  if (!forms) return nullptr;
  for (const LinearVerbForm& form : *forms)
    if (!form.multiword()) return &form;
  return nullptr;
}

constexpr const char* kDictionary = R"(<!-- test verbs -->
&TIES_
+MILITARY
+ECONOMIC

&CURRENCY  # money
+DOLLAR
+SWISS_FRANC

--- DELAY [120] [031:031] ---
DELAY
DOWNPLAY [014]
POSTPONE    # no code of its own
- % HAVE  *  [191]
- SAID WOULD_NOT *  [112]

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
- + KNOWN_ * IN_ $  [076]
- * &TIES_RELATIONS [903]
- * &UNDEFINED [999]
- * {A | B} [998]

--- CONFISCATE [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED}
- * &CURRENCY [903]

--- SHOT [---] ---
SHOT
- *_AND_WOUND [223]
--- SHOT [223] ---
SHOT
- + WAS * DEAD IN $ [224]
)";

TEST(LinearVerbDictionary, IsDetectedAsTheLinearDialect) {
  EXPECT_EQ(detect_verb_dialect("--- BREAK [1717] ---\nBREAK {BROKE}\n+BREAK_DOWN\n- + KNOWN_ * IN_ $ [076]\n"),
            VerbDialect::linear);
}

TEST(LinearVerbDictionary, SynonymsShareTheBlockAndKeepTheirOwnCode) {
  Diagnostics diagnostics;
  const auto verbs = load(kDictionary, diagnostics);
  const LinearVerbForm* delay = simple(*verbs, "DELAY");
  const LinearVerbForm* downplay = simple(*verbs, "DOWNPLAYED");
  const LinearVerbForm* postpone = simple(*verbs, "POSTPONING");
  ASSERT_TRUE(delay && downplay && postpone);
  EXPECT_EQ(delay->code, "120");  // the first bracket of the header
  EXPECT_EQ(downplay->code, "014");
  EXPECT_EQ(postpone->code, "120");
  EXPECT_EQ(delay->block, downplay->block);
  EXPECT_EQ(delay->block, postpone->block);
  EXPECT_EQ(verbs->block(delay->block).size(), 2u);
}

TEST(LinearVerbDictionary, GeneratesRegularFormsOnlyWithoutAList) {
  Diagnostics diagnostics;
  const auto verbs = load(kDictionary, diagnostics);
  for (const char* form : {"DELAYS", "DELAYED", "DELAYING", "POSTPONES", "POSTPONED", "POSTPONING"})
    EXPECT_TRUE(simple(*verbs, form)) << form;
  EXPECT_FALSE(simple(*verbs, "POSTPONEED"));
  EXPECT_FALSE(simple(*verbs, "POSTPONEING"));
  for (const char* form : {"BREAK", "BROKE", "BROKEN"}) EXPECT_TRUE(simple(*verbs, form)) << form;
  EXPECT_FALSE(simple(*verbs, "BREAKS"));  // "{...}" replaces the regular forms
}

TEST(LinearVerbDictionary, MultiWordVerbsComeBeforeTheSimpleForm) {
  Diagnostics diagnostics;
  const auto verbs = load(kDictionary, diagnostics);
  const auto* broken = verbs->forms("BROKEN");
  ASSERT_TRUE(broken);
  ASSERT_EQ(broken->size(), 2u);
  EXPECT_EQ((*broken)[0].after, std::vector<std::string>{"DOWN"});
  EXPECT_TRUE((*broken)[0].before.empty());
  EXPECT_EQ((*broken)[0].code, "1717");
  EXPECT_FALSE((*broken)[1].multiword());

  const auto* tapped = verbs->forms("TAPPED");
  ASSERT_TRUE(tapped);
  ASSERT_EQ(tapped->size(), 1u);
  EXPECT_EQ((*tapped)[0].before, std::vector<std::string>{"WIRE"});
  EXPECT_EQ((*tapped)[0].code, "1711");
  EXPECT_FALSE(verbs->forms("TAPPING"));  // listed forms only
}

TEST(LinearVerbDictionary, PatternsAreSplitAtTheVerbNearestWordFirst) {
  Diagnostics diagnostics;
  const auto verbs = load(kDictionary, diagnostics);
  const auto& delay = verbs->block(simple(*verbs, "DELAY")->block);
  const LinearPattern& said = delay[1];
  EXPECT_EQ(said.code, "112");
  ASSERT_EQ(said.upper.size(), 3u);
  EXPECT_EQ(said.upper[0].word, "NOT");
  EXPECT_FALSE(said.upper[0].tight);  // the blank next to '*'
  EXPECT_EQ(said.upper[1].word, "WOULD");
  EXPECT_TRUE(said.upper[1].tight);   // WOULD_NOT
  EXPECT_EQ(said.upper[2].word, "SAID");
  EXPECT_TRUE(said.lower.empty());
  EXPECT_EQ(delay[0].upper[1].kind, Kind::compound);

  const auto& brk = verbs->block(simple(*verbs, "BREAK")->block);
  ASSERT_EQ(brk.size(), 2u);  // the undefined synset and the disjunction are dropped
  // "KNOWN_ *" and "IN_ $": an underscore followed by a blank is an open connector.
  EXPECT_EQ(brk[0].upper[0].word, "KNOWN");
  EXPECT_FALSE(brk[0].upper[0].tight);
  EXPECT_EQ(brk[0].upper[1].kind, Kind::target);
  EXPECT_EQ(brk[0].lower[1].kind, Kind::source);
  EXPECT_FALSE(brk[0].lower[1].tight);
  const LinearPattern& ties = brk[1];
  ASSERT_EQ(ties.lower.size(), 2u);
  EXPECT_EQ(ties.lower[0].kind, Kind::synset);
  EXPECT_TRUE(ties.lower[1].tight);
}

TEST(LinearVerbDictionary, SynsetsAddPluralsUnlessTheLabelEndsInUnderscore) {
  Diagnostics diagnostics;
  const auto verbs = load(kDictionary, diagnostics);
  const auto& brk = verbs->block(simple(*verbs, "BREAK")->block);
  const auto& ties = verbs->synset(brk[1].lower[0].synset);
  EXPECT_EQ(ties.size(), 2u);  // &TIES_: no plurals
  const auto& confiscate = verbs->block(simple(*verbs, "CONFISCATE")->block);
  const auto& currency = verbs->synset(confiscate[0].lower[0].synset);
  ASSERT_EQ(currency.size(), 4u);
  EXPECT_EQ(currency[1], std::vector<std::string>{"DOLLARS"});
  EXPECT_EQ(currency[2], (std::vector<std::string>{"SWISS", "FRANC"}));
  EXPECT_EQ(currency[3], (std::vector<std::string>{"SWISS", "FRANCS"}));
}

TEST(LinearVerbDictionary, ARepeatedPrimaryVerbMergesItsPatterns) {
  Diagnostics diagnostics;
  const auto verbs = load(kDictionary, diagnostics);
  const LinearVerbForm* shot = simple(*verbs, "SHOT");
  ASSERT_TRUE(shot);
  EXPECT_EQ(shot->code, "223");  // the last header wins
  EXPECT_EQ(verbs->block(shot->block).size(), 2u);
}

TEST(LinearVerbDictionary, ReportsBrokenLinesWithTheirLineNumbers) {
  Diagnostics diagnostics;
  const auto verbs = load(kDictionary, diagnostics);
  const std::vector<int> errors = test::lines_of(diagnostics, Diagnostic::Severity::error);
  EXPECT_EQ(errors, std::vector<int>{22});  // the undefined synset
  const std::vector<int> warnings = test::lines_of(diagnostics, Diagnostic::Severity::warning);
  EXPECT_EQ(warnings, std::vector<int>{23});  // the disjunction

  Diagnostics more;
  load("VERB [010]\n--- X [---] ---\nX\n- * A\n- NO STAR [1]\n", more);
  EXPECT_EQ(test::lines_of(more, Diagnostic::Severity::error), (std::vector<int>{1, 5}));
  EXPECT_EQ(test::lines_of(more, Diagnostic::Severity::warning), (std::vector<int>{4}));
}

}  // namespace
}  // namespace annals
