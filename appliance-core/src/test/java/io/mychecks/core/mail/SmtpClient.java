package io.mychecks.core.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A raw SMTP client for tests: sends lines or bytes and reads replies, nothing hidden. */
final class SmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    final String greeting;

    SmtpClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            greeting = reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends one command line and returns the reply (the lines of a multi-line reply joined by \n).
     */
    String command(String line) {
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return reply();
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one reply; null when the server closed the connection. */
    String reply() {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = readLine();
            if (line == null) {
                return all.length() == 0 ? null : all.toString();
            }
            all.append(all.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            if (b == -1 && line.size() == 0) {
                return null;
            }
        } catch (SocketException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Sends a whole transaction and returns the reply to the end of DATA. */
    String send(String from, List<String> recipients, String message) {
        expect(command("MAIL FROM:<" + from + ">"), "250");
        for (String r : recipients) {
            expect(command("RCPT TO:<" + r + ">"), "250");
        }
        expect(command("DATA"), "354");
        return data(message);
    }

    /** Sends the message text (CRLF line ends, dot-stuffed) and the final dot. */
    String data(String message) {
        String crlf = message.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!crlf.endsWith("\r\n")) {
            crlf += "\r\n";
        }
        String stuffed = crlf.replace("\r\n.", "\r\n..");
        if (stuffed.startsWith(".")) {
            stuffed = "." + stuffed;
        }
        write((stuffed + ".\r\n").getBytes(StandardCharsets.UTF_8));
        return reply();
    }

    static void expect(String reply, String code) {
        if (reply == null || !reply.startsWith(code)) {
            throw new AssertionError("expected " + code + " but got " + reply);
        }
    }

    /** True once the server has closed the connection (reads end of stream). */
    boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
