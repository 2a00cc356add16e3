#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "annals/dictionaries.h"
#include "dictionaries/dictionary_text.h"

namespace annals {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kDefaultPicoFile = "PETR.Internal.Coding.Ontology.txt";

// The config file named, or the one in a directory: PETR_config.ini, else its only *.ini.
std::optional<fs::path> locate_config(const fs::path& config_or_dir, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_directory(config_or_dir, ec)) return config_or_dir;
  if (fs::exists(config_or_dir / "PETR_config.ini", ec)) return config_or_dir / "PETR_config.ini";
  std::vector<fs::path> candidates;
  for (const auto& entry : fs::directory_iterator(config_or_dir, ec)) {
    if (entry.path().extension() == ".ini") candidates.push_back(entry.path());
  }
  if (candidates.size() == 1) return candidates.front();
  diagnostics.error(config_or_dir.string(), 0,
                    candidates.empty() ? "no PETR_config.ini or other .ini file in this directory"
                                       : "no PETR_config.ini and several .ini files: name one");
  return std::nullopt;
}

struct Setting {
  std::string value;
  int line = 0;
};

// The keys of the [Dictionaries] section, lower-cased as Python's ConfigParser does;
// a line starting with a blank continues the previous value.
std::map<std::string, Setting> read_dictionaries_section(const std::string& file,
                                                         Diagnostics& diagnostics) {
  std::map<std::string, Setting> settings;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file, 0, "cannot open config file");
    return settings;
  }
  std::string section;
  Setting* last = nullptr;
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    const std::string_view line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (raw[0] == ' ' || raw[0] == '\t') {
      if (last) last->value += ' ' + std::string(line);
      continue;
    }
    last = nullptr;
    if (line[0] == '[') {
      const size_t close = line.find(']');
      if (close == std::string_view::npos) {
        diagnostics.error(file, number, "section header without ']'");
        section.clear();
        continue;
      }
      section = std::string(trim(line.substr(1, close - 1)));
      continue;
    }
    const size_t equals = line.find_first_of("=:");
    if (equals == std::string_view::npos) {
      diagnostics.error(file, number, "expected \"key = value\"; line skipped");
      continue;
    }
    if (section != "Dictionaries") continue;
    std::string key(trim(line.substr(0, equals)));
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    Setting& setting = settings[key];
    setting = {std::string(trim(line.substr(equals + 1))), number};
    last = &setting;
  }
  return settings;
}

}  // namespace

DictionaryFiles read_petrarch_config(const fs::path& config_or_dir, Diagnostics& diagnostics) {
  DictionaryFiles files;
  const auto config = locate_config(config_or_dir, diagnostics);
  if (!config) return files;
  const std::string name = config->string();
  std::error_code ec;
  if (!fs::exists(*config, ec)) {
    diagnostics.error(name, 0, "config file not found");
    return files;
  }
  const auto settings = read_dictionaries_section(name, diagnostics);
  const fs::path base = config->parent_path();
  const auto resolve = [&](std::string_view value) {
    const fs::path path{std::string(trim(value))};
    return path.is_absolute() ? path : base / path;
  };
  const auto get = [&](const std::string& key, bool required) -> const Setting* {
    const auto it = settings.find(key);
    if (it != settings.end() && !trim(it->second.value).empty()) return &it->second;
    if (required) diagnostics.error(name, 0, "[Dictionaries] has no " + key);
    return nullptr;
  };
  if (const Setting* s = get("verbfile_name", true)) files.verbs = resolve(s->value);
  if (const Setting* s = get("actorfile_list", true)) {
    std::string_view list = s->value;
    while (!list.empty()) {
      const size_t comma = list.find(',');
      const std::string_view item = trim(list.substr(0, comma));
      if (!item.empty()) files.actors.push_back(resolve(item));
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
  }
  if (const Setting* s = get("agentfile_name", true)) files.agents = resolve(s->value);
  if (const Setting* s = get("discardfile_name", true)) files.discards = resolve(s->value);
  if (const Setting* s = get("issuefile_name", false)) files.issues = resolve(s->value);
  if (const Setting* s = get("meetingfile_name", false)) files.meetings = resolve(s->value);
  if (const Setting* s = get("picofile_name", false)) {
    files.pico = resolve(s->value);
  } else if (std::error_code ignored; std::filesystem::exists(resolve(kDefaultPicoFile), ignored)) {
    files.pico = resolve(kDefaultPicoFile);
  }
  return files;
}

}  // namespace annals
