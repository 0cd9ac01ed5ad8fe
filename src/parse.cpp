// Format detection and dispatch to the readers.
#include "unres/parse.hpp"

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/pdf.hpp"
#include "readers/readers.hpp"

namespace unres {

namespace {
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

/// Sub-paragraphs deeper than this are kept one level up (UNR903).  UN texts use four levels
/// below the paragraph; the cap bounds every recursion over the tree (validator, writers,
/// fixer, destructors) whatever the input nests.
constexpr std::size_t kMaxNesting = 32;

/// Moves every descendant of `kids` into one flat list, in document order, without recursion.
std::vector<Para> flatten(std::vector<Para>&& kids) {
    std::vector<Para> flat;
    std::vector<std::pair<std::vector<Para>, std::size_t>> stack;
    stack.emplace_back(std::move(kids), 0);
    while (!stack.empty()) {
        auto& [list, next] = stack.back();
        if (next == list.size()) {
            stack.pop_back();
            continue;
        }
        Para& p = list[next++];
        std::vector<Para> grandchildren = std::move(p.children);
        p.children.clear();
        flat.push_back(std::move(p));
        if (!grandchildren.empty()) stack.emplace_back(std::move(grandchildren), 0);  // may move `list`: not used after
    }
    return flat;
}

/// Applies kMaxNesting to one list of paragraphs; reports the first paragraph kept one level up.
void limit_nesting(std::vector<Para>& top, Document& doc, bool& reported) {
    std::vector<std::pair<Para*, std::size_t>> stack;  // paragraph, its depth (1 = top); document order
    for (auto it = top.rbegin(); it != top.rend(); ++it) stack.emplace_back(&*it, 1);
    while (!stack.empty()) {
        Para* const p = stack.back().first;  // not a structured binding: the lambda below uses it
        const std::size_t depth = stack.back().second;
        stack.pop_back();
        if (depth + 1 < kMaxNesting) {
            for (auto it = p->children.rbegin(); it != p->children.rend(); ++it) stack.emplace_back(&*it, depth + 1);
            continue;
        }
        // p's children are at the deepest level kept: their descendants join them.
        bool deeper = false;
        for (const Para& c : p->children) deeper = deeper || !c.children.empty();
        if (!deeper) continue;
        const std::size_t first_moved = [&] {
            for (std::size_t i = 0; i < p->children.size(); ++i)
                if (!p->children[i].children.empty()) return i;
            return p->children.size();
        }();
        const Para& at = p->children[first_moved].children.front();
        if (!std::exchange(reported, true)) {
            Diagnostic d;
            d.rule = "UNR903";
            d.severity = Severity::Error;
            d.span = at.label_span.end > at.label_span.begin ? at.label_span : at.span;
            d.message = "sub-paragraphs nested more than " + std::to_string(kMaxNesting) +
                        " levels deep: the deeper ones are kept at level " + std::to_string(kMaxNesting);
            doc.diagnostics.push_back(std::move(d));
        }
        p->children = flatten(std::move(p->children));
    }
}

void limit_nesting(Document& doc) {
    bool reported = false;
    limit_nesting(doc.preamble, doc, reported);
    limit_nesting(doc.operative, doc, reported);
    limit_nesting(doc.instructions, doc, reported);
    for (Annex& a : doc.annexes) {
        limit_nesting(a.preamble, doc, reported);
        limit_nesting(a.operative, doc, reported);
    }
}

}  // namespace

SourceFile load_source(std::string path, std::string_view bytes) {
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        // A zip archive: a .docx, or an InputError saying why not (damaged, no
        // word/document.xml, past the zip-bomb limits).
        readers::DocxText d = readers::read_docx_text(bytes);
        return SourceFile::from_extracted(std::move(path), std::string(bytes), std::move(d.text), Origin::Docx);
    }
    if (readers::pdf::is_pdf(bytes)) {
#if UNRES_WITH_PDF
        // A PDF: its text (one line per printed line) and its typography (fonts, sizes, zones);
        // an InputError says why not (damaged, encrypted, no text layer, past the limits).
        auto layout = std::make_shared<TextLayout>();
        layout->pdf = readers::pdf::extract(bytes);
        std::string text = std::move(layout->pdf.text);
        layout->pdf.text.clear();
        return SourceFile::from_extracted(std::move(path), std::string(bytes), std::move(text), Origin::Pdf,
                                          std::move(layout));
#else
        throw InputError("input is a PDF file: this unres was built without PDF support (-DUNRES_WITH_PDF=OFF)");
#endif
    }
    return SourceFile::from_bytes(std::move(path), bytes);
}

SourceFile load_source(const std::string& path) {
    std::string bytes = SourceFile::read_file(path);
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) || readers::pdf::is_pdf(bytes)) return load_source(path, bytes);
    return SourceFile::from_owned_bytes(path, std::move(bytes));  // a text: its bytes become text() without a copy
}

InputFormat detect_format(const SourceFile& src) {
    if (src.is_docx()) return InputFormat::Docx;
    if (src.is_pdf()) return InputFormat::Pdf;
    std::string_view t = src.text();
    std::size_t i = 0;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) ++i;
    std::string_view head = t.substr(i, 4096);
    if (!head.empty() && head[0] == '<' && (contains(head, "akomaNtoso") || contains(head, "<?xml")))
        return InputFormat::Akn;
    // Markdown: markup that a PDF extraction does not produce.
    std::string_view probe = t.substr(0, 1 << 20);
    int score = 0;
    if (head.substr(0, 3) == "---") score += 2;
    // <sup> marks alone do not make markdown: unres's own --to text output uses them
    if (contains(probe, "<sup>&</sup>")) score += 2;  // a converter's escaped-HTML artefact
    else if (contains(probe, "<sup>")) score += 1;
    // what opens a line: "## " / "# " (headings), "- " / "* " (bullets); one pass over the lines
    bool heading = false, bullet = false;
    for (std::size_t nl = probe.find('\n'); nl != std::string_view::npos && !(heading && bullet); nl = probe.find('\n', nl + 1)) {
        std::string_view at = probe.substr(nl + 1, 3);
        heading = heading || at.starts_with("## ") || at.starts_with("# ");
        bullet = bullet || at.starts_with("- ") || at.starts_with("* ");
    }
    if (heading || head.substr(0, 2) == "# ") score += 2;
    if (contains(probe, "**")) score += 1;
    {  // markdown footnotes: "[^12]" references or "[^12]:" definitions
        std::size_t at = probe.find("[^");
        if (at != std::string_view::npos && at + 2 < probe.size() && probe[at + 2] >= '0' && probe[at + 2] <= '9') score += 2;
    }
    if (bullet) score += 1;
    if (contains(probe, "\\*") || contains(probe, "\\_")) score += 1;
    {  // *emphasis* pairs on one line ("*Reaffirms* the ...", "*50th plenary meeting*")
        int pairs = 0;
        std::size_t k = 0;
        while (k < probe.size() && pairs < 2) {
            std::size_t a = probe.find('*', k);
            if (a == std::string_view::npos || a + 2 >= probe.size()) break;
            char n = probe[a + 1];
            bool opens = n != ' ' && n != '*' && n != '\n' && (a == 0 || probe[a - 1] == ' ' || probe[a - 1] == '\n');
            std::size_t b = opens ? probe.find('*', a + 1) : std::string_view::npos;
            std::size_t eol = probe.find('\n', a);
            // with a letter inside: "*2516999*" is a barcode, not emphasis
            bool letter = false;
            if (b != std::string_view::npos)
                for (std::size_t c = a + 1; c < b && !letter; ++c) letter = std::isalpha(static_cast<unsigned char>(probe[c])) != 0;
            if (b != std::string_view::npos && letter && (eol == std::string_view::npos || b < eol) && probe[b - 1] != ' ') {
                ++pairs;
                k = b + 1;
            } else
                k = a + 1;
        }
        score += pairs;
    }
    return score >= 2 ? InputFormat::Markdown : InputFormat::Text;
}

Document parse(const SourceFile& src, InputFormat format) {
    if (format == InputFormat::Auto) format = detect_format(src);
    switch (format) {
        case InputFormat::Akn: {
            Document doc = readers::read_akn(src);
            limit_nesting(doc);
            return doc;
        }
        case InputFormat::Docx:
        case InputFormat::Pdf:
        case InputFormat::Markdown:
        case InputFormat::Text:
        case InputFormat::Auto: break;
    }
    if (format == InputFormat::Pdf && !src.is_pdf()) throw InputError("input is not a PDF file");
    if (src.is_pdf()) format = InputFormat::Pdf;  // its lines come from the PDF, whatever was asked
    Document doc = format == InputFormat::Docx ? readers::read_docx(src)
                   : format == InputFormat::Pdf  ? readers::read_lines(src, readers::pdf_reader_lines(src), InputFormat::Pdf)
                                                 : readers::read_text(src, format);
    limit_nesting(doc);
    return doc;
}

}  // namespace unres
