package io.midback.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A serial port through jSerialComm: USB serial adapters and OS-bound Bluetooth SPP ports alike
 * ({@code /dev/ttyUSB0}, {@code /dev/rfcomm0}, {@code COM7}, {@code /dev/cu.NAME}), 8N1 at a configurable baud
 * rate. Reads block with a timeout on the transport's own thread; every failed call becomes a
 * {@link TransportException} naming the port.
 */
public final class SerialTransport extends ReaderThreadTransport {
    public static final int DEFAULT_BAUD = 115_200;
    /** How long one blocking read waits before checking whether the transport is being closed. */
    static final int READ_TIMEOUT_MS = 100;

    private final String portName;
    private final int baud;
    private SerialPort port;

    public SerialTransport(String portName, int baud) {
        super(4096);
        if (portName == null || portName.isBlank()) {
            throw new IllegalArgumentException("a serial port name is required");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baud);
        }
        this.portName = portName;
        this.baud = baud;
    }

    @Override
    public String name() {
        return portName;
    }

    /** errno EAGAIN/EWOULDBLOCK: the port's lock is held by another program. */
    private static final int LOCKED = 11;
    private static final int OPEN_ATTEMPTS_WHEN_LOCKED = 20;

    @Override
    void connect() throws IOException {
        if (portName.indexOf('/') >= 0 && !Files.exists(Path.of(portName))) {
            // jSerialComm would look for the name under /dev and report that path instead: name the one given
            throw new TransportException("serial port " + portName + " does not exist (no such file); `midback "
                    + "scan` lists the ports");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(portName);
        } catch (SerialPortInvalidPortException e) {
            throw new TransportException("serial port " + portName + " does not exist or cannot be used; "
                    + "`midback scan` lists the ports", e);
        }
        if (!p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY)) {
            throw new TransportException("serial port " + portName + ": cannot set " + baud + " baud 8N1");
        }
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, 1000)) {
            throw new TransportException("serial port " + portName + ": cannot set read timeouts");
        }
        // A port another program holds locked (EWOULDBLOCK) is often released within moments: a few tries, a
        // tenth of a second apart, before the failure is reported.
        for (int attempt = 1; !p.openPort(); attempt++) {
            if (p.getLastErrorCode() != LOCKED || attempt >= OPEN_ATTEMPTS_WHEN_LOCKED) {
                throw new TransportException("cannot open serial port " + portName + openFailure(p));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("cannot open serial port " + portName + ": interrupted");
            }
        }
        port = p;
    }

    private String openFailure(SerialPort p) {
        int code = p.getLastErrorCode();
        String hint = switch (code) {
            case 2 -> ": no such port; `midback scan` lists the ports";
            case 13 -> ": permission denied (on Linux add yourself to the dialout group: sudo usermod -aG dialout $USER,"
                    + " then log in again)";
            case 16 -> ": the port is busy (another program has it open)";
            case LOCKED -> ": the port is locked by another program";
            default -> code == 0 ? ": the port is missing, busy or not a serial device"
                    : " (error " + code + " at " + p.getLastErrorLocation() + ")";
        };
        return hint;
    }

    @Override
    int read(byte[] buf) throws IOException {
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            return -1;
        }
        return n;
    }

    @Override
    void send(byte[] data) throws IOException {
        int off = 0;
        while (off < data.length) {
            int n = port.writeBytes(data, data.length - off, off);
            if (n < 0) {
                throw new TransportException("write to serial port " + portName + " failed (error "
                        + port.getLastErrorCode() + ")");
            }
            if (n == 0) {
                throw new TransportException("write to serial port " + portName + " timed out");
            }
            off += n;
        }
    }

    @Override
    void release() {
        SerialPort p = port;
        if (p != null) {
            p.closePort();
        }
    }
}
