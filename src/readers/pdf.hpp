// Internal: the PDF reader (poppler-cpp).
//
// Where it runs: pdf.cpp (poppler's calls) is built into a module of its own, libunres-pdf.so,
// which the library opens with dlopen() the first time a PDF is read (pdf_load.cpp), through the
// one entry point declared at the end of the pdf namespace below (pdf_module.cpp).  So a process
// that reads no PDF never loads poppler and its ~25 libraries (issue 13: start-up time).
//
// Job: turn the bytes of a PDF into typed text lines.  Input: the file's bytes.  Output: an
// Extraction: one TextLine per printed line, in reading order, each with its page, its line
// number on the page, its zone (header, body, notes, footer), its indent, and its typography
// (superscript footnote marks, italic and bold ranges, font size), plus the text the user sees
// (one line per printed line, a form feed before each page after the first).
// Guarantees: never crashes on damaged or hostile input; bounded in pages, bytes and time;
// every failure is an InputError with one clear message (encrypted, damaged, no text layer,
// too many pages, too large).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "unres/source.hpp"

namespace unres::readers::pdf {

enum class Zone : std::uint8_t { Header, Body, Notes, Footer };
std::string_view to_string(Zone z);

/// One text box of the PDF (a word), in points, y growing downwards from the top of the page.
struct Word {
    std::string text;
    double x0 = 0, top = 0, x1 = 0, bottom = 0;
    double size = 0;       ///< font size
    double baseline = 0;   ///< estimated from the box and the size
    bool italic = false, bold = false;
    bool space_after = false;
    std::size_t at = 0;    ///< where the word starts in its line's TextLine::text
    bool superscript = false;  ///< set smaller than its line and raised above its baseline
};

/// A range of TextLine::text.
struct Range {
    std::size_t begin = 0, end = 0;
};

struct LineMark {
    Range range;       ///< where the mark's characters are in TextLine::text
    std::string num;   ///< "6", "*"
    double size_ratio = 0;  ///< mark size / line size
};

struct TextLine {
    int page = 0;          ///< 0-based
    int line_on_page = 0;  ///< 1-based, counting text lines only
    Zone zone = Zone::Body;
    double x = 0, top = 0, bottom = 0, baseline = 0;
    double size = 0;       ///< the line's main font size
    int indent = 0;        ///< columns from the page's body left margin (negative: left of it)
    int column = 0;        ///< columns from the page's leftmost text line: the leading spaces of the line in text()
    double column_dx = 0;  ///< for a line of a page's right column: its column's left edge minus the left column's (points)
    bool space_before = false;  ///< a vertical gap above it larger than the line pitch
    std::string text;      ///< the line's words (marks included), single spaces, wide gaps as three spaces
    std::vector<Word> words;
    std::vector<LineMark> marks;
    std::vector<Range> italics, bold;
    std::vector<std::size_t> gaps;  ///< positions in text after which a wide gap (table cell, column) was
};

struct Extraction {
    int pages = 0;
    double body_size = 0;    ///< the most used font size (by characters)
    double char_width = 0;   ///< average character width of the body font, in points
    std::vector<TextLine> lines;
    std::string text;                     ///< what SourceFile::text() holds
    std::vector<std::uint32_t> line_start;  ///< per line: offset in text of its first character (after the indent)
};

struct Limits {
    std::size_t max_bytes = std::size_t{256} << 20;  ///< input size
    int max_pages = 2000;
    std::size_t max_boxes_per_page = 20000;  // a dense page of real text has about 1,500
    std::size_t max_text = std::size_t{64} << 20;
    double max_seconds = 20;
};

inline bool is_pdf(std::string_view b) { return b.substr(0, 5) == "%PDF-"; }

/// Reads `bytes`; throws InputError (one clear message) for what cannot be read.  Runs the
/// reader in the PDF module (pdf_load.cpp), opened on the first call; when the module cannot be
/// loaded, the InputError names it and says why (dlerror()).
Extraction extract(std::string_view bytes, const Limits& limits = {});

// ---- the module's interface: the module and the library must come from one build (checked)

/// The reader itself (pdf.cpp, compiled into the module only): what extract() runs there.
Extraction read_with_poppler(std::string_view bytes, const Limits& limits);

/// The module's two exported (C-linkage) symbols (its file name is the CMake target's, see
/// pdf_load.cpp).
inline constexpr const char* kModuleAbiSymbol = "unres_pdf_module_abi";  ///< const char* (): module_abi()
inline constexpr const char* kModuleEntrySymbol = "unres_pdf_extract_v1";  ///< int (ModuleCall*)

/// What the library and the module compare before the first call: the version and the layout of
/// the types that cross (C++ objects: both sides share one libstdc++ and one allocator).
inline std::string module_abi() {
    return std::string("unres " UNRES_VERSION " pdf-module 1 sizes ") + std::to_string(sizeof(Extraction)) + "/" +
           std::to_string(sizeof(TextLine)) + "/" + std::to_string(sizeof(Word)) + "/" + std::to_string(sizeof(Limits));
}

/// One call of the entry point: the module fills *out, or *error and returns a ModuleStatus.
struct ModuleCall {
    const char* data = nullptr;
    std::size_t size = 0;
    const Limits* limits = nullptr;
    Extraction* out = nullptr;
    std::string* error = nullptr;
    /// The library's readers::is_furniture (lines/classify.cpp, its one home), which the reader
    /// calls on a running head's cells: the module keeps no copy of it.
    bool (*is_furniture)(std::string_view) = nullptr;
};
enum ModuleStatus : int { kModuleOk = 0, kModuleInputError = 1, kModuleNoMemory = 2, kModuleFailed = 3 };

/// For a file's lines: 1-based line number in text() → (page, line on page).
struct PageLine {
    int page = 0;  ///< 1-based; 0 when the line is not a PDF text line
    int line = 0;  ///< 1-based on its page
};

}  // namespace unres::readers::pdf

namespace unres {
/// The typography of a SourceFile read from a PDF (see SourceFile::layout()).
struct TextLayout {
    readers::pdf::Extraction pdf;
};
}  // namespace unres

#include "readers/lines/line.hpp"

namespace unres::readers {
/// The text reader's lines for a SourceFile read from a PDF (src.layout() set): text without
/// the superscript marks (they become Line::marks), italics, page, indent, furniture and
/// footnote lines from the zones, a blank line where the PDF leaves a paragraph space.
/// Defined in pdf_lines.cpp (no poppler there: it runs on the Extraction).
std::vector<Line> pdf_reader_lines(const SourceFile& src);
}  // namespace unres::readers
