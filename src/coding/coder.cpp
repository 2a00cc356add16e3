#include "annals/coder.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "annals/event_time.h"
#include "annals/modality.h"
#include "coding/actor_phrase.h"
#include "coding/cameo2_matcher.h"
#include "coding/linear_matcher.h"
#include "coding/raw_event.h"
#include "coding/stated_acts.h"
#include "dictionaries/actors.h"
#include "dictionaries/meetings.h"
#include "dictionaries/verbs.h"
#include "dictionaries/verbs_cameo2.h"
#include "dictionaries/verbs_linear.h"
#include "text/words.h"

namespace annals {
namespace {

// "---" is PETRARCH's null actor: a phrase the dictionaries know to name no one.
bool is_null_actor(const ActorMention& actor) { return actor.empty() || actor.code == "---"; }

// True when one mention ends right where the other begins, with no word between them.
bool adjacent(const ActorMention& a, const ActorMention& b) {
  if (a.first < 0 || a.last < a.first || b.first < 0 || b.last < b.first) return false;
  return a.last + 1 == b.first || b.last + 1 == a.first;
}

EventActor make_actor(const Sentence& sentence, const ActorMention& mention) {
  EventActor actor{mention.code, {}, {}};
  if (mention.first >= 0 && mention.last >= mention.first &&
      mention.last < static_cast<int>(sentence.tokens.size())) {
    actor.span = {sentence.tokens[mention.first].start, sentence.tokens[mention.last].end};
    actor.text = sentence.text.substr(actor.span.start, actor.span.end - actor.span.start);
  }
  return actor;
}

// CAMEO codes are made of three-letter parts: "USAMED", "---MED", "MEDGOV"... ("ARMEDU"
// holds no MED part).
bool is_media(const std::string& code) {
  for (size_t part = 0; part + 3 <= code.size(); part += 3)
    if (code.compare(part, 3, "MED") == 0) return true;
  return false;
}

// An event code the dictionaries use for "recognised, but no event".
bool is_null_code(const std::string& code) { return code.empty() || code == "---" || code == "--"; }

// The code of a named reporting source; "the agency said" is the outlet it refers back to.
// Empty when the dictionaries know neither.
std::string source_code(const std::vector<std::string>& words, const AttributionSource& link,
                        const Dictionaries& dictionaries, Date date, const std::vector<Referent>* referents) {
  std::string code = code_noun_phrase(words, link.first_token, link.last_token + 1, dictionaries, date);
  if (code == "---") return {};
  if (!code.empty()) return code;
  if (referents)
    for (const Referent& referent : *referents)
      if (referent.actors.size() == 1 && referent.first <= link.last_token && link.first_token <= referent.last)
        code = referent.actors.front()->code_on(date);
  return code;
}

}  // namespace

Coder::Coder(std::shared_ptr<const Dictionaries> dictionaries, CoderOptions options,
             const Ontology& ontology)
    : dictionaries_(std::move(dictionaries)), options_(options), ontology_(ontology) {}

std::vector<AttributionLink> Coder::attribution(const Sentence& sentence, const std::vector<std::string>& words,
                                                int predicate, Date date,
                                                const std::vector<Referent>* referents) const {
  std::vector<AttributionLink> chain;
  for (const AttributionSource& link : attribution_of(sentence, predicate)) {
    AttributionLink& out = chain.emplace_back();
    out.relation = link.relation;
    if (link.first_token < 0) continue;
    out.source = make_actor(sentence, {"", link.first_token, link.last_token});
    out.source.code = source_code(words, link, *dictionaries_, date, referents);
  }
  return chain;
}

SentenceCoding Coder::code(const Sentence& sentence, Date date) const { return code(sentence, date, nullptr); }

SentenceCoding Coder::code(const Sentence& sentence, Date date, const std::vector<Referent>* referents) const {
  SentenceCoding result;
  const std::vector<std::string> words = dictionary_words(sentence);
  if (auto scope = dictionaries_->discards().find(words)) {
    result.skipped =
        *scope == DiscardDictionary::Scope::story ? "storydiscard" : "sentencediscard";
    return result;
  }

  const SentenceContext context{sentence, words, date, *dictionaries_, options_, referents};
  const VerbDictionary& verbs = dictionaries_->verbs();
  const bool linear = verbs.dialect() == VerbDialect::linear;
  // PETRARCH-1 refuses sentences that open with a dateline (see is_linear_dateline).
  if (linear && is_linear_dateline(context)) {
    result.skipped = "dateline";
    return result;
  }
  std::vector<RawEvent> candidates =
      linear ? match_linear(context, static_cast<const LinearVerbDictionary&>(verbs))
             : match_cameo2(context, static_cast<const Cameo2VerbDictionary&>(verbs));

  const bool require_dyad = options_.require_dyad.value_or(linear);
  // Acts announced, refused or required are coded as the CAMEO codebook codes those statements
  // (see stated_acts.h) with CAMEO.2.0 dictionaries that bring no PICO ontology, such as the
  // bundled ones. PETRARCH-1 codes the act itself, and so does PETRARCH-2, whose ontology
  // defines how verbs combine ("agreed to lift" = 085) and what negation makes of them.
  const bool stated_acts = !linear && static_cast<const Cameo2VerbDictionary&>(verbs).pico().empty();
  std::vector<std::string> issues;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  ActorMention speaker;
  auto assign_code = [&](Event& event, std::string_view code) {
    event.cameo = code;
    event.root = Ontology::root(event.cameo);
    event.quad_class = Ontology::quad_class(event.cameo);
    if (const CameoCode* known = ontology_.find(event.cameo)) {
      event.goldstein = known->goldstein;
      event.plover = known->plover;
    }
  };
  for (const RawEvent& raw : candidates) {
    if (is_null_code(raw.code)) continue;
    // An act the sentence announces, refuses or requires is coded as CAMEO codes the statement:
    // an intent or threat, a rejection, a demand by the speaker of the actor who must act.
    std::string_view code = raw.code;
    const ActorMention* source = &raw.source;
    const ActorMention* target = &raw.target;
    ModalityReading reading;
    if (raw.verb_first >= 0) reading = modality_of(sentence, raw.verb_first);
    if (stated_acts) {
      const StatedAct stated = stated_act(sentence, words, raw.verb_first, reading, code);
      if (stated.demand && !is_null_actor(raw.source)) {
        // "Russia said Sudan must return the helicopter": Russia demands it of Sudan.
        const std::vector<AttributionSource> chain = attribution_of(sentence, raw.verb_first);
        if (!chain.empty() && chain.front().first_token >= 0 && chain.front().relation != "quoted_by" &&
            chain.front().relation != "citing") {
          speaker = {source_code(words, chain.front(), *dictionaries_, date, referents), chain.front().first_token,
                     chain.front().last_token};
          if (!is_null_actor(speaker) && speaker.code != raw.source.code) {
            code = stated.code;
            reading.modality = stated.modality;
            target = &raw.source;
            source = &speaker;
          }
        }
      } else if (!stated.demand && !stated.code.empty()) {
        code = stated.code;
        reading.modality = stated.modality;
      }
    }
    const bool has_source = !is_null_actor(*source);
    const bool has_target = !is_null_actor(*target);
    if (require_dyad ? !(has_source && has_target) : !(has_source || has_target))
      continue;
    // A title and the name after it ("North Korean leader Kim Jong-un") that a parser split into
    // two arguments of the verb are one actor: adjacent pieces of one name phrase are never the
    // two sides of an event.
    if (has_target && adjacent(*source, *target)) continue;
    // One event per (source, target, code) and sentence, as PETRARCH reports them.
    if (!seen.emplace(source->code, target->code, code).second) continue;

    if (issues.empty()) issues = dictionaries_->issues().find(words);
    Event event;
    event.sentence_id = sentence.id;
    event.date = event.date_end = date;
    event.source = make_actor(sentence, *source);
    if (!target->empty()) event.target = make_actor(sentence, *target);
    assign_code(event, code);
    if (raw.verb_first >= 0) {
      const ActorMention verb{"", raw.verb_first, raw.verb_last};
      const EventActor span = make_actor(sentence, verb);
      event.verb.text = span.text;
      event.verb.span = span.span;
      // Reporting between news agencies ("AP reported, quoted by BTA") is how the story
      // reached us, not an event.
      if (is_reporting(sentence, raw.verb_first) && event.target && is_media(event.source.code) &&
          is_media(event.target->code))
        continue;
      event.modality = reading.modality;
      event.attribution = attribution(sentence, words, raw.verb_first, date, referents);
      if (stated_acts && claims_own_act(event.attribution, event.source)) assign_code(event, kClaimOfResponsibility);
    }
    event.issues = issues;
    event.text = sentence.text;
    result.events.push_back(std::move(event));
  }
  return result;
}

namespace {

// The token a span of the sentence starts at; -1 when none does.
int token_at(const Sentence& sentence, uint32_t start) {
  for (size_t t = 0; t < sentence.tokens.size(); ++t)
    if (sentence.tokens[t].start == start) return static_cast<int>(t);
  return -1;
}

// The actor whose dictionary phrase covers token `token`, if any.
const Actor* actor_covering(const std::vector<std::string>& words, int token, const Dictionaries& dictionaries) {
  for (int start = std::max(0, token - 4); start <= token; ++start) {
    const auto match = dictionaries.actors().match(words, start);
    if (match && start + static_cast<int>(match->length) > token) return match->value;
  }
  return nullptr;
}

// An actor with government terms of office: a person the dictionaries date.
bool holds_office(const Actor& actor) {
  return std::any_of(actor.codes.begin(), actor.codes.end(), [](const DatedCode& c) {
    return c.dated() && c.code.size() >= 6 && c.code.compare(3, 3, "GOV") == 0;
  });
}

// Story-level memory of the office holders and news outlets the story names: holders'
// terms of office date "during his first term", the latest holder is who "he" and "she"
// refer to, the latest outlet what "the agency" does.
class StoryPeople {
 public:
  StoryPeople(const Dictionaries& dictionaries, Date story_date)
      : dictionaries_(dictionaries), story_date_(story_date) {}

  // The office holder named last before token `token` of the current sentence, or in an
  // earlier sentence.
  const Actor* holder_before(int token) const {
    const Actor* holder = earlier_holder_;
    for (const auto& [at, actor] : current_)
      if (at < token) holder = actor;
    return holder;
  }

  // The news outlet named last before token `token`, here or in an earlier sentence.
  const Actor* outlet_before(int token) const {
    const Actor* outlet = earlier_outlet_;
    for (const auto& [at, actor] : current_outlets_)
      if (at < token) outlet = actor;
    return outlet;
  }

  // The two office holders named last before token `token`, in this sentence or the last
  // one before that named any ("Trump said he and Kim fell in love. But their talks
  // collapsed"); empty when there are not two.
  std::vector<const Actor*> pair_before(int token) const {
    std::vector<const Actor*> named;
    for (const auto& [at, actor] : previous_) named.push_back(actor);
    for (const auto& [at, actor] : current_)
      if (at < token) named.push_back(actor);
    std::vector<const Actor*> pair;
    for (auto it = named.rbegin(); it != named.rend() && pair.size() < 2; ++it)
      if (std::find(pair.begin(), pair.end(), *it) == pair.end()) pair.insert(pair.begin(), *it);
    if (pair.size() < 2) pair.clear();
    return pair;
  }

  // Moves on to the next sentence, remembering the office holders it names.
  void read(const std::vector<std::string>& words) {
    if (!current_.empty()) {
      earlier_holder_ = current_.back().second;
      previous_ = std::move(current_);
    }
    current_.clear();
    if (!current_outlets_.empty()) earlier_outlet_ = current_outlets_.back().second;
    current_outlets_.clear();
    for (size_t t = 0; t < words.size(); ++t) {
      const Actor* actor = actor_covering(words, static_cast<int>(t), dictionaries_);
      if (!actor) continue;
      auto* named = holds_office(*actor)                   ? &current_
                    : is_media(actor->code_on(story_date_)) ? &current_outlets_
                                                            : nullptr;
      if (named && (named->empty() || named->back().second != actor)) named->emplace_back(static_cast<int>(t), actor);
    }
  }

  // "during his first term": the holder named by the possessor, or for a pronoun the
  // first office holder the sentence names ("During his first term, Trump met ..."),
  // unless the sentence's subject is a pronoun too ("During his first term, he met Kim"):
  // then, as otherwise, the last one the story named before.
  std::optional<TimeRange> term(const Sentence& sentence, const std::vector<std::string>& words,
                                int possessor, int ordinal) const {
    const Actor* holder = nullptr;
    if (possessor >= 0 && sentence.tokens[possessor].upos != "PRON")
      holder = actor_covering(words, possessor, dictionaries_);
    const bool pronoun_subject = std::any_of(sentence.tokens.begin(), sentence.tokens.end(), [](const Token& t) {
      return t.deprel == "nsubj" && t.upos == "PRON";
    });
    if (!holder && !(pronoun_subject && earlier_holder_)) {
      for (size_t t = 0; t < words.size() && !holder; ++t) {
        const Actor* actor = actor_covering(words, static_cast<int>(t), dictionaries_);
        if (actor && holds_office(*actor)) holder = actor;
      }
    }
    if (!holder) holder = earlier_holder_;
    if (!holder) return std::nullopt;
    std::vector<DatedCode> terms;
    for (const DatedCode& c : holder->codes)
      if (c.dated() && c.code.size() >= 6 && c.code.compare(3, 3, "GOV") == 0 && c.from <= story_date_)
        terms.push_back(c);
    std::sort(terms.begin(), terms.end(), [](const DatedCode& a, const DatedCode& b) { return a.from < b.from; });
    if (terms.empty()) return std::nullopt;
    const DatedCode* chosen = nullptr;
    if (ordinal > 0 && ordinal <= static_cast<int>(terms.size())) chosen = &terms[ordinal - 1];
    else if (ordinal == 0) chosen = &terms.back();  // the current or latest
    else if (ordinal < 0)                           // "previous": the latest that ended
      for (const DatedCode& c : terms)
        if (c.to < story_date_) chosen = &c;
    if (!chosen) return std::nullopt;
    return TimeRange{chosen->from, std::min(chosen->to, story_date_), DatePrecision::range};
  }

 private:
  const Dictionaries& dictionaries_;
  Date story_date_;
  const Actor* earlier_holder_ = nullptr;                 // in the sentences before
  std::vector<std::pair<int, const Actor*>> current_;    // (token, holder) of this sentence
  std::vector<std::pair<int, const Actor*>> previous_;   // ... and of the last one before naming any
  const Actor* earlier_outlet_ = nullptr;
  std::vector<std::pair<int, const Actor*>> current_outlets_;
};

// The words of a sentence that refer back to the actors the story named: "he", "his",
// "him" and "the leader" or "the president" to the latest office holder, "they", "their",
// "them" and "the two" to the latest two, "the agency" and the like to the latest outlet.
std::vector<Referent> referents_of(const Sentence& sentence, const std::vector<std::string>& words,
                                   const StoryPeople& people) {
  std::vector<Referent> referents;
  auto is = [](const std::string& word, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), word) != set.end();
  };
  for (int t = 0; t < static_cast<int>(words.size()); ++t) {
    const bool pronoun = sentence.tokens[t].upos == "PRON";
    if (pronoun && is(words[t], {"HE", "SHE", "HIM", "HER", "HIS"})) {
      if (const Actor* person = people.holder_before(t)) referents.push_back({t, t, {person}});
    } else if (pronoun && is(words[t], {"THEY", "THEM", "THEIR"})) {
      if (auto pair = people.pair_before(t); !pair.empty()) referents.push_back({t, t, std::move(pair)});
    } else if (t == 0 || words[t - 1] != "THE") {
      continue;
    } else if (words[t] == "TWO" && sentence.tokens[t].deprel != "nummod") {
      if (auto pair = people.pair_before(t - 1); !pair.empty()) referents.push_back({t - 1, t, std::move(pair)});
    } else if (t + 1 < static_cast<int>(words.size()) && words[t + 1] == "OF") {
      continue;  // "the leader of Hamas" says whose leader it is
    } else if (is(words[t], {"LEADER", "PRESIDENT"})) {
      if (const Actor* person = people.holder_before(t - 1)) referents.push_back({t - 1, t, {person}});
    } else if (is(words[t], {"AGENCY", "BROADCASTER", "NEWSPAPER", "OUTLET"})) {
      if (const Actor* outlet = people.outlet_before(t - 1)) referents.push_back({t - 1, t, {outlet}});
    }
  }
  return referents;
}

// "Kim called the US ... Kim added that ... '...', Kim was quoted as saying by KCNA": a
// sentence whose own chain quotes a speaker through an outlet credits that outlet with the
// speaker's events of the sentences around it (two either side) that name no source of
// their own; the lead's chain stays behind it.
void credit_quoted_speakers(const std::vector<std::vector<AttributionLink>>& frames, std::vector<Event>& events) {
  constexpr int kReach = 2;
  for (size_t i = 0; i < frames.size(); ++i) {
    const std::vector<AttributionLink>& frame = frames[i];
    if (frame.size() < 2 || frame[0].relation != "said" || frame[0].source.code.empty()) continue;
    for (Event& event : events) {
      const int distance = event.sentence - static_cast<int>(i);
      if (distance == 0 || distance < -kReach || distance > kReach) continue;
      if (event.source.code != frame[0].source.code) continue;
      const bool own_source = std::any_of(event.attribution.begin(), event.attribution.end(),
                                          [&](const AttributionLink& link) { return link.sentence != 0; });
      if (own_source) continue;
      event.attribution.insert(event.attribution.begin(), frame.begin(), frame.end());
    }
  }
}

// The one person an event actor names: the dictionary phrase at its first word, or the
// actor a pronoun or description there refers back to.
const Actor* person_of(const Sentence& sentence, const std::vector<std::string>& words,
                       const std::vector<Referent>& referents, const EventActor& actor, const Dictionaries& dictionaries) {
  const int token = token_at(sentence, actor.span.start);
  if (token < 0) return nullptr;
  for (const Referent& referent : referents)
    if (referent.first <= token && token <= referent.last) return referent.actors.size() == 1 ? referent.actors.front() : nullptr;
  return actor_covering(words, token, dictionaries);
}

// A consultation its text dates only vaguely, and in the past ("during his first term, Trump
// met Kim three times"), takes the days the two are known to have met within that time.
void narrow_to_known_meetings(const Event& event, const Sentence& sentence, const std::vector<std::string>& words,
                              const std::vector<Referent>& referents, const Dictionaries& dictionaries,
                              EventTime& time) {
  const bool vague = time.range.precision == DatePrecision::range || time.range.precision == DatePrecision::year;
  if (event.root != "04" || !event.target || !time.historical || !vague || time.range.open_start()) return;
  const auto met = dictionaries.meetings().span(person_of(sentence, words, referents, event.source, dictionaries),
                                                person_of(sentence, words, referents, *event.target, dictionaries),
                                                time.range.first, time.range.last);
  if (met)
    time.range = {met->first, met->second, met->first == met->second ? DatePrecision::day : DatePrecision::range};
}

// Events of one verb, code and source phrase, told apart by their order.
using PlaceKey = std::tuple<uint32_t, std::string, uint32_t>;
PlaceKey place_key(const Event& e) { return {e.verb.span.start, e.cameo, e.source.span.start}; }

// The date an event's actors are coded on: its own time, not the story's.
Date actor_date(const EventTime& time) { return time.range.open_start() ? time.range.last : time.range.first; }

}  // namespace

std::vector<Event> Coder::code(const Story& story) const {
  std::vector<Event> events;
  StoryTimeline timeline(story.date);
  StoryPeople people(*dictionaries_, story.date);
  std::vector<std::string> words;
  timeline.set_term_resolver([&](const Sentence& sentence, int possessor, int ordinal) {
    return people.term(sentence, words, possessor, ordinal);
  });
  // Each sentence's own reporting chain, that of its main clause, marked with its index.
  // The lead's ("..., the Associated Press reported, quoted by BTA") is where the whole
  // report comes from: events of later sentences that name no source of their own carry it.
  std::vector<std::vector<AttributionLink>> frames(story.sentences.size());
  for (size_t i = 0; i < story.sentences.size(); ++i) {
    const Sentence& sentence = story.sentences[i];
    words = dictionary_words(sentence);
    people.read(words);
    const std::vector<TimeExpression> times = timeline.read_sentence(sentence);
    const std::vector<Referent> referents = referents_of(sentence, words, people);
    // The main clause's claim: the root, or when the root only frames a quotation ("'...',
    // Kim was quoted as saying") the quoted clause.
    for (size_t t = 0; t < sentence.tokens.size() && frames[i].empty(); ++t) {
      const Token& token = sentence.tokens[t];
      const bool main = token.deprel == "root" ||
                        (token.head >= 0 && sentence.tokens[token.head].deprel == "root" &&
                         (token.deprel == "ccomp" || token.deprel == "parataxis"));
      if (main) frames[i] = attribution(sentence, words, static_cast<int>(t), story.date, &referents);
    }
    for (AttributionLink& link : frames[i]) link.sentence = static_cast<int>(i);
    const std::vector<AttributionLink>& lead_chain = frames[0];
    SentenceCoding coded = code(sentence, story.date, &referents);
    if (coded.skipped == "storydiscard") return {};
    std::map<Date, std::vector<Event>> recoded;  // the sentence coded as of its events' own dates
    std::map<PlaceKey, int> places;
    for (Event& event : coded.events) {
      const PlaceKey key = place_key(event);
      const int place = places[key]++;
      event.story_id = story.id;
      event.sentence = static_cast<int>(i);
      if (i > 0 && event.attribution.empty()) event.attribution = lead_chain;
      const int verb = token_at(sentence, event.verb.span.start);
      if (verb < 0) {
        events.push_back(std::move(event));
        continue;
      }
      EventTime time = timeline.time_of(sentence, times, verb);
      narrow_to_known_meetings(event, sentence, words, referents, *dictionaries_, time);
      event.date_precision = time.range.precision;
      event.historical = time.historical;
      if (time.range.precision != DatePrecision::story) {
        event.date = actor_date(time);
        event.date_end = time.range.last;
        // Dated actor codes follow the event's time: Trump in his first term is USAGOV.
        if (event.date != story.date) {
          auto [at, fresh] = recoded.try_emplace(event.date);
          if (fresh) at->second = code(sentence, event.date, &referents).events;
          // The same event coded on its date: the one at the same place among those of its
          // verb, code and source phrase ("their talks": one event per actor of "their").
          std::vector<const Event*> candidates;
          for (const Event& redated : at->second)
            if (place_key(redated) == key) candidates.push_back(&redated);
          if (place < static_cast<int>(candidates.size())) {
            const Event& redated = *candidates[place];
            event.source.code = redated.source.code;
            if (event.target && redated.target) event.target->code = redated.target->code;
          }
        }
      }
      events.push_back(std::move(event));
    }
  }
  credit_quoted_speakers(frames, events);
  return events;
}

namespace {
constexpr std::array<std::string_view, 6> kDemonymEndings{"AN", "ESE", "ISH", "I", "IC", "CH"};
}  // namespace

void mark_dictionary_words(Sentence& tokenized, const Dictionaries& dictionaries) {
  const std::vector<std::string> words = dictionary_words(tokenized);
  // "Boko Haram jihadists overran a base": a plural the agents dictionary knows is a noun,
  // not a verb in -s.
  for (size_t pos = 0; pos < words.size(); ++pos) {
    Token& token = tokenized.tokens[pos];
    const bool plural = token.form.size() > 3 && token.form.back() == 's' && token.form[0] >= 'a' && token.form[0] <= 'z';
    if (!plural || !token.upos.empty()) continue;
    if (const auto agent = dictionaries.agents().match(words, pos, pos + 1); agent && agent->length == 1) {
      token.upos = "NOUN";
      token.xpos = "NNS";
    }
  }
  // In a headline in title case a capital says nothing of a name ("Israeli Troops Fire
  // Rockets"). In text in capitals the names the dictionaries know still help the tagger: on
  // the ConfliBERT records in capitals, 12 more classes found with them, 3 fewer PLOVER roots.
  std::vector<std::string_view> forms;
  for (const Token& token : tokenized.tokens) forms.push_back(token.form);
  if (casing_of(forms) == Casing::kTitleCase) return;
  for (size_t pos = 0; pos < words.size();) {
    const auto match = dictionaries.actors().match(words, pos);
    if (!match) {
      ++pos;
      continue;
    }
    const size_t next = pos + match->length;
    // "Kenyan police", "Israeli troops": a demonym before a lower-case word modifies it,
    // and the tagger reads it better on its own.
    const std::string& word = words[pos];
    const bool demonym = match->length == 1 && std::any_of(kDemonymEndings.begin(), kDemonymEndings.end(),
                                                           [&](std::string_view end) { return word.ends_with(end); });
    const bool modifier = demonym && next < words.size() && !tokenized.tokens[next].form.empty() &&
                          tokenized.tokens[next].form[0] >= 'a' && tokenized.tokens[next].form[0] <= 'z';
    for (size_t t = pos; t < next && !modifier; ++t) {
      Token& token = tokenized.tokens[t];
      if (token.upos.empty() && !token.form.empty() && token.form[0] >= 'A' && token.form[0] <= 'Z') {
        token.upos = "PROPN";
        token.xpos = "NNP";
      }
    }
    pos = next;
  }
}

}  // namespace annals
