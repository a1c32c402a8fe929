package io.mychecks.core;

import io.mychecks.core.accounts.AccountService;
import io.mychecks.core.accounts.ApiKeys;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.db.Migrations;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.mail.EmailPingParser;
import io.mychecks.core.mail.SmtpListener;
import io.mychecks.core.notify.ChannelStore;
import io.mychecks.core.pings.PingBatch;
import io.mychecks.core.pings.PingIntake;
import io.mychecks.core.pings.PingStore;
import io.mychecks.core.settings.Listen;
import io.mychecks.core.settings.Settings;
import java.time.Clock;

/**
 * The composition root: builds every store and service of the appliance from {@link Settings}
 * by constructor. Entry points (serve, smtpd, sendalerts, the console) start only the services
 * they need.
 */
public final class Appliance implements AutoCloseable {
    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final CheckStore checks = new CheckStore();
    private final PingStore pings = new PingStore();
    private final FlipStore flips = new FlipStore();
    private final ProjectStore projects = new ProjectStore();
    private final UserStore users = new UserStore();
    private final ChannelStore channels = new ChannelStore();
    private final FlipSignal flipSignal = new FlipSignal();
    private final ApiKeys apiKeys;
    private final PingIntake pingIntake;
    private final AccountService accounts;

    public Appliance(Settings settings, Clock clock, Database database) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.apiKeys = new ApiKeys(settings.secretKey());
        this.pingIntake = new PingIntake(database, clock,
                new PingBatch.Stores(checks, pings, flips, projects, channels), flipSignal);
        this.accounts = new AccountService(database, clock, users, projects, checks, channels, apiKeys, new PasswordHasher());
    }

    /** Opens the configured database, migrates it, and builds the appliance on the system clock. */
    public static Appliance open(Settings settings) {
        Database database = Database.open(settings);
        try {
            Migrations.migrate(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new Appliance(settings, Clock.systemUTC(), database);
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public CheckStore checks() {
        return checks;
    }

    public PingStore pings() {
        return pings;
    }

    public FlipStore flips() {
        return flips;
    }

    public ProjectStore projects() {
        return projects;
    }

    public UserStore users() {
        return users;
    }

    public ChannelStore channels() {
        return channels;
    }

    public FlipSignal flipSignal() {
        return flipSignal;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public PingIntake pingIntake() {
        return pingIntake;
    }

    public AccountService accounts() {
        return accounts;
    }

    /**
     * Returns a new, not yet started SMTP listener for email pings on {@code listen}, recording
     * through this appliance's ping intake with the default limits.
     */
    public SmtpListener smtpListener(Listen listen) {
        EmailPingParser parser = new EmailPingParser(settings.pingEmailDomain(), settings.pingBodyLimit());
        return new SmtpListener(listen, parser, pingIntake, SmtpListener.Limits.defaults());
    }

    @Override
    public void close() {
        pingIntake.stop();
        database.close();
    }
}
