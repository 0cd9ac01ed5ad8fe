// Internal: the terminal colours of the text renderings (diagnostics, diff), one home for the
// escape sequences.  Callers write them only when colour is on (--color, a terminal).
#pragma once

namespace unres::ansi {

inline constexpr const char* kReset = "\x1b[0m";
inline constexpr const char* kBold = "\x1b[1m";
inline constexpr const char* kRed = "\x1b[31m";
inline constexpr const char* kGreen = "\x1b[32m";
inline constexpr const char* kCyan = "\x1b[36m";
inline constexpr const char* kBoldRed = "\x1b[1;31m";
inline constexpr const char* kBoldGreen = "\x1b[1;32m";
inline constexpr const char* kBoldMagenta = "\x1b[1;35m";
inline constexpr const char* kBoldCyan = "\x1b[1;36m";

}  // namespace unres::ansi
