// The analyst's queries on a store of 1,000,000 synthetic events: a dyad's monthly
// series, the top dyads, a filtered listing of 100 events, a count of happenings.
// The store is generated once (deterministically, through EventStore::write_story, then
// deduplicated) and cached beside this program; reruns reuse it. Needs no shared data.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "annals/store.h"

namespace {

namespace fs = std::filesystem;

constexpr size_t kEvents = 1'000'000;
constexpr int kEventsPerStory = 4;
// Raise when the generator changes, so that a stale cached store is not reused.
constexpr int kGeneratorVersion = 3;

// splitmix64: the same stream on every platform, unlike the standard distributions.
class Random {
 public:
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
  // Small indexes far more often than large ones, as actors are in the news.
  size_t skewed(size_t n) { return std::min(below(n), below(n)); }

 private:
  uint64_t state_ = 20250310;
};

constexpr std::array<const char*, 40> kCountries = {
    "USA", "CHN", "RUS", "PRK", "KOR", "JPN", "UKR", "ISR", "IRN", "SYR", "TUR", "GBR", "FRA", "DEU",
    "IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "LBY", "NGA", "ZAF", "BRA", "MEX", "VEN", "COL", "CUB",
    "CAN", "AUS", "IDN", "PHL", "VNM", "THA", "MMR", "ETH", "SDN", "SOM", "YEM", "LBN"};
constexpr std::array<const char*, 6> kRoles = {"GOV", "", "MIL", "OPP", "REB", "MED"};
constexpr std::array<const char*, 20> kOutlets = {"AFP", "Reuters", "AP", "Xinhua", "TASS", "Yonhap", "KCNA",
                                                   "BBC", "DPA", "EFE", "ANSA", "Kyodo", "PTI", "IRNA",
                                                   "Anadolu", "Al Jazeera", "UPI", "CNA", "Interfax", "NHK"};
struct Code {
  const char* cameo;
  double goldstein;
  int quad;
};
constexpr std::array<Code, 16> kCodes = {{{"010", 0.0, 1},  {"020", 3.0, 1},   {"036", 4.0, 1},  {"040", 1.0, 1},
                                          {"042", 1.9, 1},  {"043", 2.8, 1},   {"051", 3.4, 1},  {"061", 6.4, 2},
                                          {"071", 7.4, 2},  {"111", -2.0, 3},  {"112", -2.0, 3}, {"130", -4.4, 3},
                                          {"138", -7.0, 3}, {"173", -5.0, 4},  {"190", -10.0, 4}, {"195", -10.0, 4}}};

struct Happening {
  std::string source, target;
  const Code* code;
  int day;  // days after 2015-01-01
};

annals::Date date_after_2015(int days) {
  static const std::array<int, 12> kMonthDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2015;
  auto year_days = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 366 : 365; };
  while (days >= year_days(year)) days -= year_days(year++);
  int month = 0;
  while (true) {
    const int length = kMonthDays[month] + (month == 1 && year_days(year) == 366);
    if (days < length) break;
    days -= length;
    ++month;
  }
  return annals::Date{year * 10000 + (month + 1) * 100 + days + 1};
}

std::string actor(Random& random) {
  return std::string(kCountries[random.skewed(kCountries.size())]) + kRoles[random.skewed(kRoles.size())];
}

// Four events per story; 40% of events report again one of the 2,000 latest happenings
// (a day later at most), as several outlets cover one happening.
void generate(const fs::path& file) {
  fs::remove(file);
  annals::EventStore store(file);
  Random random;
  std::deque<Happening> recent;
  constexpr int kDays = 3653;  // 2015 .. 2024
  store.begin_batch();
  for (size_t story_number = 0; story_number * kEventsPerStory < kEvents; ++story_number) {
    annals::Story story;
    story.id = "synthetic-" + std::to_string(story_number);
    story.source = kOutlets[random.skewed(kOutlets.size())];
    story.url = "https://news.example/" + story.id;
    std::vector<annals::Event> events;
    for (int n = 0; n < kEventsPerStory; ++n) {
      Happening happening;
      if (!recent.empty() && random.below(10) < 4) {
        happening = recent[random.below(recent.size())];
        happening.day = std::min(kDays - 1, happening.day + static_cast<int>(random.below(2)));
      } else {
        happening = {actor(random), actor(random), &kCodes[random.below(kCodes.size())],
                     static_cast<int>(random.below(kDays))};
        recent.push_back(happening);
        if (recent.size() > 2000) recent.pop_front();
      }
      annals::Sentence sentence;
      sentence.id = story.id + "-" + std::to_string(n);
      sentence.text = happening.source + " acted on " + happening.target + " in a synthetic sentence.";
      story.sentences.push_back(sentence);
      annals::Event event;
      event.story_id = story.id;
      event.sentence = n;
      event.sentence_id = sentence.id;
      event.text = sentence.text;
      event.date = event.date_end = date_after_2015(happening.day);
      const auto source_end = static_cast<uint32_t>(happening.source.size());
      event.source = {happening.source, happening.source, {0, source_end}};
      const auto target_start = source_end + 10;
      event.target = annals::EventActor{happening.target, happening.target,
                                        {target_start, target_start + static_cast<uint32_t>(happening.target.size())}};
      event.cameo = happening.code->cameo;
      event.root = event.cameo.substr(0, 2);
      event.goldstein = happening.code->goldstein;
      event.quad_class = happening.code->quad;
      event.verb = {"acted", {source_end + 1, source_end + 6}};
      events.push_back(std::move(event));
    }
    story.date = events.front().date;
    store.write_story(story, annals::story_content_hash(story), events);
    if (story_number % 20000 == 19999) {
      store.commit_batch();
      store.begin_batch();
    }
  }
  store.commit_batch();
  store.dedup({});
}

fs::path cached_store() {
  const fs::path file = fs::read_symlink("/proc/self/exe").parent_path() /
                        ("bench_query_" + std::to_string(kEvents) + "_v" + std::to_string(kGeneratorVersion) + ".db");
  // The marker is written last: a store whose generation was interrupted is made again.
  const fs::path done = fs::path(file).concat(".done");
  if (!fs::exists(done)) {
    std::cerr << "bench_query: generating " << file << " (" << kEvents << " events) ...\n";
    const auto start = std::chrono::steady_clock::now();
    generate(file);
    std::cerr << "bench_query: generated in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
    std::ofstream(done) << "ok\n";
  }
  return file;
}

annals::EventStore& store() {
  static annals::EventStore store(cached_store());
  return store;
}

annals::EventQuery dyad_query() {
  annals::EventQuery query;
  query.source = "PRK*";
  query.target = "USA*";
  return query;
}

void BM_DyadMonthlySeries(benchmark::State& state) {
  const annals::EventQuery query = dyad_query();
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    for (const annals::SeriesPoint& point : store().series(query, annals::Granularity::month)) events += point.events;
  }
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_DyadMonthlySeries)->Unit(benchmark::kMillisecond);

void BM_TopDyads(benchmark::State& state) {
  annals::EventQuery query;
  query.limit = 20;
  for (auto _ : state) benchmark::DoNotOptimize(store().top_dyads(query));
}
BENCHMARK(BM_TopDyads)->Unit(benchmark::kMillisecond);

void BM_TopActors(benchmark::State& state) {
  annals::EventQuery query;
  query.limit = 20;
  for (auto _ : state) benchmark::DoNotOptimize(store().top_actors(query));
}
BENCHMARK(BM_TopActors)->Unit(benchmark::kMillisecond);

void BM_FilteredListing100(benchmark::State& state) {
  annals::EventQuery query;
  query.source = "PRK*";
  query.code = "19";
  query.from = annals::parse_date("2020-01-01");
  query.to = annals::parse_date("2021-12-31");
  query.limit = 100;
  size_t events = 0;
  for (auto _ : state) events = store().events(query).size();
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_FilteredListing100)->Unit(benchmark::kMillisecond);

void BM_DyadHappeningCount(benchmark::State& state) {
  annals::EventQuery query = dyad_query();
  query.counting = annals::Counting::happenings;
  size_t happenings = 0;
  for (auto _ : state) happenings = store().count(query);
  state.counters["happenings"] = static_cast<double>(happenings);
}
BENCHMARK(BM_DyadHappeningCount)->Unit(benchmark::kMillisecond);

void BM_AllHappeningsCount(benchmark::State& state) {
  annals::EventQuery query;
  query.counting = annals::Counting::happenings;
  size_t happenings = 0;
  for (auto _ : state) happenings = store().count(query);
  state.counters["happenings"] = static_cast<double>(happenings);
}
BENCHMARK(BM_AllHappeningsCount)->Unit(benchmark::kMillisecond);

void BM_DyadOneADaySeries(benchmark::State& state) {
  annals::EventQuery query = dyad_query();
  query.counting = annals::Counting::one_a_day;
  for (auto _ : state) benchmark::DoNotOptimize(store().series(query, annals::Granularity::month));
}
BENCHMARK(BM_DyadOneADaySeries)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  store();  // generated (or opened) before any timing starts
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
