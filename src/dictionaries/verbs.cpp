#include "dictionaries/verbs.h"

#include <fstream>
#include <sstream>

#include "dictionaries/verbs_cameo2.h"
#include "dictionaries/verbs_linear.h"

namespace annals {

VerbDialect detect_verb_dialect(const std::string& contents) {
  if (contents.find("TRANSFORMATIONS") != std::string::npos) return VerbDialect::cameo2;
  std::istringstream lines(contents);
  for (std::string line; std::getline(lines, line);) {
    // A CAMEO.2.0 pattern line: "- ... {NOUN PHRASE} ..." or "- ... (PREP PHRASE) ...".
    if (line.rfind("- ", 0) != 0) continue;
    auto code = line.find('[');
    auto body = line.substr(0, code);
    if (body.find('{') != std::string::npos || body.find('(') != std::string::npos)
      return VerbDialect::cameo2;
  }
  return VerbDialect::linear;
}

std::unique_ptr<VerbDictionary> load_verb_dictionary(const std::string& file,
                                                     Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file, 0, "cannot open verb dictionary");
    return nullptr;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string contents = buffer.str();
  if (detect_verb_dialect(contents) == VerbDialect::cameo2)
    return load_cameo2_verbs(file, contents, diagnostics);
  return load_linear_verbs(file, contents, diagnostics);
}

}  // namespace annals
