package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates Intune's managed devices: one for every Entra device Intune manages ({@code isManaged} true), joined to
 * it by {@code azureADDeviceId} = the device's {@code deviceId}, plus one dedicated Android device enrolled without
 * Entra registration (Intune reports its Entra device id as all zeros). Serial numbers follow each maker's pattern;
 * MAC addresses are 12 hex digits without separators, as Intune reports them.
 */
final class ManagedDeviceGenerator {
    private static final String NO_ENTRA_DEVICE = "00000000-0000-0000-0000-000000000000";
    private final Gen gen;

    ManagedDeviceGenerator(Gen gen) {
        this.gen = gen;
    }

    void generate(List<Map<String, Object>> devices, List<Map<String, Object>> users) {
        for (Map<String, Object> device : devices) {
            if (Boolean.TRUE.equals(device.get("isManaged"))) {
                gen.tenant.store("managedDevices").put(managed(device, users));
            }
        }
        Map<String, Object> kiosk = new LinkedHashMap<>();
        kiosk.put("deviceName", "KIOSK-LOBBY");
        kiosk.put("operatingSystem", "Android");
        kiosk.put("osVersion", "13.0");
        kiosk.put("manufacturer", "samsung");
        kiosk.put("model", "SM-T636B");
        kiosk.put("isCompliant", Boolean.TRUE);
        kiosk.put("deviceId", NO_ENTRA_DEVICE);
        kiosk.put("registrationDateTime", Gen.iso(gen.daysAgo(400)));
        gen.tenant.store("managedDevices").put(managed(kiosk, List.of()));
    }

    private Map<String, Object> managed(Map<String, Object> device, List<Map<String, Object>> users) {
        String entraOs = (String) device.get("operatingSystem");
        String os = switch (entraOs) {
            case "MacMDM" -> "macOS";
            case "AndroidForWork" -> "Android";
            default -> entraOs;
        };
        boolean desktop = os.equals("Windows") || os.equals("macOS");
        String manufacturer = (String) device.get("manufacturer");
        Map<String, Object> user = users.isEmpty() ? null : users.get(gen.random.nextInt(users.size()));
        Instant enrolled =
                Instant.parse((String) device.get("registrationDateTime")).plusSeconds(3600);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", gen.guid());
        m.put("azureADDeviceId", device.get("deviceId"));
        m.put("azureADRegistered", !NO_ENTRA_DEVICE.equals(device.get("deviceId")));
        m.put("complianceState", Boolean.TRUE.equals(device.get("isCompliant")) ? "compliant" : "noncompliant");
        m.put("deviceEnrollmentType", desktop ? "windowsAzureADJoin" : "userEnrollment");
        m.put("deviceName", device.get("displayName"));
        m.put("deviceRegistrationState", "registered");
        m.put("emailAddress", user == null ? "" : user.get("mail"));
        m.put("enrolledDateTime", Gen.iso(enrolled));
        m.put("ethernetMacAddress", desktop && gen.chance(0.6) ? mac() : null);
        m.put("isEncrypted", gen.chance(0.85));
        m.put("isSupervised", false);
        m.put("jailBroken", desktop ? "Unknown" : "False");
        m.put("lastSyncDateTime", Gen.iso(gen.daysAgo(desktop ? 3 : 10)));
        m.put(
                "managedDeviceName",
                (user == null ? "kiosk" : user.get("mailNickname")) + "_" + os + "_"
                        + enrolled.toString().substring(0, 10));
        m.put("managedDeviceOwnerType", "company");
        m.put("managementAgent", os.equals("Windows") && gen.chance(0.3) ? "configurationManagerClientMdm" : "mdm");
        m.put("manufacturer", manufacturer);
        m.put("model", device.get("model"));
        m.put("operatingSystem", os);
        m.put(
                "osVersion",
                device.get("operatingSystemVersion") != null
                        ? device.get("operatingSystemVersion")
                        : device.get("osVersion"));
        m.put("serialNumber", serial(manufacturer));
        m.put("userDisplayName", user == null ? null : user.get("displayName"));
        m.put("userId", user == null ? null : user.get("id"));
        m.put("userPrincipalName", user == null ? null : user.get("userPrincipalName"));
        m.put("wiFiMacAddress", mac());
        return m;
    }

    private String mac() {
        StringBuilder mac = new StringBuilder();
        String hex = "0123456789ABCDEF";
        for (int i = 0; i < 12; i++) {
            mac.append(hex.charAt(gen.random.nextInt(16)));
        }
        return mac.toString();
    }

    private String serial(String manufacturer) {
        String prefix;
        int length;
        switch (manufacturer == null ? "" : manufacturer) {
            case "Dell Inc." -> {
                prefix = "";
                length = 7;
            }
            case "LENOVO" -> {
                prefix = "PF";
                length = 6;
            }
            case "HP" -> {
                prefix = "5CG";
                length = 7;
            }
            case "Apple" -> {
                prefix = "F";
                length = 11;
            }
            case "Microsoft Corporation" -> {
                prefix = "0";
                length = 11;
            }
            default -> {
                prefix = "R5";
                length = 9;
            }
        }
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder serial = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            serial.append(alphabet.charAt(gen.random.nextInt(alphabet.length())));
        }
        return serial.toString();
    }
}
