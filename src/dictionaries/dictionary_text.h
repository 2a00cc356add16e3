// Reading the PETRARCH/TABARI dictionary files: comments, phrases, codes and dates,
// shared by the actor, agent, discard and issue readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/date.h"
#include "annals/diagnostics.h"
#include "dictionaries/phrase_index.h"

namespace annals {

struct DictionaryLine {
  int number = 0;    // 1-based line number in the file
  std::string text;  // comments removed, right-trimmed, never blank; leading blanks kept
};

// The content lines of a dictionary file, or nullopt (reported) when it cannot be read.
// Comments, as PETRARCH reads them: a line starting with "<!" is a comment, "<!-- ... -->"
// may span lines or sit inside a line, and '#' or ';' (TABARI legacy) ends a line.
// A '#' between two letters (mangled entities such as "COACUTE#RDOBA") still starts a
// comment, but is reported because the text after it is almost certainly lost data.
std::optional<std::vector<DictionaryLine>> read_dictionary_lines(const std::string& file,
                                                                 Diagnostics& diagnostics);

std::string_view trim(std::string_view text);

// Splits a dictionary phrase into upper-cased words at blanks and underscores. A word
// after a run of blanks only is `loose` (PETRARCH-1: other words may intervene); a run
// containing '_' keeps the words adjacent. A trailing '_' (TABARI's "no stemming" mark)
// adds nothing. With `final_stem`, the last word is a stem unless the phrase ends in '_'.
DictionaryPhrase parse_phrase(std::string_view text, bool final_stem = false);
std::string phrase_text(const DictionaryPhrase& phrase);  // words joined by blanks, for messages

// A "PHRASE [CODE]" line split at its single bracketed code, which must end the line.
struct BracketedLine {
  std::string_view phrase;  // the text before '['
  std::string_view code;    // the text between the brackets, trimmed
};
// nullopt with `problem` set when there is no '[', no matching ']', or text after ']'.
std::optional<BracketedLine> split_bracketed_code(std::string_view text, std::string& problem);

// Actor, agent and issue codes: letters, digits and the characters in `extra`.
bool is_code(std::string_view code, std::string_view extra);

// YYYYMMDD, or TABARI's YYMMDD with YY <= 30 read as 20YY and later years as 19YY
// (PETRARCH's dstr_to_ordate rule); nullopt for anything else or an impossible day.
std::optional<Date> parse_dictionary_date(std::string_view text);

// Regular English plural of the last word of a phrase string: consonant+Y -> IES,
// S/X/Z/CH/SH -> +ES, otherwise +S. (PETRARCH turns every final Y into IES and adds a
// bare S after CH/SH/X; its forms such as ENVOIES never occur in text, so the English
// forms only add matches PETRARCH misses.)
std::string regular_plural(std::string_view phrase);

}  // namespace annals
