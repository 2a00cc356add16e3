// Actor, agent, discard and issue dictionaries (PETRARCH formats). Matching works on
// dictionary words: upper-cased token forms (see text/words.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/date.h"
#include "annals/diagnostics.h"
#include "dictionaries/phrase_index.h"

namespace annals {

// A code valid on a date range (inclusive); open ends are the extremes.
struct DatedCode {
  std::string code;
  Date from{0};
  Date to{99999999};
};

struct Actor {
  std::string name;               // the first phrase of its block, for messages
  std::vector<DatedCode> codes;   // undated codes have open ranges
  // The code valid on `date` (a dated code wins over an undated one); empty if none.
  std::string code_on(Date date) const;
};

class ActorDictionary {
 public:
  // Loads one actor file; may be called for several files. Problems are reported.
  void load(const std::string& file, Diagnostics& diagnostics);
  // Longest phrase starting at words[pos]; nullopt when none.
  std::optional<PhraseMatch<const Actor*>> match(const std::vector<std::string>& words,
                                                 size_t pos) const;
  size_t size() const { return actors_.size(); }

 private:
  std::vector<Actor> actors_;               // stable: reserved/deque-like growth handled in load
  PhraseIndex<size_t> index_;               // phrase -> index into actors_
};

struct Agent {
  std::string code;       // without the '~', e.g. "GOV"
  bool prefix = false;    // "NGO~": the agent code goes before the actor code
};

class AgentDictionary {
 public:
  void load(const std::string& file, Diagnostics& diagnostics);
  std::optional<PhraseMatch<const Agent*>> match(const std::vector<std::string>& words,
                                                 size_t pos) const;
  size_t size() const { return agents_.size(); }

 private:
  std::vector<Agent> agents_;
  PhraseIndex<size_t> index_;
};

class DiscardDictionary {
 public:
  enum class Scope { sentence, story };
  void load(const std::string& file, Diagnostics& diagnostics);
  // The scope of the first discard phrase found anywhere in words; nullopt when none.
  std::optional<Scope> find(const std::vector<std::string>& words) const;
  size_t size() const;

 private:
  PhraseIndex<Scope> index_;
};

class IssueDictionary {
 public:
  void load(const std::string& file, Diagnostics& diagnostics);
  // Issue codes of every issue phrase in words, in order of appearance, no repeats.
  std::vector<std::string> find(const std::vector<std::string>& words) const;
  size_t size() const;

 private:
  PhraseIndex<std::string> index_;
};

}  // namespace annals
