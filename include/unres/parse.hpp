// unres/parse.hpp — from a SourceFile to a Document.
#pragma once
#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres {

/// Decides the format from the content (never from the extension alone).
InputFormat detect_format(const SourceFile& src);

/// Parses any supported input.  Never refuses malformed text: what it cannot place
/// becomes diagnostics in Document::diagnostics.  Throws InputError only for input
/// that is not a supported format at all.
Document parse(const SourceFile& src, InputFormat format = InputFormat::Auto);

}  // namespace unres
