// Features of the tagger and parser are 64-bit hashes of a template number and its values,
// so no feature strings are built or stored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace annals::parsing {

inline uint64_t hash_mix(uint64_t h, uint64_t value) {
  h ^= value + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h *= 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 33);
}

inline uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a, then a final mix for the low bits
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return hash_mix(h, s.size());
}

// hash_bytes of the form with ASCII letters lowercased (of its first 64 bytes).
inline uint64_t hash_lowercase(std::string_view form) {
  char lower[64];
  const size_t size = form.size() < sizeof lower ? form.size() : sizeof lower;
  for (size_t c = 0; c < size; ++c) lower[c] = (form[c] >= 'A' && form[c] <= 'Z') ? static_cast<char>(form[c] + 32) : form[c];
  return hash_bytes(std::string_view(lower, size));
}

// A token of ASCII punctuation only: commas and dashes between two words tell much about
// whether one heads the other.
inline bool is_ascii_punctuation(std::string_view form) {
  for (const char ch : form)
    if (!((ch >= '!' && ch <= '/') || (ch >= ':' && ch <= '@') || (ch >= '[' && ch <= '`') || (ch >= '{' && ch <= '~')))
      return false;
  return !form.empty();
}

// Key of a feature: never 0, which marks an empty slot in the model's table.
inline uint64_t feature_key(uint64_t template_id, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  const uint64_t h = hash_mix(hash_mix(hash_mix(template_id, a), b), c);
  return h == 0 ? 1 : h;
}

// Each template's values with its id, hashed into feature keys in one tight loop at the end
// (hashing in each template's own call, one after another, took more time than scoring).
template <size_t kCapacity>
struct TemplateValues {
  uint64_t id[kCapacity], a[kCapacity], b[kCapacity], c[kCapacity];
  size_t count = 0;
  [[gnu::always_inline]] void add(uint64_t template_id, uint64_t x, uint64_t y = 0, uint64_t z = 0) {
    id[count] = template_id;
    a[count] = x;
    b[count] = y;
    c[count] = z;
    ++count;
  }
  size_t hash(uint64_t* out) const {
    for (size_t i = 0; i < count; ++i) out[i] = feature_key(id[i], a[i], b[i], c[i]);
    return count;
  }
};

}  // namespace annals::parsing
