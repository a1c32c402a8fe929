package io.mychecks.http;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
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

    /** The packages of http-server depend on each other without cycles. */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("io.mychecks.http.(*)..").should().beFreeOfCycles();

    /**
     * {@code server} is the toolkit at the bottom (Router, Responses, BoundedBody, FullBody …): it
     * knows no feature. {@code app} (Routes, HttpServer) composes the features at the top, and
     * nothing but the command line uses it.
     */
    @ArchTest
    static final ArchRule theToolkitKnowsNoFeature =
            noClasses()
                    .that(resideInAPackage("io.mychecks.http.server.."))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "io.mychecks.http.app..",
                            "io.mychecks.http.api..",
                            "io.mychecks.http.badges..",
                            "io.mychecks.http.cli..",
                            "io.mychecks.http.integrations..",
                            "io.mychecks.http.metrics..",
                            "io.mychecks.http.notify..",
                            "io.mychecks.http.ping..");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheComposition =
            noClasses()
                    .that(resideInAPackage("io.mychecks.http.."))
                    .and(resideOutsideOfPackage("io.mychecks.http.cli.."))
                    .and(resideOutsideOfPackage("io.mychecks.http.app.."))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.mychecks.http.app..");

    /** Handlers get the services they use, never the whole appliance. */
    @ArchTest
    static final ArchRule handlersDoNotTakeTheAppliance =
            noClasses()
                    .that(resideInAPackage("io.mychecks.http.."))
                    .and(resideOutsideOfPackage("io.mychecks.http.cli.."))
                    .and(resideOutsideOfPackage("io.mychecks.http.app.."))
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("io.mychecks.core.Appliance");

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
