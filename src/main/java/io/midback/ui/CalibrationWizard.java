package io.midback.ui;

import io.midback.ui.PostureBackend.Calibration;
import io.midback.ui.PostureBackend.Result;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The guided calibration: a countdown, "sit upright and still" (with live feedback when moving), then "lean
 * forward slowly", then the verdict. Drives {@link Calibration}; all timing on a Swing timer, nothing blocks.
 */
final class CalibrationWizard extends JDialog {
    enum Phase { INTRO, COUNTDOWN, HOLD, LEAN, DONE, FAILED }

    private final Calibration calibration;
    private final double countdownS, holdS, leanS;
    private final Consumer<Result> onResult;
    private final JLabel title = new JLabel("", SwingConstants.CENTER);
    private final JLabel detail = new JLabel("", SwingConstants.CENTER);
    private final JProgressBar bar = new JProgressBar(0, 1000);
    private final JButton start = new JButton("Start");
    private final JButton cancel = new JButton("Cancel");
    private final Timer tick = new Timer(100, e -> tick());
    private Phase phase = Phase.INTRO;
    private long phaseStartNanos;
    private Result result;

    CalibrationWizard(JFrame owner, Calibration calibration, double countdownS, double holdS, double leanS,
                      Consumer<Result> onResult) {
        super(owner, "Calibrate", false);
        setName("calibrationWizard");
        this.calibration = calibration;
        this.countdownS = countdownS;
        this.holdS = holdS;
        this.leanS = leanS;
        this.onResult = onResult;
        JPanel body = new JPanel(new GridLayout(0, 1, 6, 6));
        body.setBorder(BorderFactory.createEmptyBorder(16, 20, 12, 20));
        title.setFont(title.getFont().deriveFont(Font.BOLD, 20f));
        title.setName("calibrationTitle");
        detail.setName("calibrationDetail");
        body.add(title);
        body.add(detail);
        body.add(bar);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        start.setName("calibrationStart");
        start.addActionListener(e -> {
            if (phase == Phase.DONE || phase == Phase.FAILED && result.samplesStopped()) {
                dispose();
            } else {
                enter(Phase.COUNTDOWN);
            }
        });
        cancel.addActionListener(e -> {
            calibration.cancel();
            tick.stop();
            dispose();
        });
        buttons.add(cancel);
        buttons.add(start);
        getContentPane().add(body, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        enter(Phase.INTRO);
        setSize(520, 260);
        setLocationRelativeTo(owner);
    }

    private boolean finishing;

    private double elapsedS() {
        return (System.nanoTime() - phaseStartNanos) / 1e9;
    }

    private void enter(Phase p) {
        phase = p;
        phaseStartNanos = System.nanoTime();
        detail.setForeground(javax.swing.UIManager.getColor("Label.foreground"));
        switch (p) {
            case INTRO -> {
                title.setText("Calibrate your upright posture");
                detail.setText("<html><center>Sit upright, comfortably tall, and stay still when asked; "
                        + "then lean forward slowly.</center></html>");
                start.setText("Start");
                start.setEnabled(true);
                bar.setValue(0);
            }
            case COUNTDOWN -> {
                start.setEnabled(false);
                title.setText("Sit upright…");
                tick.start();
            }
            case HOLD -> {
                title.setText("Hold still");
                calibration.begin(Calibration.Step.HOLD_UPRIGHT);
            }
            case LEAN -> {
                title.setText("Now lean forward slowly");
                calibration.begin(Calibration.Step.LEAN_FORWARD);
            }
            case DONE, FAILED -> {
                tick.stop();
                title.setText(p == Phase.DONE ? "Calibrated" : "Not calibrated");
                detail.setText("<html><center>" + result.message() + "</center></html>");
                if (p == Phase.FAILED) {
                    detail.setForeground(Theme.errorText());
                }
                start.setText(p == Phase.DONE || result.samplesStopped() ? "Close" : "Try again");
                start.setEnabled(true);
                bar.setValue(p == Phase.DONE ? 1000 : 0);
                onResult.accept(result);
            }
            default -> { }
        }
    }

    private void tick() {
        double t = elapsedS();
        switch (phase) {
            case COUNTDOWN -> {
                detail.setText(String.format(Locale.ROOT, "Starting in %d…", (int) Math.ceil(countdownS - t)));
                bar.setValue((int) (1000 * Math.min(1, t / countdownS)));
                if (t >= countdownS) {
                    enter(Phase.HOLD);
                }
            }
            case HOLD -> {
                PostureBackend.Progress p = calibration.progress();
                bar.setValue((int) (1000 * Math.min(1, t / holdS)));
                if (!p.still()) {
                    detail.setForeground(Theme.errorText());
                    detail.setText(String.format(Locale.ROOT, "You are moving (%.0f°/s): stay still.",
                            p.motionDegPerS()));
                } else {
                    detail.setForeground(javax.swing.UIManager.getColor("Label.foreground"));
                    detail.setText(String.format(Locale.ROOT, "Still… %d s left", (int) Math.ceil(holdS - t)));
                }
                if (t >= holdS) {
                    Result r = calibration.endStep();
                    if (!r.ok()) {
                        calibration.cancel();
                        result = r;
                        enter(Phase.FAILED);
                    } else {
                        enter(Phase.LEAN);
                    }
                }
            }
            case LEAN -> {
                PostureBackend.Progress p = calibration.progress();
                bar.setValue((int) (1000 * Math.min(1, t / leanS)));
                detail.setText(String.format(Locale.ROOT, "Forward lean: %.0f°", p.leanDeg()));
                if (t >= leanS && !finishing) {
                    // The engine applies the lean at its next sample: wait for it off the event thread.
                    finishing = true;
                    Thread th = new Thread(() -> {
                        Result r = calibration.finish();
                        javax.swing.SwingUtilities.invokeLater(() -> {
                            finishing = false;
                            result = r;
                            enter(r.ok() ? Phase.DONE : Phase.FAILED);
                        });
                    }, "midback-calibration");
                    th.setDaemon(true);
                    th.start();
                }
            }
            default -> { }
        }
    }
}
