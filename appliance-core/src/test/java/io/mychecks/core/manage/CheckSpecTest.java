package io.mychecks.core.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.mychecks.core.checks.CheckConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSpecTest {
    private static final CheckConfig CURRENT = named("Old name", "old-slug");

    private static CheckConfig named(String name, String slug) {
        var b = CheckConfig.defaults().toBuilder();
        b.name = name;
        b.slug = slug;
        return b.build();
    }

    private static CheckSpec.Builder spec() {
        return new CheckSpec.Builder();
    }

    @Test
    void newNameRegeneratesSlugWhenAsked() {
        var s = spec();
        s.name = "Nightly Backup";
        assertThat(s.build().applyTo(CURRENT, true).slug()).isEqualTo("nightly-backup");
        assertThat(s.build().applyTo(CURRENT, false).slug()).isEqualTo("old-slug");
        assertThat(s.build().applyTo(CURRENT, false).name()).isEqualTo("Nightly Backup");
    }

    @Test
    void explicitSlugWinsOverGeneratedOne() {
        var s = spec();
        s.name = "Nightly Backup";
        s.slug = "custom";
        assertThat(s.build().applyTo(CURRENT, true).slug()).isEqualTo("custom");
    }

    @Test
    void unchangedNameKeepsHandPickedSlug() {
        var s = spec();
        s.name = "Old name";
        assertThat(s.build().applyTo(named("Old name", "hand-picked"), true).slug())
                .isEqualTo("hand-picked");
    }

    @Test
    void generatedSlugIsCutToTheColumnWidth() {
        var s = spec();
        s.name = "㎒".repeat(100);
        assertThat(s.build().applyTo(CURRENT, true).slug()).hasSize(100);
    }

    @Test
    void timeoutAloneMakesCheckSimple() {
        var cron = CheckConfig.defaults().toBuilder();
        cron.kind = "cron";
        var s = spec();
        s.timeout = 600L;
        CheckConfig after = s.build().applyTo(cron.build(), false);
        assertThat(after.kind()).isEqualTo("simple");
        assertThat(after.timeout()).isEqualTo(600);
    }

    @Test
    void scheduleWinsOverTimeoutAndLeavesTimeoutAlone() {
        var s = spec();
        s.timeout = 600L;
        s.schedule = "0 5 * * *";
        CheckConfig after = s.build().applyTo(CheckConfig.defaults(), false);
        assertThat(after.kind()).isEqualTo("cron");
        assertThat(after.schedule()).isEqualTo("0 5 * * *");
        assertThat(after.timeout()).isEqualTo(86400);
    }

    @Test
    void deprecatedSubjectSetsKeywordsAndFilter() {
        var s = spec();
        s.subject = "SUCCESS";
        CheckConfig after = s.build().applyTo(CheckConfig.defaults(), false);
        assertThat(after.successKw()).isEqualTo("SUCCESS");
        assertThat(after.filterSubject()).isTrue();
        var clear = spec();
        clear.subject = "";
        clear.subjectFail = "";
        CheckConfig cleared = clear.build().applyTo(after, false);
        assertThat(cleared.successKw()).isEmpty();
        assertThat(cleared.filterSubject()).isFalse();
    }

    @Test
    void explicitKeywordsWinOverDeprecatedSubject() {
        var s = spec();
        s.subject = "from-subject";
        s.successKw = "explicit";
        s.filterSubject = false;
        CheckConfig after = s.build().applyTo(CheckConfig.defaults(), false);
        assertThat(after.successKw()).isEqualTo("explicit");
        assertThat(after.filterSubject()).isFalse();
    }

    @Test
    void absentFieldsLeaveTheCheckAlone() {
        assertThat(spec().build().applyTo(CURRENT, true)).isEqualTo(CURRENT);
    }

    @Test
    void uniqueKeyNeedsEveryListedField() {
        var s = spec();
        s.name = "a";
        s.unique = List.of("name", "timeout");
        assertThat(s.build().hasUniqueKey()).isFalse();
        s.timeout = 60L;
        assertThat(s.build().hasUniqueKey()).isTrue();
        s.unique = List.of();
        assertThat(s.build().hasUniqueKey()).isFalse();
    }
}
