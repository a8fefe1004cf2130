package io.midback.ui;

import io.midback.testing.ChildProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window never strands its user (issue 16): under X (Xvfb when there is no display), {@link RescueScenario}
 * opens {@code midback gui --db} on a damaged history and settings file, runs {@code gui --no-history}, and meets
 * a failing port and Bluetooth device, a sensor that goes quiet, a replay that ends, and the history dialog. Each
 * message must show whole, with its ways on; screenshots in target/screenshots/ (10-… to 19-…).
 */
@ExtendWith(XvfbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowRescueTest {
    private final Properties seen = new Properties();
    private String output;

    @BeforeAll
    void runScenario(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-rescue");
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"), RescueScenario.class,
                MidbackWindowTest.SHOTS.toAbsolutePath().toString(), dir.toString()).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg-data").toString());
        int code;
        try (ChildProcess p = ChildProcess.start("rescue scenario", pb)) {
            code = p.awaitExit(Duration.ofSeconds(180));
            output = p.out();
        }
        seen.load(new StringReader(output.replace("\\", "\\\\")));
        assertEquals(0, code, "the scenario failed:\n" + output);
        assertTrue(Files.notExists(dir.resolve("xdg-data").resolve("midback").resolve("history.db")),
                "a history was made at the default place although --db / --no-history said otherwise");
    }

    private String get(String key) {
        String v = seen.getProperty(key);
        assertTrue(v != null, "the scenario did not report " + key + ":\n" + output);
        return v;
    }

    private void shot(String name) {
        assertTrue(Files.isRegularFile(MidbackWindowTest.SHOTS.resolve(name)), "screenshot " + name + " missing");
    }

    @Test
    void aDamagedHistoryIsSaidInFullWithTheWaysOn() {
        assertEquals("true", get("history.notice"), output);
        String text = get("history.text");
        assertTrue(text.contains("history.db") && text.contains("SQLITE_NOTADB"), text);
        assertEquals("true", get("history.whole"), "the history notice is cut off: " + text);
        assertEquals("historyChoose,historyFresh,historyOff", get("history.ways"));
        shot("10-damaged-history-and-settings.png");
        // Start a fresh one: the damaged file is kept aside, renamed, and a new database is made in its place.
        assertEquals("true", get("history.cleared"));
        assertTrue(get("history.aside").startsWith("history.db.damaged-"), get("history.aside"));
        assertEquals("SQLite format 3", get("history.freshHeader"));
        assertTrue(get("status").contains("kept as"), get("status"));
        assertEquals("0", get("gui.exit"));
    }

    @Test
    void aDamagedSettingsFileIsSaidAndKeptAside() {
        assertEquals("true", get("settings.notice"));
        assertTrue(get("settings.text").contains("settings.properties"), get("settings.text"));
        assertEquals("true", get("settings.whole"), get("settings.text"));
        assertTrue(get("settings.aside").startsWith("settings.properties.damaged-"), get("settings.aside"));
    }

    @Test
    void theDemoSaysItIsTheDemo() {
        assertEquals("true", get("demo.notice"));
        assertTrue(get("demo.text").contains("slump-demo.csv.gz") && get("demo.text").contains("not your sensor"),
                get("demo.text"));
        assertEquals("Midback: demo recording", get("demo.title"));
        assertEquals("true", get("demo.connection"));
    }

    @Test
    void helpAndAboutGiveTheVersionTheReadmeAndTheSafetyNote() {
        String about = get("about.text");
        assertTrue(about.startsWith("Midback "), about);
        assertTrue(about.contains("README"), about);
        assertTrue(about.contains("sharp pain, burning, tingling"), about);
        // The tray line says what this desktop offers.
        boolean tray = Boolean.parseBoolean(get("tray.supported"));
        assertTrue(about.contains(tray ? "Tray icon and desktop notifications: on"
                : "Tray icon and desktop notifications: not available"), about);
        assertEquals("true", get("about.whole"), about);
        String help = get("help.text");
        assertTrue(help.contains("The window: live posture, alerts, calibration, today"), help);
        assertTrue(help.contains("midback scan") && help.contains("tingling"), help);
        shot("12-about.png");
        shot("13-help.png");
    }

    @Test
    void noHistoryRunsWithoutOne() {
        assertEquals("true", get("nohistory.today"), get("nohistory.todayText"));
        assertEquals("0", get("nohistory.exit"));
    }

    @Test
    void anEmptySerialListSaysWhatToCheck() {
        assertEquals("true", get("connect.hint"), get("connect.hintText"));
        assertTrue(get("connect.hintText").contains("dialout"), get("connect.hintText"));
        assertEquals("true", get("connect.hintWhole"));
        assertTrue(get("bluetooth.scanText").contains("NotReady"), get("bluetooth.scanText"));
        assertEquals("true", get("bluetooth.scanWhole"));
        shot("14-connect-no-ports.png");
    }

    @Test
    void aFailingPortOrBluetoothDeviceIsSaidInFullWithTheWaysOn() {
        assertEquals("true", get("port.notice"));
        String text = get("port.text");
        assertTrue(text.contains("/dev/ttyUSB7") && text.contains("log in again"), text);
        assertEquals("true", get("port.whole"), text);
        assertEquals("sourceRetry,sourceChoose", get("port.ways"));
        assertTrue(get("port.connection").startsWith("Failed"), get("port.connection"));
        assertEquals("failed", get("port.state"));
        assertEquals("none", get("port.cut"), "cut off in the side panel");
        assertEquals("true", get("port.retried"));
        assertEquals("true", get("port.chooseShowsConnect"));
        assertEquals("true", get("bt.notice"));
        assertEquals("true", get("bt.whole"));
        shot("15-port-failed.png");
    }

    @Test
    void aQuietSensorIsSaidWithinThreeSeconds() {
        assertEquals("true", get("quiet.streaming"));
        assertEquals("true", get("quiet.calibrateWhileStreaming"));
        assertEquals("true", get("quiet.said"), get("quiet.connection"));
        double afterS = Double.parseDouble(get("quiet.saidAfterS"));
        System.out.printf("no data said %.2f s after the sensor went quiet (goal: within 3 s)%n", afterS);
        assertTrue(afterS <= 3.0, "said after " + afterS + " s");
        assertTrue(get("quiet.connection").startsWith("No data for 2 s"), get("quiet.connection"));
        assertEquals("no data", get("quiet.state"));
        assertEquals("–", get("quiet.flexion"));
        assertEquals("–", get("quiet.rate"));
        assertEquals("none", get("quiet.cut"), "cut off in the side panel");
        assertEquals("true", get("quiet.resumed"));
        shot("16-no-data.png");
    }

    @Test
    void anEndedReplayShowsEndedAndCannotBeCalibrated() {
        assertEquals("true", get("ended.connection"));
        assertEquals("ended", get("ended.state"));
        assertEquals("the replay has ended", get("ended.why"));
        assertEquals("none", get("ended.cut"), "cut off in the side panel");
        assertEquals("false", get("ended.calibrateEnabled"));
        shot("17-replay-ended.png");
    }

    @Test
    void theHistoryDialogWritesAReportDeletesASessionAndADayAndARecordingIsSavedOnce() {
        assertEquals("true", get("dedup.notice"), get("dedup.status"));
        assertEquals("true", get("dialog.loaded"), "sessions: " + get("dialog.sessions"));
        assertEquals("true", get("report.written"), get("report.status"));
        assertEquals("true", get("report.html"));
        // A report that cannot be written: the file and why, in words.
        assertEquals("Could not write the report to " + get("report.failedPath") + ": no such file or folder, or the "
                + "folder does not allow new files.", get("report.failed"));
        assertTrue(get("delete.question").contains("no undo"), get("delete.question"));
        assertEquals("true", get("delete.done"), get("delete.status"));
        assertEquals("0", get("delete.sessionsLeft"));
        // Deleted, the same recording saves again; a day deleted takes its sessions with it.
        assertEquals("true", get("resaved"), "replay ended " + get("resave.ended") + ", in the history " + get("resave.stored"));
        assertTrue(get("deleteDay.question").contains("no undo"), get("deleteDay.question"));
        assertEquals("true", get("deleteDay.done"));
        assertEquals("0", get("deleteDay.daysLeft"));
        assertEquals("0", get("deleteDay.sessionsLeft"));
        assertEquals("true", get("done"));
        shot("18-history-dialog.png");
        shot("19-history-deleted.png");
    }
}
