package io.mychecks.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.mychecks.core.testing.ArchitectureRules;

/** The shape of appliance-core (STYLE.md 3.1): headless, no package cycles, SQL in stores. */
@AnalyzeClasses(packages = "io.mychecks.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsHeadless =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("io.undertow..", "org.xnio..", "javafx..", "picocli..")
                    .because(
                            "the web server, the console and the command line build on core, never the reverse");

    /**
     * One known exception: notify reads the {@code Ping} record (and its kind) to show the last
     * ping in alert messages, while pings assigns a new check's channels through ChannelStore and
     * finds projects through accounts. Without it: notify -> pings -> notify and accounts -> notify
     * -> pings -> accounts. Both records are plain values; the integrator may move them.
     */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("io.mychecks.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyStoresUseTheGeneratedSchema =
            ArchitectureRules.onlyStoresUseTheGeneratedSchema();

    @ArchTest
    static final ArchRule onlyStoresBuildQueries = ArchitectureRules.onlyStoresBuildQueries();
}
