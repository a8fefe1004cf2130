package io.midback.ui;

import io.midback.alert.Alert;
import io.midback.alert.AlertKind;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import javax.swing.JPanel;
import javax.swing.Timer;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Insets;

/**
 * A strip below the content, above the status line: the latest alert, wrapped to as many lines as it needs (a
 * break reminder names a whole movement), a Snooze button, and a dismiss button. It takes its own room in the
 * layout while it shows, so it covers no chart or legend.
 */
final class AlertBanner extends JPanel {
    private final JTextArea text = new JTextArea();
    private final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
    private final JButton snooze = new JButton("Snooze");
    /** What a break reminder offers (the desk routine), shown only with break reminders. */
    private final JButton offer = new JButton();
    private Runnable onOffer;
    private final JButton close = new JButton("✕");
    private final Timer hide = new Timer(20_000, e -> setVisible(false));

    AlertBanner(java.util.function.Consumer<JButton> onSnooze) {
        super(new BorderLayout(8, 0));
        setName("alertBanner");
        text.setName("alertText");
        setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 6));
        text.setFont(UIManager.getFont("Label.font").deriveFont(Font.BOLD));
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setEditable(false);
        text.setFocusable(false);
        text.setOpaque(false);
        text.setBorder(BorderFactory.createEmptyBorder(3, 0, 3, 0));
        add(text, BorderLayout.CENTER);
        buttons.setOpaque(false);
        snooze.setName("bannerSnooze");
        snooze.addActionListener(e -> onSnooze.accept(snooze));
        close.setToolTipText("Dismiss");
        close.addActionListener(e -> setVisible(false));
        offer.setName("bannerOffer");
        offer.setVisible(false);
        offer.addActionListener(e -> {
            setVisible(false);
            if (onOffer != null) {
                onOffer.run();
            }
        });
        buttons.add(offer);
        buttons.add(snooze);
        buttons.add(close);
        add(buttons, BorderLayout.EAST);
        hide.setRepeats(false);
        setVisible(false);
    }

    /** Break reminders offer this ({@code label} on a button beside Snooze). */
    void offerOnBreaks(String label, Runnable action) {
        offer.setText(label);
        onOffer = action;
    }

    void show(Alert a) {
        boolean good = a.kind() == AlertKind.CORRECTED;
        setBackground(good ? new Color(0x27AE60) : a.kind() == AlertKind.BREAK ? new Color(0x2E86DE)
                : new Color(0xE67E22));
        text.setForeground(Color.WHITE);
        text.setText(a.message());
        snooze.setVisible(!good);
        offer.setVisible(a.kind() == AlertKind.BREAK && onOffer != null);
        setVisible(true);
        revalidate(); // a longer text needs more lines
        hide.setInitialDelay(good ? 5_000 : 20_000);
        hide.restart();
        repaint();
    }

    /** As wide as its parent, as tall as the text wrapped to the room beside the buttons. */
    @Override
    public Dimension getPreferredSize() {
        int width = getParent() != null && getParent().getWidth() > 0 ? getParent().getWidth() : 800;
        Insets in = getInsets();
        Dimension b = buttons.getPreferredSize();
        int textWidth = Math.max(120, width - in.left - in.right - b.width - 8);
        text.setSize(textWidth, Short.MAX_VALUE); // a wrapping text area's preferred height follows its width
        int height = Math.max(text.getPreferredSize().height, b.height);
        return new Dimension(width, height + in.top + in.bottom);
    }
}
