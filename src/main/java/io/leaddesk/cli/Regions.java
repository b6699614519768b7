package io.leaddesk.cli;

import io.leaddesk.export.PhoneNormalizer;

/** The --region option: a country for phone numbers written without a country code. */
final class Regions {
    private Regions() {
    }

    /** The region as given when LeadDesk knows it (null stays null); exit code 2 with a sentence saying how to write one. */
    static String check(String region) {
        if (region == null) {
            return null;
        }
        try {
            new PhoneNormalizer(region);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--region " + TerminalText.cell(region) + " is not a country LeadDesk knows:"
                    + " write its two-letter ISO 3166 code, such as UA, DE or BR.");
        }
        return region;
    }
}
