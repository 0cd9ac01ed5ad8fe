// Internal: eight bytes at a time, for the scanners that skip long runs of ordinary text (the
// line cleaner, the mark finder, the XML escaper).
//
// Guarantees: each mask has the high bit of a byte set wherever that byte has the property, and
// may also set it on a byte just above (more significant than) a byte that has it; it never
// misses one.  So "mask == 0" means no byte of the eight has the property, exactly; a non-zero
// mask only sends the caller back to its byte-at-a-time path.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace unres::bytes {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

/// The eight bytes at s[i] (i + 8 <= s.size()), the first in the low byte.
inline std::uint64_t load8(std::string_view s, std::size_t i) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    return w;
}
/// Bytes equal to 0.
inline std::uint64_t zero(std::uint64_t w) { return (w - kOnes) & ~w & kHigh; }
/// Bytes equal to c.
inline std::uint64_t equal(std::uint64_t w, unsigned char c) { return zero(w ^ (c * kOnes)); }
/// Bytes below n (n <= 128), bytes of 0x80 and above excepted.
inline std::uint64_t below(std::uint64_t w, unsigned char n) { return (w - n * kOnes) & ~w & kHigh; }
/// Bytes that are ASCII digits '0'..'9' (x ^ 0x30 is below 10 exactly for them).
inline std::uint64_t digit(std::uint64_t w) { return below(w ^ (0x30 * kOnes), 10); }
/// Bytes of 0x80 and above (exact).
inline std::uint64_t high(std::uint64_t w) { return w & kHigh; }

}  // namespace unres::bytes
