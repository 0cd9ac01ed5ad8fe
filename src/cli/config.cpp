// unres.json: a small JSON reader (objects, arrays, strings, numbers, literals) and
// the rule selection of `check` and `fix`.  No JSON library is used elsewhere in the
// tree (the writers stream JSON themselves), and the file is tiny, so ~150 lines of
// reader are cheaper than a new dependency.
#include "cli/config.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

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
// JSON

struct JValue {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    std::string string;
    std::vector<JValue> array;
    std::vector<std::pair<std::string, JValue>> object;
};

const char* type_name(JValue::Type t) {
    switch (t) {
        case JValue::Type::Null: return "null";
        case JValue::Type::Bool: return "a boolean";
        case JValue::Type::Number: return "a number";
        case JValue::Type::String: return "a string";
        case JValue::Type::Array: return "a list";
        case JValue::Type::Object: return "an object";
    }
    return "a value";
}

class JsonReader {
public:
    JsonReader(std::string_view s, std::string file) : s_(s), file_(std::move(file)) {}

    JValue document() {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
        JValue v = value();
        ws();
        if (i_ < s_.size()) fail("unexpected text after the JSON value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        std::size_t line = 1, col = 1;
        for (std::size_t k = 0; k < i_ && k < s_.size(); ++k) {
            if (s_[k] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(s_[k]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        throw UsageError(file_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": invalid JSON: " + what);
    }

    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }

    bool literal(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }

    JValue value() {
        if (++depth_ > 64) fail("nested too deeply");
        ws();
        if (i_ >= s_.size()) fail("unexpected end of file");
        JValue v;
        char c = s_[i_];
        if (c == '{') {
            v.type = JValue::Type::Object;
            ++i_;
            ws();
            if (i_ < s_.size() && s_[i_] == '}') {
                ++i_;
            } else {
                while (true) {
                    ws();
                    if (i_ >= s_.size() || s_[i_] != '"') fail("expected a key in double quotes");
                    std::string key = string();
                    for (const auto& kv : v.object)
                        if (kv.first == key) fail("duplicate key \"" + key + "\"");
                    ws();
                    if (i_ >= s_.size() || s_[i_] != ':') fail("expected ':' after the key");
                    ++i_;
                    JValue item = value();
                    v.object.emplace_back(std::move(key), std::move(item));
                    ws();
                    if (i_ < s_.size() && s_[i_] == ',') {
                        ++i_;
                        continue;
                    }
                    if (i_ < s_.size() && s_[i_] == '}') {
                        ++i_;
                        break;
                    }
                    fail("expected ',' or '}'");
                }
            }
        } else if (c == '[') {
            v.type = JValue::Type::Array;
            ++i_;
            ws();
            if (i_ < s_.size() && s_[i_] == ']') {
                ++i_;
            } else {
                while (true) {
                    v.array.push_back(value());
                    ws();
                    if (i_ < s_.size() && s_[i_] == ',') {
                        ++i_;
                        continue;
                    }
                    if (i_ < s_.size() && s_[i_] == ']') {
                        ++i_;
                        break;
                    }
                    fail("expected ',' or ']'");
                }
            }
        } else if (c == '"') {
            v.type = JValue::Type::String;
            v.string = string();
        } else if (literal("true")) {
            v.type = JValue::Type::Bool;
            v.boolean = true;
        } else if (literal("false")) {
            v.type = JValue::Type::Bool;
        } else if (literal("null")) {
            v.type = JValue::Type::Null;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            v.type = JValue::Type::Number;
            number();
        } else {
            fail(std::string("unexpected character '") + c + "'");
        }
        --depth_;
        return v;
    }

    void number() {
        auto digits = [&] {
            std::size_t k = i_;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            if (i_ == k) fail("malformed number");
        };
        if (s_[i_] == '-') ++i_;
        digits();
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            digits();
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            digits();
        }
    }

    unsigned hex4() {
        if (i_ + 4 > s_.size()) fail("malformed \\u escape");
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            char h = s_[i_++];
            v <<= 4;
            if (h >= '0' && h <= '9') v |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') v |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') v |= static_cast<unsigned>(h - 'A' + 10);
            else fail("malformed \\u escape");
        }
        return v;
    }

    static void put_utf8(std::string& out, unsigned cp) { utf8::append(out, static_cast<char32_t>(cp)); }

    std::string string() {
        ++i_;  // the opening quote
        std::string out;
        while (true) {
            if (i_ >= s_.size()) fail("unterminated string");
            char c = s_[i_++];
            if (c == '"') break;
            if (static_cast<unsigned char>(c) < 0x20) {
                --i_;
                fail("control character in a string");
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) fail("unterminated string");
            char e = s_[i_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(i_, 2) == "\\u") {
                        i_ += 2;
                        unsigned lo = hex4();
                        if (lo < 0xDC00 || lo > 0xDFFF) fail("malformed surrogate pair");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                        fail("lone surrogate in \\u escape");
                    }
                    put_utf8(out, cp);
                    break;
                }
                default:
                    --i_;
                    fail(std::string("unknown escape '\\") + e + "'");
            }
        }
        return out;
    }

    std::string_view s_;
    std::string file_;
    std::size_t i_ = 0;
    int depth_ = 0;
};

std::string display(const std::string& s) { return "\"" + s + "\""; }

std::vector<std::string> selector_list(const JValue& v, const std::string& file, const char* key) {
    if (v.type != JValue::Type::Array)
        throw UsageError(file + ": \"" + key + "\" must be a list of rule ids or prefixes, not " + type_name(v.type));
    std::vector<std::string> out;
    for (const JValue& item : v.array) {
        if (item.type != JValue::Type::String)
            throw UsageError(file + ": \"" + key + "\" must list rule ids as strings, found " + type_name(item.type));
        std::vector<std::string> one = parse_selectors(item.string, (file + ": \"" + key + "\"").c_str());
        if (one.size() != 1)
            throw UsageError(file + ": \"" + key + "\": " + display(item.string) +
                             " is not one rule id or prefix (such as UNR101 or UNR2)");
        out.push_back(one.front());
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

Config load_config(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UsageError(file + ": cannot read the configuration file");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw UsageError(file + ": cannot read the configuration file");
    JValue root = JsonReader(ss.str(), file).document();
    if (root.type != JValue::Type::Object)
        throw UsageError(file + ": the configuration must be a JSON object, not " + std::string(type_name(root.type)));
    Config cfg;
    cfg.path = file;
    for (const auto& [key, v] : root.object) {
        if (key == "select") {
            cfg.select = selector_list(v, file, "select");
        } else if (key == "ignore") {
            cfg.ignore = selector_list(v, file, "ignore");
        } else if (key == "werror") {
            if (v.type != JValue::Type::Bool)
                throw UsageError(file + ": \"werror\" must be true or false, not " + type_name(v.type));
            cfg.werror = v.boolean;
        } else if (key == "severity") {
            if (v.type != JValue::Type::Object)
                throw UsageError(file + ": \"severity\" must be an object such as {\"UNR301\": \"error\"}, not " +
                                 type_name(v.type));
            for (const auto& [rule, sv] : v.object) {
                std::vector<std::string> id = parse_selectors(rule, (file + ": \"severity\"").c_str());
                if (id.size() != 1)
                    throw UsageError(file + ": \"severity\": " + display(rule) +
                                     " is not one rule id or prefix (such as UNR101 or UNR2)");
                std::optional<Severity> sev;
                std::string name = sv.type == JValue::Type::String ? sv.string : std::string();
                if (name == "error") sev = Severity::Error;
                else if (name == "warning") sev = Severity::Warning;
                else if (name == "note") sev = Severity::Note;
                else if (name != "off")
                    throw UsageError(file + ": \"severity\": the value for " + id.front() +
                                     " must be \"error\", \"warning\", \"note\" or \"off\"");
                cfg.severity.emplace_back(id.front(), sev);
            }
        } else {
            throw UsageError(file + ": unknown key " + display(key) + " (known keys: select, ignore, severity, werror)");
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
