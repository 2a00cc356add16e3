#include <fmt/core.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "annals/store.h"
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
  void bind(sqlite::Statement& statement) const {
    for (size_t i = 0; i < values.size(); ++i) statement.bind(static_cast<int>(i + 1), values[i]);
  }
};

Filter filter_of(const EventQuery& query, std::string_view table) {
  Filter filter;
  filter.add_code(fmt::format("{}.source_code", table), query.source, false);
  filter.add_code(fmt::format("{}.target_code", table), query.target, false);
  filter.add_code(fmt::format("{}.cameo", table), query.code, true);
  if (query.from) filter.add(fmt::format("{}.date >= ?", table), query.from->iso());
  if (query.to) filter.add(fmt::format("{}.date <= ?", table), query.to->iso());
  return filter;
}

constexpr const char* kEventColumns =
    "e.story, e.sentence, e.date, e.source_code, e.source_text, e.source_start, e.source_end, "
    "e.target_code, e.target_text, e.target_start, e.target_end, e.cameo, e.root, e.goldstein, "
    "e.quad_class, e.plover, e.verb_text, e.verb_start, e.verb_end, e.issues, s.sentence_id, s.text";

Event event_of_row(const sqlite::Statement& row) {
  Event event;
  event.story_id = row.text(0);
  event.sentence = static_cast<int>(row.integer(1));
  event.date = parse_date(row.text(2)).value_or(Date{});
  event.sentence_id = row.text(20);
  event.text = row.text(21);
  auto span = [&](int start, int end) {
    return Span{byte_offset(event.text, row.integer(start)), byte_offset(event.text, row.integer(end))};
  };
  event.source = {row.text(3), row.text(4), span(5, 6)};
  if (!row.is_null(7)) event.target = EventActor{row.text(7), row.text(8), span(9, 10)};
  event.cameo = row.text(11);
  event.root = row.text(12);
  event.goldstein = row.real(13);
  event.quad_class = static_cast<int>(row.integer(14));
  event.plover = row.text(15);
  event.verb.text = row.text(16);
  event.verb.span = span(17, 18);
  event.issues = nlohmann::json::parse(row.text(19)).get<std::vector<std::string>>();
  return event;
}

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

struct EventStore::Impl {
  std::filesystem::path path;
  sqlite::Database db;
  sqlite::Statement select_hash;
  sqlite::Statement delete_events;
  sqlite::Statement delete_sentences;
  sqlite::Statement delete_story;
  sqlite::Statement insert_story;
  sqlite::Statement insert_sentence;
  sqlite::Statement insert_event;

  explicit Impl(const std::filesystem::path& file)
      : path(file),
        db(open(file)),
        select_hash(db, "SELECT content_hash FROM stories WHERE id = ?"),
        delete_events(db, "DELETE FROM events WHERE story = ?"),
        delete_sentences(db, "DELETE FROM sentences WHERE story = ?"),
        delete_story(db, "DELETE FROM stories WHERE id = ?"),
        insert_story(db, "INSERT INTO stories (id, content_hash, date, source, url, file) VALUES (?,?,?,?,?,?)"),
        insert_sentence(db, "INSERT INTO sentences (story, idx, sentence_id, text) VALUES (?,?,?,?)"),
        insert_event(db,
                     "INSERT INTO events (story, sentence, ordinal, date, source_code, source_text, "
                     "source_start, source_end, target_code, target_text, target_start, target_end, cameo, "
                     "root, goldstein, quad_class, plover, verb_text, verb_start, verb_end, issues) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {}

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
    db.execute("PRAGMA journal_mode = WAL");
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

  std::optional<std::string> hash_of(const std::string& story_id) {
    select_hash.bind(1, story_id);
    std::optional<std::string> hash;
    if (select_hash.step()) hash = select_hash.text(0);
    select_hash.reset();
    return hash;
  }
};

EventStore::EventStore(const std::filesystem::path& file) : impl_(std::make_unique<Impl>(file)) {}

EventStore::~EventStore() = default;

const std::filesystem::path& EventStore::path() const { return impl_->path; }

std::optional<std::string> EventStore::stored_hash(const std::string& story_id) const {
  return impl_->hash_of(story_id);
}

std::optional<StoredStory> EventStore::story(const std::string& story_id) const {
  sqlite::Statement select(impl_->db,
                           "SELECT id, content_hash, date, source, url, file, "
                           "(SELECT count(*) FROM sentences WHERE story = stories.id) FROM stories WHERE id = ?");
  select.bind(1, story_id);
  if (!select.step()) return std::nullopt;
  StoredStory stored{select.text(0),
                     select.text(1),
                     parse_date(select.text(2)).value_or(Date{}),
                     select.text(3),
                     select.text(4),
                     select.text(5),
                     static_cast<int>(select.integer(6))};
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
                                                const std::vector<Event>& events) {
  Impl& s = *impl_;
  sqlite::Transaction transaction(s.db);
  const std::optional<std::string> stored = s.hash_of(story.id);
  if (stored == content_hash) return WriteResult::unchanged;
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
        .bind(21, nlohmann::json(event.issues).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        .run();
  }
  transaction.commit();
  return stored ? WriteResult::replaced : WriteResult::added;
}

void EventStore::for_each_event(const EventQuery& query, const std::function<void(const Event&)>& visit) const {
  const Filter filter = filter_of(query, "e");
  std::string sql = fmt::format(
      "SELECT {} FROM events e JOIN sentences s ON s.story = e.story AND s.idx = e.sentence{} "
      "ORDER BY e.date, e.story, e.sentence, e.ordinal",
      kEventColumns, filter.sql);
  if (query.limit > 0) sql += fmt::format(" LIMIT {}", query.limit);
  sqlite::Statement select(impl_->db, sql);
  filter.bind(select);
  while (select.step()) visit(event_of_row(select));
}

std::vector<Event> EventStore::events(const EventQuery& query) const {
  std::vector<Event> events;
  for_each_event(query, [&](const Event& event) { events.push_back(event); });
  return events;
}

std::vector<MonthlySeries> EventStore::monthly_series(const EventQuery& query) const {
  const Filter filter = filter_of(query, "events");
  const std::string sql = fmt::format(
      "SELECT substr(date, 1, 7) AS month, count(*), sum(quad_class = 1), sum(quad_class = 2), "
      "sum(quad_class = 3), sum(quad_class = 4), sum(goldstein) FROM events{}{} date IS NOT NULL "
      "GROUP BY month ORDER BY month",
      filter.sql, filter.sql.empty() ? " WHERE" : " AND");
  sqlite::Statement select(impl_->db, sql);
  filter.bind(select);
  std::vector<MonthlySeries> series;
  while (select.step()) {
    const std::string month = select.text(0);
    MonthlySeries row;
    row.year = std::stoi(month.substr(0, 4));
    row.month = std::stoi(month.substr(5, 2));
    // Months without events between two listed ones get zero rows: a series has no holes.
    while (!series.empty()) {
      MonthlySeries gap{series.back().year, series.back().month + 1};
      if (gap.month == 13) gap = {gap.year + 1, 1};
      if (gap.year == row.year && gap.month == row.month) break;
      series.push_back(gap);
    }
    row.events = static_cast<size_t>(select.integer(1));
    for (int q = 0; q < 4; ++q) row.quad_class[q] = static_cast<size_t>(select.integer(2 + q));
    row.goldstein_sum = select.real(6);
    row.goldstein_mean = row.events ? row.goldstein_sum / static_cast<double>(row.events) : 0;
    series.push_back(row);
  }
  return series;
}

std::string EventStore::canonical_dump() const {
  std::string dump = fmt::format("schema {}\n", kStoreSchemaVersion);
  // quote() renders every value (NULLs, reals at full precision) unambiguously.
  auto add_rows = [&](const char* sql) {
    sqlite::Statement select(impl_->db, sql);
    while (select.step()) (dump += select.text(0)) += '\n';
  };
  add_rows(
      "SELECT 'story ' || quote(id) || ' ' || quote(content_hash) || ' ' || quote(date) || ' ' || "
      "quote(source) || ' ' || quote(url) || ' ' || quote(file) FROM stories ORDER BY id");
  add_rows(
      "SELECT 'sentence ' || quote(story) || ' ' || idx || ' ' || quote(sentence_id) || ' ' || quote(text) "
      "FROM sentences ORDER BY story, idx");
  add_rows(
      "SELECT 'event ' || quote(story) || ' ' || sentence || ' ' || ordinal || ' ' || quote(date) || ' ' || "
      "quote(source_code) || ' ' || quote(source_text) || ' ' || source_start || ' ' || source_end || ' ' || "
      "quote(target_code) || ' ' || quote(target_text) || ' ' || quote(target_start) || ' ' || "
      "quote(target_end) || ' ' || quote(cameo) || ' ' || quote(root) || ' ' || quote(goldstein) || ' ' || "
      "quad_class || ' ' || quote(plover) || ' ' || quote(verb_text) || ' ' || verb_start || ' ' || "
      "verb_end || ' ' || quote(issues) FROM events ORDER BY story, sentence, ordinal");
  return dump;
}

}  // namespace annals
