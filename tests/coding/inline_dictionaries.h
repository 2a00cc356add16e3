// A dictionary set given inline by a unit test: written to files in `dir` (which the test
// removes) and loaded through Dictionaries::load, as a user's set would be.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "annals/dictionaries.h"

namespace annals::test {

inline std::shared_ptr<const Dictionaries> load_inline_dictionaries(const std::filesystem::path& dir,
                                                                    const std::string& verbs,
                                                                    const std::string& actors,
                                                                    const std::string& agents,
                                                                    Diagnostics& diagnostics) {
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  };
  DictionaryFiles files;
  files.verbs = write("verbs.txt", verbs);
  files.actors = {write("actors.txt", actors)};
  files.agents = write("agents.txt", agents);
  files.discards = write("discards.txt", "");
  return Dictionaries::load(files, diagnostics);
}

}  // namespace annals::test
