/*
 * The floor of any replay: reads a canonical CSV recording (see samples/README.md) and parses every number on
 * every data line with strtod, and nothing else. `./bench floor` builds it with `cc -O2` and times it in turns
 * with `midback replay` on the same file.
 *
 * Lines starting with '#' (metadata) and the header line are skipped; every other line's comma-separated
 * fields are parsed and summed, so that no parse can be optimised away. Prints the number of data lines and
 * the sum of all values.
 *
 * Two parsers: `strtod` (the C library's, the default: the floor the bench compares with) and `digits`, a
 * hand-written one for plain decimals (sign, at most 15 digits, a point; exact, as Midback's reader's own fast
 * path) that hands anything else to strtod: the floor for a program that writes its own number parser.
 *
 * Usage: parse_floor FILE [strtod|digits]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_BYTES (1 << 20)

static const double POW10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                               1e15};

/* A plain decimal at p, exactly (an integer below 2^53 divided by an exact power of ten); else strtod. */
static double parse_digits(const char *p, char **after) {
    const char *q = p;
    int negative = *q == '-';
    if (negative) {
        q++;
    }
    long long m = 0;
    const char *first = q;
    while (*q >= '0' && *q <= '9') {
        m = m * 10 + (*q++ - '0');
    }
    int digits = (int) (q - first), scale = 0;
    if (*q == '.') {
        const char *frac = ++q;
        while (*q >= '0' && *q <= '9') {
            m = m * 10 + (*q++ - '0');
        }
        scale = (int) (q - frac);
        digits += scale;
    }
    if (digits == 0 || digits > 15 || *q == 'e' || *q == 'E') {
        return strtod(p, after);
    }
    *after = (char *) q;
    double x = scale == 0 ? (double) m : (double) m / POW10[scale];
    return negative ? -x : x;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "strtod") != 0 && strcmp(argv[2], "digits") != 0)) {
        fprintf(stderr, "usage: %s FILE [strtod|digits]\n", argv[0]);
        return 2;
    }
    int digits = argc == 3 && strcmp(argv[2], "digits") == 0;
    FILE *in = fopen(argv[1], "rb");
    if (in == NULL) {
        perror(argv[1]);
        return 1;
    }
    /* One spare byte so the valid part can always end in a NUL for strtod. */
    char *buf = malloc(BUFFER_BYTES + 1);
    if (buf == NULL) {
        return 1;
    }
    size_t start = 0, end = 0;
    int header_seen = 0, eof = 0;
    long long lines = 0, numbers = 0;
    double sum = 0;
    for (;;) {
        char *nl = memchr(buf + start, '\n', end - start);
        if (nl == NULL) {
            if (eof) {
                if (start == end) {
                    break;
                }
                nl = buf + end; /* a last line without a newline */
            } else {
                memmove(buf, buf + start, end - start);
                end -= start;
                start = 0;
                if (end == BUFFER_BYTES) {
                    fprintf(stderr, "%s: line longer than %d bytes\n", argv[1], BUFFER_BYTES);
                    return 1;
                }
                size_t n = fread(buf + end, 1, BUFFER_BYTES - end, in);
                if (n == 0) {
                    eof = 1;
                }
                end += n;
                continue;
            }
        }
        char *p = buf + start;
        *nl = '\0';
        if (*p != '#' && *p != '\0') {
            if (!header_seen) {
                header_seen = 1;
            } else {
                lines++;
                for (;;) {
                    char *after;
                    double v = digits ? parse_digits(p, &after) : strtod(p, &after);
                    if (after == p) {
                        fprintf(stderr, "%s: not a number in data line %lld\n", argv[1], lines);
                        return 1;
                    }
                    sum += v;
                    numbers++;
                    if (*after != ',') {
                        break;
                    }
                    p = after + 1;
                }
            }
        }
        start = (size_t) (nl - buf) + 1;
        if (start > end) {
            start = end;
        }
    }
    fclose(in);
    printf("%lld lines, %lld numbers, sum %.6f\n", lines, numbers, sum);
    return 0;
}
