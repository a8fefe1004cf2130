package io.midback.eval;

import io.midback.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(p, text);
        }
        return p;
    }

    @Test
    void readsColumnsByNameWithTruthMovementAndMagnetometer() throws IOException {
        Path p = write("trial_x.csv.gz", """
                qw,qx,qy,qz,movement,t_s,gx,gy,gz,ax,ay,az,mx,my,mz
                1,0,0,0,0,0,0.1,0.2,0.3,0,0,9.81,10,20,-40
                nan,nan,nan,nan,1,0.01,0.1,0.2,0.3,0,0,9.8,10,20,-40
                0.5,0.5,0.5,0.5,1,0.02,-1e-3,0.2,0.3,0.1,0,9.8,,,
                """);
        Trial t = TrialReader.read(p);
        assertEquals("trial_x", t.name());
        assertEquals(3, t.size());
        assertArrayEquals(new double[] {0, 0.01, 0.02}, t.tS());
        assertArrayEquals(new double[] {0.1, 0.1, -1e-3}, t.gx());
        assertArrayEquals(new double[] {9.81, 9.8, 9.8}, t.az());
        assertEquals(10, t.mx()[0]);
        assertTrue(Double.isNaN(t.mx()[2]) && Double.isNaN(t.mz()[2]));
        assertEquals(1, t.truth()[0]);
        assertTrue(Double.isNaN(t.truth()[4]));
        assertEquals(0.5, t.truth()[11]);
        assertArrayEquals(new boolean[] {false, true, true}, t.evaluated());
    }

    @Test
    void withoutMovementOrMagnetometerEverySampleCountsIn6d() throws IOException {
        Trial t = TrialReader.read(write("plain.csv", """
                t_s,gx,gy,gz,ax,ay,az,qw,qx,qy,qz
                0,0,0,0,0,0,9.81,1,0,0,0
                0.01,0,0,0,0,0,9.81,1,0,0,0
                """));
        assertEquals("plain", t.name());
        assertArrayEquals(new boolean[] {true, true}, t.evaluated());
        assertTrue(Double.isNaN(t.mx()[0]));
    }

    @Test
    void problemsNameTheFileAndLine() throws IOException {
        Path noTruth = write("a.csv", "t_s,gx,gy,gz,ax,ay,az,qw,qx,qy\n0,0,0,0,0,0,9.81,1,0,0\n");
        TrialReader.FormatException e = assertThrows(TrialReader.FormatException.class,
                () -> TrialReader.read(noTruth));
        assertTrue(e.getMessage().startsWith(noTruth + ":1: missing column 'qz'"), e.getMessage());

        Path badNumber = write("b.csv", "t_s,gx,gy,gz,ax,ay,az,qw,qx,qy,qz\n0,0,0,0,0,0,9.81,1,0,0,0\n"
                + "0.01,0,x,0,0,0,9.81,1,0,0,0\n");
        e = assertThrows(TrialReader.FormatException.class, () -> TrialReader.read(badNumber));
        assertTrue(e.getMessage().startsWith(badNumber + ":3: "), e.getMessage());

        Path shortLine = write("c.csv", "t_s,gx,gy,gz,ax,ay,az,qw,qx,qy,qz\n0,0,0,0,0,0,9.81,1,0\n");
        e = assertThrows(TrialReader.FormatException.class, () -> TrialReader.read(shortLine));
        assertTrue(e.getMessage().startsWith(shortLine + ":2: "), e.getMessage());

        Path repeated = write("d.csv", "t_s,gx,gy,gz,ax,ay,az,qw,qx,qy,qz\n0,0,0,0,0,0,9.81,1,0,0,0\n"
                + "0,0,0,0,0,0,9.81,1,0,0,0\n");
        e = assertThrows(TrialReader.FormatException.class, () -> TrialReader.read(repeated));
        assertTrue(e.getMessage().startsWith(repeated + ": line 3: "), e.getMessage());

        Path missingSensor = write("e.csv", "t_s,gx,gy,ax,ay,az,qw,qx,qy,qz\n0,0,0,0,0,9.81,1,0,0,0\n");
        e = assertThrows(TrialReader.FormatException.class, () -> TrialReader.read(missingSensor));
        assertTrue(e.getMessage().startsWith(missingSensor + ":1: ") && e.getMessage().contains("gz"),
                e.getMessage());

        Path empty = write("f.csv", "");
        e = assertThrows(TrialReader.FormatException.class, () -> TrialReader.read(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());

        assertThrows(NoSuchFileException.class, () -> TrialReader.read(dir.resolve("absent.csv")));
    }

    @Test
    void readsABroadTrialExactlyAsWritten() throws IOException {
        Path file = SharedData.require("data/broad/01_undisturbed_slow_rotation_A.csv.gz");
        Trial t = TrialReader.read(file);
        // an independent, plain parse of the same file
        int i = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            assertEquals("t_s,gx,gy,gz,ax,ay,az,mx,my,mz,qw,qx,qy,qz,movement", r.readLine());
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                double[][] cols = {t.tS(), t.gx(), t.gy(), t.gz(), t.ax(), t.ay(), t.az(), t.mx(), t.my(), t.mz()};
                for (int k = 0; k < 10; k++) {
                    assertEquals(Double.parseDouble(f[k]), cols[k][i], "line " + (i + 2) + " column " + k);
                }
                for (int k = 0; k < 4; k++) {
                    double want = f[10 + k].equals("nan") ? Double.NaN : Double.parseDouble(f[10 + k]);
                    assertEquals(want, t.truth()[4 * i + k], "line " + (i + 2));
                }
                assertEquals(Double.parseDouble(f[14]) == 1, t.evaluated()[i]);
                i++;
            }
        }
        assertEquals(i, t.size());
        assertFalse(i == 0);
    }
}
