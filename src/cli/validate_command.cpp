// `annals validate`: the PETRARCH validation protocol. A record passes when the set of
// (source, target, code) it produces equals the expected set (or, with --tolerate-extra,
// contains it); a no-event record when nothing is coded (discards included); an error
// record when the expected error is raised.
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "annals/coder.h"
#include "annals/pipeline.h"
#include "annals/readers.h"
#include "cli/commands.h"

namespace annals::cli {
namespace {

namespace fs = std::filesystem;

// Environment files are looked up beside the validation file, then in --dict.
fs::path locate(const std::string& name, const fs::path& beside, const std::string& dict,
                Diagnostics& diagnostics, const std::string& validation_file) {
  if (name.empty()) return {};
  for (const fs::path& dir : {beside, fs::path(dict)}) {
    if (dir.empty()) continue;
    if (fs::exists(dir / name)) return dir / name;
  }
  diagnostics.error(validation_file, 0, fmt::format("dictionary '{}' named by <Environment> not found "
                                                    "beside the file or in --dict",
                                                    name));
  return {};
}

bool option_true(const std::string& value) {
  std::string lower = value;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return lower == "true" || lower == "1" || lower == "yes";
}

CoderOptions coder_options(const std::map<std::string, std::string>& options) {
  CoderOptions result;
  for (const auto& [key, value] : options) {
    if (key == "require_dyad") result.require_dyad = option_true(value);
    int* number = key == "comma_min"    ? &result.comma_min
                  : key == "comma_max"  ? &result.comma_max
                  : key == "comma_bmin" ? &result.comma_bmin
                  : key == "comma_bmax" ? &result.comma_bmax
                  : key == "comma_emin" ? &result.comma_emin
                  : key == "comma_emax" ? &result.comma_emax
                  : key == "new_actor_length" ? &result.new_actor_length
                                        : nullptr;
    if (number) *number = std::atoi(value.c_str());
  }
  return result;
}

using Triple = ExpectedEvent;

std::string describe(const std::set<Triple>& events) {
  if (events.empty()) return "(none)";
  std::string text;
  for (const Triple& e : events) text += fmt::format("{}{} {} {}", text.empty() ? "" : "; ", e.source, e.target, e.code);
  return text;
}

struct Tally {
  int passed = 0, failed = 0, skipped = 0;
};

}  // namespace

int run_validate(const ValidateArgs& args) {
  Diagnostics diagnostics;
  ValidationFile validation = read_validation_file(args.file, diagnostics);
  const ValidationEnvironment& env = validation.environment;
  const fs::path beside = fs::path(args.file).parent_path();

  DictionaryFiles files;
  files.verbs = locate(env.verbfile, beside, args.dict, diagnostics, args.file);
  for (const std::string& actor : env.actorfiles)
    files.actors.push_back(locate(actor, beside, args.dict, diagnostics, args.file));
  files.agents = locate(env.agentfile, beside, args.dict, diagnostics, args.file);
  files.discards = locate(env.discardfile, beside, args.dict, diagnostics, args.file);
  files.issues = locate(env.issuefile, beside, args.dict, diagnostics, args.file);
  files.pico = locate(env.picofile, beside, args.dict, diagnostics, args.file);
  auto dictionaries = Dictionaries::load(files, diagnostics);
  for (const Diagnostic& d : diagnostics.all()) std::cerr << d.to_string() << '\n';
  if (!dictionaries) return 2;

  LazyParser parser(args.model);
  const std::set<std::string> include(env.include.begin(), env.include.end());
  std::map<std::string, Tally> by_category;
  Tally total;
  for (const ValidationRecord& record : validation.records) {
    Tally& tally = by_category[record.category];
    const bool included = include.empty() || include.count(record.category);
    // A record expecting its <Parse> to be refused tests the parse, which --reparse ignores.
    const bool tests_given_parse = args.reparse && record.expected_error == "bad_input_parse";
    if (!record.evaluate || !included || tests_given_parse) {
      ++tally.skipped, ++total.skipped;
      continue;
    }
    std::string error = record.parse_error.empty() || args.reparse ? "" : "bad_input_parse";
    std::set<Triple> produced;
    std::vector<Sentence> reparsed;
    if (args.reparse) {
      try {
        reparsed = parse_text(record.story.text, parser.get(),
                              [&](Sentence& s) { mark_dictionary_words(s, *dictionaries); });
      } catch (const std::exception& e) {
        std::cerr << "annals validate: " << e.what() << '\n';
        return 2;
      }
    }
    const std::vector<Sentence>& sentences = args.reparse ? reparsed : record.story.sentences;
    // The given parse holds one sentence; the segmenter may find more in its text.
    const size_t coded_sentences = args.reparse ? sentences.size() : std::min<size_t>(1, sentences.size());
    const Coder coder(dictionaries, coder_options(record.options));
    for (size_t i = 0; error.empty() && i < coded_sentences; ++i) {
      const SentenceCoding coded = coder.code(sentences[i], record.story.date);
      error = coded.skipped;
      for (const Event& e : coded.events)
        produced.insert({e.source.code, e.target ? e.target->code : "---", e.cameo});
    }
    const std::set<Triple> expected(record.expected.begin(), record.expected.end());
    bool pass;
    if (!record.expected_error.empty()) pass = error == record.expected_error;
    // A discarded sentence codes nothing, which is what a no-event record asks for.
    else if (record.expect_no_event) pass = produced.empty() && error != "bad_input_parse";
    else if (args.tolerate_extra)
      pass = error.empty() && std::includes(produced.begin(), produced.end(), expected.begin(),
                                            expected.end());
    else pass = error.empty() && produced == expected;

    if (pass) {
      ++tally.passed, ++total.passed;
      continue;
    }
    ++tally.failed, ++total.failed;
    if (!args.quiet) {
      std::cout << fmt::format("FAIL {} [{}] {}\n", record.id, record.category,
                               record.story.sentences.empty() ? record.story.text
                                                              : record.story.sentences.front().text);
      const std::string want = !record.expected_error.empty() ? "error " + record.expected_error
                               : record.expect_no_event         ? "no events"
                                                                : describe(expected);
      const std::string got = error.empty() ? describe(produced) : "error " + error;
      std::cout << fmt::format("  expected: {}\n  produced: {}\n", want, got);
    }
  }

  std::cout << fmt::format("\n{:<12} {:>7} {:>7} {:>7}\n", "category", "passed", "failed", "skipped");
  for (const auto& [category, tally] : by_category)
    std::cout << fmt::format("{:<12} {:>7} {:>7} {:>7}\n", category, tally.passed, tally.failed,
                             tally.skipped);
  std::cout << fmt::format("{} passed, {} failed, {} skipped\n", total.passed, total.failed,
                           total.skipped);
  return total.failed == 0 && diagnostics.error_count() == 0 ? 0 : 1;
}

}  // namespace annals::cli
