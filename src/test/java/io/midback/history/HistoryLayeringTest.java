package io.midback.history;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code history} stays free of charts and windows: only {@code report} and {@code ui} may use them. */
class HistoryLayeringTest {
    @Test
    void historyClassesReferNoChartOrWindowClasses() throws IOException, URISyntaxException {
        Path dir = Path.of(HistoryStore.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/midback/history");
        List<Path> classes;
        try (Stream<Path> s = Files.list(dir)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(classes.size() > 10, "found the history classes in " + dir);
        List<String> offenders = classes.stream().filter(p -> {
            try {
                // class names in the constant pool are stored in internal form, as (modified) UTF-8
                String pool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                return pool.contains("org/jfree/") || pool.contains("javax/swing/") || pool.contains("java/awt/")
                        || pool.contains("io/midback/report/") || pool.contains("io/midback/ui/")
                        || pool.contains("io/midback/cli/");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of(), offenders);
    }
}
