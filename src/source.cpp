// Decoding and line index.
#include "unres/source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <filesystem>

#include "readers/pdf.hpp"
#include "utf8.hpp"

namespace unres {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// Returns a human name for binary formats we recognise by magic bytes, or "".
std::string_view binary_kind(std::string_view b) {
    if (starts_with(b, "%PDF-")) return "a PDF file (load it with unres::load_source)";
    if (starts_with(b, "\x89PNG")) return "a PNG image";
    if (starts_with(b, "\xFF\xD8\xFF")) return "a JPEG image";
    if (starts_with(b, "GIF8")) return "a GIF image";
    if (starts_with(b, "\xD0\xCF\x11\xE0")) return "a legacy Word/OLE (.doc) file";
    if (starts_with(b, "PK\x03\x04")) return "a zip archive (a .docx is loaded with unres::load_source)";
    if (starts_with(b, "PK\x05\x06")) return "a zip archive without word/document.xml, not a .docx";
    if (starts_with(b, "\x1F\x8B")) return "a gzip archive";
    if (starts_with(b, "\x7F" "ELF")) return "an executable";
    return {};
}

void append_utf8(std::string& out, char32_t cp) { utf8::append(out, cp); }

std::string decode_utf16(std::string_view b, bool le, std::size_t& invalid) {
    std::string out;
    out.reserve(b.size());
    std::size_t n = b.size() / 2;
    auto unit = [&](std::size_t i) -> char16_t {
        auto lo = static_cast<unsigned char>(b[2 * i + (le ? 0 : 1)]);
        auto hi = static_cast<unsigned char>(b[2 * i + (le ? 1 : 0)]);
        return static_cast<char16_t>(lo | (hi << 8));
    };
    for (std::size_t i = 0; i < n; ++i) {
        char16_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
            char16_t v = unit(i + 1);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(v) - 0xDC00));
                ++i;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) { ++invalid; append_utf8(out, 0xFFFD); continue; }
        append_utf8(out, u);
    }
    if (b.size() % 2) { ++invalid; append_utf8(out, 0xFFFD); }
    return out;
}

}  // namespace

SourceFile SourceFile::from_bytes(std::string path, std::string_view bytes) {
    SourceFile f;
    f.path_ = std::move(path);
    f.raw_.assign(bytes);
    std::string_view b = bytes;
    if (starts_with(b, "\xEF\xBB\xBF")) {
        f.encoding_ = Encoding::Utf8Bom;
        b.remove_prefix(3);
    } else if (starts_with(b, "\xFF\xFE")) {
        f.encoding_ = Encoding::Utf16LE;
        f.text_ = decode_utf16(b.substr(2), true, f.invalid_utf8_);
    } else if (starts_with(b, "\xFE\xFF")) {
        f.encoding_ = Encoding::Utf16BE;
        f.text_ = decode_utf16(b.substr(2), false, f.invalid_utf8_);
    } else {
        auto kind = binary_kind(b);
        if (starts_with(b, "\xD0\xCF\x11\xE0"))
            throw InputError("input is a legacy Word/OLE file: legacy Word .doc is not supported; save as .docx");
        if (!kind.empty()) throw InputError(std::string("input is ") + std::string(kind) + ", not a text");
    }
    if (f.encoding_ == Encoding::Utf8 || f.encoding_ == Encoding::Utf8Bom) {
        // Validate UTF-8; replace each invalid byte by U+FFFD.  Runs of valid bytes are copied
        // at once (a 50 MB file is mostly one run).
        f.text_.reserve(b.size());
        std::size_t i = 0;
        while (i < b.size()) {
            std::size_t run = i;
            while (run < b.size()) {
                const std::size_t len = utf8::valid_sequence(b, run);
                if (len == 0) break;
                run += len;
            }
            f.text_.append(b.substr(i, run - i));
            i = run;
            if (i < b.size()) {
                if (f.invalid_offsets_.size() < 100) f.invalid_offsets_.push_back(static_cast<std::uint32_t>(f.text_.size()));
                ++f.invalid_utf8_;
                append_utf8(f.text_, 0xFFFD);
                ++i;
            }
        }
        // Text with many NULs or control bytes is a binary file under another name.
        std::size_t ctrl = 0;
        std::size_t probe = std::min<std::size_t>(b.size(), 4096);
        for (std::size_t k = 0; k < probe; ++k) {
            auto c = static_cast<unsigned char>(b[k]);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++ctrl;
        }
        if (probe >= 16 && (ctrl * 10 > probe || f.invalid_utf8_ * 4 > probe))
            throw InputError("input is binary data, not a text (no known encoding fits)");
    }
    if (f.text_.size() > 0xFFFFFFF0u) throw InputError("input is larger than 4 GiB");
    f.index_lines();
    return f;
}

SourceFile SourceFile::from_extracted(std::string path, std::string raw, std::string text, Origin origin,
                                      std::shared_ptr<const TextLayout> layout) {
    SourceFile f;
    f.layout_ = std::move(layout);
    f.path_ = std::move(path);
    f.raw_ = std::move(raw);
    f.text_ = std::move(text);
    f.origin_ = origin;
    if (f.text_.size() > 0xFFFFFFF0u) throw InputError("input is larger than 4 GiB");
    f.index_lines();
    return f;
}

std::string SourceFile::read_file(const std::string& path) {
    std::error_code ec;
    auto st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st)) throw InputError(path + ": no such file");
    if (std::filesystem::is_directory(st)) throw InputError(path + ": is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open for reading");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw InputError(path + ": read error");
    return ss.str();
}

PageLocation SourceFile::page_location(std::uint32_t offset) const {
    PageLocation pl;
    if (!layout_) return pl;
    LineCol lc = location(offset);
    const auto& lines = layout_->pdf.lines;
    std::size_t i = lc.line >= 1 ? lc.line - 1 : 0;
    if (i >= lines.size()) {  // past the last line: the end of the last one
        if (lines.empty()) return pl;
        i = lines.size() - 1;
        lc.column = 1 << 20;
    }
    pl.page = static_cast<std::uint32_t>(lines[i].page + 1);
    pl.line = static_cast<std::uint32_t>(lines[i].line_on_page);
    // columns count from the printed text, after the form feeds and the indent
    std::string_view lt = line_text(static_cast<std::uint32_t>(i + 1));
    std::uint32_t lead = 0;
    while (lead < lt.size() && (lt[lead] == '\f' || lt[lead] == ' ')) ++lead;
    pl.column = lc.column > lead ? lc.column - lead : 1;
    pl.column = std::min<std::uint32_t>(pl.column, static_cast<std::uint32_t>(lines[i].text.size() + 1));
    return pl;
}

SourceFile SourceFile::from_path(const std::string& path) { return from_bytes(path, read_file(path)); }

void SourceFile::index_lines() {
    line_starts_.clear();
    line_starts_.push_back(0);
    const std::string& t = text_;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\n') {
            line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
        } else if (t[i] == '\r') {
            if (i + 1 < t.size() && t[i + 1] == '\n') continue;  // CRLF: the LF ends it
            line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
        }
    }
    // A final terminator does not open an extra (empty) line.
    if (line_starts_.size() > 1 && line_starts_.back() == t.size()) line_starts_.pop_back();
}

std::uint32_t SourceFile::line_start(std::uint32_t line) const {
    if (line == 0) return 0;
    if (line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
    return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::size_t b = line_starts_[line - 1];
    std::size_t e = line < line_starts_.size() ? line_starts_[line] : text_.size();
    std::string_view v(text_.data() + b, e - b);
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
    return v;
}

LineCol SourceFile::location(std::uint32_t offset) const {
    if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
    if (line == 0) line = 1;
    std::uint32_t start = line_starts_[line - 1];
    std::uint32_t col = 1;
    for (std::uint32_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    return {line, col};
}

}  // namespace unres
