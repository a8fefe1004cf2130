/* Midback wire protocol v1, device side. See midback_proto.h and ../PROTOCOL.md. */
#include "midback_proto.h"

#include <string.h>

uint16_t mb_crc16(const uint8_t *data, size_t len)
{
    uint16_t crc = 0xFFFF;
    size_t i;
    int k;
    for (i = 0; i < len; i++) {
        crc ^= (uint16_t)((uint16_t)data[i] << 8);
        for (k = 0; k < 8; k++) {
            crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
        }
    }
    return crc;
}

size_t mb_cobs_encode(const uint8_t *src, size_t len, uint8_t *dst)
{
    size_t code_at = 0;
    size_t out = 1;
    uint8_t code = 1;
    size_t i;
    for (i = 0; i < len; i++) {
        if (src[i] == 0) {
            dst[code_at] = code;
            code_at = out++;
            code = 1;
        } else {
            dst[out++] = src[i];
            if (++code == 0xFF) {
                dst[code_at] = code;
                code_at = out++;
                code = 1;
            }
        }
    }
    dst[code_at] = code;
    return out;
}

void mb_encoder_init(mb_encoder *enc)
{
    enc->seq = 0;
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v & 0xFF);
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v & 0xFF);
    p[1] = (uint8_t)((v >> 8) & 0xFF);
    p[2] = (uint8_t)((v >> 16) & 0xFF);
    p[3] = (uint8_t)(v >> 24);
}

static void header(mb_encoder *enc, uint8_t type)
{
    enc->payload[0] = type;
    enc->payload[1] = enc->seq++;
}

/* Appends the CRC, COBS-encodes, adds the delimiter. */
static size_t finish(mb_encoder *enc, size_t len, uint8_t *out, size_t out_cap)
{
    uint16_t crc;
    size_t n;
    if (len + 2 + (len + 2) / 254 + 2 > out_cap) {
        return 0;
    }
    crc = mb_crc16(enc->payload, len);
    put16(enc->payload + len, crc);
    n = mb_cobs_encode(enc->payload, len + 2, out);
    out[n] = 0;
    return n + 1;
}

size_t mb_encode_info(mb_encoder *enc, const mb_device_info *info, uint8_t *out, size_t out_cap)
{
    uint8_t *p = enc->payload;
    size_t model_len = info->sensor_model ? strlen(info->sensor_model) : 0;
    if (model_len > 32) {
        model_len = 32;
    }
    header(enc, MB_MSG_INFO);
    p[2] = MB_PROTOCOL_VERSION;
    p[3] = info->fw_major;
    p[4] = info->fw_minor;
    p[5] = info->fw_patch;
    put32(p + 6, (uint32_t)(info->device_id & 0xFFFFFFFFu));
    put32(p + 10, (uint32_t)(info->device_id >> 32));
    put16(p + 14, info->rate_hz);
    p[16] = info->accel_range_g;
    put16(p + 17, info->gyro_range_dps);
    put16(p + 19, info->mag_range_ut);
    p[21] = info->capabilities;
    p[22] = info->samples_per_frame;
    p[23] = (uint8_t)model_len;
    if (model_len > 0) {
        memcpy(p + 24, info->sensor_model, model_len);
    }
    return finish(enc, 24 + model_len, out, out_cap);
}

size_t mb_encode_imu_batch(mb_encoder *enc, const mb_imu_batch *b, const int16_t *raw,
                           uint8_t *out, size_t out_cap)
{
    uint8_t *p = enc->payload;
    size_t values = (size_t)b->count * (b->with_mag ? 9u : 6u);
    size_t len = MB_IMU_HEADER + 2 * values;
    size_t i;
    if (len > MB_MAX_PAYLOAD || b->accel_range_g == 0 || b->gyro_range_dps == 0
            || (b->with_mag && b->mag_range_ut == 0)) {
        return 0;
    }
    header(enc, MB_MSG_IMU_BATCH);
    put32(p + 2, b->sample_index);
    put32(p + 6, b->t0_us);
    put32(p + 10, b->period_us);
    p[14] = b->accel_range_g;
    put16(p + 15, b->gyro_range_dps);
    put16(p + 17, b->mag_range_ut);
    p[19] = b->count;
    p[20] = b->with_mag ? MB_IMU_FLAG_MAG : 0;
    for (i = 0; i < values; i++) {
        put16(p + MB_IMU_HEADER + 2 * i, (uint16_t)raw[i]);
    }
    return finish(enc, len, out, out_cap);
}

size_t mb_encode_battery(mb_encoder *enc, uint16_t millivolts, uint8_t percent, int charging,
                         uint8_t *out, size_t out_cap)
{
    header(enc, MB_MSG_BATTERY);
    put16(enc->payload + 2, millivolts);
    enc->payload[4] = percent;
    enc->payload[5] = charging ? 1 : 0;
    return finish(enc, 6, out, out_cap);
}

size_t mb_encode_event(mb_encoder *enc, uint8_t kind, uint32_t device_us, uint16_t argument,
                       uint8_t *out, size_t out_cap)
{
    header(enc, MB_MSG_EVENT);
    enc->payload[2] = kind;
    put32(enc->payload + 3, device_us);
    put16(enc->payload + 7, argument);
    return finish(enc, 9, out, out_cap);
}

size_t mb_encode_ack(mb_encoder *enc, uint8_t cmd_seq, uint8_t cmd_type, uint8_t *out, size_t out_cap)
{
    header(enc, MB_MSG_ACK);
    enc->payload[2] = cmd_seq;
    enc->payload[3] = cmd_type;
    return finish(enc, 4, out, out_cap);
}

size_t mb_encode_nack(mb_encoder *enc, uint8_t cmd_seq, uint8_t cmd_type, uint8_t error,
                      uint8_t *out, size_t out_cap)
{
    header(enc, MB_MSG_NACK);
    enc->payload[2] = cmd_seq;
    enc->payload[3] = cmd_type;
    enc->payload[4] = error;
    return finish(enc, 5, out, out_cap);
}

size_t mb_encode_pong(mb_encoder *enc, uint8_t cmd_seq, uint32_t token, uint32_t device_us,
                      uint8_t *out, size_t out_cap)
{
    header(enc, MB_MSG_PONG);
    enc->payload[2] = cmd_seq;
    put32(enc->payload + 3, token);
    put32(enc->payload + 7, device_us);
    return finish(enc, 11, out, out_cap);
}

size_t mb_encode_log(mb_encoder *enc, uint8_t level, const char *text, uint8_t *out, size_t out_cap)
{
    size_t n = strlen(text);
    if (n > MB_MAX_PAYLOAD - 3) {
        n = MB_MAX_PAYLOAD - 3;
    }
    header(enc, MB_MSG_LOG);
    enc->payload[2] = level;
    memcpy(enc->payload + 3, text, n);
    return finish(enc, 3 + n, out, out_cap);
}

void mb_cmd_decoder_init(mb_cmd_decoder *dec)
{
    memset(dec, 0, sizeof *dec);
}

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Parses a checked payload; returns 0 when it is too short for its type. */
static int parse_command(const uint8_t *p, size_t len, mb_command *c)
{
    memset(c, 0, sizeof *c);
    c->type = p[0];
    c->seq = p[1];
    switch (c->type) {
    case MB_CMD_SET_RATE:
        if (len < 4) return 0;
        c->rate_hz = get16(p + 2);
        break;
    case MB_CMD_SET_RANGES:
        if (len < 5) return 0;
        c->accel_range_g = p[2];
        c->gyro_range_dps = get16(p + 3);
        break;
    case MB_CMD_VIBRATE:
        if (len < 6) return 0;
        c->pattern = p[2];
        c->duration_ms = get16(p + 3);
        c->intensity_pct = p[5];
        break;
    case MB_CMD_PING:
        if (len < 6) return 0;
        c->token = get32(p + 2);
        break;
    default:
        break;
    }
    return 1;
}

static void reset_frame(mb_cmd_decoder *d)
{
    d->len = 0;
    d->remaining = 0;
    d->last_code = 0;
    d->overflow = 0;
    d->raw = 0;
}

int mb_cmd_feed(mb_cmd_decoder *d, uint8_t v, mb_command *cmd)
{
    int result = 0;
    if (v == 0) {
        if (d->raw != 0) {
            int ok = !d->overflow && d->remaining == 0 && d->len >= 4;
            if (ok) {
                uint16_t crc = mb_crc16(d->buf, (size_t)d->len - 2);
                ok = crc == get16(d->buf + d->len - 2) && parse_command(d->buf, (size_t)d->len - 2, cmd);
            }
            if (ok) {
                d->frames_ok++;
                result = 1;
            } else {
                d->frames_corrupt++;
            }
        }
        reset_frame(d);
        return result;
    }
    if (d->raw < 0xFFFF) {
        d->raw++;
    }
    if (d->overflow) {
        return 0;
    }
    if (d->remaining == 0) {
        if (d->last_code != 0 && d->last_code != 0xFF) {
            if (d->len == sizeof d->buf) {
                d->overflow = 1;
                return 0;
            }
            d->buf[d->len++] = 0;
        }
        d->last_code = v;
        d->remaining = (uint8_t)(v - 1);
    } else {
        if (d->len == sizeof d->buf) {
            d->overflow = 1;
            return 0;
        }
        d->buf[d->len++] = v;
        d->remaining--;
    }
    return 0;
}
