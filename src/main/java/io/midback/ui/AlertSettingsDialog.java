package io.midback.ui;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.function.Consumer;

/** Alert settings: preset, threshold, delay, sound, device vibration, break interval. */
final class AlertSettingsDialog extends JDialog {
    private final JComboBox<String> preset = new JComboBox<>(AlertSettings.choices());
    private final JSpinner threshold = new JSpinner(new SpinnerNumberModel(20.0, 5.0, 60.0, 1.0));
    private final JSpinner delay = new JSpinner(new SpinnerNumberModel(30.0, 0.0, 600.0, 5.0));
    private final JCheckBox sound = new JCheckBox("Play a sound");
    private final JCheckBox vibration = new JCheckBox("Vibrate the sensor");
    private final JSpinner breakMin = new JSpinner(new SpinnerNumberModel(45.0, 0.0, 240.0, 5.0));
    private boolean loading;

    AlertSettingsDialog(JFrame owner, AlertSettings current, Consumer<AlertSettings> onApply) {
        super(owner, "Alert settings", true);
        JPanel form = new JPanel(new GridLayout(0, 2, 8, 6));
        form.setBorder(BorderFactory.createEmptyBorder(12, 16, 8, 16));
        form.add(new JLabel("Preset"));
        form.add(preset);
        form.add(new JLabel("Slump threshold (° of flexion)"));
        form.add(threshold);
        form.add(new JLabel("Alert after (s)"));
        form.add(delay);
        form.add(new JLabel("Break reminder every (min, 0 = off)"));
        form.add(breakMin);
        form.add(sound);
        form.add(vibration);
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
        threshold.addChangeListener(custom);
        delay.addChangeListener(custom);
        breakMin.addChangeListener(custom);
        JButton ok = new JButton("Apply");
        ok.addActionListener(e -> {
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
        getContentPane().add(form, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        pack();
        setLocationRelativeTo(owner);
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
