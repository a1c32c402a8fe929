package io.mychecks.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Backup Job|backup-job",
                "  Nightly   backups  |nightly-backups",
                "Café Crème|cafe-creme",
                "a - b -- c|a-b-c",
                "-_leading and trailing_-|leading-and-trailing",
                "snake_case_name|snake_case_name",
                "a _ b|a-_-b",
                "Hello, World! (prod)|hello-world-prod",
                "db#1/2|db12",
                "ÆØ 日本語|",
                "Åsa|asa",
                "'tab\there'|tab-here",
                "x ... y|x-y",
                "MiXeD 123|mixed-123",
                "ﬁle ㎒|file-mhz",
            })
    void slugifyFoldsLowersAndJoinsWithHyphens(String name, String slug) {
        assertThat(Slugs.slugify(name)).isEqualTo(slug == null ? "" : slug);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''|''", "'---'|''", "'___'|''", "' '|''"})
    void slugifyOfOnlySeparatorsIsEmpty(String name, String slug) {
        assertThat(Slugs.slugify(name)).isEqualTo(slug);
    }
}
