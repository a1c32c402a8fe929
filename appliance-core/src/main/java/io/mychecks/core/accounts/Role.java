package io.mychecks.core.accounts;

import java.util.Optional;

/**
 * What a user may do in a project. The owner and superusers act as {@link #OWNER}; members hold one
 * of the three stored roles ({@code m}, {@code w}, {@code r}).
 */
public enum Role {
    OWNER("", "Owner"),
    MANAGER("m", "Manager"),
    MEMBER("w", "Member"),
    READONLY("r", "Read-only");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value stored in {@code members.role}; empty for the owner, who is not a member row. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** True when the role may change checks, integrations and keys. */
    public boolean canWrite() {
        return this != READONLY;
    }

    /** True when the role may invite and remove members. */
    public boolean canManageTeam() {
        return this == OWNER || this == MANAGER;
    }

    /** The member role stored as {@code code}; empty for anything else. */
    public static Optional<Role> ofMemberCode(String code) {
        for (Role r : values()) {
            if (r != OWNER && r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
