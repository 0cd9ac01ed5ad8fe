// The input file (src/source.cpp): decoding without a copy where the bytes are already the
// text, the line index (LF, CRLF, CR), positions, and read_file.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "unres/source.hpp"

using namespace unres;

TEST_CASE("source: a valid UTF-8 file is its own text; raw() keeps what was read otherwise", "[source]") {
    const std::string utf8 = "Caf\xC3\xA9 one\ntwo \xE2\x80\x94 three\n";
    SourceFile a = SourceFile::from_owned_bytes("a", std::string(utf8));
    CHECK(a.encoding() == Encoding::Utf8);
    CHECK(a.text() == utf8);
    CHECK(a.raw() == utf8);
    SourceFile copy = a;  // raw() follows the copy's own text
    CHECK(copy.raw() == utf8);
    CHECK(&copy.raw() == &copy.text());
    // with a byte-order mark, an invalid byte, a Windows-1252 file: raw() is the bytes as read
    const std::string bom = "\xEF\xBB\xBFtext\n";
    SourceFile b = SourceFile::from_owned_bytes("b", std::string(bom));
    CHECK(b.text() == "text\n");
    CHECK(b.raw() == bom);
    const std::string bad = "d\xC3\xA9j\xC3\xA0 \xFF vu\n";
    SourceFile c = SourceFile::from_bytes("c", bad);
    CHECK(c.invalid_utf8() == 1);
    CHECK(c.raw() == bad);
    CHECK(c.text() == "d\xC3\xA9j\xC3\xA0 \xEF\xBF\xBD vu\n");
    const std::string cp = "caf\xE9\n";
    SourceFile d = SourceFile::from_owned_bytes("d", std::string(cp));
    CHECK(d.encoding() == Encoding::Windows1252);
    CHECK(d.raw() == cp);
    CHECK(d.text() == "caf\xC3\xA9\n");
    // a binary file under a text name is refused on the fast path too
    CHECK_THROWS_AS(SourceFile::from_owned_bytes("e", std::string(64, '\x01')), InputError);
    // ASCII past eight-byte words, then a multi-byte sequence cut at the end
    SourceFile e = SourceFile::from_bytes("e", "\xC3\xA9" + std::string(21, 'x') + "\xE2\x80");
    CHECK(e.invalid_utf8() == 2);
    CHECK(e.text() == "\xC3\xA9" + std::string(21, 'x') + "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("source: the line index and positions, with LF, CRLF and CR", "[source]") {
    for (const std::string nl : {"\n", "\r\n", "\r"}) {
        const std::string t = "ab" + nl + nl + "c\xC3\xA9" "d" + nl + "last";
        SourceFile f = SourceFile::from_bytes("f", t);
        REQUIRE(f.line_count() == 4);
        CHECK(f.line_text(1) == "ab");
        CHECK(f.line_text(2).empty());
        CHECK(f.line_text(3) == "c\xC3\xA9" "d");
        CHECK(f.line_text(4) == "last");
        const auto third = static_cast<std::uint32_t>(2 + 2 * nl.size());
        CHECK(f.line_start(3) == third);
        LineCol lc = f.location(third + 3);  // the "d" after the two-byte é
        CHECK(lc.line == 3);
        CHECK(lc.column == 3);
        CHECK(f.location(0).line == 1);
        CHECK(f.location(static_cast<std::uint32_t>(t.size())).line == 4);
    }
    // a final terminator opens no extra line
    CHECK(SourceFile::from_bytes("g", "one\ntwo\n").line_count() == 2);
    CHECK(SourceFile::from_bytes("h", "").line_count() == 1);
}

TEST_CASE("source: columns on a long line (counted from checkpoints) are the characters before", "[source]") {
    // a 200 KB line of ASCII and two- and three-byte characters, between short lines
    std::string t = "first\n";
    const std::uint32_t long_start = static_cast<std::uint32_t>(t.size());
    const std::string pieces[] = {"ab ", "\xC3\xA9", "\xE2\x80\x93", "x", "\xF0\x9F\x98\x80"};
    for (std::size_t i = 0; t.size() < 200000; ++i) t += pieces[(i * 7) % 5];
    const std::uint32_t long_end = static_cast<std::uint32_t>(t.size());
    t += "\nlast line\n";
    const SourceFile f = SourceFile::from_bytes("long.txt", t);
    auto naive = [&](std::uint32_t off) {
        std::uint32_t col = 1;
        for (std::uint32_t i = long_start; i < off; ++i) col += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
        return col;
    };
    for (std::uint32_t off : {long_start, long_start + 1, long_start + 4095, long_start + 4096, long_start + 8193,
                              long_start + 100003, long_end - 1, long_end}) {
        CAPTURE(off);
        const LineCol lc = f.location(off);
        CHECK(lc.line == 2);
        CHECK(lc.column == naive(off));
    }
    CHECK(f.location(long_end + 1).line == 3);
    CHECK(f.location(long_end + 1).column == 1);
    CHECK(f.location(long_end + 5).column == 5);
    CHECK(f.location(3).column == 4);
}

TEST_CASE("source: read_file reads the whole file, and refuses what is not one", "[source]") {
    const auto dir = std::filesystem::temp_directory_path() / "unres-test-source";
    std::filesystem::create_directories(dir);
    const auto path = (dir / "big.txt").string();
    std::string content;
    for (int i = 0; i < 20000; ++i) content += "line " + std::to_string(i) + "\n";
    std::ofstream(path, std::ios::binary) << content;
    CHECK(SourceFile::read_file(path) == content);
    CHECK(SourceFile::from_path(path).text() == content);
    std::ofstream(dir / "empty.txt", std::ios::binary).flush();
    CHECK(SourceFile::read_file((dir / "empty.txt").string()).empty());
    CHECK_THROWS_AS(SourceFile::read_file((dir / "missing.txt").string()), InputError);
    CHECK_THROWS_AS(SourceFile::read_file(dir.string()), InputError);
    std::filesystem::remove_all(dir);
}
