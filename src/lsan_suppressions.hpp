// Included once by each executable (the CLI, the test runners): under LeakSanitizer, the leaks it
// must not report.  fontconfig, which poppler asks for fonts, keeps its font cache for the life of
// the process: not a leak of unres.  The fuzzers read the same list from tests/fuzz/lsan.supp.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define UNRES_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNRES_LSAN 1
#endif
#endif

#ifdef UNRES_LSAN
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
// and no "Suppressions used" table on stderr: the CLI's stderr is its output
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif
