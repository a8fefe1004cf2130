/*
 * Host unit tests of the reference device side: golden vectors (../vectors/midback-v1.txt) are produced
 * byte for byte by the C encoders and decoded by the C command reader; damage is rejected.
 * Build and run: make test
 */
#include "midback_proto.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
static int checks;

#define CHECK(cond, ...) do { checks++; if (!(cond)) { failures++; \
    fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

#define MAX_FIELDS 24
#define MAX_SAMPLES 32

typedef struct {
    char name[64];
    char dir[16];
    char keys[MAX_FIELDS][32];
    char vals[MAX_FIELDS][64];
    int nfields;
    long samples[MAX_SAMPLES][9];
    int nsamples;
    char text[128];
    uint8_t hex[2048];
    size_t nhex;
} vector;

static const char *field(const vector *v, const char *key)
{
    int i;
    for (i = 0; i < v->nfields; i++) {
        if (strcmp(v->keys[i], key) == 0) {
            return v->vals[i];
        }
    }
    fprintf(stderr, "vector %s has no field %s\n", v->name, key);
    exit(2);
}

static unsigned long long num(const vector *v, const char *key)
{
    return strtoull(field(v, key), NULL, 0);
}

/* Reads the next vector; returns 0 at end of file. */
static int next_vector(FILE *f, vector *v)
{
    char line[1024];
    memset(v, 0, sizeof *v);
    while (fgets(line, sizeof line, f)) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        if (line[0] == 0 || line[0] == '#') continue;
        if (strncmp(line, "vector ", 7) == 0) {
            sscanf(line + 7, "%63s %15s", v->name, v->dir);
        } else if (strncmp(line, "sample ", 7) == 0) {
            char *p = line + 7;
            int k = 0;
            while (*p && k < 9) {
                char *end;
                long x = strtol(p, &end, 10);
                if (end == p) break;
                v->samples[v->nsamples][k++] = x;
                p = end;
            }
            v->nsamples++;
        } else if (strncmp(line, "text ", 5) == 0) {
            size_t len = strlen(line + 5);
            if (len >= sizeof v->text) len = sizeof v->text - 1;
            memcpy(v->text, line + 5, len);
            v->text[len] = 0;
        } else if (strncmp(line, "hex ", 4) == 0) {
            char *p = line + 4;
            while (*p) {
                char *end;
                unsigned long x = strtoul(p, &end, 16);
                if (end == p) break;
                v->hex[v->nhex++] = (uint8_t)x;
                p = end;
            }
        } else if (strcmp(line, "end") == 0) {
            return 1;
        } else {
            sscanf(line, "%31s %63s", v->keys[v->nfields], v->vals[v->nfields]);
            v->nfields++;
        }
    }
    return 0;
}

static void hexdump(const char *label, const uint8_t *b, size_t n)
{
    size_t i;
    fprintf(stderr, "  %s:", label);
    for (i = 0; i < n; i++) fprintf(stderr, " %02x", b[i]);
    fputc('\n', stderr);
}

static void check_device_vector(const vector *v)
{
    mb_encoder enc;
    uint8_t out[MB_MAX_FRAME];
    size_t n = 0;
    const char *type = field(v, "type");
    mb_encoder_init(&enc);
    enc.seq = (uint8_t)num(v, "seq");
    if (strcmp(type, "info") == 0) {
        mb_device_info info;
        info.fw_major = (uint8_t)num(v, "fwMajor");
        info.fw_minor = (uint8_t)num(v, "fwMinor");
        info.fw_patch = (uint8_t)num(v, "fwPatch");
        info.device_id = num(v, "deviceId");
        info.rate_hz = (uint16_t)num(v, "rateHz");
        info.accel_range_g = (uint8_t)num(v, "accelRangeG");
        info.gyro_range_dps = (uint16_t)num(v, "gyroRangeDps");
        info.mag_range_ut = (uint16_t)num(v, "magRangeUt");
        info.capabilities = (uint8_t)num(v, "capabilities");
        info.samples_per_frame = (uint8_t)num(v, "samplesPerFrame");
        info.sensor_model = v->text;
        n = mb_encode_info(&enc, &info, out, sizeof out);
    } else if (strcmp(type, "imu_batch") == 0) {
        mb_imu_batch b;
        int16_t raw[MAX_SAMPLES * 9];
        int s, k, stride;
        b.sample_index = (uint32_t)num(v, "sampleIndex");
        b.t0_us = (uint32_t)num(v, "t0Us");
        b.period_us = (uint32_t)num(v, "periodUs");
        b.accel_range_g = (uint8_t)num(v, "accelRangeG");
        b.gyro_range_dps = (uint16_t)num(v, "gyroRangeDps");
        b.mag_range_ut = (uint16_t)num(v, "magRangeUt");
        b.with_mag = (uint8_t)num(v, "withMag");
        b.count = (uint8_t)v->nsamples;
        stride = b.with_mag ? 9 : 6;
        for (s = 0; s < v->nsamples; s++) {
            for (k = 0; k < stride; k++) {
                raw[s * stride + k] = (int16_t)v->samples[s][k];
            }
        }
        n = mb_encode_imu_batch(&enc, &b, raw, out, sizeof out);
    } else if (strcmp(type, "battery") == 0) {
        n = mb_encode_battery(&enc, (uint16_t)num(v, "millivolts"), (uint8_t)num(v, "percent"),
                              (int)num(v, "charging"), out, sizeof out);
    } else if (strcmp(type, "event") == 0) {
        n = mb_encode_event(&enc, (uint8_t)num(v, "kind"), (uint32_t)num(v, "deviceUs"),
                            (uint16_t)num(v, "argument"), out, sizeof out);
    } else if (strcmp(type, "ack") == 0) {
        n = mb_encode_ack(&enc, (uint8_t)num(v, "cmdSeq"), (uint8_t)num(v, "cmdType"), out, sizeof out);
    } else if (strcmp(type, "nack") == 0) {
        n = mb_encode_nack(&enc, (uint8_t)num(v, "cmdSeq"), (uint8_t)num(v, "cmdType"),
                           (uint8_t)num(v, "error"), out, sizeof out);
    } else if (strcmp(type, "pong") == 0) {
        n = mb_encode_pong(&enc, (uint8_t)num(v, "cmdSeq"), (uint32_t)num(v, "token"),
                           (uint32_t)num(v, "deviceUs"), out, sizeof out);
    } else if (strcmp(type, "log") == 0) {
        n = mb_encode_log(&enc, (uint8_t)num(v, "level"), v->text, out, sizeof out);
    } else {
        CHECK(0, "%s: unknown device type %s", v->name, type);
        return;
    }
    CHECK(n == v->nhex && memcmp(out, v->hex, n) == 0, "%s: C encoder differs from the golden bytes", v->name);
    if (n != v->nhex || memcmp(out, v->hex, n) != 0) {
        hexdump("golden", v->hex, v->nhex);
        hexdump("C     ", out, n);
    }
    /* too small an output buffer is refused, not overrun */
    mb_encoder_init(&enc);
    CHECK(mb_encode_ack(&enc, 1, 2, out, 4) == 0, "%s: short buffer accepted", v->name);
}

static int decode_all(const uint8_t *b, size_t n, mb_command *cmd, mb_cmd_decoder *dec)
{
    size_t i;
    int got = 0;
    mb_command c;
    memset(&c, 0, sizeof c);
    for (i = 0; i < n; i++) {
        if (mb_cmd_feed(dec, b[i], &c)) {
            *cmd = c;
            got++;
        }
    }
    return got;
}

static void check_host_vector(const vector *v)
{
    mb_cmd_decoder dec;
    mb_command c;
    const char *type = field(v, "type");
    size_t i;
    int bit;
    memset(&c, 0, sizeof c);
    mb_cmd_decoder_init(&dec);
    CHECK(decode_all(v->hex, v->nhex, &c, &dec) == 1, "%s: not decoded", v->name);
    CHECK(c.seq == num(v, "seq"), "%s: seq", v->name);
    if (strcmp(type, "get_info") == 0) {
        CHECK(c.type == MB_CMD_GET_INFO, "%s", v->name);
    } else if (strcmp(type, "start_stream") == 0) {
        CHECK(c.type == MB_CMD_START_STREAM, "%s", v->name);
    } else if (strcmp(type, "stop_stream") == 0) {
        CHECK(c.type == MB_CMD_STOP_STREAM, "%s", v->name);
    } else if (strcmp(type, "set_rate") == 0) {
        CHECK(c.type == MB_CMD_SET_RATE && c.rate_hz == num(v, "rateHz"), "%s", v->name);
    } else if (strcmp(type, "set_ranges") == 0) {
        CHECK(c.type == MB_CMD_SET_RANGES && c.accel_range_g == num(v, "accelRangeG")
              && c.gyro_range_dps == num(v, "gyroRangeDps"), "%s", v->name);
    } else if (strcmp(type, "vibrate") == 0) {
        CHECK(c.type == MB_CMD_VIBRATE && c.pattern == num(v, "pattern") && c.duration_ms == num(v, "durationMs")
              && c.intensity_pct == num(v, "intensityPct"), "%s", v->name);
    } else if (strcmp(type, "ping") == 0) {
        CHECK(c.type == MB_CMD_PING && c.token == num(v, "token"), "%s", v->name);
    } else {
        CHECK(0, "%s: unknown host type %s", v->name, type);
    }
    /* every single-bit flip is rejected, and the next good frame still decodes */
    for (i = 0; i + 1 < v->nhex; i++) {
        for (bit = 0; bit < 8; bit++) {
            uint8_t damaged[64];
            int got;
            memcpy(damaged, v->hex, v->nhex);
            damaged[i] ^= (uint8_t)(1u << bit);
            mb_cmd_decoder_init(&dec);
            got = decode_all(damaged, v->nhex, &c, &dec);
            got += decode_all(v->hex, v->nhex, &c, &dec);
            CHECK(got == 1 && c.seq == num(v, "seq"), "%s: flip byte %u bit %d: %d commands",
                  v->name, (unsigned)i, bit, got);
        }
    }
}

static void test_crc_and_cobs(void)
{
    const uint8_t check[] = "123456789";
    uint8_t out[600], in[520];
    size_t n, i;
    CHECK(mb_crc16(check, 9) == 0x29B1, "CRC-16/CCITT-FALSE check value: %04x", mb_crc16(check, 9));
    {
        const uint8_t a[] = {0x00};
        const uint8_t ea[] = {0x01, 0x01};
        const uint8_t b[] = {0x11, 0x22, 0x00, 0x33};
        const uint8_t eb[] = {0x03, 0x11, 0x22, 0x02, 0x33};
        n = mb_cobs_encode(a, 1, out);
        CHECK(n == 2 && memcmp(out, ea, 2) == 0, "COBS {00}");
        n = mb_cobs_encode(b, 4, out);
        CHECK(n == 5 && memcmp(out, eb, 5) == 0, "COBS {11 22 00 33}");
    }
    for (i = 0; i < sizeof in; i++) in[i] = (uint8_t)(i % 255 + 1);
    n = mb_cobs_encode(in, sizeof in, out);
    CHECK(n == sizeof in + 3, "COBS long run length %u", (unsigned)n);
    CHECK(out[0] == 0xFF && memchr(out, 0, n) == NULL, "COBS long run has no zero");
}

static void test_garbage_and_overflow(void)
{
    mb_cmd_decoder dec;
    mb_command c;
    uint8_t junk[5000];
    size_t i;
    int got = 0;
    memset(&c, 0, sizeof c);
    mb_cmd_decoder_init(&dec);
    for (i = 0; i < sizeof junk; i++) junk[i] = (uint8_t)(i % 251 + 1); /* no delimiter at all */
    got = decode_all(junk, sizeof junk, &c, &dec);
    CHECK(got == 0, "garbage gave %d commands", got);
    {
        /* a frame far longer than any command is discarded */
        mb_encoder enc;
        uint8_t frame[MB_MAX_FRAME];
        size_t n;
        mb_encoder_init(&enc);
        n = mb_encode_log(&enc, 1, "this is not a command but is long enough to overflow the 64-byte command buffer", frame, sizeof frame);
        got = decode_all(frame, n, &c, &dec);
        CHECK(got == 0 && dec.frames_corrupt >= 1, "overlong frame");
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "../vectors/midback-v1.txt";
    FILE *f = fopen(path, "r");
    vector *v = malloc(sizeof *v); /* test harness only; the library itself never allocates */
    int device = 0, host = 0;
    if (!f || !v) {
        fprintf(stderr, "cannot open %s\n", path);
        return 2;
    }
    test_crc_and_cobs();
    test_garbage_and_overflow();
    while (next_vector(f, v)) {
        if (strcmp(v->dir, "device") == 0) {
            check_device_vector(v);
            device++;
        } else if (strcmp(v->dir, "host") == 0) {
            check_host_vector(v);
            host++;
        }
    }
    fclose(f);
    free(v);
    CHECK(device >= 10 && host >= 7, "vectors read: %d device, %d host", device, host);
    printf("midback reference: %d checks, %d failures (%d device vectors, %d host vectors)\n",
           checks, failures, device, host);
    return failures == 0 ? 0 : 1;
}
