package io.mychecks.http.web;

import io.mychecks.core.accounts.LoginSessions;
import io.mychecks.core.accounts.PasswordLogIn;
import io.mychecks.core.accounts.ProjectAccess;
import io.mychecks.core.accounts.ProjectStore;
import io.mychecks.core.accounts.UserStore;
import io.mychecks.core.badges.BadgeService;
import io.mychecks.core.channels.ChannelStore;
import io.mychecks.core.checks.CheckStore;
import io.mychecks.core.db.Database;
import io.mychecks.core.limits.RateLimiter;
import io.mychecks.core.login.LoginLinks;
import io.mychecks.core.login.SudoMode;
import io.mychecks.core.login.TwoFactor;
import io.mychecks.core.manage.CheckQueries;
import io.mychecks.core.manage.CheckService;
import io.mychecks.core.notify.ChannelService;
import io.mychecks.core.notify.NotifierRegistry;
import io.mychecks.core.operator.AccountService;
import io.mychecks.core.profile.ProfileService;
import io.mychecks.core.reports.ReportSender;
import io.mychecks.core.settings.Settings;
import io.mychecks.core.teams.ProjectAdmin;
import io.mychecks.core.teams.Teams;
import java.time.Clock;

/** The services the web UI's pages use, handed over by the composition root. */
public record WebServices(
        Settings settings,
        Clock clock,
        Database database,
        UserStore users,
        ProjectStore projects,
        CheckStore checks,
        ChannelStore channels,
        NotifierRegistry notifiers,
        CheckQueries checkQueries,
        CheckService checkService,
        ChannelService channelService,
        LoginSessions loginSessions,
        PasswordLogIn passwordLogIn,
        LoginLinks loginLinks,
        RateLimiter rateLimiter,
        ProjectAccess projectAccess,
        AccountService accounts,
        Teams teams,
        ProjectAdmin projectAdmin,
        ProfileService profiles,
        ReportSender reportSender,
        BadgeService badges,
        TwoFactor twoFactor,
        SudoMode sudoMode) {}
