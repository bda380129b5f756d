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
 * sync must report: a user gains Global Administrator, a user holding a privileged role (Contoso's administrator)
 * loses MFA registration, a third is disabled, a fourth loses their licence (so the licence's consumed units fall by
 * one), and a compliant Intune-managed device becomes non-compliant (its managed device and its Entra device, see
 * {@link SimulatedTenant#deviceCompliance}). {@link #fix} then gives the MFA registration and the compliance back.
 * Changes are compared as text lines ({@link #lines}), one per field change. Used by one test thread.
 */
public final class ChangeScenario {

    private final List<String> expected;
    private final EntraUser promoted;
    private final EntraUser withoutMfa;
    private final Map<String, Object> registration;
    private final EntraDevice device;
    private final String managedDevice;
    private final boolean fixed;

    private ChangeScenario(
            List<String> expected,
            EntraUser promoted,
            EntraUser withoutMfa,
            Map<String, Object> registration,
            EntraDevice device,
            String managedDevice,
            boolean fixed) {
        this.expected = List.copyOf(expected);
        this.promoted = promoted;
        this.withoutMfa = withoutMfa;
        this.registration = registration;
        this.device = device;
        this.managedDevice = managedDevice;
        this.fixed = fixed;
    }

    /**
     * Changes the simulated tenant, after a sync stored it.
     *
     * @param tenant a tenant built by {@link ContosoFixture#build()}, synced once; never null
     * @param stored what the sink stores of a dataset of the tenant (users, devices and licences are read)
     * @return the scenario, with the changes the next sync must report; never null
     * @throws IllegalStateException if the tenant has no user, device or licence that fits a change
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
        EntraUser noMfa =
                pick(users, taken, u -> !u.directoryRoles().isEmpty() && u.mfa().state() == MfaStatus.State.REGISTERED);
        EntraUser disabled = pick(users, taken, u -> Boolean.TRUE.equals(u.accountEnabled()));
        EntraUser unlicensed = pick(users, taken, u -> u.assignedLicenses().size() == 1);
        EntraDevice device = ((List<EntraDevice>) stored.apply(Dataset.DEVICES))
                .stream()
                        .filter(d -> Boolean.TRUE.equals(d.isCompliant()))
                        .filter(d -> d.deviceId() != null
                                && tenant.managedDevices().find("azureADDeviceId", d.deviceId()) != null)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("the tenant has no compliant managed device"));
        Map<String, Object> managed = tenant.managedDevices().find("azureADDeviceId", device.deviceId());
        EntraLicense sku = ((List<EntraLicense>) stored.apply(Dataset.LICENSES))
                .stream()
                        .filter(l -> l.skuId()
                                .equals(unlicensed.assignedLicenses().get(0).skuId()))
                        .findFirst()
                        .orElseThrow();
        Map<String, Object> registration =
                Map.copyOf(tenant.registrationDetails().get(noMfa.id()));

        tenant.roles().addMember(ContosoFixture.GLOBAL_ADMIN_ROLE_ID, promoted.id());
        tenant.registrationDetails()
                .update(
                        noMfa.id(),
                        Map.of("isMfaRegistered", false, "isMfaCapable", false, "methodsRegistered", List.of()));
        tenant.users().update(disabled.id(), Map.of("accountEnabled", false));
        tenant.users().update(unlicensed.id(), Map.of("assignedLicenses", List.of()));
        tenant.deviceCompliance(device.id(), false);

        List<String> expected = new ArrayList<>();
        expected.add("users CHANGED " + promoted.id() + " directoryRoles: null -> Global Administrator");
        expected.add("users CHANGED " + disabled.id() + " accountEnabled: true -> false");
        expected.add("users CHANGED " + unlicensed.id() + " assignedLicenses: "
                + unlicensed.assignedLicenses().get(0).name() + " -> null");
        expected.add("licenses CHANGED " + sku.id() + " consumedUnits: " + sku.consumedUnits() + " -> "
                + (sku.consumedUnits() - 1));
        expected.add("roles CHANGED " + ContosoFixture.GLOBAL_ADMIN_ROLE_ID + " members: null -> "
                + promoted.displayName() + " (" + promoted.userPrincipalName() + ")");
        String managedId = (String) managed.get("id");
        expected.addAll(mfaAndCompliance(noMfa, device, managedId, (String) managed.get("complianceState"), false));
        return new ChangeScenario(expected, promoted, noMfa, registration, device, managedId, false);
    }

    /**
     * Fixes what the scenario broke that a finding reports: the user who lost MFA registration gets it back (the
     * registration report's row as it was), and the device becomes compliant again. The new Global Administrator, the
     * disabled and the unlicensed user stay as they are.
     *
     * @param tenant the tenant {@link #apply} changed; never null
     * @return a scenario whose {@link #expected()} are the changes the next sync must report: the MFA and compliance
     *     changes of this one, reversed; never null
     * @throws IllegalStateException if called on a scenario returned by this method
     */
    public ChangeScenario fix(SimulatedTenant tenant) {
        if (fixed) {
            throw new IllegalStateException("this scenario is a fix already; call fix on the one apply returned");
        }
        tenant.registrationDetails()
                .update(
                        withoutMfa.id(),
                        Map.of(
                                "isMfaRegistered", registration.get("isMfaRegistered"),
                                "isMfaCapable", registration.get("isMfaCapable"),
                                "methodsRegistered", registration.get("methodsRegistered")));
        String state = (String) tenant.deviceCompliance(device.id(), true).get("complianceState");
        return new ChangeScenario(
                mfaAndCompliance(withoutMfa, device, managedDevice, state, true),
                promoted,
                withoutMfa,
                registration,
                device,
                managedDevice,
                true);
    }

    /**
     * The user who gained Global Administrator.
     *
     * @return the user as stored before the change; never null
     */
    public EntraUser promoted() {
        return promoted;
    }

    /**
     * The user holding a privileged role who lost (and, after {@link #fix}, got back) MFA registration.
     *
     * @return the user as stored before the change; never null
     */
    public EntraUser withoutMfa() {
        return withoutMfa;
    }

    /**
     * The Entra device that became non-compliant (and, after {@link #fix}, compliant again).
     *
     * @return the device as stored before the change; never null
     */
    public EntraDevice device() {
        return device;
    }

    /**
     * The Intune managed device of {@link #device()}: its {@code azureADDeviceId} is the device's {@code deviceId}.
     *
     * @return the managed device's id; never null
     */
    public String managedDeviceId() {
        return managedDevice;
    }

    /**
     * The lines of a user losing (or regaining) MFA registration and a device becoming non-compliant (or compliant);
     * {@code user} is the user as stored when registered.
     */
    private static List<String> mfaAndCompliance(
            EntraUser user, EntraDevice device, String managedId, String compliantState, boolean regained) {
        List<String> lines = new ArrayList<>();
        lines.add(change("users", user.id(), "mfa.state", "REGISTERED", "NOT_REGISTERED", regained));
        if (Boolean.TRUE.equals(user.mfa().capable())) {
            lines.add(change("users", user.id(), "mfa.capable", "true", "false", regained));
        }
        user.mfa().methods().forEach(m -> lines.add(change("users", user.id(), "mfa.methods", m, "null", regained)));
        lines.add(change("devices", device.id(), "isCompliant", "true", "false", regained));
        lines.add(change("managed_devices", managedId, "complianceState", compliantState, "noncompliant", regained));
        return lines;
    }

    private static String change(String dataset, String id, String field, String old, String now, boolean reversed) {
        return dataset + " CHANGED " + id + " " + field + ": " + (reversed ? now : old) + " -> "
                + (reversed ? old : now);
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
