// `annals score GOLD.jsonl...`: codes the raw sentences of gold-standard sets and scores the
// events against them at CAMEO root level (with source, and source and target, countries when
// the set gives them), or
// at the level of the five ConfliBERT classes, and prints the confusion of roots. Records
// without a date are coded as of --date (2000-01-01 by default), as the header says.
#include <fmt/core.h>

#include <array>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

#include "annals/coder.h"
#include "annals/pipeline.h"
#include "cli/commands.h"

namespace annals::cli {

namespace {

// The five classes of the ConfliBERT CAMEO set, by root.
std::string class_of_root(const std::string& root) {
  const int r = root.empty() ? 0 : std::stoi(root);
  if (r <= 2) return "statement";
  if (r <= 5) return "verbal cooperation";
  if (r <= 8) return "material cooperation";
  if (r <= 13 || r == 16) return "verbal conflict";
  return "material conflict";
}

struct GoldRecord {
  std::string id, text, label;     // label: a CAMEO root ("04") or a ConfliBERT class
  std::set<std::string> sources;   // gold source countries; empty when the set gives none
  std::set<std::string> targets;   // gold target countries; empty when none (or no target)
  std::optional<Date> date;        // nullopt: the record has none (ConfliBERT sets)
  std::string bad_date;            // a "date" given but not YYYY-MM-DD
};

struct Tally {
  size_t records = 0, found = 0, found_with_source = 0, with_source = 0;
  size_t events = 0, events_right = 0, events_right_with_source = 0;
  // Over the records that give both source and target countries, and over their events.
  size_t with_dyad = 0, found_with_dyad = 0, dyad_events = 0, dyad_events_right = 0;
  size_t undated = 0;  // records coded as of the default date
  std::map<std::string, std::map<std::string, size_t>> confusion;  // gold label -> produced -> count
};

std::string string_field(const nlohmann::json& j, const char* key) {
  const auto field = j.find(key);
  return field != j.end() && field->is_string() ? field->get<std::string>() : std::string();
}

// nullopt when the record lacks its text or gold label.
std::optional<GoldRecord> read_record(const nlohmann::json& j) {
  if (!j.is_object()) return std::nullopt;
  GoldRecord r;
  r.id = string_field(j, "id");
  r.text = string_field(j, "text");
  r.label = string_field(j, "cameo_root");
  if (r.label.empty()) r.label = string_field(j, "label");
  if (r.text.empty() || r.label.empty()) return std::nullopt;
  auto countries = [&](const char* key, std::set<std::string>& into) {
    if (const auto actors = j.find(key); actors != j.end() && actors->is_array())
      for (const auto& a : *actors)
        if (a.is_object() && a.contains("country") && a["country"].is_string() && !a["country"].empty())
          into.insert(a["country"]);
  };
  countries("source", r.sources);
  countries("target", r.targets);
  if (j.contains("date")) {
    const std::string date = j["date"].is_string() ? j["date"].get<std::string>() : j["date"].dump();
    r.date = parse_date(date);
    if (!r.date) r.bad_date = date;
  }
  return r;
}

}  // namespace

int run_score(const ScoreArgs& args) {
  size_t dictionary_errors = 0;
  auto dictionaries = load_dictionaries(args.dict, dictionary_errors);
  if (!dictionaries) return 2;
  const Coder coder(dictionaries);
  LazyParser parser(args.model);
  int status = 0;
  for (const std::string& file : args.files) {
    std::ifstream in(file);
    if (!in) {
      fmt::print(stderr, "annals score: cannot open {}\n", file);
      status = 1;
      continue;
    }
    Tally tally;
    // Whether the file's labels are ConfliBERT classes or CAMEO roots, as its first
    // record says: one file is scored at one level.
    std::optional<bool> classes;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::optional<GoldRecord> gold;
      try {
        gold = read_record(nlohmann::json::parse(line));
      } catch (const nlohmann::json::exception& e) {
        fmt::print(stderr, "{}:{}: malformed JSON ({}); skipped\n", file, number, e.what());
        status = 1;
        continue;
      }
      if (!gold) {
        fmt::print(stderr, "{}:{}: record without \"text\" or a gold label; skipped\n", file, number);
        status = 1;
        continue;
      }
      const bool record_classes = gold->label.size() > 2;  // ConfliBERT class names vs two-digit roots
      if (!classes) classes = record_classes;
      if (record_classes != *classes) {
        fmt::print(stderr, "{}:{}: gold label '{}' is a {}, but the file's first record gives a {}; skipped\n", file,
                   number, gold->label, record_classes ? "class" : "root", *classes ? "class" : "root");
        status = 1;
        continue;
      }
      if (!gold->bad_date.empty())
        fmt::print(stderr, "{}:{}: date '{}' is not YYYY-MM-DD; coded as of {}\n", file, number, gold->bad_date,
                   args.date.iso());
      Story story;
      story.id = gold->id;
      story.date = gold->date.value_or(args.date);
      story.text = gold->text;
      std::vector<Event> events;
      try {
        parse_story(story, parser.get(), [&](Sentence& s) { mark_dictionary_words(s, *dictionaries); });
        events = coder.code(story);
      } catch (const std::exception& e) {
        fmt::print(stderr, "{}:{}: record '{}' not coded: {}; skipped\n", file, number, gold->id, e.what());
        status = 1;
        continue;
      }
      const bool dyad = !gold->sources.empty() && !gold->targets.empty();
      bool found = false, found_with_source = false, found_with_dyad = false;
      std::set<std::string> produced;
      for (const Event& event : events) {
        const std::string label = *classes ? class_of_root(event.root) : event.root;
        const bool right = label == gold->label;
        const bool right_source = right && gold->sources.count(event.source.code.substr(0, 3));
        const bool right_dyad = right_source && event.target && gold->targets.count(event.target->code.substr(0, 3));
        ++tally.events;
        tally.events_right += right;
        tally.events_right_with_source += right_source;
        tally.dyad_events += dyad;
        tally.dyad_events_right += dyad && right_dyad;
        found |= right;
        found_with_source |= right_source;
        found_with_dyad |= right_dyad;
        produced.insert(label);
      }
      ++tally.records;
      tally.undated += !gold->date;
      tally.found += found;
      if (!gold->sources.empty()) {
        ++tally.with_source;
        tally.found_with_source += found_with_source;
      }
      if (dyad) {
        ++tally.with_dyad;
        tally.found_with_dyad += found_with_dyad;
      }
      if (produced.empty()) produced.insert("none");
      for (const std::string& label : produced) ++tally.confusion[gold->label][label];
    }
    const char* unit = classes.value_or(false) ? "class" : "root";
    fmt::print("{}: {} records, {} events\n", file, tally.records, tally.events);
    // Dated actor codes and relative time words depend on the story date.
    if (tally.undated)
      fmt::print("  {} records without a valid date, coded as of {} (--date)\n", tally.undated, args.date.iso());
    const auto measure = [](const std::string& what, size_t part, size_t whole, const char* of_what = "") {
      fmt::print("  {:<44}{:5.1f}%  ({} of {}{})\n", what, whole ? 100.0 * part / whole : 0.0, part, whole, of_what);
    };
    measure(fmt::format("recall    (gold {} found)", unit), tally.found, tally.records);
    if (tally.with_source)
      measure(fmt::format("recall    (gold {} and source country)", unit), tally.found_with_source, tally.with_source);
    if (tally.with_dyad)
      measure("recall    (and target country)", tally.found_with_dyad, tally.with_dyad, " records with both");
    measure(fmt::format("precision (events with the gold {})", unit), tally.events_right, tally.events);
    if (tally.with_source)
      measure("precision (and the source country)", tally.events_right_with_source, tally.events);
    if (tally.with_dyad)
      measure("precision (and target country)", tally.dyad_events_right, tally.dyad_events, " events of those records");
    fmt::print("  confusion (gold {} -> produced, records):\n", unit);
    for (const auto& [gold, row] : tally.confusion) {
      std::string cells;
      for (const auto& [label, count] : row) cells += fmt::format(" {}:{}", label, count);
      fmt::print("    {:<22}{}\n", gold, cells);
    }
  }
  return status ? status : dictionary_errors ? 1 : 0;
}

}  // namespace annals::cli
