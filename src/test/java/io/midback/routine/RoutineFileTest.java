package io.midback.routine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutineFileTest {

    @Test
    void theDailyRoutineHasTheSeedsExercisesAndTakesTenToFifteenMinutes() throws IOException {
        Routine daily = RoutineFile.load("daily");
        assertEquals(List.of("cat-cow", "prone-rotation", "quadruped-side-bend", "wall-squat", "seated-rotation",
                        "chair-extension", "breathing", "foam-roll"),
                daily.exercises().stream().map(Exercise::name).collect(Collectors.toList()));
        assertTrue(daily.plannedMinutes() >= 10 && daily.plannedMinutes() <= 15, daily.plannedMinutes() + " min");
        Exercise catCow = daily.exercises().get(0);
        assertEquals(StartPosition.HANDS_AND_KNEES, catCow.position());
        assertEquals(Movement.FLEXION_EXTENSION, catCow.movement());
        assertTrue(catCow.howTo().contains("cat") && catCow.howTo().contains("cow"));
        assertEquals(StartPosition.PRONE, daily.exercises().get(1).position());
        assertTrue(daily.exercises().get(6).timed());
        assertEquals(20, daily.exercises().get(3).uprightLimitDeg());
    }

    @Test
    void theDeskRoutineIsTwoToThreeMinutesSeatedOrStanding() throws IOException {
        Routine desk = RoutineFile.load("desk");
        assertTrue(desk.plannedMinutes() >= 2 && desk.plannedMinutes() <= 3, desk.plannedMinutes() + " min");
        assertTrue(desk.exercises().stream().allMatch(e -> e.position() == StartPosition.SEATED
                || e.position() == StartPosition.STANDING));
    }

    @Test
    void aRoutineFileOfOnesOwnIsReadWithDefaults(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.routine");
        Files.writeString(f, "routine mine\n# a comment\nexercise twist   # trailing comment\nposition seated\n"
                + "movement rotation\nreps 3\nexercise breathe\nposition seated\nduration-s 60\n");
        Routine r = RoutineFile.load(f.toString());
        assertEquals("mine", r.name());
        Exercise twist = r.exercises().get(0);
        assertEquals(3, twist.reps());
        assertEquals(5, twist.paceS());
        assertEquals("out", twist.cueOut());
        assertTrue(Double.isNaN(twist.uprightLimitDeg()));
        assertTrue(r.exercises().get(1).timed());
    }

    @Test
    void aMistakeNamesTheFileAndTheLine() {
        RoutineFormatException e = assertThrows(RoutineFormatException.class, () -> RoutineFile.parse(
                "routine x\nexercise a\nposition upside-down\n", "x.routine"));
        assertEquals("x.routine line 3: unknown position 'upside-down' (hands-and-knees, prone, standing, seated, "
                + "lying)", e.getMessage());
        e = assertThrows(RoutineFormatException.class, () -> RoutineFile.parse(
                "routine x\nexercise a\nposition seated\nmovement rotation\nreps many\n", "x.routine"));
        assertTrue(e.getMessage().startsWith("x.routine line 5: "), e.getMessage());
        e = assertThrows(RoutineFormatException.class, () -> RoutineFile.parse(
                "routine x\nexercise a\nposition seated\n", "x.routine"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("duration-s"), e.getMessage());
        assertThrows(RoutineFormatException.class, () -> RoutineFile.load("no-such-routine"));
        // the upright limit watches the squats' forward tip: on a rotation it would read the rotation as a tip
        e = assertThrows(RoutineFormatException.class, () -> RoutineFile.parse(
                "routine x\nexercise twist\nposition seated\nmovement rotation\nreps 6\nupright-limit-deg 20\n",
                "x.routine"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("upright-limit-deg")
                && e.getMessage().contains("rotation"), e.getMessage());
    }

    @Test
    void aFileThatIsNotTextIsSaidToBeNoRoutineFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path binary = dir.resolve("picture.bin");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe, 0, 1});
        RoutineFormatException e = assertThrows(RoutineFormatException.class,
                () -> RoutineFile.load(binary.toString()));
        assertEquals(binary + ": not a routine file (not text)", e.getMessage());
    }
}
