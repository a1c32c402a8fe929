package io.mychecks.core;

import io.mychecks.core.accounts.ApiKeys;
import io.mychecks.core.accounts.LoginSessionStore;
import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.MemberStore;
import io.mychecks.core.accounts.PasswordHasher;
import io.mychecks.core.accounts.PasswordLogIn;
import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.accounts.ProjectAuth;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.alerts.AlertLoop;
import io.mychecks.core.alerts.DeliverySender;
import io.mychecks.core.alerts.FlipDispatcher;
import io.mychecks.core.alerts.GoingDownSweep;
import io.mychecks.core.alerts.NotificationStore;
import io.mychecks.core.badges.BadgeService;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.checks.ScanLimiter;
import io.mychecks.core.db.Database;
import io.mychecks.core.db.Migrations;
import io.mychecks.core.flips.FlipSignal;
import io.mychecks.core.flips.FlipStore;
import io.mychecks.core.heartbeat.Heartbeats;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.limits.TokenBucketStore;
import io.mychecks.core.login.LoginLinks;
import io.mychecks.core.login.SudoMode;
import io.mychecks.core.login.TwoFactor;
import io.mychecks.core.mail.CheckLookup;
import io.mychecks.core.mail.EmailPingParser;
import io.mychecks.core.mail.MailSender;
import io.mychecks.core.mail.SmtpListener;
import io.mychecks.core.manage.CheckQueries;
import io.mychecks.core.manage.CheckService;
import io.mychecks.core.manage.ChecksListWarmUp;
import io.mychecks.core.metrics.ProjectMetrics;
import io.mychecks.core.metrics.ServiceHealth;
import io.mychecks.core.notify.ChannelService;
import io.mychecks.core.notify.DeliveryStatusCallback;
import io.mychecks.core.notify.NotificationStatusStore;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.notify.email.BounceAddress;
import io.mychecks.core.notify.email.BounceProcessor;
import io.mychecks.core.operator.AccountService;
import io.mychecks.core.pings.PingBatch;
import io.mychecks.core.pings.PingIntake;
import io.mychecks.core.pings.PingStore;
import io.mychecks.core.profile.ProfileService;
import io.mychecks.core.profile.ReportSchedule;
import io.mychecks.core.reports.ReportLoop;
import io.mychecks.core.reports.ReportSender;
import io.mychecks.core.settings.Listen;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.teams.ProjectAdmin;
import io.mychecks.core.teams.Teams;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds every store and service of the appliance from {@link Settings} by
 * constructor. Entry points (serve, smtpd, sendalerts, the console) start only the services they
 * need.
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
    private Heartbeats heartbeats;
    private final ChannelStore channels = new ChannelStore();
    private final NotificationStore notifications = new NotificationStore();
    private final FlipSignal flipSignal = new FlipSignal();
    private final NotifierRegistry notifiers;
    private final ApiKeys apiKeys;
    private final PingIntake pingIntake;
    private final AccountService accounts;
    private final LoginSessions loginSessions;
    private final RateLimiter rateLimiter;
    private final PasswordLogIn passwordLogIn;
    private final CheckService checkService;
    private final CheckQueries checkQueries;
    private final MailSender mail;
    private final ChannelService channelService;
    private final ProjectAuth projectAuth;
    private final ServiceHealth serviceHealth;
    private final BadgeService badges;
    private final ProjectMetrics projectMetrics;
    private final DeliveryStatusCallback deliveryStatusCallback;
    private final BounceProcessor bounceProcessor;
    private final GoingDownSweep goingDownSweep;
    private final FlipDispatcher flipDispatcher;
    private final LoginLinks loginLinks;
    private final ProjectAccess projectAccess;
    private final Teams teams;
    private final ProjectAdmin projectAdmin;
    private final ProfileService profiles;
    private final TwoFactor twoFactor;
    private final SudoMode sudoMode;
    private final ReportSender reportSender;
    private ReportLoop reportLoop;
    private DeliverySender deliverySender;
    private AlertLoop alertLoop;

    public Appliance(Settings settings, Clock clock, Database database) {
        this(settings, clock, database, null);
    }

    /** An appliance with the given notifiers ({@code null}: every notifier on the class path). */
    public Appliance(
            Settings settings, Clock clock, Database database, NotifierRegistry notifiers) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.apiKeys = new ApiKeys(settings.secretKey());
        this.notifiers = notifiers != null ? notifiers : NotifierRegistry.load(settings, clock);
        this.pingIntake =
                new PingIntake(
                        database,
                        clock,
                        new PingBatch.Stores(checks, pings, flips, projects, channels),
                        flipSignal);
        this.accounts =
                new AccountService(
                        database,
                        clock,
                        users,
                        projects,
                        checks,
                        channels,
                        apiKeys,
                        new PasswordHasher());
        this.loginSessions = new LoginSessions(database, clock, new LoginSessionStore());
        this.rateLimiter = new RateLimiter(database, clock, new TokenBucketStore());
        this.passwordLogIn =
                new PasswordLogIn(
                        database,
                        clock,
                        users,
                        new PasswordHasher(),
                        loginSessions,
                        rateLimiter,
                        settings.secretKey());
        this.checkService = new CheckService(database, clock, checks, flips, channels, projects);
        this.checkQueries = new CheckQueries(database, checks, pings, flips, channels, projects);
        this.mail = MailSender.fromSettings(settings);
        this.channelService = new ChannelService(database, clock, channels, users, this.notifiers);
        this.loginLinks =
                new LoginLinks(database, clock, users, loginSessions, rateLimiter, mail, settings);
        MemberStore members = new MemberStore();
        this.projectAccess = new ProjectAccess(database, projects, members);
        this.teams =
                new Teams(
                        database,
                        clock,
                        users,
                        projects,
                        members,
                        loginLinks,
                        rateLimiter,
                        settings);
        this.projectAdmin = new ProjectAdmin(database, projects, apiKeys);
        this.twoFactor =
                new TwoFactor(database, clock, users, loginSessions, rateLimiter, settings);
        this.sudoMode =
                new SudoMode(
                        database,
                        clock,
                        new LoginSessionStore(),
                        new PasswordHasher(),
                        rateLimiter,
                        mail,
                        settings);
        ReportSchedule reportSchedule = new ReportSchedule();
        this.profiles =
                new ProfileService(
                        database,
                        clock,
                        users,
                        new PasswordHasher(),
                        loginSessions,
                        rateLimiter,
                        mail,
                        settings,
                        reportSchedule);
        this.reportSender =
                new ReportSender(
                        database,
                        clock,
                        users,
                        projectAccess,
                        checkQueries,
                        flips,
                        mail,
                        settings,
                        reportSchedule,
                        BounceAddress.fromSettings(settings, clock)::reportSender);
        this.projectAuth = new ProjectAuth(database, apiKeys, projects);
        this.serviceHealth =
                new ServiceHealth(database, clock, settings.get("METRICS_KEY"), pings, flips);
        // badges are public: at most two project-wide scans at once, shared with metrics
        ScanLimiter scans = new ScanLimiter(2);
        this.badges = new BadgeService(database, clock, checks, scans, settings);
        this.projectMetrics = new ProjectMetrics(database, clock, apiKeys, projects, scans);
        this.deliveryStatusCallback =
                new DeliveryStatusCallback(database, clock, new NotificationStatusStore());
        this.bounceProcessor =
                new BounceProcessor(
                        database,
                        BounceAddress.fromSettings(settings, clock),
                        new NotificationStatusStore(),
                        users);
        this.goingDownSweep = new GoingDownSweep(database, checks, flips);
        this.flipDispatcher =
                new FlipDispatcher(database, flips, channels, notifications, this.notifiers);
    }

    /** Opens the configured database, migrates it, and builds the appliance on the system clock. */
    public static Appliance open(Settings settings) {
        Database database = Database.open(settings);
        try {
            Migrations.migrate(database);
            fillMissingUniqueKeys(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new Appliance(settings, Clock.systemUTC(), database);
    }

    /** Fills the unique keys of checks that have none, a thousand per transaction. */
    private static void fillMissingUniqueKeys(Database database) {
        CheckStore checks = new CheckStore();
        while (database.inTransaction(cfg -> checks.fillMissingUniqueKeys(cfg.dsl(), 1000)) > 0) {
            // until none is left
        }
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

    public NotificationStore notifications() {
        return notifications;
    }

    public NotifierRegistry notifiers() {
        return notifiers;
    }

    /** The alert loop (sweep, dispatcher, and the sender with its delivery threads), built once. */
    public synchronized AlertLoop alertLoop() {
        if (alertLoop == null) {
            alertLoop =
                    new AlertLoop(
                            database,
                            clock,
                            checks,
                            goingDownSweep,
                            flipDispatcher,
                            deliverySender(),
                            flipSignal,
                            heartbeats());
        }
        return alertLoop;
    }

    /** The five prune tasks, in order. */
    public java.util.List<io.mychecks.core.prune.PruneTask> pruneTasks() {
        return io.mychecks.core.prune.PruneTasks.all(database, clock);
    }

    /** The daily prune of PRUNE_DAILY_AT, if it is set. */
    public Optional<io.mychecks.core.prune.DailyPrune> dailyPrune() {
        return settings.pruneDailyAt()
                .map(
                        at ->
                                new io.mychecks.core.prune.DailyPrune(
                                        pruneTasks(), clock, java.time.ZoneId.systemDefault(), at));
    }

    /** Signs of life of the long-running services (the alert loop's, for the console). */
    public synchronized Heartbeats heartbeats() {
        if (heartbeats == null) {
            heartbeats = new Heartbeats(database, clock);
        }
        return heartbeats;
    }

    /** Finds the project an API key opens. */
    public ProjectAuth projectAuth() {
        return projectAuth;
    }

    /** Database probe and service metrics. */
    public ServiceHealth serviceHealth() {
        return serviceHealth;
    }

    /** Status badges (public), sharing a limit of project-wide scans with project metrics. */
    public BadgeService badges() {
        return badges;
    }

    /** Prometheus metrics of a project. */
    public ProjectMetrics projectMetrics() {
        return projectMetrics;
    }

    /** Delivery-status callbacks of integrations that report them. */
    public DeliveryStatusCallback deliveryStatusCallback() {
        return deliveryStatusCallback;
    }

    /** Bounces of alert emails. */
    public BounceProcessor bounceProcessor() {
        return bounceProcessor;
    }

    public GoingDownSweep goingDownSweep() {
        return goingDownSweep;
    }

    public FlipDispatcher flipDispatcher() {
        return flipDispatcher;
    }

    /**
     * Threads of the alert loop's delivery sender. A delivery thread spends its time waiting on the
     * target's answer, so more threads than cores pay off: 32 let a lone project's burst use 24 at
     * once (a quarter stays free for other projects), so a few targets slow to answer (a refused
     * connection is tried again after a second) do not hold the burst back; each costs its stack
     * (512 KiB with the launcher's -Xss) and the alert in flight, not heap.
     */
    static final int DELIVERY_THREADS = 32;

    /** The delivery sender of this appliance's alert loop, built once. */
    public synchronized DeliverySender deliverySender() {
        if (deliverySender == null) {
            deliverySender = deliverySender(DELIVERY_THREADS);
        }
        return deliverySender;
    }

    /**
     * A new, separate delivery sender with its own pool of {@code threads}: another sender on the
     * same database, as a second daemon would have (tests, one-shot runs).
     */
    public DeliverySender deliverySender(int threads) {
        return new DeliverySender(
                database,
                clock,
                new DeliverySender.Stores(notifications, channels, checks, pings, flips, projects),
                notifiers,
                settings,
                threads);
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

    /**
     * Runs the ping path and the checks list on the data at hand before the daemon takes traffic,
     * each for at most {@code budget} (nothing is stored): the first pings and dashboard polls
     * after a start are served at full speed. Returns lines for the log.
     */
    public List<String> warmUp(Duration budget) {
        ChecksListWarmUp list =
                new ChecksListWarmUp(database, checks, projects, checkQueries, settings, clock);
        return List.of(pingIntake.warmUp(budget), list.run(budget));
    }

    /** Log-in sessions of the web UI, kept in the database. */
    public LoginSessions loginSessions() {
        return loginSessions;
    }

    /** Rate limits kept in the database ({@code token_buckets}). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Log-in by email address and password, rate-limited. */
    public PasswordLogIn passwordLogIn() {
        return passwordLogIn;
    }

    /** Log-in by emailed link. */
    public LoginLinks loginLinks() {
        return loginLinks;
    }

    /** Which projects a user of the web UI may open, and as what. */
    public ProjectAccess projectAccess() {
        return projectAccess;
    }

    /** A project's people: invitations, roles, ownership transfers. */
    public Teams teams() {
        return teams;
    }

    /** A project's name, keys and deletion. */
    public ProjectAdmin projectAdmin() {
        return projectAdmin;
    }

    /** What users change about their own account. */
    public ProfileService profiles() {
        return profiles;
    }

    /** TOTP two-factor log-in. */
    public TwoFactor twoFactor() {
        return twoFactor;
    }

    /** Sudo mode before sensitive account changes. */
    public SudoMode sudoMode() {
        return sudoMode;
    }

    /** Sends due reports and nags. */
    public ReportSender reportSender() {
        return reportSender;
    }

    /** The once-a-minute round of reports, nags and expired sessions (one per daemon). */
    public synchronized ReportLoop reportLoop() {
        if (reportLoop == null) {
            reportLoop =
                    new ReportLoop(reportSender, loginSessions, java.time.Duration.ofMinutes(1));
        }
        return reportLoop;
    }

    public AccountService accounts() {
        return accounts;
    }

    /** The admin console's user administration. */
    public io.mychecks.core.admin.UserAdmin userAdmin() {
        return new io.mychecks.core.admin.UserAdmin(
                database, users, accounts, new PasswordHasher(), loginSessions());
    }

    /** The admin console's status figures. */
    public io.mychecks.core.admin.StatusService statusService() {
        return new io.mychecks.core.admin.StatusService(database, settings, clock, heartbeats());
    }

    /** The database's size, and vacuum. */
    public io.mychecks.core.admin.DatabaseCare databaseCare() {
        return new io.mychecks.core.admin.DatabaseCare(database);
    }

    /** Creates, updates, pauses, resumes and deletes checks (the Management API's writes). */
    public CheckService checkService() {
        return checkService;
    }

    /** Reads checks, pings and flips for a project (the Management API's reads). */
    public CheckQueries checkQueries() {
        return checkQueries;
    }

    /** Outgoing email (EMAIL_* settings), for messages other than alerts. */
    public MailSender mail() {
        return mail;
    }

    /** Creating, listing, deleting and verifying channels. */
    public ChannelService channelService() {
        return channelService;
    }

    /**
     * Returns a new, not yet started SMTP listener for email pings on {@code listen}, recording
     * through this appliance's ping intake with the default limits.
     */
    public SmtpListener smtpListener(Listen listen) {
        EmailPingParser parser =
                new EmailPingParser(settings.pingEmailDomain(), settings.pingBodyLimit());
        return new SmtpListener(
                listen,
                parser,
                pingIntake,
                CheckLookup.of(database, checks),
                SmtpListener.Limits.defaults());
    }

    @Override
    public void close() {
        pingIntake.stop();
        database.close();
    }
}
