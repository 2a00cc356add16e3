// Reads the PETRARCH validation files from the shared data (skipped when it is absent).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "annals/readers.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

fs::path shared_file(const std::string& relative) { return fs::path(ANNALS_SHARED_DIR) / relative; }

const ValidationRecord* find_record(const ValidationFile& file, const std::string& id) {
  const auto it = std::find_if(file.records.begin(), file.records.end(),
                               [&](const ValidationRecord& r) { return r.id == id; });
  return it == file.records.end() ? nullptr : &*it;
}

std::string dump(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics.all()) text += d.to_string() + '\n';
  return text;
}

std::string option(const ValidationRecord& record, const std::string& name) {
  const auto it = record.options.find(name);
  return it == record.options.end() ? "(unset)" : it->second;
}

TEST(ValidationFiles, PetrarchUnitTestRecords) {
  const fs::path path = shared_file("conformance/petrarch/PETR.UnitTest.records.xml");
  if (!fs::exists(path)) GTEST_SKIP() << "shared data not found: " << path;
  Diagnostics diagnostics;
  const ValidationFile file = read_validation_file(path, diagnostics);
  EXPECT_EQ(diagnostics.all().size(), 0u) << dump(diagnostics);
  ASSERT_EQ(file.records.size(), 284u);

  const ValidationEnvironment& env = file.environment;
  EXPECT_EQ(env.verbfile, "PETR.Validate.verbs.txt");
  EXPECT_EQ(env.actorfiles, std::vector<std::string>{"PETR.Validate.actors.txt"});
  EXPECT_EQ(env.agentfile, "PETR.Validate.agents.txt");
  EXPECT_EQ(env.discardfile, "PETR.Validate.discards.txt");
  EXPECT_EQ(env.issuefile, "");
  EXPECT_EQ(env.include, (std::vector<std::string>{"valid", "DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PARSING",
                                                   "PATTERN", "DATE", "MODIFY", "SYNSET", "ERROR"}));
  EXPECT_EQ(env.options.at("stop_on_error"), "True");

  const ValidationRecord& first = file.records.front();
  EXPECT_EQ(first.id, "DEMO-00");
  EXPECT_EQ(first.category, "DEMO");
  EXPECT_TRUE(first.evaluate);
  EXPECT_EQ(first.story.date, (Date{19950101}));
  EXPECT_EQ(first.story.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed "
            "its embassy.");
  EXPECT_EQ(first.expected, (std::vector<ExpectedEvent>{{"ARN", "GON", "064"}}));
  EXPECT_EQ(first.parse_error, "");
  ASSERT_EQ(first.story.sentences.size(), 1u);
  EXPECT_EQ(first.story.sentences[0].id, "DEMO-00");
  EXPECT_EQ(option(first, "stop_on_error"), "True");

  EXPECT_EQ(file.records.back().id, "FINAL-RECORD");
  EXPECT_TRUE(file.records.back().expect_no_event);

  // <Config> between records holds for every later record until changed again.
  const ValidationRecord* before = find_record(file, "DEMO-21");
  const ValidationRecord* dyad_off = find_record(file, "COMPOUND-03");
  const ValidationRecord* comma_off = find_record(file, "DATE-16");
  const ValidationRecord* comma_back = find_record(file, "DATE-17");
  ASSERT_TRUE(before && dyad_off && comma_off && comma_back);
  EXPECT_EQ(option(*before, "require_dyad"), "(unset)");
  EXPECT_EQ(option(*dyad_off, "require_dyad"), "false");
  EXPECT_EQ(option(*comma_off, "require_dyad"), "False");
  EXPECT_EQ(option(*comma_off, "comma_emax"), "0");
  EXPECT_EQ(option(*comma_off, "new_actor_length"), "0");  // set long before, still in effect
  EXPECT_EQ(option(*comma_back, "require_dyad"), "True");
  EXPECT_EQ(option(*comma_back, "comma_emax"), "8");

  size_t errors_expected = 0;
  for (const ValidationRecord& record : file.records) {
    if (record.expected_error == "bad_input_parse") {
      EXPECT_NE(record.parse_error, "") << record.id;
    } else {
      EXPECT_EQ(record.parse_error, "") << record.id;
    }
    errors_expected += !record.expected_error.empty();
  }
  EXPECT_EQ(errors_expected, 7u);
}

TEST(ValidationFiles, Petrarch2GsrRecords) {
  const fs::path path = shared_file("conformance/petrarch2-gsr/PETR2_GSR_validation.xml");
  if (!fs::exists(path)) GTEST_SKIP() << "shared data not found: " << path;
  Diagnostics diagnostics;
  const ValidationFile file = read_validation_file(path, diagnostics);
  // One record is dated "121108": it is kept, undated, with a warning.
  ASSERT_EQ(diagnostics.all().size(), 1u) << dump(diagnostics);
  EXPECT_EQ(diagnostics.all()[0].severity, Diagnostic::Severity::warning);
  EXPECT_EQ(diagnostics.all()[0].line, 485);
  ASSERT_EQ(file.records.size(), 78u);
  EXPECT_EQ(find_record(file, "AFP0808020905_1")->story.date, Date{});

  const ValidationEnvironment& env = file.environment;
  EXPECT_EQ(env.verbfile, "CAMEO.2.0.txt");
  EXPECT_EQ(env.actorfiles, (std::vector<std::string>{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                                      "Phoenix.MilNonState.actors.txt"}));
  EXPECT_EQ(env.agentfile, "Phoenix.agents.txt");
  EXPECT_EQ(env.discardfile, "Phoenix.discards.txt");
  EXPECT_EQ(env.include, (std::vector<std::string>{"valid", "AFP", "TEST", "GOLD", "VERB", "PASSIVE", "OTHER"}));

  const ValidationRecord& first = file.records.front();
  EXPECT_EQ(first.id, "AFP0808020625_4");
  EXPECT_EQ(first.category, "AFP");
  EXPECT_TRUE(first.evaluate);
  EXPECT_EQ(first.story.date, (Date{20080804}));
  EXPECT_EQ(first.expected, (std::vector<ExpectedEvent>{{"USA", "CHN", "042"}}));
  EXPECT_EQ(first.story.text.substr(0, 40), "The stopover came as the US leader prepa");
  ASSERT_EQ(first.story.sentences.size(), 1u);
  EXPECT_EQ(first.story.sentences[0].tokens.size(), 29u);

  size_t no_event = 0;
  for (const ValidationRecord& record : file.records) {
    EXPECT_EQ(record.parse_error, "") << record.id;
    no_event += record.expect_no_event;
  }
  EXPECT_EQ(no_event, 12u);
}

TEST(ValidationFiles, StoriesFromTheGsrFileGroupByStoryId) {
  const fs::path path = shared_file("conformance/petrarch2-gsr/PETR2_GSR_validation.xml");
  if (!fs::exists(path)) GTEST_SKIP() << "shared data not found: " << path;
  Diagnostics diagnostics;
  size_t sentences = 0;
  std::vector<std::string> ids;
  read_stories(path, [&](Story&& story) {
    sentences += story.sentences.size();
    ids.push_back(story.id);
  }, diagnostics);
  // When coding, the record dated "121108" is reported and skipped.
  ASSERT_EQ(diagnostics.all().size(), 1u) << dump(diagnostics);
  EXPECT_EQ(diagnostics.all()[0].severity, Diagnostic::Severity::error);
  EXPECT_EQ(diagnostics.all()[0].line, 485);
  EXPECT_EQ(sentences, 77u);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "AFP0808020625");
}

}  // namespace
}  // namespace annals
