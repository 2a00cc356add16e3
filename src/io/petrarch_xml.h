// Reading PETRARCH XML (validation files and coding input) record by record. The files
// are not always well-formed as a whole (self-closed <Sentence/> followed by a separate
// </Sentence>, '#' comment lines between elements), so each <Sentence> is cut out of the
// text and parsed on its own: a broken record is reported and the rest are still read.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "annals/diagnostics.h"
#include "annals/readers.h"

namespace annals::io {

// One <Sentence> record as written in the file.
struct PetrarchRecord {
  std::string id;
  std::string date;       // as written; the caller validates it
  std::string category;
  std::string source;
  bool evaluate = true;   // the record's "evaluate" (or "valid") attribute
  std::string text;       // <Text> with whitespace runs collapsed to one space, trimmed
  std::string parse;      // <Parse> trimmed; empty when the record has none
  int line = 0;           // line of "<Sentence" in the file
  int parse_line = 0;     // line where the parse text starts
  std::vector<ExpectedEvent> expected;
  bool expect_no_event = false;
  std::string expected_error;
};

using PetrarchRecordSink =
    std::function<void(PetrarchRecord&&, const std::map<std::string, std::string>& options)>;

// Scans the whole file text. `environment` receives the <Environment> block; every record
// is delivered with the options in effect for it (Environment options overridden by each
// <Config> met before the record).
void scan_petrarch_xml(std::string_view xml, const std::string& file, ValidationEnvironment& environment,
                       const PetrarchRecordSink& sink, Diagnostics& diagnostics);

// The record's parse as sentences, each given the record id; throws ParseError.
std::vector<Sentence> parse_record(const PetrarchRecord& record);

}  // namespace annals::io
