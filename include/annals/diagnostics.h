// Problems found in input are reported, never fatal: the work goes on and the
// caller decides the exit code from what was collected.
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace annals {

struct Diagnostic {
  enum class Severity { warning, error };
  Severity severity = Severity::error;
  std::string file;
  int line = 0;        // 1-based; 0 when unknown
  std::string message;
  std::string to_string() const;  // "file:line: error: message"
};

// Thread-safe collector shared by readers and coders.
class Diagnostics {
 public:
  void report(Diagnostic d);
  void error(std::string file, int line, std::string message);
  void warning(std::string file, int line, std::string message);
  std::vector<Diagnostic> all() const;
  size_t error_count() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

}  // namespace annals
