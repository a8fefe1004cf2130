/*
 * Midback wire protocol, version 1: the device side in portable C99 (no malloc, no I/O).
 * Specification: ../PROTOCOL.md. Golden vectors: ../vectors/midback-v1.txt.
 *
 * Wire frame:  COBS( payload | crc16 ) 0x00
 * Payload:     type (u8) | seq (u8) | body ...        all fields little-endian
 * crc16:       CRC-16/CCITT-FALSE over the payload, appended little-endian
 */
#ifndef MIDBACK_PROTO_H
#define MIDBACK_PROTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MB_PROTOCOL_VERSION 1
#define MB_MAX_PAYLOAD 1024
/* Longest frame on the wire, delimiter included: COBS overhead of payload + CRC, plus 0x00. */
#define MB_MAX_FRAME (MB_MAX_PAYLOAD + 2 + (MB_MAX_PAYLOAD + 2) / 254 + 1 + 1)

/* device -> host */
#define MB_MSG_INFO 0x01
#define MB_MSG_IMU_BATCH 0x10
#define MB_MSG_BATTERY 0x20
#define MB_MSG_EVENT 0x21
#define MB_MSG_ACK 0x30
#define MB_MSG_NACK 0x31
#define MB_MSG_PONG 0x32
#define MB_MSG_LOG 0x40

/* host -> device */
#define MB_CMD_GET_INFO 0x80
#define MB_CMD_START_STREAM 0x81
#define MB_CMD_STOP_STREAM 0x82
#define MB_CMD_SET_RATE 0x83
#define MB_CMD_SET_RANGES 0x84
#define MB_CMD_VIBRATE 0x85
#define MB_CMD_PING 0x86

#define MB_IMU_HEADER 21
#define MB_IMU_FLAG_MAG 0x01

#define MB_CAP_MAGNETOMETER 0x01
#define MB_CAP_VIBRATION_MOTOR 0x02
#define MB_CAP_BATTERY_GAUGE 0x04
#define MB_CAP_BUTTON 0x08

#define MB_EVENT_BUTTON_PRESS 1
#define MB_EVENT_BUTTON_LONG_PRESS 2
#define MB_EVENT_LOW_BATTERY 3
#define MB_EVENT_FIFO_OVERFLOW 4
#define MB_EVENT_STREAM_STARTED 5
#define MB_EVENT_STREAM_STOPPED 6

#define MB_NACK_UNKNOWN_COMMAND 1
#define MB_NACK_BAD_ARGUMENT 2
#define MB_NACK_BUSY 3
#define MB_NACK_UNSUPPORTED 4

#define MB_VIBRATE_OFF 0
#define MB_VIBRATE_SHORT 1
#define MB_VIBRATE_DOUBLE 2
#define MB_VIBRATE_LONG 3
#define MB_VIBRATE_RAMP 4

/* CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final XOR ("123456789" -> 0x29B1). */
uint16_t mb_crc16(const uint8_t *data, size_t len);

/* COBS-encodes src into dst (room for len + len/254 + 1 bytes); returns the encoded length (no delimiter). */
size_t mb_cobs_encode(const uint8_t *src, size_t len, uint8_t *dst);

/* The device's encoder: its frame sequence number and one payload buffer. */
typedef struct {
    uint8_t seq;
    uint8_t payload[MB_MAX_PAYLOAD + 2];
} mb_encoder;

void mb_encoder_init(mb_encoder *enc);

typedef struct {
    uint8_t fw_major, fw_minor, fw_patch;
    uint64_t device_id;
    uint16_t rate_hz;
    uint8_t accel_range_g;      /* +-g: 2, 4, 8, 16 */
    uint16_t gyro_range_dps;    /* +-deg/s: 250, 500, 1000, 2000 */
    uint16_t mag_range_ut;      /* +-uT, 0 = no magnetometer */
    uint8_t capabilities;       /* MB_CAP_* */
    uint8_t samples_per_frame;
    const char *sensor_model;   /* ASCII, at most 32 characters used */
} mb_device_info;

typedef struct {
    uint32_t sample_index;      /* samples sent before this batch's first (wraps) */
    uint32_t t0_us;             /* device clock at the first sample, us (wraps) */
    uint32_t period_us;         /* time between samples, us */
    uint8_t accel_range_g;
    uint16_t gyro_range_dps;
    uint16_t mag_range_ut;
    uint8_t count;              /* samples in the batch */
    uint8_t with_mag;           /* 1: 9 values per sample, 0: 6 */
} mb_imu_batch;

/*
 * Each encoder writes one complete frame (with the 0x00 delimiter) into out and returns its length, or 0
 * when it does not fit out_cap or the arguments are invalid. out_cap >= MB_MAX_FRAME always suffices.
 */
size_t mb_encode_info(mb_encoder *enc, const mb_device_info *info, uint8_t *out, size_t out_cap);
/* raw: per sample ax ay az gx gy gz [mx my mz] as int16 of the declared full scales. */
size_t mb_encode_imu_batch(mb_encoder *enc, const mb_imu_batch *batch, const int16_t *raw,
                           uint8_t *out, size_t out_cap);
/* percent: 0..100, or 255 unknown. */
size_t mb_encode_battery(mb_encoder *enc, uint16_t millivolts, uint8_t percent, int charging,
                         uint8_t *out, size_t out_cap);
size_t mb_encode_event(mb_encoder *enc, uint8_t kind, uint32_t device_us, uint16_t argument,
                       uint8_t *out, size_t out_cap);
size_t mb_encode_ack(mb_encoder *enc, uint8_t cmd_seq, uint8_t cmd_type, uint8_t *out, size_t out_cap);
size_t mb_encode_nack(mb_encoder *enc, uint8_t cmd_seq, uint8_t cmd_type, uint8_t error,
                      uint8_t *out, size_t out_cap);
size_t mb_encode_pong(mb_encoder *enc, uint8_t cmd_seq, uint32_t token, uint32_t device_us,
                      uint8_t *out, size_t out_cap);
size_t mb_encode_log(mb_encoder *enc, uint8_t level, const char *text, uint8_t *out, size_t out_cap);

/* A decoded host command. */
typedef struct {
    uint8_t type;               /* MB_CMD_*, or any other value for an unknown command */
    uint8_t seq;
    uint16_t rate_hz;           /* SET_RATE */
    uint8_t accel_range_g;      /* SET_RANGES (0 = unchanged) */
    uint16_t gyro_range_dps;    /* SET_RANGES (0 = unchanged) */
    uint8_t pattern;            /* VIBRATE: MB_VIBRATE_* */
    uint16_t duration_ms;       /* VIBRATE */
    uint8_t intensity_pct;      /* VIBRATE */
    uint32_t token;             /* PING */
} mb_command;

#define MB_CMD_MAX_PAYLOAD 64

/* Incremental command reader: feed bytes as they arrive, in any chunking. */
typedef struct {
    uint8_t buf[MB_CMD_MAX_PAYLOAD + 2];
    uint16_t len;
    uint8_t remaining;
    uint8_t last_code;
    uint8_t overflow;
    uint16_t raw;
    uint32_t frames_ok;
    uint32_t frames_corrupt;
} mb_cmd_decoder;

void mb_cmd_decoder_init(mb_cmd_decoder *dec);

/*
 * Feeds one byte. Returns 1 and fills *cmd when the byte completes a valid command frame (check cmd->type:
 * an unknown type should be answered with NACK MB_NACK_UNKNOWN_COMMAND), 0 otherwise. Damaged frames are
 * dropped and counted in frames_corrupt.
 */
int mb_cmd_feed(mb_cmd_decoder *dec, uint8_t byte, mb_command *cmd);

#ifdef __cplusplus
}
#endif

#endif
