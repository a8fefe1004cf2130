package io.midback.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Keeps the shape of the program as an allowed list: which of Midback's packages each package may use
 * ({@link #MAY_USE}, the README's package table), no cycle among them, I/O libraries at the edges, drawing only
 * in ui and report. A new arrow between packages is a decision made here, not an accident.
 */
class ArchitectureTest {

    /** Package → the other Midback packages it may use. Every package is listed; nothing may use ui. */
    static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("sensor", List.of());
        MAY_USE.put("text", List.of());
        MAY_USE.put("protocol", List.of("sensor", "text"));
        MAY_USE.put("transport", List.of("sensor"));
        MAY_USE.put("orientation", List.of("sensor"));
        MAY_USE.put("posture", List.of("orientation", "sensor"));
        MAY_USE.put("align", List.of("orientation", "sensor"));
        MAY_USE.put("mobility", List.of("orientation", "posture", "sensor"));
        MAY_USE.put("breathing", List.of("sensor"));
        MAY_USE.put("routine", List.of("mobility", "orientation", "posture", "sensor"));
        MAY_USE.put("alert", List.of("posture", "sensor"));
        MAY_USE.put("recording", List.of("protocol", "sensor", "text"));
        MAY_USE.put("history", List.of("alert", "posture", "sensor"));
        MAY_USE.put("report", List.of("history", "alert", "mobility", "posture"));
        MAY_USE.put("sim", List.of("posture", "recording", "sensor", "text"));
        MAY_USE.put("eval", List.of("orientation", "recording", "sensor"));
        MAY_USE.put("live", List.of("protocol", "recording", "sensor", "sim", "text", "transport"));
        MAY_USE.put("app", List.of("alert", "align", "breathing", "history", "live", "mobility", "orientation",
                "posture", "recording", "routine", "sensor"));
        MAY_USE.put("cli", List.of("app", "alert", "align", "breathing", "eval", "history", "live", "mobility",
                "orientation", "posture", "protocol", "recording", "report", "routine", "sensor", "sim", "text",
                "transport"));
        MAY_USE.put("ui", List.of("app", "alert", "align", "breathing", "history", "live", "mobility", "orientation",
                "posture", "protocol", "recording", "report", "routine", "sensor", "sim", "text", "transport"));
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The compiled main classes only (scanning the whole class path for the package takes half a minute).
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classesDir(ArchitectureTest.class.getProtectionDomain(), "classes"));
    }

    /** {@code target/NAME} beside the test classes' folder. */
    private static Path classesDir(ProtectionDomain testClasses, String name) {
        try {
            return Path.of(testClasses.getCodeSource().getLocation().toURI()).resolveSibling(name);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule for one package: it uses no Midback package outside its row. */
    static ArchRule onlyAllowedUses(String root, String pkg, List<String> allowed) {
        List<String> ok = new ArrayList<>();
        ok.add(root + "." + pkg + "..");
        allowed.forEach(a -> ok.add(root + "." + a + ".."));
        DescribedPredicate<JavaClass> outside = resideInAPackage(root + "..")
                .and(DescribedPredicate.not(resideInAnyPackage(ok.toArray(String[]::new))));
        return noClasses().that().resideInAPackage(root + "." + pkg + "..")
                .should().dependOnClassesThat(outside.as("a package outside " + pkg + "'s row " + allowed));
    }

    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void everyPackageUsesOnlyWhatItsRowAllows() {
        for (Map.Entry<String, List<String>> row : MAY_USE.entrySet()) {
            if (classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.midback." + row.getKey()))) {
                onlyAllowedUses("io.midback", row.getKey(), row.getValue()).check(classes);
            }
        }
    }

    @Test
    void everyPackageHasARow() {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> {
            String rest = c.getPackageName().substring("io.midback".length());
            packages.add(rest.isEmpty() ? "(io.midback itself)" : rest.substring(1).split("\\.")[0]);
        });
        packages.removeAll(MAY_USE.keySet());
        assertEquals(Set.of(), packages, "packages with no row in the allowed list");
    }

    @Test
    void nothingUsesUi() {
        MAY_USE.forEach((pkg, uses) -> assertEquals(false, uses.contains("ui"), pkg + " may not use ui"));
    }

    @Test
    void packagesFormNoCycle() {
        noCycles("io.midback").check(classes);
    }

    /** The two rules catch what they are for: a cycle, and a use outside the row (fixture classes in tests). */
    @Test
    void theRulesFailOnACycleAndOnAnUnlistedUse() {
        JavaClasses fixture = new ClassFileImporter().importPath(
                classesDir(ArchitectureTest.class.getProtectionDomain(), "test-classes").resolve("io/midback/archfixture"));
        assertThrows(AssertionError.class, () -> noCycles("io.midback.archfixture").check(fixture));
        assertThrows(AssertionError.class,
                () -> onlyAllowedUses("io.midback.archfixture", "lower", List.of()).check(fixture));
        onlyAllowedUses("io.midback.archfixture", "upper", List.of("lower")).check(fixture);
    }

    @Test
    void onlyTransportTouchesSerialAndBluetoothLibraries() {
        noClasses().that().resideOutsideOfPackage("io.midback.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..", "javax.bluetooth..",
                        "javax.microedition..", "com.intel.bluetooth..")
                .check(classes);
    }

    @Test
    void onlyUiAndReportDraw() {
        noClasses().that().resideOutsideOfPackages("io.midback.ui..", "io.midback.report..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "org.jfree..", "com.formdev..")
                .check(classes);
    }

    @Test
    void onlyHistoryTalksSql() {
        noClasses().that().resideOutsideOfPackage("io.midback.history..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(classes);
    }
}
