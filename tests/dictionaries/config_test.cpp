#include <gtest/gtest.h>

#include <fstream>

#include "annals/dictionaries.h"
#include "dictionaries/actors.h"
#include "dictionaries/verbs.h"
#include "temp_dictionary.h"

namespace annals {
namespace {

using test::reported;
using test::TempDictionary;

const char* const kConfig =
    "# PETRARCH config\n"
    "[Dictionaries]\n"
    "# See the PETRreader.py file\n"
    "verbfile_name    = test.verbs.txt\n"
    "actorfile_list   = one.actors.txt, two.actors.txt,\n"
    "   three.actors.txt\n"
    "AgentFile_Name   = test.agents.txt\n"
    "discardfile_name = test.discards.txt\n"
    "#issuefile_name   = Phoenix.IssueCoding.txt\n"
    "\n"
    "#[Dictionaries]\n"
    "#verbfile_name    = other.verbs.txt\n"
    "[Options]\n"
    "verbfile_name = not/this/one.txt\n";

TEST(PetrarchConfig, ReadsTheDictionariesSection) {
  TempDictionary config(kConfig, "PETR_config.ini");
  Diagnostics diagnostics;
  const DictionaryFiles files = read_petrarch_config(config.path(), diagnostics);
  EXPECT_TRUE(diagnostics.all().empty()) << testing::PrintToString(reported(diagnostics));
  EXPECT_EQ(files.verbs, config.dir() / "test.verbs.txt");
  ASSERT_EQ(files.actors.size(), 3u);
  EXPECT_EQ(files.actors[0], config.dir() / "one.actors.txt");
  EXPECT_EQ(files.actors[2], config.dir() / "three.actors.txt");
  EXPECT_EQ(files.agents, config.dir() / "test.agents.txt");
  EXPECT_EQ(files.discards, config.dir() / "test.discards.txt");
  EXPECT_TRUE(files.issues.empty());
}

TEST(PetrarchConfig, FindsTheConfigInADirectory) {
  TempDictionary config(kConfig, "PETR_config.ini");
  Diagnostics diagnostics;
  EXPECT_EQ(read_petrarch_config(config.dir(), diagnostics).verbs, config.dir() / "test.verbs.txt");
  TempDictionary other(kConfig, "custom.ini");
  EXPECT_EQ(read_petrarch_config(other.dir(), diagnostics).agents, other.dir() / "test.agents.txt");
  EXPECT_TRUE(diagnostics.all().empty());
}

TEST(PetrarchConfig, ReportsMissingKeysAndFiles) {
  TempDictionary config("[Dictionaries]\nverbfile_name = v.txt\nnonsense line\n",
                        "PETR_config.ini");
  Diagnostics diagnostics;
  const DictionaryFiles files = read_petrarch_config(config.path(), diagnostics);
  EXPECT_EQ(files.verbs, config.dir() / "v.txt");
  EXPECT_EQ(diagnostics.error_count(), 4u) << testing::PrintToString(reported(diagnostics));
  Diagnostics missing;
  read_petrarch_config("/nonexistent/PETR_config.ini", missing);
  EXPECT_EQ(missing.error_count(), 1u);
}

TEST(DictionarySet, LoadsEveryFileAndCountsThem) {
  TempDictionary dir(
      "[Dictionaries]\n"
      "verbfile_name = test.verbs.txt\n"
      "actorfile_list = a.actors.txt, b.actors.txt\n"
      "agentfile_name = test.agents.txt\n"
      "discardfile_name = test.discards.txt\n"
      "issuefile_name = test.issues.txt\n",
      "PETR_config.ini");
  const auto write = [&](const char* name, const char* text) {
    std::ofstream(dir.dir() / name) << text;
  };
  write("test.verbs.txt",
        "--- GRANT  [070]  ---\nGRANT\nGIVE {GAVE GIVEN GIVING}\n- * RUPEES [071]\n");
  write("a.actors.txt", "GONDOR [GON]\n+MINAS_TIRITH\n");
  write("b.actors.txt", "ARNOR_ [ARN]\nBROKEN [BRK\n");
  write("test.agents.txt", "PRESIDENT [~GOV]\n");
  write("test.discards.txt", "BASEBALL\n+TYPHOON\n");
  write("test.issues.txt", "n:university [EDUCATION]\n");

  Diagnostics diagnostics;
  const auto set = Dictionaries::load(read_petrarch_config(dir.dir(), diagnostics), diagnostics);
  ASSERT_TRUE(set);
  const auto messages = reported(diagnostics);
  ASSERT_EQ(messages.size(), 2u) << testing::PrintToString(messages);  // BROKEN: bracket, no code
  EXPECT_EQ(diagnostics.all()[0].file, (dir.dir() / "b.actors.txt").string());
  EXPECT_EQ(diagnostics.all()[0].line, 2);
  EXPECT_EQ(set->dialect(), VerbDialect::linear);
  EXPECT_GT(set->verbs().size(), 0u);
  EXPECT_EQ(set->actors().size(), 2u);
  EXPECT_EQ(set->actors().phrase_count(), 3u);
  EXPECT_EQ(set->agents().size(), 1u);
  EXPECT_EQ(set->discards().size(), 2u);
  EXPECT_EQ(set->issues().size(), 2u);
}

TEST(DictionarySet, NoVerbsNoSet) {
  Diagnostics diagnostics;
  EXPECT_EQ(Dictionaries::load(DictionaryFiles{}, diagnostics), nullptr);
  EXPECT_EQ(diagnostics.error_count(), 1u);
  DictionaryFiles files;
  files.verbs = "/nonexistent/verbs.txt";
  EXPECT_EQ(Dictionaries::load(files, diagnostics), nullptr);
  EXPECT_EQ(diagnostics.error_count(), 2u);
}

TEST(DictionarySet, MissingDictionariesAreReportedButTheSetLoads) {
  TempDictionary verbs("--- GRANT  [070]  ---\nGRANT\n");
  DictionaryFiles files;
  files.verbs = verbs.path();
  files.actors = {"/nonexistent/a.actors.txt"};
  Diagnostics diagnostics;
  const auto set = Dictionaries::load(files, diagnostics);
  ASSERT_TRUE(set);
  // The missing actor file, and no agent or discard file named.
  EXPECT_EQ(diagnostics.error_count(), 3u) << testing::PrintToString(reported(diagnostics));
  EXPECT_EQ(set->actors().size(), 0u);
}

}  // namespace
}  // namespace annals
