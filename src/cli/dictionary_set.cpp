#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

namespace annals::cli {

std::string default_dictionary_dir() {
  if (const char* dir = std::getenv("ANNALS_DATA_DIR")) return std::string(dir) + "/dictionaries";
  return std::string(ANNALS_DATA_DIR) + "/dictionaries";
}

std::shared_ptr<const Dictionaries> load_dictionaries(const std::string& dict, size_t& errors) {
  Diagnostics diagnostics;
  const std::string path = dict.empty() ? default_dictionary_dir() : dict;
  auto dictionaries = Dictionaries::load(read_petrarch_config(path, diagnostics), diagnostics);
  for (const Diagnostic& d : diagnostics.all()) std::cerr << d.to_string() << '\n';
  errors = diagnostics.error_count();
  return dictionaries;
}

}  // namespace annals::cli
