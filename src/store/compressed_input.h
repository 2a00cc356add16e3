// Input files read through one stream whatever their compression: plain, gzip (zlib,
// concatenated members too) or zstd (several frames too), told apart by magic bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

namespace annals::store {

class CompressedInputBuffer : public std::streambuf {
 public:
  // Check is_open() before reading; error() says what went wrong while decoding.
  explicit CompressedInputBuffer(const std::filesystem::path& file);
  ~CompressedInputBuffer() override;
  CompressedInputBuffer(const CompressedInputBuffer&) = delete;
  CompressedInputBuffer& operator=(const CompressedInputBuffer&) = delete;

  bool is_open() const { return file_ != nullptr; }
  // Bytes of the file consumed so far (compressed bytes for compressed files).
  uint64_t file_bytes_read() const { return file_bytes_read_; }
  // Empty unless the compressed data was corrupt or truncated.
  const std::string& error() const { return error_; }

 protected:
  int_type underflow() override;

 private:
  enum class Codec { plain, gzip, zstd };
  struct Decoder;

  // Reads more of the file into raw_; false at end of file.
  bool fill_raw();
  size_t decode(char* out, size_t capacity);

  std::FILE* file_ = nullptr;
  Codec codec_ = Codec::plain;
  std::unique_ptr<Decoder> decoder_;
  std::vector<char> raw_;
  size_t raw_begin_ = 0, raw_end_ = 0;
  bool raw_eof_ = false;
  std::vector<char> out_;
  uint64_t file_bytes_read_ = 0;
  std::string error_;
};

}  // namespace annals::store
