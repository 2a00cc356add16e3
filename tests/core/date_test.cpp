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
