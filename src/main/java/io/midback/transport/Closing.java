package io.midback.transport;

import javax.microedition.io.Connection;
import java.io.Closeable;
import java.io.IOException;

/** Closing what belongs to a link that is already broken or being torn down: failures there say nothing new. */
final class Closing {
    private Closing() {
    }

    static void quietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a dead link: nothing to report
            }
        }
    }

    /** JSR-82 connections are not {@link Closeable}. */
    static void quietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
