// unres.json, read with nlohmann-json, and the rule selection of `check` and `fix`.
// Input: the file's bytes.  Guarantees: every problem is one UsageError
// "FILE:LINE:COL: PROBLEM" (a JSON syntax error at the token where it is found, a
// duplicate or unknown key or a wrong value at its key); unknown keys are errors.
#include "cli/config.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"

namespace fs = std::filesystem;

namespace unres::cli {

std::vector<std::string> parse_selectors(const std::string& list, const char* option) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= list.size()) {
        std::size_t j = list.find(',', i);
        if (j == std::string::npos) j = list.size();
        std::string s = list.substr(i, j - i);
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (!s.empty()) {
            bool ok = s.size() >= 3 && s.size() <= 6 && s.compare(0, 3, "UNR") == 0 &&
                      std::all_of(s.begin() + 3, s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
            if (!ok)
                throw UsageError(std::string(option) + ": '" + s +
                                 "' is not a rule id or prefix (such as UNR101 or UNR2)");
            out.push_back(s);
        }
        i = j + 1;
    }
    return out;
}

namespace {

// ---------------------------------------------------------------------------------
// JSON, read by nlohmann-json.  A counting iterator tells how far its lexer has read,
// so each key can be given a line and column; duplicate keys and excessive depth are
// refused while parsing (nlohmann keeps the last value of a duplicate key silently).

using Json = nlohmann::ordered_json;

const char* type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "a list";
        case Json::value_t::object: return "an object";
        default: return "a value";
    }
}

/// A char iterator over the file's bytes that counts how many the lexer has taken.
struct CountingIter {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* p = nullptr;
    std::size_t* taken = nullptr;
    reference operator*() const { return *p; }
    CountingIter& operator++() {
        ++p;
        ++*taken;
        return *this;
    }
    CountingIter operator++(int) {
        CountingIter old = *this;
        ++*this;
        return old;
    }
    bool operator==(const CountingIter& o) const { return p == o.p; }
    bool operator!=(const CountingIter& o) const { return p != o.p; }
};

/// A configuration file's text, with "FILE:LINE:COL" for a byte offset.
class ConfigText {
public:
    ConfigText(std::string file, std::string text) : file_(std::move(file)), s_(std::move(text)) {}
    const std::string& text() const { return s_; }

    /// "FILE:LINE:COL" (1-based, columns in code points) of byte offset `at`.
    std::string where(std::size_t at) const {
        std::size_t line = 1, col = 1;
        for (std::size_t k = 0; k < at && k < s_.size(); ++k) {
            if (s_[k] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(s_[k]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        return file_ + ":" + std::to_string(line) + ":" + std::to_string(col);
    }

    /// Start of the token that ends just before byte `end` (a string, a number or
    /// literal, or one structural character): where a parse error or a key begins.
    std::size_t token_start(std::size_t end) const {
        if (end == 0 || end > s_.size()) return std::min(end, s_.size());
        std::size_t k = end - 1;
        auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.'; };
        if (s_[k] == '"') {
            // back to the opening quote: the first '"' before it not escaped by a backslash
            for (std::size_t j = k; j-- > 0;) {
                if (s_[j] != '"') continue;
                std::size_t bs = 0;
                while (bs < j && s_[j - 1 - bs] == '\\') ++bs;
                if (bs % 2 == 0) return j;
            }
            return k;
        }
        if (word(s_[k]))
            while (k > 0 && word(s_[k - 1])) --k;
        return k;
    }

private:
    std::string file_;
    std::string s_;
};

/// The parsed configuration, and where each key of it stands ("severity/UNR301" for a
/// key inside "severity").
struct ParsedConfig {
    Json root;
    std::map<std::string, std::size_t> key_at;
    std::size_t root_at = 0;
};

ParsedConfig parse_config(const ConfigText& ct) {
    constexpr int kMaxDepth = 64;
    const std::string& s = ct.text();
    std::size_t taken = 0;
    ParsedConfig out;
    std::vector<std::set<std::string>> keys;  // the keys seen so far in each open object
    std::vector<std::string> path;            // the key of each open value, from the root
    auto callback = [&](int depth, nlohmann::json::parse_event_t event, Json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (depth > kMaxDepth) throw UsageError(ct.where(taken) + ": invalid JSON: nested too deeply");
        if (event == E::object_start) keys.emplace_back();
        if (event == E::object_end && !keys.empty()) keys.pop_back();
        if (event == E::key) {
            std::string key = parsed.get<std::string>();
            std::size_t at = ct.token_start(taken);
            if (!keys.empty() && !keys.back().insert(key).second)
                throw UsageError(ct.where(at) + ": invalid JSON: duplicate key \"" + key + "\"");
            path.resize(static_cast<std::size_t>(std::max(depth - 1, 0)));
            std::string full;
            for (const std::string& p : path) full += p + "/";
            out.key_at.emplace(full + key, at);
            path.push_back(key);
        }
        return true;
    };
    CountingIter first{s.data(), &taken}, last{s.data() + s.size(), &taken};
    try {
        out.root = Json::parse(first, last, callback);
    } catch (const Json::parse_error& e) {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 2, column 4: syntax error ..."
        std::size_t colon = what.find(": ");
        std::string problem = colon == std::string::npos ? what : what.substr(colon + 2);
        std::size_t eoi = problem.find("end of input");
        if (eoi != std::string::npos) problem.replace(eoi, 12, "end of file");
        // e.byte counts the bytes the lexer took, the end of the file counting as one.  A
        // lexical error ("last read: ...") is at the byte where the lexer stopped; an
        // unexpected token is given at its start.
        std::size_t at = s.size();
        if (e.byte >= 1 && e.byte <= s.size())
            at = problem.find("last read:") != std::string::npos ? e.byte - 1 : ct.token_start(e.byte);
        throw UsageError(ct.where(at) + ": invalid JSON: " + problem);
    }
    std::size_t k = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (k < s.size() && std::isspace(static_cast<unsigned char>(s[k]))) ++k;
    out.root_at = k;
    return out;
}

std::string display(const std::string& s) { return "\"" + s + "\""; }

std::vector<std::string> selector_list(const Json& v, const std::string& at, const char* key) {
    if (!v.is_array())
        throw UsageError(at + ": \"" + key + "\" must be a list of rule ids or prefixes, not " + type_name(v));
    std::vector<std::string> out;
    for (const Json& item : v) {
        if (!item.is_string())
            throw UsageError(at + ": \"" + key + "\" must list rule ids as strings, found " + type_name(item));
        const std::string& text = item.get_ref<const std::string&>();
        std::vector<std::string> one = parse_selectors(text, (at + ": \"" + key + "\"").c_str());
        if (one.size() != 1)
            throw UsageError(at + ": \"" + key + "\": " + display(text) +
                             " is not one rule id or prefix (such as UNR101 or UNR2)");
        out.push_back(one.front());
    }
    return out;
}

std::optional<Severity> severity_value(const Json& v, const std::string& at, const std::string& id) {
    std::string name = v.is_string() ? v.get<std::string>() : std::string();
    if (name == "error") return Severity::Error;
    if (name == "warning") return Severity::Warning;
    if (name == "note") return Severity::Note;
    if (name != "off")
        throw UsageError(at + ": \"severity\": the value for " + id + " must be \"error\", \"warning\", \"note\" or \"off\"");
    return std::nullopt;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

Config load_config(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UsageError(file + ": cannot read the configuration file");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw UsageError(file + ": cannot read the configuration file");
    ConfigText ct(file, ss.str());
    ParsedConfig parsed = parse_config(ct);
    const Json& root = parsed.root;
    auto at = [&](const std::string& key) {
        auto it = parsed.key_at.find(key);
        return ct.where(it == parsed.key_at.end() ? parsed.root_at : it->second);
    };
    if (!root.is_object())
        throw UsageError(ct.where(parsed.root_at) + ": the configuration must be a JSON object, not " +
                         std::string(type_name(root)));
    Config cfg;
    cfg.path = file;
    for (const auto& [key, v] : root.items()) {
        if (key == "select") {
            cfg.select = selector_list(v, at(key), "select");
        } else if (key == "ignore") {
            cfg.ignore = selector_list(v, at(key), "ignore");
        } else if (key == "werror") {
            if (!v.is_boolean()) throw UsageError(at(key) + ": \"werror\" must be true or false, not " + type_name(v));
            cfg.werror = v.get<bool>();
        } else if (key == "severity") {
            if (!v.is_object())
                throw UsageError(at(key) + ": \"severity\" must be an object such as {\"UNR301\": \"error\"}, not " +
                                 type_name(v));
            for (const auto& [rule, sv] : v.items()) {
                std::string where = at("severity/" + rule);
                std::vector<std::string> id = parse_selectors(rule, (where + ": \"severity\"").c_str());
                if (id.size() != 1)
                    throw UsageError(where + ": \"severity\": " + display(rule) +
                                     " is not one rule id or prefix (such as UNR101 or UNR2)");
                cfg.severity.emplace_back(id.front(), severity_value(sv, where, id.front()));
            }
        } else {
            throw UsageError(at(key) + ": unknown key " + display(key) + " (known keys: select, ignore, severity, werror)");
        }
    }
    return cfg;
}

std::optional<Severity> RuleFilter::apply(std::string_view rule, Severity given) const {
    auto matches = [&](const std::vector<std::string>& list) {
        return std::any_of(list.begin(), list.end(), [&](const std::string& p) { return starts_with(rule, p); });
    };
    if (!select.empty() && !matches(select)) return std::nullopt;
    if (matches(ignore)) return std::nullopt;
    std::optional<Severity> sev = given;
    std::size_t best = 0;
    bool found = false;
    for (const auto& [prefix, s] : severity)
        if (starts_with(rule, prefix) && (!found || prefix.size() >= best)) {
            best = prefix.size();
            found = true;
            sev = s;
        }
    if (!sev) return std::nullopt;
    if (werror && *sev == Severity::Warning) return Severity::Error;
    return sev;
}

bool RuleFilter::family_enabled(std::string_view family) const {
    if (!select.empty() && std::none_of(select.begin(), select.end(), [&](const std::string& s) {
            return starts_with(s, family) || starts_with(family, s);
        }))
        return false;
    for (const std::string& i : ignore)
        if (starts_with(family, i)) return false;
    std::size_t best = 0;
    bool found = false, off = false;
    for (const auto& [prefix, s] : severity)
        if (starts_with(family, prefix) && (!found || prefix.size() >= best)) {
            best = prefix.size();
            found = true;
            off = !s.has_value();
        }
    return !off;
}

ConfigResolver::ConfigResolver(const RuleOverrides& o) : werror_(o.werror) {
    if (!o.select.empty()) select_ = parse_selectors(o.select, "--select");
    if (!o.ignore.empty()) ignore_ = parse_selectors(o.ignore, "--ignore");
}

const RuleFilter& ConfigResolver::filter_for(const std::string& path) {
    std::error_code ec;
    fs::path start = path == "-" ? fs::current_path(ec) : fs::absolute(path, ec).parent_path();
    if (ec) start = fs::path(".");
    std::string dir = start.lexically_normal().string();

    std::string config;
    auto cached = dir_to_config_.find(dir);
    if (cached != dir_to_config_.end()) {
        config = cached->second;
    } else {
        std::vector<std::string> visited;
        for (fs::path d = start.lexically_normal();; d = d.parent_path()) {
            std::string key = d.string();
            auto hit = dir_to_config_.find(key);
            if (hit != dir_to_config_.end()) {
                config = hit->second;
                break;
            }
            visited.push_back(key);
            fs::path candidate = d / kConfigName;
            if (fs::is_regular_file(candidate, ec)) {
                config = candidate.string();
                break;
            }
            if (d == d.parent_path() || d.empty()) break;
        }
        for (const std::string& v : visited) dir_to_config_[v] = config;
    }

    auto it = filters_.find(config);
    if (it != filters_.end()) return *it->second;
    Config cfg = config.empty() ? Config{} : load_config(config);
    auto f = std::make_unique<RuleFilter>();
    f->config_path = config;
    f->select = select_ ? *select_ : cfg.select.value_or(std::vector<std::string>{});
    f->ignore = ignore_ ? *ignore_ : cfg.ignore.value_or(std::vector<std::string>{});
    f->severity = cfg.severity;
    f->werror = werror_ || cfg.werror.value_or(false);
    return *filters_.emplace(config, std::move(f)).first->second;
}

}  // namespace unres::cli
