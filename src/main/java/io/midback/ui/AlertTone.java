package io.midback.ui;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A short two-note chime generated with javax.sound.sampled (no audio files), played on a background thread.
 * Without an audio device it stays silent and reports that once through {@code notice}.
 */
final class AlertTone {
    private static final float RATE = 22_050f;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "midback-tone");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> notice;
    private volatile boolean unavailable;

    AlertTone(Consumer<String> notice) {
        this.notice = notice;
    }

    /** The chime as 16-bit mono PCM: two notes with short fades (no clicks). */
    static byte[] chime(double firstHz, double secondHz, double noteS) {
        int perNote = (int) (RATE * noteS);
        byte[] pcm = new byte[perNote * 2 * 2];
        int fade = (int) (RATE * 0.01);
        for (int n = 0; n < 2; n++) {
            double hz = n == 0 ? firstHz : secondHz;
            for (int i = 0; i < perNote; i++) {
                double env = Math.min(1, Math.min(i, perNote - 1 - i) / (double) fade);
                short v = (short) (Math.sin(2 * Math.PI * hz * i / RATE) * env * 0.35 * Short.MAX_VALUE);
                int k = (n * perNote + i) * 2;
                pcm[k] = (byte) v;
                pcm[k + 1] = (byte) (v >> 8);
            }
        }
        return pcm;
    }

    void play(boolean urgent) {
        if (unavailable) {
            return;
        }
        player.execute(() -> {
            byte[] pcm = urgent ? chime(880, 660, 0.15) : chime(660, 880, 0.12);
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(pcm, 0, pcm.length);
                line.drain();
            } catch (Exception | LinkageError e) {
                if (!unavailable) {
                    unavailable = true;
                    notice.accept("No audio output available: alerts will be silent.");
                }
            }
        });
    }
}
