package io.mychecks.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    private static final String SHARED_HTTP = "io.mychecks.core.notify.http";

    /** A notifier kind's own package: {@code io.mychecks.core.notify.<kind>..}. */
    static final DescribedPredicate<JavaClass> IN_A_KIND_PACKAGE =
            DescribedPredicate.describe(
                    "reside in a notifier kind's package (io.mychecks.core.notify.<kind>..)",
                    c ->
                            c.getPackageName().startsWith("io.mychecks.core.notify.")
                                    && !c.getPackageName().startsWith(SHARED_HTTP));

    /**
     * A kind is one package (DESIGN.md, CONTRIBUTING.md): kinds share only the notify package and
     * the outbound HTTP client, never each other's classes.
     */
    @ArchTest
    static final ArchRule notifierKindsDoNotDependOnEachOther =
            slices().matching("io.mychecks.core.notify.(*)..")
                    .should()
                    .notDependOnEachOther()
                    .ignoreDependency(
                            DescribedPredicate.alwaysTrue(),
                            JavaClass.Predicates.resideInAPackage(SHARED_HTTP + ".."))
                    .because("a notifier kind is one package that others never name");

    /**
     * Nothing outside a kind names it: the registry finds kinds through ServiceLoader, and the
     * shared code calls only the SPI (the kinds' compiled templates are theirs). The one exception
     * is the composition root, {@code Appliance}, which builds the email kind's bounce processor
     * for the {@code /api/vN/bounces/} endpoint: wiring, not a rule of the kind.
     */
    @ArchTest
    static final ArchRule sharedCodeDoesNotDependOnAnyKind =
            noClasses()
                    .that(DescribedPredicate.not(IN_A_KIND_PACKAGE))
                    .and()
                    .resideOutsideOfPackage("io.mychecks.core.jte..")
                    .and()
                    .doNotHaveFullyQualifiedName("io.mychecks.core.Appliance")
                    .should()
                    .dependOnClassesThat(IN_A_KIND_PACKAGE)
                    .because("adding a notifier kind must not touch shared code");

    @ArchTest
    static final ArchRule onlyStoresUseTheGeneratedSchema =
            ArchitectureRules.onlyStoresUseTheGeneratedSchema();

    @ArchTest
    static final ArchRule onlyStoresBuildQueries = ArchitectureRules.onlyStoresBuildQueries();
}
