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
 * The window when a source fails or ends, under X (Xvfb when there is no display), driven by
 * {@link SourceEndScenario} in a child JVM.
 */
@ExtendWith(XvfbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceEndWindowTest {
    private final Properties seen = new Properties();
    private String output;

    @BeforeAll
    void runScenario(XvfbExtension.Display display) throws Exception {
        Path dir = Files.createTempDirectory("midback-source-end");
        ProcessBuilder pb = ChildProcess.java(List.of("-Xmx256m", "-Djava.awt.headless=false"),
                SourceEndScenario.class, dir.toString()).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        // A desktop that knows no program for any file (none registered in these empty places): the README opens
        // nowhere.
        Path nothing = Files.createDirectories(dir.resolve("no-programs"));
        for (String v : new String[] {"XDG_DATA_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS"}) {
            pb.environment().put(v, nothing.toString());
        }
        int code;
        try (ChildProcess p = ChildProcess.start("source end scenario", pb)) {
            code = p.awaitExit(Duration.ofSeconds(120));
            output = p.out();
        }
        seen.load(new StringReader(output.replace("\\", "\\\\")));
        assertEquals(0, code, "the scenario failed:\n" + output);
    }

    private String get(String key) {
        String v = seen.getProperty(key);
        assertTrue(v != null, "the scenario did not report " + key + ":\n" + output);
        return v;
    }

    @Test
    void aSourceIsRememberedOnlyOnceItStreamed() {
        assertEquals("true", get("bogus.failed"), output);
        assertEquals("", get("bogus.remembered"), "a source that failed before streaming was remembered");
        assertEquals("true", get("good.ended"), output);
        assertEquals(get("good.key"), get("good.remembered"));
    }

    @Test
    void theLiveSidePanelShowsItsLongestTextsWhole() {
        assertEquals("none", get("side.stateCut"), "cut off in the side panel");
        assertEquals("none", get("side.connectionCut"), "cut off in the side panel");
    }

    @Test
    void aSnoozeSaysUntilWhenTillItIsOverOrCancelled() {
        assertEquals("Snoozed until " + get("snooze.until") + " ▾", get("snooze.shown"));
        assertEquals(MidbackWindow.SNOOZE, get("snooze.over"));
        assertTrue(get("snooze.again").startsWith("Snoozed until "), get("snooze.again"));
        assertEquals(MidbackWindow.SNOOZE, get("snooze.cancelled"));
    }

    @Test
    void theRoutineTabSaysOneDurationForTheDailyRoutine() {
        String said = get("routine.title") + " " + get("routine.howTo");
        java.util.Set<String> minutes = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("about (\\d+) minutes").matcher(said);
        while (m.find()) {
            minutes.add(m.group(1));
        }
        assertEquals(1, minutes.size(), said);
    }

    @Test
    void nothingOfThePreviousSourceStaysUnderTheNextOrAfterDisconnect() {
        assertTrue(Integer.parseInt(get("trace.afterGood")) > 0, "no breathing trace while the replay streamed");
        assertEquals("0", get("trace.afterFailed"), "the previous run's breathing trace stayed");
        assertTrue(get("good.title").startsWith(MidbackWindow.TITLE + ": "), get("good.title"));
        assertEquals(MidbackWindow.TITLE, get("disconnected.title"));
    }

    @Test
    void aNoticeIsDarkAndReadableInTheDarkTheme() {
        assertTrue(Double.parseDouble(get("dark.noticeLuminance")) < 0.1, get("dark.noticeLuminance"));
        assertTrue(Double.parseDouble(get("dark.noticeTitleContrast")) >= 4.5, get("dark.noticeTitleContrast"));
        assertTrue(Double.parseDouble(get("dark.noticeTextContrast")) >= 4.5, get("dark.noticeTextContrast"));
        assertTrue(Double.parseDouble(get("light.noticeLuminance")) > 0.8, get("light.noticeLuminance"));
        assertTrue(Double.parseDouble(get("light.noticeTextContrast")) >= 4.5, get("light.noticeTextContrast"));
    }

    @Test
    void theBreatheTabRefusesWhenNothingStreamsAsTheRoutineTabDoes() {
        assertEquals(RoutineTab.CONNECT_FIRST, get("breatheEnded.result"));
        assertTrue(!get("breatheEnded.phase").startsWith("Starting"), get("breatheEnded.phase"));
        assertEquals("true", get("breatheStreaming.started"), output);
    }

    @Test
    void aFileThatFailsIsSaidWithAdviceAboutTheFile() {
        for (String key : new String[] {"bogus.notice", "malformed.notice"}) {
            String text = get(key);
            assertTrue(text.contains("Choose another recording on the Connect tab"), key + ": " + text);
            for (String foreign : new String[] {"--", "midback scan", "switched on"}) {
                assertTrue(!text.contains(foreign), key + " says '" + foreign + "': " + text);
            }
        }
        assertTrue(get("bogus.notice").contains("bogus.csv"), get("bogus.notice"));
        assertTrue(get("malformed.notice").contains("malformed.csv"), get("malformed.notice"));
    }

    @Test
    void openTheReadmeWithNothingToOpenItSaysWhereItIs() {
        String said = get("readme.said");
        assertTrue(said.startsWith("Could not open the README") && said.endsWith("README.md"), said);
    }

    @Test
    void aRoutineFileThatIsNotARoutineIsSaidByNameOnceInWords() {
        String binary = get("routineFile.bogus.csv");
        assertTrue(binary.contains("not a routine file") && !binary.contains("Input length"), binary);
        String text = get("routineFile.good.csv");
        assertEquals(1, text.split("good\\.csv", -1).length - 1, "the file named more than once: " + text);
    }
}
