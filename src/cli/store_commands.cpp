#include "cli/store_commands.h"

#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "annals/coder.h"
#include "annals/output.h"
#include "annals/parser.h"
#include "annals/store.h"
#include "cli/commands.h"
#include "cli/parser_commands.h"
#include "store/export.h"
#include "text/utf8.h"

namespace annals::cli {

namespace {

std::string human_bytes(uint64_t bytes) {
  if (bytes >= (1ULL << 30)) return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / (1ULL << 30));
  if (bytes >= (1ULL << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1ULL << 20));
  return fmt::format("{:.0f} KiB", static_cast<double>(bytes) / 1024);
}

std::string progress_counts(const IngestProgress& p) {
  return fmt::format("{} stories ({} new, {} replaced, {} unchanged), {} events, {:.0f} stories/s, "
                     "{:.0f} sentences/s",
                     p.stories_read, p.stories_added, p.stories_replaced, p.stories_unchanged, p.events_written,
                     p.stories_per_second(), p.sentences_per_second());
}

// One redrawn line with a bar over the input bytes (the story count is not known ahead).
void draw_progress_bar(const IngestProgress& p) {
  constexpr int kWidth = 30;
  const double fraction =
      p.input_bytes_total ? std::min(1.0, static_cast<double>(p.input_bytes_read) / p.input_bytes_total) : 1.0;
  const int filled = static_cast<int>(fraction * kWidth);
  std::cerr << fmt::format("\r\x1b[K[{}{}] {:3.0f}% {}", std::string(filled, '#'), std::string(kWidth - filled, '.'),
                           fraction * 100, progress_counts(p));
  if (p.finished) std::cerr << '\n';
  std::cerr.flush();
}

void print_progress_line(const IngestProgress& p) {
  if (p.finished) return;  // the closing summary says it all
  std::cerr << fmt::format("annals: {:.0f}s: {} of {} read, {}\n", p.seconds, human_bytes(p.input_bytes_read),
                           human_bytes(p.input_bytes_total), progress_counts(p));
}

// YYYY-MM-DD and YYYYMMDD, or a month (YYYY-MM): its first day for --from, its last for --to.
std::optional<Date> parse_query_date(const std::string& text, bool end_of_month) {
  if (text.size() == 7 && text[4] == '-') {
    if (auto first = parse_date(text + "-01")) {
      // Stored dates compare as ISO text, so day 31 closes every month.
      return end_of_month ? Date{first->ymd + 30} : *first;
    }
  }
  return parse_date(text);
}

size_t display_width(std::string_view text) { return codepoint_offset(text, text.size()); }

// Columns padded to their widest cell; numeric columns (right) are flagged by the caller.
void print_table(const std::vector<std::string>& header, const std::vector<bool>& right_aligned,
                 const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(header.size());
  for (size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string padding(widths[c] - display_width(row[c]), ' ');
      if (c > 0) line += "  ";
      line += right_aligned[c] ? padding + row[c] : (c + 1 == row.size() ? row[c] : row[c] + padding);
    }
    std::cout << line << '\n';
  };
  print_row(header);
  std::vector<std::string> rule;
  for (size_t width : widths) rule.emplace_back(width, '-');
  print_row(rule);
  for (const auto& row : rows) print_row(row);
}

// A table cell holds at most this many code points of a sentence.
std::string shortened(const std::string& text, size_t max_codepoints) {
  if (display_width(text) <= max_codepoints) return text;
  size_t pos = 0;
  for (size_t i = 0; i + 1 < max_codepoints && pos < text.size(); ++i) decode_utf8(text, pos);
  return text.substr(0, pos) + "\u2026";
}

std::string join(const std::vector<std::string>& values, char separator) {
  std::string joined;
  for (const std::string& value : values) {
    if (!joined.empty()) joined += separator;
    joined += value;
  }
  return joined;
}

std::string period_header(Granularity granularity) {
  switch (granularity) {
    case Granularity::day:
      return "day";
    case Granularity::week:
      return "week";
    case Granularity::month:
      return "month";
    case Granularity::year:
      return "year";
  }
  return "period";
}

// Prints rows as a table, CSV (with the header) or JSON lines (one object per row,
// numeric columns as numbers, empty cells as null).
void print_rows(const std::string& format, const std::vector<std::string>& header, const std::vector<bool>& numeric,
                const std::vector<std::vector<std::string>>& rows) {
  if (format == "table") {
    print_table(header, numeric, rows);
  } else if (format == "csv") {
    std::vector<std::string> fields;
    for (const std::string& name : header) fields.push_back(csv_field(name));
    std::cout << join(fields, ',') << '\n';
    for (const auto& row : rows) {
      fields.clear();
      for (const std::string& cell : row) fields.push_back(csv_field(cell));
      std::cout << join(fields, ',') << '\n';
    }
  } else {
    for (const auto& row : rows) {
      nlohmann::ordered_json object;
      for (size_t c = 0; c < header.size(); ++c) {
        if (row[c].empty())
          object[header[c]] = nullptr;
        else if (numeric[c])
          object[header[c]] = nlohmann::ordered_json::parse(row[c]);
        else
          object[header[c]] = row[c];
      }
      std::cout << object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    }
  }
}

void print_series(const EventStore& store, const EventQuery& query, Granularity granularity,
                  const std::string& format) {
  const std::vector<SeriesPoint> series = store.series(query, granularity);
  if (format == "json") {  // quad classes as one array, as since the first version
    for (const SeriesPoint& p : series) {
      std::cout << fmt::format(
          R"({{"{}":"{}","events":{},"quad_class":[{},{},{},{}],"goldstein_sum":{},"goldstein_mean":{}}})"
          "\n",
          period_header(granularity), p.period, p.events, p.quad_class[0], p.quad_class[1], p.quad_class[2],
          p.quad_class[3], p.goldstein_sum, p.events ? fmt::format("{}", p.goldstein_mean) : "null");
    }
    return;
  }
  const bool table = format == "table";
  auto number = [&](double value) { return table ? fmt::format("{:.2f}", value) : fmt::format("{}", value); };
  std::vector<std::vector<std::string>> rows;
  for (const SeriesPoint& p : series) {
    rows.push_back({p.period, std::to_string(p.events), std::to_string(p.quad_class[0]),
                    std::to_string(p.quad_class[1]), std::to_string(p.quad_class[2]), std::to_string(p.quad_class[3]),
                    number(p.goldstein_sum), p.events ? number(p.goldstein_mean) : ""});
  }
  print_rows(format,
             {period_header(granularity), "events", "verbal_coop", "material_coop", "verbal_conflict",
              "material_conflict", "goldstein_sum", "goldstein_mean"},
             {false, true, true, true, true, true, true, true}, rows);
}

void print_top(const EventStore& store, const EventQuery& query, bool dyads, const std::string& format) {
  std::vector<std::vector<std::string>> rows;
  if (dyads) {
    for (const TopEntry& entry : store.top_dyads(query))
      rows.push_back({entry.source, entry.target, std::to_string(entry.events)});
    print_rows(format, {"source", "target", "events"}, {false, false, true}, rows);
    return;
  }
  for (const TopEntry& entry : store.top_actors(query))
    rows.push_back({entry.source, std::to_string(entry.events), std::to_string(entry.as_source),
                    std::to_string(entry.as_target)});
  print_rows(format, {"actor", "events", "as_source", "as_target"}, {false, true, true, true}, rows);
}

// Events with their evidence: the sentence, and who the claim is attributed to.
void print_event_list(const std::function<void(const std::function<void(const Event&)>&)>& for_each,
                      const std::string& format) {
  if (format == "json") {
    for_each([](const Event& event) { write_event(std::cout, event, OutputFormat::jsonl); });
    return;
  }
  if (format == "csv") {
    std::cout << events_csv_header();
    for_each([](const Event& event) { std::cout << event_csv_row(event); });
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for_each([&](const Event& e) {
    const std::string time = (e.date_end != e.date ? "to " + e.date_end.iso() + " " : std::string()) + "(" +
                             std::string(to_string(e.date_precision)) + (e.historical ? ", historical)" : ")");
    rows.push_back({e.date.ymd ? e.date.iso() : "", time, e.story_id, std::to_string(e.sentence), e.source.code,
                    e.target ? e.target->code : "", e.cameo, fmt::format("{:.1f}", e.goldstein),
                    std::string(to_string(e.modality)), e.verb.text, attribution_text(e), shortened(e.text, 60)});
  });
  print_table({"date", "time", "story", "sent", "source", "target", "cameo", "goldstein", "modality", "verb",
               "attribution", "sentence"},
              {false, false, false, true, false, false, false, true, false, false, false, false}, rows);
}

void print_happenings(const EventStore& store, const EventQuery& query, const std::string& format) {
  std::vector<std::vector<std::string>> rows;
  store.for_each_happening(query, [&](const Happening& h) {
    rows.push_back({std::to_string(h.id), h.date.ymd ? h.date.iso() : "", h.date_last.ymd ? h.date_last.iso() : "",
                    h.source, h.target, h.family, h.first.cameo, std::to_string(h.mentions), std::to_string(h.sources),
                    std::to_string(h.stories), h.first.story_id, std::to_string(h.first.sentence),
                    format == "table" ? shortened(h.first.text, 60) : h.first.text});
  });
  print_rows(format,
             {"happening", "date", "date_last", "source", "target", "family", "cameo", "mentions", "sources",
              "stories", "first_story", "first_sentence", "sentence"},
             {true, false, false, false, false, false, false, true, true, true, false, true, false}, rows);
}

// The query a selection describes; nullopt (after a message) when a date is malformed.
std::optional<EventQuery> query_of(const SelectionArgs& args) {
  EventQuery query;
  query.source = args.source;
  query.target = args.target;
  query.code = args.code;
  if (!args.from.empty() && !(query.from = parse_query_date(args.from, false))) {
    std::cerr << "annals: --from: expected YYYY-MM-DD or YYYY-MM, got '" << args.from << "'\n";
    return std::nullopt;
  }
  if (!args.to.empty() && !(query.to = parse_query_date(args.to, true))) {
    std::cerr << "annals: --to: expected YYYY-MM-DD or YYYY-MM, got '" << args.to << "'\n";
    return std::nullopt;
  }
  if (args.one_a_day && args.happenings) {
    std::cerr << "annals: --one-a-day and --happenings are two ways of counting: choose one\n";
    return std::nullopt;
  }
  query.counting = args.happenings ? Counting::happenings : args.one_a_day ? Counting::one_a_day : Counting::reports;
  return query;
}

// Happenings must cover every stored event: regroup with the last options when a story
// was written since (or with the defaults when dedup never ran).
void ensure_current_dedup(EventStore& store) {
  if (store.current_dedup()) return;
  const DedupOptions options = store.last_dedup().value_or(DedupOptions{});
  const DedupResult result = store.dedup(options);
  std::cerr << fmt::format("annals: happenings were out of date: {} events regrouped into {} happenings\n",
                           result.events, result.happenings);
}

void add_selection_options(CLI::App& command, SelectionArgs& args) {
  command.add_option("--source", args.source, "Source actor code; CODE* matches a prefix");
  command.add_option("--target", args.target, "Target actor code; CODE* matches a prefix");
  command.add_option("--code", args.code, "CAMEO code, matching its descendants too (04: 040-046x)");
  command.add_option("--from", args.from, "First day (YYYY-MM-DD) or month (YYYY-MM)");
  command.add_option("--to", args.to, "Last day (YYYY-MM-DD) or month (YYYY-MM)");
  command.add_flag("--one-a-day", args.one_a_day,
                   "Keep one event per (date, source, target, code), as Phoenix does");
  command.add_flag("--happenings", args.happenings,
                   "Count happenings (see `annals dedup`) instead of reports; filters apply to their first mention");
}

// What the stored events depend on besides the stories: every file of the dictionary
// set, the parser model when there is one, and the coder's options.
std::string ingest_coder_fingerprint(const std::string& dict, const CoderOptions& options,
                                     const std::optional<std::string>& model) {
  Diagnostics reported_already;  // load_dictionaries printed the config's problems
  const DictionaryFiles files = read_petrarch_config(dict.empty() ? default_dictionary_dir() : dict, reported_already);
  std::vector<std::filesystem::path> inputs = {files.verbs};
  inputs.insert(inputs.end(), files.actors.begin(), files.actors.end());
  inputs.insert(inputs.end(), {files.agents, files.discards, files.issues, files.pico, files.meetings});
  inputs.emplace_back(model.value_or(""));  // no model: an empty name, read as missing
  return coder_fingerprint(inputs, coder_settings_text(options));
}

}  // namespace

int run_ingest(const IngestArgs& args) {
  size_t dictionary_errors = 0;
  auto dictionaries = load_dictionaries(args.dict, dictionary_errors);
  if (!dictionaries) return 2;
  const CoderOptions coder_options{.require_dyad = args.require_dyad};
  const Coder coder(dictionaries, coder_options);

  IngestOptions options;
  options.threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  if (!args.date.empty()) options.default_date = parse_date(args.date);
  // Raw-text stories need the parser; without a usable model they are refused one by one.
  const std::string model = args.model.empty() ? default_model_path() : args.model;
  try {
    options.parser = Parser::load(model);
    options.before_parse = [&](Sentence& s) { mark_dictionary_words(s, *dictionaries); };
  } catch (const std::exception& e) {
    std::cerr << "annals: " << e.what() << "; stories without a parse will be refused\n";
  }
  // Once per run: stories coded under other dictionaries, model or options are recoded.
  options.coder_fingerprint = ingest_coder_fingerprint(
      args.dict, coder_options, options.parser ? std::optional<std::string>(model) : std::nullopt);
  if (!args.quiet) {
    const bool terminal = isatty(STDERR_FILENO);
    options.progress = terminal ? draw_progress_bar : print_progress_line;
    options.progress_interval = std::chrono::milliseconds(terminal ? 200 : 5000);
  }
  Diagnostics input;
  IngestProgress result;
  try {
    EventStore store(args.db);
    std::vector<std::filesystem::path> paths(args.paths.begin(), args.paths.end());
    result = ingest(store, paths, coder, options, input);
  } catch (const StoreError& error) {
    std::cerr << "annals: " << error.what() << '\n';
    return 2;
  }
  for (const Diagnostic& d : input.all()) std::cerr << d.to_string() << '\n';
  std::cerr << fmt::format(
      "annals: {} files, {} stories: {} added, {} replaced, {} unchanged, {} refused; {} sentences and {} events "
      "written in {:.1f}s; {} input errors, {} dictionary errors\n",
      result.files_read, result.stories_read, result.stories_added, result.stories_replaced,
      result.stories_unchanged, result.stories_refused, result.sentences_written, result.events_written,
      result.seconds, input.error_count(), dictionary_errors);
  return input.error_count() + dictionary_errors == 0 ? 0 : 1;
}

int run_query(const QueryArgs& args) {
  std::optional<EventQuery> query = query_of(args.selection);
  if (!query) return 2;
  query->limit = args.limit.value_or(args.top.empty() ? 0 : 10);
  const std::string format = !args.format.empty() ? args.format : isatty(STDOUT_FILENO) ? "table" : "csv";
  if (!std::filesystem::exists(args.db)) {
    std::cerr << "annals: " << args.db << ": no such event store\n";
    return 2;
  }
  static const std::map<std::string, Granularity> kGranularities = {
      {"day", Granularity::day}, {"week", Granularity::week}, {"month", Granularity::month}, {"year", Granularity::year}};
  try {
    EventStore store(args.db);
    if (query->counting == Counting::happenings || args.happening) ensure_current_dedup(store);
    if (args.happening) {
      print_event_list([&](const auto& visit) {
        for (const Event& event : store.mentions(args.happening)) visit(event);
      }, format);
    } else if (!args.top.empty()) {
      print_top(store, *query, args.top == "dyads", format);
    } else if (args.events && query->counting == Counting::happenings) {
      print_happenings(store, *query, format);
    } else if (args.events) {
      print_event_list([&](const auto& visit) { store.for_each_event(*query, visit); }, format);
    } else {
      print_series(store, *query, kGranularities.at(args.by), format);
    }
  } catch (const StoreError& error) {
    std::cerr << "annals: " << error.what() << '\n';
    return 2;
  }
  return 0;
}

int run_dedup(const DedupArgs& args) {
  if (!std::filesystem::exists(args.db)) {
    std::cerr << "annals: " << args.db << ": no such event store\n";
    return 2;
  }
  try {
    EventStore store(args.db);
    const auto start = std::chrono::steady_clock::now();
    const DedupResult result =
        store.dedup({args.window, args.family == "base" ? CodeFamily::base : CodeFamily::root});
    std::cerr << fmt::format("annals: {} events grouped into {} happenings (mentions up to {} days after a "
                             "happening's first one, {} codes) in {:.1f}s\n",
                             result.events, result.happenings, args.window, args.family,
                             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  } catch (const StoreError& error) {
    std::cerr << "annals: " << error.what() << '\n';
    return 2;
  }
  return 0;
}

int run_export(const ExportArgs& args) {
  std::optional<EventQuery> query = query_of(args.selection);
  if (!query) return 2;
  const ExportFormat format =
      args.format == "gdelt" ? ExportFormat::gdelt : args.format == "csv" ? ExportFormat::csv : ExportFormat::jsonl;
  if (format == ExportFormat::gdelt && query->counting == Counting::one_a_day) {
    std::cerr << "annals: --one-a-day does not apply to gdelt, which has one row per happening\n";
    return 2;
  }
  if (!std::filesystem::exists(args.db)) {
    std::cerr << "annals: " << args.db << ": no such event store\n";
    return 2;
  }
  try {
    EventStore store(args.db);
    if (format == ExportFormat::gdelt || query->counting == Counting::happenings) ensure_current_dedup(store);
    std::ofstream file;
    if (!args.output.empty() && args.output != "-") {
      file.open(args.output, std::ios::binary);
      if (!file) {
        std::cerr << "annals: " << args.output << ": cannot write\n";
        return 2;
      }
    }
    std::ostream& out = file.is_open() ? file : std::cout;
    const size_t rows = export_store(store, *query, format, out);
    out.flush();
    if (!out) {
      std::cerr << "annals: " << (file.is_open() ? args.output : "stdout") << ": write failed\n";
      return 2;
    }
    if (file.is_open()) std::cerr << fmt::format("annals: {} rows written to {}\n", rows, args.output);
  } catch (const StoreError& error) {
    std::cerr << "annals: " << error.what() << '\n';
    return 2;
  }
  return 0;
}

StoreCommands::StoreCommands(CLI::App& app) {
  ingest_command_ = app.add_subcommand(
      "ingest", "Code stories from files and directories (.gz/.zst too) into an event store; reruns resume");
  ingest_command_->add_option("--db", ingest_.db, "Event store file (SQLite; created when missing)")->capture_default_str();
  ingest_command_->add_option("paths", ingest_.paths, "Files and directories (searched recursively)")
      ->required();
  ingest_command_->add_option("--dict", ingest_.dict,
                              "Dictionary set: a PETRARCH config file or a directory holding one")
      ->default_str("the bundled set");
  ingest_command_->add_option("-j,--threads", ingest_.threads, "Coding threads (0: one per core)")
      ->default_str("0");
  ingest_command_->add_option("--require-dyad", ingest_.require_dyad,
                              "Drop events lacking a source or a target (default: the dialect's rule)");
  ingest_command_->add_flag("--quiet", ingest_.quiet, "No progress display");
  ingest_command_->add_option("--date", ingest_.date, "Date (YYYY-MM-DD) of stories that carry none, such as plain text")
      ->check(date_option_error);
  ingest_command_->add_option("--model", ingest_.model, "Parser model for raw text")
      ->default_str("the bundled en.model");

  query_command_ = app.add_subcommand(
      "query", "Event series by day/week/month/year (counts per quad class, Goldstein sum and mean), top actors or "
               "dyads, or matching events with their evidence");
  query_command_->add_option("--db", query_.db, "Event store file")->capture_default_str();
  add_selection_options(*query_command_, query_.selection);
  query_command_->add_option("--by", query_.by, "Series period")
      ->check(CLI::IsMember({"day", "week", "month", "year"}))
      ->capture_default_str();
  query_command_->add_option("--top", query_.top, "Most frequent actors or dyads instead of the series")
      ->check(CLI::IsMember({"actors", "dyads"}));
  query_command_->add_flag("--events", query_.events,
                           "List matching events with their sentence (with --happenings: the happenings)");
  query_command_->add_option("--happening", query_.happening, "List the mentions of this happening");
  query_command_->add_option("--limit", query_.limit, "At most this many events or top entries (0: all)")
      ->default_str("all events, 10 top entries");
  query_command_->add_option("--format", query_.format, "Output format (default: table on a terminal, else csv)")
      ->check(CLI::IsMember({"table", "csv", "json"}));

  dedup_command_ = app.add_subcommand(
      "dedup", "Group events reporting the same happening (same dyad and code family, close dates) and count "
               "their mentions, sources and stories");
  dedup_command_->add_option("--db", dedup_.db, "Event store file")->capture_default_str();
  dedup_command_->add_option("--window", dedup_.window,
                             "Days after a happening's first mention within which a mention joins it")
      ->check(CLI::Range(0, 366))
      ->capture_default_str();
  dedup_command_->add_option("--family", dedup_.family, "Codes that must agree: root (04) or base (043)")
      ->check(CLI::IsMember({"root", "base"}))
      ->capture_default_str();

  export_command_ = app.add_subcommand(
      "export", "Write the store's events as JSONL (as `annals code`), CSV, or GDELT 2.0 event rows (one per "
                "happening)");
  export_command_->add_option("--db", export_.db, "Event store file")->capture_default_str();
  export_command_->add_option("--format", export_.format, "Output format")
      ->check(CLI::IsMember({"jsonl", "csv", "gdelt"}))
      ->capture_default_str();
  export_command_->add_option("-o,--output", export_.output, "Output file (default: stdout)");
  add_selection_options(*export_command_, export_.selection);
}

std::optional<int> StoreCommands::run_selected() const {
  if (*ingest_command_) return run_ingest(ingest_);
  if (*query_command_) return run_query(query_);
  if (*dedup_command_) return run_dedup(dedup_);
  if (*export_command_) return run_export(export_);
  return std::nullopt;
}

}  // namespace annals::cli
