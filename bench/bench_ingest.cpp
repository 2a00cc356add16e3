// `annals ingest` of the whole Reuters-21578 collection (raw text: parsed by the bundled model,
// coded with the bundled dictionaries) into a fresh database, with 1 and 2 coding threads.
// Rates come from the ingest's own wall-clock time. Peak memory is the process's, so run one
// thread count per process (--benchmark_filter=Reuters/1/ or Reuters/2/) for figures of its own.
// Needs ../shared for the corpus.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "annals/coder.h"
#include "annals/dictionaries.h"
#include "annals/parser.h"
#include "annals/store.h"

namespace {

namespace fs = std::filesystem;

const fs::path reuters = fs::path(ANNALS_SHARED_DIR) / "corpora/reuters21578";
const fs::path source_dir = ANNALS_SOURCE_DIR;

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

// User and system CPU time of the whole process: with the wall time, it tells how much a
// figure was held back by other load on the machine.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void remove_database(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
}

void BM_IngestReuters(benchmark::State& state) {
  annals::Diagnostics diagnostics;
  const auto dictionaries = annals::Dictionaries::load(
      annals::read_petrarch_config(source_dir / "data/dictionaries/PETR_config.ini", diagnostics), diagnostics);
  const annals::Coder coder(dictionaries);
  annals::IngestOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  options.parser = annals::Parser::load(source_dir / "data/models/en.model");
  // As `annals code` parses raw text.
  options.before_parse = [&](annals::Sentence& sentence) { annals::mark_dictionary_words(sentence, *dictionaries); };
  const fs::path db = fs::temp_directory_path() / ("annals_bench_ingest_" + std::to_string(getpid()) + ".db");

  annals::IngestProgress result;
  double database_mb = 0, ingest_cpu_seconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    remove_database(db);
    state.ResumeTiming();
    {
      annals::EventStore store(db);
      const double cpu_before = cpu_seconds();
      result = annals::ingest(store, {reuters}, coder, options, diagnostics);
      ingest_cpu_seconds = cpu_seconds() - cpu_before;
    }
    // Closing the last connection checkpoints the write-ahead log into the file.
    database_mb = static_cast<double>(fs::file_size(db)) / (1024.0 * 1024.0);
  }
  remove_database(db);
  if (diagnostics.error_count() > 0) state.SkipWithError("the ingest reported errors");
  state.counters["stories"] = static_cast<double>(result.stories_read);
  state.counters["sentences"] = static_cast<double>(result.sentences_written);
  state.counters["events"] = static_cast<double>(result.events_written);
  state.counters["stories_per_s"] = result.stories_per_second();
  state.counters["sentences_per_s"] = result.sentences_per_second();
  state.counters["ingest_s"] = result.seconds;
  state.counters["ingest_cpu_s"] = ingest_cpu_seconds;
  state.counters["database_MB"] = database_mb;
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_IngestReuters)->Arg(1)->Arg(2)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace

int main(int argc, char** argv) {
  if (!fs::exists(reuters / "reut2-000.sgm")) {
    std::cerr << "bench_ingest: skipped, needs " << reuters << " (Reuters-21578)\n";
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
