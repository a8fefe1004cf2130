package io.midback.ui;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The Connect tab's optional "Record to" file: a live sensor connected while it holds one is recorded as
 * {@code live --record FILE} records it ({@link LiveSource#recordingTo}: the same recorder, with the lower sensor's
 * samples beside it as {@code NAME.lower.csv}). Typed in or chosen; remembered from the last connection
 * ({@code record.file} in the settings). Replays and the simulator are not recorded.
 */
final class RecordField extends JPanel {
    private final JTextField file = new JTextField(30);

    /** @param remembered the file given last time, or "" */
    RecordField(String remembered) {
        super(new FlowLayout(FlowLayout.LEFT, 6, 4));
        setBorder(BorderFactory.createTitledBorder("Record a live sensor (optional)"));
        file.setName("recordFile");
        file.setText(remembered);
        file.setToolTipText("A live sensor's samples are recorded to this file (.csv or .csv.gz), and a lower "
                + "sensor's beside it as NAME.lower.csv; an existing file is kept: the recording goes to NAME-2.csv. "
                + "Leave empty not to record.");
        JButton choose = new JButton("Choose…");
        choose.setName("recordChoose");
        choose.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            if (!file.getText().isBlank()) {
                chooser.setSelectedFile(new File(file.getText().trim()));
            }
            if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
                file.setText(chooser.getSelectedFile().getPath());
            }
        });
        add(new JLabel("Record to"));
        add(file);
        add(choose);
        setMaximumSize(new Dimension(Integer.MAX_VALUE, 60));
    }

    /** The file as typed (trimmed), or "" for none. */
    String file() {
        return file.getText().trim();
    }

    /**
     * The source to connect: a live sensor is recorded when a file is given; anything else is as it is.
     *
     * @throws IllegalArgumentException when the text is not a file name (one line naming it)
     */
    SampleSource attachTo(SampleSource source) {
        String f = file();
        if (f.isEmpty() || !(source instanceof LiveSource live)) {
            return source;
        }
        try {
            return live.recordingTo(Path.of(f));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Record to: not a file name: " + f.replaceAll("\\p{Cntrl}", "?")
                    + " (" + e.getReason() + ")");
        }
    }
}
