// An event as annals emits it. Offsets are byte offsets into Event::text; the
// JSONL writer converts them to Unicode code point offsets (see README).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/date.h"
#include "annals/event_time.h"  // DatePrecision
#include "annals/modality.h"    // Modality

namespace annals {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct EventActor {
  std::string code;   // CAMEO actor code, e.g. "USAGOV"
  std::string text;   // the words the code was read from
  Span span;
};

// One link of the chain through which a claim reached the story, innermost speaker
// first: "Kim was quoted as saying by KCNA" gives {said, Kim}, {quoted_by, KCNA}.
struct AttributionLink {
  std::string relation;  // said, reported, quoted_by, citing, according_to (see modality.h)
  EventActor source;     // code empty when the dictionaries do not know the source; text
                         // empty when the text names none ("it was reported that")
  // The story's sentence that states this link, when it is not the event's own: the lead's
  // "the Associated Press reported, quoted by BTA" attributes the whole report. -1: the
  // event's sentence. `source.span` is an offset into the stating sentence.
  int sentence = -1;
};

struct Event {
  std::string story_id;
  int sentence = 0;          // 0-based index of the sentence in its story
  std::string sentence_id;   // record id when the input has one
  Date date;                 // first day of the event's time
  Date date_end;             // last day of it (== date for one day)
  DatePrecision date_precision = DatePrecision::story;
  bool historical = false;   // clearly before the story's news
  Modality modality = Modality::asserted;
  std::vector<AttributionLink> attribution;
  EventActor source;
  std::optional<EventActor> target;
  std::string cameo;         // most specific CAMEO event code, e.g. "0431"
  std::string root;          // two-digit root, e.g. "04"
  double goldstein = 0;
  int quad_class = 0;        // GDELT QuadClass 1..4
  std::string plover;        // PLOVER category, e.g. "CONSULT"
  struct {
    std::string text;
    Span span;
  } verb;
  std::vector<std::string> issues;  // issue codes found in the sentence
  std::string text;          // the sentence
};

}  // namespace annals
