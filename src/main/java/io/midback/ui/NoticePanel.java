package io.midback.ui;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices that stay until they are dealt with, across the top of the window: each says in full (wrapped, never
 * cut off) what is wrong, or what is playing, and offers the ways out as buttons. One notice per subject
 * ({@code "history"}, {@code "source"}, {@code "settings"}, {@code "demo"}); a new one on the same subject replaces
 * the old. Event thread only.
 */
final class NoticePanel extends JPanel {
    /** A way out: a button named {@code name} (for tests and assistive tools) that runs {@code action}. */
    record Way(String name, String label, Runnable action) {
    }

    enum Tone {
        PROBLEM(new Color(0xC0392B)),
        INFO(new Color(0x2E86DE));

        final Color edge;

        Tone(Color edge) {
            this.edge = edge;
        }

        /** The background in the installed theme. */
        Color background() {
            return Theme.noticeBackground(this == PROBLEM);
        }
    }

    /** A notice's card: its background follows the theme when the window switches it; its text is the theme's. */
    private static final class Card extends JPanel {
        private final Tone tone;

        Card(Tone tone) {
            super(new BorderLayout(6, 4));
            this.tone = tone;
            setBackground(tone.background());
        }

        @Override
        public void updateUI() {
            super.updateUI();
            if (tone != null) { // null while JPanel's constructor installs the look and feel
                setBackground(tone.background());
            }
        }
    }
    private final Map<String, JPanel> cards = new LinkedHashMap<>();

    NoticePanel() {
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setName("notices");
        setOpaque(false);
    }

    /** Shows (or replaces) the notice about {@code subject}; the card is named {@code subject + "Notice"}. */
    void show(String subject, Tone tone, String title, String detail, List<Way> ways) {
        clear(subject);
        JPanel card = new Card(tone);
        card.setName(subject + "Notice");
        card.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 4, 1, 0, tone.edge),
                BorderFactory.createEmptyBorder(6, 10, 6, 10)));
        JLabel head = new JLabel(title);
        head.setName(subject + "Title");
        head.setFont(head.getFont().deriveFont(Font.BOLD));
        card.add(head, BorderLayout.NORTH);
        JTextArea text = new WrappedText(detail);
        text.setName(subject + "Text");
        card.add(text, BorderLayout.CENTER);
        if (!ways.isEmpty()) {
            JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
            buttons.setOpaque(false);
            for (Way w : ways) {
                JButton b = new JButton(w.label());
                b.setName(w.name());
                b.addActionListener(e -> w.action().run());
                buttons.add(b);
            }
            card.add(buttons, BorderLayout.SOUTH);
        }
        card.setAlignmentX(LEFT_ALIGNMENT);
        cards.put(subject, card);
        add(card);
        revalidate();
        repaint();
    }

    void clear(String subject) {
        JPanel old = cards.remove(subject);
        if (old != null) {
            remove(old);
            revalidate();
            repaint();
        }
    }

    boolean showing(String subject) {
        return cards.containsKey(subject);
    }

    /**
     * Text that wraps at the width it is given and asks for the height the wrapped lines need, so a long message
     * (a path and a database error) shows whole.
     */
    private static final class WrappedText extends JTextArea {
        private int laidOutWidth = -1;

        WrappedText(String text) {
            super(text);
            setLineWrap(true);
            setWrapStyleWord(true);
            setEditable(false);
            setOpaque(false);
            setBorder(null);
            setFont(new JLabel().getFont());
            setFocusable(false); // a message, not a field: no caret
        }

        @Override
        public Dimension getPreferredSize() {
            Dimension d = super.getPreferredSize();
            // Until laid out, ask for a modest width: the layout then gives the window's width and the height of
            // the lines wrapped at it follows (see setBounds).
            return getWidth() == 0 ? new Dimension(Math.min(d.width, 600), d.height) : d;
        }

        @Override
        public void setBounds(int x, int y, int w, int h) {
            super.setBounds(x, y, w, h);
            if (w != laidOutWidth) {
                laidOutWidth = w;
                javax.swing.SwingUtilities.invokeLater(this::revalidate); // the wrapped height at this width
            }
        }
    }
}
