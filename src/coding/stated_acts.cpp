#include "coding/stated_acts.h"

#include <initializer_list>
#include <iterator>

namespace annals {
namespace {

// Act code prefix -> stated code; the longest matching prefix wins.
struct Rule {
  std::string_view act;
  std::string_view stated;
};

std::string_view lookup(std::string_view code, const Rule* begin, const Rule* end) {
  std::string_view best, best_act;
  for (const Rule* rule = begin; rule != end; ++rule)
    if (code.substr(0, rule->act.size()) == rule->act && rule->act.size() > best_act.size()) {
      best_act = rule->act;
      best = rule->stated;
    }
  return best;
}

// CAMEO 03 (intent) for cooperation, 13 (threat) for conflict.
constexpr Rule kIntents[] = {
    {"04", "036"},   {"045", "039"},  {"05", "032"},   {"057", "030"},  {"06", "031"},   {"061", "0311"},
    {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"07", "033"},   {"071", "0331"}, {"072", "0332"},
    {"073", "0333"}, {"074", "0334"}, {"08", "035"},   {"081", "0351"}, {"082", "0352"}, {"083", "034"},
    {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"}, {"0834", "0344"}, {"084", "0353"}, {"085", "0354"},
    {"086", "0355"}, {"087", "0356"}, {"14", "133"},   {"16", "131"},   {"161", "1313"}, {"162", "1311"},
    {"163", "1312"}, {"164", "134"},  {"165", "135"},  {"166", "136"},  {"17", "137"},   {"172", "132"},
    {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"18", "138"}, {"183", "1383"},
    {"19", "138"},   {"191", "1381"}, {"192", "1382"}, {"193", "1384"}, {"194", "1384"}, {"195", "1384"},
    {"20", "138"},   {"204", "1385"},
};

// CAMEO 12 (reject) for the cooperation CAMEO knows a refusal of.
constexpr Rule kRefusals[] = {
    {"04", "125"},   {"05", "120"},   {"057", "127"},  {"06", "121"},   {"061", "1211"}, {"062", "1212"},
    {"063", "1213"}, {"064", "1214"}, {"07", "122"},   {"071", "1221"}, {"072", "1222"}, {"073", "1223"},
    {"074", "1224"}, {"08", "124"},   {"081", "1241"}, {"082", "1242"}, {"083", "123"},  {"0831", "1231"},
    {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"}, {"084", "1243"}, {"085", "1244"}, {"086", "1245"},
    {"087", "1246"},
};

// CAMEO 10 (demand).
constexpr Rule kDemands[] = {
    {"0", "100"},    {"1", "100"},    {"2", "100"},    {"04", "106"},   {"045", "108"},  {"05", "102"},
    {"057", "107"},  {"06", "101"},   {"061", "1011"}, {"062", "1012"}, {"063", "1013"}, {"064", "1014"},
    {"07", "103"},   {"071", "1031"}, {"072", "1032"}, {"073", "1033"}, {"074", "1034"}, {"08", "105"},
    {"081", "1051"}, {"082", "1052"}, {"083", "104"},  {"0831", "1041"}, {"0832", "1042"}, {"0833", "1043"},
    {"0834", "1044"}, {"084", "1053"}, {"085", "1054"}, {"086", "1055"}, {"087", "1056"},
};

bool starts_with_any(const std::string& word, std::initializer_list<std::string_view> stems) {
  for (std::string_view stem : stems)
    if (word.compare(0, stem.size(), stem) == 0) return true;
  return false;
}

bool is_future_modal(const std::string& word) {
  return word == "WILL" || word == "WO" || word == "WOULD" || word == "SHALL" || word == "'LL";
}

// Cue words of future acts that are decided or scheduled, not stated intents.
bool decided_or_scheduled(const std::string& cue) {
  return starts_with_any(cue, {"DECID", "DECISION", "RESOLV", "SCHEDUL", "EXPECT", "SET", "DUE", "SLATE", "POISE",
                               "AIM", "SEEK", "SOUGHT", "WANT", "MEAN", "EFFORT", "BID", "PREPAR", "UPCOMING",
                               "FORTHCOMING", "IMPENDING", "NEXT", "COMING", "FUTURE"});
}

bool has_future_auxiliary(const Sentence& sentence, const std::vector<std::string>& words, int predicate) {
  for (size_t t = 0; t < sentence.tokens.size(); ++t)
    if (sentence.tokens[t].head == predicate && sentence.tokens[t].deprel.compare(0, 3, "aux") == 0 &&
        is_future_modal(words[t]))
      return true;
  return false;
}

bool states_condition(const Sentence& sentence, const std::vector<std::string>& words, int predicate) {
  const Token& act = sentence.tokens[predicate];
  if (act.head >= 0 && !((act.deprel == "ccomp" || act.deprel == "parataxis") && is_reporting(sentence, act.head)))
    return false;
  bool modal = false;
  for (size_t t = 0; t < sentence.tokens.size(); ++t)
    if (sentence.tokens[t].head == predicate && sentence.tokens[t].deprel.compare(0, 3, "aux") == 0)
      modal |= is_future_modal(words[t]) || words[t] == "MAY";
  if (!modal) return false;
  // The condition's clause hangs on the act as an adverbial clause, or, misparsed, inside
  // one of its arguments ("may halt mediation among the republics if cooperation founders"
  // with "founders" read as a noun); not in a clause of its own below the act.
  for (size_t m = 0; m < sentence.tokens.size(); ++m) {
    if (sentence.tokens[m].deprel != "mark" || !(words[m] == "IF" || words[m] == "UNLESS")) continue;
    for (int h = sentence.tokens[m].head; h >= 0; h = sentence.tokens[h].head) {
      const Token& node = sentence.tokens[h];
      if (node.head == predicate && node.deprel == "advcl") return true;
      const bool clause = node.deprel.starts_with("acl") || node.deprel.starts_with("advcl") ||
                          node.deprel.starts_with("ccomp") || node.deprel.starts_with("xcomp") ||
                          node.deprel.starts_with("csubj") || node.deprel == "parataxis";
      if (clause) break;
      if (node.head == predicate) return true;
    }
  }
  return false;
}

}  // namespace

StatedAct stated_act(const Sentence& sentence, const std::vector<std::string>& words, int predicate,
                     const ModalityReading& reading, std::string_view code) {
  StatedAct stated;
  stated.modality = reading.modality;
  if (predicate < 0 || reading.cue < 0) return stated;
  const std::string& cue = words[reading.cue];
  switch (reading.modality) {
    case Modality::future:
      if (!decided_or_scheduled(cue)) stated.code = intent_code(code);
      break;
    case Modality::negated:
      if (starts_with_any(cue, {"REFUS", "DECLIN", "REJECT"}) || has_future_auxiliary(sentence, words, predicate))
        stated.code = refusal_code(code);
      break;
    case Modality::hypothetical:
      if (cue == "MUST" && sentence.tokens[reading.cue].head == predicate) {
        stated.code = demand_code(code);
        stated.demand = true;
      } else if (states_condition(sentence, words, predicate)) {
        stated.code = intent_code(code);
      }
      break;
    case Modality::asserted:
      break;
  }
  if (!stated.code.empty() && stated.modality != Modality::future) stated.modality = Modality::asserted;
  return stated;
}

std::string_view intent_code(std::string_view code) {
  return lookup(code, std::begin(kIntents), std::end(kIntents));
}

std::string_view refusal_code(std::string_view code) {
  return lookup(code, std::begin(kRefusals), std::end(kRefusals));
}

std::string_view demand_code(std::string_view code) {
  return lookup(code, std::begin(kDemands), std::end(kDemands));
}

bool claims_own_act(const std::vector<AttributionLink>& chain, const EventActor& source) {
  if (chain.empty() || chain.front().relation != "claimed" || source.code.empty()) return false;
  const EventActor& claimant = chain.front().source;
  const bool same_words = !claimant.text.empty() && claimant.span.start == source.span.start &&
                          claimant.span.end == source.span.end;
  return claimant.code == source.code || same_words;
}

}  // namespace annals
