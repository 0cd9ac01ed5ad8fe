// Format detection and dispatch to the readers.
#include "unres/parse.hpp"

#include <cctype>
#include <string_view>

#include "readers/readers.hpp"

namespace unres {

namespace {
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }
}  // namespace

InputFormat detect_format(const SourceFile& src) {
    if (src.is_docx()) return InputFormat::Docx;
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
    if (contains(probe, "\n## ") || contains(probe, "\n# ") || head.substr(0, 2) == "# ") score += 2;
    if (contains(probe, "**")) score += 1;
    {  // markdown footnotes: "[^12]" references or "[^12]:" definitions
        std::size_t at = probe.find("[^");
        if (at != std::string_view::npos && at + 2 < probe.size() && probe[at + 2] >= '0' && probe[at + 2] <= '9') score += 2;
    }
    if (contains(probe, "\n- ") || contains(probe, "\n* ")) score += 1;
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
        case InputFormat::Akn: return readers::read_akn(src);
        case InputFormat::Docx:
        case InputFormat::Markdown:
        case InputFormat::Text:
        case InputFormat::Auto: break;
    }
    Document doc = format == InputFormat::Docx ? readers::read_docx(src) : readers::read_text(src, format);
    return doc;
}

}  // namespace unres
