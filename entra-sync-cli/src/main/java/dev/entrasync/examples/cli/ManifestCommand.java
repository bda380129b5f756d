package dev.entrasync.examples.cli;

import dev.entrasync.onboarding.PermissionManifest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code manifest}: the app registration's {@code requiredResourceAccess} block, ready to paste. */
@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        description =
                "Print the app registration's requiredResourceAccess block (least-privileged application permissions).")
final class ManifestCommand implements Callable<Integer> {

    @Option(names = "--datasets", split = ",", paramLabel = "LIST", description = "Datasets to sync (default all).")
    List<String> datasets;

    @Option(
            names = "--csp",
            description = "A CSP partner's app (adds DelegatedAdminRelationship.Read.All for GDAP discovery).")
    boolean csp;

    @Option(names = "--mail", description = "Mail is enabled (adds Mail.Send).")
    boolean mail;

    @Override
    public Integer call() {
        System.out.println(
                PermissionManifest.of(Cli.datasets(datasets), csp, mail).manifestBlock());
        return 0;
    }
}
