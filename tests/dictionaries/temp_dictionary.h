// Small dictionaries written to temporary files for the loader tests.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "annals/diagnostics.h"

namespace annals::test {

// A file holding `contents`, removed when the object goes out of scope.
class TempDictionary {
 public:
  explicit TempDictionary(const std::string& contents, const std::string& name = "dictionary.txt") {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("annals-dict-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    path_ = dir_ / name;
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempDictionary() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempDictionary(const TempDictionary&) = delete;
  TempDictionary& operator=(const TempDictionary&) = delete;

  std::string path() const { return path_.string(); }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::filesystem::path path_;
};

// "line:severity:message" of every diagnostic, for compact assertions.
inline std::vector<std::string> reported(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.all()) {
    out.push_back(std::to_string(d.line) + ":" +
                  (d.severity == Diagnostic::Severity::error ? "error" : "warning") + ":" +
                  d.message);
  }
  return out;
}

// The line numbers of the reported diagnostics of one severity.
inline std::vector<int> lines_of(const Diagnostics& diagnostics, Diagnostic::Severity severity) {
  std::vector<int> out;
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.severity == severity) out.push_back(d.line);
  }
  return out;
}

inline std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

}  // namespace annals::test
