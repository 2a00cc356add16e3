// Text set in capitals (wire headlines such as Reuters' titles, old agency copy: "REBELS
// KILLED 12 SOLDIERS NEAR KABUL") or in title case hides what the tagger learns most from, a
// word's usual spelling: capitalized, every word looks like a name. Such a sentence is
// tagged, parsed and lemmatized in the spelling training showed, while its tokens keep the
// text as written.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace annals::parsing {

class Tagger;

// When the sentence is capitalized throughout (of its words of two letters or more, at least
// three and three in four begin with a capital: text in capitals, headlines in title case),
// fills `spelled` with its words as running text would spell them and returns true: a name
// the tagger knows in this spelling as written ("U.S.", "NATO"), unless its lowercase form is
// a known word other than a noun or pronoun ("BY"); else the lowercase form when the tagger
// knows it or its stem ("rebels", "rejects"), capitalized for the first word; else
// capitalized, as a name ("Kabul"). Words with no capital first or in mixed case ("McDonald")
// stay as written. Returns false for running text.
bool spell_as_running_text(std::span<const std::string_view> forms, const Tagger& tagger,
                           std::vector<std::string>& spelled);

}  // namespace annals::parsing
