package dev.entrasync.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code entra-sync} command line: {@code java -jar entra-sync.jar <command>}. Exit codes: 0 success,
 * 1 a sync or check did not fully succeed (the reason is printed), 2 a usage or input error.
 */
@Command(
        name = "entra-sync",
        mixinStandardHelpOptions = true,
        versionProvider = Main.BuildVersion.class,
        description = "Sync Microsoft Entra ID data from your customers' tenants.",
        subcommands = {
            DemoCommand.class,
            SyncCommand.class,
            ShowCommand.class,
            ChangesCommand.class,
            FindingsCommand.class,
            JobsCommand.class,
            ConsentUrlCommand.class,
            PreflightCommand.class,
            ManifestCommand.class,
            WebCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (StopOnSignal.stopping()) {
                        StopOnSignal.parkUntilExit(); // what failed was closed under it by Ctrl-C; the hook reports
                    }
                    command.getErr().println("Error: " + e.getMessage());
                    command.getErr().flush();
                    return e instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --version}: the version the build wrote into {@code version.properties}. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IOException(
                            "version.properties is missing from the entra-sync jar; rebuild it with Maven");
                }
                build.load(in);
            }
            return new String[] {"entra-sync " + build.getProperty("version")};
        }
    }
}
