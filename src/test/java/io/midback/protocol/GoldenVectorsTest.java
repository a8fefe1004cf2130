package io.midback.protocol;

import io.midback.sensor.ImuSample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** firmware-protocol/vectors/midback-v1.txt: the Java encoders give its bytes, the decoders its fields. */
class GoldenVectorsTest {

    @Test
    void javaEncodersProduceTheGoldenBytes() throws IOException {
        List<GoldenVectors.Vector> vectors = GoldenVectors.read(GoldenVectors.FILE);
        assertTrue(vectors.size() >= 18);
        for (GoldenVectors.Vector v : vectors) {
            assertArrayEquals(v.hex(), GoldenVectors.encode(v), v.name());
        }
    }

    @Test
    void deviceVectorsDecodeToTheirFields() throws IOException {
        for (GoldenVectors.Vector v : GoldenVectors.read(GoldenVectors.FILE)) {
            if (!v.direction().equals("device")) {
                continue;
            }
            CollectingSink s = new CollectingSink();
            ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
            d.feed(v.hex());
            d.end();
            assertEquals(1, d.stats().framesOk(), v.name());
            assertEquals(0, DecoderCounts.bytesSkipped(d.stats()), v.name());
            switch (v.type()) {
                case "imu_batch" -> {
                    assertEquals(v.samples().size(), s.samples.size(), v.name());
                    double a = v.i("accelRangeG") * ImuUnits.G_MPS2 / 32768;
                    double g = v.i("gyroRangeDps") * ImuUnits.RAD_PER_DEG / 32768;
                    double m = v.i("magRangeUt") / 32768.0;
                    for (int i = 0; i < s.samples.size(); i++) {
                        int[] r = v.samples().get(i);
                        ImuSample x = s.samples.get(i);
                        assertEquals(i * v.num("periodUs") * 1e-6, x.tS(), 1e-12);
                        assertArrayEquals(new double[] {r[0] * a, r[1] * a, r[2] * a, r[3] * g, r[4] * g, r[5] * g},
                                new double[] {x.axMps2(), x.ayMps2(), x.azMps2(), x.gxRadPerS(), x.gyRadPerS(),
                                        x.gzRadPerS()}, 0, v.name());
                        if (v.i("withMag") != 0) {
                            assertArrayEquals(new double[] {r[6] * m, r[7] * m, r[8] * m},
                                    new double[] {x.mxMicroT(), x.myMicroT(), x.mzMicroT()}, 0);
                        } else {
                            assertFalse(x.hasMagnetometer());
                        }
                    }
                }
                case "info" -> assertEquals(List.of(GoldenVectors.info(v)), s.messages);
                case "battery" -> assertEquals(List.of(new DeviceMessage.Battery(v.i("millivolts"),
                        v.i("percent") > 100 ? -1 : v.i("percent"), v.i("charging") != 0)), s.messages);
                case "event" -> assertEquals(List.of(new DeviceMessage.Event(v.i("kind"), v.num("deviceUs"),
                        v.i("argument"))), s.messages);
                case "ack" -> assertEquals(List.of(new DeviceMessage.Ack(v.i("cmdSeq"), v.i("cmdType"))), s.messages);
                case "nack" -> assertEquals(List.of(new DeviceMessage.Nack(v.i("cmdSeq"), v.i("cmdType"),
                        v.i("error"))), s.messages);
                case "pong" -> assertEquals(List.of(new DeviceMessage.Pong(v.i("cmdSeq"), v.num("token"),
                        v.num("deviceUs"))), s.messages);
                case "log" -> assertEquals(List.of(new DeviceMessage.Log(v.i("level"), v.text())), s.messages);
                default -> fail(v.name() + ": no check for type " + v.type());
            }
        }
    }

    @Test
    void hostVectorsDecodeOnTheDeviceSide() throws IOException {
        for (GoldenVectors.Vector v : GoldenVectors.read(GoldenVectors.FILE)) {
            if (!v.direction().equals("host")) {
                continue;
            }
            List<HostCommand> got = new ArrayList<>();
            MidbackCommandDecoder d = new MidbackCommandDecoder(got::add);
            d.feed(v.hex());
            assertEquals(1, got.size(), v.name());
            // re-encoding the decoded command gives the same bytes: nothing lost
            assertArrayEquals(v.hex(), new MidbackCommandEncoder().encode(got.get(0)), v.name());
            assertEquals(v.i("seq"), got.get(0).seq());
        }
    }

    @Test
    void theDamagedStreamCostsExactlyItsDamagedFrames() throws IOException {
        GoldenVectors.Vector v = GoldenVectors.read(GoldenVectors.FILE).stream()
                .filter(x -> x.name().equals("stream_damaged")).findFirst().orElseThrow();
        CollectingSink s = new CollectingSink();
        ImuDecoder d = s.decoder(WireFormat.MIDBACK, Double.NaN);
        d.feed(v.hex());
        d.end();
        DecoderStats st = d.stats();
        assertEquals(v.num("framesOk"), st.framesOk(), st.toString());
        assertEquals(v.num("framesCorrupt"), st.framesCorrupt(), st.toString());
        assertEquals(v.num("unknownMessages"), st.unknownMessages());
        assertEquals(v.num("samplesLost"), DecoderCounts.samplesLost(st));
        assertEquals(v.num("samples"), st.samples());
        assertEquals(v.num("bytesSkipped"), DecoderCounts.bytesSkipped(st), st.toString());
        assertEquals(1, s.gaps.size());
    }
}
