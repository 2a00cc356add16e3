// The built-in parser on one core: model load time, and tokenize + tag + parse throughput on
// the first three sentences of every Reuters-21578 story (the sample TABARI's speed figure,
// about 7,100 sentences/s coded end to end, was measured on). Peak memory as a counter.
// Needs ../shared for the corpus.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "annals/parser.h"
#include "annals/pipeline.h"
#include "annals/readers.h"
#include "annals/segment.h"

namespace {

namespace fs = std::filesystem;

const fs::path reuters = fs::path(ANNALS_SHARED_DIR) / "corpora/reuters21578";
// The bundled models: the default greedy one, the slower beam-search one and the neural one.
const fs::path models = fs::path(ANNALS_SOURCE_DIR) / "data/models";

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

// Each story's text up to the end of its third sentence (the whole text when shorter).
const std::vector<std::string>& story_leads() {
  static const std::vector<std::string> leads = [] {
    std::vector<std::string> out;
    annals::Diagnostics diagnostics;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(reuters))
      if (entry.path().extension() == ".sgm") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::ifstream in(file, std::ios::binary);
      annals::read_reuters_sgml(in, file.string(), [&](annals::Story&& story) {
        const std::vector<annals::SentenceSpan> sentences = annals::segment(story.text);
        if (sentences.empty()) return;
        const size_t last = std::min<size_t>(sentences.size(), 3) - 1;
        out.push_back(story.text.substr(0, sentences[last].end));
      }, diagnostics);
    }
    return out;
  }();
  return leads;
}

void BM_LoadModel(benchmark::State& state, const fs::path& model) {
  for (auto _ : state) benchmark::DoNotOptimize(annals::Parser::load(model));
  state.counters["model_MB"] = static_cast<double>(fs::file_size(model)) / (1024.0 * 1024.0);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

// Segmentation alone, to tell its share of the figure below.
void BM_TokenizeReutersLeads(benchmark::State& state) {
  const std::vector<std::string>& leads = story_leads();
  size_t sentences = 0;
  for (auto _ : state)
    for (const std::string& lead : leads) sentences += annals::segment(lead).size();
  state.counters["sentences_per_s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_TokenizeReutersLeads)->Unit(benchmark::kMillisecond);

// Raw text to parsed sentences: segmentation, tokenization, tagging, lemmas, parsing.
void BM_TokenizeTagParseReutersLeads(benchmark::State& state, const fs::path& model) {
  const std::vector<std::string>& leads = story_leads();
  const std::shared_ptr<const annals::Parser> parser = annals::Parser::load(model);
  size_t sentences = 0, tokens = 0;
  for (auto _ : state) {
    for (const std::string& lead : leads) {
      const std::vector<annals::Sentence> parsed = annals::parse_text(lead, *parser);
      sentences += parsed.size();
      for (const annals::Sentence& sentence : parsed) tokens += sentence.tokens.size();
    }
  }
  state.counters["stories"] = static_cast<double>(leads.size());
  state.counters["sentences_per_s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["tokens_per_s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

}  // namespace

int main(int argc, char** argv) {
  if (!fs::exists(reuters / "reut2-000.sgm")) {
    std::cerr << "bench_parse: skipped, needs " << reuters << " (Reuters-21578)\n";
    return 0;
  }
  // Peak memory is per process: filter to one model (--benchmark_filter=en.model) to read its own.
  for (const char* name : {"en.model", "en-beam.model", "en-neural.model"}) {
    const fs::path model = models / name;
    if (!fs::exists(model)) continue;
    benchmark::RegisterBenchmark((std::string("BM_LoadModel/") + name).c_str(), BM_LoadModel, model)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((std::string("BM_TokenizeTagParseReutersLeads/") + name).c_str(),
                                 BM_TokenizeTagParseReutersLeads, model)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
