package io.mychecks.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeTreeTest {
    static byte[] bytes(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static List<String> bodies(byte[] raw) {
        return MimeTree.leaves(raw, p -> false).stream()
                .map(s -> new String(s.rawBody(), StandardCharsets.UTF_8))
                .toList();
    }

    /** The reviewers' bomb: 350,000 empty parts in 2.4 MB. */
    static byte[] emptyPartsBomb(int parts) {
        StringBuilder m =
                new StringBuilder(
                        "From: a@example.org\r\nSubject: bomb\r\nMIME-Version: 1.0\r\n"
                                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < parts; i++) {
            m.append("--b\r\n\r\n");
        }
        m.append("--b--\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    @Test
    void partsAreSplitAtTheirBoundaryLines() {
        byte[] raw =
                bytes(
                        """
                        Content-Type: multipart/mixed; boundary="xx"

                        preamble
                        --xx
                        Content-Type: text/plain

                        one
                        --xxnot a delimiter
                        --xx \t
                        Content-Type: text/plain

                        two
                        --xx--
                        epilogue
                        --xx
                        after the end
                        """);
        assertThat(bodies(raw)).containsExactly("one\r\n--xxnot a delimiter", "two");
    }

    @Test
    void aMissingClosingDelimiterEndsThePartAtTheEnd() {
        byte[] raw =
                bytes(
                        """
                        Content-Type: multipart/mixed; boundary=b

                        --b

                        last""");
        assertThat(bodies(raw)).containsExactly("last");
    }

    @Test
    void aMultipartWithoutItsBoundaryIsOnePart() {
        byte[] raw = bytes("Content-Type: multipart/mixed; boundary=b\n\nno delimiter here\n");
        List<MimeTree.Slice> leaves = MimeTree.leaves(raw, p -> false);
        assertThat(leaves).hasSize(1);
        assertThat(leaves.get(0).depth()).isZero();
    }

    @Test
    void atMostTheBoundOfPartsIsRead() {
        byte[] raw = emptyPartsBomb(1_000);
        assertThat(MimeTree.leaves(raw, p -> false)).hasSize(MimeTree.MAX_PARTS - 1);
    }

    @Test
    void nestingDeeperThanTheBoundIsLeftUnread() {
        StringBuilder m = new StringBuilder();
        int levels = 50;
        for (int i = 0; i < levels; i++) {
            m.append("Content-Type: multipart/mixed; boundary=b")
                    .append(i)
                    .append("\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        m.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        List<MimeTree.Slice> leaves =
                MimeTree.leaves(m.toString().getBytes(StandardCharsets.US_ASCII), p -> false);
        assertThat(leaves).isEmpty();

        StringBuilder shallow = new StringBuilder();
        for (int i = 0; i < MimeTree.MAX_DEPTH; i++) {
            shallow.append("Content-Type: multipart/mixed; boundary=b")
                    .append(i)
                    .append("\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        shallow.append("Content-Type: text/plain\r\n\r\nfound");
        assertThat(bodies(shallow.toString().getBytes(StandardCharsets.US_ASCII)))
                .containsExactly("found");
    }

    @Test
    void headersAreReadUpToTheirBound() {
        StringBuilder m = new StringBuilder("Subject: first\r\n");
        while (m.length() < 3 * MimeTree.MAX_HEADER_BYTES) {
            m.append("X-Filler: ").append("y".repeat(60)).append("\r\n");
        }
        m.append("X-Late: too late\r\n\r\nbody");
        byte[] raw = m.toString().getBytes(StandardCharsets.US_ASCII);
        assertThat(MimeTree.headers(raw).getHeader("Subject", null)).isEqualTo("first");
        assertThat(MimeTree.headers(raw).getHeader("X-Late", null)).isNull();
        assertThat(bodies(raw)).containsExactly("body");
    }

    @Test
    void theEmptyPartsBombIsReadQuicklyAndInLittleMemory() {
        byte[] raw = emptyPartsBomb(350_000);
        assertThat(raw.length).isGreaterThan(2_400_000);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> {
                    long before = allocatedBytes();
                    List<MimeTree.Slice> leaves = MimeTree.leaves(raw, p -> false);
                    long allocated = allocatedBytes() - before;
                    assertThat(leaves).hasSizeLessThanOrEqualTo(MimeTree.MAX_PARTS);
                    assertThat(allocated).isLessThan(16L * 1024 * 1024);
                });
    }
}
