// Small inputs of our own for the store tests: hand-parsed CoNLL-U stories that the
// bundled dictionaries code, temporary directories, the bundled coder.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "annals/coder.h"
#include "annals/dictionaries.h"

namespace annals::store_test {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("annals_store_" + name + "_" + std::to_string(getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// "SOURCE met TARGET." parsed by hand; the bundled dictionaries code Trump/Kim meetings.
inline std::string meeting_sentence(const std::string& id, const std::string& source, const std::string& target) {
  const std::string text = source + " met " + target + ".";
  return "# sent_id = " + id + "\n# text = " + text + "\n1\t" + source + "\t" + source +
         "\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t" + target + "\t" + target +
         "\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
}

// Story n of a generated corpus: two or three sentences, dates spread over 2019-2020.
inline std::string generated_story(int n, const std::string& variant = "") {
  const std::string id = "story-" + std::to_string(n);
  std::string story = "# newdoc id = " + id + "\n# date = " + std::to_string(2019 + n % 2) + "-" +
                      (n % 12 < 9 ? "0" : "") + std::to_string(n % 12 + 1) + "-" + (n % 28 < 9 ? "0" : "") +
                      std::to_string(n % 28 + 1) + "\n";
  story += meeting_sentence(id + "-1", "Trump", "Kim");
  story += meeting_sentence(id + "-2" + variant, "Kim", "Trump");
  if (n % 3 == 0) story += meeting_sentence(id + "-3", "Moon", "Kim");
  return story;
}

// Writes stories [first, last) to one CoNLL-U file.
inline void write_corpus_file(const fs::path& file, int first, int last) {
  std::ofstream out(file, std::ios::binary);
  for (int n = first; n < last; ++n) out << generated_story(n);
}

inline std::shared_ptr<const Coder> bundled_coder() {
  Diagnostics diagnostics;
  auto dictionaries = Dictionaries::load(
      read_petrarch_config(std::string(ANNALS_SOURCE_DIR) + "/data/dictionaries", diagnostics), diagnostics);
  if (!dictionaries) return nullptr;
  return std::make_shared<const Coder>(dictionaries);
}

}  // namespace annals::store_test
