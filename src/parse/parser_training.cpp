// train_model: treebanks in, one model file out, scored on the dev treebanks.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "annals/parse.h"
#include "annals/parser.h"
#include "parse/parser_model.h"
#include "parse/tree_combination.h"

namespace annals {

namespace {

std::vector<Sentence> read_treebank(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open treebank " + path.string());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return from_conllu(text);
  } catch (const ParseError& e) {
    throw std::runtime_error(path.string() + ":" + std::to_string(e.line) + ": " + e.what());
  }
}

std::vector<Sentence> read_treebanks(const std::vector<std::filesystem::path>& paths) {
  std::vector<Sentence> all;
  for (const auto& path : paths) {
    std::vector<Sentence> part = read_treebank(path);
    std::move(part.begin(), part.end(), std::back_inserter(all));
  }
  return all;
}

std::vector<std::vector<uint16_t>> tag_all(const parsing::Tagger& tagger, const std::vector<Sentence>& sentences,
                                           size_t fold = 0, size_t folds = 1) {
  std::vector<std::vector<uint16_t>> tags(sentences.size());
  std::vector<std::string_view> forms;
  for (size_t s = fold; s < sentences.size(); s += folds) {
    forms.clear();
    for (const Token& token : sentences[s].tokens) forms.push_back(token.form);
    tags[s].assign(forms.size(), parsing::Tagger::kPredict);
    tagger.tag(forms, tags[s]);
  }
  return tags;
}

// Runs job(0), ..., job(count - 1), as many at once as there are cores.
void run_on_cores(size_t count, const std::function<void(size_t)>& job) {
  std::atomic<size_t> next = 0;
  auto work = [&] {
    for (size_t k; (k = next++) < count;) job(k);
  };
  const size_t threads = std::min<size_t>(count, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
}

// Tags of every training sentence from a tagger that did not learn from it (jackknifing),
// as ids of the final tagger; the folds are trained on all cores.
std::vector<std::vector<uint16_t>> jackknifed_tags(const std::vector<Sentence>& sentences, const parsing::Tagger& final_tagger,
                                                   const TrainOptions& options) {
  const size_t folds = static_cast<size_t>(options.tag_folds);
  std::vector<std::vector<uint16_t>> tags(sentences.size());
  auto run_fold = [&](size_t fold) {
    std::vector<Sentence> rest;
    for (size_t s = 0; s < sentences.size(); ++s)
      if (s % folds != fold) rest.push_back(sentences[s]);
    parsing::TaggerTraining training;
    training.epochs = options.tagger_epochs;
    training.min_updates = options.tagger_min_updates;
    const parsing::Tagger tagger = parsing::Tagger::train(rest, training);
    auto fold_tags = tag_all(tagger, sentences, fold, folds);
    for (size_t s = fold; s < sentences.size(); s += folds) {
      for (uint16_t& tag : fold_tags[s])  // the final tagger saw every pair a fold tagger saw
        tag = static_cast<uint16_t>(final_tagger.tag_id(tagger.upos(tag), tagger.xpos(tag)));
      tags[s] = std::move(fold_tags[s]);
    }
  };
  run_on_cores(folds, run_fold);
  return tags;
}

std::string names(const std::vector<ParserSpec>& parsers) {
  std::string out;
  for (const ParserSpec& spec : parsers) {
    if (!out.empty()) out += ',';
    out += spec.name();
  }
  return out;
}

// The parsers and the arc labeller, trained on all cores (each learns alone from the shared
// data); the labeller, the quickest, last.
void train_parsers_and_labeller(const std::vector<Sentence>& sentences, const std::vector<std::vector<uint16_t>>& tags,
                                const TrainOptions& options, Parser::Components& components) {
  auto& parsers = components.parsers;
  parsers.resize(options.parsers.size());
  std::mutex log_lock;
  auto log = [&](const std::string& line) {
    if (!options.log) return;
    const std::lock_guard hold(log_lock);
    options.log(line);
  };
  run_on_cores(parsers.size() + 1, [&](size_t k) {
    if (k == parsers.size()) {
      parsing::ArcLabellerTraining training;
      training.epochs = options.parser_epochs;
      training.min_updates = options.min_updates;
      components.labeller = parsing::ArcLabeller::train(sentences, tags, training);
      log("arc labeller features kept: " + std::to_string(components.labeller.model().feature_count()));
      return;
    }
    const ParserSpec& spec = options.parsers[k];
    const std::string name = parsers.size() > 1 ? "parser " + spec.name() + ": " : "";
    parsing::ParserTraining training;
    training.epochs = options.parser_epochs;
    training.beam = spec.beam;
    training.right_to_left = spec.right_to_left;
    if (options.part_of_speech_features) training.tag_classes = components.tagger.upos_classes();
    training.min_updates = options.min_updates;
    training.transition_min_updates = spec.beam > 1 ? options.transition_min_updates : 0;
    training.log = [&](const std::string& line) { log(name + line); };
    parsers[k] = parsing::DependencyParser::train(sentences, tags, training);
    log(name + "features kept: transitions " + std::to_string(parsers[k].transition_model().feature_count()) +
        ", labels " + std::to_string(parsers[k].label_model().feature_count()));
  });
}

std::string percent(double fraction) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(2);
  out << 100.0 * fraction;
  return out.str();
}

}  // namespace

std::string ParserSpec::name() const {
  return (beam > 1 ? "beam" + std::to_string(beam) : std::string("greedy")) + (right_to_left ? "-rtl" : "");
}

ParserSpec ParserSpec::parse(std::string_view spec) {
  ParserSpec p;
  const std::string_view whole = spec;
  if (spec.ends_with("-rtl")) {
    p.right_to_left = true;
    spec.remove_suffix(4);
  }
  auto refuse = [&](const std::string& why) {
    throw std::invalid_argument("parser \"" + std::string(whole) + "\": " + why);
  };
  if (spec == "greedy") return p;
  if (!spec.starts_with("beam")) refuse("not greedy or beamN, with -rtl to read right to left");
  spec.remove_prefix(4);
  int width = 0;
  const auto [end, error] = std::from_chars(spec.data(), spec.data() + spec.size(), width);
  if (spec.empty() || error != std::errc() || end != spec.data() + spec.size()) refuse("no beam width");
  if (width < 2 || width > static_cast<int>(parsing::kMaxBeamWidth))
    refuse("beam width not within 2.." + std::to_string(parsing::kMaxBeamWidth));
  p.beam = width;
  return p;
}

TrainReport train_model(const TrainOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  if (options.train.empty()) throw std::runtime_error("no training treebank given");
  if (options.output.empty()) throw std::runtime_error("no model file to write given");
  if (options.parsers.empty() || options.parsers.size() > parsing::kMostParsers)
    throw std::runtime_error("a model has 1 to " + std::to_string(parsing::kMostParsers) + " parsers, not " +
                             std::to_string(options.parsers.size()));
  // The first parser's tree has every word's heaviest arc, so a second parser never changes it.
  if (options.parsers.size() == 2)
    throw std::runtime_error("two parsers cannot outvote each other: give one, or three or more");
  for (const ParserSpec& spec : options.parsers)
    if (spec.beam < 1 || spec.beam > static_cast<int>(parsing::kMaxBeamWidth))
      throw std::runtime_error("parser beam width " + std::to_string(spec.beam) + " is not within 1.." +
                               std::to_string(parsing::kMaxBeamWidth));
  const std::vector<Sentence> sentences = read_treebanks(options.train);
  size_t words = 0;
  for (const Sentence& s : sentences) words += s.tokens.size();
  log("read " + std::to_string(sentences.size()) + " sentences, " + std::to_string(words) + " words");

  auto components = std::make_unique<Parser::Components>();
  std::ostringstream provenance;
  provenance << "trained by annals from";
  for (const auto& path : options.train) provenance << ' ' << path.filename().string();
  provenance << " (" << sentences.size() << " sentences); tagger epochs " << options.tagger_epochs
             << ", parser epochs " << options.parser_epochs << ", parsers " << names(options.parsers) << ", tag folds "
             << options.tag_folds << ", min updates " << options.min_updates << ", tagger min updates "
             << options.tagger_min_updates;
  if (options.transition_min_updates > 0) provenance << ", transition min updates " << options.transition_min_updates;
  if (options.part_of_speech_features) provenance << ", part-of-speech features";
  if (!options.command.empty()) provenance << "; command: " << options.command;
  components->provenance = provenance.str();

  parsing::TaggerTraining tagger_training;
  tagger_training.epochs = options.tagger_epochs;
  tagger_training.min_updates = options.tagger_min_updates;
  tagger_training.log = options.log;
  components->tagger = parsing::Tagger::train(sentences, tagger_training);
  components->lemmatizer = parsing::Lemmatizer::train(sentences);
  log("lemmatizer: " + std::to_string(components->lemmatizer.rule_count()) + " suffixes, " +
      std::to_string(components->lemmatizer.exception_count()) + " exceptions");

  const auto parser_tags = options.tag_folds > 1 ? jackknifed_tags(sentences, components->tagger, options)
                                                 : tag_all(components->tagger, sentences);
  log("tagger features kept: " + std::to_string(components->tagger.model().feature_count()));
  train_parsers_and_labeller(sentences, parser_tags, options, *components);

  parsing::ModelWriter out;
  components->write(out);
  out.save(options.output);
  TrainReport report;
  report.model_bytes = std::filesystem::file_size(options.output);
  log("wrote " + options.output.string() + " (" + std::to_string(report.model_bytes) + " bytes)");

  // Score what was written, read back as a user would load it.
  const auto parser = Parser::load(options.output);
  for (const auto& path : options.dev) {
    const ParseScores scores = evaluate(*parser, read_treebank(path));
    log(path.filename().string() + ": UPOS " + percent(scores.upos) + ", XPOS " + percent(scores.xpos) + ", lemma " +
        percent(scores.lemma) + ", UAS " + percent(scores.uas) + ", LAS " + percent(scores.las) + " (" +
        std::to_string(scores.words) + " words)");
    report.dev.emplace_back(path.string(), scores);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace annals
