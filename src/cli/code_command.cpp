#include <fmt/core.h>

#include <iostream>

#include "annals/coder.h"
#include "annals/readers.h"
#include "cli/commands.h"

namespace annals::cli {

int run_code(const CodeArgs& args) {
  Diagnostics diagnostics;
  const std::string dict = args.dict.empty() ? default_dictionary_dir() : args.dict;
  auto dictionaries = Dictionaries::load(read_petrarch_config(dict, diagnostics), diagnostics);
  // Dictionary defects are reported but do not stop coding: the rest of the set is usable.
  for (const Diagnostic& d : diagnostics.all()) std::cerr << d.to_string() << '\n';
  const size_t dictionary_errors = diagnostics.error_count();
  if (!dictionaries) return 2;

  CoderOptions options;
  options.require_dyad = args.require_dyad;
  const Coder coder(dictionaries, options);

  size_t stories = 0, events = 0;
  Diagnostics input;
  auto code_story = [&](Story&& story) {
    ++stories;
    if (story.sentences.empty()) {
      if (!story.text.empty())
        input.error(story.file, story.line,
                    fmt::format("story '{}' has no parse; coding raw text needs the built-in "
                                "parser, which annals does not have yet",
                                story.id));
      return;
    }
    for (const Event& event : coder.code(story)) {
      write_event(std::cout, event, args.format);
      ++events;
    }
    std::cout.flush();  // a story's events are out before the next story is read
  };
  if (args.files.empty()) {
    read_stories(std::cin, "-", code_story, input);
  } else {
    for (const std::string& file : args.files) read_stories(file, code_story, input);
  }
  for (const Diagnostic& d : input.all()) std::cerr << d.to_string() << '\n';
  std::cerr << fmt::format("annals: {} stories, {} events, {} input errors, {} dictionary errors\n",
                           stories, events, input.error_count(), dictionary_errors);
  return input.error_count() + dictionary_errors == 0 ? 0 : 1;
}

}  // namespace annals::cli
