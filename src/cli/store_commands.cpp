#include "cli/store_commands.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cmath>
#include <iostream>
#include <thread>

#include "annals/coder.h"
#include "annals/output.h"
#include "annals/store.h"
#include "cli/commands.h"
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

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
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

void print_series(const EventStore& store, const EventQuery& query, const std::string& format) {
  const std::vector<MonthlySeries> series = store.monthly_series(query);
  auto month = [](const MonthlySeries& m) { return fmt::format("{:04d}-{:02d}", m.year, m.month); };
  if (format == "json") {
    for (const MonthlySeries& m : series) {
      std::cout << fmt::format(
          R"({{"month":"{}","events":{},"quad_class":[{},{},{},{}],"goldstein_sum":{},"goldstein_mean":{}}})"
          "\n",
          month(m), m.events, m.quad_class[0], m.quad_class[1], m.quad_class[2], m.quad_class[3], m.goldstein_sum,
          m.events ? fmt::format("{}", m.goldstein_mean) : "null");
    }
    return;
  }
  const std::vector<std::string> header = {"month",           "events",          "verbal_coop", "material_coop",
                                           "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean"};
  std::vector<std::vector<std::string>> rows;
  const bool table = format == "table";
  for (const MonthlySeries& m : series) {
    auto number = [&](double value) { return table ? fmt::format("{:.2f}", value) : fmt::format("{}", value); };
    rows.push_back({month(m), std::to_string(m.events), std::to_string(m.quad_class[0]),
                    std::to_string(m.quad_class[1]), std::to_string(m.quad_class[2]), std::to_string(m.quad_class[3]),
                    number(m.goldstein_sum), m.events ? number(m.goldstein_mean) : ""});
  }
  if (table) {
    print_table(header, {false, true, true, true, true, true, true, true}, rows);
  } else {
    std::cout << join(header, ',') << '\n';
    for (const auto& row : rows) std::cout << join(row, ',') << '\n';
  }
}

void print_events(const EventStore& store, const EventQuery& query, const std::string& format) {
  if (format == "json") {
    store.for_each_event(query, [](const Event& event) { write_event(std::cout, event, OutputFormat::jsonl); });
    return;
  }
  if (format == "csv") {
    std::cout << "date,story_id,sentence,sentence_id,source,source_text,target,target_text,cameo,root,goldstein,"
                 "quad_class,plover,verb,issues,text\n";
    store.for_each_event(query, [](const Event& e) {
      const std::vector<std::string> fields = {e.date.iso(),
                                               e.story_id,
                                               std::to_string(e.sentence),
                                               e.sentence_id,
                                               e.source.code,
                                               e.source.text,
                                               e.target ? e.target->code : "",
                                               e.target ? e.target->text : "",
                                               e.cameo,
                                               e.root,
                                               fmt::format("{}", e.goldstein),
                                               std::to_string(e.quad_class),
                                               e.plover,
                                               e.verb.text,
                                               join(e.issues, ';'),
                                               e.text};
      std::string line;
      for (const std::string& field : fields) (line += line.empty() ? "" : ",") += csv_field(field);
      std::cout << line << '\n';
    });
    return;
  }
  std::vector<std::vector<std::string>> rows;
  store.for_each_event(query, [&](const Event& e) {
    rows.push_back({e.date.iso(), e.story_id, std::to_string(e.sentence), e.source.code,
                    e.target ? e.target->code : "", e.cameo, fmt::format("{:.1f}", e.goldstein),
                    std::to_string(e.quad_class), e.verb.text, shortened(e.text, 80)});
  });
  print_table({"date", "story", "sent", "source", "target", "cameo", "goldstein", "quad", "verb", "sentence"},
              {false, false, true, false, false, false, true, true, false, false}, rows);
}

}  // namespace

int run_ingest(const IngestArgs& args) {
  size_t dictionary_errors = 0;
  auto dictionaries = load_dictionaries(args.dict, dictionary_errors);
  if (!dictionaries) return 2;
  const Coder coder(dictionaries, CoderOptions{.require_dyad = args.require_dyad});

  IngestOptions options;
  options.threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
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
  EventQuery query{args.source, args.target, args.code, std::nullopt, std::nullopt, args.limit};
  if (!args.from.empty() && !(query.from = parse_query_date(args.from, false))) {
    std::cerr << "annals: --from: expected YYYY-MM-DD or YYYY-MM, got '" << args.from << "'\n";
    return 2;
  }
  if (!args.to.empty() && !(query.to = parse_query_date(args.to, true))) {
    std::cerr << "annals: --to: expected YYYY-MM-DD or YYYY-MM, got '" << args.to << "'\n";
    return 2;
  }
  const std::string format = !args.format.empty() ? args.format : isatty(STDOUT_FILENO) ? "table" : "csv";
  if (!std::filesystem::exists(args.db)) {
    std::cerr << "annals: " << args.db << ": no such event store\n";
    return 2;
  }
  try {
    const EventStore store(args.db);
    if (args.events) {
      print_events(store, query, format);
    } else {
      print_series(store, query, format);
    }
  } catch (const StoreError& error) {
    std::cerr << "annals: " << error.what() << '\n';
    return 2;
  }
  return 0;
}

StoreCommands::StoreCommands(CLI::App& app) {
  ingest_command_ = app.add_subcommand(
      "ingest", "Code stories from files and directories (.gz/.zst too) into an event store; reruns resume");
  ingest_command_->add_option("--db", ingest_.db, "Event store file (SQLite; created when missing)")->required();
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

  query_command_ = app.add_subcommand(
      "query", "Monthly event series (counts per quad class, Goldstein sum and mean) or matching events");
  query_command_->add_option("--db", query_.db, "Event store file")->required();
  query_command_->add_option("--source", query_.source, "Source actor code; CODE* matches a prefix");
  query_command_->add_option("--target", query_.target, "Target actor code; CODE* matches a prefix");
  query_command_->add_option("--code", query_.code, "CAMEO code, matching its descendants too (04: 040-046x)");
  query_command_->add_option("--from", query_.from, "First day (YYYY-MM-DD) or month (YYYY-MM)");
  query_command_->add_option("--to", query_.to, "Last day (YYYY-MM-DD) or month (YYYY-MM)");
  query_command_->add_flag("--events", query_.events, "List matching events with their sentence");
  query_command_->add_option("--limit", query_.limit, "At most this many events (0: all)");
  query_command_->add_option("--format", query_.format, "Output format (default: table on a terminal, else csv)")
      ->check(CLI::IsMember({"table", "csv", "json"}));
}

std::optional<int> StoreCommands::run_selected() const {
  if (*ingest_command_) return run_ingest(ingest_);
  if (*query_command_) return run_query(query_);
  return std::nullopt;
}

}  // namespace annals::cli
