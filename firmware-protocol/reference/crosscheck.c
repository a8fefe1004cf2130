/*
 * Cross-check between the C reference and the Java decoder: writes a stream of frames made by the C encoders
 * to argv[1], and the values it encoded, one line per item, to argv[2]:
 *   sample <t0_us + i*period_us> ax ay az gx gy gz [mx my mz]   (raw int16; ranges on the "ranges" line before)
 *   ranges <accel_g> <gyro_dps> <mag_ut>
 *   battery <mv> <percent> <charging>
 *   lost <n>
 * The Java test (MidbackCrossCheckTest) decodes the frames and compares.
 */
#include "midback_proto.h"

#include <stdio.h>

static uint32_t state = 12345u;

static int16_t next_raw(void)
{
    state = state * 1103515245u + 12345u;
    return (int16_t)(state >> 16);
}

int main(int argc, char **argv)
{
    FILE *bin, *txt;
    mb_encoder enc;
    uint8_t frame[MB_MAX_FRAME];
    int16_t raw[40 * 9];
    uint32_t index = 0xFFFFFF00u;          /* the sample counter wraps during the stream */
    uint32_t t_us = 0xFFF00000u;           /* and so does the us clock */
    const uint32_t period = 10000;
    int f, i, k;
    if (argc < 3) {
        fprintf(stderr, "usage: crosscheck FRAMES.bin EXPECTED.txt\n");
        return 2;
    }
    bin = fopen(argv[1], "wb");
    txt = fopen(argv[2], "w");
    if (!bin || !txt) {
        perror("crosscheck");
        return 2;
    }
    mb_encoder_init(&enc);
    {
        mb_device_info info = {0, 3, 1, 0xA4CF12F0E1D2ull, 100, 4, 500, 4900,
                               MB_CAP_MAGNETOMETER | MB_CAP_VIBRATION_MOTOR, 10, "ICM-20948"};
        size_t n = mb_encode_info(&enc, &info, frame, sizeof frame);
        fwrite(frame, 1, n, bin);
    }
    for (f = 0; f < 60; f++) {
        mb_imu_batch b;
        size_t n;
        int stride;
        b.sample_index = index;
        b.t0_us = t_us;
        b.period_us = period;
        b.accel_range_g = (uint8_t)(f % 3 == 0 ? 16 : 4);
        b.gyro_range_dps = (uint16_t)(f % 3 == 0 ? 2000 : 500);
        b.mag_range_ut = 4900;
        b.with_mag = (uint8_t)(f % 2);
        b.count = (uint8_t)(1 + f % 40);
        stride = b.with_mag ? 9 : 6;
        for (i = 0; i < b.count * stride; i++) {
            raw[i] = (int16_t)(f % 5 == 0 && i % 3 == 0 ? 0 : next_raw());
        }
        if (f == 30) {
            /* this batch is "lost on the air": not written, its samples counted as lost */
            fprintf(txt, "lost %d\n", b.count);
        } else {
            n = mb_encode_imu_batch(&enc, &b, raw, frame, sizeof frame);
            if (n == 0) {
                fprintf(stderr, "encode failed\n");
                return 1;
            }
            fwrite(frame, 1, n, bin);
            fprintf(txt, "ranges %d %d %d\n", b.accel_range_g, b.gyro_range_dps, b.with_mag ? b.mag_range_ut : 0);
            for (i = 0; i < b.count; i++) {
                fprintf(txt, "sample %lu", (unsigned long)(uint32_t)(t_us + (uint32_t)i * period));
                for (k = 0; k < stride; k++) {
                    fprintf(txt, " %d", raw[i * stride + k]);
                }
                fputc('\n', txt);
            }
        }
        index += b.count;
        t_us += (uint32_t)b.count * period;
        if (f % 10 == 9) {
            n = mb_encode_battery(&enc, (uint16_t)(4100 - f), (uint8_t)(90 - f / 10), f == 59, frame, sizeof frame);
            fwrite(frame, 1, n, bin);
            fprintf(txt, "battery %d %d %d\n", 4100 - f, 90 - f / 10, f == 59);
        }
    }
    fclose(bin);
    fclose(txt);
    return 0;
}
