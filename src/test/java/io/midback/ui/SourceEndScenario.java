package io.midback.ui;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.click;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;
import static io.midback.ui.ScenarioSupport.text;

import javax.swing.JTabbedPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The window when a source fails or ends, in its own JVM with a {@code DISPLAY} (started by
 * {@link SourceEndWindowTest}): a file that is not a recording is replayed, then a good one till it ends; the
 * Breathe tab pressed then and while a source streams; Help's "Open the README" where nothing opens it; routine files that are not routines. Prints what it saw as
 * {@code key=value} lines.
 */
public final class SourceEndScenario {

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]));
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    /** The system clock, or as much later as set (a snooze's end without waiting for it). */
    private static final class LaterClock extends Clock {
        final java.util.concurrent.atomic.AtomicReference<java.time.Duration> later =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Duration.ZERO);

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(later.get());
        }
    }

    /** How many pixels {@code c} draws (of an image it paints into, transparent where it draws nothing). */
    private static int ink(javax.swing.JComponent c) throws Exception {
        return onEdt(() -> {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(Math.max(1, c.getWidth()),
                    Math.max(1, c.getHeight()), java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = img.createGraphics();
            c.paint(g);
            g.dispose();
            int n = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    n += (img.getRGB(x, y) >>> 24) != 0 ? 1 : 0;
                }
            }
            return n;
        });
    }

    /** The showing file chooser, waited for. */
    private static javax.swing.JFileChooser chooser(double timeoutS) throws Exception {
        long deadline = System.nanoTime() + (long) (timeoutS * 1e9);
        while (System.nanoTime() < deadline) {
            javax.swing.JFileChooser found = onEdt(() -> {
                for (java.awt.Window win : java.awt.Window.getWindows()) {
                    if (win.isShowing()) {
                        javax.swing.JFileChooser c = findChooser(win);
                        if (c != null) {
                            return c;
                        }
                    }
                }
                return null;
            });
            if (found != null) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no file chooser showed");
    }

    private static javax.swing.JFileChooser findChooser(java.awt.Component c) {
        if (c instanceof javax.swing.JFileChooser fc && fc.isShowing()) {
            return fc;
        }
        if (c instanceof java.awt.Container k) {
            for (java.awt.Component child : k.getComponents()) {
                javax.swing.JFileChooser f = findChooser(child);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static void run(Path dir) throws Exception {
        Path bogus = dir.resolve("bogus.csv");
        byte[] binary = new byte[4096];
        new java.util.Random(5).nextBytes(binary);
        Files.write(bogus, binary);
        Path good = dir.resolve("good.csv");
        SyntheticWearer.write(good, 8, 100, t -> 2);
        Path malformed = dir.resolve("malformed.csv");
        Files.writeString(malformed, Files.readString(good) + "8.5,0,0,0,x,9.8,0\n");
        HistoryAccess history = new HistoryAccess(dir.resolve("history.sqlite"), msg -> report("notice", msg));
        UiPrefs prefs = UiPrefs.load(dir.resolve("config"));
        LaterClock clock = new LaterClock();
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
            MidbackWindow win = new MidbackWindow(prefs, engine, DeviceCatalog.UNAVAILABLE, clock, history);
            win.frame().setLocation(0, 0);
            win.show();
            return win;
        });

        // The Live tab's side panel at the default window size shows its longest texts whole.
        ScenarioSupport.settle();
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of("not connected", "no data",
                "disconnected"));
        for (io.midback.posture.PostureState p : io.midback.posture.PostureState.values()) {
            words.add(p.label());
        }
        report("side.stateCut", ScenarioSupport.cutTexts(w.frame(), "postureState", words.toArray(String[]::new)));
        report("side.connectionCut", ScenarioSupport.cutTexts(w.frame(), "connectionState", "Not connected",
                "No data for 65 s", "Disconnected"));

        // Snooze ▸ 30 minutes: the Snooze button says until when, and no more once the snooze is over or cancelled.
        onEdt(() -> {
            w.snooze(io.midback.alert.Snooze.MINUTES_30);
            return null;
        });
        report("snooze.until", io.midback.report.Reports.HM.format(clock.instant().plusSeconds(1800)
                .atZone(clock.getZone())));
        report("snooze.shown", text(w.frame(), "snooze"));
        clock.later.set(java.time.Duration.ofMinutes(31));
        await(() -> !text(w.frame(), "snooze").startsWith("Snoozed"), 5);
        report("snooze.over", text(w.frame(), "snooze"));
        onEdt(() -> {
            w.snooze(io.midback.alert.Snooze.HOUR_1);
            return null;
        });
        report("snooze.again", text(w.frame(), "snooze"));
        onEdt(() -> {
            w.snooze(null);
            return null;
        });
        report("snooze.cancelled", text(w.frame(), "snooze"));

        onEdt(() -> {
            w.connect(new PacedReplay(bogus, 1), ConnectPanel.replayKey(bogus, 1));
            return null;
        });

        // A source that fails before any sample is not remembered as the last one.
        report("bogus.failed", await(() -> w.session().state() == Session.State.FAILED, 10));
        Thread.sleep(500); // a few refresh ticks
        report("bogus.remembered", onEdt(() -> prefs.get("last.source", "")));
        // A file that fails is said with advice about the file (not the sensor's, nor the command line's).
        report("bogus.notice", text(w.frame(), "sourceText"));
        // In the dark theme the notice is dark too, its text readable.
        onEdt(() -> {
            w.setTheme("dark");
            return null;
        });
        ScenarioSupport.settle();
        report("dark.noticeLuminance", onEdt(() -> ScenarioSupport.luminance(
                ScenarioSupport.named(w.frame(), "sourceNotice", java.awt.Component.class).getBackground())));
        report("dark.noticeTitleContrast", ScenarioSupport.contrast(w.frame(), "sourceTitle"));
        report("dark.noticeTextContrast", ScenarioSupport.contrast(w.frame(), "sourceText"));
        onEdt(() -> {
            w.setTheme("light");
            return null;
        });
        ScenarioSupport.settle();
        report("light.noticeLuminance", onEdt(() -> ScenarioSupport.luminance(
                ScenarioSupport.named(w.frame(), "sourceNotice", java.awt.Component.class).getBackground())));
        report("light.noticeTextContrast", ScenarioSupport.contrast(w.frame(), "sourceText"));
        onEdt(() -> {
            w.connect(new PacedReplay(malformed, Double.POSITIVE_INFINITY), null);
            return null;
        });
        await(() -> w.session().state() == Session.State.FAILED, 10);
        Thread.sleep(500);
        report("malformed.notice", text(w.frame(), "sourceText"));

        // One that streams is.
        onEdt(() -> {
            w.connect(new PacedReplay(good, 4), ConnectPanel.replayKey(good, 4));
            return null;
        });
        report("good.ended", await(() -> w.session().state() == Session.State.ENDED, 15));
        Thread.sleep(500);
        report("good.remembered", onEdt(() -> prefs.get("last.source", "")));
        report("good.key", ConnectPanel.replayKey(good, 4));
        report("good.title", onEdt(() -> w.frame().getTitle()));
        javax.swing.JComponent trace = ScenarioSupport.named(w.frame(), "breathingTrace", javax.swing.JComponent.class);
        report("trace.afterGood", ink(trace));
        // A source that then fails: no breathing trace of the run before stays under it.
        onEdt(() -> {
            w.connect(new PacedReplay(bogus, 1), null);
            return null;
        });
        await(() -> w.session().state() == Session.State.FAILED, 10);
        await(() -> ink(trace) == 0, 5);
        report("trace.afterFailed", ink(trace));
        // Disconnect: the title names no source.
        onEdt(() -> {
            w.disconnect();
            return null;
        });
        await(() -> w.frame().getTitle().equals(MidbackWindow.TITLE), 5);
        report("disconnected.title", onEdt(() -> w.frame().getTitle()));

        // The Breathe tab, pressed with nothing streaming, says to connect (as the Routine tab does)...
        JTabbedPane tabs = ScenarioSupport.named(w.frame(), "tabs", JTabbedPane.class);
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Breathe"));
            return null;
        });
        click(w.frame(), "breatheStart");
        Thread.sleep(300);
        report("breatheEnded.result", text(w.frame(), "breatheResult"));
        report("breatheEnded.phase", text(w.frame(), "breathePhase"));
        // ...and paces once a source streams.
        onEdt(() -> {
            w.connect(new PacedReplay(good, 1), null);
            tabs.setSelectedIndex(tabs.indexOfTab("Breathe"));
            return null;
        });
        await(() -> w.session().state() == Session.State.STREAMING, 5);
        click(w.frame(), "breatheStart");
        report("breatheStreaming.started", await(() -> text(w.frame(), "breathePhase").startsWith("Breathe "), 5));

        // The Routine tab as it opens, on the daily routine: its title and how-to.
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Routine"));
            return null;
        });
        report("routine.title", text(w.frame(), "routineTitle"));
        report("routine.howTo", text(w.frame(), "routineHowTo"));

        // Routine tab ▸ Routine file…: a file that is not a routine is said by its name once, in words.
        for (Path f : new Path[] {bogus, good}) {
            onEdt(() -> {
                tabs.setSelectedIndex(tabs.indexOfTab("Routine"));
                return null;
            });
            javax.swing.AbstractButton open = ScenarioSupport.named(w.frame(), "routineFile",
                    javax.swing.AbstractButton.class);
            javax.swing.SwingUtilities.invokeLater(open::doClick); // the chooser is modal: answered from here
            javax.swing.JFileChooser fc = chooser(10);
            onEdt(() -> {
                fc.setSelectedFile(f.toFile());
                fc.approveSelection();
                return null;
            });
            await(() -> text(w.frame(), "routineResult").contains(f.getFileName().toString()), 10);
            report("routineFile." + f.getFileName(), text(w.frame(), "routineResult"));
        }

        // Help ▸ Using Midback… ▸ Open the README, with no program on this desktop to open it: says where it is.
        onEdt(() -> {
            javax.swing.JMenuBar bar = w.frame().getJMenuBar();
            for (int i = 0; i < bar.getMenuCount(); i++) {
                for (java.awt.Component c : bar.getMenu(i).getMenuComponents()) {
                    if ("helpUsing".equals(c.getName())) {
                        ((javax.swing.JMenuItem) c).doClick();
                    }
                }
            }
            return null;
        });
        await(() -> ScenarioSupport.window("helpDialog") != null, 5);
        java.awt.Window help = ScenarioSupport.window("helpDialog");
        click(help, "helpDialogOpenReadme");
        await(() -> !text(help, "helpDialogSaid").isEmpty(), 10);
        report("readme.said", text(help, "helpDialogSaid"));

        onEdt(() -> {
            w.frame().dispose();
            return null;
        });
        history.close();
    }
}
