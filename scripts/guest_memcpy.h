/* Force-included into the guest's C (scripts/guest.sh): copies of a length known only at run
 * time, up to 16 bytes, are done in place instead of by `memory.copy`.
 *
 * With bulk memory, clang turns every such memcpy into `memory.copy`, which wasmtime runs as a
 * call into the host: some forty instructions before the first byte moves. Most of QuickJS's
 * copies are a few bytes (a number's digits, a short string, a property), so they pay that
 * many times over. Longer copies, and those whose length the compiler knows, stay as they were.
 */
#include <stdint.h>
#include <string.h>

static inline __attribute__((always_inline)) void *
moat_memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (__builtin_constant_p(n) || n > 16)
        return __builtin_memcpy(dst, src, n);
    /* Two loads that may overlap, then two stores: every length from 1 to 16 in one branch. */
    if (n >= 8) {
        uint64_t head, tail;
        __builtin_memcpy(&head, s, 8);
        __builtin_memcpy(&tail, s + n - 8, 8);
        __builtin_memcpy(d, &head, 8);
        __builtin_memcpy(d + n - 8, &tail, 8);
    } else if (n >= 4) {
        uint32_t head, tail;
        __builtin_memcpy(&head, s, 4);
        __builtin_memcpy(&tail, s + n - 4, 4);
        __builtin_memcpy(d, &head, 4);
        __builtin_memcpy(d + n - 4, &tail, 4);
    } else if (n > 0) {
        unsigned char a = s[0], b = s[n / 2], c = s[n - 1];
        d[0] = a;
        d[n / 2] = b;
        d[n - 1] = c;
    }
    return dst;
}

#define memcpy(dst, src, n) moat_memcpy(dst, src, n)
