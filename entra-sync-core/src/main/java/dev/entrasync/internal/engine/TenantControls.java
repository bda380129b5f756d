package dev.entrasync.internal.engine;

import dev.entrasync.AppCredential;
import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantBlock;
import dev.entrasync.TenantHealth;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.TokenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The tenants' sync controls — excluded, own interval, blocked after a permanent token failure —
 * and their health. Nothing is kept here: the controls live in each tenant's {@link TenantMapping}
 * (so every engine over the same {@link TenantMapper}, and the engine after a restart, sees the
 * same), written with {@link TenantMapper#change} so concurrent changes of one tenant do not undo
 * each other; health is read from the {@link JobStore}. Thread-safe.
 */
final class TenantControls {

    /** How many of a tenant's latest jobs {@link #health} reads, at most. */
    static final int HEALTH_JOBS = 1_000;

    private static final int PAGE = 100;

    private final TenantMapper mapper;
    private final JobStore jobs;
    private final Clock clock;
    private final Duration defaultInterval;

    TenantControls(TenantMapper mapper, JobStore jobs, Clock clock, Duration defaultInterval) {
        this.mapper = mapper;
        this.jobs = jobs;
        this.clock = clock;
        this.defaultInterval = defaultInterval;
    }

    /** The tenant's mapping. */
    Optional<TenantMapping> mapping(TenantId tenant) {
        return mapper.findByTenant(tenant);
    }

    /** The tenant's mapping, or an error that says how to map it. */
    TenantMapping mapped(TenantId tenant) {
        return mapper.findByTenant(tenant).orElseThrow(() -> notMapped(tenant));
    }

    private static IllegalArgumentException notMapped(TenantId tenant) {
        return new IllegalArgumentException(
                "tenant " + tenant + " is not mapped to a company; map it with TenantMapper.map(...) first");
    }

    /** The tenant's own interval, or the engine's. */
    Duration interval(TenantId tenant) {
        return mapper.findByTenant(tenant).map(this::interval).orElse(defaultInterval);
    }

    Duration interval(TenantMapping mapping) {
        return mapping.interval() != null ? mapping.interval() : defaultInterval;
    }

    /**
     * Stores the tenant's own interval (null: back to the engine's).
     *
     * @throws IllegalArgumentException if the tenant is not mapped, or the interval is under a minute
     */
    void interval(TenantId tenant, Duration interval) {
        if (interval != null && interval.compareTo(TenantMapping.MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("interval must be at least 1 minute, was " + interval);
        }
        mapper.change(tenant, m -> m.withInterval(interval)).orElseThrow(() -> notMapped(tenant));
    }

    /**
     * Stores whether the tenant is excluded.
     *
     * @throws IllegalArgumentException if the tenant is not mapped
     */
    void excluded(TenantId tenant, boolean excluded) {
        mapper.change(tenant, m -> m.withExcluded(excluded)).orElseThrow(() -> notMapped(tenant));
    }

    /**
     * Stores whether the tenant is paused.
     *
     * @throws IllegalArgumentException if the tenant is not mapped
     */
    void paused(TenantId tenant, boolean paused) {
        mapper.change(tenant, m -> m.withPaused(paused)).orElseThrow(() -> notMapped(tenant));
    }

    /** Whether the tenant is mapped and excluded. */
    boolean isExcluded(TenantId tenant) {
        return mapper.findByTenant(tenant).map(TenantMapping::excluded).orElse(false);
    }

    /** Unpauses the tenant and lifts its block; nothing happens for a tenant that is not mapped. */
    void resume(TenantId tenant) {
        mapper.change(tenant, m -> m.withPaused(false).withBlock(null));
    }

    /**
     * Whether a permanent failure blocks the mapped tenant for this credential. A credential that
     * changed since the block (a rotated secret, a re-enabled app) lifts it: it is cleared in the
     * mapping, and the tenant runs.
     */
    boolean blocked(TenantMapping mapping, AppCredential current) {
        TenantBlock block = mapping.block();
        if (block == null) {
            return false;
        }
        if (current != null && !fingerprint(current).equals(block.credential())) {
            mapper.change(mapping.tenant(), m -> block.equals(m.block()) ? m.withBlock(null) : m);
            return false;
        }
        return true;
    }

    /**
     * The mapped tenants whose mapping holds a block, as {@link #health} reports them blocked (read-only: a block
     * whose credential changed since is lifted at the tenant's next slot, not here).
     */
    List<TenantId> blockedTenants() {
        return mapper.list().stream()
                .filter(m -> m.block() != null)
                .map(TenantMapping::tenant)
                .toList();
    }

    /**
     * Records a permanent token failure in the tenant's mapping (a tenant that is not mapped has no
     * controls to store it in).
     *
     * @return true when this blocks the tenant now (so the host is told once), false if it already
     *     was, for the same failure and credential
     */
    boolean block(TenantId tenant, AppCredential credential, TokenException cause) {
        String digest = fingerprint(credential);
        boolean[] newly = {true};
        mapper.change(tenant, m -> {
            TenantBlock old = m.block();
            newly[0] = old == null
                    || old.failure() != cause.failure()
                    || !old.credential().equals(digest);
            return newly[0]
                    ? m.withBlock(new TenantBlock(cause.failure(), cause.getMessage(), clock.instant(), digest))
                    : m;
        });
        return newly[0];
    }

    /**
     * The tenant's health, from its latest {@value #HEALTH_JOBS} finished jobs in the job store (so
     * every engine over the store agrees) and the block in its mapping. Cancelled jobs do not count.
     */
    TenantHealth health(TenantId tenant) {
        int failures = 0;
        String lastError = null;
        Instant lastSuccess = null;
        scan:
        for (int offset = 0; offset < HEALTH_JOBS; offset += PAGE) {
            List<SyncJob> page = jobs.history(tenant, offset, PAGE);
            for (SyncJob job : page) {
                if (job.status() == JobStatus.SUCCEEDED || job.status() == JobStatus.PARTIAL) {
                    lastSuccess = job.finishedAt();
                    break scan;
                }
                if (job.status() == JobStatus.FAILED) {
                    failures++;
                    lastError = lastError == null ? job.reason() : lastError;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        TenantBlock block =
                mapper.findByTenant(tenant).map(TenantMapping::block).orElse(null);
        if (block != null && lastError == null) {
            lastError = block.reason();
        }
        return new TenantHealth(tenant, failures, lastSuccess, lastError, block == null ? null : block.failure());
    }

    /**
     * A digest that changes when any field of the credential changes: the first 16 bytes of a SHA-256
     * over its fields, in hex. It cannot be turned back into the secret, and is stored instead of it.
     */
    /**
     * What identifies the credential's proof: the secret, the certificate's thumbprint and key, or a fixed
     * marker for an assertion callback (a callback cannot be compared across restarts; its federated
     * credential is on the app registration).
     */
    private static String secretMaterial(AppCredential credential) {
        return switch (credential.kind()) {
            case SECRET -> credential.secret().reveal();
            case CERTIFICATE -> {
                byte[] key = credential.certificate().privateKeyPkcs8();
                try {
                    yield "certificate " + credential.certificate().thumbprint() + " "
                            + java.util.Base64.getEncoder().encodeToString(key);
                } finally {
                    java.util.Arrays.fill(key, (byte) 0);
                }
            }
            case ASSERTION -> "client assertion callback";
        };
    }

    static String fingerprint(AppCredential credential) {
        String fields = String.join(
                "\n",
                "entra-sync credential fingerprint v1",
                credential.name(),
                credential.cloud().loginUrl().toString(),
                credential.cloud().graphUrl().toString(),
                credential.homeTenant().value(),
                credential.clientId(),
                secretMaterial(credential),
                String.valueOf(credential.secretExpiresAt()),
                String.valueOf(credential.cspPartner()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
