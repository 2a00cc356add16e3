// Reading stories and validation records. Malformed records are reported with file
// and line to Diagnostics and skipped; everything else is still delivered.
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "annals/diagnostics.h"
#include "annals/story.h"

namespace annals {

using StorySink = std::function<void(Story&&)>;

// Detects the format from the content (PETRARCH XML, Reuters-21578 SGML, JSONL stories,
// CoNLL-U, plain text; .jsonl/.ndjson/.json names are always JSONL) and delivers stories in input order. `name` is used in messages ("-" for stdin).
// PETRARCH XML: consecutive records STORYID-NN / STORYID_NN form one story.
// JSONL: {"id","date","source","url","text"} per line, or "conllu" with a parse instead of text.
// Plain text: the whole input is one undated story named after the file ("stdin" for "-").
// CoNLL-U: "# newdoc id = ..." starts a story, "# date = YYYY-MM-DD" dates it; without
// newdoc lines the whole file is one story named after the file.
void read_stories(std::istream& in, const std::string& name, const StorySink& sink,
                  Diagnostics& diagnostics);
void read_stories(const std::filesystem::path& file, const StorySink& sink,
                  Diagnostics& diagnostics);

// Reuters-21578 SGML (reut2-NNN.sgm, Latin-1 or ASCII): each <REUTERS ... NEWID="n"> article
// is a story "reuters-n" dated by its <DATE> (day only), source "Reuters", with text
// TITLE + "\n\n" + DATELINE + BODY (the whole TEXT content when it has neither title nor
// body): entities decoded, control characters dropped, valid UTF-8, the closing "Reuter"
// sign-off removed. Articles without NEWID or with an unclosed element are reported with
// file and line and skipped.
void read_reuters_sgml(std::istream& in, const std::string& name, const StorySink& sink,
                       Diagnostics& diagnostics);

struct ExpectedEvent {
  std::string source;
  std::string target;
  std::string code;
  auto operator<=>(const ExpectedEvent&) const = default;
};

struct ValidationRecord {
  std::string id;
  std::string category;
  bool evaluate = true;            // the record's own evaluate/valid flag
  Story story;                     // one parsed sentence (raw text kept in story.text)
  std::vector<ExpectedEvent> expected;
  bool expect_no_event = false;    // <EventCoding noevents="True">
  std::string expected_error;      // <EventCoding error="...">, empty when none
  // Options in effect for this record: the Environment's, overridden by every
  // <Config option=... value=...> met before the record in the file (they persist).
  std::map<std::string, std::string> options;
  std::string parse_error;         // set when the record's <Parse> could not be read
};

struct ValidationEnvironment {
  std::string verbfile;
  std::vector<std::string> actorfiles;
  std::string agentfile;
  std::string discardfile;
  std::string issuefile;
  std::string picofile;
  std::vector<std::string> include;            // categories to evaluate ("valid" is a flag)
  std::map<std::string, std::string> options;  // <Config option=... value=...>
};

struct ValidationFile {
  ValidationEnvironment environment;
  std::vector<ValidationRecord> records;
};

// Reads a PETRARCH validation file record by record (tolerates files that are not
// well-formed XML as a whole, such as PETR2_GSR_validation.xml).
ValidationFile read_validation_file(const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace annals
