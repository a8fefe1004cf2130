package io.midback.ui;

import io.midback.transport.SerialTransport;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import java.awt.Dimension;
import java.awt.FlowLayout;

/**
 * The Connect tab's optional second sensor, low on the back (sacrum): a serial port typed in (remembered from the
 * last connection, {@code lower.port} in the settings), or nothing. A live
 * sensor connected while it holds a port runs with the lower one on a link of its own ({@link LiveSource#withLower},
 * as {@code live --lower-port}), and the session adds the spine angles between the two.
 */
final class LowerSensorField extends JPanel {
    private final JTextField port = new JTextField(18);

    /** @param remembered the port given last time ({@code lower.port} in the settings), or "" */
    LowerSensorField(String remembered) {
        super(new FlowLayout(FlowLayout.LEFT, 6, 4));
        port.setText(remembered);
        setBorder(BorderFactory.createTitledBorder("Lower sensor (optional, on the sacrum)"));
        port.setName("lowerPort");
        port.setToolTipText("A second sensor's serial port (e.g. /dev/ttyUSB1): spine angles between the two sensors");
        add(new JLabel("Serial port"));
        add(port);
        setMaximumSize(new Dimension(Integer.MAX_VALUE, 60));
    }

    /** The port as typed (trimmed), or "" for none. */
    String port() {
        return port.getText().trim();
    }

    /** The source to connect: a live sensor gets the lower one when a port is given; anything else is as it is. */
    SampleSource attachTo(SampleSource source) {
        String p = port.getText().trim();
        if (p.isEmpty() || !(source instanceof LiveSource live)) {
            return source;
        }
        return live.withLower(p, () -> new SerialTransport(p, SerialTransport.DEFAULT_BAUD));
    }
}
