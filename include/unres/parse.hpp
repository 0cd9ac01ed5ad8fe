// unres/parse.hpp — from a SourceFile to a Document.
#pragma once
#include "unres/document.hpp"
#include "unres/source.hpp"

#include <string>
#include <string_view>

namespace unres {

/// Loads a file by its content: a zip archive is read as a Word .docx (its text is what the
/// user sees in Word, one line per paragraph: see README "Word .docx"), anything else is
/// decoded as text (SourceFile::from_bytes).  Throws InputError for a damaged or hostile
/// archive and for content that is not text.
SourceFile load_source(std::string path, std::string_view bytes);
/// load_source() of a file's bytes (SourceFile::read_file).
SourceFile load_source(const std::string& path);

/// Decides the format from the content (never from the extension alone).
InputFormat detect_format(const SourceFile& src);

/// Parses any supported input.  Never refuses malformed text: what it cannot place
/// becomes diagnostics in Document::diagnostics.  Throws InputError only for input
/// that is not a supported format at all.
Document parse(const SourceFile& src, InputFormat format = InputFormat::Auto);

}  // namespace unres
