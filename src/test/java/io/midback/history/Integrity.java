package io.midback.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite's own check of a history file, on a connection of the test's own (the store may be open beside it). */
public final class Integrity {
    private Integrity() {
    }

    /** {@code PRAGMA integrity_check} on {@code db}: "ok", or the problems found, one a line. */
    public static String check(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            ResultSet rs = st.executeQuery("PRAGMA integrity_check");
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(rs.getString(1));
            }
            return sb.toString();
        } catch (SQLException e) {
            throw new AssertionError(db + ": integrity check failed to run: " + e.getMessage(), e);
        }
    }
}
