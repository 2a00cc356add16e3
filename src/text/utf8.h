// UTF-8 helpers shared by readers, the coder and the writers. Input text is not trusted:
// every byte that does not belong to a well-formed sequence counts as one U+FFFD.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace annals {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point at text[pos] and advances pos past it. An ill-formed byte
// (bad lead byte, truncated or overlong sequence, surrogate, > U+10FFFF) yields
// kReplacementCharacter and advances pos by one byte. pos must be < text.size().
char32_t decode_utf8(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of a valid code point.
void append_utf8(std::string& out, char32_t codepoint);

// The number of code points that start before byte_offset (clamped to the text).
size_t codepoint_offset(std::string_view text, size_t byte_offset);

// The text with every ill-formed byte replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

// The offset of the first ill-formed byte, or text.size() when the text is well formed.
size_t first_ill_formed(std::string_view text);

}  // namespace annals
