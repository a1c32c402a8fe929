package io.mychecks.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * ArchUnit rules every module checks (JabRef's shared architecture test): SQL lives in {@code
 * *Store} classes only.
 */
public final class ArchitectureRules {
    /** jOOQ types any class may hold to pass a transaction on to a store. */
    private static final Set<String> TRANSACTION_HANDLES =
            Set.of(
                    "org.jooq.DSLContext",
                    "org.jooq.Configuration",
                    "org.jooq.TransactionalCallable",
                    "org.jooq.TransactionalRunnable");

    /** DSLContext methods that build no query. */
    private static final Set<String> HARMLESS_DSL_METHODS =
            Set.of("dialect", "configuration", "settings");

    private ArchitectureRules() {}

    /** A {@code *Store} class (or a class nested in one), or the database package itself. */
    public static final DescribedPredicate<JavaClass> STORE_OR_DATABASE =
            DescribedPredicate.describe(
                    "*Store classes and io.mychecks.core.db..",
                    c -> {
                        JavaClass top = c;
                        while (top.getEnclosingClass().isPresent()) {
                            top = top.getEnclosingClass().get();
                        }
                        return top.getSimpleName().endsWith("Store")
                                || c.getPackageName().startsWith("io.mychecks.core.db");
                    });

    private static final DescribedPredicate<JavaClass> OUTSIDE_STORES =
            DescribedPredicate.describe(
                    "are neither *Store classes nor in io.mychecks.core.db..",
                    c -> !STORE_OR_DATABASE.test(c));

    private static final DescribedPredicate<JavaClass> JOOQ_QUERY_API =
            DescribedPredicate.describe(
                    "are jOOQ's query API (org.jooq.. except a transaction handle)",
                    c ->
                            c.getPackageName().startsWith("org.jooq")
                                    && !TRANSACTION_HANDLES.contains(c.getName()));

    private static final DescribedPredicate<JavaMethodCall> QUERY_ON_DSL_CONTEXT =
            DescribedPredicate.describe(
                    "the method is a query-building method of DSLContext",
                    call ->
                            call.getTargetOwner().isAssignableTo("org.jooq.DSLContext")
                                    && !HARMLESS_DSL_METHODS.contains(call.getName()));

    /** Outside stores, nobody touches the generated tables and records. */
    public static ArchRule onlyStoresUseTheGeneratedSchema() {
        return noClasses()
                .that(OUTSIDE_STORES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.mychecks.core.db.schema..")
                .because("SQL lives only in *Store classes (STYLE.md 3.5)");
    }

    /** Outside stores, jOOQ is only a transaction handle passed on to a store. */
    public static ArchRule onlyStoresBuildQueries() {
        return noClasses()
                .that(OUTSIDE_STORES)
                .should()
                .dependOnClassesThat(JOOQ_QUERY_API)
                .orShould()
                .callMethodWhere(QUERY_ON_DSL_CONTEXT)
                .because("SQL lives only in *Store classes (STYLE.md 3.5)");
    }
}
