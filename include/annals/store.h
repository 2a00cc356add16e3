// The embedded event store: one SQLite file holding stories, their sentences and the
// events coded from them, plus corpus ingestion into it.
//
// Every story (its row, sentences and events) is written in one transaction, in WAL
// mode, so killing a writer at any moment loses nothing committed and never leaves half
// a story. The schema version lives in PRAGMA user_version: opening an older file
// upgrades it, a newer or foreign file is refused with a StoreError.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "annals/coder.h"
#include "annals/date.h"
#include "annals/diagnostics.h"
#include "annals/event.h"
#include "annals/story.h"

namespace annals {

class Parser;  // annals/parser.h

// The schema this build writes; files with a higher user_version are refused.
inline constexpr int kStoreSchemaVersion = 3;

// The store cannot be opened, is not an annals store, is of a newer schema, or SQLite
// failed (disk full, I/O error). The message names the file.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A fingerprint of everything a story is coded from (date, source, url, text, sentences
// with their tokens), as 16 hex digits; the file it was read from does not count.
std::string story_content_hash(const Story& story);

// A fingerprint of the coder configuration, as 16 hex digits: the contents of `files`
// (the dictionary files and the parser model; a missing file counts as missing) and
// `settings` (the coder's options as text). Stories are stored with the fingerprint they
// were coded under, and ingest recodes a stored story whose fingerprint differs, so that
// a dictionary or model change reaches the store. Reads every file once: compute it once
// per run. Changes to annals' own code are not part of it.
std::string coder_fingerprint(const std::vector<std::filesystem::path>& files, std::string_view settings);

// The coder settings that change events, as text for coder_fingerprint.
std::string coder_settings_text(const CoderOptions& options);

// What a story is stored as: the hash of its content and the coder it was coded under.
struct StoredVersion {
  std::string content_hash;
  std::string coder;  // coder_fingerprint; '' for stories of stores older than schema 3
  bool operator==(const StoredVersion&) const = default;
};

struct StoredStory {
  std::string id;
  std::string content_hash;
  std::string coder;  // see StoredVersion
  Date date;  // ymd 0 when the story had none
  std::string source;
  std::string url;
  std::string file;
  int sentences = 0;
};

// What a listing, series or top list counts.
enum class Counting {
  reports,    // every coded event: one per sentence that reports it
  one_a_day,  // Phoenix's filter: the first event of each (date, source, target, cameo)
  happenings  // one per happening found by EventStore::dedup (its first mention)
};

// Filters shared by the event listing, the series and the top lists. Empty fields match all.
struct EventQuery {
  // Actor codes: exact ("USAGOV"), or a prefix when they end in '*' ("USA*").
  std::string source;
  std::string target;
  // A CAMEO code matches itself and its descendants: "04" matches 040..046x.
  std::string code;
  std::optional<Date> from;  // inclusive
  std::optional<Date> to;    // inclusive
  size_t limit = 0;          // listings and top lists; 0: no limit
  // With happenings, source/target/code/dates filter on the happening's first mention.
  Counting counting = Counting::reports;
};

enum class Granularity { day, week, month, year };

// One period of a series: a day, a week (Monday to Sunday), a month or a year.
struct SeriesPoint {
  Date start;          // first day of the period
  std::string period;  // "2024-12-05", "2024-12-02" (the week's Monday), "2024-12", "2024"
  size_t events = 0;
  std::array<size_t, 4> quad_class{};  // events of quad class 1..4
  double goldstein_sum = 0;
  double goldstein_mean = 0;  // 0 for a period without events
};

struct TopEntry {
  std::string source;  // the actor, or the dyad's source
  std::string target;  // the dyad's target ("" when none); empty for actors
  size_t events = 0;
  size_t as_source = 0;  // actors only: events where the actor is the source
  size_t as_target = 0;  // actors only
};

// How EventStore::dedup groups events into happenings (see docs/store.md).
enum class CodeFamily { root, base };  // 2-digit root ("04") or 3-digit base code ("043")

struct DedupOptions {
  int window_days = 1;  // mentions at most this many days after a happening's first one join it
  CodeFamily family = CodeFamily::root;
  auto operator<=>(const DedupOptions&) const = default;
};

// A group of events reporting the same happening: same dyad, same code family, dates
// within the window (at most window_days after the first mention's). An undated event
// cannot be placed in time, so it is a happening of its own, with one mention.
struct Happening {
  int64_t id = 0;
  Date date;       // first mention's date (ymd 0 for an undated event's happening)
  Date date_last;  // latest mention's date (the same as date when undated)
  std::string source;
  std::string target;  // "" when the events have none
  std::string family;  // "04" or "043"
  size_t mentions = 0;  // events
  size_t sources = 0;   // distinct story sources (AFP, Reuters, ...)
  size_t stories = 0;   // distinct stories
  std::string url;      // the first mention's story URL
  Event first;          // the first mention in (date, story, sentence, order) order
};

struct DedupResult {
  size_t events = 0;
  size_t happenings = 0;
};

struct MonthlySeries {
  int year = 0;
  int month = 0;
  size_t events = 0;
  std::array<size_t, 4> quad_class{};  // events of quad class 1..4
  double goldstein_sum = 0;
  double goldstein_mean = 0;  // 0 for a month without events
};

class EventStore {
 public:
  enum class WriteResult { added, replaced, unchanged };

  // Opens the file, creating it when missing; throws StoreError (see above).
  explicit EventStore(const std::filesystem::path& file);
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  const std::filesystem::path& path() const;

  // The stored content hash of a story, if the story is stored.
  std::optional<std::string> stored_hash(const std::string& story_id) const;
  // Its content hash and coder fingerprint, if the story is stored.
  std::optional<StoredVersion> stored_version(const std::string& story_id) const;
  std::optional<StoredStory> story(const std::string& story_id) const;
  size_t story_count() const;
  size_t event_count() const;

  // Writes a story with its sentences and events in one transaction. A story already
  // stored with the same content hash and coder fingerprint is left as it is; otherwise
  // it is replaced whole.
  WriteResult write_story(const Story& story, const std::string& content_hash,
                          const std::vector<Event>& events, const std::string& coder = {});

  // Groups the write_story calls that follow into one transaction, until commit_batch():
  // a commit costs more than writing a small story. The batch's stories become visible
  // and durable together. A write_story that throws rolls the whole batch back, so the
  // store never holds part of a story. begin_batch does nothing while a batch is open,
  // commit_batch nothing while none is; a batch still open at destruction is rolled back.
  void begin_batch();
  void commit_batch();

  // Matching events in (date, story, sentence, order) order, with sentence id and text.
  void for_each_event(const EventQuery& query, const std::function<void(const Event&)>& visit) const;
  std::vector<Event> events(const EventQuery& query) const;
  // Counts per month from the first to the last month with a matching event (months
  // in between without events are listed with zeros).
  std::vector<MonthlySeries> monthly_series(const EventQuery& query) const;

  // Counts per period from the first to the last period with a matching event (periods
  // in between without events are listed with zeros).
  std::vector<SeriesPoint> series(const EventQuery& query, Granularity granularity) const;
  // The most frequent actors (as source or target) or dyads, most events first, ties by
  // code; query.limit entries at most (0: all).
  std::vector<TopEntry> top_actors(const EventQuery& query) const;
  std::vector<TopEntry> top_dyads(const EventQuery& query) const;
  // Number of matching events (or happenings, or one-a-day events).
  size_t count(const EventQuery& query) const;

  // Groups every stored event into happenings, replacing the previous grouping. The
  // result depends only on the stored events, never on the order they were written in.
  DedupResult dedup(const DedupOptions& options);
  // The options of the last dedup while it is current; nullopt when no dedup was run or
  // a story was written since. Counting::happenings needs a current dedup (StoreError).
  std::optional<DedupOptions> current_dedup() const;
  std::optional<DedupOptions> last_dedup() const;  // current or not
  // Happenings matching the query (on their first mention), in id order.
  void for_each_happening(const EventQuery& query, const std::function<void(const Happening&)>& visit) const;
  // Every event of a happening, in (date, story, sentence, order) order.
  std::vector<Event> mentions(int64_t happening_id) const;

  // Every stored row as text in a fixed order, independent of how and in what order it
  // was written: two stores with equal dumps hold the same data.
  std::string canonical_dump() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct IngestProgress {
  size_t files_read = 0;
  size_t stories_read = 0;
  // Added, replaced, sentences and events count committed batches only: a batch still
  // open, or rolled back by a failure, is not in them.
  size_t stories_added = 0;
  size_t stories_replaced = 0;
  size_t stories_unchanged = 0;  // already stored with the same content and coder: skipped
  size_t stories_refused = 0;    // raw text without a parse and no parser (reported to Diagnostics)
  size_t sentences_written = 0;
  size_t events_written = 0;
  uint64_t input_bytes_read = 0;   // bytes of the input files as stored (compressed)
  uint64_t input_bytes_total = 0;
  double seconds = 0;
  bool finished = false;

  double stories_per_second() const { return seconds > 0 ? stories_read / seconds : 0; }
  double sentences_per_second() const { return seconds > 0 ? sentences_written / seconds : 0; }
};

struct IngestOptions {
  unsigned threads = 1;  // coding threads (at least one)
  // Parses stories that come as raw text, in the coding threads; without it they are refused.
  std::shared_ptr<const Parser> parser;
  // Called on each tokenized sentence before it is parsed, from the coding threads, as
  // parse_story does (annals/pipeline.h): `annals ingest` marks the actor names the
  // dictionaries know there (mark_dictionary_words in annals/coder.h).
  std::function<void(Sentence&)> before_parse;
  // The coder_fingerprint of coder and parser, stored with every story written. A story
  // stored with the same content but another fingerprint is recoded ("replaced").
  std::string coder_fingerprint;
  // The date of stories that carry none (plain text); without it they are refused.
  std::optional<Date> default_date;
  // Called from the writer thread about every progress_interval, and once at the end
  // (from the calling thread) with finished set.
  std::function<void(const IngestProgress&)> progress;
  std::chrono::milliseconds progress_interval{250};
};

// The files ingest reads from paths: files as given, directories recursively in path
// order (files with a story extension, optionally .gz or .zst: .xml .jsonl .ndjson
// .json .conllu .conll .sgm; hidden files skipped; plain text only when named, since corpus
// folders hold READMEs). Missing paths are reported.
std::vector<std::filesystem::path> ingest_input_files(const std::vector<std::filesystem::path>& paths,
                                                      Diagnostics& diagnostics);

// Reads stories (PETRARCH XML, JSONL, CoNLL-U, Reuters-21578 SGML, plain text; gzip
// and zstd recognised from their magic bytes) in one thread, parses raw text (with
// options.parser) and codes them on options.threads threads and writes them in input
// order from one writer thread, so the store ends the same whatever the thread count.
// The writer commits a batch of stories at a time (at most 200, or what a quarter of a
// second brought), each story whole. Stories already stored with the same content and
// options.coder_fingerprint are skipped, so an interrupted ingest is resumed by running it
// again, and a story coded under other dictionaries or another model is recoded. Bad input is reported
// and skipped; a store failure stops the ingest and is thrown as StoreError.
IngestProgress ingest(EventStore& store, const std::vector<std::filesystem::path>& paths,
                      const Coder& coder, const IngestOptions& options, Diagnostics& diagnostics);

}  // namespace annals
