// unres/source.hpp — the input file: decoded UTF-8 text plus a line index.
//
// Every position in unres (spans of nodes and diagnostics) is a byte offset into
// SourceFile::text(), which is the user's file decoded to UTF-8 with any byte-order
// mark removed.  Line endings (LF, CRLF, CR) are kept as they are, so for a UTF-8
// file text() is byte-identical to the file after its BOM.  location() turns an
// offset into a 1-based line and a 1-based column counted in Unicode code points.
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace unres {

/// Half-open byte range [begin, end) into SourceFile::text().
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool empty() const { return begin == end; }
    friend bool operator==(const Span&, const Span&) = default;
};

struct LineCol {
    std::uint32_t line = 0;    ///< 1-based
    std::uint32_t column = 0;  ///< 1-based, in code points
};

/// The encoding the bytes arrived in.  Utf16LE/Utf16BE had a byte-order mark; the
/// *NoBom ones were recognised by their NUL pattern (ASCII characters have a zero high
/// byte).  Windows1252 is a file that is not UTF-8 and has no valid UTF-8 multi-byte
/// sequence at all: it is read as Windows-1252 (the five bytes Windows-1252 leaves
/// undefined are read as Latin-1, U+0081 ...), which is also right for Latin-1 text.
enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Utf16LENoBom, Utf16BENoBom, Windows1252 };
/// "UTF-8", "UTF-8 with a byte-order mark", "UTF-16LE without a byte-order mark", "Windows-1252", ...
std::string_view to_string(Encoding e);
/// True for the encodings unres had to guess (no byte-order mark, not UTF-8).
bool encoding_guessed(Encoding e);
/// Encodes UTF-8 `text` as `enc`, with the byte-order mark `enc` implies (Utf8Bom,
/// Utf16LE, Utf16BE).  Returns false (and leaves `out` unspecified) when `text` is not
/// valid UTF-8 or has a character `enc` cannot represent.
bool encode_text(std::string_view text, Encoding enc, std::string& out);

/// Where an offset is on a printed page (input read from a PDF).
struct PageLocation {
    std::uint32_t page = 0;    ///< 1-based; 0 when the input has no pages (not a PDF)
    std::uint32_t line = 0;    ///< 1-based line on that page (text lines only)
    std::uint32_t column = 0;  ///< 1-based, in code points, from the line's first character
};

/// The typography of a text extracted from a PDF (internal; see src/readers/pdf.hpp).
struct TextLayout;

/// Where text() came from: the file's own text, or the text a producer extracted from a
/// binary format (a Word .docx today; PDF later), which is then what positions refer to.
enum class Origin { Text, Docx, Pdf };

/// Raised for input that cannot be decoded or is not a text at all (exit code 2).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class SourceFile {
public:
    SourceFile() = default;
    /// Decodes `bytes`. UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or without
    /// one when the NUL pattern shows it) and Windows-1252 (see Encoding) are accepted.
    /// In a file with valid UTF-8 multi-byte sequences, invalid ones are replaced by
    /// U+FFFD (one per bad byte) and counted in invalid_utf8(); NUL bytes are kept.  Throws
    /// InputError only for content that is not text: binary formats such as PDF, images,
    /// legacy .doc, zip archives (a .docx or a PDF is loaded with unres::load_source, parse.hpp,
    /// which extracts its text first).
    static SourceFile from_bytes(std::string path, std::string_view bytes);
    /// from_bytes() of a buffer it takes over: a UTF-8 file (no byte-order mark, no invalid
    /// byte) becomes text() without a copy, and raw() is then that same text.
    static SourceFile from_owned_bytes(std::string path, std::string&& bytes);
    /// Reads and decodes a file (from_bytes); throws InputError with a clear message on failure.
    static SourceFile from_path(const std::string& path);
    /// The file's bytes as read.  Throws InputError (no such file, a directory, unreadable).
    static std::string read_file(const std::string& path);
    /// A file whose text a producer extracted (`text`, valid UTF-8) from `raw` (the file's bytes).
    /// `layout`: the typography of a PDF's text (pdf::extract), kept for the PDF reader and
    /// for page_location().
    static SourceFile from_extracted(std::string path, std::string raw, std::string text, Origin origin,
                                     std::shared_ptr<const TextLayout> layout = nullptr);

    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
    /// The raw bytes as read (needed by `fix`, which edits the file in place).
    const std::string& raw() const { return raw_is_text_ ? text_ : raw_; }
    Encoding encoding() const { return encoding_; }
    Origin origin() const { return origin_; }
    /// The bytes were a Word .docx: text() is the text extracted from it (readers/docx.cpp).
    bool is_docx() const { return origin_ == Origin::Docx; }
    /// The bytes were a PDF: text() is the text extracted from it (one line per printed line, a
    /// form feed before each new page) and layout() its typography (src/readers/pdf.hpp).
    bool is_pdf() const { return origin_ == Origin::Pdf; }
    const TextLayout* layout() const { return layout_.get(); }
    /// Page, line on the page and column of `offset` (PDF input); page 0 for other input.
    PageLocation page_location(std::uint32_t offset) const;
    std::size_t invalid_utf8() const { return invalid_utf8_; }
    /// Offsets (into text()) of the first invalid byte sequences, at most 100.
    const std::vector<std::uint32_t>& invalid_offsets() const { return invalid_offsets_; }

    std::size_t line_count() const { return line_starts_.size(); }
    /// Offset of the first byte of 1-based `line`.
    std::uint32_t line_start(std::uint32_t line) const;
    /// The line's text without its line terminator.
    std::string_view line_text(std::uint32_t line) const;
    LineCol location(std::uint32_t offset) const;
    /// The 1-based line of `offset` (location().line, without counting the column): a binary
    /// search over the line starts.
    std::uint32_t line_of(std::uint32_t offset) const;

private:
    void index_lines();
    void index_line_starts();
    static SourceFile decode(std::string path, std::string_view bytes, std::string* owned);
    std::string path_;
    std::string raw_;  // empty when raw_is_text_ (the file's bytes are text_ itself)
    bool raw_is_text_ = false;
    std::string text_;
    Encoding encoding_ = Encoding::Utf8;
    Origin origin_ = Origin::Text;
    std::shared_ptr<const TextLayout> layout_;
    std::size_t invalid_utf8_ = 0;
    std::vector<std::uint32_t> invalid_offsets_;
    std::vector<std::uint32_t> line_starts_;
    /// Only when a line is long: the characters before every kCharStep-th byte (location()).
    static constexpr std::size_t kCharStep = 4096;
    std::vector<std::uint32_t> char_marks_;
};

}  // namespace unres
