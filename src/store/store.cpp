#include <fmt/core.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <tuple>
#include <nlohmann/json.hpp>

#include "annals/event_time.h"
#include "annals/modality.h"
#include "annals/store.h"
#include "io/attribution_json.h"
#include "store/sqlite.h"
#include "text/utf8.h"

namespace annals {

namespace {

// PRAGMA application_id of annals stores ("ANNL"): tells our files from other SQLite files.
constexpr int64_t kApplicationId = 0x414E4E4C;

// migrations[v] brings a store from schema v to v + 1; a new schema appends a step and
// raises kStoreSchemaVersion, so older files are upgraded in place when opened.
constexpr const char* kMigrations[] = {
    // 0 -> 1: the first schema. Offsets are Unicode code points into the sentence
    // text, as in the JSONL contract; dates are YYYY-MM-DD (NULL when unknown).
    R"sql(
CREATE TABLE stories (
  id TEXT PRIMARY KEY NOT NULL,
  content_hash TEXT NOT NULL,
  date TEXT,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  file TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE sentences (
  story TEXT NOT NULL REFERENCES stories(id),
  idx INTEGER NOT NULL,
  sentence_id TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (story, idx)
) WITHOUT ROWID;
CREATE TABLE events (
  story TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  date TEXT,
  source_code TEXT NOT NULL,
  source_text TEXT NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  target_code TEXT,
  target_text TEXT,
  target_start INTEGER,
  target_end INTEGER,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  goldstein REAL NOT NULL,
  quad_class INTEGER NOT NULL,
  plover TEXT,
  verb_text TEXT NOT NULL,
  verb_start INTEGER NOT NULL,
  verb_end INTEGER NOT NULL,
  issues TEXT NOT NULL,
  UNIQUE (story, sentence, ordinal),
  FOREIGN KEY (story, sentence) REFERENCES sentences(story, idx)
);
CREATE INDEX events_by_dyad ON events(source_code, target_code, date);
CREATE INDEX events_by_target ON events(target_code, date);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX events_by_code ON events(cameo, date);
CREATE VIEW event_rows AS
  SELECT events.*, sentences.sentence_id, sentences.text
  FROM events JOIN sentences ON sentences.story = events.story AND sentences.idx = events.sentence;
)sql",
    // 1 -> 2: the event's time span, date precision, historical flag, modality and
    // attribution chain (JSON, offsets in code points); happenings from `annals dedup`.
    // Version-1 events were one-day events: their date_end is their date. The dyad index
    // covers the series' columns; dyad_counts, kept by triggers, answers unfiltered top
    // lists without reading every event.
    R"sql(
ALTER TABLE events ADD COLUMN date_end TEXT;
ALTER TABLE events ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'story';
ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN modality TEXT NOT NULL DEFAULT 'asserted';
ALTER TABLE events ADD COLUMN attribution TEXT NOT NULL DEFAULT '[]';
UPDATE events SET date_end = date;
DROP VIEW event_rows;
CREATE VIEW event_rows AS
  SELECT events.*, sentences.sentence_id, sentences.text
  FROM events JOIN sentences ON sentences.story = events.story AND sentences.idx = events.sentence;
CREATE TABLE happenings (
  id INTEGER PRIMARY KEY,
  date TEXT,
  date_last TEXT,
  source_code TEXT NOT NULL,
  target_code TEXT,
  family TEXT NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  goldstein REAL NOT NULL,
  quad_class INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  stories INTEGER NOT NULL,
  first_story TEXT NOT NULL,
  first_sentence INTEGER NOT NULL,
  first_ordinal INTEGER NOT NULL
);
CREATE INDEX happenings_by_dyad ON happenings(source_code, target_code, date);
CREATE INDEX happenings_by_date ON happenings(date);
CREATE TABLE mentions (
  happening INTEGER NOT NULL,
  story TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  PRIMARY KEY (happening, story, sentence, ordinal)
) WITHOUT ROWID;
CREATE TABLE dedup_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  window_days INTEGER NOT NULL,
  family TEXT NOT NULL,
  current INTEGER NOT NULL
);
DROP INDEX events_by_dyad;
CREATE INDEX events_by_dyad ON events(source_code, target_code, date, quad_class, goldstein);
CREATE TABLE dyad_counts (
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (source_code, target_code)
) WITHOUT ROWID;
INSERT INTO dyad_counts SELECT source_code, coalesce(target_code, ''), count(*) FROM events GROUP BY 1, 2;
CREATE TRIGGER events_count_insert AFTER INSERT ON events BEGIN
  INSERT INTO dyad_counts VALUES (new.source_code, coalesce(new.target_code, ''), 1)
    ON CONFLICT DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER events_count_delete AFTER DELETE ON events BEGIN
  UPDATE dyad_counts SET events = events - 1
    WHERE source_code = old.source_code AND target_code = coalesce(old.target_code, '');
  DELETE FROM dyad_counts
    WHERE source_code = old.source_code AND target_code = coalesce(old.target_code, '') AND events = 0;
END;
)sql",
    // 2 -> 3: the fingerprint of the coder configuration (dictionaries, parser model,
    // options) each story was coded under, so that ingest recodes a story when it
    // changed. Stories of older files were coded under an unknown one (''): the next
    // ingest recodes them. The attribution chain takes the layout of the JSONL output
    // (io/attribution_json.h): {"relation", "source": {code, text, start, end}}, with
    // null for an unknown code and for a source the text does not name.
    R"sql(
ALTER TABLE stories ADD COLUMN coder TEXT NOT NULL DEFAULT '';
UPDATE events SET attribution = (
  SELECT json_group_array(json_object(
    'relation', json_extract(link.value, '$.relation'),
    'source', json_object(
      'code', nullif(json_extract(link.value, '$.code'), ''),
      'text', nullif(json_extract(link.value, '$.text'), ''),
      'start', CASE WHEN json_extract(link.value, '$.text') = '' THEN NULL ELSE json_extract(link.value, '$.start') END,
      'end', CASE WHEN json_extract(link.value, '$.text') = '' THEN NULL ELSE json_extract(link.value, '$.end') END)))
  FROM json_each(events.attribution) AS link)
WHERE attribution <> '[]';
)sql",
};
static_assert(std::size(kMigrations) == kStoreSchemaVersion);

// The byte offset of the code point `codepoints` code points into text (inverse of
// codepoint_offset, with the same one-per-byte rule for ill-formed bytes).
uint32_t byte_offset(std::string_view text, int64_t codepoints) {
  size_t pos = 0;
  for (int64_t i = 0; i < codepoints && pos < text.size(); ++i) decode_utf8(text, pos);
  return static_cast<uint32_t>(pos);
}

// SQLite would only notice a foreign file at the first query, with a vaguer message.
bool is_empty_or_sqlite(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return true;  // missing: it will be created
  constexpr std::string_view kMagic("SQLite format 3\0", 16);
  char header[16];
  const auto read = in.read(header, sizeof header).gcount();
  return read == 0 || std::string_view(header, static_cast<size_t>(read)) == kMagic;
}

std::optional<std::string> iso_or_null(Date date) {
  if (date.ymd == 0) return std::nullopt;
  return date.iso();
}

// FNV-1a, 64 bits: stable across runs and platforms, which std::hash is not.
class ContentHasher {
 public:
  void add(std::string_view bytes) {
    add_number(bytes.size());  // length first, so field boundaries count
    for (unsigned char c : bytes) mix(c);
  }
  void add_number(uint64_t value) {
    for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(value >> (8 * i)));
  }
  // Bulk bytes (whole files), eight at a time: FNV's byte loop would take a noticeable
  // part of a second on a parser model. The rotation carries high bits down, so that
  // changes in two words cannot cancel out. Fewer than eight bytes remaining go byte-wise.
  void add_words(std::string_view bytes) {
    size_t pos = 0;
    for (; pos + 8 <= bytes.size(); pos += 8) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + pos, 8);
      state_ ^= word * 0x9E3779B97F4A7C15ULL;
      state_ = std::rotl(state_, 31) * 0x100000001b3ULL;
    }
    for (; pos < bytes.size(); ++pos) mix(static_cast<unsigned char>(bytes[pos]));
  }
  std::string hex() const { return fmt::format("{:016x}", state_); }

 private:
  void mix(unsigned char c) {
    state_ ^= c;
    state_ *= 0x100000001b3ULL;
  }
  uint64_t state_ = 0xcbf29ce484222325ULL;
};

std::string upper_bound_of_prefix(std::string prefix) {
  // Codes are ASCII, so bumping the last byte gives the first string past the prefix.
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// The WHERE clause of a query and the values to bind to it, in order.
struct Filter {
  std::string sql;
  std::vector<std::string> values;

  void add(std::string_view condition, std::string value) {
    sql += sql.empty() ? " WHERE " : " AND ";
    sql += condition;
    values.push_back(std::move(value));
  }
  // Exact code, or every code in [prefix, next prefix) when the pattern ends in '*'.
  void add_code(std::string_view column, const std::string& pattern, bool hierarchical) {
    if (pattern.empty()) return;
    const bool prefix = hierarchical || pattern.back() == '*';
    std::string stem = pattern.back() == '*' ? pattern.substr(0, pattern.size() - 1) : pattern;
    if (!prefix) {
      add(fmt::format("{} = ?", column), stem);
      return;
    }
    if (stem.empty()) return;
    add(fmt::format("{} >= ?", column), stem);
    add(fmt::format("{} < ?", column), upper_bound_of_prefix(stem));
  }
  // Binds the values to parameters first, first + 1, ...; returns the next parameter.
  int bind(sqlite::Statement& statement, int first = 1) const {
    for (const std::string& value : values) statement.bind(first++, value);
    return first;
  }
};

Filter filter_of(const EventQuery& query, std::string_view table) {
  Filter filter;
  filter.add_code(fmt::format("{}.source_code", table), query.source, false);
  // A source prefix (PRK*) is a range on the dyad index, whose entries hold the target
  // too: the unary + keeps the planner from switching to the target index, which would
  // read a table row per event of the target.
  const bool source_range = !query.source.empty() && query.source.back() == '*';
  filter.add_code(fmt::format("{}{}.target_code", source_range ? "+" : "", table), query.target, false);
  filter.add_code(fmt::format("{}.cameo", table), query.code, true);
  if (query.from) filter.add(fmt::format("{}.date >= ?", table), query.from->iso());
  if (query.to) filter.add(fmt::format("{}.date <= ?", table), query.to->iso());
  return filter;
}

constexpr const char* kEventColumns =
    "e.story, e.sentence, e.date, e.source_code, e.source_text, e.source_start, e.source_end, "
    "e.target_code, e.target_text, e.target_start, e.target_end, e.cameo, e.root, e.goldstein, "
    "e.quad_class, e.plover, e.verb_text, e.verb_start, e.verb_end, e.issues, s.sentence_id, s.text, "
    "e.date_end, e.date_precision, e.historical, e.modality, e.attribution";

// Stored as their names (to_string in event_time.h and modality.h), so that the
// enumerators' order is free to change.
constexpr std::array kPrecisions = {DatePrecision::day,  DatePrecision::week,  DatePrecision::month,
                                    DatePrecision::year, DatePrecision::range, DatePrecision::story};
constexpr std::array kModalities = {Modality::asserted, Modality::negated, Modality::hypothetical,
                                    Modality::future};

// The value named `name`; `fallback` for a name this build does not know.
template <typename Enum, size_t N>
Enum enum_of_name(const std::array<Enum, N>& values, std::string_view name, Enum fallback) {
  for (Enum value : values)
    if (to_string(value) == name) return value;
  return fallback;
}

// The event whose kEventColumns start at column `first` of the row.
Event event_of_row(const sqlite::Statement& row, int first = 0) {
  auto text = [&](int column) { return row.text(first + column); };
  auto integer = [&](int column) { return row.integer(first + column); };
  Event event;
  event.story_id = text(0);
  event.sentence = static_cast<int>(integer(1));
  event.date = parse_date(text(2)).value_or(Date{});
  event.sentence_id = text(20);
  event.text = text(21);
  auto span = [&](int start, int end) {
    return Span{byte_offset(event.text, integer(start)), byte_offset(event.text, integer(end))};
  };
  event.source = {text(3), text(4), span(5, 6)};
  if (!row.is_null(first + 7)) event.target = EventActor{text(7), text(8), span(9, 10)};
  event.cameo = text(11);
  event.root = text(12);
  event.goldstein = row.real(first + 13);
  event.quad_class = static_cast<int>(integer(14));
  event.plover = text(15);
  event.verb.text = text(16);
  event.verb.span = span(17, 18);
  event.issues = nlohmann::json::parse(text(19)).get<std::vector<std::string>>();
  event.date_end = parse_date(text(22)).value_or(Date{});
  event.date_precision = enum_of_name(kPrecisions, text(23), DatePrecision::story);
  event.historical = integer(24) != 0;
  event.modality = enum_of_name(kModalities, text(25), Modality::asserted);
  // Written by io::attribution_json: null for an unknown code or an unnamed source.
  auto string_or_empty = [](const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : std::string();
  };
  auto offset_or_zero = [&](const nlohmann::json& value) {
    return value.is_number() ? byte_offset(event.text, value.get<int64_t>()) : 0;
  };
  for (const nlohmann::json& link : nlohmann::json::parse(text(26))) {
    const nlohmann::json& source = link.at("source");
    event.attribution.push_back(
        {link.at("relation").get<std::string>(),
         EventActor{string_or_empty(source.at("code")), string_or_empty(source.at("text")),
                    Span{offset_or_zero(source.at("start")), offset_or_zero(source.at("end"))}},
         link.value("sentence", -1)});
  }
  return event;
}


// The SQL expression of the period a `date` column falls in, as its label.
const char* period_sql(Granularity granularity) {
  switch (granularity) {
    case Granularity::day:
      return "date";
    case Granularity::week:  // the Monday on or before the date
      return "date(date, '-6 days', 'weekday 1')";
    case Granularity::month:
      return "substr(date, 1, 7)";
    case Granularity::year:
      return "substr(date, 1, 4)";
  }
  return "date";
}

std::string period_label(Date start, Granularity granularity) {
  switch (granularity) {
    case Granularity::month:
      return fmt::format("{:04d}-{:02d}", start.year(), start.month());
    case Granularity::year:
      return fmt::format("{:04d}", start.year());
    default:
      return start.iso();
  }
}

Date period_start_of_label(const std::string& label) {
  if (label.size() == 4) return parse_date(label + "-01-01").value_or(Date{});
  if (label.size() == 7) return parse_date(label + "-01").value_or(Date{});
  return parse_date(label).value_or(Date{});
}

Date next_period(Date start, Granularity granularity) {
  switch (granularity) {
    case Granularity::day:
      return date_from_days(days_since_epoch(start) + 1);
    case Granularity::week:
      return date_from_days(days_since_epoch(start) + 7);
    case Granularity::month:
      return start.month() == 12 ? Date{(start.year() + 1) * 10000 + 101} : Date{start.ymd + 100};
    case Granularity::year:
      return Date{start.ymd + 10000};
  }
  return start;
}

const char* family_name(CodeFamily family) { return family == CodeFamily::root ? "root" : "base"; }

}  // namespace

std::string story_content_hash(const Story& story) {
  ContentHasher hasher;
  hasher.add_number(static_cast<uint64_t>(story.date.ymd));
  hasher.add(story.source);
  hasher.add(story.url);
  hasher.add(story.text);
  hasher.add_number(story.sentences.size());
  for (const Sentence& sentence : story.sentences) {
    hasher.add(sentence.id);
    hasher.add(sentence.text);
    hasher.add_number(sentence.tokens.size());
    for (const Token& token : sentence.tokens) {
      hasher.add(token.form);
      hasher.add(token.lemma);
      hasher.add(token.upos);
      hasher.add(token.xpos);
      hasher.add_number(static_cast<uint64_t>(static_cast<int64_t>(token.head)));
      hasher.add(token.deprel);
      hasher.add_number(token.start);
      hasher.add_number(token.end);
    }
  }
  return hasher.hex();
}

std::string coder_fingerprint(const std::vector<std::filesystem::path>& files, std::string_view settings) {
  ContentHasher hasher;
  hasher.add(settings);
  std::vector<char> buffer(1 << 16);
  for (const std::filesystem::path& file : files) {
    // Content alone, in the order given: a file renamed or moved is the same file.
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      hasher.add("missing");
      continue;
    }
    uint64_t size = 0;
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
      const auto read = static_cast<size_t>(in.gcount());
      hasher.add_words(std::string_view(buffer.data(), read));
      size += read;
    }
    hasher.add_number(size);
  }
  return hasher.hex();
}

std::string coder_settings_text(const CoderOptions& options) {
  const std::optional<bool>& dyad = options.require_dyad;
  return fmt::format("require_dyad={} comma={},{} comma_b={},{} comma_e={},{} new_actor_length={}",
                     dyad ? (*dyad ? "yes" : "no") : "dialect", options.comma_min, options.comma_max,
                     options.comma_bmin, options.comma_bmax, options.comma_emin, options.comma_emax,
                     options.new_actor_length);
}

struct EventStore::Impl {
  std::filesystem::path path;
  sqlite::Database db;
  sqlite::Statement select_version;
  sqlite::Statement delete_events;
  sqlite::Statement delete_sentences;
  sqlite::Statement delete_story;
  sqlite::Statement insert_story;
  sqlite::Statement insert_sentence;
  sqlite::Statement insert_event;
  sqlite::Statement mark_dedup_stale;
  // Last, so that an uncommitted batch is rolled back before the statements go.
  std::optional<sqlite::Transaction> batch;

  explicit Impl(const std::filesystem::path& file)
      : path(file),
        db(open(file)),
        select_version(db, "SELECT content_hash, coder FROM stories WHERE id = ?"),
        delete_events(db, "DELETE FROM events WHERE story = ?"),
        delete_sentences(db, "DELETE FROM sentences WHERE story = ?"),
        delete_story(db, "DELETE FROM stories WHERE id = ?"),
        insert_story(db,
                     "INSERT INTO stories (id, content_hash, date, source, url, file, coder) VALUES (?,?,?,?,?,?,?)"),
        insert_sentence(db, "INSERT INTO sentences (story, idx, sentence_id, text) VALUES (?,?,?,?)"),
        insert_event(db,
                     "INSERT INTO events (story, sentence, ordinal, date, source_code, source_text, "
                     "source_start, source_end, target_code, target_text, target_start, target_end, cameo, "
                     "root, goldstein, quad_class, plover, verb_text, verb_start, verb_end, issues, date_end, "
                     "date_precision, historical, modality, attribution) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        mark_dedup_stale(db, "UPDATE dedup_state SET current = 0 WHERE current = 1") {}

  // Opens the file and brings its schema to kStoreSchemaVersion (or refuses it) before
  // any statement is prepared against it.
  static sqlite::Database open(const std::filesystem::path& file) {
    if (!is_empty_or_sqlite(file))
      throw StoreError(fmt::format("{}: not an annals event store (not an SQLite database)", file.string()));
    sqlite::Database db(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    const int64_t objects = db.integer("SELECT count(*) FROM sqlite_schema");
    const int64_t application_id = db.integer("PRAGMA application_id");
    if (objects > 0 && application_id != kApplicationId)
      throw StoreError(
          fmt::format("{}: not an annals event store (an SQLite database of another program)", file.string()));
    check_version(db, file);
    db.use_write_ahead_log();
    // With WAL, NORMAL keeps every commit atomic and survives a killed process; only a
    // power loss may drop the last commits (never half of one).
    db.execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
    migrate(db, file);
    return db;
  }

  static void check_version(sqlite::Database& db, const std::filesystem::path& file) {
    const int64_t version = db.integer("PRAGMA user_version");
    if (version > kStoreSchemaVersion)
      throw StoreError(fmt::format(
          "{}: the event store has schema version {}, newer than this annals reads ({}); use a newer annals",
          file.string(), version, kStoreSchemaVersion));
  }

  static void migrate(sqlite::Database& db, const std::filesystem::path& file) {
    if (db.integer("PRAGMA user_version") == kStoreSchemaVersion) return;
    sqlite::Transaction transaction(db);
    // Read again under the write lock: another process may have migrated meanwhile.
    check_version(db, file);
    for (int64_t version = db.integer("PRAGMA user_version"); version < kStoreSchemaVersion; ++version)
      db.execute(kMigrations[version]);
    db.execute(fmt::format("PRAGMA user_version = {}; PRAGMA application_id = {}", kStoreSchemaVersion,
                           kApplicationId)
                   .c_str());
    transaction.commit();
  }

  std::optional<DedupOptions> dedup_state(bool current_only) {
    sqlite::Statement select(db, "SELECT window_days, family, current FROM dedup_state WHERE id = 1");
    if (!select.step()) return std::nullopt;
    DedupOptions options{static_cast<int>(select.integer(0)),
                         select.text(1) == "base" ? CodeFamily::base : CodeFamily::root};
    const bool current = select.integer(2) != 0;
    select.reset();
    if (current_only && !current) return std::nullopt;
    return options;
  }

  void require_current_dedup(const EventQuery& query) {
    if (query.counting != Counting::happenings || dedup_state(true)) return;
    throw StoreError(fmt::format(
        "{}: the happenings are missing or out of date (stories were written since): run `annals dedup`",
        path.string()));
  }

  std::optional<StoredVersion> version_of(const std::string& story_id) {
    select_version.bind(1, story_id);
    std::optional<StoredVersion> version;
    if (select_version.step()) version = StoredVersion{select_version.text(0), select_version.text(1)};
    select_version.reset();
    return version;
  }
};

EventStore::EventStore(const std::filesystem::path& file) : impl_(std::make_unique<Impl>(file)) {}

EventStore::~EventStore() = default;

const std::filesystem::path& EventStore::path() const { return impl_->path; }

std::optional<std::string> EventStore::stored_hash(const std::string& story_id) const {
  std::optional<StoredVersion> version = impl_->version_of(story_id);
  if (!version) return std::nullopt;
  return std::move(version->content_hash);
}

std::optional<StoredVersion> EventStore::stored_version(const std::string& story_id) const {
  return impl_->version_of(story_id);
}

std::optional<StoredStory> EventStore::story(const std::string& story_id) const {
  sqlite::Statement select(impl_->db,
                           "SELECT id, content_hash, coder, date, source, url, file, "
                           "(SELECT count(*) FROM sentences WHERE story = stories.id) FROM stories WHERE id = ?");
  select.bind(1, story_id);
  if (!select.step()) return std::nullopt;
  StoredStory stored{select.text(0),
                     select.text(1),
                     select.text(2),
                     parse_date(select.text(3)).value_or(Date{}),
                     select.text(4),
                     select.text(5),
                     select.text(6),
                     static_cast<int>(select.integer(7))};
  select.reset();
  return stored;
}

size_t EventStore::story_count() const {
  return static_cast<size_t>(impl_->db.integer("SELECT count(*) FROM stories"));
}

size_t EventStore::event_count() const {
  return static_cast<size_t>(impl_->db.integer("SELECT count(*) FROM events"));
}

EventStore::WriteResult EventStore::write_story(const Story& story, const std::string& content_hash,
                                                const std::vector<Event>& events, const std::string& coder) {
  Impl& s = *impl_;
  std::optional<sqlite::Transaction> transaction;
  if (!s.batch) transaction.emplace(s.db);
  // A failed write inside a batch abandons the batch: half a story is never committed.
  struct RollBackBatchOnThrow {
    std::optional<sqlite::Transaction>& batch;
    const int exceptions = std::uncaught_exceptions();
    ~RollBackBatchOnThrow() {
      if (std::uncaught_exceptions() > exceptions) batch.reset();
    }
  } roll_back_batch_on_throw{s.batch};
  const std::optional<StoredVersion> stored = s.version_of(story.id);
  if (stored && stored->content_hash == content_hash && stored->coder == coder) return WriteResult::unchanged;
  if (stored) {
    s.delete_events.bind(1, story.id).run();
    s.delete_sentences.bind(1, story.id).run();
    s.delete_story.bind(1, story.id).run();
  }
  const std::optional<std::string> date = iso_or_null(story.date);
  s.insert_story.bind(1, story.id)
      .bind(2, content_hash)
      .bind_optional(3, date ? std::optional<std::string_view>(*date) : std::nullopt)
      .bind(4, story.source)
      .bind(5, story.url)
      .bind(6, story.file)
      .bind(7, coder)
      .run();
  for (size_t i = 0; i < story.sentences.size(); ++i) {
    const Sentence& sentence = story.sentences[i];
    s.insert_sentence.bind(1, story.id)
        .bind(2, static_cast<int64_t>(i))
        .bind(3, sentence.id)
        .bind(4, sentence.text)
        .run();
  }
  int previous_sentence = -1;
  int64_t ordinal = 0;
  for (const Event& event : events) {
    ordinal = event.sentence == previous_sentence ? ordinal + 1 : 0;
    previous_sentence = event.sentence;
    const std::string_view text = event.text;
    auto offset = [&](uint32_t byte) { return static_cast<int64_t>(codepoint_offset(text, byte)); };
    const std::optional<std::string> event_date = iso_or_null(event.date);
    sqlite::Statement& insert = s.insert_event;
    insert.bind(1, event.story_id)
        .bind(2, static_cast<int64_t>(event.sentence))
        .bind(3, ordinal)
        .bind_optional(4, event_date ? std::optional<std::string_view>(*event_date) : std::nullopt)
        .bind(5, event.source.code)
        .bind(6, event.source.text)
        .bind(7, offset(event.source.span.start))
        .bind(8, offset(event.source.span.end));
    if (event.target) {
      insert.bind(9, event.target->code)
          .bind(10, event.target->text)
          .bind(11, offset(event.target->span.start))
          .bind(12, offset(event.target->span.end));
    } else {
      insert.bind_null(9).bind_null(10).bind_null(11).bind_null(12);
    }
    insert.bind(13, event.cameo)
        .bind(14, event.root)
        .bind(15, event.goldstein)
        .bind(16, static_cast<int64_t>(event.quad_class))
        .bind_optional(17, event.plover.empty() ? std::nullopt : std::optional<std::string_view>(event.plover))
        .bind(18, event.verb.text)
        .bind(19, offset(event.verb.span.start))
        .bind(20, offset(event.verb.span.end))
        .bind(21, nlohmann::json(event.issues).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    const std::optional<std::string> date_end = iso_or_null(event.date_end);
    insert.bind_optional(22, date_end ? std::optional<std::string_view>(*date_end) : std::nullopt)
        .bind(23, to_string(event.date_precision))
        .bind(24, static_cast<int64_t>(event.historical))
        .bind(25, to_string(event.modality))
        .bind(26, io::attribution_json(event).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        .run();
  }
  // The happenings no longer cover every event: queries on them need a new dedup.
  s.mark_dedup_stale.run();
  if (transaction) transaction->commit();
  return stored ? WriteResult::replaced : WriteResult::added;
}

void EventStore::begin_batch() {
  if (!impl_->batch) impl_->batch.emplace(impl_->db);
}

void EventStore::commit_batch() {
  std::optional<sqlite::Transaction>& batch = impl_->batch;
  if (!batch) return;
  try {
    batch->commit();
  } catch (...) {
    batch.reset();
    throw;
  }
  batch.reset();
}

namespace {

// The rows a query counts, as a FROM clause aliased `e` (with the columns of events, or
// of happenings for Counting::happenings) already restricted by the query's filter.
struct Rows {
  std::string from;
  Filter filter;
};

Rows rows_of(const EventQuery& query, std::string_view extra_condition = {}) {
  Rows rows;
  rows.filter = filter_of(query, "e");
  if (!extra_condition.empty()) {
    rows.filter.sql += rows.filter.sql.empty() ? " WHERE " : " AND ";
    rows.filter.sql += extra_condition;
  }
  switch (query.counting) {
    case Counting::reports:
      rows.from = "events e" + rows.filter.sql;
      break;
    case Counting::one_a_day:
      // Every filter is on the (date, source, target, cameo) key itself, so filtering
      // before keeping each key's first event gives the same rows as after.
      rows.from = fmt::format(
          "(SELECT * FROM (SELECT e.*, row_number() OVER (PARTITION BY e.date, e.source_code, e.target_code, "
          "e.cameo ORDER BY e.story, e.sentence, e.ordinal) AS nth FROM events e{}) WHERE nth = 1) e",
          rows.filter.sql);
      break;
    case Counting::happenings:
      rows.from = "happenings e" + rows.filter.sql;
      break;
  }
  return rows;
}

std::string limit_sql(size_t limit) { return limit > 0 ? fmt::format(" LIMIT {}", limit) : std::string(); }

}  // namespace

void EventStore::for_each_event(const EventQuery& query, const std::function<void(const Event&)>& visit) const {
  if (query.counting == Counting::happenings) {
    for_each_happening(query, [&](const Happening& happening) { visit(happening.first); });
    return;
  }
  const Rows rows = rows_of(query);
  sqlite::Statement select(
      impl_->db, fmt::format("SELECT {} FROM {} JOIN sentences s ON s.story = e.story AND s.idx = e.sentence{} "
                             "ORDER BY e.date, e.story, e.sentence, e.ordinal{}",
                             kEventColumns, query.counting == Counting::reports ? "events e" : rows.from,
                             query.counting == Counting::reports ? rows.filter.sql : "", limit_sql(query.limit)));
  rows.filter.bind(select);
  while (select.step()) visit(event_of_row(select));
}

std::vector<Event> EventStore::events(const EventQuery& query) const {
  std::vector<Event> events;
  for_each_event(query, [&](const Event& event) { events.push_back(event); });
  return events;
}

std::vector<SeriesPoint> EventStore::series(const EventQuery& query, Granularity granularity) const {
  impl_->require_current_dedup(query);
  const Rows rows = rows_of(query, "e.date IS NOT NULL");
  const std::string sql = fmt::format(
      "SELECT {} AS period, count(*), sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), "
      "sum(quad_class = 4), sum(goldstein) FROM {} GROUP BY period ORDER BY period",
      period_sql(granularity), rows.from);
  sqlite::Statement select(impl_->db, sql);
  rows.filter.bind(select);
  std::vector<SeriesPoint> series;
  while (select.step()) {
    SeriesPoint point;
    point.start = period_start_of_label(select.text(0));
    // Periods without events between two listed ones get zero rows: a series has no holes.
    while (!series.empty()) {
      const Date gap = next_period(series.back().start, granularity);
      if (gap >= point.start) break;
      series.push_back({gap, period_label(gap, granularity)});
    }
    point.period = period_label(point.start, granularity);
    point.events = static_cast<size_t>(select.integer(1));
    for (int q = 0; q < 4; ++q) point.quad_class[q] = static_cast<size_t>(select.integer(2 + q));
    point.goldstein_sum = select.real(6);
    point.goldstein_mean = point.events ? point.goldstein_sum / static_cast<double>(point.events) : 0;
    series.push_back(point);
  }
  return series;
}

std::vector<MonthlySeries> EventStore::monthly_series(const EventQuery& query) const {
  std::vector<MonthlySeries> months;
  for (const SeriesPoint& point : series(query, Granularity::month)) {
    months.push_back({point.start.year(), point.start.month(), point.events, point.quad_class, point.goldstein_sum,
                      point.goldstein_mean});
  }
  return months;
}

namespace {

// Top lists that count every report and filter on actors only are read from the
// per-dyad counts instead of the events (a scan of every event otherwise).
Rows top_rows_of(const EventQuery& query) {
  if (query.counting != Counting::reports || !query.code.empty() || query.from || query.to) return rows_of(query);
  Rows rows;
  rows.filter = filter_of(query, "d");
  rows.from = "(SELECT d.source_code, nullif(d.target_code, '') AS target_code, d.events AS n FROM dyad_counts d" +
              rows.filter.sql + ") e";
  return rows;
}

}  // namespace

std::vector<TopEntry> EventStore::top_dyads(const EventQuery& query) const {
  impl_->require_current_dedup(query);
  const Rows rows = top_rows_of(query);
  const bool counted = rows.from.find("dyad_counts") != std::string::npos;
  sqlite::Statement select(
      impl_->db, fmt::format("SELECT e.source_code, e.target_code, {} AS n FROM {} {}ORDER BY n DESC, 1, 2{}",
                             counted ? "e.n" : "count(*)", rows.from, counted ? "" : "GROUP BY 1, 2 ",
                             limit_sql(query.limit)));
  rows.filter.bind(select);
  std::vector<TopEntry> top;
  while (select.step()) top.push_back({select.text(0), select.text(1), static_cast<size_t>(select.integer(2))});
  return top;
}

std::vector<TopEntry> EventStore::top_actors(const EventQuery& query) const {
  impl_->require_current_dedup(query);
  const Rows rows = top_rows_of(query);
  const char* count = rows.from.find("dyad_counts") != std::string::npos ? "sum(e.n)" : "count(*)";
  sqlite::Statement select(
      impl_->db, fmt::format("SELECT code, sum(as_source), sum(as_target), sum(as_source) + sum(as_target) AS n "
                             "FROM (SELECT e.source_code AS code, {} AS as_source, 0 AS as_target FROM {} "
                             "GROUP BY 1 UNION ALL SELECT e.target_code, 0, {} FROM {} GROUP BY 1) "
                             "WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code{}",
                             count, rows.from, count, rows.from, limit_sql(query.limit)));
  rows.filter.bind(select, rows.filter.bind(select));
  std::vector<TopEntry> top;
  while (select.step()) {
    TopEntry entry;
    entry.source = select.text(0);
    entry.as_source = static_cast<size_t>(select.integer(1));
    entry.as_target = static_cast<size_t>(select.integer(2));
    entry.events = static_cast<size_t>(select.integer(3));
    top.push_back(entry);
  }
  return top;
}

size_t EventStore::count(const EventQuery& query) const {
  impl_->require_current_dedup(query);
  const Rows rows = rows_of(query);
  sqlite::Statement select(impl_->db, fmt::format("SELECT count(*) FROM {}", rows.from));
  rows.filter.bind(select);
  select.step();
  const auto n = static_cast<size_t>(select.integer(0));
  select.reset();
  return n;
}

namespace {

// A happening being gathered by dedup: its mentions arrive in (date, story, sentence,
// order) order, so the first one added is its first mention.
struct OpenHappening {
  int64_t anchor_days = 0;
  bool dated = false;
  std::string family;
  std::string date, date_last;
  std::string cameo, root;
  double goldstein = 0;
  int64_t quad_class = 0;
  struct Mention {
    std::string story;
    int64_t sentence, ordinal;
  };
  std::vector<Mention> mentions;
  std::vector<std::string> stories, sources;
};

}  // namespace

DedupResult EventStore::dedup(const DedupOptions& options) {
  sqlite::Database& db = impl_->db;
  sqlite::Transaction transaction(db);
  db.execute("DELETE FROM mentions; DELETE FROM happenings");
  const int family_length = options.family == CodeFamily::root ? 2 : 3;
  sqlite::Statement select(
      db, fmt::format("SELECT e.source_code, e.target_code, e.date, e.story, e.sentence, e.ordinal, "
                      "substr(e.cameo, 1, {}), e.cameo, e.root, e.goldstein, e.quad_class, st.source "
                      "FROM events e JOIN stories st ON st.id = e.story "
                      "ORDER BY e.source_code, e.target_code, e.date, e.story, e.sentence, e.ordinal",
                      family_length));
  sqlite::Statement insert_happening(
      db, "INSERT INTO happenings (id, date, date_last, source_code, target_code, family, cameo, root, goldstein, "
          "quad_class, mentions, sources, stories, first_story, first_sentence, first_ordinal) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  sqlite::Statement insert_mention(db, "INSERT INTO mentions (happening, story, sentence, ordinal) VALUES (?,?,?,?)");

  DedupResult result;
  std::string dyad_source;
  std::optional<std::string> dyad_target;
  bool in_dyad = false;
  std::vector<OpenHappening> open;    // at most one per family: the latest of the dyad
  std::vector<OpenHappening> closed;  // the dyad's finished happenings

  auto unique_count = [](std::vector<std::string>& values) {
    std::sort(values.begin(), values.end());
    return static_cast<int64_t>(std::unique(values.begin(), values.end()) - values.begin());
  };
  // Numbers the dyad's happenings by (date, family, first mention) and writes them.
  auto finish_dyad = [&] {
    for (OpenHappening& happening : open) closed.push_back(std::move(happening));
    open.clear();
    std::sort(closed.begin(), closed.end(), [](const OpenHappening& a, const OpenHappening& b) {
      const auto& fa = a.mentions.front();
      const auto& fb = b.mentions.front();
      return std::tie(a.date, a.family, fa.story, fa.sentence, fa.ordinal) <
             std::tie(b.date, b.family, fb.story, fb.sentence, fb.ordinal);
    });
    for (OpenHappening& happening : closed) {
      const auto id = static_cast<int64_t>(++result.happenings);
      const auto& first = happening.mentions.front();
      auto optional_text = [](const std::string& text) {
        return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
      };
      insert_happening.bind(1, id)
          .bind_optional(2, optional_text(happening.date))
          .bind_optional(3, optional_text(happening.date_last))
          .bind(4, dyad_source)
          .bind_optional(5, dyad_target ? std::optional<std::string_view>(*dyad_target) : std::nullopt)
          .bind(6, happening.family)
          .bind(7, happening.cameo)
          .bind(8, happening.root)
          .bind(9, happening.goldstein)
          .bind(10, happening.quad_class)
          .bind(11, static_cast<int64_t>(happening.mentions.size()))
          .bind(12, unique_count(happening.sources))
          .bind(13, unique_count(happening.stories))
          .bind(14, first.story)
          .bind(15, first.sentence)
          .bind(16, first.ordinal)
          .run();
      for (const auto& mention : happening.mentions)
        insert_mention.bind(1, id).bind(2, mention.story).bind(3, mention.sentence).bind(4, mention.ordinal).run();
    }
    closed.clear();
  };

  while (select.step()) {
    ++result.events;
    std::string source = select.text(0);
    std::optional<std::string> target;
    if (!select.is_null(1)) target = select.text(1);
    if (!in_dyad || source != dyad_source || target != dyad_target) {
      if (in_dyad) finish_dyad();
      dyad_source = std::move(source);
      dyad_target = std::move(target);
      in_dyad = true;
    }
    const std::string date = select.text(2);
    const std::optional<Date> day = parse_date(date);
    const std::string family = select.text(6);
    auto current = std::find_if(open.begin(), open.end(), [&](const OpenHappening& h) { return h.family == family; });
    // Undated events cannot be matched in time: each is a happening of its own.
    const bool joins = current != open.end() && day && current->dated &&
                       days_since_epoch(*day) - current->anchor_days <= options.window_days;
    if (!joins) {
      if (current != open.end()) {
        closed.push_back(std::move(*current));
        open.erase(current);
      }
      OpenHappening happening;
      happening.dated = day.has_value();
      happening.anchor_days = day ? days_since_epoch(*day) : 0;
      happening.family = family;
      happening.date = date;
      happening.cameo = select.text(7);
      happening.root = select.text(8);
      happening.goldstein = select.real(9);
      happening.quad_class = select.integer(10);
      open.push_back(std::move(happening));
      current = open.end() - 1;
    }
    current->date_last = date;
    current->mentions.push_back({select.text(3), select.integer(4), select.integer(5)});
    current->stories.push_back(current->mentions.back().story);
    current->sources.push_back(select.text(11));
  }
  if (in_dyad) finish_dyad();
  sqlite::Statement save_state(
      db, "INSERT OR REPLACE INTO dedup_state (id, window_days, family, current) VALUES (1, ?, ?, 1)");
  save_state.bind(1, static_cast<int64_t>(options.window_days)).bind(2, family_name(options.family)).run();
  // Statistics let the planner pick the right index (dyad, date or code) per query;
  // dedup runs after an ingest, when the tables have their new sizes.
  db.execute("ANALYZE");
  transaction.commit();
  return result;
}

std::optional<DedupOptions> EventStore::last_dedup() const { return impl_->dedup_state(false); }

std::optional<DedupOptions> EventStore::current_dedup() const { return impl_->dedup_state(true); }

void EventStore::for_each_happening(const EventQuery& query,
                                    const std::function<void(const Happening&)>& visit) const {
  EventQuery happenings = query;
  happenings.counting = Counting::happenings;
  impl_->require_current_dedup(happenings);
  const Filter filter = filter_of(query, "h");
  sqlite::Statement select(
      impl_->db,
      fmt::format("SELECT h.id, h.date, h.date_last, h.source_code, h.target_code, h.family, h.mentions, h.sources, "
                  "h.stories, st.url, {} FROM happenings h "
                  "JOIN events e ON e.story = h.first_story AND e.sentence = h.first_sentence AND "
                  "e.ordinal = h.first_ordinal "
                  "JOIN sentences s ON s.story = e.story AND s.idx = e.sentence "
                  "JOIN stories st ON st.id = h.first_story{} ORDER BY h.id{}",
                  kEventColumns, filter.sql, limit_sql(query.limit)));
  filter.bind(select);
  while (select.step()) {
    Happening happening;
    happening.id = select.integer(0);
    happening.date = parse_date(select.text(1)).value_or(Date{});
    happening.date_last = parse_date(select.text(2)).value_or(Date{});
    happening.source = select.text(3);
    happening.target = select.text(4);
    happening.family = select.text(5);
    happening.mentions = static_cast<size_t>(select.integer(6));
    happening.sources = static_cast<size_t>(select.integer(7));
    happening.stories = static_cast<size_t>(select.integer(8));
    happening.url = select.text(9);
    happening.first = event_of_row(select, 10);
    visit(happening);
  }
}

std::vector<Event> EventStore::mentions(int64_t happening_id) const {
  EventQuery happenings;
  happenings.counting = Counting::happenings;
  impl_->require_current_dedup(happenings);
  sqlite::Statement select(
      impl_->db, fmt::format("SELECT {} FROM mentions m "
                             "JOIN events e ON e.story = m.story AND e.sentence = m.sentence AND e.ordinal = m.ordinal "
                             "JOIN sentences s ON s.story = e.story AND s.idx = e.sentence "
                             "WHERE m.happening = ? ORDER BY e.date, e.story, e.sentence, e.ordinal",
                             kEventColumns));
  select.bind(1, happening_id);
  std::vector<Event> events;
  while (select.step()) events.push_back(event_of_row(select));
  return events;
}

std::string EventStore::canonical_dump() const {
  std::string dump = fmt::format("schema {}\n", kStoreSchemaVersion);
  // quote() renders every value (NULLs, reals at full precision) unambiguously.
  auto add_rows = [&](const char* sql) {
    sqlite::Statement select(impl_->db, sql);
    while (select.step()) (dump += select.text(0)) += '\n';
  };
  add_rows(
      "SELECT 'story ' || quote(id) || ' ' || quote(content_hash) || ' ' || quote(coder) || ' ' || quote(date) || "
      "' ' || quote(source) || ' ' || quote(url) || ' ' || quote(file) FROM stories ORDER BY id");
  add_rows(
      "SELECT 'sentence ' || quote(story) || ' ' || idx || ' ' || quote(sentence_id) || ' ' || quote(text) "
      "FROM sentences ORDER BY story, idx");
  add_rows(
      "SELECT 'event ' || quote(story) || ' ' || sentence || ' ' || ordinal || ' ' || quote(date) || ' ' || "
      "quote(source_code) || ' ' || quote(source_text) || ' ' || source_start || ' ' || source_end || ' ' || "
      "quote(target_code) || ' ' || quote(target_text) || ' ' || quote(target_start) || ' ' || "
      "quote(target_end) || ' ' || quote(cameo) || ' ' || quote(root) || ' ' || quote(goldstein) || ' ' || "
      "quad_class || ' ' || quote(plover) || ' ' || quote(verb_text) || ' ' || verb_start || ' ' || "
      "verb_end || ' ' || quote(issues) || ' ' || quote(date_end) || ' ' || quote(date_precision) || ' ' || "
      "historical || ' ' || quote(modality) || ' ' || quote(attribution) FROM events ORDER BY story, sentence, ordinal");
  return dump;
}

}  // namespace annals
