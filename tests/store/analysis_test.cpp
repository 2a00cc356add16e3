// Deduplication into happenings, one-a-day, series, top lists, exports and the schema
// upgrade, on stories built here (no shared data needed).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "annals/output.h"
#include "annals/store.h"
#include "store/export.h"
#include "store_fixture.h"

namespace annals {
namespace {

using namespace store_test;

// One story of one sentence "<source words> <verb> <target words>." reporting one event.
struct Report {
  std::string story;
  std::string outlet;
  std::string date;
  std::string source = "PRKGOV";
  std::string target = "USAGOV";
  std::string cameo = "112";
  double goldstein = -2.0;
  int quad = 3;
};

Story story_of(const Report& report) {
  Story story;
  story.id = report.story;
  story.date = *parse_date(report.date);
  story.source = report.outlet;
  story.url = "https://news.example/" + report.story;
  Sentence sentence;
  sentence.id = report.story + "-s1";
  sentence.text = "North Korea accused Washington of provocations.";
  story.sentences.push_back(sentence);
  return story;
}

Event event_of(const Report& report, const Story& story) {
  Event event;
  event.story_id = story.id;
  event.sentence = 0;
  event.sentence_id = story.sentences[0].id;
  event.text = story.sentences[0].text;
  event.date = event.date_end = story.date;
  event.source = {report.source, "North Korea", {0, 11}};
  if (!report.target.empty()) event.target = EventActor{report.target, "Washington", {20, 30}};
  event.cameo = report.cameo;
  event.root = report.cameo.substr(0, 2);
  event.goldstein = report.goldstein;
  event.quad_class = report.quad;
  event.verb = {"accused", {12, 19}};
  return event;
}

void write(EventStore& store, const Report& report) {
  const Story story = story_of(report);
  store.write_story(story, story_content_hash(story), {event_of(report, story)});
}

// The kidnapping problem in small: one accusation reported by four stories of three
// outlets over two days, with two leaf codes of the same root.
std::vector<Report> one_happening_reported_four_times() {
  return {{"kcna-1", "KCNA", "2025-03-10", "PRKGOV", "USAGOV", "112"},
          {"afp-1", "AFP", "2025-03-10", "PRKGOV", "USAGOV", "112"},
          {"afp-2", "AFP", "2025-03-11", "PRKGOV", "USAGOV", "1121"},
          {"yonhap-1", "Yonhap", "2025-03-11", "PRKGOV", "USAGOV", "112"}};
}

// Other happenings around it: another dyad, another root, and the same dyad too late.
std::vector<Report> other_happenings() {
  return {{"afp-3", "AFP", "2025-03-10", "USAGOV", "PRKGOV", "112"},
          {"afp-4", "AFP", "2025-03-10", "PRKGOV", "USAGOV", "040", 1.0, 1},
          {"afp-5", "AFP", "2025-03-12", "PRKGOV", "USAGOV", "112"}};
}

EventQuery where(const std::function<void(EventQuery&)>& set) {
  EventQuery query;
  set(query);
  return query;
}

std::vector<Happening> happenings_of(const EventStore& store, const EventQuery& query = {}) {
  std::vector<Happening> all;
  store.for_each_happening(query, [&](const Happening& happening) { all.push_back(happening); });
  return all;
}

TEST(Dedup, FourReportsOfOneHappeningAreOneHappening) {
  TempDir dir("dedup");
  EventStore store(dir / "events.db");
  for (const Report& report : one_happening_reported_four_times()) write(store, report);
  for (const Report& report : other_happenings()) write(store, report);
  const DedupResult result = store.dedup({});
  EXPECT_EQ(result.events, 7u);
  EXPECT_EQ(result.happenings, 4u);

  const std::vector<Happening> accusations =
      happenings_of(store, where([](EventQuery& q) { q.source = "PRKGOV"; q.code = "11"; }));
  ASSERT_EQ(accusations.size(), 2u) << "2025-03-12 is two days after the first report: a new happening";
  const Happening& happening = accusations[0];
  EXPECT_EQ(happening.mentions, 4u);
  EXPECT_EQ(happening.sources, 3u) << "KCNA, AFP, Yonhap";
  EXPECT_EQ(happening.stories, 4u);
  EXPECT_EQ(happening.date, *parse_date("2025-03-10"));
  EXPECT_EQ(happening.date_last, *parse_date("2025-03-11"));
  EXPECT_EQ(happening.family, "11");
  EXPECT_EQ(happening.first.story_id, "afp-1") << "first mention: earliest date, then story id";
  EXPECT_EQ(happening.url, "https://news.example/afp-1");
  EXPECT_EQ(accusations[1].mentions, 1u);

  // Every mention leads back to its story and sentence.
  const std::vector<Event> mentions = store.mentions(happening.id);
  std::vector<std::string> stories;
  for (const Event& mention : mentions) {
    stories.push_back(mention.story_id);
    EXPECT_EQ(mention.sentence_id, mention.story_id + "-s1");
    EXPECT_EQ(mention.text, "North Korea accused Washington of provocations.");
  }
  EXPECT_EQ(stories, (std::vector<std::string>{"afp-1", "kcna-1", "afp-2", "yonhap-1"}));

  EXPECT_EQ(store.count(where([](EventQuery& q) { q.counting = Counting::happenings; })), 4u);
  EXPECT_EQ(store.count({}), 7u);
}

TEST(Dedup, TheBaseCodeFamilyAndTheWindowAreOptions) {
  TempDir dir("dedup_options");
  EventStore store(dir / "events.db");
  for (const Report& report : one_happening_reported_four_times()) write(store, report);
  for (const Report& report : other_happenings()) write(store, report);
  EXPECT_EQ(store.dedup({1, CodeFamily::base}).happenings, 4u) << "1121 is still of base code 112";
  EXPECT_EQ(store.dedup({0, CodeFamily::root}).happenings, 5u) << "without a window, 03-10 and 03-11 split";
  EXPECT_EQ(store.dedup({2, CodeFamily::root}).happenings, 3u) << "03-12 joins within two days";
  EXPECT_EQ(store.last_dedup(), (DedupOptions{2, CodeFamily::root}));
}

TEST(Dedup, TheGroupingDoesNotDependOnTheWriteOrder) {
  TempDir dir("dedup_order");
  std::vector<Report> reports = one_happening_reported_four_times();
  for (const Report& report : other_happenings()) reports.push_back(report);
  EventStore forward(dir / "forward.db"), backward(dir / "backward.db");
  for (const Report& report : reports) write(forward, report);
  std::reverse(reports.begin(), reports.end());
  for (const Report& report : reports) write(backward, report);
  forward.dedup({});
  backward.dedup({});
  std::ostringstream a, b;
  export_store(forward, {}, ExportFormat::gdelt, a);
  export_store(backward, {}, ExportFormat::gdelt, b);
  EXPECT_EQ(a.str(), b.str());
  for (int64_t id = 1; id <= 4; ++id) {
    std::vector<std::string> in_forward, in_backward;
    for (const Event& e : forward.mentions(id)) in_forward.push_back(e.story_id);
    for (const Event& e : backward.mentions(id)) in_backward.push_back(e.story_id);
    EXPECT_EQ(in_forward, in_backward) << "happening " << id;
  }
}

TEST(Dedup, WritingAStoryMakesTheHappeningsOutOfDate) {
  TempDir dir("dedup_stale");
  EventStore store(dir / "events.db");
  EXPECT_FALSE(store.current_dedup());
  for (const Report& report : one_happening_reported_four_times()) write(store, report);
  store.dedup({3, CodeFamily::root});
  EXPECT_EQ(store.current_dedup(), (DedupOptions{3, CodeFamily::root}));
  write(store, other_happenings()[0]);
  EXPECT_FALSE(store.current_dedup());
  EXPECT_EQ(store.last_dedup(), (DedupOptions{3, CodeFamily::root}));
  EXPECT_THROW(store.count(where([](EventQuery& q) { q.counting = Counting::happenings; })), StoreError);
  EXPECT_THROW(happenings_of(store), StoreError);
}

TEST(OneADay, KeepsTheFirstEventOfEachDateDyadAndCode) {
  TempDir dir("one_a_day");
  EventStore store(dir / "events.db");
  for (const Report& report : one_happening_reported_four_times()) write(store, report);
  for (const Report& report : other_happenings()) write(store, report);
  // (03-10 PRK USA 112) x2, (03-11 PRK USA 1121), (03-11 PRK USA 112), the other three distinct.
  const EventQuery query = where([](EventQuery& q) { q.counting = Counting::one_a_day; });
  EXPECT_EQ(store.count(query), 6u);
  const std::vector<Event> events = store.events(query);
  ASSERT_EQ(events.size(), 6u);
  size_t accusations_on_the_10th = 0;
  for (const Event& event : events) {
    if (event.date == *parse_date("2025-03-10") && event.source.code == "PRKGOV" && event.cameo == "112") {
      ++accusations_on_the_10th;
      EXPECT_EQ(event.story_id, "afp-1") << "the first in story order is kept";
    }
  }
  EXPECT_EQ(accusations_on_the_10th, 1u);
  EXPECT_EQ(store.count(where([](EventQuery& q) {
              q.counting = Counting::one_a_day;
              q.source = "PRKGOV";
              q.code = "112";
            })),
            4u);
}

class Series : public ::testing::Test {
 protected:
  void SetUp() override {
    // Mondays 2024-12-30 and 2025-01-06; a Sunday 2025-01-05.
    for (const auto& [story, date, cameo, goldstein, quad] :
         std::vector<std::tuple<std::string, std::string, std::string, double, int>>{
             {"a", "2024-12-30", "112", -2.0, 3}, {"b", "2024-12-31", "040", 1.0, 1},
             {"c", "2025-01-05", "190", -10.0, 4}, {"d", "2025-01-06", "061", 6.0, 2},
             {"e", "2025-03-02", "112", -2.0, 3}, {"f", "2026-01-01", "040", 1.0, 1}}) {
      Report report{story, "AFP", date, "PRKGOV", "USAGOV", cameo, goldstein, quad};
      write(store_, report);
    }
  }
  TempDir dir_{"series"};
  EventStore store_{dir_ / "events.db"};
};

std::vector<std::string> periods(const std::vector<SeriesPoint>& series) {
  std::vector<std::string> labels;
  for (const SeriesPoint& point : series) labels.push_back(point.period + ":" + std::to_string(point.events));
  return labels;
}

TEST_F(Series, ByDayWeekMonthAndYearWithoutHoles) {
  const auto by_day = store_.series({}, Granularity::day);
  ASSERT_EQ(by_day.size(), 368u) << "2024-12-30 .. 2026-01-01, every day listed";
  EXPECT_EQ(by_day[0].period, "2024-12-30");
  EXPECT_EQ(by_day[2].period, "2025-01-01");
  EXPECT_EQ(by_day[2].events, 0u);
  EXPECT_EQ(by_day[6].period, "2025-01-05");
  EXPECT_EQ(by_day[6].quad_class[3], 1u);

  const auto by_week = store_.series({}, Granularity::week);
  ASSERT_GE(by_week.size(), 3u);
  EXPECT_EQ(periods({by_week.begin(), by_week.begin() + 3}),
            (std::vector<std::string>{"2024-12-30:3", "2025-01-06:1", "2025-01-13:0"}))
      << "weeks run Monday to Sunday and are named by their Monday";
  EXPECT_EQ(by_week.back().period, "2025-12-29");
  EXPECT_DOUBLE_EQ(by_week[0].goldstein_sum, -11.0);

  EXPECT_EQ(periods(store_.series({}, Granularity::year)), (std::vector<std::string>{"2024:2", "2025:3", "2026:1"}));
  const auto by_month = store_.series({}, Granularity::month);
  ASSERT_EQ(by_month.size(), 14u);
  EXPECT_EQ(periods({by_month.begin(), by_month.begin() + 4}),
            (std::vector<std::string>{"2024-12:2", "2025-01:2", "2025-02:0", "2025-03:1"}));
  EXPECT_EQ(by_month[1].quad_class, (std::array<size_t, 4>{0, 1, 0, 1}));
  EXPECT_DOUBLE_EQ(by_month[1].goldstein_mean, -2.0);
}

TEST(Top, ActorsAndDyadsByEventCount) {
  TempDir dir("top");
  EventStore store(dir / "events.db");
  for (const Report& report : one_happening_reported_four_times()) write(store, report);
  for (const Report& report : other_happenings()) write(store, report);
  write(store, {"afp-6", "AFP", "2025-03-10", "CHNGOV", "", "010", 0.0, 1});
  const std::vector<TopEntry> dyads = store.top_dyads({});
  ASSERT_EQ(dyads.size(), 3u);
  EXPECT_EQ(dyads[0].source, "PRKGOV");
  EXPECT_EQ(dyads[0].target, "USAGOV");
  EXPECT_EQ(dyads[0].events, 6u);
  EXPECT_EQ(dyads[1].source, "CHNGOV") << "ties by code";
  EXPECT_EQ(dyads[1].target, "");
  EXPECT_EQ(dyads[2].source, "USAGOV");

  const std::vector<TopEntry> actors = store.top_actors(where([](EventQuery& q) { q.limit = 2; }));
  ASSERT_EQ(actors.size(), 2u);
  EXPECT_EQ(actors[0].source, "PRKGOV");
  EXPECT_EQ(actors[0].events, 7u);
  EXPECT_EQ(actors[0].as_source, 6u);
  EXPECT_EQ(actors[0].as_target, 1u);
  EXPECT_EQ(actors[1].source, "USAGOV");

  store.dedup({});
  const std::vector<TopEntry> happening_dyads =
      store.top_dyads(where([](EventQuery& q) { q.counting = Counting::happenings; }));
  ASSERT_EQ(happening_dyads.size(), 3u);
  EXPECT_EQ(happening_dyads[0].events, 3u) << "6 reports of 3 happenings";
}

std::vector<std::pair<std::string, size_t>> dyad_counts(const std::vector<TopEntry>& top) {
  std::vector<std::pair<std::string, size_t>> counts;
  for (const TopEntry& entry : top) counts.emplace_back(entry.source + ">" + entry.target, entry.events);
  return counts;
}

TEST(Top, KeptCountsAgreeWithCountingTheEventsAfterReplacements) {
  TempDir dir("top_counts");
  EventStore store(dir / "events.db");
  for (const Report& report : one_happening_reported_four_times()) write(store, report);
  write(store, {"afp-6", "AFP", "2025-03-10", "CHNGOV", "", "010", 0.0, 1});
  // afp-1 rewritten with another dyad, afp-6 emptied: the kept counts must follow.
  write(store, {"afp-1", "Agence France-Presse", "2025-03-10", "USAGOV", "PRKGOV", "112"});
  const Story emptied = story_of({"afp-6", "AFP", "2025-03-11"});
  store.write_story(emptied, story_content_hash(emptied), {});
  // A date filter makes the store count the events themselves.
  const auto counted = dyad_counts(store.top_dyads(where([](EventQuery& q) { q.from = parse_date("1900-01-01"); })));
  EXPECT_EQ(counted, (std::vector<std::pair<std::string, size_t>>{{"PRKGOV>USAGOV", 3}, {"USAGOV>PRKGOV", 1}}));
  EXPECT_EQ(dyad_counts(store.top_dyads({})), counted);
  EXPECT_EQ(dyad_counts(store.top_dyads(where([](EventQuery& q) { q.source = "USA*"; }))),
            (std::vector<std::pair<std::string, size_t>>{{"USAGOV>PRKGOV", 1}}));
  EXPECT_EQ(store.top_actors({}).at(0).events, 4u);
  EXPECT_EQ(store.top_actors({}).size(), 2u) << "CHNGOV has no events left";
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(text);
  while (std::getline(in, field, separator)) fields.push_back(field);
  if (!text.empty() && text.back() == separator) fields.emplace_back();
  return fields;
}

TEST(Export, GdeltRowsHave61ColumnsAndOnlyWhatWeKnow) {
  TempDir dir("gdelt");
  EventStore store(dir / "events.db");
  for (const Report& report : one_happening_reported_four_times()) write(store, report);
  write(store, {"afp-6", "AFP", "2025-03-10", "IGOUNO", "", "010", 0.0, 1});
  store.dedup({});
  std::ostringstream out;
  EXPECT_EQ(export_store(store, {}, ExportFormat::gdelt, out), 2u);
  std::istringstream lines(out.str());
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(split(line, '\t'));
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) ASSERT_EQ(row.size(), kGdeltColumns);
  const std::vector<std::string>& un = rows[0];  // IGOUNO sorts before PRKGOV
  EXPECT_EQ(un[5], "IGOUNO");
  EXPECT_EQ(un[7], "") << "no country in an IGO code";
  EXPECT_EQ(un[8], "UNO") << "known group";
  EXPECT_EQ(un[12], "IGO") << "type 1";
  for (int column = 15; column < 25; ++column) EXPECT_EQ(un[column], "") << "no target: column " << column + 1;

  const std::vector<std::string>& row = rows[1];
  const std::vector<std::pair<int, std::string>> known = {
      {0, "2"},          {1, "20250310"},     {2, "202503"}, {3, "2025"},  {4, "2025.1890"},
      {5, "PRKGOV"},     {6, "North Korea"},  {7, "PRK"},    {12, "GOV"}, {15, "USAGOV"},
      {16, "Washington"}, {17, "USA"},        {22, "GOV"},   {26, "112"}, {27, "112"},
      {28, "11"},        {29, "3"},           {30, "-2"},    {31, "4"},   {32, "3"},
      {33, "4"},         {60, "https://news.example/afp-1"}};
  std::vector<bool> filled(kGdeltColumns, false);
  for (const auto& [column, value] : known) {
    EXPECT_EQ(row[column], value) << "column " << column + 1;
    filled[column] = true;
  }
  for (size_t column = 0; column < kGdeltColumns; ++column) {
    if (!filled[column]) {
      EXPECT_EQ(row[column], "") << "column " << column + 1 << " must stay empty";
    }
  }
}

TEST(Export, GdeltFractionDateCountsTheDaysOfItsOwnYear) {
  auto fraction = [](int ymd) {
    Happening happening;
    happening.date = Date{ymd};
    return split(gdelt_row(happening), '\t').at(4);
  };
  EXPECT_EQ(fraction(20230301), "2023.1644");  // day 60 of 365
  EXPECT_EQ(fraction(20240301), "2024.1667");  // day 61 of 366: leap year
  EXPECT_EQ(fraction(19000301), "1900.1644");  // not a leap year (divisible by 100)
  EXPECT_EQ(fraction(20000101), "2000.0027");  // day 1 of 366
  EXPECT_EQ(fraction(20241231), "2025.0000");  // day 366 of 366
}

TEST(Export, SplitsActorCodesOnlyAsFarAsTheyTell) {
  EXPECT_EQ(split_actor_code("USAGOVMIL").country, "USA");
  EXPECT_EQ(split_actor_code("USAGOVMIL").types, (std::array<std::string, 3>{"GOV", "MIL", ""}));
  EXPECT_EQ(split_actor_code("---MIL").country, "") << "unknown country";
  EXPECT_EQ(split_actor_code("IGOEUREEC").known_group, "EEC");
  EXPECT_EQ(split_actor_code("USAXYZ").types[0], "") << "unknown parts are not guessed";
}

TEST(Export, JsonlIsWhatCodeWritesAndCsvHasAHeader) {
  TempDir dir("export");
  EventStore store(dir / "events.db");
  const std::vector<Report> reports = one_happening_reported_four_times();
  for (const Report& report : reports) write(store, report);
  std::ostringstream jsonl, csv;
  EXPECT_EQ(export_store(store, {}, ExportFormat::jsonl, jsonl), 4u);
  std::ostringstream expected;
  for (const Event& event : store.events({})) write_event(expected, event, OutputFormat::jsonl);
  EXPECT_EQ(jsonl.str(), expected.str());
  EXPECT_NE(jsonl.str().find("\"story_id\":\"afp-1\""), std::string::npos);

  EXPECT_EQ(export_store(store, where([](EventQuery& q) { q.counting = Counting::one_a_day; }), ExportFormat::csv,
                         csv),
            3u);
  const std::vector<std::string> lines = split(csv.str(), '\n');
  ASSERT_EQ(lines.size(), 5u) << "header, 3 rows, and the final newline";
  EXPECT_EQ(lines[0] + "\n", events_csv_header());
  EXPECT_EQ(lines[1].rfind("2025-03-10,afp-1,0,afp-1-s1,PRKGOV,North Korea,USAGOV,Washington,112,11,-2,3,", 0), 0u)
      << lines[1];
  EXPECT_NE(lines[1].find(",story,0,asserted,,North Korea accused Washington of provocations."), std::string::npos)
      << lines[1];
}

TEST(EventStoreV2, NewEventFieldsRoundTrip) {
  TempDir dir("v2_fields");
  EventStore store(dir / "events.db");
  Report report{"kcna-9", "KCNA", "2025-03-10"};
  const Story story = story_of(report);
  Event event = event_of(report, story);
  event.date = *parse_date("2025-03-01");
  event.date_end = *parse_date("2025-03-07");
  event.date_precision = DatePrecision::week;
  event.historical = true;
  event.modality = Modality::negated;
  event.attribution = {{"said", {"PRKGOV", "North Korea", {0, 11}}}, {"quoted_by", {"", "Washington", {20, 30}}}};
  store.write_story(story, story_content_hash(story), {event});
  const std::vector<Event> stored = store.events({});
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].date_end, event.date_end);
  EXPECT_EQ(stored[0].date_precision, DatePrecision::week);
  EXPECT_TRUE(stored[0].historical);
  EXPECT_EQ(stored[0].modality, Modality::negated);
  ASSERT_EQ(stored[0].attribution.size(), 2u);
  EXPECT_EQ(stored[0].attribution[0].relation, "said");
  EXPECT_EQ(stored[0].attribution[0].source.code, "PRKGOV");
  EXPECT_EQ(stored[0].attribution[1].source.text, "Washington");
  EXPECT_EQ(stored[0].attribution[1].source.span.start, 20u);
  EXPECT_EQ(stored[0].attribution[1].source.span.end, 30u);
  EXPECT_EQ(attribution_text(stored[0]), "said North Korea [PRKGOV] < quoted_by Washington []");
}

std::string column_text(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
  std::string value;
  if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
    value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

bool execute(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  const bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  if (!ok) ADD_FAILURE() << sqlite3_errmsg(db);
  sqlite3_close(db);
  return ok;
}

// The store's attribution column holds the chain exactly as `annals code` writes it.
TEST(EventStore, AttributionIsStoredInTheJsonlLayout) {
  TempDir dir("attribution_layout");
  Report report{"kcna-9", "KCNA", "2025-03-10"};
  const Story story = story_of(report);
  Event event = event_of(report, story);
  // Unknown code; no source named; a link stated by the story's lead sentence.
  event.attribution = {{"said", {"", "North Korea", {0, 11}}}, {"reported", {}}, {"quoted_by", {"BGRMED", "BTA", {}}, 0}};
  {
    EventStore store(dir / "events.db");
    store.write_story(story, story_content_hash(story), {event});
    const std::vector<Event> stored = store.events({});
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(to_json(stored[0]))["attribution"],
              nlohmann::json::parse(to_json(event))["attribution"])
        << "the chain survives the store unchanged";
    EXPECT_EQ(stored[0].attribution[2].sentence, 0);
    EXPECT_EQ(stored[0].attribution[0].sentence, -1);
  }
  EXPECT_EQ(column_text(dir / "events.db", "SELECT attribution FROM events"),
            nlohmann::ordered_json::parse(to_json(event))["attribution"].dump());
}

// The schema of version 1, as annals 0.1 wrote it.
constexpr const char* kVersion1Schema = R"sql(
CREATE TABLE stories (id TEXT PRIMARY KEY NOT NULL, content_hash TEXT NOT NULL, date TEXT, source TEXT NOT NULL,
  url TEXT NOT NULL, file TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sentences (story TEXT NOT NULL REFERENCES stories(id), idx INTEGER NOT NULL,
  sentence_id TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (story, idx)) WITHOUT ROWID;
CREATE TABLE events (story TEXT NOT NULL, sentence INTEGER NOT NULL, ordinal INTEGER NOT NULL, date TEXT,
  source_code TEXT NOT NULL, source_text TEXT NOT NULL, source_start INTEGER NOT NULL, source_end INTEGER NOT NULL,
  target_code TEXT, target_text TEXT, target_start INTEGER, target_end INTEGER, cameo TEXT NOT NULL,
  root TEXT NOT NULL, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL, plover TEXT, verb_text TEXT NOT NULL,
  verb_start INTEGER NOT NULL, verb_end INTEGER NOT NULL, issues TEXT NOT NULL, UNIQUE (story, sentence, ordinal),
  FOREIGN KEY (story, sentence) REFERENCES sentences(story, idx));
CREATE INDEX events_by_dyad ON events(source_code, target_code, date);
CREATE INDEX events_by_target ON events(target_code, date);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX events_by_code ON events(cameo, date);
CREATE VIEW event_rows AS SELECT events.*, sentences.sentence_id, sentences.text
  FROM events JOIN sentences ON sentences.story = events.story AND sentences.idx = events.sentence;
INSERT INTO stories VALUES ('old-1', '0123456789abcdef', '2024-05-01', 'AFP', 'https://news.example/old-1', 'old.xml');
INSERT INTO sentences VALUES ('old-1', 0, 'old-1-s1', 'North Korea accused Washington of provocations.');
INSERT INTO events VALUES ('old-1', 0, 0, '2024-05-01', 'PRKGOV', 'North Korea', 0, 11, 'USAGOV', 'Washington',
  20, 30, '112', '11', -2.0, 3, 'ACCUSE', 'accused', 12, 19, '["NUCLEAR"]');
PRAGMA user_version = 1;
PRAGMA application_id = 1095650892;
)sql";

int64_t pragma(const fs::path& file, const char* name) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &statement, nullptr);
  const int64_t value = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

TEST(EventStoreV2, AVersion1FileIsUpgradedInPlace) {
  TempDir dir("v1_upgrade");
  const fs::path file = dir / "old.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, kVersion1Schema, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  ASSERT_EQ(pragma(file, "user_version"), 1);
  {
    EventStore store(file);
    EXPECT_EQ(pragma(file, "user_version"), kStoreSchemaVersion);
    const std::vector<Event> events = store.events({});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].story_id, "old-1");
    EXPECT_EQ(events[0].date, *parse_date("2024-05-01"));
    EXPECT_EQ(events[0].date_end, events[0].date) << "a version-1 event lasted its day";
    EXPECT_EQ(events[0].date_precision, DatePrecision::story);
    EXPECT_EQ(events[0].modality, Modality::asserted);
    EXPECT_TRUE(events[0].attribution.empty());
    EXPECT_EQ(events[0].issues, std::vector<std::string>{"NUCLEAR"});
    EXPECT_EQ(store.stored_hash("old-1"), "0123456789abcdef") << "stories keep their content hash";
    EXPECT_EQ(store.story("old-1")->coder, "") << "coded under an unknown coder: the next ingest recodes it";
    ASSERT_EQ(store.top_dyads({}).size(), 1u) << "the kept dyad counts include the old events";
    EXPECT_EQ(store.top_dyads({})[0].events, 1u);
    // The upgraded store takes new stories and groups old and new events.
    write(store, {"new-1", "AFP", "2024-05-02"});
    EXPECT_EQ(store.dedup({}).happenings, 1u);
    EXPECT_EQ(happenings_of(store).at(0).mentions, 2u);
  }
  EventStore again(file);  // opening an upgraded file again changes nothing
  EXPECT_EQ(again.event_count(), 2u);
  EXPECT_EQ(pragma(file, "user_version"), kStoreSchemaVersion);
}

// A version-2 file: made from a current one by taking back what version 3 added, with
// the attribution chain in version 2's flat layout.
TEST(EventStoreV2, AVersion2FileIsUpgradedAndItsStoriesAreRecodedOnce) {
  TempDir dir("v2_upgrade");
  const fs::path file = dir / "old.db";
  {
    EventStore store(file);
    write(store, {"old-1", "AFP", "2024-05-01"});
  }
  ASSERT_TRUE(execute(file, R"sql(
ALTER TABLE stories DROP COLUMN coder;
UPDATE events SET attribution =
  '[{"relation":"said","code":"PRKGOV","text":"North Korea","start":0,"end":11},' ||
  '{"relation":"reported","code":"","text":"","start":0,"end":0}]';
PRAGMA user_version = 2;
)sql"));
  EventStore store(file);
  EXPECT_EQ(pragma(file, "user_version"), kStoreSchemaVersion);
  const std::vector<Event> events = store.events({});
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].attribution.size(), 2u);
  EXPECT_EQ(attribution_text(events[0]), "said North Korea [PRKGOV] < reported  []");
  EXPECT_EQ(events[0].attribution[0].source.span.end, 11u);
  EXPECT_EQ(column_text(file, "SELECT attribution FROM events"),
            R"([{"relation":"said","source":{"code":"PRKGOV","text":"North Korea","start":0,"end":11}},)"
            R"({"relation":"reported","source":{"code":null,"text":null,"start":null,"end":null}}])");
  // Which coder wrote version-2 stories is unknown: a rewrite with the same content and
  // any fingerprint replaces them, and the next one leaves them alone.
  const Story story = story_of({"old-1", "AFP", "2024-05-01"});
  const Event event = event_of({"old-1", "AFP", "2024-05-01"}, story);
  ASSERT_EQ(store.stored_version("old-1"), (StoredVersion{story_content_hash(story), ""}));
  EXPECT_EQ(store.write_story(story, story_content_hash(story), {event}, "0123456789abcdef"),
            EventStore::WriteResult::replaced);
  EXPECT_EQ(store.write_story(story, story_content_hash(story), {event}, "0123456789abcdef"),
            EventStore::WriteResult::unchanged);
}

TEST(EventStoreV2, ANewerFileIsRefused) {
  TempDir dir("newer");
  { EventStore store(dir / "events.db"); }
  sqlite3* db = nullptr;
  sqlite3_open((dir / "events.db").c_str(), &db);
  sqlite3_exec(db, fmt::format("PRAGMA user_version = {}", kStoreSchemaVersion + 1).c_str(), nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
  try {
    EventStore store(dir / "events.db");
    FAIL() << "a store of a newer schema was opened";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what())
                  .find(fmt::format("schema version {}, newer than this annals reads ({})", kStoreSchemaVersion + 1,
                                    kStoreSchemaVersion)),
              std::string::npos)
        << error.what();
  }
}

// The command line: dedup, query and export on a store written here.
std::string run(const std::string& arguments) {
  std::string output;
  FILE* pipe = popen((std::string(ANNALS_BINARY) + " " + arguments + " 2>/dev/null").c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  pclose(pipe);
  return output;
}

TEST(StoreCli, DedupQueryAndExport) {
  TempDir dir("cli");
  const std::string db = (dir / "events.db").string();
  {
    EventStore store(db);
    for (const Report& report : one_happening_reported_four_times()) write(store, report);
    for (const Report& report : other_happenings()) write(store, report);
  }
  // Happenings out of date: query regroups them by itself.
  EXPECT_EQ(run("query --db " + db + " --top dyads --happenings --format csv"),
            "source,target,events\nPRKGOV,USAGOV,3\nUSAGOV,PRKGOV,1\n");
  run("dedup --db " + db + " --window 2");
  EXPECT_EQ(run("query --db " + db + " --top dyads --happenings --format csv"),
            "source,target,events\nPRKGOV,USAGOV,2\nUSAGOV,PRKGOV,1\n");
  EXPECT_EQ(run("query --db " + db + " --by year --one-a-day --source PRKGOV --format json"),
            "{\"year\":\"2025\",\"events\":5,\"quad_class\":[1,0,4,0],\"goldstein_sum\":-7,\"goldstein_mean\":-1.4}\n");
  const std::string mentions = run("query --db " + db + " --happening 2 --format csv");
  EXPECT_EQ(split(mentions, '\n').size(), 7u) << "header, 5 mentions (window 2), final newline:\n" << mentions;

  const std::string gdelt = run("export --db " + db + " --format gdelt");
  const std::vector<std::string> rows = split(gdelt, '\n');
  ASSERT_EQ(rows.size(), 4u) << gdelt;  // 3 happenings and the final newline
  for (size_t i = 0; i + 1 < rows.size(); ++i) EXPECT_EQ(split(rows[i], '\t').size(), kGdeltColumns);
  run("export --db " + db + " --format jsonl -o " + (dir / "out.jsonl").string());
  std::ifstream in(dir / "out.jsonl");
  size_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  EXPECT_EQ(lines, 7u);
}

}  // namespace
}  // namespace annals
