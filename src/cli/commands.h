// The annals subcommands: each is a thin layer over libannals.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/date.h"
#include "annals/dictionaries.h"
#include "annals/parser.h"
#include "annals/output.h"

namespace annals::cli {

struct CodeArgs {
  std::vector<std::string> files;  // empty: stdin
  std::string dict;
  OutputFormat format = OutputFormat::jsonl;
  std::optional<bool> require_dyad; // unset: the dictionary dialect's rule
  std::optional<Date> date;         // for stories that carry none (plain text)
  std::string model;                // parser model for raw text; empty: the bundled one
  bool asserted_only = false;       // leave out negated, hypothetical and future events
};
int run_code(const CodeArgs& args);

struct ValidateArgs {
  std::string file;
  std::string dict;   // where Environment files are looked up when not beside the file
  bool quiet = false; // table and summary only
  // false: the produced set must equal the expected set. true: UniversalPetrarch's
  // rule, every expected event produced and extras tolerated (except in no-event records).
  bool tolerate_extra = false;
  bool reparse = false;  // ignore <Parse>: parse <Text> with the built-in parser
  std::string model;     // with reparse; empty: the bundled model
};
int run_validate(const ValidateArgs& args);

int run_dict_check(const std::string& path);

struct ScoreArgs {
  std::vector<std::string> files;  // gold-standard JSONL sets
  std::string dict;
  std::string model;
  // The date of records without one (ConfliBERT sets): dated actor codes and relative
  // time words depend on it. The PLOVER gold set dates every record 2000-01-01.
  Date date{20000101};
};
int run_score(const ScoreArgs& args);

// The check of every --date option (a CLI11 validator): empty when the text is a date
// parse_date accepts, else the reason shown to the user.
inline std::string date_option_error(const std::string& text) {
  return parse_date(text) ? std::string() : "expected a date YYYY-MM-DD, got " + text;
}

// The dictionary set shipped with annals (data/dictionaries).
std::string default_dictionary_dir();

// Loads the set named by --dict (the bundled one when empty) and prints its defects to
// stderr, counting the errors in `errors`; nullptr when nothing can be coded with it.
// Defects do not stop the work: the rest of the set is usable.
std::shared_ptr<const Dictionaries> load_dictionaries(const std::string& dict, size_t& errors);

// Loads the parser model lazily, at the first story that needs it, so inputs that come
// parsed never pay for it. Throws std::runtime_error naming the file.
class LazyParser {
 public:
  explicit LazyParser(std::string model) : model_(std::move(model)) {}
  const Parser& get();

 private:
  std::string model_;
  std::shared_ptr<const Parser> parser_;
};

}  // namespace annals::cli
