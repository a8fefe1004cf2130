package io.midback.report;

import io.midback.posture.PostureState;

import java.awt.Color;

/** One colour per posture state, the same in every chart. */
final class StateColors {
    private StateColors() {
    }

    static Color of(PostureState s) {
        return switch (s) {
            case UPRIGHT -> new Color(0x2e, 0x9e, 0x5b);
            case SLOUCHED -> new Color(0xd6, 0x3b, 0x2f);
            case RECLINED -> new Color(0xe8, 0xa3, 0x3d);
            case LEANING_SIDEWAYS -> new Color(0xb5, 0x6a, 0xc4);
            case STANDING -> new Color(0x3b, 0x7d, 0xd8);
            case WALKING -> new Color(0x1f, 0xb5, 0xc4);
            case LYING -> new Color(0x8a, 0x6d, 0x3b);
            case NOT_WORN -> new Color(0xbb, 0xbb, 0xbb);
            case UNKNOWN -> new Color(0xe0, 0xe0, 0xe0);
        };
    }

    static String hex(PostureState s) {
        Color c = of(s);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static final Color BOUT = new Color(0x55, 0x55, 0x99);
    static final Color BREAK = new Color(0x7c, 0xc4, 0x7c);
    static final Color ENVELOPE = new Color(0x4a, 0x6f, 0xa5, 0xa0);
    static final Color THRESHOLD_BAND = new Color(0xd6, 0x3b, 0x2f, 0x30);
    static final Color EPISODE = new Color(0xd6, 0x3b, 0x2f, 0x28);
    static final Color ALERT = new Color(0xe0, 0x7b, 0x00);
    /** The spine's flexion between two sensors (beside the trunk's median). */
    static final Color SPINE = new Color(0x1b, 0x9e, 0x77);
}
