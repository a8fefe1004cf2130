package io.midback.cli;

import io.midback.history.HistoryStore;
import io.midback.history.MobilityRecord;
import io.midback.sim.MobilityProtocol;
import io.midback.sim.SimulationFiles;
import io.midback.sim.Simulator;
import io.midback.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mobility --analyse FILE --save-history}: a recording already in the history is recognised by its content
 * (as {@code replay --save-history} recognises a session's) and not saved again, unless --save-history-again; the
 * recording's own {@code # start:} dates the check, --start only one that states none.
 */
class AnalysedCheckSavedOnceTest {
    @TempDir
    Path dir;

    @Test
    void theSameRecordingIsSavedOnceAndDatedByItsOwnStart() throws Exception {
        long seed = 7;
        MobilityProtocol p = MobilityProtocol.of(MobilityProtocol.Person.random(seed), seed);
        Path check = dir.resolve("check.csv.gz"), db = dir.resolve("h.db");
        LocalDateTime stated = LocalDateTime.parse("2026-11-20T09:00:00");
        SimulationFiles.write(new Simulator(p.scenario(), SimulatorConfig.defaults().withRate(50).withSeed(seed)),
                check, 10, stated);
        String[] args = {"mobility", "--analyse", check.toString(), "--save-history", "--db", db.toString(),
                "--start", "2026-11-27T10:00:00"};

        CommandLineErrorsTest.Run first = CommandLineErrorsTest.run(args);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("saved in the history as check 1"), first.err());

        CommandLineErrorsTest.Run second = CommandLineErrorsTest.run(args);
        assertEquals(0, second.code(), second.err());
        List<String> said = second.err().lines().filter(l -> l.contains("history")).toList();
        assertEquals(1, said.size(), second.err());
        assertTrue(said.get(0).contains(check + " is in the history already (check #1 ")
                && said.get(0).contains("not saved again (--save-history-again saves it anyway)"), said.get(0));
        assertTrue(second.out().contains("flexion"), "the analysis is still shown: " + second.out());

        List<MobilityRecord> checks;
        try (HistoryStore store = HistoryStore.open(db)) {
            checks = store.mobilityChecks();
        }
        assertEquals(1, checks.size());
        assertEquals(stated.atZone(ZoneId.systemDefault()).toInstant(), checks.get(0).start(),
                "the recording's own start, not --start");

        String[] again = java.util.Arrays.copyOf(args, args.length + 1);
        again[args.length] = "--save-history-again";
        CommandLineErrorsTest.Run third = CommandLineErrorsTest.run(again);
        assertEquals(0, third.code(), third.err());
        assertTrue(third.err().contains("saved in the history as check 2"), third.err());
    }
}
