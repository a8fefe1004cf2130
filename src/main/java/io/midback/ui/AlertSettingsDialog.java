package io.midback.ui;

import io.midback.app.UserSettings;
import io.midback.posture.PostureSettings;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFormattedTextField;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.text.ParseException;
import java.util.function.Consumer;

/**
 * Alert settings: preset, threshold, delay, sound, device vibration, break interval. Each field's label gives its
 * range (the command line's and the settings file's, {@link PostureSettings}); Apply with a value out of range
 * says so in one line and applies nothing.
 */
final class AlertSettingsDialog extends JDialog {
    private final JComboBox<String> preset = new JComboBox<>(AlertSettings.choices());
    private final JSpinner threshold = new JSpinner(new SpinnerNumberModel(20.0, PostureSettings.MIN_THRESHOLD_DEG,
            PostureSettings.MAX_THRESHOLD_DEG, 1.0));
    private final JSpinner delay = new JSpinner(new SpinnerNumberModel(30.0, 0.0, PostureSettings.MAX_DWELL_S, 5.0));
    private final JCheckBox sound = new JCheckBox("Play a sound");
    private final JCheckBox vibration = new JCheckBox("Vibrate the sensor");
    private final JSpinner breakMin = new JSpinner(new SpinnerNumberModel(45.0, 0.0,
            PostureSettings.MAX_BREAK_AFTER_MIN, 5.0));
    /** One line: which value is out of range, and what the field takes. */
    private final JLabel problem = new JLabel(" ");
    private boolean loading;

    AlertSettingsDialog(JFrame owner, AlertSettings current, Consumer<AlertSettings> onApply) {
        super(owner, "Alert settings", true);
        JPanel form = new JPanel(new GridLayout(0, 2, 8, 6));
        form.setBorder(BorderFactory.createEmptyBorder(12, 16, 8, 16));
        form.add(new JLabel("Preset"));
        form.add(preset);
        form.add(new JLabel("Slump threshold (" + range(threshold) + "° of flexion)"));
        form.add(threshold);
        form.add(new JLabel("Alert after (" + range(delay) + " s)"));
        form.add(delay);
        form.add(new JLabel("Break reminder every (" + range(breakMin) + " min, 0 = off)"));
        form.add(breakMin);
        form.add(sound);
        form.add(vibration);
        threshold.setName("alertThreshold");
        load(current);
        preset.addActionListener(e -> {
            String p = (String) preset.getSelectedItem();
            if (!loading && !"custom".equals(p)) {
                AlertSettings s = AlertSettings.preset(p);
                load(s.withSound(sound.isSelected()).withVibration(vibration.isSelected()));
            }
        });
        javax.swing.event.ChangeListener custom = e -> {
            if (!loading) {
                preset.setSelectedItem("custom");
            }
        };
        for (JSpinner field : new JSpinner[] {threshold, delay, breakMin}) {
            // Text out of range stays as typed (it is not turned back silently) until Apply names it.
            text(field).setFocusLostBehavior(JFormattedTextField.COMMIT);
        }
        threshold.addChangeListener(custom);
        delay.addChangeListener(custom);
        breakMin.addChangeListener(custom);
        JButton ok = new JButton("Apply");
        ok.setName("alertSettingsApply");
        ok.addActionListener(e -> {
            String wrong = firstProblem(new JSpinner[] {threshold, delay, breakMin},
                    new String[] {"Slump threshold", "Alert after", "Break reminder every"});
            problem.setText(wrong == null ? " " : wrong);
            if (wrong != null) {
                return;
            }
            onApply.accept(new AlertSettings((String) preset.getSelectedItem(), (Double) threshold.getValue(),
                    (Double) delay.getValue(), sound.isSelected(), vibration.isSelected(),
                    (Double) breakMin.getValue()));
            dispose();
        });
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(ok);
        problem.setName("alertSettingsProblem");
        problem.setForeground(Theme.errorText());
        problem.setBorder(BorderFactory.createEmptyBorder(0, 16, 0, 16));
        JPanel south = new JPanel(new BorderLayout());
        south.add(problem, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.SOUTH);
        getContentPane().add(form, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        pack();
        setName("alertSettings");
        setLocationRelativeTo(owner);
    }

    private static JFormattedTextField text(JSpinner field) {
        return ((JSpinner.DefaultEditor) field.getEditor()).getTextField();
    }

    /** "1–60": the range the field's model takes. */
    private static String range(JSpinner field) {
        SpinnerNumberModel m = (SpinnerNumberModel) field.getModel();
        return UserSettings.number(((Number) m.getMinimum()).doubleValue()) + "–"
                + UserSettings.number(((Number) m.getMaximum()).doubleValue());
    }

    /** Commits each field's text; the first that is not a number in its range, in one line, or null. */
    private static String firstProblem(JSpinner[] fields, String[] names) {
        for (int i = 0; i < fields.length; i++) {
            JFormattedTextField t = text(fields[i]);
            try {
                t.commitEdit();
            } catch (ParseException e) {
                return names[i] + ": " + t.getText().strip() + " is not a number from " + range(fields[i]) + ".";
            }
        }
        return null;
    }

    private void load(AlertSettings s) {
        loading = true;
        preset.setSelectedItem(s.preset());
        threshold.setValue(s.thresholdDeg());
        delay.setValue(s.delayS());
        breakMin.setValue(s.breakIntervalMin());
        sound.setSelected(s.sound());
        vibration.setSelected(s.vibration());
        loading = false;
    }
}
