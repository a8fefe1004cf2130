package io.midback.history;

import io.midback.posture.PostureFrame;
import io.midback.posture.PostureState;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The child process of {@link KillTest}: records a never-ending session into the database named by args[0],
 * about 50 simulated minutes a second, and prints "committed EPOCH_MINUTE UPRIGHT_S SLOUCHED_S" for each minute
 * once its transaction is committed.
 */
public final class KillableWriterMain {
    private KillableWriterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        HistoryStore store = HistoryStore.open(Path.of(args[0]));
        HistoryRecorder rec = store.beginSession(new SessionInfo(Instant.parse("2024-04-02T07:00:00Z"),
                ZoneId.of("Europe/Paris"), "sim", "kill-test"));
        rec.setCommitListener(m -> {
            System.out.println("committed " + m.epochMinute() + " " + m.seconds(PostureState.UPRIGHT) + " "
                    + m.seconds(PostureState.SLOUCHED));
            System.out.flush();
        });
        PostureFrame f = new PostureFrame();
        f.calibrated = true;
        for (long i = 0; ; i++) {
            f.tS = i / 100.0;
            long second = i / 100;
            f.state = (second / 45) % 2 == 0 ? PostureState.UPRIGHT : PostureState.SLOUCHED;
            f.flexionDeg = f.state == PostureState.SLOUCHED ? 28 : 4;
            rec.onPosture(f);
            if (i % 6000 == 0) {
                Thread.sleep(20);
            }
        }
    }
}
