package io.leaddesk.ui.live;

import io.leaddesk.live.AutoSync;
import io.leaddesk.live.LiveEvent;
import io.leaddesk.live.RoundResult;
import io.leaddesk.ui.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The status line for auto-sync's events, from the {@code live.status.*} messages: "Checked for new leads at 10:02:
 * 3 new leads. Next check at 10:04." A failure is said once (auto-sync tells it once); a round that fails again, and
 * the start of a round, change nothing.
 */
final class LiveStatusText {
    private final Messages m;
    private final DateTimeFormatter time;

    LiveStatusText(Messages m, ZoneId zone) {
        this.m = m;
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(m.locale()).withZone(zone);
    }

    /** What the status line says after {@code e} ({@code status}: auto-sync's state right after it); null = nothing new. */
    String of(LiveEvent e, AutoSync.Status status) {
        Instant next = status == null ? null : status.nextRound();
        if (e instanceof LiveEvent.RoundFinished f) {
            RoundResult r = f.result();
            if (!r.ok()) {
                return null; // told by Trouble / Stopped, once
            }
            long news = r.news() == null ? 0 : r.news().total();
            String checked = m.format("live.status.checked", at(r.started()), news);
            return next == null ? checked : checked + " " + m.format("live.status.next", at(next));
        }
        if (e instanceof LiveEvent.RoundSkipped s) {
            return switch (s.reason()) {
                case STILL_RUNNING -> m.format("live.status.skipped.running", at(s.at()));
                case META_ASKED_TO_WAIT -> m.format("live.status.skipped.wait", at(s.nextRound()));
                case SYNC_IN_PROGRESS -> null; // the sync's own progress is on the line
            };
        }
        if (e instanceof LiveEvent.Trouble t) {
            return m.format("live.status.trouble", t.sentence() == null ? "" : t.sentence(), at(t.nextRound()));
        }
        if (e instanceof LiveEvent.TroubleOver) {
            return m.get("live.status.troubleOver");
        }
        if (e instanceof LiveEvent.Pace p) {
            return m.format("live.status.pace", p.usagePercent(), p.every().toMinutes());
        }
        if (e instanceof LiveEvent.Stopped s) {
            return m.format("live.status.stopped", s.sentence() == null ? "" : s.sentence());
        }
        if (e instanceof LiveEvent.Paused) {
            return m.get("live.status.paused.offline");
        }
        if (e instanceof LiveEvent.Resumed r) {
            return r.reason() == LiveEvent.PauseReason.SLEEP ? m.format("live.status.resumed.sleep", at(r.nextRound()))
                    : m.format("live.status.next", at(r.nextRound()));
        }
        return null;
    }

    /** The notice bar's sentence for {@code e}, or null: only a stop (token, permission, cache) goes there. */
    String notice(LiveEvent e) {
        if (e instanceof LiveEvent.Stopped s) {
            return m.format("live.notice.stopped", s.sentence() == null ? "" : s.sentence());
        }
        return null;
    }

    String at(Instant t) {
        return t == null ? "" : time.format(t);
    }
}
