// Actor, agent, discard and issue dictionaries (PETRARCH formats). Matching works on
// dictionary words: upper-cased token forms (see text/words.h).
//
// Words match whole text words. TABARI read a dictionary word without a final '_' as a
// stem (ARGENTIN matching ARGENTINA); PETRARCH-1 and -2 compare whole words, the final
// '_' being a no-op ("PETR does not do stemming"), and the PETRARCH unit tests expect
// that: ARNOR_ codes "Arnor" but not "Arnorian", and the TABARI leftovers ARGENTIN and
// BULGAR never code "Argentina" or "Bulgaria" (no record depends on them). Only discard
// phrases keep the stem rule, which their documented format states.
#pragma once

#include <cstddef>
#include <cstdint>
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
  bool dated() const { return from != Date{0} || to != Date{99999999}; }
  bool operator==(const DatedCode&) const = default;
};

// How a date picks among an actor's date-restricted codes.
enum class DateRule {
  first_listed,  // PETRARCH-1: the first restriction (in file order) that holds
  narrowest,     // UD-PETRARCH: the shortest range that holds (ties: first); a range ending
                 // on the day another one starts yields that day to the other
};

struct Actor {
  std::string name;              // the first phrase of its block, for messages
  std::vector<DatedCode> codes;  // undated codes have open ranges
  // The code valid on `date`: a dated code wins over an undated one; among undated codes
  // the last listed wins (PETRARCH); when none holds, the country all its codes share (a
  // leader before taking office is still of that country); else empty.
  std::string code_on(Date date, DateRule rule = DateRule::first_listed) const;
};

class ActorDictionary {
 public:
  // Loads one actor file; may be called for several files. Problems are reported.
  // A block is a primary phrase, '+' synonym lines and code lines ("[CODE]",
  // "[CODE <yymmdd]", "[CODE >yymmdd]", "[CODE d1-d2]"), the codes also allowed on the
  // primary line. A phrase defined in several blocks gets all their codes, in load order.
  // A codeless entry on the line right before the next entry joins it, as in PETRARCH-1
  // (the Phoenix files' missing '+'); a codeless entry elsewhere is an error.
  void load(const std::string& file, Diagnostics& diagnostics);
  // The phrase starting at words[pos] with the most words (among equals, the first
  // loaded), ending before `end`; nullopt when none. PETRARCH-1 callers pass the noun
  // phrase's end and Gaps::as_written.
  std::optional<PhraseMatch<const Actor*>> match(const std::vector<std::string>& words, size_t pos,
                                                 size_t end = kPhraseEnd,
                                                 Gaps gaps = Gaps::none) const;
  size_t size() const { return entries_; }  // entries (blocks) loaded
  size_t phrase_count() const { return index_.size(); }

 private:
  struct Origin {
    uint32_t file = 0;  // index into files_
    int line = 0;
  };
  std::vector<Actor> actors_;    // grows only while loading: match() pointers stay valid after
  std::vector<Origin> origins_;  // where each actor was defined, for duplicate warnings
  std::vector<std::string> files_;
  PhraseIndex<size_t> index_;  // phrase -> index into actors_
  size_t entries_ = 0;
};

struct Agent {
  std::string code;     // without the '~', e.g. "GOV"
  bool prefix = false;  // "NGO~": the agent code goes before the actor code
  bool operator==(const Agent&) const = default;
};

class AgentDictionary {
 public:
  // Lines "PHRASE {PLURAL} [~CODE]" or "[CODE~]"; "!NAME! = A, B" defines a
  // substitution set used as "CONGRESS!PERSON!". Without {}, the regular plural is added;
  // "{}" adds none.
  void load(const std::string& file, Diagnostics& diagnostics);
  std::optional<PhraseMatch<const Agent*>> match(const std::vector<std::string>& words, size_t pos,
                                                 size_t end = kPhraseEnd,
                                                 Gaps gaps = Gaps::none) const;
  size_t size() const { return agents_.size(); }
  size_t phrase_count() const { return index_.size(); }

 private:
  std::vector<Agent> agents_;  // one per dictionary line
  PhraseIndex<size_t> index_;
};

class DiscardDictionary {
 public:
  enum class Scope { sentence, story };
  // One phrase per line, '+' in front for a story discard. The last word matches as a
  // stem unless the phrase ends in '_' (BASEBALL matches BASEBALLS; GROUP A_ only A).
  void load(const std::string& file, Diagnostics& diagnostics);
  // The scope of the discard phrases found anywhere in words, story discards first
  // (PETRARCH gives them priority); nullopt when none.
  std::optional<Scope> find(const std::vector<std::string>& words) const;
  size_t size() const { return story_.size() + sentence_.size(); }

 private:
  PhraseIndex<Scope> story_;  // two indexes: every story phrase is checked first
  PhraseIndex<Scope> sentence_;
};

class IssueDictionary {
 public:
  // "phrase [CODE]" lines inside <ISSUE> sections. "n:word" adds the plural, "v:word"
  // the regular verb forms, "a+b" both "a b" and "a-b"; "~phrase" / "~~phrase" are
  // ignore phrases.
  void load(const std::string& file, Diagnostics& diagnostics);
  // Issue codes of every issue phrase in words, in order of appearance, no repeats; none
  // at all when an ignore phrase occurs (PETRARCH cancels the sentence's issues).
  std::vector<std::string> find(const std::vector<std::string>& words) const;
  size_t size() const;

 private:
  // A phrase may carry several codes ("HIV" is both a disease and a sexual-health issue),
  // as PETRARCH matches every issue line on its own.
  struct Entry {
    bool ignore = false;
    std::vector<uint32_t> codes;  // indexes into codes_
  };
  std::vector<std::string> codes_;  // distinct issue codes
  std::vector<Entry> entries_;
  PhraseIndex<uint32_t> index_;  // phrase -> index into entries_
};

}  // namespace annals
