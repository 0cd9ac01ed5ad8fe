// libFuzzer target: the .docx reader (zip archive -> markdown -> text reader) and everything after it.
// Seeds: tests/fuzz/seeds/docx (written by tests/fuzz/make-docx-seeds.py).
//
// A zip archive checks a CRC-32 per entry, so a byte flipped inside a part's data only reaches
// libzip's "CRC error" path.  The custom mutator below therefore usually unpacks the archive,
// mutates one of its parts with libFuzzer's own mutator (the XML, most often word/document.xml)
// and packs it again (stored, valid CRCs); one mutation in eight mutates the archive's raw
// bytes instead, for libzip and the damaged-archive paths.
#include <zip.h>

#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

/// The archive's entries (name, bytes), or nullopt when libzip cannot read it (or it is too big to bother).
std::optional<Entries> unpack(const std::uint8_t* data, std::size_t size) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(data, size, 0, &err);
    zip_error_fini(&err);
    if (src == nullptr) return std::nullopt;
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY, nullptr);
    if (za == nullptr) {
        zip_source_free(src);
        return std::nullopt;
    }
    Entries entries;
    bool ok = true;
    zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; ok && i < n && i < 64; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za, index, 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0 || st.size > (1u << 20) ||
            st.name == nullptr) {
            ok = false;
            break;
        }
        zip_file_t* f = zip_fopen_index(za, index, 0);
        if (f == nullptr) {
            ok = false;
            break;
        }
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        zip_int64_t got = bytes.empty() ? 0 : zip_fread(f, bytes.data(), bytes.size());
        zip_fclose(f);
        if (got != static_cast<zip_int64_t>(bytes.size())) ok = false;
        else entries.emplace_back(st.name, std::move(bytes));
    }
    zip_discard(za);
    if (!ok || entries.empty()) return std::nullopt;
    return entries;
}

/// The entries packed as a zip archive (stored), or nullopt on a libzip error.
std::optional<std::string> pack(const Entries& entries) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_error_fini(&err);
    if (src == nullptr) return std::nullopt;
    zip_source_keep(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, nullptr);
    if (za == nullptr) {
        zip_source_free(src);
        return std::nullopt;
    }
    bool ok = true;
    for (const auto& [name, bytes] : entries) {
        zip_source_t* part = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
        zip_int64_t idx = part == nullptr ? -1 : zip_file_add(za, name.c_str(), part, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            if (part != nullptr) zip_source_free(part);
            ok = false;
            break;
        }
        zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
    }
    if (!ok || zip_close(za) != 0) {
        zip_discard(za);  // still open: zip_close() failed or was not called
        zip_source_free(src);
        return std::nullopt;
    }
    std::optional<std::string> out;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0 && zip_source_open(src) == 0) {
        std::string bytes(static_cast<std::size_t>(st.size), '\0');
        zip_int64_t got = bytes.empty() ? 0 : zip_source_read(src, bytes.data(), bytes.size());
        zip_source_close(src);
        if (got == static_cast<zip_int64_t>(bytes.size())) out = std::move(bytes);
    }
    zip_source_free(src);
    return out;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
    std::minstd_rand rng(seed);
    std::optional<Entries> entries;
    if (rng() % 8 != 0) entries = unpack(data, size);
    if (!entries) return LLVMFuzzerMutate(data, size, max_size);
    // Half the time word/document.xml, else any part (rels, header, numbering, footnotes).
    std::size_t pick = rng() % entries->size();
    if (rng() % 2 == 0)
        for (std::size_t i = 0; i < entries->size(); ++i)
            if ((*entries)[i].first == "word/document.xml") pick = i;
    std::string& part = (*entries)[pick].second;
    const std::size_t old_size = part.size();
    const std::size_t room = old_size + (max_size > size ? max_size - size : 0) + 1;
    part.resize(room);
    part.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(part.data()), old_size, room));
    std::optional<std::string> zip = pack(*entries);
    if (!zip || zip->size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, zip->data(), zip->size());
    return zip->size();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Only a zip archive's signature sends bytes to the .docx reader (unres::load_source);
    // anything else is the text reader's, which fuzz_text covers.
    if (size < 4 || std::memcmp(data, "PK\x03\x04", 4) != 0) return 0;
    return unres_fuzz::run_pipeline(data, size, unres::InputFormat::Docx, /*parse_may_refuse=*/false);
}
