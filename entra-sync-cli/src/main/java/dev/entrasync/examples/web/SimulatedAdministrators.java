package dev.entrasync.examples.web;

import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.List;

/**
 * In simulation mode, who answers the simulated consent page: the portal queues what the next
 * administrator there does (approve as a tenant's administrator, decline, cancel) just before it redirects
 * the browser. With a real cloud there is none of this: a real administrator answers.
 */
final class SimulatedAdministrators {

    private final DemoCloud cloud;

    SimulatedAdministrators(DemoCloud cloud) {
        this.cloud = cloud;
    }

    /** The tenants whose administrators can be simulated, by id and name. */
    List<SimulatedTenant> tenants() {
        return List.of(cloud.partner(), cloud.contoso(), cloud.tailspin(), cloud.litware(), cloud.fabrikam());
    }

    /** Queues the answer: a tenant id (approve as its administrator), {@code decline} or {@code cancel}. */
    void next(String answer) {
        if ("decline".equals(answer)) {
            cloud.cloud().consentPage().decline();
        } else if ("cancel".equals(answer)) {
            cloud.cloud().consentPage().cancel();
        } else {
            cloud.cloud().consentPage().approveAs(cloud.cloud().tenant(answer));
        }
    }

    /** What the banner says. */
    String note() {
        return "Simulated Microsoft cloud at " + cloud.cloud().loginUrl() + " and "
                + cloud.cloud().graphUrl()
                + ": nothing here talks to Microsoft. Client id " + DemoCloud.CLIENT_ID + ", client secret "
                + DemoCloud.SECRET + ".";
    }
}
