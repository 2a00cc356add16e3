// A dictionary set in the field's formats: verbs (PETRARCH-1/TABARI linear patterns
// or PETRARCH-2 CAMEO.2.0 patterns, recognised from the file), actors, agents,
// discards and issues. Loaded once, then shared read-only by every coding thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "annals/diagnostics.h"

namespace annals {

struct DictionaryFiles {
  std::filesystem::path verbs;
  std::vector<std::filesystem::path> actors;
  std::filesystem::path agents;
  std::filesystem::path discards;
  std::filesystem::path issues;   // optional
  // PETRARCH-2's internal coding ontology (PETR.Internal.Coding.Ontology.txt), optional:
  // CAMEO.2.0 verb combinations, transformations and negation need it.
  std::filesystem::path pico;
  // Known meetings of leaders (meetingfile_name, an annals extension), optional; see
  // src/dictionaries/meetings.h.
  std::filesystem::path meetings;
};

// Reads a PETRARCH config file ([Dictionaries] verbfile_name, actorfile_list, ...), or a
// directory holding one (PETR_config.ini, else the only *.ini). Paths are resolved
// against the config's directory. Problems are reported; missing keys stay empty.
// The PICO file is named by picofile_name (an annals extension); without that key a
// PETR.Internal.Coding.Ontology.txt beside the config is used, as PETRARCH-2 does.
DictionaryFiles read_petrarch_config(const std::filesystem::path& config_or_dir,
                                     Diagnostics& diagnostics);

class ActorDictionary;
class AgentDictionary;
class DiscardDictionary;
class IssueDictionary;
class MeetingDictionary;
class VerbDictionary;

enum class VerbDialect { linear, cameo2 };  // PETRARCH-1/TABARI vs PETRARCH-2 CAMEO.2.0

class Dictionaries {
 public:
  // Loads every file named; broken lines are reported (file, line, reason) and skipped.
  static std::shared_ptr<const Dictionaries> load(const DictionaryFiles& files,
                                                  Diagnostics& diagnostics);
  ~Dictionaries();

  const ActorDictionary& actors() const { return *actors_; }
  const AgentDictionary& agents() const { return *agents_; }
  const DiscardDictionary& discards() const { return *discards_; }
  const IssueDictionary& issues() const { return *issues_; }
  const MeetingDictionary& meetings() const { return *meetings_; }
  const VerbDictionary& verbs() const { return *verbs_; }
  VerbDialect dialect() const;

 private:
  Dictionaries();
  std::unique_ptr<ActorDictionary> actors_;
  std::unique_ptr<AgentDictionary> agents_;
  std::unique_ptr<DiscardDictionary> discards_;
  std::unique_ptr<IssueDictionary> issues_;
  std::unique_ptr<MeetingDictionary> meetings_;
  std::unique_ptr<VerbDictionary> verbs_;
};

}  // namespace annals
