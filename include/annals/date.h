#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace annals {

// A calendar day as yyyymmdd; comparable with < and ==.
struct Date {
  int ymd = 0;
  int year() const { return ymd / 10000; }
  int month() const { return ymd / 100 % 100; }
  int day() const { return ymd % 100; }
  auto operator<=>(const Date&) const = default;
  std::string iso() const;  // YYYY-MM-DD
};

// Calendar arithmetic, one implementation for every layer: days since 1970-01-01 in the
// proleptic Gregorian calendar, and back.
int days_since_epoch(Date date);
Date date_from_days(int days);
// 0 for a month outside 1..12: no day exists in it, so range checks reject it.
int days_in_month(int year, int month);

// Accepts YYYY-MM-DD and YYYYMMDD; nullopt for anything else or an impossible day.
std::optional<Date> parse_date(std::string_view text);

}  // namespace annals
