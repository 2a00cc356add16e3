#include "text/utf8.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(Utf8, CodepointOffsetCountsCharactersNotBytes) {
  const std::string text = "Kim Jong-un visited Pyöngyang — today";
  EXPECT_EQ(codepoint_offset(text, 0), 0u);
  EXPECT_EQ(codepoint_offset(text, 4), 4u);
  const size_t dash = text.find("—");
  EXPECT_EQ(codepoint_offset(text, dash), dash - 1);  // ö takes two bytes
  EXPECT_EQ(codepoint_offset(text, text.size()), text.size() - 1 - 2);
  EXPECT_EQ(codepoint_offset(text, text.size() + 10), codepoint_offset(text, text.size()));
}

TEST(Utf8, CodepointOffsetCountsEachBadByteOnce) {
  const std::string text = "a\xff\xfe" "b\xe2\x80";  // two stray bytes, truncated sequence
  EXPECT_EQ(codepoint_offset(text, text.size()), 6u);
  EXPECT_EQ(codepoint_offset(text, 4), 4u);
}

TEST(Utf8, SanitizeReplacesIllFormedBytes) {
  EXPECT_EQ(sanitize_utf8("plain"), "plain");
  EXPECT_EQ(sanitize_utf8("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(sanitize_utf8("a\xff" "b"), "a\xef\xbf\xbd" "b");
  EXPECT_EQ(sanitize_utf8("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");   // overlong '/'
  EXPECT_EQ(sanitize_utf8("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
  EXPECT_EQ(sanitize_utf8("x\xe2\x82"), "x\xef\xbf\xbd\xef\xbf\xbd");  // truncated
  EXPECT_EQ(sanitize_utf8("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");
}

TEST(Utf8, FirstIllFormedByteIsFoundAndAGenuineReplacementCharacterIsNot) {
  EXPECT_EQ(first_ill_formed("caf\xc3\xa9 \xef\xbf\xbd ok"), 12u);  // é and U+FFFD are well formed: the size
  EXPECT_EQ(first_ill_formed("caf\xe9 bar"), 3u);                      // Latin-1 é
  EXPECT_EQ(first_ill_formed("ab\xe2\x82"), 2u);                      // truncated at the end
  EXPECT_EQ(first_ill_formed(""), 0u);
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  std::string out;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600'}) append_utf8(out, cp);
  size_t pos = 0;
  EXPECT_EQ(decode_utf8(out, pos), U'A');
  EXPECT_EQ(decode_utf8(out, pos), U'\u00E9');
  EXPECT_EQ(decode_utf8(out, pos), U'\u20AC');
  EXPECT_EQ(decode_utf8(out, pos), U'\U0001F600');
  EXPECT_EQ(pos, out.size());
}

}  // namespace
}  // namespace annals
