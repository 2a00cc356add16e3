#include "store/sqlite.h"

#include <fmt/core.h>

#include <chrono>
#include <thread>
#include <utility>

namespace annals::sqlite {

constexpr int kBusyTimeoutMs = 10000;

Database::Database(const std::string& file, int flags) : file_(file) {
  const int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("{}: cannot open the event store: {}", file, message));
  }
  sqlite3_extended_result_codes(db_, 1);
  // Another process (or our own reader connection) may briefly hold the write lock.
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), file_(std::move(other.file_)) {}

Database::~Database() { sqlite3_close(db_); }

void Database::fail(std::string_view what) const {
  throw StoreError(fmt::format("{}: {}: {}", file_, what, sqlite3_errmsg(db_)));
}

void Database::execute(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw StoreError(fmt::format("{}: {}", file_, message));
  }
}

void Database::use_write_ahead_log() {
  // The switch needs the file alone for a moment, and SQLite does not wait for that: when
  // another process opens the same new store just then, it answers BUSY, or keeps the old
  // mode, at once.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    std::string mode;
    const int rc = sqlite3_exec(
        db_, "PRAGMA journal_mode = WAL",
        [](void* out, int, char** values, char**) {
          *static_cast<std::string*>(out) = values[0] ? values[0] : "";
          return 0;
        },
        &mode, nullptr);
    if (rc == SQLITE_OK && mode == "wal") return;
    if ((rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY) || std::chrono::steady_clock::now() >= deadline)
      fail("cannot switch to write-ahead logging");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

int64_t Database::integer(const char* sql) {
  Statement statement(*this, sql);
  if (!statement.step()) fail(fmt::format("no result for '{}'", sql));
  const int64_t value = statement.integer(0);
  statement.reset();
  return value;
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt_, nullptr) != SQLITE_OK)
    db.fail("cannot prepare a statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    db_.fail("cannot bind a value");
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail("cannot bind a value");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) db_.fail("cannot bind a value");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail("cannot bind a value");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) db_.fail("statement failed");
  return false;
}

void Statement::run() {
  while (step()) {
  }
  sqlite3_clear_bindings(stmt_);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return data ? std::string(data, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

Transaction::Transaction(Database& db) : db_(db) { db_.execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.execute("COMMIT");
  open_ = false;
}

}  // namespace annals::sqlite
