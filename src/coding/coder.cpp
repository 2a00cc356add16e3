#include "annals/coder.h"

#include <set>
#include <tuple>

#include "coding/cameo2_matcher.h"
#include "coding/linear_matcher.h"
#include "coding/raw_event.h"
#include "dictionaries/actors.h"
#include "dictionaries/verbs.h"
#include "dictionaries/verbs_cameo2.h"
#include "dictionaries/verbs_linear.h"
#include "text/words.h"

namespace annals {
namespace {

// "---" is PETRARCH's null actor: a phrase the dictionaries know to name no one.
bool is_null_actor(const ActorMention& actor) { return actor.empty() || actor.code == "---"; }

EventActor make_actor(const Sentence& sentence, const ActorMention& mention) {
  EventActor actor{mention.code, {}, {}};
  if (mention.first >= 0 && mention.last >= mention.first &&
      mention.last < static_cast<int>(sentence.tokens.size())) {
    actor.span = {sentence.tokens[mention.first].start, sentence.tokens[mention.last].end};
    actor.text = sentence.text.substr(actor.span.start, actor.span.end - actor.span.start);
  }
  return actor;
}

// An event code the dictionaries use for "recognised, but no event".
bool is_null_code(const std::string& code) { return code.empty() || code == "---" || code == "--"; }

}  // namespace

Coder::Coder(std::shared_ptr<const Dictionaries> dictionaries, CoderOptions options,
             const Ontology& ontology)
    : dictionaries_(std::move(dictionaries)), options_(options), ontology_(ontology) {}

SentenceCoding Coder::code(const Sentence& sentence, Date date) const {
  SentenceCoding result;
  const std::vector<std::string> words = dictionary_words(sentence);
  if (auto scope = dictionaries_->discards().find(words)) {
    result.skipped =
        *scope == DiscardDictionary::Scope::story ? "storydiscard" : "sentencediscard";
    return result;
  }

  const SentenceContext context{sentence, words, date, *dictionaries_, options_};
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
  std::vector<std::string> issues;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const RawEvent& raw : candidates) {
    if (is_null_code(raw.code)) continue;
    const bool has_source = !is_null_actor(raw.source);
    const bool has_target = !is_null_actor(raw.target);
    if (require_dyad ? !(has_source && has_target) : !(has_source || has_target))
      continue;
    // One event per (source, target, code) and sentence, as PETRARCH reports them.
    if (!seen.emplace(raw.source.code, raw.target.code, raw.code).second) continue;

    if (issues.empty()) issues = dictionaries_->issues().find(words);
    Event event;
    event.sentence_id = sentence.id;
    event.date = event.date_end = date;
    event.source = make_actor(sentence, raw.source);
    if (!raw.target.empty()) event.target = make_actor(sentence, raw.target);
    event.cameo = raw.code;
    event.root = Ontology::root(raw.code);
    event.quad_class = Ontology::quad_class(raw.code);
    if (const CameoCode* known = ontology_.find(raw.code)) {
      event.goldstein = known->goldstein;
      event.plover = known->plover;
    }
    if (raw.verb_first >= 0) {
      const ActorMention verb{"", raw.verb_first, raw.verb_last};
      const EventActor span = make_actor(sentence, verb);
      event.verb.text = span.text;
      event.verb.span = span.span;
    }
    event.issues = issues;
    event.text = sentence.text;
    result.events.push_back(std::move(event));
  }
  return result;
}

std::vector<Event> Coder::code(const Story& story) const {
  std::vector<Event> events;
  for (size_t i = 0; i < story.sentences.size(); ++i) {
    SentenceCoding coded = code(story.sentences[i], story.date);
    if (coded.skipped == "storydiscard") return {};
    for (Event& event : coded.events) {
      event.story_id = story.id;
      event.sentence = static_cast<int>(i);
      events.push_back(std::move(event));
    }
  }
  return events;
}

void mark_actor_names(Sentence& tokenized, const Dictionaries& dictionaries) {
  const std::vector<std::string> words = dictionary_words(tokenized);
  for (size_t pos = 0; pos < words.size();) {
    const auto match = dictionaries.actors().match(words, pos);
    if (!match) {
      ++pos;
      continue;
    }
    for (size_t t = pos; t < pos + match->length; ++t) {
      Token& token = tokenized.tokens[t];
      if (token.upos.empty() && !token.form.empty() && token.form[0] >= 'A' && token.form[0] <= 'Z') {
        token.upos = "PROPN";
        token.xpos = "NNP";
      }
    }
    pos += match->length;
  }
}

}  // namespace annals
