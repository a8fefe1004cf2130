package io.midback.history;

/** CSV quoting (RFC 4180). */
public final class Csv {
    private Csv() {
    }

    public static String quote(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
