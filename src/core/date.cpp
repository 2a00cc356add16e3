#include "annals/date.h"

#include <array>
#include <cstdio>

namespace annals {

namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

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
