#include "annals/diagnostics.h"

#include <utility>

namespace annals {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) out += ':' + std::to_string(line);
  if (!out.empty()) out += ": ";
  out += severity == Severity::error ? "error: " : "warning: ";
  out += message;
  return out;
}

void Diagnostics::report(Diagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string file, int line, std::string message) {
  report({Diagnostic::Severity::error, std::move(file), line, std::move(message)});
}

void Diagnostics::warning(std::string file, int line, std::string message) {
  report({Diagnostic::Severity::warning, std::move(file), line, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::all() const {
  std::lock_guard lock(mutex_);
  return items_;
}

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  size_t count = 0;
  for (const auto& d : items_) count += d.severity == Diagnostic::Severity::error;
  return count;
}

}  // namespace annals
