// The binary model file: little-endian plain values and length-prefixed arrays, read back
// from one buffer. Any truncation or mismatch raises ModelFileError.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace annals::parsing {

class ModelFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ModelWriter {
 public:
  template <typename T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    buffer_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  template <typename T>
  void array(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    value<uint64_t>(values.size());
    buffer_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void string(std::string_view s) {
    value<uint32_t>(static_cast<uint32_t>(s.size()));
    buffer_.append(s);
  }
  void strings(const std::vector<std::string>& list) {
    value<uint32_t>(static_cast<uint32_t>(list.size()));
    for (const std::string& s : list) string(s);
  }
  // Writes to a temporary file first, so a failed save never leaves half a model behind.
  void save(const std::filesystem::path& path) const;

 private:
  std::string buffer_;
};

class ModelReader {
 public:
  ModelReader(std::string_view data, std::string source) : data_(data), source_(std::move(source)) {}

  template <typename T>
  T value() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v;
    std::memcpy(&v, take(sizeof(T)), sizeof(T));
    return v;
  }
  template <typename T>
  std::vector<T> array() {
    const uint64_t count = value<uint64_t>();
    if (count > (data_.size() - pos_) / sizeof(T)) fail("array longer than the file");
    std::vector<T> values(count);
    const char* bytes = take(count * sizeof(T));
    if (count > 0) std::memcpy(values.data(), bytes, count * sizeof(T));  // an empty vector's data() may be null
    return values;
  }
  std::string string() {
    const uint32_t size = value<uint32_t>();
    return std::string(take(size), size);
  }
  std::vector<std::string> strings() {
    const uint32_t count = value<uint32_t>();
    if (count > data_.size() - pos_) fail("string list longer than the file");
    std::vector<std::string> list(count);
    for (std::string& s : list) s = string();
    return list;
  }
  [[noreturn]] void fail(const std::string& what) const;
  bool at_end() const { return pos_ == data_.size(); }

 private:
  const char* take(size_t n) {
    if (n > data_.size() - pos_) fail("unexpected end of file");
    const char* p = data_.data() + pos_;
    pos_ += n;
    return p;
  }
  std::string_view data_;
  size_t pos_ = 0;
  std::string source_;
};

// The whole file in memory; throws ModelFileError naming the path when it cannot be read.
std::string read_model_bytes(const std::filesystem::path& path);

}  // namespace annals::parsing
