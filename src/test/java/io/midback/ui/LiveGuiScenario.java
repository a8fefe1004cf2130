package io.midback.ui;

import static io.midback.ui.ScenarioSupport.await;
import static io.midback.ui.ScenarioSupport.onEdt;
import static io.midback.ui.ScenarioSupport.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The window on a live serial port (a socat pty whose other end a virtual sensor serves; started by
 * {@link LiveWindowTest}), in its own JVM with a {@code DISPLAY}: connects through {@link TransportCatalog} as
 * {@code midback gui --port} does, waits for samples and for the slump alert, saves a screenshot and prints what
 * it saw as {@code key=value} lines.
 */
public final class LiveGuiScenario {

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args[0]);
        String port = args[1];
        Path config = Path.of(args[2]);
        Files.createDirectories(shots);
        System.setProperty("midback.config.dir", config.toString());
        try {
            if (args.length > 3 && args[3].equals("silent")) {
                silent(port, config);
            } else {
                run(shots, port, config);
            }
        } catch (Throwable t) {
            System.out.println("error=" + t);
            t.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    /** A port that sends nothing: the side panel says no data, that the link reconnects, and what to check. */
    private static void silent(String port, Path config) throws Exception {
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            MidbackWindow win = new MidbackWindow(UiPrefs.load(config), new EngineBackend(Clock.systemDefaultZone()),
                    new TransportCatalog(Duration.ofSeconds(2)), Clock.systemDefaultZone());
            win.frame().setLocation(0, 0);
            win.show();
            win.connectSerial(port, false);
            return win;
        });
        // past the first watchdog drop and reopening (3 s), then while it keeps trying
        report("silent.said", await(() -> ScenarioSupport.text(w.frame(), "postureState").equals("no data"), 15));
        Thread.sleep(4000);
        java.util.Set<String> why = new java.util.TreeSet<>();
        for (int i = 0; i < 40; i++) { // what it says over 4 s, as one reads it
            why.add(ScenarioSupport.text(w.frame(), "calibrationState"));
            Thread.sleep(100);
        }
        report("silent.why", String.join(" | ", why));
        report("silent.connection", ScenarioSupport.text(w.frame(), "connectionState"));
        report("silent.cut", ScenarioSupport.cutTexts(w.frame(), "calibrationState", why.toArray(String[]::new)));
        onEdt(() -> {
            w.frame().dispose();
            return null;
        });
    }

    private static void run(Path shots, String port, Path config) throws Exception {
        TransportCatalog catalog = new TransportCatalog(Duration.ofSeconds(2));
        HistoryAccess history = new HistoryAccess(io.midback.history.HistoryPaths.defaultDatabase(),
                msg -> report("notice.history", msg));
        report("history.db", history.path());
        MidbackWindow w = onEdt(() -> {
            Theme.install(false);
            EngineBackend engine = new EngineBackend(Clock.systemDefaultZone(), history);
            MidbackWindow win = new MidbackWindow(UiPrefs.load(config), engine, catalog, Clock.systemDefaultZone(),
                    history);
            engine.onHistoryWritten(win::historyWritten);
            AlertSettings d = AlertSettings.defaults(); // the dialog's Apply: 2 s delay, vibration, no sound
            win.applySettings(new AlertSettings("custom", d.thresholdDeg(), 2, false, true, d.breakIntervalMin()));
            win.frame().setLocation(0, 0);
            win.show();
            win.connectSerial(port, true); // as gui --port does
            return win;
        });
        report("streaming", await(() -> w.session().state() == Session.State.STREAMING
                && w.session().samples() > 300, 15));
        report("connection", ScenarioSupport.text(w.frame(), "connectionState"));
        report("rateHz", onEdt(() -> w.session().nominalRateHz()));
        javax.swing.JComponent banner = ScenarioSupport.named(w.frame(), "alertBanner", javax.swing.JComponent.class);
        boolean alerted = await(() -> banner.isShowing() && ScenarioSupport.text(w.frame(), "alertText")
                .toLowerCase(java.util.Locale.ROOT).contains("slump"), 20);
        report("alert.shown", alerted);
        report("postureState", ScenarioSupport.text(w.frame(), "postureState"));
        report("remembered", onEdt(() -> UiPrefs.load(config).get("last.source", "")));
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("08-live-serial.png"));
        report("samples", onEdt(() -> w.session().samples()));

        // The live session is in the history (a real SQLite file); the Today tab draws it.
        onEdt(() -> {
            w.disconnect();
            return null;
        });
        w.awaitStopped();
        javax.swing.JTabbedPane tabs = ScenarioSupport.named(w.frame(), "tabs", javax.swing.JTabbedPane.class);
        onEdt(() -> {
            tabs.setSelectedIndex(tabs.indexOfTab("Today")); // as a click on the tab
            return null;
        });
        boolean loaded = await(() -> ScenarioSupport.text(w.frame(), "todaySummary").startsWith("Today: "), 15);
        report("today.loaded", loaded);
        report("today.summary", ScenarioSupport.text(w.frame(), "todaySummary"));
        ScenarioSupport.shot(ScenarioSupport.robot(), w.frame(), shots.resolve("09-today.png"));
        onEdt(() -> {
            w.frame().dispose();
            return null;
        });
        history.close();
    }
}
