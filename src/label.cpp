// label.cpp — label arithmetic (see include/unres/label.hpp for the definitions).
#include "unres/label.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace unres::label {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_of(std::string_view s, bool (*f)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), f); }

constexpr std::array<std::pair<long, const char*>, 13> kRoman{{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                             {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"},
                                                             {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};

}  // namespace

bool is_letter_kind(LabelKind k) { return k == LabelKind::Letter || k == LabelKind::LetterDot; }
bool is_roman_kind(LabelKind k) { return k == LabelKind::Roman || k == LabelKind::RomanDot; }
bool is_dot_kind(LabelKind k) { return k == LabelKind::LetterDot || k == LabelKind::RomanDot; }
bool is_paren_kind(LabelKind k) { return k == LabelKind::Letter || k == LabelKind::Roman; }
bool is_sub_kind(LabelKind k) { return is_letter_kind(k) || is_roman_kind(k); }
LabelKind letter_kind(bool dot) { return dot ? LabelKind::LetterDot : LabelKind::Letter; }
LabelKind roman_kind(bool dot) { return dot ? LabelKind::RomanDot : LabelKind::Roman; }

long number_value(std::string_view num) {
    if (num.size() > 6 || !all_of(num, is_digit)) return 0;
    long v = 0;
    for (char c : num) v = v * 10 + (c - '0');
    return v;
}

long letter_value(std::string_view num) {
    if (num.empty() || num.size() > kMaxBracketed) return 0;
    char c = lower(num[0]);
    if (!is_lower(c)) return 0;
    for (char d : num)
        if (lower(d) != c) return 0;
    return static_cast<long>(num.size() - 1) * 26 + (c - 'a' + 1);
}

std::string roman_label(long v) {
    if (v <= 0 || v >= 4000) return {};
    std::string out;
    for (const auto& [n, s] : kRoman)
        while (v >= n) {
            out += s;
            v -= n;
        }
    return out;
}

long roman_value(std::string_view num) {
    if (num.empty() || num.size() > kLongestRoman) return 0;
    long v = 0;
    for (std::size_t i = 0; i < num.size(); ++i) {
        auto val = [](char c) -> long {
            switch (lower(c)) {
                case 'i': return 1;
                case 'v': return 5;
                case 'x': return 10;
                case 'l': return 50;
                default: return 0;
            }
        };
        long a = val(num[i]);
        if (a == 0) return 0;
        long b = i + 1 < num.size() ? val(num[i + 1]) : 0;
        v += (a < b) ? -a : a;
    }
    // Only canonical numerals ("iv", not "iiii" or "vx").
    if (v < 1 || v > kMaxRoman) return 0;
    std::string canon = roman_label(v);
    if (canon.size() != num.size()) return 0;
    for (std::size_t i = 0; i < num.size(); ++i)
        if (lower(num[i]) != canon[i]) return 0;
    return v;
}

long value(LabelKind k, std::string_view num) {
    switch (k) {
        case LabelKind::Number: return number_value(num);
        case LabelKind::Letter:
        case LabelKind::LetterDot: return letter_value(num);
        case LabelKind::Roman:
        case LabelKind::RomanDot: return roman_value(num);
        case LabelKind::None: break;
    }
    return 0;
}

bool is_letter(std::string_view s) { return all_of(s, is_lower) && letter_value(s) > 0; }
bool is_roman(std::string_view s) { return all_of(s, is_lower) && roman_value(s) > 0; }
bool is_upper_roman(std::string_view s) { return all_of(s, is_upper) && roman_value(s) > 0; }
bool is_ambiguous(std::string_view s) { return is_letter(s) && is_roman(s); }

LabelKind kind_in_sequence(std::string_view num, bool dot, const Sequence& s) {
    const long lv = letter_value(num), rv = roman_value(num);
    const LabelKind lk = letter_kind(dot), rk = roman_kind(dot);
    if (!lv || !rv) return lv ? lk : rv ? rk : LabelKind::None;
    const bool cont_l = lv == s.last_letter + 1, cont_r = rv == s.last_roman + 1;
    if (cont_l != cont_r) return cont_l ? lk : rk;
    if (is_sub_kind(s.prev) && is_dot_kind(s.prev) == dot) return s.prev;
    if (rv == 1) return rk;
    return is_letter_kind(s.guess) ? lk : rk;
}

std::string letter_label(long v) {
    if (v <= 0 || v > kMaxLetter) return {};
    auto n = static_cast<std::size_t>((v - 1) / 26 + 1);
    return std::string(n, static_cast<char>('a' + (v - 1) % 26));
}

std::string bare_label(LabelKind k, long v) {
    switch (k) {
        case LabelKind::Letter:
        case LabelKind::LetterDot: return letter_label(v);
        case LabelKind::Roman:
        case LabelKind::RomanDot: return roman_label(v);
        default: return std::to_string(v);
    }
}

std::string next(LabelKind k, std::string_view num) {
    long v = value(k, num);
    if (v == 0 || k == LabelKind::None) return {};
    if (is_roman_kind(k) && v >= kMaxRoman) return {};
    return bare_label(k, v + 1);
}

std::string format(LabelKind k, std::string_view num) {
    std::string n(num);
    switch (k) {
        case LabelKind::Number: return n + ".";
        case LabelKind::Letter:
        case LabelKind::Roman: return "(" + n + ")";
        case LabelKind::LetterDot:
        case LabelKind::RomanDot: return n + ".";
        case LabelKind::None: break;
    }
    return n;
}

std::string format(LabelKind k, long v) {
    if (k == LabelKind::None) return std::to_string(v);
    return format(k, bare_label(k, v));
}

Parsed parse(std::string_view t) {
    Parsed l;
    l.length = t.size();
    if (t.size() < 2) return {};
    if (is_digit(t[0])) {
        std::string_view digits = t.substr(0, t.size() - 1);
        if (t.back() != '.' || digits.size() > 3 || !all_of(digits, is_digit)) return {};
        l.kind = LabelKind::Number;
        l.num = std::string(digits);
        return l;
    }
    if (t[0] == '(') {
        if (t.size() < 3 || t.size() > kLongestRoman + 2 || t.back() != ')') return {};
        std::string_view in = t.substr(1, t.size() - 2);
        if (in.size() > kMaxBracketed && !is_roman(in)) return {};  // "(xxviii)" is, "(unicef)" is not
        if (!is_lower(in[0]) || !all_of(in, [](char c) { return is_lower(c) || is_digit(c); })) return {};
        l.num = std::string(in);
        l.kind = is_roman(in) ? LabelKind::Roman : LabelKind::Letter;  // "(a1)": a Letter UNR107 rejects
        l.ambiguous = is_ambiguous(in);
        return l;
    }
    if (is_lower(t[0])) {
        std::string_view in = t.substr(0, t.size() - 1);
        if (t.back() != '.' || in.size() > kLongestRoman || !all_of(in, is_lower)) return {};
        l.num = std::string(in);
        if (is_roman(in)) l.kind = LabelKind::RomanDot;
        else if (in.size() == 1) l.kind = LabelKind::LetterDot;
        else return {};
        l.ambiguous = is_ambiguous(in);
        return l;
    }
    return {};
}

Parsed lex(std::string_view text) {
    // a label opens with a digit, "(" or a lower-case letter (parse): most lines open with none
    if (text.empty() || !(is_digit(text[0]) || text[0] == '(' || is_lower(text[0]))) return {};
    std::size_t end = text.find(' ');
    std::string_view token = text.substr(0, end);
    Parsed l = parse(token);
    if (is_dot_kind(l.kind) && end == std::string_view::npos) return {};  // "a." must be followed by text
    return l;
}

}  // namespace unres::label
