package io.midback.cli;

/** Entry point of the {@code midback} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MidbackCommand.run(args));
    }
}
