// Text set in capitals (wire headlines such as Reuters' titles, old agency copy: "REBELS
// KILLED 12 SOLDIERS NEAR KABUL") or in title case hides what the tagger learns most from, a
// word's usual spelling: capitalized, every word looks like a name; text in lowercase hides
// the names. Such a sentence is tagged, parsed and lemmatized in the spelling training
// showed, while its tokens keep the text as written.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace annals::parsing {

class Tagger;

// When the sentence is capitalized throughout or in lowercase (casing_of, text/words.h),
// fills `spelled` with its words as running text would spell them and returns true; returns
// false for running text.
// Capitalized throughout: a name the tagger knows in this spelling stays ("U.S.", "NATO"),
// unless its lowercase form is a known word of another kind ("BY", "Sea"; in capitals a
// noun is no other kind: "AIDS"); else a word the tagger knows in lowercase, or whose stem
// it knows, is lowered ("rebels", "rejects"), the first word capitalized; else it is
// capitalized, as a name ("Kabul"). Words with no capital first or in mixed case
// ("McDonald") stay. In lowercase: a word the tagger knows only as a name is capitalized
// ("kabul") or put in capitals ("nato"), as is "i"; the first word is capitalized when the
// tagger knows it so.
bool spell_as_running_text(std::span<const std::string_view> forms, const Tagger& tagger,
                           std::vector<std::string>& spelled);

}  // namespace annals::parsing
