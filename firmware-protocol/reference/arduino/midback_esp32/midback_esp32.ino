/*
 * Midback sensor firmware for an ESP32 + MPU-6050 + vibration motor, streaming the Midback protocol v1
 * (../../../PROTOCOL.md) over Bluetooth Classic SPP. Not compiled by the project's build: see ../../README.md.
 *
 * Wiring (ESP32 DevKit):
 *   MPU-6050 SDA -> GPIO21, SCL -> GPIO22, VCC -> 3V3, GND -> GND, AD0 -> GND (address 0x68)
 *   vibration motor: GPIO25 -> 1 kOhm -> NPN base (2N2222); motor between 3V3 and collector, flyback diode across it
 *   battery: LiPo+ -> 100k/100k divider -> GPIO34 (ADC)
 *   button: the BOOT button (GPIO0, active low)
 *
 * Copy midback_proto.c and midback_proto.h from ../../ into this folder before building.
 */
#include <Arduino.h>
#include <BluetoothSerial.h>
#include <Wire.h>

#include "midback_proto.h"

static const uint8_t MPU_ADDR = 0x68;
static const int MOTOR_PIN = 25;
static const int BATTERY_PIN = 34;
static const int BUTTON_PIN = 0;
static const char *DEVICE_NAME = "Midback";

BluetoothSerial bt;
static mb_encoder enc;
static mb_cmd_decoder dec;
static uint8_t frame[MB_MAX_FRAME];

static uint16_t rate_hz = 100;
static uint8_t accel_range_g = 4;
static uint16_t gyro_range_dps = 500;
static const uint8_t SAMPLES_PER_FRAME = 10;

static bool streaming = false;
static uint32_t sample_index = 0;
static int16_t batch_raw[SAMPLES_PER_FRAME * 6];
static uint8_t batch_count = 0;
static uint32_t batch_t0 = 0;
static uint32_t next_sample_us = 0;

/* vibration: pattern as on/off steps, non-blocking */
static uint32_t vib_until_ms = 0;
static uint8_t vib_pattern = 0;
static uint32_t vib_start_ms = 0;
static uint8_t vib_duty = 0;

static uint32_t last_battery_ms = 0;
static bool button_was_down = false;

static void mpu_write(uint8_t reg, uint8_t value)
{
    Wire.beginTransmission(MPU_ADDR);
    Wire.write(reg);
    Wire.write(value);
    Wire.endTransmission();
}

static uint8_t accel_code(uint8_t g) { return g >= 16 ? 3 : g >= 8 ? 2 : g >= 4 ? 1 : 0; }
static uint8_t gyro_code(uint16_t dps) { return dps >= 2000 ? 3 : dps >= 1000 ? 2 : dps >= 500 ? 1 : 0; }

static void mpu_configure(void)
{
    mpu_write(0x6B, 0x01);                        /* wake, PLL with gyro X clock */
    mpu_write(0x1A, 0x03);                        /* DLPF 44 Hz */
    mpu_write(0x19, (uint8_t)(1000 / rate_hz - 1)); /* sample rate divider from the 1 kHz DLPF rate */
    mpu_write(0x1B, (uint8_t)(gyro_code(gyro_range_dps) << 3));
    mpu_write(0x1C, (uint8_t)(accel_code(accel_range_g) << 3));
}

static bool mpu_read(int16_t *out6)
{
    uint8_t b[14];
    Wire.beginTransmission(MPU_ADDR);
    Wire.write(0x3B);
    if (Wire.endTransmission(false) != 0 || Wire.requestFrom(MPU_ADDR, (uint8_t)14) != 14) {
        return false;
    }
    for (int i = 0; i < 14; i++) b[i] = Wire.read();
    /* accel x y z, temperature (skipped), gyro x y z; big-endian registers */
    out6[0] = (int16_t)((b[0] << 8) | b[1]);
    out6[1] = (int16_t)((b[2] << 8) | b[3]);
    out6[2] = (int16_t)((b[4] << 8) | b[5]);
    out6[3] = (int16_t)((b[8] << 8) | b[9]);
    out6[4] = (int16_t)((b[10] << 8) | b[11]);
    out6[5] = (int16_t)((b[12] << 8) | b[13]);
    return true;
}

static void send(size_t n)
{
    if (n > 0 && bt.hasClient()) bt.write(frame, n);
}

static void send_info(void)
{
    uint64_t mac = ESP.getEfuseMac();
    mb_device_info info = {0, 1, 0, mac, rate_hz, accel_range_g, gyro_range_dps, 0,
                           MB_CAP_VIBRATION_MOTOR | MB_CAP_BATTERY_GAUGE | MB_CAP_BUTTON, SAMPLES_PER_FRAME,
                           "MPU-6050"};
    send(mb_encode_info(&enc, &info, frame, sizeof frame));
}

static void send_battery(void)
{
    uint32_t mv = analogReadMilliVolts(BATTERY_PIN) * 2; /* 1:2 divider */
    int pct = (int)((mv - 3300) * 100 / (4200 - 3300));
    if (pct < 0) pct = 0;
    if (pct > 100) pct = 100;
    send(mb_encode_battery(&enc, (uint16_t)mv, (uint8_t)pct, 0, frame, sizeof frame));
}

static void start_vibration(uint8_t pattern, uint16_t duration_ms, uint8_t intensity_pct)
{
    vib_pattern = pattern;
    vib_start_ms = millis();
    vib_until_ms = vib_start_ms + duration_ms;
    vib_duty = (uint8_t)(intensity_pct * 255 / 100);
}

static void update_vibration(void)
{
    uint32_t now = millis();
    uint8_t duty = 0;
    if (vib_pattern != MB_VIBRATE_OFF && (int32_t)(vib_until_ms - now) > 0) {
        uint32_t t = now - vib_start_ms;
        uint32_t total = vib_until_ms - vib_start_ms;
        switch (vib_pattern) {
        case MB_VIBRATE_SHORT: duty = t < 150 ? vib_duty : 0; break;
        case MB_VIBRATE_DOUBLE: duty = (t < 150 || (t >= 300 && t < 450)) ? vib_duty : 0; break;
        case MB_VIBRATE_LONG: duty = vib_duty; break;
        case MB_VIBRATE_RAMP: duty = (uint8_t)(vib_duty * t / (total ? total : 1)); break;
        default: duty = 0;
        }
    }
    analogWrite(MOTOR_PIN, duty);
}

static void send_batch(uint32_t period)
{
    mb_imu_batch b = {sample_index, batch_t0, period, accel_range_g, gyro_range_dps, 0, batch_count, 0};
    send(mb_encode_imu_batch(&enc, &b, batch_raw, frame, sizeof frame));
    sample_index += batch_count;
    batch_count = 0;
}

static void handle(const mb_command *c)
{
    switch (c->type) {
    case MB_CMD_GET_INFO:
        send_info();
        return;
    case MB_CMD_PING:
        send(mb_encode_pong(&enc, c->seq, c->token, (uint32_t)micros(), frame, sizeof frame));
        return;
    case MB_CMD_START_STREAM:
        streaming = true;
        batch_count = 0;
        next_sample_us = micros();
        break;
    case MB_CMD_STOP_STREAM:
        streaming = false;
        break;
    case MB_CMD_SET_RATE:
        if (c->rate_hz < 10 || c->rate_hz > 500) {
            send(mb_encode_nack(&enc, c->seq, c->type, MB_NACK_BAD_ARGUMENT, frame, sizeof frame));
            return;
        }
        rate_hz = c->rate_hz;
        mpu_configure();
        break;
    case MB_CMD_SET_RANGES:
        if (c->accel_range_g) accel_range_g = c->accel_range_g;
        if (c->gyro_range_dps) gyro_range_dps = c->gyro_range_dps;
        accel_range_g = (uint8_t)(2 << accel_code(accel_range_g));
        gyro_range_dps = (uint16_t)(250 << gyro_code(gyro_range_dps));
        mpu_configure();
        batch_count = 0; /* never mix ranges within a batch */
        break;
    case MB_CMD_VIBRATE:
        start_vibration(c->pattern, c->duration_ms, c->intensity_pct);
        break;
    default:
        send(mb_encode_nack(&enc, c->seq, c->type, MB_NACK_UNKNOWN_COMMAND, frame, sizeof frame));
        return;
    }
    send(mb_encode_ack(&enc, c->seq, c->type, frame, sizeof frame));
}

void setup()
{
    pinMode(MOTOR_PIN, OUTPUT);
    pinMode(BUTTON_PIN, INPUT_PULLUP);
    Wire.begin(21, 22, 400000);
    mpu_configure();
    mb_encoder_init(&enc);
    mb_cmd_decoder_init(&dec);
    bt.begin(DEVICE_NAME);
}

void loop()
{
    mb_command cmd;
    while (bt.available() > 0) {
        if (mb_cmd_feed(&dec, (uint8_t)bt.read(), &cmd)) handle(&cmd);
    }
    if (streaming && (int32_t)(micros() - next_sample_us) >= 0) {
        uint32_t period = 1000000u / rate_hz;
        uint32_t t = next_sample_us;
        next_sample_us += period;
        if (batch_count == 0) batch_t0 = t;
        bool ok = mpu_read(&batch_raw[batch_count * 6]);
        if (ok) batch_count++;
        if (batch_count == SAMPLES_PER_FRAME || (!ok && batch_count > 0)) {
            send_batch(period);
        }
        if (!ok) {
            sample_index++; /* a failed read: the sample is lost, and the host will see the gap */
        }
    }
    bool down = digitalRead(BUTTON_PIN) == LOW;
    if (down && !button_was_down) {
        send(mb_encode_event(&enc, MB_EVENT_BUTTON_PRESS, (uint32_t)micros(), 0, frame, sizeof frame));
    }
    button_was_down = down;
    if (millis() - last_battery_ms > 60000u) {
        last_battery_ms = millis();
        send_battery();
    }
    update_vibration();
}
