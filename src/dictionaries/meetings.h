// Known meetings of leaders (an annals extension to the PETRARCH dictionary set): facts a
// careful human coder brings to a text that only says "during his first term, Trump met
// Kim three times". The coder narrows such a vague, historical consultation to the days
// the two are known to have met within it.
//
// File format, one meeting per line ('#' starts a comment):
//   YYYYMMDD[-YYYYMMDD] ACTOR ACTOR [ACTOR...]
// where each ACTOR is an actor dictionary phrase with '_' for blanks (DONALD_TRUMP,
// KIM_JONG-UN), naming the people who met.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "annals/date.h"
#include "annals/diagnostics.h"

namespace annals {

struct Actor;
class ActorDictionary;

class MeetingDictionary {
 public:
  // Reads one file; actors are looked up in `actors`, which must be loaded. Lines with a
  // bad date, fewer than two actors, or an actor the dictionary lacks are reported and
  // skipped.
  void load(const std::string& file, const ActorDictionary& actors, Diagnostics& diagnostics);

  // The first and last day of the known meetings of `a` and `b` that lie wholly within
  // [from, to]; nullopt when there is none.
  std::optional<std::pair<Date, Date>> span(const Actor* a, const Actor* b, Date from, Date to) const;

  size_t size() const { return meetings_.size(); }

 private:
  struct Meeting {
    Date first, last;
    std::vector<const Actor*> people;
  };
  std::vector<Meeting> meetings_;
};

}  // namespace annals
