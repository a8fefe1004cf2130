package io.midback.live;

import io.midback.app.UserSettings;
import io.midback.history.HistoryStore;
import io.midback.transport.SocatPair;
import io.midback.ui.AlertSettings;
import io.midback.ui.UiPrefs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.midback.live.LiveTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One settings file for the window and the command line: a threshold applied in the window's Alert settings (25°) is
 * what the next {@code replay} and {@code live} use (the history keeps each session's threshold), and
 * {@code --slump-threshold} overrides it for one run; {@code midback settings} shows and sets it, with one-line
 * errors; the window's former {@code ui.properties} is migrated.
 */
class SettingsReachEveryCommandTest {
    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void useATemporaryConfigFolder() {
        before = System.getProperty("midback.config.dir");
        System.setProperty("midback.config.dir", dir.resolve("config").toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("midback.config.dir");
        } else {
            System.setProperty("midback.config.dir", before);
        }
    }

    /** What the window's Apply does with a threshold. */
    private void applyInTheWindow(double thresholdDeg) {
        UiPrefs prefs = UiPrefs.load(UiPrefs.defaultDir());
        AlertSettings d = AlertSettings.defaults();
        new AlertSettings("custom", thresholdDeg, d.delayS(), d.sound(), d.vibration(), d.breakIntervalMin())
                .save(prefs.settings());
        prefs.save();
        prefs.flush();
    }

    private static double storedThreshold(Path db) {
        try (HistoryStore store = HistoryStore.openExisting(db)) {
            assertEquals(1, store.sessions().size());
            return store.sessions().get(0).slumpThresholdDeg();
        }
    }

    @Test
    void aThresholdSetInTheWindowReachesReplayAndLiveAndAnOptionOverridesIt() throws Exception {
        applyInTheWindow(25);
        String sample = "samples/slump-demo.csv.gz";
        Path db1 = dir.resolve("replay.db"), db2 = dir.resolve("replay-override.db");
        assertEquals(0, run("replay", sample, "--quiet", "--save-history", "--db", db1.toString()).code());
        assertEquals(25, storedThreshold(db1), 1e-9);
        assertEquals(0, run("replay", sample, "--quiet", "--save-history", "--db", db2.toString(),
                "--slump-threshold", "18").code());
        assertEquals(18, storedThreshold(db2), 1e-9);
        // Fewer episodes at 25° than at 15° (one peaks at 23°): the value is used, not only stored.
        int at25 = run("replay", sample, "--quiet", "--json").json().getAsJsonArray("slumpEpisodes").size();
        int at15 = run("replay", sample, "--quiet", "--json", "--slump-threshold", "15").json()
                .getAsJsonArray("slumpEpisodes").size();
        System.out.println("slump-demo episodes: " + at25 + " at 25° (settings file), " + at15 + " at 15° (option)");
        assertTrue(at25 < at15, at25 + " episodes at 25°, " + at15 + " at 15°");

        try (SocatPair pty = SocatPair.require(dir);
             SerialSensor sensor = new SerialSensor(scenario("early-slump"), config(100), pty.a().toString()).listening()) {
            Path db3 = dir.resolve("live.db"), db4 = dir.resolve("live-override.db");
            Run live = run("live", "--port", pty.b().toString(), "--duration", "1.5", "--quiet", "--db",
                    db3.toString());
            assertEquals(0, live.code(), live.err());
            assertEquals(25, storedThreshold(db3), 1e-9);
            Run override = run("live", "--port", pty.b().toString(), "--duration", "1.5", "--quiet", "--db",
                    db4.toString(), "--slump-threshold", "18");
            assertEquals(0, override.code(), override.err());
            assertEquals(18, storedThreshold(db4), 1e-9);
        }
    }

    @Test
    void settingsShowsAndSetsWithOneLineErrors() {
        Run set = run("settings", "set", "slump.threshold", "18");
        assertEquals(0, set.code(), set.err());
        assertEquals("18", UserSettings.load().get(UserSettings.Key.THRESHOLD));
        Run show = run("settings");
        assertTrue(show.out().lines().anyMatch(l -> l.matches("slump\\.threshold\\s+18\\s+#.*")), show.out());
        assertTrue(show.out().lines().anyMatch(l -> l.matches("slump\\.dwell\\s+20\\s+\\(default\\).*")), show.out());

        Run unknown = run("settings", "set", "slump.nope", "1");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("unknown setting 'slump.nope'"), unknown.err());
        Run bad = run("settings", "set", "slump.threshold", "90");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("slump.threshold must be between 1 and 60 degrees, not '90'"), bad.err());
        Run word = run("settings", "set", "alert.sound", "maybe");
        assertEquals(2, word.code());
        assertEquals("18", UserSettings.load().get(UserSettings.Key.THRESHOLD), "a refused value changes nothing");
    }

    @Test
    void theWindowsFormerFileIsMigrated() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("ui.properties"), "alert.thresholdDeg=21.0\nalert.delayS=40\n"
                + "alert.preset=custom\ntheme=dark\nlast.source=serial\\:/dev/ttyUSB0\nalert.sound=false\n");
        UserSettings s = UserSettings.load(config);
        assertEquals(21, s.getDouble(UserSettings.Key.THRESHOLD));
        assertEquals(40, s.getDouble(UserSettings.Key.DWELL));
        assertEquals("dark", s.get(UserSettings.Key.THEME));
        assertEquals("serial:/dev/ttyUSB0", s.get(UserSettings.Key.LAST_SOURCE));
        assertFalse(s.getBoolean(UserSettings.Key.SOUND));
        assertTrue(Files.isRegularFile(config.resolve(UserSettings.FILE_NAME)));
        assertFalse(Files.exists(config.resolve("ui.properties")));
        assertTrue(Files.isRegularFile(config.resolve("ui.properties.migrated")));
        assertEquals(21, UserSettings.load(config).posture().slumpThresholdDeg(), "read back from the new file");
    }
}
