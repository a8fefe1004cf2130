package io.midback.testing;

import org.junit.jupiter.api.Assertions;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, instead of sleeping for a time that is hoped to be enough. */
public final class Poll {
    private Poll() {
    }

    /** Polls {@code condition} every 10 ms until it holds; fails the test with {@code what} at the deadline. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("not within " + timeout + ": " + what.get());
            }
            Thread.sleep(10);
        }
    }
}
