package io.midback.ui;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;

/** An unobtrusive strip above the content: the latest alert, a Snooze button, and a dismiss button. */
final class AlertBanner extends JPanel {
    private final JLabel text = new JLabel();
    private final JButton snooze = new JButton("Snooze");
    private final JButton close = new JButton("✕");
    private final Timer hide = new Timer(20_000, e -> setVisible(false));
    private Runnable onShow = () -> { };

    AlertBanner(java.util.function.Consumer<JButton> onSnooze) {
        super(new BorderLayout(8, 0));
        setName("alertBanner");
        text.setName("alertText");
        setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 6));
        text.setFont(text.getFont().deriveFont(Font.BOLD));
        add(text, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
        buttons.setOpaque(false);
        snooze.setName("bannerSnooze");
        snooze.addActionListener(e -> onSnooze.accept(snooze));
        close.setToolTipText("Dismiss");
        close.addActionListener(e -> setVisible(false));
        buttons.add(snooze);
        buttons.add(close);
        add(buttons, BorderLayout.EAST);
        hide.setRepeats(false);
        setVisible(false);
    }

    void show(Alert a) {
        boolean good = a.kind() == AlertKind.CORRECTED;
        setBackground(good ? new Color(0x27AE60) : a.kind() == AlertKind.BREAK ? new Color(0x2E86DE)
                : new Color(0xE67E22));
        text.setForeground(Color.WHITE);
        text.setText(a.message());
        snooze.setVisible(!good);
        onShow.run();
        setVisible(true);
        hide.setInitialDelay(good ? 5_000 : 20_000);
        hide.restart();
        repaint();
    }

    /** Called before the banner shows (the window places it). */
    void onShow(Runnable r) {
        onShow = r;
    }
}
