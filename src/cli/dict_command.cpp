#include <fmt/core.h>

#include <iostream>

#include "annals/dictionaries.h"
#include "cli/commands.h"
#include "dictionaries/actors.h"
#include "dictionaries/meetings.h"
#include "dictionaries/verbs.h"

namespace annals::cli {

int run_dict_check(const std::string& path) {
  Diagnostics diagnostics;
  const DictionaryFiles files = read_petrarch_config(path, diagnostics);
  auto dictionaries = Dictionaries::load(files, diagnostics);
  for (const Diagnostic& d : diagnostics.all()) std::cout << d.to_string() << '\n';
  if (dictionaries) {
    std::cout << fmt::format(
        "verbs: {} patterns ({} dialect)\nactors: {}\nagents: {}\ndiscards: {}\nissues: {}\nmeetings: {}\n",
        dictionaries->verbs().size(),
        dictionaries->dialect() == VerbDialect::linear ? "PETRARCH-1/TABARI" : "CAMEO.2.0",
        dictionaries->actors().size(), dictionaries->agents().size(),
        dictionaries->discards().size(), dictionaries->issues().size(), dictionaries->meetings().size());
  }
  const size_t errors = diagnostics.error_count();
  std::cout << fmt::format("{} errors, {} warnings\n", errors, diagnostics.all().size() - errors);
  return errors == 0 && dictionaries ? 0 : 1;
}

}  // namespace annals::cli
