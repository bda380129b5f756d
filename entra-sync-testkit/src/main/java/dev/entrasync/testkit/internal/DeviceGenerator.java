package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates devices: cloud-joined (AzureAd), hybrid (ServerAd, synced from on-premises) and
 * registered (Workplace) ones, some managed by Intune and compliant, some not managed at all.
 */
final class DeviceGenerator {
    private static final String[][] WINDOWS = {
        {"Windows", "10.0.22631.4037"}, {"Windows", "10.0.19045.4780"}, {"Windows", "10.0.26100.2033"}
    };
    private static final String[][] MOBILE = {
        {"iOS", "17.5.1"}, {"iOS", "18.0"}, {"Android", "14.0"}, {"AndroidForWork", "13.0"}
    };
    private static final String[][] HARDWARE = {
        {"Microsoft Corporation", "Surface Laptop 5"},
        {"Dell Inc.", "Latitude 5440"},
        {"LENOVO", "20XW0026US"},
        {"HP", "EliteBook 840 G10"}
    };
    private final Gen gen;

    DeviceGenerator(Gen gen) {
        this.gen = gen;
    }

    Map<String, Object> device() {
        double kind = gen.random.nextDouble();
        String trustType = kind < 0.5 ? "AzureAd" : kind < 0.75 ? "ServerAd" : "Workplace";
        boolean mobile = trustType.equals("Workplace") && gen.chance(0.6);
        String[] os = mobile
                ? MOBILE[gen.random.nextInt(MOBILE.length)]
                : gen.chance(0.9) ? WINDOWS[gen.random.nextInt(WINDOWS.length)] : new String[] {"MacMDM", "14.6.1"};
        Boolean managed = managed(trustType);
        Instant registered = gen.daysAgo(3 * 365);
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("id", gen.guid());
        device.put("deletedDateTime", null);
        device.put("accountEnabled", gen.chance(0.96));
        device.put("approximateLastSignInDateTime", gen.chance(0.95) ? Gen.iso(gen.daysAgo(45)) : null);
        device.put("complianceExpirationDateTime", null);
        device.put("deviceId", gen.guid());
        device.put("deviceOwnership", trustType.equals("Workplace") ? "Personal" : "Company");
        device.put("displayName", name(os[0], mobile));
        device.put(
                "enrollmentType",
                Boolean.TRUE.equals(managed) ? (mobile ? "UserEnrollment" : "AzureDomainJoined") : null);
        device.put("isCompliant", managed == null ? null : managed && gen.chance(0.85));
        device.put("isManaged", managed);
        device.put("managementType", Boolean.TRUE.equals(managed) ? "MDM" : null);
        String[] hardware = HARDWARE[gen.random.nextInt(HARDWARE.length)];
        device.put("manufacturer", mobile ? (os[0].equals("iOS") ? "Apple" : "samsung") : hardware[0]);
        device.put("model", mobile ? (os[0].equals("iOS") ? "iPhone 15" : "SM-S911B") : hardware[1]);
        boolean hybrid = trustType.equals("ServerAd");
        device.put("onPremisesLastSyncDateTime", hybrid ? Gen.iso(gen.daysAgo(1)) : null);
        device.put("onPremisesSecurityIdentifier", hybrid ? sid() : null);
        device.put("onPremisesSyncEnabled", hybrid ? (gen.chance(0.9) ? Boolean.TRUE : Boolean.FALSE) : null);
        device.put("operatingSystem", os[0]);
        device.put("operatingSystemVersion", os[1]);
        device.put("physicalIds", List.of("[USER-GID]:" + gen.guid(), "[GID]:g:" + gen.random.nextLong()));
        device.put("profileType", "RegisteredDevice");
        device.put("registrationDateTime", Gen.iso(registered));
        device.put("systemLabels", List.of());
        device.put("trustType", trustType);
        return device;
    }

    private Boolean managed(String trustType) {
        double roll = gen.random.nextDouble();
        if (trustType.equals("Workplace")) {
            return roll < 0.4 ? Boolean.TRUE : roll < 0.7 ? Boolean.FALSE : null;
        }
        return roll < 0.75 ? Boolean.TRUE : roll < 0.9 ? Boolean.FALSE : null;
    }

    private String name(String os, boolean mobile) {
        if (mobile) {
            return os.startsWith("iOS") ? "iPhone" : "Galaxy S23";
        }
        String prefix = os.equals("MacMDM") ? "MAC-" : gen.chance(0.5) ? "DESKTOP-" : "LAPTOP-";
        StringBuilder name = new StringBuilder(prefix);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 7; i++) {
            name.append(alphabet.charAt(gen.random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    private String sid() {
        List<String> parts = new ArrayList<>(List.of("S-1-5-21"));
        for (int i = 0; i < 3; i++) {
            parts.add(Long.toString(1_000_000_000L + gen.random.nextInt(1_000_000_000)));
        }
        parts.add(Integer.toString(1000 + gen.random.nextInt(50_000)));
        return String.join("-", parts);
    }
}
