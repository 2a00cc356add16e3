#include "annals/date.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(ParseDate, AcceptsBothLayouts) {
  ASSERT_TRUE(parse_date("2024-12-28"));
  EXPECT_EQ(parse_date("2024-12-28")->ymd, 20241228);
  ASSERT_TRUE(parse_date("19950101"));
  EXPECT_EQ(parse_date("19950101")->ymd, 19950101);
}

TEST(ParseDate, ValidatesTheDay) {
  EXPECT_TRUE(parse_date("2024-02-29"));   // leap year
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_TRUE(parse_date("2000-02-29"));   // divisible by 400
  EXPECT_FALSE(parse_date("1900-02-29"));  // divisible by 100 only
  EXPECT_FALSE(parse_date("2024-04-31"));
  EXPECT_FALSE(parse_date("2024-13-01"));
  EXPECT_FALSE(parse_date("2024-00-10"));
  EXPECT_FALSE(parse_date("20240100"));
  EXPECT_FALSE(parse_date("00000101"));
}

TEST(ParseDate, RejectsOtherText) {
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("2024/12/28"));
  EXPECT_FALSE(parse_date("2024-1-28"));
  EXPECT_FALSE(parse_date("2024122"));
  EXPECT_FALSE(parse_date("2024-12-2x"));
  EXPECT_FALSE(parse_date(" 20241228"));
}

TEST(DaysInMonth, KnowsLeapYears) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2023, 12), 31);
  EXPECT_EQ(days_in_month(2023, 4), 30);
}

TEST(DaysInMonth, HasNoDaysOutsideTheTwelveMonths) {
  // Indexing a month table with these would read outside it.
  EXPECT_EQ(days_in_month(2024, 0), 0);
  EXPECT_EQ(days_in_month(2024, 13), 0);
  EXPECT_EQ(days_in_month(2024, -1), 0);
  EXPECT_EQ(days_in_month(2024, 100), 0);
}

TEST(DaysSinceEpoch, RoundTripsThroughTheCalendar) {
  EXPECT_EQ(days_since_epoch(Date{19700101}), 0);
  EXPECT_EQ(days_since_epoch(Date{20000301}) - days_since_epoch(Date{20000228}), 2);
  for (int days = -800; days < 30000; days += 37) EXPECT_EQ(days_since_epoch(date_from_days(days)), days);
}

TEST(Date, IsoAndOrder) {
  EXPECT_EQ(Date{20241228}.iso(), "2024-12-28");
  EXPECT_EQ(Date{991231}.iso(), "0099-12-31");
  EXPECT_LT(Date{20241228}, Date{20250101});
  EXPECT_EQ(Date{20241228}.year(), 2024);
  EXPECT_EQ(Date{20241228}.month(), 12);
  EXPECT_EQ(Date{20241228}.day(), 28);
}

}  // namespace
}  // namespace annals
