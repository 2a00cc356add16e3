// Verb dictionaries in either dialect. Each dialect has its own pattern language, so
// each has its own class (verbs_linear.h, verbs_cameo2.h) and its own matcher in coding/.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "annals/diagnostics.h"
#include "annals/dictionaries.h"

namespace annals {

class VerbDictionary {
 public:
  virtual ~VerbDictionary() = default;
  virtual VerbDialect dialect() const = 0;
  virtual size_t size() const = 0;   // number of patterns, for reports
};

// CAMEO.2.0-dialect files are recognised by their noun-phrase/prepositional-phrase
// patterns ("{...}", "(...)") and their TRANSFORMATIONS section; anything else is read
// as the PETRARCH-1/TABARI linear dialect.
VerbDialect detect_verb_dialect(const std::string& file_contents);
std::unique_ptr<VerbDictionary> load_verb_dictionary(const std::string& file,
                                                     Diagnostics& diagnostics);

}  // namespace annals
