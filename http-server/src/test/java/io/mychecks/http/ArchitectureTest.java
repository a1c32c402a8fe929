package io.mychecks.http;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mychecks.core.testing.ArchitectureRules;

/** The shape of http-server: no package cycles, no SQL, no desktop code. */
@AnalyzeClasses(packages = "io.mychecks.http", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * {@code server.Routes} is the one list of every URL (STYLE.md 3.6), so it names the handlers
     * of every feature package while those use server's helpers (Responses, Router): its outgoing
     * dependencies are the one exception.
     */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("io.mychecks.http.(*)..")
                    .should()
                    .beFreeOfCycles()
                    .ignoreDependency(
                            name("io.mychecks.http.server.Routes"),
                            resideOutsideOfPackage("io.mychecks.http.server"));

    @ArchTest
    static final ArchRule noDesktopCode =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("javafx..", "org.controlsfx..", "io.mychecks.desktop..");

    @ArchTest
    static final ArchRule noGeneratedSchema = ArchitectureRules.onlyStoresUseTheGeneratedSchema();

    @ArchTest static final ArchRule noQueries = ArchitectureRules.onlyStoresBuildQueries();

    @ArchTest
    static final ArchRule mainCodeUsesNoTestSupport =
            noClasses()
                    .that(resideInAPackage("io.mychecks.http.."))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.mychecks.core.testing..");
}
