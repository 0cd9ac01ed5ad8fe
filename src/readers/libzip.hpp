// Internal: libzip, opened with dlopen() the first time a zip archive (.docx) is read, so that a
// process reading no .docx does not load libzip and what it links (libcrypto, bz2, lzma, zstd):
// about a third of the start-up time once poppler is out (issue 13).
//
// Guarantees: the functions keep the types <zip.h> declares (decltype), so a call is checked by
// the compiler as a direct call is; loaded at most once per process (thread-safe); when libzip
// cannot be loaded, libzip() throws InputError naming it and saying why (dlerror()).
#pragma once
#include <zip.h>

namespace unres::readers {

struct LibZip {
    decltype(&::zip_error_init) error_init;
    decltype(&::zip_error_fini) error_fini;
    decltype(&::zip_error_strerror) error_strerror;
    decltype(&::zip_source_buffer_create) source_buffer_create;
    decltype(&::zip_source_free) source_free;
    decltype(&::zip_open_from_source) open_from_source;
    decltype(&::zip_get_num_entries) get_num_entries;
    decltype(&::zip_discard) discard;
    decltype(&::zip_name_locate) name_locate;
    decltype(&::zip_stat_init) stat_init;
    decltype(&::zip_stat_index) stat_index;
    decltype(&::zip_fopen_index) fopen_index;
    decltype(&::zip_strerror) strerror;
    decltype(&::zip_fread) fread;
    decltype(&::zip_file_strerror) file_strerror;
    decltype(&::zip_fclose) fclose;
};

/// libzip's functions; throws InputError when libzip cannot be loaded.
const LibZip& libzip();

}  // namespace unres::readers
