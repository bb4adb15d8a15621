/* Force-included into the guest's C (scripts/guest.sh): faster stand-ins for two libc calls
 * that cost far more in the sandbox than natively.
 *
 * memcpy: with bulk memory, clang turns every copy of a length known only at run time into
 * `memory.copy`, which wasmtime runs as a call into the host: some forty instructions before
 * the first byte moves. Most of QuickJS's copies are a few bytes (a number's digits, a short
 * string, a property), so copies of up to 16 bytes are done in place. Longer copies, and those
 * whose length the compiler knows, stay as they were.
 *
 * strtod: wasi-libc parses through `long double`, which is 128 bits on wasm32 and done in
 * software, so JSON.parse spent some 400 instructions on each number. A decimal with at most
 * 15 significant digits and a power of ten up to 22 is converted exactly by one
 * multiplication or division of doubles (both operands are exact, so the result is correctly
 * rounded); anything else goes to libc's strtod.
 */
#include <stdint.h>
#include <stdlib.h>
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

static inline double moat_strtod(const char *restrict str, char **restrict end)
{
    static const double pow10[] = {
        1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    const char *p = str;
    uint64_t mantissa = 0;
    int digits = 0, exp10 = 0, exp = 0, exp_neg = 0, neg = 0;
    double v;

    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    if (*p < '0' || *p > '9')
        return (strtod)(str, end);
    for (; *p >= '0' && *p <= '9'; p++) {
        mantissa = mantissa * 10 + (uint64_t)(*p - '0');
        digits += mantissa != 0;
        if (digits > 15)
            return (strtod)(str, end);
    }
    if (*p == 'x' || *p == 'X')
        return (strtod)(str, end); /* hexadecimal */
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return (strtod)(str, end);
        for (; *p >= '0' && *p <= '9'; p++) {
            mantissa = mantissa * 10 + (uint64_t)(*p - '0');
            digits += mantissa != 0;
            exp10--;
            if (digits > 15)
                return (strtod)(str, end);
        }
    }
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '-' || *q == '+')
            exp_neg = *q++ == '-';
        if (*q < '0' || *q > '9')
            return (strtod)(str, end);
        for (; *q >= '0' && *q <= '9'; q++) {
            exp = exp * 10 + (*q - '0');
            if (exp > 22)
                return (strtod)(str, end);
        }
        exp10 += exp_neg ? -exp : exp;
        p = q;
    }
    if (exp10 < -22 || exp10 > 22)
        return (strtod)(str, end);
    v = (double)mantissa;
    v = exp10 < 0 ? v / pow10[-exp10] : v * pow10[exp10];
    if (end)
        *end = (char *)p;
    return neg ? -v : v;
}

#define memcpy(dst, src, n) moat_memcpy(dst, src, n)
#define strtod(str, end) moat_strtod(str, end)
