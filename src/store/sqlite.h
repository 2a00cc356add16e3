// A thin RAII layer over the SQLite C API: every failure becomes a StoreError naming
// the database file, so callers never check return codes.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "annals/store.h"

namespace annals::sqlite {

class Database {
 public:
  Database(const std::string& file, int flags);
  ~Database();
  Database(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& file() const { return file_; }

  // Runs one or more statements that return nothing of interest.
  void execute(const char* sql);
  // Switches the file to write-ahead logging, waiting as long as for any lock.
  void use_write_ahead_log();
  // The first column of the first row of a query returning one integer.
  int64_t integer(const char* sql);

  [[noreturn]] void fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string file_;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  Statement& bind_optional(int index, const std::optional<std::string_view>& text) {
    return text ? bind(index, *text) : bind_null(index);
  }

  // Advances to the next row: true when there is one. Resets itself after the last row.
  bool step();
  // Runs a statement that returns no rows and readies it for new bindings.
  void run();
  void reset();

  bool is_null(int column) const;
  std::string text(int column) const;  // "" for NULL
  int64_t integer(int column) const;
  double real(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction; rolls back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace annals::sqlite
