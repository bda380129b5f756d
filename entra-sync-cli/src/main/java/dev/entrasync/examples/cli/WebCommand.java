package dev.entrasync.examples.cli;

import dev.entrasync.examples.web.WebHost;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code web}: the sample partner portal on a simulated Microsoft cloud. The administrator password comes from
 * {@value WebHost#PASSWORD_VARIABLE}; when that is unset, a random one is generated and printed once.
 */
@Command(
        name = "web",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the sample partner portal (onboarding, sync, data) on a simulated Microsoft cloud.",
            "Log in with the password in " + WebHost.PASSWORD_VARIABLE + " (at least "
                    + WebHost.MIN_PASSWORD_LENGTH + " characters); when it is unset a random password is"
                    + " generated and printed once."
        })
final class WebCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port on localhost (default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        WebHost.main(String.valueOf(port)); // serves until the process is stopped
        return 0;
    }
}
