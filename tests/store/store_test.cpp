// The event store and ingestion, on inputs of our own (no shared data needed).
#include "annals/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zlib.h>
#include <zstd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "annals/output.h"
#include "store_fixture.h"

namespace annals {
namespace {

using namespace store_test;

Sentence sentence_of(std::string id, std::string text) {
  Sentence sentence;
  sentence.id = std::move(id);
  sentence.text = std::move(text);
  return sentence;
}

// A byte span of `words` in `text` (first occurrence).
Span span_of(const std::string& text, const std::string& words) {
  const auto start = static_cast<uint32_t>(text.find(words));
  return {start, start + static_cast<uint32_t>(words.size())};
}

Story hand_story() {
  Story story;
  story.id = "hand-1";
  story.date = *parse_date("2024-12-28");
  story.source = "AFP";
  story.url = "https://example.org/hand-1";
  story.file = "hand.conllu";
  story.sentences.push_back(sentence_of("hand-1-a", "Présidente Bachelet a rencontré Kim à Séoul."));
  story.sentences.push_back(sentence_of("hand-1-b", "Nothing happened."));
  story.sentences.push_back(sentence_of("hand-1-c", "Trump criticized Kim — and Moon praised him."));
  return story;
}

std::vector<Event> hand_events(const Story& story) {
  std::vector<Event> events;
  auto make = [&](int sentence, std::string source, std::string source_words, std::optional<std::string> target,
                  std::string target_words, std::string verb, std::string cameo, double goldstein, int quad,
                  std::string plover, std::vector<std::string> issues) {
    Event event;
    event.story_id = story.id;
    event.sentence = sentence;
    event.sentence_id = story.sentences[sentence].id;
    event.date = story.date;
    event.text = story.sentences[sentence].text;
    event.source = {source, source_words, span_of(event.text, source_words)};
    if (target) event.target = EventActor{*target, target_words, span_of(event.text, target_words)};
    event.cameo = cameo;
    event.root = cameo.substr(0, 2);
    event.goldstein = goldstein;
    event.quad_class = quad;
    event.plover = plover;
    event.verb = {verb, span_of(event.text, verb)};
    event.issues = std::move(issues);
    events.push_back(event);
  };
  make(0, "CHLGOV", "Présidente Bachelet", "PRKGOV", "Kim", "rencontré", "040", 1.0, 1, "CONSULT", {"NUCLEAR"});
  make(2, "USAGOV", "Trump", "PRKGOV", "Kim", "criticized", "111", -2.0, 3, "", {});
  make(2, "KORGOV", "Moon", std::nullopt, "", "praised", "051", 3.4, 1, "COOPERATE", {"A", "B"});
  return events;
}

// A query with some fields set (designated initializers would warn about the others).
EventQuery where(const std::function<void(EventQuery&)>& set) {
  EventQuery query;
  set(query);
  return query;
}

void expect_same_event(const Event& actual, const Event& expected) {
  EXPECT_EQ(to_json(actual), to_json(expected));
  // to_json shows code point offsets; the byte offsets must come back exactly too.
  EXPECT_EQ(actual.source.span.start, expected.source.span.start);
  EXPECT_EQ(actual.source.span.end, expected.source.span.end);
  ASSERT_EQ(actual.target.has_value(), expected.target.has_value());
  if (expected.target) {
    EXPECT_EQ(actual.target->span.end, expected.target->span.end);
  }
  EXPECT_EQ(actual.verb.span.start, expected.verb.span.start);
  EXPECT_EQ(actual.verb.span.end, expected.verb.span.end);
}

TEST(EventStore, EventsRoundTripWithEveryField) {
  TempDir dir("roundtrip");
  EventStore store(dir / "events.db");
  const Story story = hand_story();
  const std::vector<Event> events = hand_events(story);
  EXPECT_EQ(store.write_story(story, story_content_hash(story), events), EventStore::WriteResult::added);

  const std::vector<Event> stored = store.events({});
  ASSERT_EQ(stored.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) expect_same_event(stored[i], events[i]);

  const std::optional<StoredStory> meta = store.story("hand-1");
  ASSERT_TRUE(meta);
  EXPECT_EQ(meta->content_hash, story_content_hash(story));
  EXPECT_EQ(meta->date, story.date);
  EXPECT_EQ(meta->source, "AFP");
  EXPECT_EQ(meta->url, story.url);
  EXPECT_EQ(meta->file, "hand.conllu");
  EXPECT_EQ(meta->sentences, 3) << "sentences without events are stored too";
}

TEST(EventStore, QueriesFilterByActorCodeAndDate) {
  TempDir dir("query");
  EventStore store(dir / "events.db");
  Story story = hand_story();
  store.write_story(story, story_content_hash(story), hand_events(story));
  story.id = "hand-2";
  story.date = *parse_date("2025-03-02");
  std::vector<Event> later = hand_events(story);
  for (Event& event : later) event.date = story.date;
  store.write_story(story, story_content_hash(story), later);

  EXPECT_EQ(store.events(where([](EventQuery& q) { q.source = "USAGOV"; })).size(), 2u);
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.source = "USA"; })).size(), 0u) << "without '*' a code matches exactly";
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.source = "USA*"; })).size(), 2u);
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.source = "*"; })).size(), 6u);
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.target = "PRKGOV"; q.code = "04"; })).size(), 2u) << "04 matches its descendant 040";
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.code = "11"; })).size(), 2u);
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.from = parse_date("2025-01-01"); })).size(), 3u);
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.to = parse_date("2024-12-28"); })).size(), 3u) << "--to is inclusive";
  EXPECT_EQ(store.events(where([](EventQuery& q) { q.limit = 4; })).size(), 4u);

  const std::vector<MonthlySeries> series = store.monthly_series(where([](EventQuery& q) { q.target = "PRKGOV"; }));
  ASSERT_EQ(series.size(), 4u) << "2024-12 .. 2025-03, the empty months filled in";
  EXPECT_EQ(series[0].year, 2024);
  EXPECT_EQ(series[0].month, 12);
  EXPECT_EQ(series[0].events, 2u);
  EXPECT_EQ(series[0].quad_class[0], 1u);
  EXPECT_EQ(series[0].quad_class[2], 1u);
  EXPECT_DOUBLE_EQ(series[0].goldstein_sum, -1.0);
  EXPECT_DOUBLE_EQ(series[0].goldstein_mean, -0.5);
  EXPECT_EQ(series[1].events, 0u);
  EXPECT_EQ(series[2].year, 2025);
  EXPECT_EQ(series[2].month, 2);
  EXPECT_EQ(series[3].events, 2u);
}

TEST(EventStore, ChangedStoryIsReplacedWhole) {
  TempDir dir("replace");
  EventStore store(dir / "events.db");
  const Story story = hand_story();
  store.write_story(story, story_content_hash(story), hand_events(story));
  EXPECT_EQ(store.write_story(story, story_content_hash(story), {}), EventStore::WriteResult::unchanged);
  EXPECT_EQ(store.event_count(), 3u) << "an unchanged story keeps its events";

  Story changed = story;
  changed.sentences.pop_back();
  std::vector<Event> events = hand_events(story);
  events.resize(1);
  EXPECT_EQ(store.write_story(changed, story_content_hash(changed), events), EventStore::WriteResult::replaced);
  EXPECT_EQ(store.story_count(), 1u);
  EXPECT_EQ(store.event_count(), 1u);
  EXPECT_EQ(store.story("hand-1")->sentences, 2);
}

TEST(EventStore, ContentHashIgnoresTheFileButNotTheParse) {
  Story story = hand_story();
  const std::string hash = story_content_hash(story);
  story.file = "elsewhere.conllu";
  EXPECT_EQ(story_content_hash(story), hash);
  Token token;
  token.form = "Nothing";
  story.sentences[1].tokens.push_back(token);
  EXPECT_NE(story_content_hash(story), hash);
}

void set_pragma(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string open_error(const fs::path& file) {
  try {
    EventStore store(file);
  } catch (const StoreError& error) {
    return error.what();
  }
  return "";
}

TEST(EventStore, RefusesANewerSchemaAndForeignFiles) {
  TempDir dir("schema");
  { EventStore store(dir / "events.db"); }
  set_pragma(dir / "events.db", "PRAGMA user_version = " + std::to_string(kStoreSchemaVersion + 1));
  const std::string newer = open_error(dir / "events.db");
  EXPECT_NE(newer.find("newer"), std::string::npos) << newer;
  EXPECT_NE(newer.find((dir / "events.db").string()), std::string::npos) << "names the file: " << newer;

  set_pragma(dir / "other.db", "CREATE TABLE things (x)");
  const std::string foreign = open_error(dir / "other.db");
  EXPECT_NE(foreign.find("not an annals event store"), std::string::npos) << foreign;

  std::ofstream(dir / "text.db") << "just some text, not a database\n";
  const std::string text = open_error(dir / "text.db");
  EXPECT_NE(text.find("not an SQLite database"), std::string::npos) << text;
}

TEST(EventStore, AnEmptyFileIsBroughtToTheCurrentSchema) {
  TempDir dir("upgrade");
  std::ofstream(dir / "events.db").close();
  { EventStore store(dir / "events.db"); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "events.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), kStoreSchemaVersion);
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

// Another program opening the same new store at the same moment (a query, a second
// ingest) must make the open wait, not fail: SQLite does not wait on its own for the
// switch to write-ahead logging. The race is short, so it is run many times.
TEST(EventStore, TwoConnectionsCanOpenANewStoreAtOnce) {
  TempDir dir("race");
  int failures = 0;
  std::string error;
  for (int round = 0; round < 300; ++round) {
    const fs::path file = dir / ("events" + std::to_string(round) + ".db");
    std::ofstream(file).close();
    auto other = std::async(std::launch::async, [&] {
      for (int i = 0; i < 20; ++i) {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        sqlite3_busy_timeout(db, 10000);
        sqlite3_exec(db, "PRAGMA journal_mode = WAL; SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
        sqlite3_close(db);
      }
    });
    try {
      EventStore store(file);
    } catch (const StoreError& e) {
      ++failures;
      error = e.what();
    }
    other.get();
  }
  EXPECT_EQ(failures, 0) << error;
}

class Ingest : public ::testing::Test {
 protected:
  void SetUp() override {
    coder_ = bundled_coder();
    ASSERT_TRUE(coder_) << "the bundled dictionaries did not load";
    fs::create_directories(dir_ / "corpus" / "part");
    write_corpus_file(dir_ / "corpus" / "a.conllu", 0, 60);
    write_corpus_file(dir_ / "corpus" / "part" / "b.conllu", 60, 120);
    std::ofstream(dir_ / "corpus" / "notes.txt") << "not a corpus file: ignored in directories\n";
  }

  IngestProgress run(EventStore& store, unsigned threads, Diagnostics& diagnostics,
                     std::vector<fs::path> paths = {}) {
    IngestOptions options;
    options.threads = threads;
    return run_with(store, options, diagnostics, std::move(paths));
  }

  IngestProgress run_with(EventStore& store, const IngestOptions& options, Diagnostics& diagnostics,
                          std::vector<fs::path> paths = {}) {
    if (paths.empty()) paths = {dir_ / "corpus"};
    return ingest(store, paths, *coder_, options, diagnostics);
  }

  TempDir dir_{"ingest"};
  std::shared_ptr<const Coder> coder_;
};

TEST_F(Ingest, StoresEveryStoryAndItsEvents) {
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  const IngestProgress result = run(store, 2, diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 0u);
  EXPECT_EQ(result.files_read, 2u);
  EXPECT_EQ(result.stories_read, 120u);
  EXPECT_EQ(result.stories_added, 120u);
  EXPECT_EQ(store.story_count(), 120u);
  EXPECT_EQ(result.events_written, store.event_count());
  EXPECT_GE(store.event_count(), 240u) << "Trump/Kim meetings are coded in both directions";
  EXPECT_EQ(result.input_bytes_read, result.input_bytes_total);
  EXPECT_EQ(store.story("story-3")->sentences, 3);
}

TEST_F(Ingest, ReingestingSkipsStoredStories) {
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  run(store, 2, diagnostics);
  const std::string first = store.canonical_dump();
  const IngestProgress again = run(store, 2, diagnostics);
  EXPECT_EQ(again.stories_unchanged, 120u);
  EXPECT_EQ(again.stories_added + again.stories_replaced, 0u);
  EXPECT_EQ(store.canonical_dump(), first) << "no duplicates, nothing rewritten";
}

TEST_F(Ingest, AStoryWithNewContentReplacesTheStoredOne) {
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  run(store, 1, diagnostics);
  const size_t events = store.event_count();
  // story-7 again with another sentence id: same id, new content.
  std::ofstream(dir_ / "corpus" / "a.conllu", std::ios::app) << generated_story(7, "-revised");
  const IngestProgress again = run(store, 1, diagnostics);
  EXPECT_EQ(again.stories_replaced, 1u);
  EXPECT_EQ(again.stories_unchanged, 120u);
  EXPECT_EQ(store.story_count(), 120u);
  EXPECT_EQ(store.event_count(), events) << "the old story's events are gone, the new ones in";
  bool revised = false;
  for (const Event& event : store.events({}))
    if (event.story_id == "story-7" && event.sentence == 1) revised = event.sentence_id == "story-7-2-revised";
  EXPECT_TRUE(revised);
}

TEST_F(Ingest, ProgressCountsOnlyCommittedStories) {
  EventStore store(dir_ / "events.db");
  const EventStore observer(dir_ / "events.db");  // sees what is committed, nothing else
  IngestOptions options;
  options.threads = 2;
  options.progress_interval = std::chrono::milliseconds(0);  // a report after every story
  size_t reports = 0;
  options.progress = [&](const IngestProgress& progress) {
    ++reports;
    EXPECT_LE(progress.stories_added, observer.story_count()) << "counted before its batch was committed";
    EXPECT_LE(progress.events_written, observer.event_count());
  };
  Diagnostics diagnostics;
  const IngestProgress result = run_with(store, options, diagnostics);
  EXPECT_GT(reports, 10u);
  EXPECT_EQ(result.stories_added, 120u);
  EXPECT_EQ(result.events_written, store.event_count());
}

TEST_F(Ingest, AStoryCodedUnderAnotherCoderIsRecoded) {
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  IngestOptions options;
  options.coder_fingerprint = "00000000000000aa";
  EXPECT_EQ(run_with(store, options, diagnostics).stories_added, 120u);
  EXPECT_EQ(run_with(store, options, diagnostics).stories_unchanged, 120u);
  EXPECT_EQ(store.stored_version("story-3")->coder, "00000000000000aa");

  options.coder_fingerprint = "00000000000000bb";  // new dictionaries, say
  const IngestProgress recoded = run_with(store, options, diagnostics);
  EXPECT_EQ(recoded.stories_replaced, 120u);
  EXPECT_EQ(recoded.stories_unchanged, 0u);
  EXPECT_EQ(recoded.events_written, store.event_count());
  EXPECT_EQ(store.story("story-3")->coder, "00000000000000bb");
  EXPECT_EQ(run_with(store, options, diagnostics).stories_unchanged, 120u);
}

TEST(CoderFingerprint, FollowsTheFilesContentsAndTheSettings) {
  TempDir dir("fingerprint");
  std::ofstream(dir / "verbs.txt") << "MEET\n- * [040]\n";
  std::ofstream(dir / "copy.txt") << "MEET\n- * [040]\n";
  std::ofstream(dir / "actors.txt") << "KIM\n\t[PRKGOV]\n";
  const std::string first = coder_fingerprint({dir / "verbs.txt", dir / "actors.txt"}, "require_dyad=yes");
  EXPECT_EQ(first.size(), 16u);
  EXPECT_EQ(coder_fingerprint({dir / "verbs.txt", dir / "actors.txt"}, "require_dyad=yes"), first);
  EXPECT_EQ(coder_fingerprint({dir / "copy.txt", dir / "actors.txt"}, "require_dyad=yes"), first)
      << "the content counts, not the name";
  EXPECT_NE(coder_fingerprint({dir / "verbs.txt", dir / "actors.txt"}, "require_dyad=no"), first);
  EXPECT_NE(coder_fingerprint({dir / "actors.txt", dir / "verbs.txt"}, "require_dyad=yes"), first)
      << "a verb file is not an actor file";
  EXPECT_NE(coder_fingerprint({dir / "verbs.txt", dir / "missing.txt"}, "require_dyad=yes"), first);
  std::ofstream(dir / "actors.txt") << "KIM\n\t[PRKMIL]\n";
  EXPECT_NE(coder_fingerprint({dir / "verbs.txt", dir / "actors.txt"}, "require_dyad=yes"), first);

  // Bulk hashing goes by 8-byte words: one changed byte anywhere, or the same bit changed
  // in two words, must still change it.
  std::string big(100003, 'x');
  std::ofstream(dir / "big.bin", std::ios::binary) << big;
  const std::string reference = coder_fingerprint({dir / "big.bin"}, "");
  for (size_t at : {size_t{0}, size_t{7}, size_t{65536}, size_t{100002}}) {
    std::string changed = big;
    changed[at] = 'y';
    std::ofstream(dir / "big.bin", std::ios::binary) << changed;
    EXPECT_NE(coder_fingerprint({dir / "big.bin"}, ""), reference) << "byte " << at;
  }
  std::string two = big;
  two[7] ^= static_cast<char>(0x80);
  two[15] ^= static_cast<char>(0x80);
  std::ofstream(dir / "big.bin", std::ios::binary) << two;
  EXPECT_NE(coder_fingerprint({dir / "big.bin"}, ""), reference);
}

TEST(CoderFingerprint, SettingsTextNamesEveryCoderOption) {
  CoderOptions options;
  const std::string defaults = coder_settings_text(options);
  options.require_dyad = false;
  EXPECT_NE(coder_settings_text(options), defaults);
  options = {};
  options.comma_max = 9;
  EXPECT_NE(coder_settings_text(options), defaults);
  options = {};
  options.new_actor_length = 4;
  EXPECT_NE(coder_settings_text(options), defaults);
}

TEST_F(Ingest, TheStoreIsTheSameForOneAndTwoThreads) {
  // Repeats inside the input too: the last version of story-4 must win in both runs.
  std::ofstream(dir_ / "corpus" / "part" / "b.conllu", std::ios::app)
      << generated_story(4, "-second") << generated_story(5);
  EventStore one(dir_ / "one.db"), two(dir_ / "two.db");
  Diagnostics diagnostics;
  run(one, 1, diagnostics);
  run(two, 2, diagnostics);
  EXPECT_EQ(one.canonical_dump(), two.canonical_dump());
  EXPECT_NE(one.canonical_dump().find("'story-4-2-second'"), std::string::npos);
}

TEST_F(Ingest, ReadsGzipAndZstdInput) {
  std::ostringstream plain;
  for (int n = 0; n < 50; ++n) plain << generated_story(n);
  const std::string text = plain.str();
  {
    gzFile gz = gzopen((dir_ / "c.conllu.gz").c_str(), "wb");
    gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
    gzclose(gz);
    std::string compressed(ZSTD_compressBound(text.size()), '\0');
    compressed.resize(ZSTD_compress(compressed.data(), compressed.size(), text.data(), text.size(), 3));
    std::ofstream(dir_ / "c.conllu.zst", std::ios::binary) << compressed;
    std::ofstream(dir_ / "c.conllu", std::ios::binary) << text;
  }
  std::vector<std::vector<std::string>> results;
  for (const char* name : {"c.conllu", "c.conllu.gz", "c.conllu.zst"}) {
    EventStore store(dir_ / (std::string(name) + ".db"));
    Diagnostics diagnostics;
    const IngestProgress result = run(store, 1, diagnostics, {dir_ / name});
    EXPECT_EQ(diagnostics.error_count(), 0u) << name;
    EXPECT_EQ(result.stories_added, 50u) << name;
    std::vector<std::string> events;
    for (const Event& event : store.events({})) events.push_back(to_json(event));
    results.push_back(events);
  }
  EXPECT_EQ(results[0], results[1]);
  EXPECT_EQ(results[0], results[2]);
}

TEST_F(Ingest, ATruncatedCompressedFileIsReportedAndItsCompleteStoriesKept) {
  std::ostringstream plain;
  for (int n = 0; n < 400; ++n) plain << generated_story(n);
  const std::string text = plain.str();
  gzFile gz = gzopen((dir_ / "cut.conllu.gz").c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  fs::resize_file(dir_ / "cut.conllu.gz", fs::file_size(dir_ / "cut.conllu.gz") / 2);
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  run(store, 1, diagnostics, {dir_ / "cut.conllu.gz"});
  ASSERT_EQ(diagnostics.error_count(), 1u);
  EXPECT_NE(diagnostics.all()[0].to_string().find("truncated"), std::string::npos)
      << diagnostics.all()[0].to_string();
  EXPECT_GT(store.story_count(), 0u);
  EXPECT_LT(store.story_count(), 400u);
}

TEST_F(Ingest, AMissingPathIsReportedAndTheRestIngested) {
  EventStore store(dir_ / "events.db");
  Diagnostics diagnostics;
  run(store, 1, diagnostics, {dir_ / "missing.conllu", dir_ / "corpus"});
  ASSERT_EQ(diagnostics.error_count(), 1u);
  EXPECT_NE(diagnostics.all()[0].to_string().find("missing.conllu"), std::string::npos);
  EXPECT_EQ(store.story_count(), 120u);
}

}  // namespace
}  // namespace annals
