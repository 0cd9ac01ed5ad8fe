// Test helper: writes small PDF files byte by byte (objects, a correct xref table), so that the
// tests can make broken ones (encrypted, without text, with many pages) without any PDF tool.
#pragma once
#include <cstdio>
#include <string>
#include <vector>

namespace unres_test {

struct PdfPage {
    /// Text drawn on the page: {x, y from the bottom, font size, text}; font F1 is Times-Roman,
    /// F2 Times-Italic.
    struct Run { double x, y, size; std::string text; bool italic = false; };
    std::vector<Run> runs;
};

/// A PDF with the given pages.  `encrypt`: an /Encrypt dictionary whose user password is not
/// empty (a reader without the password cannot open it).
inline std::string make_pdf(const std::vector<PdfPage>& pages, bool encrypt = false) {
    std::vector<std::string> objs;  // object i+1
    const std::size_t n = pages.size();
    std::string kids;
    for (std::size_t i = 0; i < n; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
    objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
    objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>");
    objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>");
    for (std::size_t i = 0; i < n; ++i) {
        std::string content;
        char buf[128];
        for (const auto& r : pages[i].runs) {
            std::snprintf(buf, sizeof buf, "BT /%s %.2f Tf %.2f %.2f Td (", r.italic ? "F2" : "F1", r.size, r.x, r.y);
            content += buf;
            for (char c : r.text) {
                if (c == '(' || c == ')' || c == '\\') content += '\\';
                content += c;
            }
            content += ") Tj ET\n";
        }
        objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                       "/Contents " + std::to_string(6 + 2 * i) + " 0 R >>");
        objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    }
    if (encrypt)
        objs.push_back("<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + std::string(64, 'a') + "> /U <" +
                       std::string(64, 'b') + "> >>");
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offs;
    for (std::size_t i = 0; i < objs.size(); ++i) {
        offs.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
    char buf[32];
    for (std::size_t o : offs) {
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", o);
        out += buf;
    }
    out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R";
    if (encrypt)
        out += " /Encrypt " + std::to_string(objs.size()) + " 0 R /ID [<0123456789abcdef0123456789abcdef> "
               "<0123456789abcdef0123456789abcdef>]";
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

/// A one-page draft resolution: a footnote mark set small and raised, an italic lead phrase,
/// a footnote below the body in a smaller size, a job number in the footer.
inline std::string make_draft_pdf() {
    PdfPage p;
    auto add = [&](double x, double y, double size, std::string t, bool italic = false) {
        p.runs.push_back({x, y, size, std::move(t), italic});
    };
    add(72, 740, 10, "A/C.3/80/L.99");
    add(72, 720, 14, "General Assembly");
    add(400, 700, 10, "Distr.: Limited");
    add(400, 688, 10, "1 November 2025");
    add(72, 660, 10, "Eightieth session");
    add(72, 648, 10, "Agenda item 71");
    add(72, 620, 10, "Ruritania: draft resolution");
    add(72, 596, 12, "Protection of typography");
    add(96, 572, 10, "The General Assembly,", true);
    add(96, 554, 10, "Recalling", true);
    add(140, 554, 10, "its resolution 79/1,");
    add(222, 558, 6.5, "1");
    add(96, 536, 10, "1.");
    add(120, 536, 10, "Decides", true);
    add(157, 536, 10, "to remain seized of the matter.");
    add(82, 200, 8.5, "______________");
    add(82, 186, 5.5, "1");
    add(90, 183, 8.5, "Resolution 79/1 of 1 January 2025.");
    add(72, 60, 10, "25-12345 (E)");
    return make_pdf({p});
}

}  // namespace unres_test
