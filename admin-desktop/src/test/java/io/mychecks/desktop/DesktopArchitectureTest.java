package io.mychecks.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The console's layers: views bind to ViewModels; the database is core's alone. */
class DesktopArchitectureTest {
    static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.mychecks.desktop");

    @Test
    void theConsoleNeverTouchesTheDatabaseDirectly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "io.mychecks.core.db.schema..", "java.sql..")
                .because("every query lives in core's stores; the console calls core's services")
                .check(CLASSES);
    }

    @Test
    void viewsOnlyBindToTheirViewModels() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("View")
                .should()
                .dependOnClassesThat()
                .haveNameMatching(
                        "io\\.mychecks\\.core\\..*(Store|Service|UserAdmin|Backups|DatabaseCare|Pruner|Appliance|Database)")
                .because("a view only reaches the backend through its ViewModel")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("io.mychecks.desktop.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theConsoleDoesNotCallTheDaemonOverHttp() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.net.http..", "io.mychecks.http..")
                .because("the console uses core directly, never the daemon's HTTP API")
                .check(CLASSES);
    }
}
