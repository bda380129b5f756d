package dev.entrasync.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code entra-sync} command line: {@code java -jar entra-sync.jar <command>}. */
@Command(name = "entra-sync", mixinStandardHelpOptions = true, version = "entra-sync 0.1.0-SNAPSHOT",
        description = "Sync Microsoft Entra ID data from your customers' tenants.",
        subcommands = {DemoCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
