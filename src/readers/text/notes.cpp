// Stage 2, footnote bodies.
//
// Job: collect the footnote bodies a page carries (the lines the line stage marked Footnote,
// also pdftotext's scrambled blocks where numbers and texts come apart) into
// Document::footnotes, with the page each belongs to.
// Input: the classified lines.  Output: a NoteSet (notes.hpp).  Guarantees: every footnote
// line's text is in one footnote body; footnotes are in order of appearance; per footnote,
// the page of the text it belongs to and the lowest page its mark may be on.
#include "readers/text/notes.hpp"

#include <algorithm>

#include "readers/text/common.hpp"

namespace unres::readers::stages {

namespace {

class NoteCollector {
public:
    explicit NoteCollector(const std::vector<Line>& lines) : lines_(lines) {}
    NoteSet run() {
        collect_footnotes();
        return std::move(out_);
    }

private:
    const std::vector<Line>& lines_;
    NoteSet out_;

    int content_page_before(std::size_t k) const;
    void collect_footnotes();
    void add_note(std::string num, const std::vector<std::size_t>& ls, int page, int lo);
    void read_note_block(const std::vector<std::size_t>& idx, int page, int prev_page);
    void read_sequential(const std::vector<std::size_t>& idx, int page, int lo);
    void read_scrambled(const std::vector<std::size_t>& idx, const std::vector<std::size_t>& number_only, int page, int lo);
};

int NoteCollector::content_page_before(std::size_t k) const {
    for (std::size_t j = k; j-- > 0;)
        if (lines_[j].kind == LineKind::Content) return lines_[j].page;
    return 0;
}

void NoteCollector::collect_footnotes() {
    std::size_t k = 0;
    int prev_block_page = -1;
    while (k < lines_.size()) {
        if (lines_[k].kind != LineKind::Footnote) {
            ++k;
            continue;
        }
        // A block: consecutive footnote lines (blank lines, separators and furniture in between allowed).
        std::size_t b = k;
        std::vector<std::size_t> idx;
        while (k < lines_.size()) {
            LineKind kk = lines_[k].kind;
            if (kk == LineKind::Footnote) idx.push_back(k);
            else if (kk == LineKind::Content) break;
            ++k;
        }
        int page = content_page_before(b);
        read_note_block(idx, page, prev_block_page);
        prev_block_page = page;
    }
}

void NoteCollector::add_note(std::string num, const std::vector<std::size_t>& ls, int page, int lo) {
    Footnote f;
    f.num = std::move(num);
    MappedText mt;
    bool first = true;
    for (std::size_t i : ls) {
        const Line& l = lines_[i];
        if (l.text.empty()) continue;
        if (first) {
            f.line = l.number;
            f.span.begin = l.begin;
            first = false;
        } else
            mt.space(l.begin);
        mt.append(l.text, l.map.empty() ? l.begin : l.map.front().src);
        f.span.end = l.end;
    }
    if (first && !ls.empty()) {  // number only
        f.line = lines_[ls.front()].number;
        f.span = {lines_[ls.front()].begin, lines_[ls.front()].end};
    }
    f.text = mt.text;
    out_.notes.push_back(std::move(f));
    out_.page.push_back(page);
    out_.region_lo.push_back(lo);
}

void NoteCollector::read_note_block(const std::vector<std::size_t>& idx, int page, int prev_page) {
    // Numbers standing alone on their lines (pdftotext) versus numbers with text.
    std::vector<std::size_t> number_only;
    bool any_inline_number = false;
    for (std::size_t i : idx) {
        const Line& l = lines_[i];
        if (l.note_number_only) number_only.push_back(i);
        else if (!l.note_num.empty()) any_inline_number = true;
    }
    int lo = prev_page + 1;
    if (number_only.empty() || any_inline_number) read_sequential(idx, page, lo);
    else read_scrambled(idx, number_only, page, lo);
}

/// A numbered line starts a footnote, the others continue it.
void NoteCollector::read_sequential(const std::vector<std::size_t>& idx, int page, int lo) {
    std::string num;
    std::vector<std::size_t> cur;
    auto flush = [&] {
        if (!cur.empty() || !num.empty()) add_note(num, cur, page, lo);
        cur.clear();
    };
    for (std::size_t i : idx) {
        const Line& l = lines_[i];
        if (!l.note_num.empty()) {
            flush();
            num = l.note_num;
            if (!l.note_number_only) cur.push_back(i);
        } else {
            if (num.empty() && cur.empty() && !out_.notes.empty() && is_lower_start(l.text)) {
                // continues the previous page's last footnote
                auto& prev = out_.notes.back();
                (prev.text += ' ') += l.text;
                prev.span.end = l.end;
                continue;
            }
            cur.push_back(i);
        }
    }
    flush();
}

/// pdftotext's default mode: numbers and texts are separated and partly out of order.
void NoteCollector::read_scrambled(const std::vector<std::size_t>& idx, const std::vector<std::size_t>& number_only, int page,
                                   int lo) {
    // pdftotext default mode: numbers and texts are separated and partly out of order.
    std::vector<int> nums;
    for (std::size_t i : number_only)
        if (all_digits(lines_[i].note_num.get())) nums.push_back(std::stoi(lines_[i].note_num.get()));
    std::sort(nums.begin(), nums.end());
    nums.erase(std::unique(nums.begin(), nums.end()), nums.end());
    // Candidate boundaries between consecutive text lines.
    std::vector<std::vector<std::size_t>> groups;
    auto group_by = [&](bool use_numbers) {
        std::vector<std::vector<std::size_t>> g;
        std::size_t prev_text = SIZE_MAX;
        for (std::size_t i : idx) {
            const Line& l = lines_[i];
            if (l.note_number_only) continue;
            bool split = g.empty();
            if (!split && prev_text != SIZE_MAX) {
                const Line& p = lines_[prev_text];
                bool strong = (ends_with(p.text, ".") || ends_with(p.text, ".)")) && !is_lower_start(l.text);
                bool numbered_between = false;
                for (std::size_t j = prev_text + 1; j < i; ++j)
                    if (lines_[j].note_number_only) numbered_between = true;
                split = strong || (use_numbers && numbered_between && !is_lower_start(l.text));
            }
            if (split) g.emplace_back();
            g.back().push_back(i);
            prev_text = i;
        }
        return g;
    };
    groups = group_by(false);
    if (groups.size() != nums.size()) {
        auto g2 = group_by(true);
        if (g2.size() == nums.size()) groups = g2;
    }
    if (groups.size() == nums.size()) {
        for (std::size_t g = 0; g < groups.size(); ++g) add_note(std::to_string(nums[g]), groups[g], page, lo);
        // the footnote span should include its number line
        return;
    }
    // Fall back to the order of appearance.
    std::string num;
    std::vector<std::size_t> cur;
    for (std::size_t i : idx) {
        const Line& l = lines_[i];
        if (l.note_number_only) {
            if (!cur.empty() || !num.empty()) add_note(num, cur, page, lo);
            cur.clear();
            num = l.note_num;
        } else
            cur.push_back(i);
    }
    if (!cur.empty() || !num.empty()) add_note(num, cur, page, lo);
}

}  // namespace

NoteSet read_notes(const std::vector<Line>& lines) { return NoteCollector(lines).run(); }

}  // namespace unres::readers::stages
