package io.leaddesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Work with the access token: 'leaddesk token extend' makes it last.",
        subcommands = TokenExtendCommand.class)
final class TokenCommand extends BaseCommand {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'leaddesk token extend'.");
    }
}
