#include <fmt/core.h>

#include <iostream>

#include "annals/coder.h"
#include "annals/pipeline.h"
#include "annals/readers.h"
#include "cli/commands.h"
#include "cli/parser_commands.h"

namespace annals::cli {

const Parser& LazyParser::get() {
  if (!parser_) parser_ = Parser::load(model_.empty() ? default_model_path() : model_);
  return *parser_;
}

int run_code(const CodeArgs& args) {
  size_t dictionary_errors = 0;
  auto dictionaries = load_dictionaries(args.dict, dictionary_errors);
  if (!dictionaries) return 2;
  const Coder coder(dictionaries, CoderOptions{.require_dyad = args.require_dyad});

  size_t stories = 0, events = 0;
  Diagnostics input;
  LazyParser parser(args.model);
  auto code_story = [&](Story&& story) {
    ++stories;
    if (story.date.ymd == 0) {
      if (!args.date) {
        input.error(story.file, story.line,
                    fmt::format("story '{}' has no date; give one with --date; skipped", story.id));
        return;
      }
      story.date = *args.date;
    }
    if (story.sentences.empty()) {
      try {
        parse_story(story, parser.get(), [&](Sentence& s) { mark_dictionary_words(s, *dictionaries); });
      } catch (const std::exception& e) {
        input.error(story.file, story.line, fmt::format("story '{}' not parsed: {}", story.id, e.what()));
        return;
      }
      if (story.sentences.empty()) {
        input.warning(story.file, story.line, fmt::format("story '{}' has no words; nothing to code", story.id));
        return;
      }
    }
    for (const Event& event : coder.code(story)) {
      if (args.asserted_only && event.modality != Modality::asserted) continue;
      write_event(std::cout, event, args.format);
      ++events;
    }
    std::cout.flush();  // a story's events are out before the next story is read
  };
  std::vector<std::string> files = args.files;  // "-" (and no file at all) is standard input
  if (files.empty()) files.push_back("-");
  for (const std::string& file : files) {
    if (file == "-")
      read_stories(std::cin, "-", code_story, input);
    else
      read_stories(file, code_story, input);
  }
  for (const Diagnostic& d : input.all()) std::cerr << d.to_string() << '\n';
  std::cerr << fmt::format("annals: {} stories, {} events, {} input errors, {} dictionary errors\n",
                           stories, events, input.error_count(), dictionary_errors);
  return input.error_count() + dictionary_errors == 0 ? 0 : 1;
}

}  // namespace annals::cli
