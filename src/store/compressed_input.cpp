#include "store/compressed_input.h"

#include <zlib.h>
#include <zstd.h>

#include <cstring>

namespace annals::store {

namespace {

constexpr size_t kChunk = 1 << 16;

bool starts_with(const std::vector<char>& bytes, size_t size, std::initializer_list<unsigned char> magic) {
  if (size < magic.size()) return false;
  size_t i = 0;
  for (unsigned char byte : magic)
    if (static_cast<unsigned char>(bytes[i++]) != byte) return false;
  return true;
}

}  // namespace

// State of the codec in use; a compressed stream is "inside" between the start of a
// gzip member or zstd frame and its end, so end of file there means truncation.
struct CompressedInputBuffer::Decoder {
  z_stream zlib{};
  bool zlib_ready = false;
  ZSTD_DStream* zstd = nullptr;
  bool inside = false;

  ~Decoder() {
    if (zlib_ready) inflateEnd(&zlib);
    ZSTD_freeDStream(zstd);
  }
};

CompressedInputBuffer::CompressedInputBuffer(const std::filesystem::path& file)
    : file_(std::fopen(file.c_str(), "rb")), raw_(kChunk), out_(kChunk) {
  if (!file_) return;
  fill_raw();
  decoder_ = std::make_unique<Decoder>();
  if (starts_with(raw_, raw_end_, {0x1f, 0x8b})) {
    codec_ = Codec::gzip;
    // 15 + 32: the largest window, with the gzip/zlib header detected automatically.
    if (inflateInit2(&decoder_->zlib, 15 + 32) != Z_OK) error_ = "cannot start the gzip decoder";
    decoder_->zlib_ready = error_.empty();
  } else if (starts_with(raw_, raw_end_, {0x28, 0xb5, 0x2f, 0xfd})) {
    codec_ = Codec::zstd;
    decoder_->zstd = ZSTD_createDStream();
    if (!decoder_->zstd) error_ = "cannot start the zstd decoder";
  }
  setg(out_.data(), out_.data(), out_.data());
}

CompressedInputBuffer::~CompressedInputBuffer() {
  if (file_) std::fclose(file_);
}

bool CompressedInputBuffer::fill_raw() {
  if (raw_eof_) return false;
  raw_begin_ = 0;
  raw_end_ = std::fread(raw_.data(), 1, raw_.size(), file_);
  file_bytes_read_ += raw_end_;
  if (raw_end_ == 0) raw_eof_ = true;
  return raw_end_ > 0;
}

size_t CompressedInputBuffer::decode(char* out, size_t capacity) {
  Decoder& d = *decoder_;
  while (error_.empty()) {
    if (raw_begin_ == raw_end_ && !fill_raw()) {
      if (d.inside) error_ = "compressed data ends early (truncated file)";
      return 0;
    }
    const size_t available = raw_end_ - raw_begin_;
    size_t produced = 0;
    if (codec_ == Codec::plain) {
      produced = std::min(available, capacity);
      std::memcpy(out, raw_.data() + raw_begin_, produced);
      raw_begin_ += produced;
    } else if (codec_ == Codec::gzip) {
      // A gzip file may hold several members one after the other (cat a.gz b.gz).
      if (!d.inside && inflateReset(&d.zlib) != Z_OK) {
        error_ = "cannot restart the gzip decoder";
        return 0;
      }
      d.inside = true;
      d.zlib.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_begin_);
      d.zlib.avail_in = static_cast<uInt>(available);
      d.zlib.next_out = reinterpret_cast<Bytef*>(out);
      d.zlib.avail_out = static_cast<uInt>(capacity);
      const int rc = inflate(&d.zlib, Z_NO_FLUSH);
      raw_begin_ += available - d.zlib.avail_in;
      produced = capacity - d.zlib.avail_out;
      if (rc == Z_STREAM_END) {
        d.inside = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        error_ = std::string("corrupt gzip data: ") + (d.zlib.msg ? d.zlib.msg : "inflate failed");
      }
    } else {
      ZSTD_inBuffer in{raw_.data() + raw_begin_, available, 0};
      ZSTD_outBuffer output{out, capacity, 0};
      const size_t rc = ZSTD_decompressStream(d.zstd, &output, &in);
      raw_begin_ += in.pos;
      produced = output.pos;
      if (ZSTD_isError(rc)) {
        error_ = std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc);
      } else {
        d.inside = rc != 0;  // 0: a frame is complete and flushed
      }
    }
    if (produced > 0) return produced;
  }
  return 0;
}

CompressedInputBuffer::int_type CompressedInputBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const size_t produced = decode(out_.data(), out_.size());
  if (produced == 0) return traits_type::eof();
  setg(out_.data(), out_.data(), out_.data() + produced);
  return traits_type::to_int_type(*gptr());
}

}  // namespace annals::store
