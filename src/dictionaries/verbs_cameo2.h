// PETRARCH-2 CAMEO.2.0 verb dictionaries: verb blocks whose patterns describe the
// syntactic neighbourhood of a verb ("- * POLICE (TO BORDER) [153]"), synonym sets
// (&NAME) and verb transformations ("~ a (b . ATTACK) SAY = a b 112").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/diagnostics.h"
#include "dictionaries/verbs.h"

namespace annals {

// One way to spell a pattern word: a word sequence whose last word is the head
// ("ARMED FORCES" from a synset gives head FORCES with modifier ARMED).
using Cameo2Spelling = std::vector<std::string>;

// A pattern word slot: a plain word has one spelling, a synset reference one per member
// and plural. Also the role markers '$' (source), '+' (target), '%' (compound), '^'.
struct Cameo2Word {
  std::vector<Cameo2Spelling> spellings;
  char marker = 0;  // '$', '+', '%' or '^' when the slot is a role marker, else 0
};

// A noun phrase of a pattern: "AID", or "{ARMS SHIPMENT}" = head SHIPMENT, modifier ARMS.
struct Cameo2Noun {
  Cameo2Word head;
  std::vector<Cameo2Word> modifiers;
};

// "(PREP noun ...)": a phrase introduced by PREP; without nouns any such phrase matches.
struct Cameo2Prep {
  std::string preposition;
  std::vector<Cameo2Noun> nouns;
};

struct Cameo2Pattern {
  std::vector<Cameo2Noun> pre_nouns;    // before '*': the subject side
  std::vector<Cameo2Prep> pre_preps;
  std::vector<Cameo2Noun> post_nouns;   // after '*': objects and other nouns of the verb
  std::vector<Cameo2Prep> post_preps;
  bool has_verb_mark = false;           // the line has a '*'
  bool target_becomes_source = false;   // '+' before '*'
  bool source_becomes_target = false;   // '$' after '*'
  bool compound = false;                // '%': paired (compound) actors
  bool has_prep = false;                // some "(...)" phrase: preferred over plain patterns
  std::string code;                     // "190", "042:043", ":100", "---"
  std::string text;                     // the pattern as written (before the code)
  int line = 0;
};

// A verb of a block: "ATTEND", or a multiword verb "RE_+ARREST" (head ARREST, front RE)
// or "+PULL_OUT" (head PULL, back OUT).
struct Cameo2Verb {
  std::vector<std::string> front, back;
  std::string code;     // own code, else the block's
  int block = -1;       // index into blocks()
  int line = 0;
};

struct Cameo2Block {
  std::string meaning;  // the block name, e.g. GO_SOMEWHERE
  std::string code;     // default code of the block
  std::vector<Cameo2Pattern> patterns;
  // Patterns by the head word of their first post-verb noun (every spelling), so that a
  // verb is only tried against patterns its objects can satisfy; the rest (no such noun)
  // in `unindexed`. Indexes into `patterns`, ascending.
  std::unordered_map<std::string, std::vector<int>> by_object_word;
  std::vector<int> unindexed;
};

// "~ a (b . ATTACK) SAY = a b 112": an upper verb whose lower clause is an event.
// Variables are letters; '.' = no actor; '_' = any; lower_code empty = 'Q' (any code).
struct Cameo2Transformation {
  std::string upper_code;     // code of the upper verb (SAY -> 010)
  std::string upper_source;   // variable of the upper verb's source
  std::string lower_source, lower_target;
  std::string lower_code;     // empty: Q
  std::string result_source, result_target;
  std::string result_code;    // a code, or "Q" for the lower code
  int line = 0;
};

// The PETRARCH internal coding ontology: CAMEO code <-> hex value arithmetic used to
// combine an upper verb's code with its complement's and to negate codes.
class PicoTable {
 public:
  // Reads "CODE:0xHEX[+-0xHEX...]#comment" lines. Problems are reported.
  void load(const std::string& file, const std::string& contents, Diagnostics& diagnostics);
  bool empty() const { return by_code_.empty(); }
  // Value of a code: exact entry, else its two-digit root + "0"; nullopt-like -1 when none.
  int64_t value(std::string_view code) const;
  // The CAMEO code of a value (the last code read with it); empty when none.
  std::string code(int64_t value) const;
  // PETRARCH's combination of an upper verb's value with its complement's.
  static int64_t combine(int64_t upper, int64_t lower);

 private:
  std::unordered_map<std::string, int64_t> by_code_;
  std::unordered_map<int64_t, std::string> by_value_;
};

class Cameo2VerbDictionary : public VerbDictionary {
 public:
  VerbDialect dialect() const override { return VerbDialect::cameo2; }
  size_t size() const override { return pattern_count_; }

  // Verbs filed under a word (upper case; base form or any listed/regular form).
  const std::vector<Cameo2Verb>* verbs(std::string_view word) const;
  const std::vector<Cameo2Block>& blocks() const { return blocks_; }
  const std::vector<Cameo2Transformation>& transformations() const { return transformations_; }
  const PicoTable& pico() const { return pico_; }
  // The members of synonym set `name` ("&ACCUSATORY"); null when the file defines none.
  const std::vector<Cameo2Spelling>* synset(std::string_view name) const;
  // Loads the PICO ontology; without it complements are not combined and negation is off.
  void load_pico(const std::string& file, Diagnostics& diagnostics);

 private:
  friend class Cameo2Reader;
  std::unordered_map<std::string, std::vector<Cameo2Verb>> verbs_;
  std::vector<Cameo2Block> blocks_;
  std::vector<Cameo2Transformation> transformations_;
  std::unordered_map<std::string, std::vector<Cameo2Spelling>> synsets_;
  PicoTable pico_;
  size_t pattern_count_ = 0;
};

std::unique_ptr<VerbDictionary> load_cameo2_verbs(const std::string& file,
                                                  const std::string& contents,
                                                  Diagnostics& diagnostics);

}  // namespace annals
