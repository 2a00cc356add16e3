#include "parse/model_file.h"

#include <fstream>
#include <system_error>

namespace annals::parsing {

void ModelWriter::save(const std::filesystem::path& path) const {
  std::filesystem::path temporary = path;
  temporary += ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw ModelFileError("cannot write model file " + temporary.string());
    out.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (!out.flush()) throw ModelFileError("cannot write model file " + temporary.string());
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw ModelFileError("cannot move model into place at " + path.string() + ": " + error.message());
}

void ModelReader::fail(const std::string& what) const {
  throw ModelFileError("model file " + source_ + " is damaged or not an annals model: " + what +
                       " (at byte " + std::to_string(pos_) + ")");
}

std::string read_model_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw ModelFileError("cannot open model file " + path.string());
  const std::streamoff size = in.tellg();
  if (size < 0) throw ModelFileError("cannot read model file " + path.string());
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) throw ModelFileError("cannot read model file " + path.string());
  return bytes;
}

}  // namespace annals::parsing
