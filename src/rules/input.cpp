// Input problems: invalid UTF-8 (UNR901), an encoding that had to be guessed (UNR904).
#include <algorithm>

#include "rules/rules.hpp"
#include "utf8.hpp"

namespace unres::rules {

void check_input(Context& cx) {
    if (encoding_guessed(cx.src.encoding())) {
        const std::string& t = cx.src.text();
        std::uint32_t at = 0;
        if (cx.src.encoding() == Encoding::Windows1252)
            while (at < t.size() && static_cast<unsigned char>(t[at]) < 0x80) ++at;
        if (at >= t.size()) at = 0;
        Span span{at, at};
        if (at < t.size()) span.end = at + static_cast<std::uint32_t>(utf8::valid_sequence(t, at));
        cx.report("UNR904", span,
                  "the file is not UTF-8 and has no byte-order mark: read as " + std::string(to_string(cx.src.encoding())));
    }
    std::size_t n = cx.src.invalid_utf8();
    if (n == 0) return;
    const auto& offs = cx.src.invalid_offsets();
    auto at = [&](std::uint32_t o) {
        // Each bad byte became U+FFFD (3 bytes) in SourceFile::text().
        auto end = std::min<std::size_t>(cx.src.text().size(), std::size_t{o} + 3);
        return Span{o, static_cast<std::uint32_t>(end)};
    };
    Span first = offs.empty() ? Span{0, 0} : at(offs.front());
    std::string msg = n == 1 ? "1 invalid UTF-8 byte was replaced by U+FFFD"
                             : std::to_string(n) + " invalid UTF-8 bytes were replaced by U+FFFD";
    auto& d = cx.report("UNR901", first, msg);
    for (std::size_t i = 1; i < offs.size() && i < 10; ++i) d.notes.push_back({at(offs[i]), "another invalid byte"});
}

}  // namespace unres::rules
