package io.leaddesk.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the access doctor found: the token, every Page, and the token's own problems ({@link #problems()}; each
 * Page's are in its {@link PageReport#problems()}).
 */
public record AccessReport(TokenReport token, List<PageReport> pages, List<Finding> problems, Instant checkedAt) {
    public AccessReport {
        pages = pages == null ? List.of() : List.copyOf(pages);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** How the check ended, as the command line's exit code tells it. */
    public enum Outcome {
        /** Every Page's leads can be read (exit 0). */
        READABLE,
        /** Some Page's leads cannot be read, or the token cannot be used (exit 3). */
        BLOCKED,
        /** Meta could not be reached (exit 4). */
        UNREACHABLE
    }

    public Outcome outcome() {
        if (all().stream().anyMatch(f -> f.code() == FindingCode.META_UNREACHABLE)) {
            return Outcome.UNREACHABLE;
        }
        return everyPageReadable() ? Outcome.READABLE : Outcome.BLOCKED;
    }

    /** At least one Page, the leads of each of them readable, and no blocking problem with the token. */
    public boolean everyPageReadable() {
        return !pages.isEmpty() && pages.stream().allMatch(PageReport::canReadLeads)
                && problems.stream().noneMatch(f -> f.blocking() && isTokenCode(f.code()));
    }

    /** The token's problems and every Page's, in that order. */
    public List<Finding> all() {
        List<Finding> out = new ArrayList<>(problems);
        pages.forEach(p -> out.addAll(p.problems()));
        return out;
    }

    private static boolean isTokenCode(FindingCode c) {
        return switch (c) {
            case TOKEN_INVALID, TOKEN_EXPIRED, APP_SECRET_REQUIRED, APP_SECRET_WRONG, APP_ID_WRONG, NO_PAGES -> true;
            default -> false;
        };
    }
}
