// Event time from the text. News coders date every event with the story date; annals dates an
// event with the time its sentence gives ("on Friday", "last month", "in 2019", "since then",
// "during his first term", ...), read from the dependency tree, with a precision and a flag for
// events that lie clearly before the story's news.
//
// Resolution, relative to the story date S:
// - Weekdays and months or days without a year ("on Friday", "in March", "on 28 December") take
//   the tense of the clause they modify: past (or unknown) gives the latest one on or before S
//   (a Saturday story's "on Saturday" is S itself), future ("will", other modals, "is going to",
//   present progressive) and simple present ("arrives on Monday") the first on or after S.
//   "last"/"next" Friday or March: the latest strictly before / first strictly after S.
// - yesterday, today, tonight, tomorrow, last night, this morning: days around S.
// - last/this/next week (Monday to Sunday), month, year, weekend, decade: calendar units;
//   "earlier/later this week|month|year": the part before/after S; "the past week", "the past
//   two years", "the next decade": windows ending/starting at S. A unit holding S is cut at S
//   by the tense ("this year" in a past clause ends on S).
// - "N days|weeks|months|years ago": that day, week, month or year.
// - Years only after a preposition ("in 2019", not "2019 people"); "in 2018 and 2019",
//   "from 2018 to 2019", "between 2018 and 2019", "in 2018-2019": one range; "the 1990s".
// - "since X": from X's start to S; "since then": from the start of the story's latest
//   expression that has begun by S. "until X" (to X's end, from S in a future clause), "before X",
//   "after X" (to S).
// - Terms of office: see TermResolver.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/date.h"
#include "annals/sentence.h"

namespace annals {

// How finely the text fixes the time. `story`: the text gives none; the story date is used.
// `week`/`month`/`year`: the text names a time of that size: a calendar week (Monday to Sunday),
// month or year, a part of one ("earlier this month"), or a window of that length ending or
// starting at the story date ("the past week": the 7 days up to it). `range`: a span of several units ("from 2018 to 2019",
// "since 2019", "in the 1990s", "the past two years", a term of office).
enum class DatePrecision { day, week, month, year, range, story };

// "day", "week", "month", "year", "range", "story".
std::string_view to_string(DatePrecision precision);

// Inclusive day range. `first` is Date{} (ymd 0) when the text gives no start ("during his
// term" without a term resolver, "until 2019", "since then" with nothing before it).
struct TimeRange {
  Date first;
  Date last;
  DatePrecision precision = DatePrecision::story;
  bool open_start() const { return first.ymd == 0; }
  bool operator==(const TimeRange&) const = default;
};

// What kind of phrase an expression is (for callers that weigh them, and for diagnostics).
enum class TimeKind {
  relative_day,     // yesterday, today, tonight, tomorrow, last night, this morning
  weekday,          // (on) Friday, last Friday, next Monday
  calendar_date,    // 28 December, December 28, 2019, Dec. 28
  month,            // in March, March 2018, last March
  year,             // in 2019
  decade,           // the 1990s
  relative_period,  // last month, this year, earlier this week, the past two years
  ago,              // two years ago
  span,             // from 2018 to 2019, between 2018 and 2019, in 2018 and 2019
  since,            // since 2019, since then
  bounded,          // until 2019, before 2019, after 2019
  term,             // during his first term, under the Trump administration, while in office
};

// One resolved time expression of a sentence.
struct TimeExpression {
  int first_token = 0;  // inclusive token span, prepositions included ("in 2019", "since then")
  int last_token = 0;
  int head = -1;        // the span's token whose tree head lies outside it: the expression
                        // modifies tokens[head].head
  TimeKind kind = TimeKind::year;
  TimeRange range;
};

// The time of one event.
struct EventTime {
  TimeRange range;
  // The event ends clearly before the story's news: range.last is more than 7 days before the
  // story date. A term of office whose dates are unknown (open start, no resolver) counts as
  // historical when its clause is in the past tense ("During his first term, Trump met ...").
  bool historical = false;
  int expression = -1;  // index into the sentence's expressions; -1 when the story date is used
};

// Dates a term of office the text names only by its holder: `possessor_token` is the token
// that names the holder (the "his" of "his first term", the "Trump" of "Trump's presidency" or
// "the Trump administration", the clause subject for "while in office"; -1 when none), and
// `ordinal` is 1 for "first", 2 for "second", ..., -1 for "previous"/"last", 0 when none
// ("during his presidency": the current or only one). Return nullopt when unknown. Called from
// StoryTimeline::read_sentence, once per term expression.
using TermResolver =
    std::function<std::optional<TimeRange>(const Sentence&, int possessor_token, int ordinal)>;

// Per-story state, sentence after sentence: remembers the last explicit time of the story, which
// "since then" starts from. Cheap to construct; one per story.
class StoryTimeline {
 public:
  explicit StoryTimeline(Date story_date);

  // Without a resolver, terms of office resolve to an open range ending on the story date.
  void set_term_resolver(TermResolver resolver) { term_resolver_ = std::move(resolver); }
  Date story_date() const { return story_date_; }

  // Finds and resolves the time expressions of the next sentence of the story, in token order
  // (call for the story's sentences in order). A dateline ("SEOUL, Dec 28 (Reuters) -") dates
  // the story, not an event, and is left out.
  std::vector<TimeExpression> read_sentence(const Sentence& sentence);

  // The time of the event whose predicate is token `verb` (a verb or an event noun) of a
  // sentence whose expressions read_sentence returned: the expression attached to the verb in
  // the dependency tree (directly, or inside an "in/at/during <nominal>" phrase of it: "in a
  // speech on Friday", "during a session that ended on Friday"); else the one of a governing
  // clause (through conj, xcomp, ccomp, advcl, parataxis, and from an event noun to its verb;
  // not out of a relative clause); else the story date with precision `story`. Story-relative
  // times (weekdays, yesterday, last week, ago) also count when the parser hung them from the
  // verb's object ("met Putin on Monday"). When several attach to one token the narrowest wins.
  EventTime time_of(const Sentence& sentence, const std::vector<TimeExpression>& expressions,
                    int verb) const;

 private:
  Date story_date_;
  TermResolver term_resolver_;
  std::optional<TimeRange> last_explicit_;  // the latest expression read, for "since then"
  std::vector<std::uint16_t> scratch_;      // per-token word classes, reused across sentences
};

}  // namespace annals
