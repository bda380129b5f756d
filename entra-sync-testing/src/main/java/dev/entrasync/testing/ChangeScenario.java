package dev.entrasync.testing;

import dev.entrasync.Change;
import dev.entrasync.Dataset;
import dev.entrasync.FieldChange;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.testkit.ContosoFixture;
import dev.entrasync.testkit.SimulatedTenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Changes a synced {@link ContosoFixture} tenant the way a change-feed test needs, and says which changes the next
 * sync must report: a user gains Global Administrator, another loses MFA registration, a third is disabled, a fourth
 * loses their licence (so the licence's consumed units fall by one), and a compliant device becomes non-compliant.
 * Changes are compared as text lines ({@link #lines}), one per field change. Used by one test thread.
 */
public final class ChangeScenario {

    private final List<String> expected;

    private ChangeScenario(List<String> expected) {
        this.expected = List.copyOf(expected);
    }

    /**
     * Changes the simulated tenant, after a sync stored it.
     *
     * @param tenant a tenant built by {@link ContosoFixture#build()}, synced once; never null
     * @param stored what the sink stores of a dataset of the tenant (users, devices and licences are read)
     * @return the scenario, with the changes the next sync must report; never null
     */
    @SuppressWarnings("unchecked")
    public static ChangeScenario apply(SimulatedTenant tenant, Function<Dataset, List<? extends EntraRecord>> stored) {
        List<EntraUser> users = (List<EntraUser>) stored.apply(Dataset.USERS);
        List<String> taken = new ArrayList<>();
        EntraUser promoted = pick(
                users,
                taken,
                u -> u.directoryRoles().isEmpty()
                        && u.mfa().state() == MfaStatus.State.REGISTERED
                        && Boolean.TRUE.equals(u.accountEnabled()));
        EntraUser noMfa = pick(users, taken, u -> u.mfa().state() == MfaStatus.State.REGISTERED);
        EntraUser disabled = pick(users, taken, u -> Boolean.TRUE.equals(u.accountEnabled()));
        EntraUser unlicensed = pick(users, taken, u -> u.assignedLicenses().size() == 1);
        EntraDevice device = ((List<EntraDevice>) stored.apply(Dataset.DEVICES))
                .stream()
                        .filter(d -> Boolean.TRUE.equals(d.isCompliant()))
                        .findFirst()
                        .orElseThrow();
        EntraLicense sku = ((List<EntraLicense>) stored.apply(Dataset.LICENSES))
                .stream()
                        .filter(l -> l.skuId()
                                .equals(unlicensed.assignedLicenses().get(0).skuId()))
                        .findFirst()
                        .orElseThrow();

        tenant.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, promoted.id());
        tenant.registrationDetails()
                .update(
                        noMfa.id(),
                        Map.of("isMfaRegistered", false, "isMfaCapable", false, "methodsRegistered", List.of()));
        tenant.users().update(disabled.id(), Map.of("accountEnabled", false));
        tenant.users().update(unlicensed.id(), Map.of("assignedLicenses", List.of()));
        tenant.devices().update(device.id(), Map.of("isCompliant", false));

        List<String> expected = new ArrayList<>();
        expected.add("users CHANGED " + promoted.id() + " directoryRoles: null -> Global Administrator");
        expected.add("users CHANGED " + noMfa.id() + " mfa.state: REGISTERED -> NOT_REGISTERED");
        if (Boolean.TRUE.equals(noMfa.mfa().capable())) {
            expected.add("users CHANGED " + noMfa.id() + " mfa.capable: true -> false");
        }
        noMfa.mfa()
                .methods()
                .forEach(m -> expected.add("users CHANGED " + noMfa.id() + " mfa.methods: " + m + " -> null"));
        expected.add("users CHANGED " + disabled.id() + " accountEnabled: true -> false");
        expected.add("users CHANGED " + unlicensed.id() + " assignedLicenses: "
                + unlicensed.assignedLicenses().get(0).name() + " -> null");
        expected.add("licenses CHANGED " + sku.id() + " consumedUnits: " + sku.consumedUnits() + " -> "
                + (sku.consumedUnits() - 1));
        expected.add("devices CHANGED " + device.id() + " isCompliant: true -> false");
        expected.add("roles CHANGED " + ContosoFixture.GLOBAL_ADMIN_ROLE_ID + " members: null -> "
                + promoted.displayName() + " (" + promoted.userPrincipalName() + ")");
        return new ChangeScenario(expected);
    }

    /**
     * The changes the next sync must report, as {@link #lines} writes them.
     *
     * @return one line per field change; never null
     */
    public List<String> expected() {
        return expected;
    }

    /**
     * Changes as sorted text lines: {@code "<dataset> <kind> <object id> <field>: <old> -> <new>"}, one per field
     * change, or {@code "<dataset> <kind> <object id>"} for an added or removed object.
     *
     * @param changes the changes; never null
     * @return the lines, sorted; never null
     */
    public static Set<String> lines(Collection<Change> changes) {
        Set<String> lines = new TreeSet<>();
        for (Change c : changes) {
            String head = c.dataset().key() + " " + c.kind() + " " + c.objectId();
            if (c.fields().isEmpty()) {
                lines.add(head);
            }
            for (FieldChange f : c.fields()) {
                lines.add(head + " " + f.field() + ": " + f.oldValue() + " -> " + f.newValue());
            }
        }
        return lines;
    }

    private static EntraUser pick(List<EntraUser> users, List<String> taken, Predicate<EntraUser> fits) {
        EntraUser user = users.stream()
                .filter(u -> !taken.contains(u.id()))
                .filter(u -> "Member".equals(u.userType()))
                .filter(fits)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the tenant has no further member user that fits"));
        taken.add(user.id());
        return user;
    }
}
