package dev.waypoint.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of DESIGN.md, checked on the compiled classes of every module. */
class ModuleRulesTest {

    private static final String[] DOMAIN = {
            "dev.waypoint.core.taxonomy..", "dev.waypoint.core.evidence..", "dev.waypoint.core.identity..",
            "dev.waypoint.core.readiness..", "dev.waypoint.core.pathing..", "dev.waypoint.core.verification.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.waypoint");
    }

    @Test
    void coreImportsNoAdapterAndNotTheApp() {
        noClasses().that().resideInAPackage("dev.waypoint.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.waypoint.moodle..", "dev.waypoint.canvas..", "dev.waypoint.xapi..", "dev.waypoint.app..")
                .check(classes);
    }

    @Test
    void coreImportsNoWebFrameworkClass() {
        noClasses().that().resideInAPackage("dev.waypoint.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                        "org.springframework.boot..", "org.springframework.security..")
                .check(classes);
    }

    @Test
    void domainPackagesImportNoSpringJdbcOrHttp() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "java.net.http..", "okhttp3..",
                        "jakarta..", "dev.waypoint.core.store..", "dev.waypoint.core.ingest..", "dev.waypoint.core.engine..")
                .check(classes);
    }

    @Test
    void adaptersDependOnCoreOnlyNeverOnEachOther() {
        noClasses().that().resideInAPackage("dev.waypoint.moodle..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.waypoint.canvas..", "dev.waypoint.xapi..", "dev.waypoint.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.waypoint.canvas..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.waypoint.moodle..", "dev.waypoint.xapi..", "dev.waypoint.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.waypoint.xapi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.waypoint.moodle..", "dev.waypoint.canvas..", "dev.waypoint.app..")
                .check(classes);
    }
}
