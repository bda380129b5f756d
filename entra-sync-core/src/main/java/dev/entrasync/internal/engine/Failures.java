package dev.entrasync.internal.engine;

import dev.entrasync.EntraSyncException;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.internal.graph.ThrottledException;

/** What a person should do about a dataset's failure, in one sentence. */
final class Failures {

    private Failures() {}

    static String fix(RuntimeException e) {
        if (e instanceof MissingPermissionException m) {
            return "Add " + m.permissions().get(0) + " (Microsoft Graph, Application) to the app registration and "
                    + "have an administrator of the tenant grant admin consent again.";
        }
        if (e instanceof LicenseRequiredException l) {
            return "The tenant needs " + l.license() + " (or P2) for this data.";
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
}
