package io.leaddesk.model;

/**
 * What kind of failure happened, decided where it is raised. The command line maps each kind to one exit code
 * ({@code io.leaddesk.cli.ExitCode}), the app to one way of showing it ({@code io.leaddesk.ui.ErrorText}).
 */
public enum FailureKind {
    /** The user's input cannot be used: a bad option, file name, date, encoding, unreadable import file. */
    INPUT,
    /** The token or a permission stops the work: sign in again, grant a permission, fix Lead Access Manager. */
    ACCESS,
    /** Meta or the network failed in a way retries could not overcome. */
    REMOTE,
    /** The local cache or a file on this computer cannot be read or written. */
    STORAGE,
    /** Something that should not happen: a bug in LeadDesk. */
    BUG
}
