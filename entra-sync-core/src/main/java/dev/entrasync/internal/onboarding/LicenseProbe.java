package dev.entrasync.internal.onboarding;

import dev.entrasync.GraphException;
import dev.entrasync.GraphPermission;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.internal.graph.GraphPager;
import dev.entrasync.internal.graph.GraphRequest;
import dev.entrasync.internal.graph.Priority;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.graph.TenantGraph;
import java.util.List;

/**
 * Whether a tenant has Microsoft Intune, by listing one managed device; and whether it has Microsoft Entra ID P1, by asking for one user's {@code signInActivity}
 * (which, like the MFA registration report, needs P1 and AuditLog.Read.All): one request.
 */
public final class LicenseProbe {

    static final String PROBE = "users?$select=id,signInActivity&$top=1";

    /** One managed device's id: Intune answers 400 "Request not applicable to target tenant." without Intune. */
    static final String INTUNE_PROBE = "deviceManagement/managedDevices?$select=id&$top=1";

    private LicenseProbe() {}

    /**
     * True when the tenant has Microsoft Intune, false when Intune refused the tenant as not applicable: one request.
     *
     * @throws GraphException for any other answer (a missing permission, an outage)
     */
    public static boolean hasIntune(TenantGraph graph, RequestStats stats) {
        return answers(graph, INTUNE_PROBE, GraphPermission.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL, stats);
    }

    /**
     * True with P1, false without.
     *
     * @throws GraphException for any other answer (a missing permission, an outage)
     */
    public static boolean hasEntraIdP1(TenantGraph graph, RequestStats stats) {
        return answers(graph, PROBE, GraphPermission.AUDIT_LOG_READ_ALL, stats);
    }

    /** True when Graph answers {@code path}, false when it refuses it for a missing licence. */
    private static boolean answers(TenantGraph graph, String path, GraphPermission permission, RequestStats stats) {
        try {
            graph.send(
                    GraphRequest.get(graph.v1(path), Priority.NORMAL, List.of(permission.value())),
                    GraphPager.reader(p -> {
                        p.skipChildren();
                        return Boolean.TRUE;
                    }),
                    stats);
            return true;
        } catch (LicenseRequiredException e) {
            return false;
        }
    }
}
