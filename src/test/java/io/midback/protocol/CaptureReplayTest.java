package io.midback.protocol;

import io.midback.recording.CaptureReplay;
import io.midback.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class CaptureReplayTest {

    @Test
    void replaysAMidbackCaptureWithAutoDetectionAndReportsTheCounters(@TempDir Path dir) throws IOException {
        Streams.Stream s = Streams.midback(120, 9);
        Path file = dir.resolve("capture.bin.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {0x11, 0x22, 0x00}); // connected mid-frame
            out.write(s.bytes());
        }
        CollectingSink sink = new CollectingSink();
        CaptureReplay.Result r = CaptureReplay.of("auto", null).onMessage(sink).replay(file, sink);
        assertEquals(WireFormat.MIDBACK, r.format());
        int expected = s.samplesPerFrame().stream().mapToInt(java.util.List::size).sum();
        assertEquals(expected, sink.samples.size());
        assertEquals(s.bytes().length + 3, r.bytes());
        assertEquals(1, r.stats().framesCorrupt());
        assertEquals(3, DecoderCounts.bytesSkipped(r.stats()));
        assertEquals(120, r.stats().framesOk());
        assertTrue(sink.ended);
        assertEquals(java.util.List.of("framesOk", "framesCorrupt", "samplesLost", "bytesSkipped", "unknownMessages",
                "samplesDecoded", "orientations"), java.util.List.copyOf(r.stats().toMap().keySet()));
    }

    @Test
    void formatsWithoutTimestampsNeedARate() throws IOException {
        Path file = SharedData.require("data/devices/vectors/witmotion_std_from_bwt901cl.bin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaptureReplay.of("auto", null).replay(file, new CollectingSink()));
        assertTrue(e.getMessage().contains("--rate"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        CollectingSink sink = new CollectingSink();
        CaptureReplay.Result r = CaptureReplay.of("witmotion", 10.0).replay(file, sink);
        assertEquals(136, sink.samples.size());
        assertEquals(13.5, sink.samples.get(135).tS(), 1e-9);
        assertEquals(408, r.stats().framesOk());
    }

    @Test
    void unrecognisedDataAndUnknownFormatNamesAreClearErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\nthis is not sensor data\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaptureReplay.of("auto", 100.0).replay(file, new CollectingSink()));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("--format"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> CaptureReplay.of("json", null));
        assertTrue(f.getMessage().contains("midback, witmotion, ximu3, teapot or text"), f.getMessage());
    }

    @Test
    void textLinesReplayAtTheGivenRate(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("arduino.txt");
        Files.writeString(file, "Initializing I2C devices...\r\nTesting device connections...\r\n"
                + "a/g:\t16384\t0\t0\t131\t0\t-262\r\n" + "a/g:\t0\t-8192\t16384\t0\t0\t0\r\n"
                + "a/g:\t0\t0\t16384\t0\t0\t0\r\n");
        CollectingSink sink = new CollectingSink();
        CaptureReplay.Result r = CaptureReplay.of("auto", 50.0).replay(file, sink);
        assertEquals(WireFormat.TEXT, r.format());
        assertEquals(3, sink.samples.size());
        assertEquals(ImuUnits.G_MPS2 * 2 * 16384 / 32768, sink.samples.get(0).axMps2(), 1e-12);
        assertEquals(Math.toRadians(250.0 * 131 / 32768), sink.samples.get(0).gxRadPerS(), 1e-12);
        assertEquals(0.04, sink.samples.get(2).tS(), 1e-12);
        assertEquals(2, r.stats().unknownMessages());
    }
}
