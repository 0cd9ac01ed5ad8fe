// Input problems (UNR901).
#include <algorithm>

#include "rules/rules.hpp"

namespace unres::rules {

void check_input(Context& cx) {
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
