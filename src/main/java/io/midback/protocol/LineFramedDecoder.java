package io.midback.protocol;

import io.midback.sensor.SampleSink;

/**
 * A decoder of messages that end with LF (0x0A): text lines of numbers and x-IMU3's ASCII and binary messages.
 * Bytes gather in {@link #buf} until the terminator, then {@link #line()} decodes them. A message longer than
 * {@link #MAX_LINE} bytes is skipped whole and counted as corrupt, so endless garbage without a terminator takes
 * no more memory than one line.
 */
abstract class LineFramedDecoder extends ImuDecoder {
    static final int MAX_LINE = 256;

    /** The current message, without its terminator: {@code buf[0, n)}. */
    final byte[] buf = new byte[MAX_LINE];
    int n;
    /** Bytes read for the current message, the terminator included (what a skipped message costs). */
    int raw;
    private boolean overflow;

    LineFramedDecoder(SampleSink sink) {
        super(sink);
    }

    @Override
    protected final void decode(byte[] bytes, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            byte c = bytes[i];
            raw++;
            if (c == '\n') {
                if (overflow) {
                    corrupt();
                } else {
                    line();
                }
                n = 0;
                raw = 0;
                overflow = false;
            } else if (!overflow) {
                if (n == MAX_LINE) {
                    overflow = true;
                } else {
                    buf[n++] = c;
                }
            }
        }
    }

    /** A whole message is in {@code buf[0, n)}, read as {@code raw} bytes: decode it or count it as skipped. */
    abstract void line();

    /** The current message is damaged: counted, and its bytes skipped. */
    final void corrupt() {
        stats.framesCorrupt++;
        stats.bytesSkipped += raw;
    }

    @Override
    protected void finish() {
        stats.bytesSkipped += raw; // a message cut off by the end of the stream
        n = 0;
        raw = 0;
        overflow = false;
    }
}
