package dev.entrasync.internal.engine;

import dev.entrasync.EntraSyncException;
import dev.entrasync.GraphException;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.TenantId;
import dev.entrasync.internal.graph.ThrottledException;
import java.util.ArrayList;
import java.util.List;

/** What a person should do about a dataset's failure, in one sentence. */
final class Failures {

    private Failures() {}

    static String fix(RuntimeException e) {
        if (e instanceof MissingPermissionException m) {
            return "Add " + m.permissions().get(0) + " (Microsoft Graph, Application) to the app registration and "
                    + "have an administrator of the tenant grant admin consent again.";
        }
        if (e instanceof LicenseRequiredException l) {
            return l.license().equals(dev.entrasync.DatasetRequirements.ENTRA_ID_P1)
                    ? "The tenant needs " + l.license() + " (or P2) for this data."
                    : "The tenant needs " + l.license() + " for this data; its other datasets sync without it.";
        }
        if (e instanceof ThrottledException t) {
            return "Nothing to change now: Graph throttled the tenant and the previous data was kept; the next sync"
                    + " after " + t.retryAt() + " retries. If it recurs, sync this tenant less often.";
        }
        if (e instanceof EntraSyncException x && x.isTransient()) {
            return "Nothing to change: the previous data was kept and the next sync retries.";
        }
        if (e instanceof EntraSyncException) {
            return null;
        }
        return "The sink or the engine failed; the previous data was kept. Check the host's logs for this error.";
    }

    static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }

    /**
     * The failure's message, with the tenant and the Graph request it came from added when it does not name them
     * (the job's reason puts the dataset in front): a failure that is not Graph's says so, with its type.
     */
    static String message(RuntimeException e, TenantId tenant) {
        String message = message(e);
        List<String> where = new ArrayList<>();
        if (!message.contains(tenant.value())) {
            where.add("tenant " + tenant.value());
        }
        if (e instanceof GraphException graph) {
            graph.requestPath().filter(path -> !message.contains(path)).ifPresent(path -> where.add("request " + path));
        } else if (!(e instanceof EntraSyncException)
                && !message.startsWith(e.getClass().getName())) {
            where.add(e.getClass().getName());
        }
        return where.isEmpty() ? message : message + " (" + String.join(", ", where) + ")";
    }
}
