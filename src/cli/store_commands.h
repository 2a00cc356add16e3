// `annals ingest` and `annals query`: the event store from the command line.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace annals::cli {

struct IngestArgs {
  std::string db;
  std::vector<std::string> paths;  // files and directories
  std::string dict;                // empty: the bundled set
  unsigned threads = 0;            // 0: one per core
  std::optional<bool> require_dyad;
  bool quiet = false;              // no progress
};
int run_ingest(const IngestArgs& args);

struct QueryArgs {
  std::string db;
  std::string source, target, code;  // see annals::EventQuery
  std::string from, to;              // YYYY-MM-DD, YYYYMMDD or YYYY-MM
  bool events = false;               // list events instead of the monthly series
  size_t limit = 0;
  std::string format;                // table, csv, json; empty: table on a terminal, else csv
};
int run_query(const QueryArgs& args);

// Registers both subcommands on the app. main() calls run_selected() after parsing:
//   StoreCommands store(app);  ...  CLI11_PARSE(app, argc, argv);
//   if (auto status = store.run_selected()) return *status;
class StoreCommands {
 public:
  explicit StoreCommands(CLI::App& app);
  StoreCommands(const StoreCommands&) = delete;
  StoreCommands& operator=(const StoreCommands&) = delete;

  // The exit status of the store command given, or nullopt when another was chosen.
  std::optional<int> run_selected() const;

 private:
  IngestArgs ingest_;
  QueryArgs query_;
  CLI::App* ingest_command_ = nullptr;
  CLI::App* query_command_ = nullptr;
};

}  // namespace annals::cli
