// `annals ingest` and `annals query`: the event store from the command line.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace annals::cli {

struct IngestArgs {
  std::string db = "annals.db";  // the default store, in the working directory
  std::vector<std::string> paths;  // files and directories
  std::string dict;                // empty: the bundled set
  unsigned threads = 0;            // 0: one per core
  std::optional<bool> require_dyad;
  bool quiet = false;              // no progress
  std::string model;               // parser model for raw text; empty: the bundled one
  std::string date;                // YYYY-MM-DD of stories that carry none
};
int run_ingest(const IngestArgs& args);

// The filters and counting unit shared by query and export.
struct SelectionArgs {
  std::string source, target, code;  // see annals::EventQuery
  std::string from, to;              // YYYY-MM-DD, YYYYMMDD or YYYY-MM
  bool one_a_day = false;            // Phoenix's one event per (date, source, target, code)
  bool happenings = false;           // one per happening (runs dedup when out of date)
};

struct QueryArgs {
  std::string db = "annals.db";  // the default store, in the working directory
  SelectionArgs selection;
  std::string by = "month";          // series period: day, week, month, year
  std::string top;                   // actors or dyads: a top list instead of the series
  bool events = false;               // list events (or happenings) instead of the series
  int64_t happening = 0;             // list the mentions of this happening
  std::optional<size_t> limit;       // events and top lists (top default 10; 0: all)
  std::string format;                // table, csv, json; empty: table on a terminal, else csv
};
int run_query(const QueryArgs& args);

struct DedupArgs {
  std::string db = "annals.db";  // the default store, in the working directory
  int window = 1;
  std::string family = "root";
};
int run_dedup(const DedupArgs& args);

struct ExportArgs {
  std::string db = "annals.db";  // the default store, in the working directory
  SelectionArgs selection;
  std::string format = "jsonl";  // jsonl, csv, gdelt
  std::string output;            // empty or "-": stdout
};
int run_export(const ExportArgs& args);

// Registers the store subcommands (ingest, query, dedup, export) on the app. main() calls run_selected() after parsing:
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
  DedupArgs dedup_;
  ExportArgs export_;
  CLI::App* ingest_command_ = nullptr;
  CLI::App* query_command_ = nullptr;
  CLI::App* dedup_command_ = nullptr;
  CLI::App* export_command_ = nullptr;
};

}  // namespace annals::cli
