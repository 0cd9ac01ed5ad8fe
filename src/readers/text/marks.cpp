// Stage 7, footnote marks.
//
// Job: link footnotes to the marks in the text: marks found in markup first, then bare digits
// that fit the footnote sequence on the footnote's page; a footnote whose mark is not found is
// placed as an orphan on its page's paragraph.  Input: the tree and the footnotes (in the
// Document) with their pages (NoteSet), the lines' pages (line_pages) and the source.  Guarantees: a mark is linked at most once; no footnote text is lost.
#include "readers/text/marks.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "bytes.hpp"
#include "readers/text/common.hpp"

namespace unres::readers::stages {

namespace {

class MarkLinker {
public:
    MarkLinker(Document& doc, const std::vector<int>& note_page, const std::vector<int>& note_region_lo,
               const LinePages& pages, const SourceFile& src)
        : doc_(doc), note_page_(note_page), note_region_lo_(note_region_lo), line_pages_(pages), src_(src) {}
    void run() { resolve_marks(); }

private:
    Document& doc_;
    const std::vector<int>& note_page_;
    const std::vector<int>& note_region_lo_;
    const LinePages& line_pages_;  ///< line_pages(): the page of each content line's first byte
    const SourceFile& src_;

    // ---- footnote marks ----
    struct Candidate {
        Para* para;
        std::size_t b, e;  // digits in text
        int value;
        int weight;
        int page;
        bool explicit_mark;
        std::size_t mark_index;
    };

    void for_each_para(const std::function<void(Para&)>& f);
    int para_page(const Para& p, std::size_t pos) const;
    void find_candidates(Para& p, std::vector<Candidate>& out, const std::set<int>& wanted);
    void resolve_marks();
    void infer_marks(const std::map<int, std::size_t>& by_value);
    static std::vector<Candidate> best_chain(const std::vector<Candidate>& ok);
    static void apply_marks(std::vector<Candidate>& chosen);
    void link_refs_and_orphans();
};


void MarkLinker::for_each_para(const std::function<void(Para&)>& f) {
    std::function<void(Para&)> rec = [&](Para& p) {
        f(p);
        for (auto& c : p.children) rec(c);
    };
    for (auto& p : doc_.preamble) rec(p);
    for (auto& p : doc_.operative) rec(p);
    for (auto& p : doc_.instructions) rec(p);
    for (auto& a : doc_.annexes) {
        for (auto& p : a.preamble) rec(p);
        for (auto& p : a.operative) rec(p);
    }
}


int MarkLinker::para_page(const Para& p, std::size_t pos) const {
    // the page of the content line that holds text position pos
    std::uint32_t off = p.source_offset(pos);
    auto it = std::upper_bound(line_pages_.begin(), line_pages_.end(), off,
                               [](std::uint32_t o, const std::pair<std::uint32_t, int>& e) { return o < e.first; });
    if (it == line_pages_.begin()) return 0;
    return std::prev(it)->second;
}

namespace {

/// "2025", "1949,", "2015–2030": a token that ends with a year (19xx or 20xx), trailing punctuation aside.
bool ends_with_year(std::string_view w) {
    while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == '.' || w.back() == ')')) w.remove_suffix(1);
    if (w.size() < 4) return false;
    std::string_view y = w.substr(w.size() - 4);
    if (!all_digits(y) || !(starts_with(y, "19") || starts_with(y, "20"))) return false;
    if (w.size() == 4) return true;
    std::string_view head = w.substr(0, w.size() - 4);
    return ends_with(head, "-") || ends_with(head, "\xE2\x80\x93");  // a range "2015–2030"
}

/// t[0, b) ends with a year and a dash: "2015–" or "2015-" (a range whose end year follows).
bool range_before(std::string_view t, std::size_t b) {
    std::string_view head = t.substr(0, b);
    if (ends_with(head, "\xE2\x80\x93")) head.remove_suffix(3);
    else if (ends_with(head, "-")) head.remove_suffix(1);
    else return false;
    return head.size() >= 4 && ends_with_year(head.substr(head.size() - 4)) && (head.size() == 4 || !is_digit(head[head.size() - 5]));
}

/// "58/20", "29/11,": a resolution number.
bool is_resolution_number(std::string_view w) {
    while (!w.empty() && (w.back() == ',' || w.back() == ';')) w.remove_suffix(1);
    std::size_t slash = w.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= w.size()) return false;
    return is_digit(w[slash - 1]) && is_digit(w[slash + 1]);
}

bool is_quantity_word(std::string_view next) {
    return is_month(next) || next == "per" || next == "percent" || next == "million" || next == "billion" || next == "years" ||
           next == "days" || next == "months" || next == "%" || next == "States" || next == "countries" || next == "Member" ||
           next == "members" || next == "weeks" || next == "hours" || next == "times";
}

/// The n-th word (1-based) after position e of t, "" past the end.
std::string_view next_words(std::string_view t, std::size_t e, int n) {
    std::string_view w;
    for (int k = 0; k < n; ++k) {
        while (e < t.size() && t[e] == ' ') ++e;
        w = first_word(t.substr(std::min(e, t.size())));
        if (w.empty()) return {};
        e += w.size();
    }
    return w;
}

/// The weight of t[b, e) as a detached mark (" 8 " between words), 0 when it cannot be one:
/// "Rights, 8 the", "Disabilities 6 and", after a year ("of 4 July 2025, 3 58/20", "of 12 August
/// 1949 12 and", "2015–2030 20 and"), between resolution numbers ("73/263, 21 74/168").
int detached_weight(std::string_view t, std::size_t b, std::size_t e) {
    std::size_t pe = b - 1;
    std::size_t ps = t.rfind(' ', pe - 1);
    ps = ps == std::string_view::npos ? 0 : ps + 1;
    std::string_view prev = t.substr(ps, pe - ps);
    std::string_view next = first_word(t.substr(e));
    std::string_view prev_bare = prev;
    while (!prev_bare.empty() && std::ispunct(static_cast<unsigned char>(prev_bare.back())) && prev_bare.back() != '.') prev_bare.remove_suffix(1);
    bool prev_punct = !prev.empty() && (prev.back() == ',' || prev.back() == ';' || prev.back() == ':' || prev.back() == '.' ||
                                        prev.back() == ')' || ends_with(prev, "\xE2\x80\x9D") || prev.back() == '"');
    bool prev_word = !prev.empty() && (std::isalpha(static_cast<unsigned char>(prev.back())) || prev_punct);
    bool prev_year = ends_with_year(prev);
    bool prev_number = !prev_bare.empty() && !prev_punct &&
                       std::all_of(prev_bare.begin(), prev_bare.end(), [](char c) { return is_digit(c) || c == '/' || c == ','; });
    // a resolution or document number before ("resolution 59/300 9 and", "78/221 26 and"): the
    // digits after it are no part of it
    bool prev_symbol = is_resolution_number(prev) && !prev_punct;
    // decisions are cited by symbol ("decision 2/CMA.1", "decision 79/505"): a bare number after
    // "decision(s)" that a word follows, not a range ("decisions 12 to establish"), is a mark
    std::string_view next2 = next_words(t, e, 2);
    bool after_next_digit = !next2.empty() && is_digit(next2[0]);
    bool decision_mark = (prev == "decision" || prev == "decisions") && is_lower_start(next) && !after_next_digit &&
                         next != "of" && next != "and" && next != "or";
    bool bad_prev = (words::is_number_context_word(prev) && !decision_mark) || is_month(prev) ||
                    (prev_number && !prev_year && !prev_symbol) || (!prev_punct && is_lower_start(prev) && prev.size() <= 3);
    // a count after a comma ("Development, 38 States expressed"): a weak candidate, which only
    // the footnote sequence can confirm
    bool weak_count = prev_punct && ends_with(prev, ",") && !prev_year && (next == "States" || next == "countries");
    bool bad_next = is_quantity_word(next) && !weak_count;
    if (!bad_next && !next.empty() && is_digit(next[0])) {
        // a number follows: a resolution number after a year, a resolution number or a word and a
        // comma ("2025, 3 58/20", "73/263, 21 74/168", "quality, 3 2/21"); a date after a year and a
        // comma ("2018, 21 4 February 2021"); the next year of a list ("2021, 1 2022")
        std::string_view after_next = first_word(t.substr(std::min(t.size(), e + 1 + next.size())));
        bool comma = ends_with(prev, ",");
        bool alpha_before = !prev_bare.empty() && std::isalpha(static_cast<unsigned char>(prev_bare.back()));
        bool res_list = is_resolution_number(next) && (prev_year || (comma && (is_resolution_number(prev) || alpha_before)));
        // "2021, 22 1 and 30 April 2021": the first day of a pair of dates
        std::string_view w3 = next_words(t, e, 3), w4 = next_words(t, e, 4);
        bool date_list = prev_year && comma && next.size() <= 2 &&
                         (is_month(after_next) || ((after_next == "and" || after_next == "to") && all_digits(w3) && is_month(w4)));
        bool year_list = prev_year && comma && ends_with_year(next);
        bad_next = !(res_list || date_list || year_list);
    }
    if (!(prev_word || prev_year || prev_symbol) || bad_prev || bad_next) return 0;
    if (decision_mark || weak_count) return 1;
    return prev_year ? 1 : (prev_punct || prev_symbol ? 3 : 2);
}

}  // namespace

/// Bare digits that may be a footnote mark the extraction flattened: detached (detached_weight),
/// glued to the word before ("Nations1", "peace,1"), glued to the word after ("resolutions 3on",
/// "Rights, 1as"), or glued to a year ("20242", "2015–203015").  Only values of footnotes without an
/// explicit mark are candidates; resolve_marks() keeps those that fit the footnote sequence and pages.
void MarkLinker::find_candidates(Para& p, std::vector<Candidate>& out, const std::set<int>& wanted) {
    const std::string& t = p.text;
    std::size_t i = 0;
    while (i < t.size()) {
        if (!is_digit(t[i])) {
            ++i;
            while (i + 8 <= t.size() && bytes::digit(bytes::load8(t, i)) == 0) i += 8;  // no digit in the next eight
            continue;
        }
        std::size_t b = i;
        while (i < t.size() && is_digit(t[i])) ++i;
        std::size_t e = i;
        char before = b > 0 ? t[b - 1] : ' ';
        char after = e < t.size() ? t[e] : ' ';
        std::size_t len = e - b;
        auto try_add = [&](std::size_t db, int weight) {
            std::string digits = t.substr(db, e - db);
            if (digits.empty() || digits.size() > 3 || digits[0] == '0') return;
            int v = std::stoi(digits);
            if (!wanted.count(v)) return;
            out.push_back({&p, db, e, v, weight, para_page(p, db), false, 0});
        };
        bool token_end = after == ' ' || e == t.size() || after == ',' || after == ';' || after == '.' || after == ')';
        // year + mark: a 5–7 digit token starting with 19xx/20xx, alone or ending a range ("2015–203015")
        bool year_prefix = starts_with(std::string_view(t).substr(b), "19") || starts_with(std::string_view(t).substr(b), "20");
        if (len >= 5 && len <= 7 && year_prefix && token_end && (before == ' ' || b == 0 || range_before(t, b))) try_add(b + 4, 2);
        // glued to the next word: "resolutions 3on the", "Human Rights, 1as well as" (not "2nd", "3rd", "5km")
        if ((before == ' ' || b == 0) && len <= 3 && after >= 'a' && after <= 'z') {
            std::size_t we = e;
            while (we < t.size() && std::isalpha(static_cast<unsigned char>(t[we]))) ++we;
            std::string_view rest = std::string_view(t).substr(e, we - e);
            bool unit = rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == "km" || rest == "kg" || rest == "mm" ||
                        rest == "cm" || rest == "ml" || rest == "am" || rest == "pm" || rest == "bis" || rest == "ter" || rest == "quater";
            if (rest.size() >= 2 && !unit && b >= 2) try_add(b, 2);
            continue;
        }
        if (!token_end) continue;
        if (after == '.' && e + 1 < t.size() && is_digit(t[e + 1])) continue;
        if (before == '/' || before == '-' || before == '.' || before == '(' || before == ':') continue;
        if (before == ' ' && b >= 2) {
            if (int w = detached_weight(t, b, e)) try_add(b, w);
        } else if (before != ' ' && b > 0) {
            // glued to the word before: "Nations1", "peace,1", "Punishment,9"
            std::size_t ws = t.rfind(' ', b);
            ws = ws == std::string::npos ? 0 : ws + 1;
            std::size_t tok = e - ws;
            if ((std::isalpha(static_cast<unsigned char>(before)) || before == ',' || before == ';' || before == ')' || before == '"' ||
                 static_cast<unsigned char>(before) >= 0x80) &&
                len <= 3 && tok > len + 1)
                try_add(b, 2);
        }
    }
}


void MarkLinker::resolve_marks() {
    // Explicit marks: from markup.  Inferred: bare digits consistent with the sequence.
    std::set<std::string> explicit_nums;
    for_each_para([&](Para& p) {
        for (auto& m : p.marks) explicit_nums.insert(m.num);
    });
    // Footnotes whose marks are missing: look for bare digits on their page.
    std::map<int, std::size_t> by_value;  // numeric footnotes not referenced explicitly
    for (std::size_t f = 0; f < doc_.footnotes.size(); ++f) {
        const auto& fn = doc_.footnotes[f];
        if (all_digits(fn.num) && fn.num.size() <= 3 && !explicit_nums.count(fn.num)) by_value[std::stoi(fn.num)] = f;
    }
    if (!by_value.empty()) infer_marks(by_value);
    link_refs_and_orphans();
}

/// Bare digits that fit the sequence of the footnotes in `by_value` (value → footnote) on their
/// pages become marks (inferred), explicit marks taking part as fixed points.
void MarkLinker::infer_marks(const std::map<int, std::size_t>& by_value) {
    std::set<int> wanted;
    for (auto& [v, f] : by_value) wanted.insert(v);
    std::vector<Candidate> cands;
    for_each_para([&](Para& p) {
        std::size_t first = cands.size();
        // explicit marks participate as fixed points
        for (std::size_t mi = 0; mi < p.marks.size(); ++mi) {
            const Mark& m = p.marks[mi];
            if (!all_digits(m.num) || m.num.size() > 3) continue;
            cands.push_back({&p, m.pos, m.pos, std::stoi(m.num), 1000, para_page(p, m.pos), true, mi});
        }
        find_candidates(p, cands, wanted);
        std::stable_sort(cands.begin() + static_cast<std::ptrdiff_t>(first), cands.end(),
                         [](const Candidate& a, const Candidate& b) { return a.b < b.b; });
    });
    // keep only candidates on a page where their footnote may be marked
    std::vector<Candidate> ok;
    for (auto& c : cands) {
        if (c.explicit_mark) {
            ok.push_back(c);
            continue;
        }
        auto it = by_value.find(c.value);
        if (it == by_value.end()) continue;
        std::size_t f = it->second;
        int lo = note_region_lo_.size() > f ? note_region_lo_[f] : 0;
        int hi = note_page_.size() > f ? note_page_[f] : 0;
        if (c.page >= lo && c.page <= hi) ok.push_back(c);
    }
    // Document order (paragraphs are visited preamble first, so sort by source position:
    // section preambles sit between operative paragraphs).
    std::stable_sort(ok.begin(), ok.end(), [](const Candidate& a, const Candidate& b) {
        return a.para->source_offset(a.b) < b.para->source_offset(b.b);
    });
    std::vector<Candidate> chosen = best_chain(ok);
    apply_marks(chosen);
    for_each_para([&](Para& p) {
        std::stable_sort(p.marks.begin(), p.marks.end(), [](const Mark& a, const Mark& b) { return a.pos < b.pos; });
        while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
    });
}

/// The max-weight chain of candidates (in document order) with strictly increasing values;
/// the inferred ones among it.
std::vector<MarkLinker::Candidate> MarkLinker::best_chain(const std::vector<Candidate>& ok) {
    std::vector<int> values(ok.size()), weights(ok.size());
    for (std::size_t i = 0; i < ok.size(); ++i) values[i] = ok[i].value, weights[i] = ok[i].weight;
    std::vector<Candidate> chosen;
    for (std::size_t i : heaviest_increasing_chain(values, weights))
        if (!ok[i].explicit_mark) chosen.push_back(ok[i]);
    return chosen;
}

/// Turns the chosen digits into inferred marks: the digits (and the space before them) leave the text.
void MarkLinker::apply_marks(std::vector<Candidate>& chosen) {
    // Apply from the end of each paragraph so positions stay valid.
    std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
        return a.para != b.para ? a.para < b.para : a.b > b.b;
    });
    for (auto& c : chosen) {
        Para& p = *c.para;
        Mark m;
        m.num = std::to_string(c.value);
        m.inferred = true;
        std::uint32_t sb = p.source_offset(c.b);
        m.span = {sb, sb + static_cast<std::uint32_t>(c.e - c.b)};
        // remove the digits and a space before them ("Rights, 8 the" → "Rights, the")
        std::size_t cut_b = c.b, cut_e = c.e;
        if (cut_b > 0 && p.text[cut_b - 1] == ' ' && (cut_e == p.text.size() || p.text[cut_e] == ' ')) --cut_b;
        else if (cut_b > 0 && p.text[cut_b - 1] == ' ' && cut_e < p.text.size() && std::ispunct(static_cast<unsigned char>(p.text[cut_e]))) --cut_b;
        m.pos = cut_b;
        // glued to the next word ("resolutions 3on"): the mark stands after the word before,
        // the space stays between it and the next word ("resolutions<sup>3</sup> on")
        if (cut_b == c.b && cut_b > 0 && p.text[cut_b - 1] == ' ' && cut_e < p.text.size() &&
            std::isalpha(static_cast<unsigned char>(p.text[cut_e])))
            m.pos = cut_b - 1;
        erase_text(p.text, p.map, p.marks, p.italics, cut_b, cut_e);
        p.marks.push_back(m);
    }
}

/// Footnote::refs from every mark; a footnote without one is kept on its page's paragraph.
void MarkLinker::link_refs_and_orphans() {
    // References and orphans.
    std::map<std::string, std::size_t> index;
    for (std::size_t f = 0; f < doc_.footnotes.size(); ++f) index.emplace(doc_.footnotes[f].num, f);
    std::vector<std::pair<std::uint32_t, std::pair<std::string, Span>>> refs;
    for_each_para([&](Para& p) {
        for (const auto& m : p.marks) refs.push_back({m.span.begin, {m.num, m.span}});
    });
    std::sort(refs.begin(), refs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& r : refs) {
        auto it = index.find(r.second.first);
        if (it != index.end()) doc_.footnotes[it->second].refs.push_back(r.second.second);
    }
    // A note no mark points to goes to its host: the last paragraph (in the order for_each_para
    // visits them) that begins before the note's body.  Found by binary search over the
    // paragraphs sorted by where they begin, each with the latest visited paragraph up to it (a
    // walk of every paragraph for every such note was quadratic).
    if (std::none_of(doc_.footnotes.begin(), doc_.footnotes.end(),
                     [](const Footnote& fn) { return fn.refs.empty() && fn.num != "*" && !fn.num.empty(); }))
        return;  // every note has its mark
    std::vector<Para*> visited;
    for_each_para([&](Para& p) { visited.push_back(&p); });
    std::vector<std::pair<std::uint32_t, std::size_t>> by_begin;  // (begin, latest visit index so far)
    by_begin.reserve(visited.size());
    for (std::size_t i = 0; i < visited.size(); ++i) by_begin.push_back({visited[i]->span.begin, i});
    std::sort(by_begin.begin(), by_begin.end());
    for (std::size_t k = 1; k < by_begin.size(); ++k) by_begin[k].second = std::max(by_begin[k].second, by_begin[k - 1].second);
    for (auto& fn : doc_.footnotes) {
        // asterisk notes belong to the sponsor line / title: no paragraph mark expected
        if (!fn.refs.empty() || fn.num == "*" || fn.num.empty()) continue;
        auto it = std::lower_bound(by_begin.begin(), by_begin.end(), fn.span.begin,
                                   [](const auto& e, std::uint32_t body) { return e.first < body; });
        if (it != by_begin.begin()) visited[std::prev(it)->second]->orphan_notes.push_back(fn.num);
    }
}

}  // namespace

LinePages line_pages(const std::vector<Line>& lines) {
    LinePages out;
    for (const Line& l : lines) {
        if (l.kind != LineKind::Content) continue;
        out.push_back({l.map.empty() ? l.begin : l.map.front().src, l.page});
    }
    auto by_offset = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(out.begin(), out.end(), by_offset)) std::stable_sort(out.begin(), out.end(), by_offset);  // text: in order
    return out;
}

std::vector<std::size_t> heaviest_increasing_chain(const std::vector<int>& values, const std::vector<int>& weights) {
    // best[i]: the weight of the heaviest chain ending at i; from[i]: the item before i on it.  A
    // Fenwick tree over the values' ranks answers "the heaviest chain ending below value v so far" in
    // O(log n), so the whole is O(n log n), not the O(n^2) of comparing every pair (a compilation
    // with tens of thousands of marks and one lost).  Ties go to the earliest item, as a scan of
    // the items in order keeping the first strict improvement would choose.
    const std::size_t n = values.size();
    std::vector<int> ranks(values);  // the distinct values, in order: a value's rank is its place here
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    struct Best {
        long weight = 0;
        std::ptrdiff_t at = -1;  // -1: no chain
    };
    auto better = [](const Best& a, const Best& b) { return a.weight > b.weight || (a.weight == b.weight && a.at >= 0 && (b.at < 0 || a.at < b.at)); };
    std::vector<Best> tree(ranks.size() + 1);  // 1-based: position r + 1 holds the value of rank r
    std::vector<long> best(n, 0);
    std::vector<std::ptrdiff_t> from(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const auto rank = static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), values[i]) - ranks.begin());
        Best below;  // the heaviest chain ending at a value < values[i]
        for (std::size_t q = rank; q > 0; q -= q & (~q + 1))
            if (better(tree[q], below)) below = tree[q];
        best[i] = weights[i];
        if (below.at >= 0 && below.weight > 0) {
            best[i] = below.weight + weights[i];
            from[i] = below.at;
        }
        const Best here{best[i], static_cast<std::ptrdiff_t>(i)};
        for (std::size_t p = rank + 1; p < tree.size(); p += p & (~p + 1))
            if (better(here, tree[p])) tree[p] = here;
    }
    std::ptrdiff_t at = -1;
    long top = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (best[i] > top) top = best[i], at = static_cast<std::ptrdiff_t>(i);
    std::vector<std::size_t> chain;
    for (; at >= 0; at = from[static_cast<std::size_t>(at)]) chain.push_back(static_cast<std::size_t>(at));
    return chain;
}

void link_marks(Document& doc, const std::vector<int>& note_page, const std::vector<int>& note_region_lo,
                const LinePages& pages, const SourceFile& src) {
    MarkLinker(doc, note_page, note_region_lo, pages, src).run();
}

}  // namespace unres::readers::stages
