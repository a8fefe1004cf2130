package io.midback.sim;

/** A scenario file that cannot be read; the message names the file and line. */
public final class ScenarioFormatException extends RuntimeException {
    private final String source;
    private final int line;

    public ScenarioFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
