/*
 * The floor of any replay: reads a canonical CSV recording (see samples/README.md) and parses every number on
 * every data line with strtod, and nothing else. `./bench floor` builds it with `cc -O2` and times it in turns
 * with `midback replay` on the same file.
 *
 * Lines starting with '#' (metadata) and the header line are skipped; every other line's comma-separated
 * fields are parsed and summed, so that no parse can be optimised away. Prints the number of data lines and
 * the sum of all values.
 *
 * Usage: parse_floor FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_BYTES (1 << 20)

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
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
                    double v = strtod(p, &after);
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
