#include "annals/date.h"

#include <array>
#include <cstdio>

namespace annals {

namespace {

// The value of `count` decimal digits at text[pos]; -1 if any is not a digit.
int read_digits(std::string_view text, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Both directions count in 400-year eras of 146,097 days, with years starting on 1 March
// so that the leap day ends the year (the method of H. Hinnant's chrono algorithms).
int days_since_epoch(Date date) {
  const int month = date.month(), day = date.day();
  const int year = date.year() - (month <= 2);
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date date_from_days(int days) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const int day_of_era = days - era * 146097;
  const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int shifted_month = (5 * day_of_year + 2) / 153;
  const int day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const int month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const int year = year_of_era + era * 400 + (month <= 2);
  return Date{year * 10000 + month * 100 + day};
}

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(), month(), day());
  return buffer;
}

std::optional<Date> parse_date(std::string_view text) {
  int year = -1, month = -1, day = -1;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    year = read_digits(text, 0, 4);
    month = read_digits(text, 5, 2);
    day = read_digits(text, 8, 2);
  } else if (text.size() == 8) {
    year = read_digits(text, 0, 4);
    month = read_digits(text, 4, 2);
    day = read_digits(text, 6, 2);
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
    return std::nullopt;
  return Date{year * 10000 + month * 100 + day};
}

}  // namespace annals
