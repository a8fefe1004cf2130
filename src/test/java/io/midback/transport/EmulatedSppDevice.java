package io.midback.transport;

import com.intel.bluetooth.BlueCoveImpl;
import com.intel.bluetooth.EmulatorTestsHelper;

import javax.bluetooth.DiscoveryAgent;
import javax.bluetooth.LocalDevice;
import javax.microedition.io.Connector;
import javax.microedition.io.StreamConnection;
import javax.microedition.io.StreamConnectionNotifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device on Bluecove's emulator stack, with its own emulated adapter (address fixed so that
 * {@code bluecove.emulator.properties} on the test class path names it), offering an SPP service. It accepts one
 * client, hands the test its streams, and records what the client sends.
 */
final class EmulatedSppDevice implements AutoCloseable {
    private final CompletableFuture<OutputStream> toClient = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final BlockingQueue<Integer> receivedSignal = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile StreamConnectionNotifier notifier;
    private volatile StreamConnection connection;

    /** Starts the device's own emulated stack and its SPP service. */
    EmulatedSppDevice(String address, String serviceName) throws Exception {
        thread = new Thread(() -> run(address, serviceName), "emulated-spp " + address);
        thread.setDaemon(true);
        thread.start();
        ready.get(10, TimeUnit.SECONDS);
    }

    private void run(String address, String serviceName) {
        try {
            EmulatorTestsHelper.useThreadLocalEmulator(null, address);
            LocalDevice.getLocalDevice().setDiscoverable(DiscoveryAgent.GIAC);
            notifier = (StreamConnectionNotifier) Connector.open("btspp://localhost:"
                    + BluetoothDiscovery.SPP + ";name=" + serviceName);
            ready.complete(null);
            connection = notifier.acceptAndOpen();
            OutputStream out = connection.openOutputStream();
            toClient.complete(out);
            InputStream in = connection.openInputStream();
            byte[] buf = new byte[1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (received) {
                    received.write(buf, 0, n);
                }
                receivedSignal.add(n);
            }
        } catch (Throwable e) {
            ready.completeExceptionally(e);
            toClient.completeExceptionally(e);
        } finally {
            BlueCoveImpl.shutdownThreadBluetoothStack();
        }
    }

    /** The stream to the connected client, once one has connected. */
    OutputStream awaitClient() throws Exception {
        return toClient.get(15, TimeUnit.SECONDS);
    }

    /** Waits until the client has sent at least {@code n} bytes; returns all it sent. */
    byte[] awaitReceived(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            synchronized (received) {
                if (received.size() >= n) {
                    return received.toByteArray();
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0 || receivedSignal.poll(left, TimeUnit.NANOSECONDS) == null) {
                synchronized (received) {
                    return received.toByteArray();
                }
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (connection != null) {
            connection.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        thread.join(5_000);
    }
}
