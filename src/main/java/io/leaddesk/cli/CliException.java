package io.leaddesk.cli;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;

/**
 * A failure the command line finds itself (a bad option, an unknown id), reported as one sentence. Like every
 * deliberate failure it is a {@link LeadDeskException}: its {@link FailureKind} decides the exit code
 * ({@link ExitCode#of(FailureKind)}).
 */
public class CliException extends LeadDeskException {

    public CliException(FailureKind kind, String message) {
        super(kind, message);
    }

    public CliException(FailureKind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /** With an exit code from {@link ExitCode} (1 to 5), read as the failure kind it stands for. */
    public CliException(int exitCode, String message) {
        super(ExitCode.kindOf(exitCode), message);
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(ExitCode.kindOf(exitCode), message, cause);
    }

    public int exitCode() {
        return ExitCode.of(failureKind());
    }
}
