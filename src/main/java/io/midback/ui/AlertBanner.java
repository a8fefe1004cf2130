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
 *
 * <p>Its room changes only when it appears, when it goes, when a message needs more lines than the strip has, when
 * the window's width changes, and when alerts pause for {@value #FIT_AFTER_MS} ms (its height then follows its
 * text again: a one-line message keeps no two-line room): a new alert in a strip tall enough re-lays out and
 * repaints the strip alone (it is a validate root), not the whole window. A fast replay decides several alerts a second, and each whole
 * window layout and repaint held the event thread for tens of milliseconds.
 */
final class AlertBanner extends JPanel {
    private final JTextArea text = wrapping();
    /** Not in the window: measures how tall a message wraps at a width, without touching the strip's layout. */
    private final JTextArea measure = wrapping();
    private final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
    private final JButton snooze = new JButton("Snooze");
    /** What a break reminder offers (the desk routine), shown only with break reminders. */
    private final JButton offer = new JButton();
    private Runnable onOffer;
    private final JButton close = new JButton("✕");
    private final Timer hide = new Timer(20_000, e -> setVisible(false));
    /** Alerts paused this long: the strip's height follows its text again, ms. */
    static final int FIT_AFTER_MS = 1500;
    private final Timer fit = new Timer(FIT_AFTER_MS, e -> fitText());
    /** The strip's height while it shows (px), and the width it was measured at; 0: not measured. */
    private int roomHeight, roomWidth;

    AlertBanner(java.util.function.Consumer<JButton> onSnooze) {
        super(new BorderLayout(8, 0));
        setName("alertBanner");
        text.setName("alertText");
        setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 6));
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
        // As wide with the Snooze button as without (a "corrected" shows none): the text's width, and so its
        // lines, do not change with the kind of alert.
        buttons.setPreferredSize(buttons.getPreferredSize());
        add(buttons, BorderLayout.EAST);
        hide.setRepeats(false);
        fit.setRepeats(false);
        super.setVisible(false);
        addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                fitWidth();
            }
        });
    }

    /** After the window's width changed: the room the text needs at the width the strip now has. */
    private void fitWidth() {
        int width = getWidth();
        if (!isVisible() || width <= 0 || width == roomWidth) {
            return;
        }
        roomWidth = width;
        int needed = heightAt(width);
        if (needed != roomHeight) {
            roomHeight = needed;
            relayOutWindow();
        }
    }

    /** After a pause in the alerts: the room the text shown needs, fewer lines too. */
    private void fitText() {
        if (!isVisible()) {
            return;
        }
        int needed = heightAt(roomWidth);
        if (needed != roomHeight) {
            roomHeight = needed;
            relayOutWindow();
        }
    }

    private static JTextArea wrapping() {
        JTextArea t = new JTextArea();
        t.setFont(UIManager.getFont("Label.font").deriveFont(Font.BOLD));
        t.setLineWrap(true);
        t.setWrapStyleWord(true);
        t.setEditable(false);
        t.setFocusable(false);
        t.setOpaque(false);
        t.setBorder(BorderFactory.createEmptyBorder(3, 0, 3, 0));
        return t;
    }

    /** Break reminders offer this ({@code label} on a button beside Snooze). */
    void offerOnBreaks(String label, Runnable action) {
        offer.setText(label);
        onOffer = action;
        // The strip's buttons keep one width whether the offer shows or not (see the constructor).
        offer.setVisible(true);
        buttons.setPreferredSize(null);
        buttons.setPreferredSize(buttons.getPreferredSize());
        offer.setVisible(false);
        measuredWidth = -1; // the text has another width beside the buttons: wrap the messages again
    }

    void show(Alert a) {
        boolean good = a.kind() == AlertKind.CORRECTED;
        setBackground(good ? new Color(0x27AE60) : a.kind() == AlertKind.BREAK ? new Color(0x2E86DE)
                : new Color(0xE67E22));
        text.setForeground(Color.WHITE);
        text.setText(a.message());
        snooze.setVisible(!good);
        offer.setVisible(a.kind() == AlertKind.BREAK && onOffer != null);
        hide.setInitialDelay(good ? 5_000 : 20_000);
        hide.restart();
        fit.restart();
        int width = roomWidth();
        int needed = heightAt(width);
        if (!isVisible() || needed > roomHeight || width != roomWidth) {
            roomHeight = isVisible() && width == roomWidth ? Math.max(roomHeight, needed) : needed;
            roomWidth = width;
            super.setVisible(true);
            relayOutWindow();
        } else {
            revalidate(); // the strip alone: its text and buttons in the room it has
        }
        repaint();
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible == isVisible()) {
            return;
        }
        if (visible) {
            roomWidth = roomWidth();
            roomHeight = heightAt(roomWidth);
        }
        super.setVisible(visible);
        relayOutWindow();
    }

    /** The strip's own layouts stop at the strip (see the class comment). */
    @Override
    public boolean isValidateRoot() {
        return true;
    }

    private void relayOutWindow() {
        if (getParent() instanceof javax.swing.JComponent p) {
            p.revalidate();
            p.repaint();
        }
    }

    private int roomWidth() {
        return getParent() != null && getParent().getWidth() > 0 ? getParent().getWidth() : 800;
    }

    /** The strip's height for the current text at {@code width}: the text wrapped beside the buttons. */
    private int heightAt(int width) {
        if (width != measuredWidth || heights.size() > 64) {
            measuredWidth = width;
            heights.clear();
        }
        // The same few messages come again and again: each is wrapped once per width.
        return heights.computeIfAbsent(text.getText(), m -> wrappedHeight(m, width));
    }

    private final java.util.Map<String, Integer> heights = new java.util.HashMap<>();
    private int measuredWidth = -1;

    private int wrappedHeight(String message, int width) {
        Insets in = getInsets();
        Dimension b = buttons.getPreferredSize();
        int textWidth = Math.max(120, width - in.left - in.right - b.width - 8);
        measure.setText(message);
        measure.setSize(textWidth, Short.MAX_VALUE); // a wrapping text area's preferred height follows its width
        return Math.max(measure.getPreferredSize().height, b.height) + in.top + in.bottom;
    }

    /** As wide as its parent, as tall as its room (see {@link #show}); a new width measures it again. */
    @Override
    public Dimension getPreferredSize() {
        int width = roomWidth();
        if (width != roomWidth || roomHeight == 0) {
            roomWidth = width;
            roomHeight = heightAt(width);
        }
        return new Dimension(width, roomHeight);
    }
}
