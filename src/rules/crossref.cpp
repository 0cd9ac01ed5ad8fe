// Cross-references inside the text (UNR401-UNR403).
//
// Recognised forms (case-insensitive):
//   paragraph 12 above | paragraphs 16 and 17 above | paragraphs 2 to 5 below
//   paragraph 3 (b) above | paragraph 5 of the present resolution
//   subparagraph (b) of paragraph 3 [above|below] | subparagraphs (a) and (c) of paragraph 3
// "paragraph N" alone, or followed by "of"/"in" something else ("of resolution 70/1",
// "of the annex to ..."), points to another document and is left alone.  References
// are resolved among the numbered paragraphs of the same part: the resolution's own
// operative part, or the annex the reference stands in.
#include <cctype>
#include <map>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

struct Target {
    long num = 0;
    std::vector<std::string> subs;  // "(b)" -> {"b"}; "(a) (ii)" -> {"a", "ii"}
    bool deleted = false;           // "paragraph [deleted 4]", as `unres fix` marks a dangling reference
};

struct Ref {
    std::size_t begin = 0, end = 0;
    std::vector<Target> targets;
    int dir = 0;  // -1 above, +1 below, 0 neither ("of the present resolution")
};

class Scanner {
public:
    explicit Scanner(const std::string& text) : low_(text) {
        // ASCII only, as std::tolower in the "C" locale unres runs in; branch-free, so the
        // compiler does it 16 or 32 bytes at a time
        char* d = low_.data();
        for (std::size_t k = 0, n = low_.size(); k < n; ++k)
            d[k] = static_cast<char>(d[k] + (static_cast<unsigned char>(d[k] - 'A') < 26 ? 'a' - 'A' : 0));
    }

    std::vector<Ref> scan() {
        std::vector<Ref> out;
        // Every form holds "paragraph": only the places 4, 3 and 0 bytes before each one can
        // start a reference ("sub-paragraph", "subparagraph", "paragraph"), in text order.
        std::size_t next = 0;  // the first position still to try (past the last reference)
        for (std::size_t k = low_.find("paragraph"); k != std::string::npos; k = low_.find("paragraph", k + 9))
            for (std::size_t back : {4, 3, 0}) {
                if (k < back || k - back < next) continue;
                next = try_at(k - back, out);
            }
        return out;
    }

private:
    /// Reads a reference at low_[i] into `out`; returns the next position to try.
    std::size_t try_at(std::size_t i, std::vector<Ref>& out) {
        {
            if (i > 0 && std::isalpha(static_cast<unsigned char>(low_[i - 1]))) return i + 1;
            Ref r;
            std::size_t save = i;
            if (word_at(i, "subparagraph") || word_at(i, "sub-paragraph")) {
                pos_ = i + (low_[i + 3] == '-' ? 13 : 12);
                if (sub_form(r)) { r.begin = save; r.end = pos_; out.push_back(r); i = pos_ - 1; }
            } else if (word_at(i, "paragraph")) {
                pos_ = i + 9;
                if (para_form(r)) { r.begin = save; r.end = pos_; out.push_back(r); i = pos_ - 1; }
            }
        }
        return i + 1;
    }

    bool word_at(std::size_t i, std::string_view w) const { return low_.compare(i, w.size(), w) == 0; }

    bool lit(std::string_view w) {
        if (low_.compare(pos_, w.size(), w) != 0) return false;
        pos_ += w.size();
        return true;
    }

    void spaces() {
        while (pos_ < low_.size() && low_[pos_] == ' ') ++pos_;
    }

    bool number(long& v) {
        std::size_t b = pos_;
        v = 0;
        while (pos_ < low_.size() && std::isdigit(static_cast<unsigned char>(low_[pos_])) && pos_ - b < 6)
            v = v * 10 + (low_[pos_++] - '0');
        if (pos_ == b || (pos_ < low_.size() && (std::isalnum(static_cast<unsigned char>(low_[pos_])) || low_[pos_] == '/' ||
                                                 (low_[pos_] == '.' && pos_ + 1 < low_.size() &&
                                                  std::isdigit(static_cast<unsigned char>(low_[pos_ + 1])))))) {
            pos_ = b;
            return false;
        }
        return true;
    }

    /// A number, or "[deleted N]" (what `unres fix` writes for a paragraph that no longer exists).
    bool target_number(long& v, bool& deleted) {
        std::size_t b = pos_;
        deleted = false;
        if (!lit("[deleted ")) return number(v);
        if (number(v) && lit("]")) return deleted = true;
        pos_ = b;
        return false;
    }

    /// "(b)" -> "b"
    bool paren(std::string& s) {
        std::size_t b = pos_;
        if (!lit("(")) return false;
        std::size_t k = pos_;
        while (pos_ < low_.size() && std::isalpha(static_cast<unsigned char>(low_[pos_])) && pos_ - k < 8) ++pos_;
        if (pos_ == k || !lit(")")) { pos_ = b; return false; }
        s = low_.substr(k, pos_ - k - 1);
        return true;
    }

    /// "(a)", "(a) (ii)", "(a)(ii)"
    bool chain(std::vector<std::string>& subs) {
        std::string s;
        if (!paren(s)) return false;
        subs.push_back(s);
        for (;;) {
            std::size_t b = pos_;
            spaces();
            if (!paren(s)) { pos_ = b; break; }
            subs.push_back(s);
        }
        return true;
    }

    /// ", " | " and " | " or " | ", and "
    bool separator() {
        std::size_t b = pos_;
        lit(",");
        spaces();
        if (lit("and ") || lit("or ")) return true;
        if (pos_ > b + 1 || (pos_ > b && low_[b] == ',')) return true;
        pos_ = b;
        return false;
    }

    /// " above" / " below" / " of the present resolution" / nothing that leads elsewhere.
    /// Returns false when the reference points to another document.
    bool tail(Ref& r, bool need_marker) {
        std::size_t b = pos_;
        spaces();
        if (lit("above")) { r.dir = -1; return true; }
        if (lit("below")) { r.dir = +1; return true; }
        for (std::string_view own : {"of the present resolution", "of this resolution", "of the present decision"}) {
            if (lit(own)) { r.dir = 0; return true; }
        }
        pos_ = b;
        if (need_marker) return false;
        std::size_t c = pos_;
        spaces();
        bool elsewhere = lit("of ") || lit("in ");
        pos_ = c;
        return !elsewhere;
    }

    bool para_form(Ref& r) {
        lit("s");
        spaces();
        for (;;) {
            Target tg;
            if (!target_number(tg.num, tg.deleted)) return false;
            std::size_t b = pos_;
            spaces();
            if (!chain(tg.subs)) pos_ = b;
            std::size_t s = pos_;
            spaces();
            if (lit("to ")) {
                spaces();
                long hi = 0;
                if (!number(hi) || hi < tg.num || hi - tg.num > 200) return false;
                for (long v = tg.num; v <= hi; ++v) r.targets.push_back({v, {}});
            } else {
                pos_ = s;
                r.targets.push_back(tg);
            }
            std::size_t before_sep = pos_;
            if (!separator()) break;
            if (pos_ >= low_.size() || !std::isdigit(static_cast<unsigned char>(low_[pos_]))) {
                pos_ = before_sep;
                break;
            }
        }
        return tail(r, true);
    }

    bool sub_form(Ref& r) {
        lit("s");
        spaces();
        std::vector<std::vector<std::string>> subs;
        for (;;) {
            std::vector<std::string> c;
            if (!chain(c)) return false;
            subs.push_back(c);
            std::size_t before_sep = pos_;
            if (!separator()) break;
            if (pos_ >= low_.size() || low_[pos_] != '(') {
                pos_ = before_sep;
                break;
            }
        }
        spaces();
        if (!lit("of")) return false;
        spaces();
        if (!lit("paragraph")) return false;
        spaces();
        long n = 0;
        bool deleted = false;
        if (!target_number(n, deleted)) return false;
        for (auto& c : subs) r.targets.push_back({n, c, deleted});
        return tail(r, false);
    }

    std::string low_;
    std::size_t pos_ = 0;
};

struct Item {
    long num;
    std::size_t index;
    const Para* para;
};

bool same_num(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

struct Resolver {
    Context& cx;
    std::map<long, std::vector<Item>> items;  // by number (several when sections restart)
    /// In an annex, "paragraph 28 of the present resolution" means the resolution's own
    /// paragraph: references without above/below resolve there (nullptr: same scope).
    const Resolver* resolution = nullptr;

    explicit Resolver(Context& c, const std::vector<Para>& scope) : cx(c) {
        for (std::size_t i = 0; i < scope.size(); ++i)
            if (scope[i].kind == LabelKind::Number)
                if (long v = number_value(scope[i].num); v > 0) items[v].push_back({v, i, &scope[i]});
    }

    /// `at` = index of the top-level paragraph holding the reference (-1 = before all).
    void check(const Para& holder, long at, std::string_view section) {
        for (const Ref& r : Scanner(holder.text).scan()) {
            std::string phrase = holder.text.substr(r.begin, r.end - r.begin);
            Span span = text_span(holder, r.begin, r.end);
            for (const Target& tg : r.targets) target(holder, at, section, r, tg, phrase, span);
        }
    }

    /// The sub-paragraph `subs` ("b", "ii") of `p`, or nullptr.
    static const Para* sub_target(const Para* p, const std::vector<std::string>& subs) {
        for (const std::string& s : subs) {
            const Para* next = nullptr;
            for (const Para& c : p->children)
                if (same_num(c.num, s)) {
                    next = &c;
                    break;
                }
            if (!next) return nullptr;
            p = next;
        }
        return p;
    }

    void target(const Para& holder, long at, std::string_view section, const Ref& r, const Target& tg,
                const std::string& phrase, Span span) {
        if (tg.deleted) {
            cx.report("UNR401", span, "\"" + phrase + "\": paragraph " + std::to_string(tg.num) +
                                          " was deleted (marked by unres fix): rewrite or remove the reference");
            return;
        }
        std::vector<const Item*> cands;
        const auto& scope = (r.dir == 0 && resolution) ? resolution->items : items;
        if (r.dir == 0 && resolution) at = -1;  // positions in the annex say nothing about the resolution
        if (auto f = scope.find(tg.num); f != scope.end())
            for (const Item& it : f->second) cands.push_back(&it);
        if (cands.empty()) {
            cx.report("UNR401", span, "\"" + phrase + "\": there is no paragraph " + std::to_string(tg.num));
            return;
        }
        // Pick the candidate the direction asks for; prefer the same section.
        const Item* pick = nullptr;
        for (const Item* c : cands) {
            bool side = r.dir == 0 || (r.dir < 0 ? static_cast<long>(c->index) < at : static_cast<long>(c->index) > at);
            // "paragraph 1 (b) below" inside paragraph 1 (a): the sub-paragraphs decide.
            if (!side && static_cast<long>(c->index) == at && !tg.subs.empty())
                if (const Para* sub = sub_target(c->para, tg.subs))
                    side = r.dir < 0 ? sub->span.end <= holder.span.begin : sub->span.begin > holder.span.begin;
            if (!side) continue;
            if (!pick || c->para->section == section) pick = c;
        }
        if (!pick) {
            const Item* c = cands.front();
            std::string where = static_cast<long>(c->index) == at ? "is the paragraph that contains the reference"
                                : r.dir < 0                        ? "comes after this reference"
                                                                   : "comes before this reference";
            auto& d = cx.report("UNR402", span, "\"" + phrase + "\": paragraph " + std::to_string(tg.num) + " " + where);
            d.notes.push_back({label_or_span(*c->para), "paragraph " + std::to_string(tg.num) + " is here"});
            return;
        }
        const Para* p = pick->para;
        std::string path = std::to_string(tg.num);
        for (const std::string& s : tg.subs) {
            const Para* next = nullptr;
            for (const Para& c : p->children)
                if (same_num(c.num, s)) { next = &c; break; }
            if (!next) {
                auto& d = cx.report("UNR403", span, "\"" + phrase + "\": paragraph " + path + " has no sub-paragraph (" + s + ")");
                d.notes.push_back({label_or_span(*p), "paragraph " + path + " is here"});
                return;
            }
            path += " (" + s + ")";
            p = next;
        }
    }

    void walk(const Para& p, long at) {
        check(p, at, p.section);
        for (const Para& c : p.children) walk(c, at);
    }
};

}  // namespace

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR401{"UNR401", "crossref-unknown-paragraph", Severity::Error, "A reference points to a paragraph that does not exist",
    R"(## What it does
Resolves "paragraph 12 above", "paragraphs 16 and 17 above", "paragraphs 2 to 5 below",
"paragraph 5 of the present resolution" and "subparagraph (b) of paragraph 3" among the
numbered paragraphs of the same part (the operative part, or the annex the reference
stands in). References to other documents ("paragraph 3 of resolution 70/1") are ignored.

## Why is this bad
The reference points nowhere, typically after paragraphs were deleted or renumbered.

## Example
```
12. Requests the Secretary-General to report on paragraph 14 above;
```
in a text with 12 paragraphs.

## How to fix
Correct the paragraph number.
)"};

constinit const RuleInfo UNR402{"UNR402", "crossref-direction", Severity::Warning, "\"above\" points to a later paragraph or \"below\" to an earlier one",
    R"(## What it does
Checks that "paragraph N above" refers to an earlier paragraph and "paragraph N below"
to a later one.

## Why is this bad
The number or the direction is wrong; often the paragraphs were reordered.

## Example
```
3. Recalls paragraph 7 above;
```

## How to fix
Write "below" (or "above"), or correct the number.
)"};

constinit const RuleInfo UNR403{"UNR403", "crossref-unknown-subparagraph", Severity::Error, "A reference points to a sub-paragraph that does not exist",
    R"(## What it does
Checks that "subparagraph (b) of paragraph 3" and "paragraph 3 (b) above" name a
sub-paragraph that paragraph 3 has.

## Why is this bad
The reference points nowhere, typically after sub-paragraphs were deleted or relettered.

## Example
```
3. Decides ...: (a) ...; (b) ...;
7. Recalls subparagraph (d) of paragraph 3;
```

## How to fix
Correct the letter.
)"};

void check_crossrefs(Context& cx) {
    const Document& doc = cx.doc;
    if (doc.kind == DocKind::Amendment) return;
    Resolver own(cx, doc.operative);
    for (const Para& p : doc.preamble) own.walk(p, -1);
    for (std::size_t i = 0; i < doc.operative.size(); ++i) own.walk(doc.operative[i], static_cast<long>(i));
    for (const Annex& a : doc.annexes) {
        Resolver an(cx, a.operative);
        an.resolution = &own;
        for (const Para& p : a.preamble) an.walk(p, -1);
        for (std::size_t i = 0; i < a.operative.size(); ++i) an.walk(a.operative[i], static_cast<long>(i));
    }
}

}  // namespace unres::rules
