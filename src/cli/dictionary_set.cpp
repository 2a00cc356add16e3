#include <cstdlib>
#include <fmt/core.h>

#include "cli/commands.h"

namespace annals::cli {

std::string default_dictionary_dir() {
  if (const char* dir = std::getenv("ANNALS_DATA_DIR")) return std::string(dir) + "/dictionaries";
  return std::string(ANNALS_DATA_DIR) + "/dictionaries";
}

}  // namespace annals::cli
