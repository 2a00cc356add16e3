// Text set in capitals (wire headlines such as Reuters' titles, old agency copy: "REBELS
// KILLED 12 SOLDIERS NEAR KABUL") hides what the tagger learns most from, a word's usual
// spelling: capitalized, every word looks like a name. Such a sentence is tagged, parsed and
// lemmatized in the casing training showed, while its tokens keep the text as written.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace annals::parsing {

class Tagger;

// Whether the sentence is capitalized throughout, in capitals or in title case: of its words
// with two letters or more, at least three and four in five begin with a capital.
bool capitalized_throughout(std::span<const std::string_view> forms);

// The spelling of a capitalized word ("REBELS", "Rebels") as it would be written in running
// text: a name the tagger knows in this spelling as written ("U.S.", "NATO"); else the
// lowercase form when the tagger knows it or its stem ("rebels", "rejects"), capitalized
// for the sentence's `first` word; else capitalized, as a name ("Kabul"). Other words (with
// no capital first, or mixed case as in "McDonald") are returned as written.
std::string recase(std::string_view form, bool first, const Tagger& tagger);

}  // namespace annals::parsing
