package io.midback.transport;

import com.fazecast.jSerialComm.SerialPort;

/** A child process for {@link SerialTransportTest}: another program that opens a serial port and keeps it. */
public final class PortHolderChild {
    private PortHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        SerialPort p = SerialPort.getCommPort(args[0]);
        System.out.println(p.openPort() ? "holding" : "cannot open: " + p.getLastErrorCode());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
