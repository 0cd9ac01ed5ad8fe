// Internal to the `unres` executable: the project configuration file `unres.json` and
// the rule selection it shares with the command line.
//
//   {"select": ["UNR1", "UNR301"], "ignore": ["UNR305"],
//    "severity": {"UNR301": "error", "UNR2": "note", "UNR404": "off"}, "werror": false}
//
// Every key is optional; any other key is an error.  Entries are rule ids or prefixes
// ("UNR", "UNR2", "UNR301").  The file is found by walking up from the checked file's
// directory (the current directory for standard input) to the filesystem root; the
// first one found is used, there is no merging of several files.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unres/diagnostic.hpp"

namespace unres::cli {

inline constexpr const char* kConfigName = "unres.json";

/// Splits a comma list of rule ids or prefixes ("UNR101,UNR2"), upper-cased; throws
/// UsageError naming `option` when an entry is not "UNR" and up to three digits.
std::vector<std::string> parse_selectors(const std::string& list, const char* option);

/// What a configuration file says (or nothing, when none was found: `path` empty).
struct Config {
    std::string path;
    std::optional<std::vector<std::string>> select;
    std::optional<std::vector<std::string>> ignore;
    /// Rule id or prefix → severity; nullopt means "off".
    std::vector<std::pair<std::string, std::optional<Severity>>> severity;
    std::optional<bool> werror;
};

/// Reads one configuration file.  Throws UsageError "FILE: PROBLEM" when it cannot be
/// read, is not JSON, or says something unres does not understand.
Config load_config(const std::string& file);

/// The effective rule selection for one file: the configuration, overridden by the
/// command line (`--select` and `--ignore` replace the file's lists when given,
/// `--werror` turns werror on).
struct RuleFilter {
    std::vector<std::string> select;  ///< empty = every rule
    std::vector<std::string> ignore;
    std::vector<std::pair<std::string, std::optional<Severity>>> severity;
    bool werror = false;
    std::string config_path;  ///< the file it came from ("" = none)

    /// The severity to report `rule` with, or nullopt when it is not reported
    /// (not selected, ignored, or "off").  The most specific severity entry wins;
    /// werror then turns warnings into errors.
    std::optional<Severity> apply(std::string_view rule, Severity given) const;
    /// Whether any rule whose id starts with `family` ("UNR1") can be reported at all.
    bool family_enabled(std::string_view family) const;
};

/// Command-line settings that override the configuration file.
struct RuleOverrides {
    std::string select;  ///< comma list; empty = not given
    std::string ignore;
    bool werror = false;
};

/// Finds the configuration for each checked path (cached per directory) and merges it
/// with the command line.  Throws UsageError for an invalid configuration file.
class ConfigResolver {
public:
    explicit ConfigResolver(const RuleOverrides& overrides);
    /// The filter for `path` ("-" = standard input: looked up from the current directory).
    const RuleFilter& filter_for(const std::string& path);

private:
    std::optional<std::vector<std::string>> select_, ignore_;
    bool werror_ = false;
    std::map<std::string, std::string> dir_to_config_;  ///< directory → config file ("" = none)
    std::map<std::string, std::unique_ptr<RuleFilter>> filters_;  ///< config file → filter
};

}  // namespace unres::cli
