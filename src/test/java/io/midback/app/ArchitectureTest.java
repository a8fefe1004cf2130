package io.midback.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the shape of the program: I/O libraries at the edges, drawing only in ui and report, ui on top. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.midback");
    }

    @Test
    void onlyTransportTouchesSerialAndBluetoothLibraries() {
        noClasses().that().resideOutsideOfPackage("io.midback.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..", "javax.bluetooth..",
                        "javax.microedition..", "com.intel.bluetooth..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyUiAndReportDraw() {
        noClasses().that().resideOutsideOfPackages("io.midback.ui..", "io.midback.report..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "org.jfree..", "com.formdev..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingImportsUi() {
        noClasses().that().resideOutsideOfPackage("io.midback.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.midback.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void valueAndAlgorithmPackagesStayFreeOfIoAndWiring() {
        noClasses().that().resideInAnyPackage("io.midback.sensor..", "io.midback.orientation..",
                        "io.midback.posture..", "io.midback.alert..", "io.midback.protocol..",
                        "io.midback.breathing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.midback.app..", "io.midback.cli..",
                        "io.midback.ui..", "io.midback.transport..", "io.midback.history..", "io.midback.report..",
                        "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sharedValueAndTextPackagesDependOnNothingElseHere() {
        noClasses().that().resideInAnyPackage("io.midback.sensor..", "io.midback.text..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.midback.sensor..", "io.midback.text..", "java..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
