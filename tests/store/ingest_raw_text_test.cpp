// Ingest of raw-text stories (JSONL text, Reuters SGML) through the built-in parser, and
// the store's write batches that ingest commits by.
#include <gtest/gtest.h>

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>

#include "annals/parser.h"
#include "annals/store.h"
#include "store_fixture.h"

namespace annals {
namespace {

using namespace store_test;

std::shared_ptr<const Parser> bundled_parser() {
  static const std::shared_ptr<const Parser> parser =
      Parser::load(std::filesystem::path(ANNALS_SOURCE_DIR) / "data/models/en.model");
  return parser;
}

std::string dump(const Diagnostics& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics.all()) text += d.to_string() + '\n';
  return text;
}

// Story n as one JSONL line of raw text; n % 3 == 2 is a story without events.
std::string raw_story_line(int n) {
  static const char* const kTexts[] = {
      "Trump met Kim on Wednesday. The two leaders discussed sanctions.",
      "Kim criticized Trump. Officials in Seoul said nothing.\n\nTrump visited Kim later.",
      "Markets were quiet on Friday as traders awaited new data.",
  };
  const nlohmann::json story = {{"id", fmt::format("raw-{}", n)},
                                {"date", fmt::format("2019-02-{:02}", n % 28 + 1)},
                                {"source", "AFP"},
                                {"text", kTexts[n % 3]}};
  return story.dump();
}

class IngestRawText : public ::testing::Test {
 protected:
  void SetUp() override {
    coder_ = bundled_coder();
    ASSERT_TRUE(coder_) << "the bundled dictionaries did not load";
    std::ofstream out(dir_ / "raw.jsonl", std::ios::binary);
    for (int n = 0; n < 90; ++n) out << raw_story_line(n) << '\n';
  }

  IngestProgress run(EventStore& store, unsigned threads, std::shared_ptr<const Parser> parser,
                     Diagnostics& diagnostics, std::vector<fs::path> paths = {},
                     std::function<void(Sentence&)> before_parse = {}) {
    if (paths.empty()) paths = {dir_ / "raw.jsonl"};
    IngestOptions options;
    options.threads = threads;
    options.parser = std::move(parser);
    options.before_parse = std::move(before_parse);
    return ingest(store, paths, *coder_, options, diagnostics);
  }

  TempDir dir_{"ingest_raw"};
  std::shared_ptr<const Coder> coder_;
};

TEST_F(IngestRawText, RawTextIsParsedCodedAndStored) {
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  const IngestProgress result = run(store, 2, bundled_parser(), diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 0u) << dump(diagnostics);
  EXPECT_EQ(result.stories_added, 90u);
  EXPECT_EQ(result.stories_refused, 0u);
  EXPECT_EQ(store.story_count(), 90u);
  const int per_kind[] = {store.story("raw-0")->sentences, store.story("raw-1")->sentences,
                          store.story("raw-2")->sentences};
  EXPECT_EQ(per_kind[0], 2);
  EXPECT_EQ(per_kind[1], 3);
  EXPECT_EQ(per_kind[2], 1);
  EXPECT_EQ(result.sentences_written, 30u * (per_kind[0] + per_kind[1] + per_kind[2]));
  EXPECT_EQ(result.events_written, store.event_count());
  bool trump_meets_kim = false;
  for (const Event& event : store.events({})) {
    EXPECT_NE(std::stoi(event.story_id.substr(4)) % 3, 2) << "nothing happens in the market story: " << event.cameo;
    if (event.story_id == "raw-0" && event.sentence == 0 && event.source.code == "USAGOV" && event.target &&
        event.target->code == "PRKGOV" && event.root == "04")
      trump_meets_kim = true;
  }
  EXPECT_TRUE(trump_meets_kim);
}

TEST_F(IngestRawText, RerunSkipsParsedStoriesAndThreadsDoNotChangeTheStore) {
  EventStore one(dir_ / "one.db"), two(dir_ / "two.db");
  Diagnostics diagnostics;
  run(one, 1, bundled_parser(), diagnostics);
  run(two, 2, bundled_parser(), diagnostics);
  EXPECT_EQ(one.canonical_dump(), two.canonical_dump());
  const IngestProgress again = run(two, 2, bundled_parser(), diagnostics);
  EXPECT_EQ(again.stories_unchanged, 90u);
  EXPECT_EQ(again.sentences_written, 0u);
  EXPECT_EQ(one.canonical_dump(), two.canonical_dump());
}

TEST_F(IngestRawText, EverySentenceGoesThroughBeforeParse) {
  std::atomic<size_t> calls = 0;
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  const IngestProgress result = run(store, 2, bundled_parser(), diagnostics, {}, [&](Sentence&) { ++calls; });
  EXPECT_EQ(calls.load(), result.sentences_written);
  EXPECT_EQ(result.stories_added, 90u);
}

TEST_F(IngestRawText, WithoutAParserRawTextIsRefusedAndReported) {
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  const IngestProgress result = run(store, 2, nullptr, diagnostics);
  EXPECT_EQ(result.stories_read, 90u);
  EXPECT_EQ(result.stories_refused, 90u);
  EXPECT_EQ(store.story_count(), 0u);
  ASSERT_EQ(diagnostics.error_count(), 90u);
  const Diagnostic first = diagnostics.all()[0];
  EXPECT_EQ(first.line, 1);
  EXPECT_NE(first.message.find("'raw-0' has no parse"), std::string::npos) << first.to_string();
}

TEST_F(IngestRawText, UndatedPlainTextTakesTheDefaultDateOrIsRefused) {
  std::ofstream(dir_ / "kim.txt", std::ios::binary) << "Kim Jong-un met Putin in Pyongyang on Friday.\n";
  EventStore store(dir_ / "events.db");
  IngestOptions options;
  options.parser = bundled_parser();
  Diagnostics refused;
  EXPECT_EQ(ingest(store, {dir_ / "kim.txt"}, *coder_, options, refused).stories_refused, 1u);
  ASSERT_EQ(refused.error_count(), 1u);
  EXPECT_NE(refused.all()[0].message.find("no date"), std::string::npos) << dump(refused);

  options.default_date = Date{20240622};  // a Saturday
  Diagnostics diagnostics;
  EXPECT_EQ(ingest(store, {dir_ / "kim.txt"}, *coder_, options, diagnostics).stories_added, 1u);
  const std::vector<Event> events = store.events({});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].story_id, "kim");
  EXPECT_EQ(events[0].date, Date{20240621});  // "on Friday"
}

TEST_F(IngestRawText, ReutersSgmlFilesAreFoundAndIngested) {
  fs::create_directories(dir_ / "reuters");
  std::ofstream(dir_ / "reuters" / "reut2-000.sgm", std::ios::binary)
      << "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
         "<REUTERS TOPICS=\"NO\" NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
         "<TEXT>&#2;\n<TITLE>TRUMP MEETS KIM</TITLE>\n<DATELINE>    HANOI, Feb 26 - </DATELINE><BODY>Trump met\n"
         "Kim on Thursday, officials said.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
         "<REUTERS TOPICS=\"NO\" NEWID=\"2\">\n<DATE>27-FEB-1987 10:00:00.00</DATE>\n"
         "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>KIM CRITICIZED TRUMP\n</TITLE>Blah blah blah.\n&#3;\n</TEXT>\n"
         "</REUTERS>\n";
  Diagnostics diagnostics;
  const std::vector<fs::path> files = ingest_input_files({dir_.path()}, diagnostics);
  EXPECT_NE(std::find(files.begin(), files.end(), dir_ / "reuters" / "reut2-000.sgm"), files.end());

  EventStore store(dir_ / "events.db");
  const IngestProgress result = run(store, 1, bundled_parser(), diagnostics, {dir_ / "reuters"});
  EXPECT_EQ(diagnostics.error_count(), 0u) << dump(diagnostics);
  EXPECT_EQ(result.stories_added, 2u);
  const std::optional<StoredStory> first = store.story("reuters-1");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->date, (Date{19870226}));
  EXPECT_EQ(first->source, "Reuters");
  EXPECT_GE(first->sentences, 2) << "title and body are separate sentences";
  EXPECT_EQ(store.story("reuters-2")->sentences, 1);
}

// Ingest commits by batches: a batch is invisible to other connections until committed,
// and rolled back whole when never committed.
TEST(EventStoreBatch, WritesOfABatchAreCommittedTogetherOrNotAtAll) {
  TempDir dir("batch");
  auto story_of = [](int n) {
    Story story;
    story.id = "s" + std::to_string(n);
    story.date = Date{20240101 + n};
    story.source = "AFP";
    return story;
  };
  {
    EventStore writer(dir / "events.db");
    const EventStore reader(dir / "events.db");
    writer.begin_batch();
    for (int n = 0; n < 3; ++n) {
      const Story story = story_of(n);
      EXPECT_EQ(writer.write_story(story, story_content_hash(story), {}), EventStore::WriteResult::added);
    }
    EXPECT_EQ(writer.stored_hash("s1"), story_content_hash(story_of(1))) << "the writer sees its own batch";
    EXPECT_EQ(reader.story_count(), 0u);
    writer.commit_batch();
    EXPECT_EQ(reader.story_count(), 3u);
    writer.commit_batch();  // nothing open: nothing happens

    writer.begin_batch();
    const Story story = story_of(7);
    writer.write_story(story, story_content_hash(story), {});
  }  // destroyed with the batch open
  const EventStore reopened(dir / "events.db");
  EXPECT_EQ(reopened.story_count(), 3u);
  EXPECT_FALSE(reopened.stored_hash("s7"));
}

}  // namespace
}  // namespace annals
