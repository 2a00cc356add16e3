#include "parse/casing.h"

#include "parse/tagger.h"
#include "text/words.h"

namespace annals::parsing {

namespace {

// The usual part of speech of a lowercase word, or failing that, of its stem less a common
// inflection, unless that is a name ("rejects": "reject", a verb); empty when neither is known.
std::string_view lowercase_upos(std::string_view lower, const Tagger& tagger) {
  const std::string_view upos = tagger.usual_upos(lower);
  if (!upos.empty()) return upos;
  for (const std::string_view inflection : {"s", "es", "d", "ed", "ing", "ly"}) {
    if (lower.size() < inflection.size() + 3 || !lower.ends_with(inflection)) continue;
    const std::string_view stem_upos = tagger.usual_upos(lower.substr(0, lower.size() - inflection.size()));
    if (!stem_upos.empty() && stem_upos != "PROPN") return stem_upos;
  }
  return {};
}

// The spelling of one word of a sentence capitalized throughout (see spell_as_running_text).
std::string lowered(std::string_view form, bool first, const Tagger& tagger) {
  const Letters n = count_letters(form);
  if (!n.capital_first || (n.lower > 0 && n.upper > 1)) return std::string(form);  // "McDonald"
  std::string lower = lowercase(form, false);
  const std::string_view lower_upos = lowercase_upos(lower, tagger);
  // A name known in this spelling stays, unless its lowercase form is known as a word of
  // another kind ("BY", "FIRST"; "Sea", "Missile" of names like "Red Sea"); an acronym stays
  // even when its lowercase form is a noun ("AIDS"). "US" stays the country, the reading news
  // needs, though "us" is the likelier one in other text.
  const bool name = n.upper + n.lower >= 2 && tagger.usual_upos(form) == "PROPN" &&
                    (lower_upos.empty() || lower_upos == "PROPN" || lower_upos == "PRON" ||
                     (lower_upos == "NOUN" && n.lower == 0));
  if (name) return std::string(form);
  if (!first && !lower_upos.empty()) return lower;
  return lowercase(form, true);
}

// The spelling of one word of a sentence in lowercase (see spell_as_running_text).
std::string raised(std::string_view form, bool first, const Tagger& tagger) {
  const Letters n = count_letters(form);
  if (n.lower == 0) return std::string(form);
  if (form == "i") return "I";
  std::string capitalized = lowercase(form, true);
  const bool capitalized_known = !tagger.usual_upos(capitalized).empty();
  if (tagger.usual_upos(form).empty()) {
    if (capitalized_known && tagger.usual_upos(capitalized) == "PROPN") return capitalized;
    if (n.lower >= 2) {
      std::string upper = dictionary_word(form);  // in capitals
      if (tagger.usual_upos(upper) == "PROPN") return upper;
    }
  }
  return first && capitalized_known ? capitalized : std::string(form);
}

}  // namespace

bool spell_as_running_text(std::span<const std::string_view> forms, const Tagger& tagger,
                           std::vector<std::string>& spelled) {
  const Casing casing = casing_of(forms);
  if (casing == Casing::kRunningText) return false;
  spelled.clear();
  for (size_t i = 0; i < forms.size(); ++i)
    spelled.push_back(casing == Casing::kLowercase ? raised(forms[i], i == 0, tagger) : lowered(forms[i], i == 0, tagger));
  return true;
}

}  // namespace annals::parsing
