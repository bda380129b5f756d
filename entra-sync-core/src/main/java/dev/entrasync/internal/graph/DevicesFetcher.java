package dev.entrasync.internal.graph;

import static dev.entrasync.GraphPermission.DEVICE_READ_ALL;
import static dev.entrasync.GraphPermission.DIRECTORY_READ_ALL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult.Mode;
import dev.entrasync.SyncConfig;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.RecordPatch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /devices} and {@code /devices/delta} (permission Device.Read.All): a full round lists every
 * device 999 to a page; later runs send the delta link only. Delta items merge into the stored device.
 */
final class DevicesFetcher implements DatasetFetcher {

    /** The {@code $select} list: exactly the fields kept. */
    static final String SELECT = "id,deviceId,displayName,operatingSystem,operatingSystemVersion,trustType,"
            + "isManaged,isCompliant,approximateLastSignInDateTime,onPremisesSyncEnabled,registrationDateTime";

    static final List<String> PERMISSIONS = PermissionNames.of(DEVICE_READ_ALL, DIRECTORY_READ_ALL);
    private static final Set<String> FIELDS = Set.of(SELECT.split(","));

    @Override
    public Dataset dataset() {
        return Dataset.DEVICES;
    }

    @Override
    public Mode plan(Checkpoint previous, SyncConfig config, Instant now) {
        return DeltaRound.plan(previous, config, now);
    }

    @Override
    public Checkpoint fetch(FetchContext context) {
        RecordWriter writer = context.writer();
        String deltaLink =
                DeltaRound.run(context, "devices", SELECT, SELECT, PERMISSIONS, DevicesFetcher::read, (items, full) -> {
                    List<EntraDevice> whole = new ArrayList<>();
                    List<RecordPatch<EntraDevice>> patches = new ArrayList<>();
                    List<String> removed = new ArrayList<>();
                    for (DeltaItem<EntraDevice> item : items) {
                        if (item.removed()) {
                            removed.add(item.id());
                        } else if (full) {
                            whole.add(item.record());
                        } else {
                            patches.add(RecordPatch.upsert(item.record(), item.fields(FIELDS)));
                        }
                    }
                    writer.upsert(whole);
                    writer.merge(patches);
                    writer.remove(removed);
                });
        return DeltaRound.checkpoint(context, deltaLink, Set.of());
    }

    static DeltaItem<EntraDevice> read(JsonParser p) throws IOException {
        Set<String> present = new HashSet<>();
        String id = null;
        String deviceId = null;
        String name = null;
        String os = null;
        String osVersion = null;
        String trustType = null;
        Boolean managed = null;
        Boolean compliant = null;
        Instant lastSignIn = null;
        Boolean synced = null;
        Instant registered = null;
        boolean removed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            present.add(field);
            switch (field) {
                case "id" -> id = Json.text(p);
                case "deviceId" -> deviceId = Json.text(p);
                case "displayName" -> name = Json.text(p);
                case "operatingSystem" -> os = Json.text(p);
                case "operatingSystemVersion" -> osVersion = Json.text(p);
                case "trustType" -> trustType = Json.text(p);
                case "isManaged" -> managed = Json.bool(p);
                case "isCompliant" -> compliant = Json.bool(p);
                case "approximateLastSignInDateTime" -> lastSignIn = Json.instant(p);
                case "onPremisesSyncEnabled" -> synced = Json.bool(p);
                case "registrationDateTime" -> registered = Json.instant(p);
                case "@removed" -> {
                    removed = true;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "a device without an id");
        }
        return removed
                ? DeltaItem.removed(id)
                : new DeltaItem<>(
                        id,
                        new EntraDevice(
                                id,
                                deviceId,
                                name,
                                os,
                                osVersion,
                                trustType,
                                managed,
                                compliant,
                                lastSignIn,
                                synced,
                                registered),
                        present,
                        false);
    }
}
