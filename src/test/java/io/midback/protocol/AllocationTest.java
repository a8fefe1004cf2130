package io.midback.protocol;

import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;
import io.midback.testing.Prerequisites;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.*;

/** The decoders' hot path allocates nothing: measured with the JVM's per-thread allocation counter. */
class AllocationTest {

    @Test
    void decodingSteadyStreamsAllocatesNothing() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Prerequisites.require(mx instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread: run the tests on OpenJDK/HotSpot");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        long[] sum = new long[1];
        SampleSink sink = new SampleSink() {
            @Override
            public void accept(SampleBatch b) {
                sum[0] += b.size();
            }
        };
        for (Streams.Stream s : new Streams.Stream[] {Streams.midback(200, 1), Streams.witmotion(200, 1),
                Streams.ximu3(200, 1, true), Streams.ximu3(200, 1, false), Streams.text(200, 1)}) {
            byte[] steady = stripNonSampleFrames(s);
            ImuDecoder d = s.format().newDecoder(sink, 100);
            for (int round = 0; round < 20; round++) { // let the JIT settle
                d.feed(steady);
            }
            long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int round = 0; round < 50; round++) {
                d.feed(steady);
            }
            long allocated = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            // the counter itself may cost a few bytes; any per-frame or per-sample allocation would be ≥ 10 kB here
            assertTrue(allocated < 2048, s.format() + " allocated " + allocated + " bytes for "
                    + 50L * s.samplesPerFrame().size() + " frames");
        }
        assertTrue(sum[0] > 0);
    }

    /** The stream without the rare messages (which are allowed to allocate their record). */
    private static byte[] stripNonSampleFrames(Streams.Stream s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int from = 0;
        for (int f = 0; f < s.ends().length; f++) {
            if (!s.samplesPerFrame().get(f).isEmpty()) {
                out.write(s.bytes(), from, s.ends()[f] - from);
            }
            from = s.ends()[f];
        }
        return out.toByteArray();
    }
}
