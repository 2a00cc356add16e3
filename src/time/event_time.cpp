// Time expressions: a word-class pass over the tokens (one table lookup per token), a matcher
// that reads expressions left to right from trigger words, and the dependency tree to find
// which clause an expression modifies (its tense picks past or future readings of "Friday" or
// "March", and time_of follows it from the event's predicate).
#include "annals/event_time.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace annals {

namespace {

// Calendar arithmetic on day serials (annals/date.h).
int serial(Date date) { return days_since_epoch(date); }
Date add_days(Date date, int days) { return date_from_days(serial(date) + days); }
int weekday(Date date) { return ((serial(date) % 7) + 7 + 3) % 7; }  // Monday 0 ... Sunday 6
Date make_date(int year, int month, int day) { return Date{year * 10000 + month * 100 + day}; }

TimeRange day_range(Date day) { return {day, day, DatePrecision::day}; }
TimeRange week_range(Date day) {
  const Date monday = add_days(day, -weekday(day));
  return {monday, add_days(monday, 6), DatePrecision::week};
}
// `month` may run past 1..12 ("last month" in January is month 0 of the year).
TimeRange month_range(int year, int month) {
  const int index = year * 12 + (month - 1);
  year = index / 12;
  month = index % 12 + 1;
  return {make_date(year, month, 1), make_date(year, month, days_in_month(year, month)),
          DatePrecision::month};
}
TimeRange year_range(int year) {
  return {make_date(year, 1, 1), make_date(year, 12, 31), DatePrecision::year};
}
TimeRange years_range(int first, int last) {
  return {make_date(first, 1, 1), make_date(last, 12, 31), DatePrecision::range};
}
// The same day `months` months away, clamped to the month's length.
Date add_months(Date date, int months) {
  const TimeRange month = month_range(date.year(), date.month() + months);
  return make_date(month.first.year(), month.first.month(),
                   std::min(date.day(), month.last.day()));
}

// ---------------------------------------------------------------------------------------------
// Word classes.

enum class Cat : uint8_t {
  none,
  weekday,       // value 0 (Monday) .. 6
  month,         // value 1..12
  relative_day,  // value: offset from the story date + 1 (yesterday 0, today 1, tomorrow 2)
  part_of_day,   // morning, afternoon, evening, night (value 3 = night)
  unit,          // value Unit
  deixis,        // value Deixis
  edge,          // value Edge
  ago,
  prep,          // value Prep
  then,
  term_noun,     // term, presidency, ...; value 1 for "time" (only in "time in office")
  ordinal,       // value 1..5
  number_word,   // value
  the,
  ever,
  while_word,
  office,
  conjunction,   // and, or
};

enum Unit : uint8_t { kDay, kDays, kWeek, kWeeks, kWeekend, kMonth, kMonths, kYear, kYears,
                      kDecade, kDecades };
enum Deixis : uint8_t { kLast, kPast, kPrevious, kNext, kComing, kThis, kCurrent };
enum Edge : uint8_t { kEarlier, kLater, kEarly, kMid, kLate };
enum Prep : uint8_t { kIn, kOn, kDuring, kSince, kFrom, kTo, kUntil, kThrough, kBetween, kAt,
                      kOver, kThroughout, kUnder, kBefore, kAfter, kOf };

struct Entry {
  std::string_view word;
  Cat cat;
  uint8_t value;
  bool abbreviation = false;  // may carry a period ("Dec.")
};

constexpr Entry kEntries[] = {
    {"monday", Cat::weekday, 0}, {"tuesday", Cat::weekday, 1}, {"wednesday", Cat::weekday, 2},
    {"thursday", Cat::weekday, 3}, {"friday", Cat::weekday, 4}, {"saturday", Cat::weekday, 5},
    {"sunday", Cat::weekday, 6},
    {"january", Cat::month, 1}, {"february", Cat::month, 2}, {"march", Cat::month, 3},
    {"april", Cat::month, 4}, {"may", Cat::month, 5}, {"june", Cat::month, 6},
    {"july", Cat::month, 7}, {"august", Cat::month, 8}, {"september", Cat::month, 9},
    {"october", Cat::month, 10}, {"november", Cat::month, 11}, {"december", Cat::month, 12},
    {"jan", Cat::month, 1, true}, {"feb", Cat::month, 2, true}, {"mar", Cat::month, 3, true},
    {"apr", Cat::month, 4, true}, {"jun", Cat::month, 6, true}, {"jul", Cat::month, 7, true},
    {"aug", Cat::month, 8, true}, {"sep", Cat::month, 9, true}, {"sept", Cat::month, 9, true},
    {"oct", Cat::month, 10, true}, {"nov", Cat::month, 11, true}, {"dec", Cat::month, 12, true},
    {"yesterday", Cat::relative_day, 0}, {"today", Cat::relative_day, 1},
    {"tonight", Cat::relative_day, 1}, {"tomorrow", Cat::relative_day, 2},
    {"morning", Cat::part_of_day, 0}, {"afternoon", Cat::part_of_day, 1},
    {"evening", Cat::part_of_day, 2}, {"night", Cat::part_of_day, 3},
    {"day", Cat::unit, kDay}, {"days", Cat::unit, kDays}, {"week", Cat::unit, kWeek},
    {"weeks", Cat::unit, kWeeks}, {"weekend", Cat::unit, kWeekend},
    {"month", Cat::unit, kMonth}, {"months", Cat::unit, kMonths}, {"year", Cat::unit, kYear},
    {"years", Cat::unit, kYears}, {"decade", Cat::unit, kDecade},
    {"decades", Cat::unit, kDecades},
    {"last", Cat::deixis, kLast}, {"past", Cat::deixis, kPast},
    {"previous", Cat::deixis, kPrevious}, {"next", Cat::deixis, kNext},
    {"coming", Cat::deixis, kComing}, {"this", Cat::deixis, kThis},
    {"current", Cat::deixis, kCurrent},
    {"earlier", Cat::edge, kEarlier}, {"later", Cat::edge, kLater}, {"early", Cat::edge, kEarly},
    {"mid", Cat::edge, kMid}, {"late", Cat::edge, kLate},
    {"ago", Cat::ago, 0},
    {"in", Cat::prep, kIn}, {"on", Cat::prep, kOn}, {"during", Cat::prep, kDuring},
    {"since", Cat::prep, kSince}, {"from", Cat::prep, kFrom}, {"to", Cat::prep, kTo},
    {"until", Cat::prep, kUntil}, {"till", Cat::prep, kUntil}, {"through", Cat::prep, kThrough},
    {"between", Cat::prep, kBetween}, {"at", Cat::prep, kAt}, {"over", Cat::prep, kOver},
    {"throughout", Cat::prep, kThroughout}, {"under", Cat::prep, kUnder},
    {"before", Cat::prep, kBefore}, {"after", Cat::prep, kAfter}, {"of", Cat::prep, kOf},
    {"then", Cat::then, 0},
    {"term", Cat::term_noun, 0}, {"presidency", Cat::term_noun, 0},
    {"tenure", Cat::term_noun, 0}, {"administration", Cat::term_noun, 0},
    {"premiership", Cat::term_noun, 0}, {"reign", Cat::term_noun, 0},
    {"rule", Cat::term_noun, 0}, {"chancellorship", Cat::term_noun, 0},
    {"time", Cat::term_noun, 1},
    {"first", Cat::ordinal, 1}, {"second", Cat::ordinal, 2}, {"third", Cat::ordinal, 3},
    {"fourth", Cat::ordinal, 4}, {"fifth", Cat::ordinal, 5},
    {"a", Cat::number_word, 1}, {"an", Cat::number_word, 1}, {"one", Cat::number_word, 1},
    {"two", Cat::number_word, 2}, {"three", Cat::number_word, 3},
    {"four", Cat::number_word, 4}, {"five", Cat::number_word, 5}, {"six", Cat::number_word, 6},
    {"seven", Cat::number_word, 7}, {"eight", Cat::number_word, 8},
    {"nine", Cat::number_word, 9}, {"ten", Cat::number_word, 10},
    {"eleven", Cat::number_word, 11}, {"twelve", Cat::number_word, 12},
    {"twenty", Cat::number_word, 20}, {"thirty", Cat::number_word, 30},
    {"the", Cat::the, 0}, {"ever", Cat::ever, 0}, {"while", Cat::while_word, 0},
    {"office", Cat::office, 0}, {"and", Cat::conjunction, 0}, {"or", Cat::conjunction, 0},
};

// Every token is looked up: an open-addressing hash table, a quarter full, so that most words
// miss on their first probe.
constexpr uint32_t hash_word(std::string_view word) {
  uint32_t hash = 2166136261u;
  for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

constexpr size_t kTableSize = 512;
constexpr auto kWordTable = [] {
  std::array<int16_t, kTableSize> table{};
  table.fill(-1);
  for (size_t e = 0; e < std::size(kEntries); ++e) {
    size_t slot = hash_word(kEntries[e].word) % kTableSize;
    while (table[slot] >= 0) slot = (slot + 1) % kTableSize;
    table[slot] = static_cast<int16_t>(e);
  }
  return table;
}();
static_assert(std::size(kEntries) * 4 <= kTableSize);

const Entry* find_entry(std::string_view key) {
  for (size_t slot = hash_word(key) % kTableSize; kWordTable[slot] >= 0;
       slot = (slot + 1) % kTableSize)
    if (kEntries[kWordTable[slot]].word == key) return &kEntries[kWordTable[slot]];
  return nullptr;
}

struct Word {
  Cat cat = Cat::none;
  uint8_t value = 0;
};

uint16_t pack(Word word) {
  return static_cast<uint16_t>(static_cast<int>(word.cat) << 8 | word.value);
}
Word unpack(uint16_t packed) {
  return {static_cast<Cat>(packed >> 8), static_cast<uint8_t>(packed & 0xff)};
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

Word classify(const Token& token) {
  std::string_view form = token.form;
  bool had_period = false;
  if (form.size() > 1 && form.back() == '.') {
    form.remove_suffix(1);
    had_period = true;
  }
  char lowered[16];
  if (form.empty() || form.size() > sizeof lowered) return {};
  for (size_t i = 0; i < form.size(); ++i) lowered[i] = ascii_lower(form[i]);
  const std::string_view key(lowered, form.size());
  const Entry* found = find_entry(key);
  if (!found) return {};
  if (had_period && !found->abbreviation) return {};
  // Month names are proper nouns; "may", "march" and "mar" in lower case are verbs.
  if (found->cat == Cat::month && (!is_upper(form[0]) || token.xpos == "MD")) return {};
  return {found->cat, found->value};
}

// A token made of digits: plain ("2019", "28"), ordinal ("28th") or a decade ("1990s").
struct Number {
  enum Form { plain, ordinal, decade } form = plain;
  int value = -1;
  int digits = 0;
};

Number read_number(std::string_view form) {
  Number number;
  size_t i = 0;
  int value = 0;
  while (i < form.size() && is_digit(form[i]) && i < 5) value = value * 10 + (form[i++] - '0');
  if (i == 0 || i > 4) return {};
  const std::string_view rest = form.substr(i);
  number.value = value;
  number.digits = static_cast<int>(i);
  if (rest.empty()) return number;
  if (i <= 2 && rest.size() == 2) {
    const char a = ascii_lower(rest[0]), b = ascii_lower(rest[1]);
    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
        (a == 't' && b == 'h')) {
      number.form = Number::ordinal;
      return number;
    }
  }
  if (i == 4 && value % 10 == 0 && (rest == "s" || rest == "'s")) {
    number.form = Number::decade;
    return number;
  }
  return {};
}

bool plausible_year(int value) { return value >= 1000 && value <= 2199; }
bool is_dash(std::string_view form) {
  return form == "-" || form == "--" || form == "\xE2\x80\x93" || form == "\xE2\x80\x94";
}
bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Lemma when the source gives one, else the form; compared case-insensitively.
bool word_is(const Token& token, std::string_view word) {
  const std::string_view text = token.lemma.empty() ? std::string_view(token.form) : token.lemma;
  if (text.size() != word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (ascii_lower(text[i]) != word[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Tense of the clause an expression modifies: it picks the past or the coming "Friday".

enum class Tense { unknown, past, present_perfect, present, future };

bool has_dependent(const Sentence& sentence, int head, std::string_view deprel,
                   std::string_view word) {
  for (const Token& token : sentence.tokens)
    if (&token - sentence.tokens.data() != head && token.head == head &&
        token.deprel == deprel && word_is(token, word))
      return true;
  return false;
}

Tense tense_of(const Sentence& sentence, int predicate, int depth = 0) {
  const int count = static_cast<int>(sentence.tokens.size());
  if (predicate < 0 || predicate >= count || depth > 3) return Tense::unknown;
  bool modal = false, perfect = false, past_aux = false, present_aux = false;
  for (int t = 0; t < count; ++t) {
    const Token& token = sentence.tokens[t];
    if (token.head != predicate || t == predicate) continue;
    if (!starts_with(token.deprel, "aux") && token.deprel != "cop") continue;
    if (token.xpos == "MD" || word_is(token, "will") || word_is(token, "shall") ||
        token.form == "'ll" || word_is(token, "wo")) {
      modal = true;
    } else if (word_is(token, "have")) {
      perfect = true;
      past_aux |= token.xpos == "VBD";
    } else if (token.xpos == "VBD") {
      past_aux = true;
    } else if (token.xpos == "VBZ" || token.xpos == "VBP") {
      present_aux = true;
    }
  }
  const Token& verb = sentence.tokens[predicate];
  if (modal) return perfect ? Tense::past : Tense::future;
  if (past_aux) return Tense::past;
  if (perfect) return Tense::present_perfect;
  if (present_aux) return verb.xpos == "VBG" ? Tense::future : Tense::present;
  if (verb.xpos == "VBD" || verb.xpos == "VBN") return Tense::past;
  if (verb.xpos == "VBZ" || verb.xpos == "VBP") return Tense::present;
  if ((verb.xpos == "VB" || verb.xpos == "VBG") && verb.head >= 0 && verb.head < count) {
    const Token& governor = sentence.tokens[verb.head];
    if (verb.xpos == "VB" && has_dependent(sentence, predicate, "mark", "to") &&
        word_is(governor, "go") && governor.xpos == "VBG")
      return Tense::future;  // "is going to meet"
    return tense_of(sentence, verb.head, depth + 1);
  }
  return Tense::unknown;
}

// The verb (or copular predicate) of the clause token `token` belongs to.
int predicate_of(const Sentence& sentence, int token) {
  const int count = static_cast<int>(sentence.tokens.size());
  for (int step = 0; step < 4 && token >= 0 && token < count; ++step) {
    const Token& candidate = sentence.tokens[token];
    if (candidate.upos == "VERB" || candidate.upos == "AUX" || starts_with(candidate.xpos, "VB"))
      return token;
    for (int t = 0; t < count; ++t)
      if (sentence.tokens[t].head == token && sentence.tokens[t].deprel == "cop") return token;
    token = candidate.head;
  }
  return -1;
}

bool looks_back(Tense tense) { return tense != Tense::present && tense != Tense::future; }

// ---------------------------------------------------------------------------------------------
// Expressions before resolution: some need the clause's tense ("Friday"), the story's previous
// expression ("then") or the caller's term resolver.

struct Point {
  enum Type { fixed, weekday, month_day, then, term } type = fixed;
  TimeKind kind = TimeKind::year;
  TimeRange range;          // fixed
  int day_of_week = 0;      // weekday: 0..6
  bool weekend = false;     // weekday: the Saturday-Sunday of that Saturday
  int deixis = 0;           // weekday, month_day: -1 "last", +1 "next", 0 none or "this"
  int month = 0, day = 0;   // month_day: day 0 for the whole month
  int year = 0;             // month_day: 0 when the text gives none
  int possessor = -1;       // term: -2 for the clause subject ("while in office")
  int ordinal = 0;          // term
  int last = 0;             // last token of the point
};

enum class Combine { single, since, span, until, before, after };

struct Candidate {
  int first = 0, last = 0;
  Combine combine = Combine::single;
  Point a, b;
};

class Matcher {
 public:
  Matcher(const Sentence& sentence, const std::vector<uint16_t>& words, Date story_date)
      : sentence_(sentence), words_(words), story_(story_date),
        count_(static_cast<int>(sentence.tokens.size())) {}

  std::optional<Candidate> match_at(int i) const;

 private:
  Word word(int i) const { return i >= 0 && i < count_ ? unpack(words_[i]) : Word{}; }
  bool is(int i, Cat cat) const { return word(i).cat == cat; }
  bool is_prep(int i, Prep prep) const { return is(i, Cat::prep) && word(i).value == prep; }
  std::string_view form(int i) const {
    return i >= 0 && i < count_ ? std::string_view(sentence_.tokens[i].form) : std::string_view();
  }
  Number number(int i) const { return i >= 0 && i < count_ ? read_number(form(i)) : Number{}; }
  std::optional<int> year_at(int i) const {
    const Number n = number(i);
    if (n.form != Number::plain || n.digits != 4 || !plausible_year(n.value)) return std::nullopt;
    return n.value;
  }
  std::optional<int> day_number_at(int i) const {
    const Number n = number(i);
    if (n.form == Number::decade || n.digits < 1 || n.digits > 2 || n.value < 1 || n.value > 31)
      return std::nullopt;
    return n.value;
  }
  // A count: "two", "a", "3".
  std::optional<int> count_at(int i) const {
    if (is(i, Cat::number_word)) return word(i).value;
    const Number n = number(i);
    if (n.form == Number::plain && n.value > 0 && n.value < 1000) return n.value;
    return std::nullopt;
  }

  std::optional<Point> point(int i, bool after_prep, bool allow_then) const;
  std::optional<Point> month_point(int i, bool after_prep) const;
  std::optional<Point> relative_point(int i) const;
  std::optional<Point> term_point(int i) const;
  std::optional<Candidate> compound(int prep_token, Prep prep) const;

  const Sentence& sentence_;
  const std::vector<uint16_t>& words_;
  Date story_;
  int count_;
};

Point fixed_point(TimeKind kind, TimeRange range, int last) {
  Point p;
  p.type = Point::fixed;
  p.kind = kind;
  p.range = range;
  p.last = last;
  return p;
}

// "December", "Dec. 28", "December 28, 2019", "December 2019", "28 December (2019)".
std::optional<Point> Matcher::month_point(int i, bool after_prep) const {
  Point p;
  p.type = Point::month_day;
  p.kind = TimeKind::month;
  int next = i + 1;
  if (is(i, Cat::month)) {
    p.month = word(i).value;
    if (const auto day = day_number_at(next); day && !year_at(next)) {
      p.day = *day;
      p.kind = TimeKind::calendar_date;
      ++next;
      if (form(next) == "," && year_at(next + 1)) ++next;
    } else if (!year_at(next) && !after_prep) {
      return std::nullopt;  // a bare month name needs "in"/"since"/... before it
    }
  } else if (const auto day = day_number_at(i); day && is(i + 1, Cat::month)) {
    p.day = *day;
    p.month = word(i + 1).value;
    p.kind = TimeKind::calendar_date;
    next = i + 2;
  } else if (is(i, Cat::the) && number(i + 1).form == Number::ordinal && is_prep(i + 2, kOf) &&
             is(i + 3, Cat::month)) {
    p.day = number(i + 1).value;
    p.month = word(i + 3).value;
    p.kind = TimeKind::calendar_date;
    next = i + 4;
  } else {
    return std::nullopt;
  }
  if (is_prep(next, kOf) && year_at(next + 1)) ++next;  // "December of 2019"
  if (const auto year = year_at(next)) {
    p.year = *year;
    p.last = next;
  } else {
    p.last = next - 1;
  }
  if (p.day > 0 && p.day > days_in_month(p.year ? p.year : 2000, p.month)) return std::nullopt;
  if (p.year) {
    p.type = Point::fixed;
    p.range = p.day ? day_range(make_date(p.year, p.month, p.day)) : month_range(p.year, p.month);
  }
  return p;
}

// "last week", "this year", "next month", "the past two years", "two years ago",
// "earlier this week", "last Friday", "next March", "last night".
std::optional<Point> Matcher::relative_point(int i) const {
  const Date story = story_;
  // "earlier this week" / "later this year" / "earlier today"
  if (is(i, Cat::edge) && (word(i).value == kEarlier || word(i).value == kLater)) {
    const bool earlier = word(i).value == kEarlier;
    if (is(i + 1, Cat::relative_day) && word(i + 1).value == 1)
      return fixed_point(TimeKind::relative_day, day_range(story), i + 1);
    int unit_token = -1;
    if (is(i + 1, Cat::deixis) && word(i + 1).value == kThis) unit_token = i + 2;
    else if (is_prep(i + 1, kIn) && is(i + 2, Cat::the)) unit_token = i + 3;  // "in the week"
    if (unit_token < 0 || !is(unit_token, Cat::unit)) return std::nullopt;
    TimeRange whole;
    switch (word(unit_token).value) {
      case kWeek: whole = week_range(story); break;
      case kMonth: whole = month_range(story.year(), story.month()); break;
      case kYear: whole = year_range(story.year()); break;
      default: return std::nullopt;
    }
    TimeRange part = whole;
    if (earlier) part.last = std::max(whole.first, add_days(story, -1));
    else part.first = std::min(whole.last, add_days(story, 1));
    return fixed_point(TimeKind::relative_period, part, unit_token);
  }
  // "two years ago", "a week ago"
  if (const auto amount = count_at(i); amount && is(i + 1, Cat::unit) && is(i + 2, Cat::ago)) {
    const int n = *amount;
    TimeRange range;
    switch (word(i + 1).value) {
      case kDay: case kDays: range = day_range(add_days(story, -n)); break;
      case kWeek: case kWeeks: range = week_range(add_days(story, -7 * n)); break;
      case kMonth: case kMonths: range = month_range(story.year(), story.month() - n); break;
      case kYear: case kYears: range = year_range(story.year() - n); break;
      case kDecade: case kDecades: range = year_range(story.year() - 10 * n); break;
      default: return std::nullopt;
    }
    return fixed_point(TimeKind::ago, range, i + 2);
  }
  int at = i;
  const bool has_the = is(at, Cat::the);
  if (has_the) ++at;
  if (!is(at, Cat::deixis)) {
    // "the weekend" after "at"/"over"/"on"/"during": the weekend nearest in the clause's tense.
    if (has_the && is(at, Cat::unit) && word(at).value == kWeekend) {
      Point p;
      p.type = Point::weekday;
      p.kind = TimeKind::relative_period;
      p.day_of_week = 5;
      p.weekend = true;
      p.last = at;
      return p;
    }
    return std::nullopt;
  }
  const int deixis = word(at).value;
  const int direction = deixis == kNext || deixis == kComing     ? 1
                        : deixis == kThis || deixis == kCurrent ? 0
                                                                 : -1;
  // "the past week": the 7 days up to the story; "the next year": the 12 months after it.
  const bool rolling = deixis == kPast || has_the;
  // "last night", "this morning"
  if (is(at + 1, Cat::part_of_day) && !has_the) {
    if (deixis == kLast && word(at + 1).value == 3)
      return fixed_point(TimeKind::relative_day, day_range(add_days(story, -1)), at + 1);
    if (deixis == kThis) return fixed_point(TimeKind::relative_day, day_range(story), at + 1);
    return std::nullopt;
  }
  // "last Friday", "next Monday", "this Saturday"
  if (is(at + 1, Cat::weekday) && !has_the) {
    Point p;
    p.type = Point::weekday;
    p.kind = TimeKind::weekday;
    p.day_of_week = word(at + 1).value;
    p.deixis = direction;
    p.last = at + 1;
    if (is(at + 2, Cat::part_of_day)) p.last = at + 2;
    return p;
  }
  // "last March", "next May"
  if (is(at + 1, Cat::month) && !has_the) {
    Point p;
    p.type = Point::month_day;
    p.kind = TimeKind::month;
    p.month = word(at + 1).value;
    p.deixis = direction;
    p.last = at + 1;
    return p;
  }
  // "the past two years", "the next three months"
  if (const auto amount = count_at(at + 1); amount && *amount > 1 && is(at + 2, Cat::unit) &&
                                            direction != 0) {
    const int n = *amount;
    Date moved;
    switch (word(at + 2).value) {
      case kDays: moved = add_days(story, direction * n); break;
      case kWeeks: moved = add_days(story, direction * 7 * n); break;
      case kMonths: moved = add_months(story, direction * n); break;
      case kYears: moved = add_months(story, direction * 12 * n); break;
      case kDecades: moved = add_months(story, direction * 120 * n); break;
      default: return std::nullopt;
    }
    const TimeRange range = direction < 0 ? TimeRange{moved, story, DatePrecision::range}
                                          : TimeRange{story, moved, DatePrecision::range};
    return fixed_point(TimeKind::relative_period, range, at + 2);
  }
  if (!is(at + 1, Cat::unit)) return std::nullopt;
  const int unit = word(at + 1).value;
  if (unit == kWeekend) {
    Point p;
    p.type = Point::weekday;
    p.kind = TimeKind::relative_period;
    p.day_of_week = 5;
    p.weekend = true;
    p.deixis = direction;
    p.last = at + 1;
    return p;
  }
  TimeRange range;
  if (rolling && direction != 0) {
    Date moved;
    DatePrecision precision;
    switch (unit) {
      case kWeek:
        moved = add_days(story, 7 * direction);
        precision = DatePrecision::week;
        break;
      case kMonth:
        moved = add_months(story, direction);
        precision = DatePrecision::month;
        break;
      case kYear:
        moved = add_months(story, 12 * direction);
        precision = DatePrecision::year;
        break;
      case kDecade:
        moved = add_months(story, 120 * direction);
        precision = DatePrecision::range;
        break;
      default:
        return std::nullopt;
    }
    range = direction < 0 ? TimeRange{moved, story, precision} : TimeRange{story, moved, precision};
  } else {
    switch (unit) {
      case kWeek: range = week_range(add_days(story, 7 * direction)); break;
      case kMonth: range = month_range(story.year(), story.month() + direction); break;
      case kYear: range = year_range(story.year() + direction); break;
      case kDecade: {
        const int decade = story.year() / 10 * 10 + 10 * direction;
        range = years_range(decade, decade + 9);
        break;
      }
      default: return std::nullopt;
    }
  }
  return fixed_point(TimeKind::relative_period, range, at + 1);
}

// "his first term", "Trump's presidency", "the Trump administration", "his time in office".
std::optional<Point> Matcher::term_point(int i) const {
  Point p;
  p.type = Point::term;
  p.kind = TimeKind::term;
  if (i < 0 || i >= count_) return std::nullopt;
  int at = i;
  auto proper = [&](int t) {
    return t < count_ && (sentence_.tokens[t].upos == "PROPN" ||
                          starts_with(sentence_.tokens[t].xpos, "NNP"));
  };
  if (sentence_.tokens[at].xpos == "PRP$") {
    p.possessor = at++;
  } else if (is(at, Cat::the) && proper(at + 1)) {
    int end = at + 1;
    while (proper(end + 1)) ++end;
    p.possessor = end;
    at = end + 1;
  } else if (proper(at)) {
    int end = at;
    while (proper(end + 1)) ++end;
    if (end + 1 >= count_) return std::nullopt;
    const Token& marker = sentence_.tokens[end + 1];
    if (marker.xpos != "POS" && marker.form != "'s" && marker.form != "'") return std::nullopt;
    p.possessor = end;
    at = end + 2;
  } else {
    return std::nullopt;
  }
  if (is(at, Cat::ordinal)) {
    p.ordinal = word(at++).value;
  } else if (is(at, Cat::deixis)) {
    const int deixis = word(at).value;
    if (deixis == kLast || deixis == kPrevious) p.ordinal = -1;
    else if (deixis != kCurrent) return std::nullopt;
    ++at;
  }
  if (!is(at, Cat::term_noun)) return std::nullopt;
  const bool needs_office = word(at).value == 1;  // "time" only as "time in office"
  const bool in_office = is_prep(at + 1, kIn) && is(at + 2, Cat::office);
  if (needs_office && !in_office) return std::nullopt;
  p.last = in_office ? at + 2 : at;
  return p;
}

std::optional<Point> Matcher::point(int i, bool after_prep, bool allow_then) const {
  if (i < 0 || i >= count_) return std::nullopt;
  const Date story = story_;
  const Word w = word(i);
  if (allow_then && w.cat == Cat::then) {
    Point p;
    p.type = Point::then;
    p.kind = TimeKind::since;
    p.last = i;
    return p;
  }
  if (w.cat == Cat::relative_day) {
    const TimeRange range = day_range(add_days(story, w.value - 1));
    return fixed_point(TimeKind::relative_day, range, is(i + 1, Cat::part_of_day) ? i + 1 : i);
  }
  if (w.cat == Cat::weekday) {
    Point p;
    p.type = Point::weekday;
    p.kind = TimeKind::weekday;
    p.day_of_week = w.value;
    p.last = is(i + 1, Cat::part_of_day) ? i + 1 : i;
    return p;
  }
  // "early 2019", "late last year", "mid-March", "early Friday": the whole unit.
  if (w.cat == Cat::edge && w.value != kEarlier && w.value != kLater) {
    int next = i + 1;
    if (w.value == kMid && form(next) == "-") ++next;
    if (auto inner = point(next, true, false);
        inner && inner->type != Point::term && inner->kind != TimeKind::ago)
      return inner;
    return std::nullopt;
  }
  if (auto p = relative_point(i)) return p;
  if (auto p = month_point(i, after_prep)) return p;
  // "the 1990s", "the 1990's"
  if (w.cat == Cat::the || after_prep) {
    const int at = w.cat == Cat::the ? i + 1 : i;
    const Number n = number(at);
    if (n.form == Number::decade && plausible_year(n.value))
      return fixed_point(TimeKind::decade, years_range(n.value, n.value + 9), at);
    if (w.cat == Cat::the && year_at(at) && *year_at(at) % 10 == 0 &&
        (form(at + 1) == "s" || form(at + 1) == "'s"))
      return fixed_point(TimeKind::decade, years_range(*year_at(at), *year_at(at) + 9), at + 1);
  }
  // A bare number is a year only after a preposition, and not as a count of a noun
  // ("in 2019 people died" reads 2019 as a count).
  if (after_prep) {
    if (const auto year = year_at(i)) {
      const Token& token = sentence_.tokens[i];
      const bool counts_noun =
          (token.deprel == "nummod" || token.deprel == "compound") && token.head == i + 1;
      if (!counts_noun) return fixed_point(TimeKind::year, year_range(*year), i);
    }
  }
  return std::nullopt;
}

// A year range written as one token: "2018-2019", "2018-19".
std::optional<Point> year_span_token(std::string_view form, int token) {
  const size_t dash = form.find('-');
  if (dash != 4 || form.size() < 7) return std::nullopt;
  const Number first = read_number(form.substr(0, 4));
  const Number second = read_number(form.substr(5));
  if (first.form != Number::plain || second.form != Number::plain || first.digits != 4)
    return std::nullopt;
  int last_year = second.value;
  if (second.digits == 2) last_year = first.value / 100 * 100 + second.value;
  else if (second.digits != 4) return std::nullopt;
  if (!plausible_year(first.value) || last_year <= first.value) return std::nullopt;
  return fixed_point(TimeKind::span, years_range(first.value, last_year), token);
}

// A preposition and what follows it.
std::optional<Candidate> Matcher::compound(int prep_token, Prep prep) const {
  Candidate c;
  c.first = prep_token;
  const int start = prep_token + 1;
  switch (prep) {
    case kSince: {
      auto a = point(start, true, true);
      if (!a || a->type == Point::term) return std::nullopt;
      c.combine = Combine::since;
      c.a = *a;
      c.last = a->last;
      return c;
    }
    case kFrom:
    case kBetween: {
      auto a = point(start, true, false);
      if (!a || a->type == Point::term) return std::nullopt;
      c.a = *a;
      c.last = a->last;
      const int link = a->last + 1;
      const bool linked = prep == kBetween ? is(link, Cat::conjunction)
                                           : is_prep(link, kTo) || is_prep(link, kUntil) ||
                                                 is_prep(link, kThrough) || is_dash(form(link));
      if (linked) {
        if (auto b = point(link + 1, true, false); b && b->type != Point::term) {
          c.combine = Combine::span;
          c.b = *b;
          c.last = b->last;
          return c;
        }
      }
      if (prep == kBetween) return std::nullopt;
      return c;  // "from Friday": the point alone
    }
    case kUntil:
    case kBefore:
    case kAfter: {
      auto a = point(start, true, prep == kUntil);
      if (!a || a->type == Point::term) return std::nullopt;
      c.combine = prep == kUntil    ? Combine::until
                  : prep == kBefore ? Combine::before
                                    : Combine::after;
      c.a = *a;
      c.last = a->last;
      return c;
    }
    case kIn:
    case kDuring:
    case kThroughout:
    case kUnder:
      if (auto term = term_point(start)) {
        c.a = *term;
        c.last = term->last;
        return c;
      }
      if (prep == kUnder) return std::nullopt;
      [[fallthrough]];
    case kOn:
    case kAt:
    case kOver:
    case kOf:
    case kTo:
    case kThrough: {
      if (prep == kIn || prep == kDuring)
        if (auto span = year_span_token(form(start), start)) {
          c.a = *span;
          c.last = start;
          return c;
        }
      auto a = point(start, prep != kAt && prep != kOver && prep != kOn, false);
      if (!a || a->type == Point::term) return std::nullopt;
      c.a = *a;
      c.last = a->last;
      // "in 2018 and 2019", "in 2018 - 2019", "in 2019, 2020 and 2021": first to last year.
      if (a->kind == TimeKind::year) {
        for (int link = a->last + 1;
             is(link, Cat::conjunction) || is_prep(link, kTo) || is_dash(form(link)) ||
             form(link) == ",";
             link = c.last + 1) {
          const auto b = year_at(link + 1);
          if (!b || *b <= a->range.first.year()) break;
          c.combine = Combine::span;
          c.b = fixed_point(TimeKind::year, year_range(*b), link + 1);
          c.last = link + 1;
        }
      }
      return c;
    }
  }
  return std::nullopt;
}

std::optional<Candidate> Matcher::match_at(int i) const {
  const Word w = word(i);
  if (w.cat == Cat::prep) return compound(i, static_cast<Prep>(w.value));
  if (w.cat == Cat::ever && is_prep(i + 1, kSince)) {
    auto c = compound(i + 1, kSince);
    if (c) c->first = i;
    return c;
  }
  // "while in office": the term of the clause's subject.
  if (w.cat == Cat::while_word && is_prep(i + 1, kIn) && is(i + 2, Cat::office)) {
    Candidate c;
    c.first = i;
    c.last = i + 2;
    c.a.type = Point::term;
    c.a.kind = TimeKind::term;
    c.a.possessor = -2;
    c.a.last = i + 2;
    return c;
  }
  if (auto a = point(i, false, false)) {
    Candidate c;
    c.first = i;
    c.last = a->last;
    c.a = *a;
    return c;
  }
  return std::nullopt;
}

// The token of [first, last] whose head lies outside the span.
int span_head(const Sentence& sentence, int first, int last) {
  int fallback = last;
  for (int t = first; t <= last; ++t) {
    const int head = sentence.tokens[t].head;
    if (head >= first && head <= last && head != t) continue;
    if (sentence.tokens[t].upos != "ADP" && sentence.tokens[t].upos != "PUNCT") return t;
    fallback = t;
  }
  return fallback;
}

// "SEOUL, Dec 28 (Reuters) -": a place in capitals, a comma, the date, then a bracket or dash.
bool is_dateline(const Sentence& sentence, const Candidate& c) {
  if (c.combine != Combine::single || c.a.kind != TimeKind::calendar_date) return false;
  if (c.first < 2 || c.first > 8 || sentence.tokens[c.first - 1].form != ",") return false;
  for (int t = 0; t < c.first - 1; ++t) {
    const std::string_view form = sentence.tokens[t].form;
    if (form != "," && form != "/" && (form.empty() || !is_upper(form[0]))) return false;
  }
  const int next = c.last + 1;
  if (next >= static_cast<int>(sentence.tokens.size())) return true;
  const std::string_view after = sentence.tokens[next].form;
  return after == "(" || is_dash(after) || after == ":";
}

int subject_of(const Sentence& sentence, int predicate) {
  for (int t = 0; t < static_cast<int>(sentence.tokens.size()); ++t)
    if (sentence.tokens[t].head == predicate && starts_with(sentence.tokens[t].deprel, "nsubj"))
      return t;
  return -1;
}

int range_days(const TimeRange& range) {
  return range.open_start() ? INT_MAX / 2 : serial(range.last) - serial(range.first);
}

}  // namespace

// ---------------------------------------------------------------------------------------------

StoryTimeline::StoryTimeline(Date story_date) : story_date_(story_date) {}

namespace {

// The day `weekday` nearest to `story` in the given direction; 0 allows the story date itself.
Date find_weekday(Date story, int target, int direction, bool strict) {
  const int today = weekday(story);
  if (direction < 0) {
    int back = (today - target + 7) % 7;
    if (back == 0 && strict) back = 7;
    return add_days(story, -back);
  }
  int ahead = (target - today + 7) % 7;
  if (ahead == 0 && strict) ahead = 7;
  return add_days(story, ahead);
}

}  // namespace

std::vector<TimeExpression> StoryTimeline::read_sentence(const Sentence& sentence) {
  std::vector<TimeExpression> expressions;
  const int count = static_cast<int>(sentence.tokens.size());
  scratch_.resize(sentence.tokens.size());
  // Most sentences name no time: skip the matcher unless some word can start or carry one.
  bool any_trigger = false;
  for (int t = 0; t < count; ++t) {
    const Token& token = sentence.tokens[t];
    const Word word = classify(token);
    scratch_[t] = pack(word);
    switch (word.cat) {
      case Cat::weekday: case Cat::month: case Cat::relative_day: case Cat::unit:
      case Cat::deixis: case Cat::edge: case Cat::then: case Cat::term_noun: case Cat::office:
        any_trigger = true;
        break;
      default:
        any_trigger |= !token.form.empty() && is_digit(token.form[0]);
    }
  }
  if (!any_trigger) return expressions;

  const Matcher matcher(sentence, scratch_, story_date_);
  const Date story = story_date_;
  for (int i = 0; i < count; ++i) {
    const auto candidate = matcher.match_at(i);
    if (!candidate) continue;
    const Candidate& c = *candidate;
    i = c.last;  // the loop's ++i moves past the expression
    if (is_dateline(sentence, c)) continue;

    const int head = span_head(sentence, c.first, c.last);
    const int governor = sentence.tokens[head].head;
    const int predicate = predicate_of(sentence, governor >= 0 ? governor : head);
    const Tense tense = tense_of(sentence, predicate);
    const bool back = looks_back(tense);

    auto resolve = [&](const Point& p) -> std::optional<TimeRange> {
      switch (p.type) {
        case Point::fixed:
          return p.range;
        case Point::weekday: {
          const int direction = p.deixis != 0 ? p.deixis : back ? -1 : 1;
          Date day = find_weekday(story, p.day_of_week, direction, p.deixis != 0);
          if (!p.weekend) return day_range(day);
          // Looking forwards from a Sunday, the weekend meant is the one under way.
          if (direction > 0 && p.deixis == 0 && weekday(story) == 6) day = add_days(story, -1);
          return TimeRange{day, add_days(day, 1), DatePrecision::week};
        }
        case Point::month_day: {
          int year = p.year;
          if (year == 0) {
            const int direction = p.deixis != 0 ? p.deixis : back ? -1 : 1;
            const bool strict = p.deixis != 0;
            // Compare (month, day) with the story's; a whole month compares by month alone.
            const int wanted = p.month * 100 + p.day;
            const int current = story.month() * 100 + (p.day ? story.day() : 0);
            year = story.year();
            if (direction < 0 && (wanted > current || (strict && wanted == current))) --year;
            if (direction > 0 && (wanted < current || (strict && wanted == current))) ++year;
          }
          if (p.day) {
            const int day = std::min(p.day, days_in_month(year, p.month));
            return day_range(make_date(year, p.month, day));
          }
          return month_range(year, p.month);
        }
        case Point::then:
          if (last_explicit_) return *last_explicit_;
          return TimeRange{Date{}, story, DatePrecision::range};
        case Point::term: {
          int possessor = p.possessor;
          if (possessor == -2) possessor = subject_of(sentence, predicate);
          if (term_resolver_)
            if (auto range = term_resolver_(sentence, possessor, p.ordinal)) return range;
          return TimeRange{Date{}, story, DatePrecision::range};
        }
      }
      return std::nullopt;
    };

    Point a = c.a;
    Point b = c.b;
    // "from March to May 2019": the first point borrows the year of the second.
    if (c.combine == Combine::span && a.type == Point::month_day && b.type == Point::fixed &&
        b.kind != TimeKind::year && b.kind != TimeKind::decade) {
      a.type = Point::fixed;
      const int year = b.range.first.year() - (a.month > b.range.first.month() ? 1 : 0);
      a.range = a.day ? day_range(make_date(year, a.month,
                                            std::min(a.day, days_in_month(year, a.month))))
                      : month_range(year, a.month);
    }
    const auto first = resolve(a);
    if (!first) continue;
    TimeRange range = *first;
    TimeKind kind = a.kind;
    switch (c.combine) {
      case Combine::single:
        // A period that holds the story date is cut at it by the tense: "this year" in a past
        // clause ends on the story date, in a future clause starts on it.
        if (a.type != Point::term && !range.open_start() && range.first < story &&
            story < range.last) {
          if (tense == Tense::past || tense == Tense::present_perfect) range.last = story;
          else if (tense == Tense::future) range.first = story;
        }
        break;
      case Combine::since:
        if (!range.open_start() && story < range.first) continue;
        range = {range.first, story, DatePrecision::range};
        kind = TimeKind::since;
        break;
      case Combine::span: {
        const auto second = resolve(b);
        if (!second || second->last < range.first) continue;
        range = {range.first, second->last, DatePrecision::range};
        kind = TimeKind::span;
        break;
      }
      case Combine::until:
        range = {looks_back(tense) || story > range.last ? Date{} : story, range.last,
                 DatePrecision::range};
        kind = TimeKind::bounded;
        break;
      case Combine::before:
        if (range.open_start()) continue;
        range = {Date{}, add_days(range.first, -1), DatePrecision::range};
        kind = TimeKind::bounded;
        break;
      case Combine::after:
        if (!(range.last < story)) continue;  // "after Friday" ahead of the story: no end known
        range = {add_days(range.last, 1), story, DatePrecision::range};
        kind = TimeKind::bounded;
        break;
    }
    expressions.push_back({c.first, c.last, head, kind, range});
    // "since then" starts from a time that has begun by the story date.
    if (!range.open_start() && range.first <= story) last_explicit_ = range;
  }
  return expressions;
}

namespace {

// Relations through which a clause or an event noun takes the time of what governs it. Not
// acl: a relative clause has its own time ("the man who attacked ... was arrested on Friday").
bool inherits_time(std::string_view deprel) {
  static constexpr std::string_view kInheriting[] = {
      "conj", "xcomp", "ccomp", "advcl", "parataxis", "csubj", "obj", "iobj", "nsubj",
      "obl", "appos", "dep", "nmod"};
  for (std::string_view relation : kInheriting)
    if (starts_with(deprel, relation) &&
        (deprel.size() == relation.size() || deprel[relation.size()] == ':'))
      return true;
  return false;
}

// "in a speech ...", "at a meeting ...", "during a session ...": a nominal the event happens in.
bool is_setting(const Sentence& sentence, int nominal) {
  if (!starts_with(sentence.tokens[nominal].deprel, "obl") &&
      !starts_with(sentence.tokens[nominal].deprel, "nmod"))
    return false;
  for (int t = 0; t < static_cast<int>(sentence.tokens.size()); ++t) {
    const Token& token = sentence.tokens[t];
    if (token.head == nominal && token.deprel == "case" &&
        (word_is(token, "in") || word_is(token, "at") || word_is(token, "during")))
      return true;
  }
  return false;
}

// Times relative to the story ("on Friday", "yesterday", "last week", "two years ago") date the
// clause in news almost always, also when the parser hangs them from the object ("met Putin on
// Monday" parsed with "Monday" under "Putin").
bool is_deictic(TimeKind kind) {
  return kind == TimeKind::weekday || kind == TimeKind::relative_day ||
         kind == TimeKind::relative_period || kind == TimeKind::ago;
}

bool is_argument(const Sentence& sentence, int nominal) {
  const std::string_view relation = sentence.tokens[nominal].deprel;
  return starts_with(relation, "obj") || starts_with(relation, "iobj") ||
         starts_with(relation, "obl");
}

// Whether the expression dates an event at `predicate`: it modifies the predicate, or a nominal
// setting of it ("in a speech on Friday"), or a relative clause of such a setting ("during a
// session that ended on Friday"), or it is the predicate ("The meeting was on Friday").
bool attached_to(const Sentence& sentence, const TimeExpression& expression, int predicate) {
  const int count = static_cast<int>(sentence.tokens.size());
  const int governor = sentence.tokens[expression.head].head;
  if (expression.head == predicate || governor == predicate) return true;
  int at = governor;
  for (int step = 0; step < 3 && at >= 0 && at < count; ++step) {
    const int up = sentence.tokens[at].head;
    if (up == predicate)
      return is_setting(sentence, at) ||
             (is_deictic(expression.kind) && is_argument(sentence, at));
    const std::string_view relation = sentence.tokens[at].deprel;
    if (!starts_with(relation, "acl") && !starts_with(relation, "nmod")) return false;
    at = up;
  }
  return false;
}

}  // namespace

EventTime StoryTimeline::time_of(const Sentence& sentence,
                                 const std::vector<TimeExpression>& expressions, int verb) const {
  const EventTime story_time{TimeRange{story_date_, story_date_, DatePrecision::story}, false, -1};
  const int count = static_cast<int>(sentence.tokens.size());
  if (verb < 0 || verb >= count || expressions.empty()) return story_time;

  int at = verb;
  for (int step = 0; step < 12 && at >= 0 && at < count; ++step) {
    int best = -1;
    for (int e = 0; e < static_cast<int>(expressions.size()); ++e) {
      const TimeExpression& expression = expressions[e];
      if (expression.head < 0 || expression.head >= count) continue;
      if (!attached_to(sentence, expression, at)) continue;
      if (best < 0) {
        best = e;
        continue;
      }
      const int width = range_days(expression.range);
      const int best_width = range_days(expressions[best].range);
      if (width < best_width ||
          (width == best_width &&
           std::abs(expression.head - verb) < std::abs(expressions[best].head - verb)))
        best = e;
    }
    if (best >= 0) {
      const TimeExpression& chosen = expressions[best];
      EventTime time{chosen.range, false, best};
      if (chosen.range.open_start() && chosen.kind == TimeKind::term)
        time.historical = tense_of(sentence, predicate_of(sentence, verb)) == Tense::past;
      else
        time.historical = serial(chosen.range.last) < serial(story_date_) - 7;
      return time;
    }
    if (!inherits_time(sentence.tokens[at].deprel)) break;
    at = sentence.tokens[at].head;
  }
  return story_time;
}

std::string_view to_string(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::day: return "day";
    case DatePrecision::week: return "week";
    case DatePrecision::month: return "month";
    case DatePrecision::year: return "year";
    case DatePrecision::range: return "range";
    case DatePrecision::story: break;
  }
  return "story";
}

}  // namespace annals
