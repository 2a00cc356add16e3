// A small PETRARCH-1-style dictionary set (invented countries) for the linear-dialect
// tests, written to a temporary directory and loaded through Dictionaries::load.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "annals/dictionaries.h"
#include "annals/parse.h"
#include "coding/linear_matcher.h"
#include "dictionaries/verbs_linear.h"
#include "inline_dictionaries.h"
#include "text/words.h"

namespace annals::test {

class LinearFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("annals-linear-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    dictionaries_ = test::load_inline_dictionaries(dir_, R"(&TIES
+RELATION
+LINK

--- RESTORE [064] ---
RESTORE
- * FULL_TIES [065]
- * &TIES [066]
--- MEET [031:032] ---
MEET {MET MEETS}
--- OPPOSE [112] ---
OPPOSE
--- SAY [023] ---
SAY {SAID SAYS}
--- AGREE [081] ---
AGREE
- * WITH % [030]
--- ATTACK [190] ---
ATTACK
--- BREAK [---] ---
BREAK {BROKE BROKEN}
+BREAK_OFF {+BROKE_OFF} [161]
)",
                                                   R"(FREEDONIA [FRE]
+FREEDONIAN
SYLVANIA [SYL]
+SYLVANIAN
MARXONIA [MRX]
GRAND_FENWICK [GFW]
BARAD-DUR [MOR]
RURITANIA
	[RUR <19200101]
	[RRN]
)",
                                                   R"(TROOPS {} [~MIL]
GOVERNMENT [~GOV]
MINISTER [~GOV]
AID_GROUP [NGO~]
)", diagnostics_);
    ASSERT_TRUE(dictionaries_);
    ASSERT_EQ(dictionaries_->dialect(), VerbDialect::linear);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }


  // "SOURCE TARGET CODE" of every raw event (no require_dyad, no de-duplication).
  std::multiset<std::string> code(const std::string& tree, CoderOptions options = {},
                                  Date date = Date{20240101}) {
    const Sentence sentence = from_treebank(tree);
    const std::vector<std::string> words = dictionary_words(sentence);
    const SentenceContext context{sentence, words, date, *dictionaries_, options};
    std::multiset<std::string> out;
    for (const RawEvent& e : match_linear(context, verbs())) {
      out.insert(e.source.code + " " + e.target.code + " " + e.code);
    }
    return out;
  }

  const LinearVerbDictionary& verbs() const {
    return static_cast<const LinearVerbDictionary&>(dictionaries_->verbs());
  }

  std::filesystem::path dir_;
  Diagnostics diagnostics_;
  std::shared_ptr<const Dictionaries> dictionaries_;
};

}  // namespace annals::test
