// Decoding and line index.
#include "unres/source.hpp"

#include <algorithm>
#include <cstring>
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

/// Windows-1252's bytes 0x80-0x9F; 0 where it defines none (read as Latin-1: U+0080 + n).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t cp1252_char(unsigned char c) {
    if (c < 0x80 || c >= 0xA0) return c;
    char16_t u = kCp1252High[c - 0x80];
    return u ? u : char32_t(c);
}

std::string decode_cp1252(std::string_view b) {
    std::string out;
    out.reserve(b.size() + b.size() / 8);
    for (char ch : b) append_utf8(out, cp1252_char(static_cast<unsigned char>(ch)));
    return out;
}

/// UTF-16 without a byte-order mark, recognised by its NULs: in text made mostly of
/// ASCII characters, every other byte is zero (the odd bytes in little-endian, the even
/// ones in big-endian) and almost none of the others is.  Returns 1 (LE), 2 (BE) or 0.
int utf16_without_bom(std::string_view b) {
    std::size_t pairs = std::min<std::size_t>(b.size(), 4096) / 2;
    if (pairs < 4) return 0;
    std::size_t zero_even = 0, zero_odd = 0;
    for (std::size_t k = 0; k < pairs; ++k) {
        zero_even += b[2 * k] == '\0';
        zero_odd += b[2 * k + 1] == '\0';
    }
    auto pattern = [&](std::size_t zeros, std::size_t others) { return zeros * 10 >= pairs * 4 && others * 50 <= pairs; };
    if (pattern(zero_odd, zero_even)) return 1;
    if (pattern(zero_even, zero_odd)) return 2;
    return 0;
}

}  // namespace

std::string_view to_string(Encoding e) {
    switch (e) {
        case Encoding::Utf8: return "UTF-8";
        case Encoding::Utf8Bom: return "UTF-8 with a byte-order mark";
        case Encoding::Utf16LE: return "UTF-16LE";
        case Encoding::Utf16BE: return "UTF-16BE";
        case Encoding::Utf16LENoBom: return "UTF-16LE without a byte-order mark";
        case Encoding::Utf16BENoBom: return "UTF-16BE without a byte-order mark";
        case Encoding::Windows1252: return "Windows-1252";
    }
    return "UTF-8";
}

bool encoding_guessed(Encoding e) {
    return e == Encoding::Utf16LENoBom || e == Encoding::Utf16BENoBom || e == Encoding::Windows1252;
}

bool encode_text(std::string_view text, Encoding enc, std::string& out) {
    out.clear();
    if (enc == Encoding::Utf8 || enc == Encoding::Utf8Bom) {
        if (enc == Encoding::Utf8Bom) out = "\xEF\xBB\xBF";
        out.append(text);
        return true;
    }
    const bool utf16 = enc != Encoding::Windows1252;
    const bool le = enc == Encoding::Utf16LE || enc == Encoding::Utf16LENoBom;
    auto unit = [&](char16_t u) {
        char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
        out += le ? lo : hi;
        out += le ? hi : lo;
    };
    out.reserve(text.size() * (utf16 ? 2 : 1) + 2);
    if (enc == Encoding::Utf16LE || enc == Encoding::Utf16BE) unit(0xFEFF);
    for (std::size_t i = 0; i < text.size();) {
        if (utf8::valid_sequence(text, i) == 0) return false;
        char32_t cp = utf8::next(text, i);
        if (utf16) {
            if (cp >= 0x10000) {
                unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
                unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            } else {
                unit(static_cast<char16_t>(cp));
            }
            continue;
        }
        int byte = -1;
        if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) byte = static_cast<int>(cp);
        for (int k = 0; k < 32 && byte < 0; ++k)
            if (cp1252_char(static_cast<unsigned char>(0x80 + k)) == cp) byte = 0x80 + k;
        if (byte < 0) return false;
        out += static_cast<char>(byte);
    }
    return true;
}

SourceFile SourceFile::from_bytes(std::string path, std::string_view bytes) {
    return decode(std::move(path), bytes, nullptr);
}

SourceFile SourceFile::from_owned_bytes(std::string path, std::string&& bytes) {
    return decode(std::move(path), bytes, &bytes);
}

namespace {
/// Text with many NULs or control bytes in its first 4 KiB is a binary file under another name.
bool mostly_controls(std::string_view b) {
    std::size_t ctrl = 0;
    const std::size_t probe = std::min<std::size_t>(b.size(), 4096);
    for (std::size_t k = 0; k < probe; ++k) {
        auto c = static_cast<unsigned char>(b[k]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++ctrl;
    }
    return probe >= 16 && ctrl * 10 > probe;
}

/// The end of the valid UTF-8 that starts at b[i] (ASCII eight bytes at a time); counts the
/// multi-byte sequences in `multibyte`.
std::size_t valid_run(std::string_view b, std::size_t i, std::size_t& multibyte) {
    const std::size_t n = b.size();
    while (i < n) {
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, b.data() + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i < n && static_cast<unsigned char>(b[i]) < 0x80) {
            ++i;
            continue;
        }
        if (i >= n) break;
        const std::size_t len = utf8::valid_sequence(b, i);
        if (len == 0) break;
        ++multibyte;
        i += len;
    }
    return i;
}
}  // namespace

/// Decodes `bytes`; `owned`, when given, is the buffer `bytes` views, which a valid UTF-8 file
/// (no byte-order mark) moves into text() (and raw() is then text()).
SourceFile SourceFile::decode(std::string path, std::string_view bytes, std::string* owned) {
    SourceFile f;
    f.path_ = std::move(path);
    std::string_view b = bytes;
    if (!starts_with(b, "\xEF\xBB\xBF") && !starts_with(b, "\xFF\xFE") && !starts_with(b, "\xFE\xFF") &&
        binary_kind(b).empty() && !utf16_without_bom(b)) {
        // The common case: a UTF-8 file with no invalid byte is its own text.
        std::size_t multibyte = 0;
        if (valid_run(b, 0, multibyte) == b.size()) {
            if (owned) f.text_ = std::move(*owned);
            else f.text_.assign(b);
            f.raw_is_text_ = true;
            if (mostly_controls(b)) throw InputError("input is binary data, not a text (no known encoding fits)");
            if (f.text_.size() > 0xFFFFFFF0u) throw InputError("input is larger than 4 GiB");
            f.index_lines();
            return f;
        }
    }
    f.raw_.assign(bytes);
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
        if (int u16 = utf16_without_bom(b)) {
            std::size_t invalid = 0;
            std::string text = decode_utf16(b, u16 == 1, invalid);
            // Unpaired surrogates: the NULs were not UTF-16 after all (binary data).
            if (invalid == 0 || (b.size() % 2 == 1 && invalid == 1)) {
                f.encoding_ = u16 == 1 ? Encoding::Utf16LENoBom : Encoding::Utf16BENoBom;
                f.text_ = std::move(text);
                f.invalid_utf8_ = invalid;
            }
        }
    }
    if (f.encoding_ == Encoding::Utf8 || f.encoding_ == Encoding::Utf8Bom) {
        // Validate UTF-8; replace each invalid byte by U+FFFD.  Runs of valid bytes are copied
        // at once (a 50 MB file is mostly one run).
        f.text_.reserve(b.size());
        std::size_t i = 0;
        std::size_t multibyte = 0;  // valid UTF-8 sequences of 2-4 bytes
        while (i < b.size()) {
            const std::size_t run = valid_run(b, i, multibyte);
            f.text_.append(b.substr(i, run - i));
            i = run;
            if (i < b.size()) {
                if (f.invalid_offsets_.size() < 100) f.invalid_offsets_.push_back(static_cast<std::uint32_t>(f.text_.size()));
                ++f.invalid_utf8_;
                append_utf8(f.text_, 0xFFFD);
                ++i;
            }
        }
        const std::size_t probe = std::min<std::size_t>(b.size(), 4096);
        if (mostly_controls(b)) throw InputError("input is binary data, not a text (no known encoding fits)");
        // Not UTF-8 and not one valid multi-byte sequence in it: a single-byte encoding,
        // read as Windows-1252 (a superset of Latin-1's printable characters).  A file
        // that has valid multi-byte sequences too is damaged UTF-8: U+FFFD (UNR901).
        // (A UTF-8 byte-order mark says UTF-8: such a file stays damaged UTF-8.)
        if (f.encoding_ == Encoding::Utf8 && f.invalid_utf8_ > 0 && multibyte == 0) {
            f.encoding_ = Encoding::Windows1252;
            f.text_ = decode_cp1252(b);
            f.invalid_utf8_ = 0;
            f.invalid_offsets_.clear();
        } else if (probe >= 16 && f.invalid_utf8_ * 4 > probe) {
            throw InputError("input is binary data, not a text (no known encoding fits)");
        }
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
    // One buffer of the file's size, filled by one read (no stream copy); then whatever a file
    // that grew meanwhile, or one without a size (a pipe), still has.
    std::string out;
    std::uintmax_t size = std::filesystem::is_regular_file(st) ? std::filesystem::file_size(path, ec) : 0;
    if (ec) size = 0;
    if (size > 0) {
        out.resize(static_cast<std::size_t>(size));
        in.read(out.data(), static_cast<std::streamsize>(size));
        out.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (!in.eof()) {
        char buf[65536];
        while (in.read(buf, sizeof buf) || in.gcount() > 0) out.append(buf, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw InputError(path + ": read error");
    return out;
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

SourceFile SourceFile::from_path(const std::string& path) { return from_owned_bytes(path, read_file(path)); }

namespace {

/// Characters (UTF-8 lead bytes and ASCII: every byte but a continuation byte) in t[b, e).
std::uint32_t chars_in(std::string_view t, std::size_t b, std::size_t e) {
    std::uint32_t n = 0;
    for (std::size_t i = b; i < e; ++i) n += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
    return n;
}

}  // namespace

void SourceFile::index_lines() {
    index_line_starts();
    // A long line (minified XML, a text without line breaks): its columns are counted from
    // checkpoints, not from the line's start at every look-up (quadratic over its diagnostics).
    char_marks_.clear();
    bool long_line = false;
    for (std::size_t k = 0; k < line_starts_.size() && !long_line; ++k) {
        std::uint32_t end = k + 1 < line_starts_.size() ? line_starts_[k + 1] : static_cast<std::uint32_t>(text_.size());
        long_line = end - line_starts_[k] >= 4 * kCharStep;
    }
    if (!long_line) return;
    char_marks_.reserve(text_.size() / kCharStep + 1);
    std::uint32_t chars = 0;
    for (std::size_t b = 0; b <= text_.size(); b += kCharStep) {
        char_marks_.push_back(chars);
        chars += chars_in(text_, b, std::min(text_.size(), b + kCharStep));
    }
}

void SourceFile::index_line_starts() {
    line_starts_.clear();
    line_starts_.push_back(0);
    const std::string& t = text_;
    if (t.find('\r') == std::string::npos) {  // LF only (the common case): memchr from line to line
        for (std::size_t i = t.find('\n'); i != std::string::npos; i = t.find('\n', i + 1))
            line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
        if (line_starts_.size() > 1 && line_starts_.back() == t.size()) line_starts_.pop_back();
        return;
    }
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

std::uint32_t SourceFile::line_of(std::uint32_t offset) const {
    if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
    return line == 0 ? 1 : line;
}

LineCol SourceFile::location(std::uint32_t offset) const {
    if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
    const std::uint32_t line = line_of(offset);
    const std::uint32_t start = line_starts_[line - 1];
    if (char_marks_.empty() || offset - start < 2 * kCharStep) return {line, 1 + chars_in(text_, start, offset)};
    // characters before `offset` minus characters before the line's start, each from its checkpoint
    auto before = [&](std::uint32_t at) {
        const std::size_t k = at / kCharStep;
        return char_marks_[k] + chars_in(text_, k * kCharStep, at);
    };
    return {line, 1 + before(offset) - before(start)};
}

}  // namespace unres
