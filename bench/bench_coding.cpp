// Coding throughput with given parses and the Phoenix dictionaries (GigaWord sample,
// repeated), dictionary load time, and peak memory. Needs ../shared.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>
#include <iostream>

#include "annals/coder.h"
#include "annals/readers.h"

namespace {

const std::filesystem::path shared = ANNALS_SHARED_DIR;
const std::filesystem::path phoenix = shared / "dictionaries/phoenix";
const std::filesystem::path gigaword = shared / "corpora/gigaword-sample/GigaWord.sample.PETR.xml";

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

std::shared_ptr<const annals::Dictionaries> load_phoenix() {
  annals::Diagnostics diagnostics;
  return annals::Dictionaries::load(annals::read_petrarch_config(phoenix, diagnostics), diagnostics);
}

void BM_LoadPhoenixDictionaries(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_phoenix());
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_LoadPhoenixDictionaries)->Unit(benchmark::kMillisecond);

void BM_CodeGigaWordSample(benchmark::State& state) {
  const annals::Coder coder(load_phoenix());
  std::vector<annals::Story> stories;
  annals::Diagnostics diagnostics;
  annals::read_stories(gigaword, [&](annals::Story&& s) { stories.push_back(std::move(s)); },
                       diagnostics);
  size_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (const annals::Story& story : stories) {
      sentences += story.sentences.size();
      events += coder.code(story).size();
    }
  }
  state.counters["sentences_per_s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events_per_sentence"] = sentences ? double(events) / sentences : 0;
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_CodeGigaWordSample)->Unit(benchmark::kMillisecond);

// End to end with given parses: PETRARCH XML read, Treebank trees turned into the
// sentence model, then coded.
void BM_ReadAndCodeGigaWordSample(benchmark::State& state) {
  const annals::Coder coder(load_phoenix());
  size_t sentences = 0;
  for (auto _ : state) {
    annals::Diagnostics diagnostics;
    annals::read_stories(gigaword,
                         [&](annals::Story&& story) {
                           sentences += story.sentences.size();
                           benchmark::DoNotOptimize(coder.code(story));
                         },
                         diagnostics);
  }
  state.counters["sentences_per_s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_ReadAndCodeGigaWordSample)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (!std::filesystem::exists(phoenix) || !std::filesystem::exists(gigaword)) {
    std::cerr << "bench_coding: skipped, needs " << shared << " (Phoenix dictionaries, GigaWord sample)\n";
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
