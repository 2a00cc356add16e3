// `annals train --train A.conllu,B.conllu --dev C.conllu -o model`
#include <fmt/core.h>

#include <iostream>

#include "annals/parser.h"
#include "cli/parser_commands.h"

namespace annals::cli {

int run_train(const TrainArgs& args) {
  TrainOptions options;
  for (const std::string& path : args.train) options.train.emplace_back(path);
  for (const std::string& path : args.dev) options.dev.emplace_back(path);
  options.output = args.output;
  options.tagger_epochs = args.tagger_epochs;
  options.parser_epochs = args.parser_epochs;
  options.tag_folds = args.tag_folds;
  options.min_updates = args.min_updates;
  options.tagger_min_updates = args.tagger_min_updates;
  options.transition_min_updates = args.transition_min_updates;
  options.part_of_speech_features = args.part_of_speech_features;
  options.command = args.command_line;
  options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  try {
    options.parsers.clear();
    for (const std::string& spec : args.parsers) options.parsers.push_back(ParserSpec::parse(spec));
    const TrainReport report = train_model(options);
    fmt::print(stderr, "trained in {:.0f} s, model {:.1f} MB\n", report.seconds,
               static_cast<double>(report.model_bytes) / 1e6);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "annals train: {}\n", e.what());
    return 1;
  }
}

}  // namespace annals::cli
