package io.mychecks.core.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of IP addresses and CIDR ranges, such as {@code 127.0.0.1, 10.0.0.0/8, fd00::/8}, as the
 * {@code TRUSTED_PROXIES} setting holds it. Only literal addresses are accepted: nothing is looked
 * up in DNS.
 */
public final class AddressRanges {
    /** Characters of an IPv4 or IPv6 literal. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Returns the ranges of {@code raw}; throws IllegalArgumentException if it is not a list. */
    public static AddressRanges parse(String raw) {
        List<Range> ranges = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                if (raw.isBlank()) {
                    break;
                }
                throw new IllegalArgumentException("has an empty entry");
            }
            ranges.add(range(item));
        }
        return new AddressRanges(ranges);
    }

    /** Returns null when {@code raw} is a valid list, else a short reason. */
    static String problem(String raw) {
        try {
            parse(raw);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** True when the list is empty. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** True when {@code address} lies in one of the ranges (IPv4-mapped IPv6 counts as IPv4). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            byte[] v4 = new byte[4];
            System.arraycopy(bytes, 12, v4, 0, 4);
            bytes = v4;
        }
        for (Range r : ranges) {
            if (r.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static Range range(String item) {
        int slash = item.indexOf('/');
        String address = slash < 0 ? item : item.substring(0, slash);
        byte[] bytes = literal(address, item);
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = item.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                throw new IllegalArgumentException(
                        "'" + item + "' has a prefix length that is not 0 to " + max);
            }
            prefix = Integer.parseInt(bits);
        }
        return new Range(bytes, prefix);
    }

    private static boolean isIpv4(String address) {
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String address, String item) {
        boolean v4 = isIpv4(address);
        if (!LITERAL.matcher(address).matches() || (!v4 && address.indexOf(':') < 0)) {
            throw new IllegalArgumentException("'" + item + "' is not an IP address or CIDR range");
        }
        try {
            // a literal: InetAddress parses it without any lookup
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + item + "' is not an IP address or CIDR range");
        }
    }
}
