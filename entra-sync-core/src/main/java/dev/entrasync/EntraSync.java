package dev.entrasync;

import dev.entrasync.internal.engine.DefaultSyncEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point: {@code EntraSync.builder()...build()} gives the host its {@link SyncEngine}.
 *
 * <pre>{@code
 * try (SyncEngine engine = EntraSync.builder()
 *         .credentials(credentialStore)   // host-owned secrets
 *         .sink(datasetSink)              // where records go
 *         .build()) {
 *     SyncResult result = engine.sync("default", TenantId.of(tenantGuid), Set.of(Dataset.USERS));
 * }
 * }</pre>
 */
public final class EntraSync {

    private EntraSync() {
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SyncEngine}. Not thread-safe; {@link #build()} fails naming whatever is missing. */
    public static final class Builder {
        private CredentialStore credentials;
        private DatasetSink sink;
        private CheckpointStore checkpoints = new InMemoryCheckpointStore();
        private SyncConfig config = SyncConfig.defaults();
        private LicenseCatalog licenseCatalog = LicenseCatalog.builtIn();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private HttpSettings http = HttpSettings.defaults();
        private GraphLimits limits = GraphLimits.defaults();

        private Builder() {
        }

        /** Where credentials come from (required). */
        public Builder credentials(CredentialStore credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Where records go (required). */
        public Builder sink(DatasetSink sink) {
            this.sink = sink;
            return this;
        }

        /**
         * Where delta links and watermarks are kept (default: an {@link InMemoryCheckpointStore}, so
         * every engine starts with full rounds). Keep them beside the sink's data.
         */
        public Builder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = java.util.Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /** When full rounds happen and how far audit logs reach back (default: {@link SyncConfig#defaults()}). */
        public Builder config(SyncConfig config) {
            this.config = java.util.Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Licence product names (default: {@link LicenseCatalog#builtIn()}); pass
         * {@code LicenseCatalog.builtIn().with(LicenseCatalog.fromCsv(path))} to name every SKU.
         */
        public Builder licenseCatalog(LicenseCatalog licenseCatalog) {
            this.licenseCatalog = java.util.Objects.requireNonNull(licenseCatalog, "licenseCatalog");
            return this;
        }

        /** The clock (default: system UTC); tests inject a fake one. */
        public Builder clock(Clock clock) {
            this.clock = java.util.Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How waits happen (default: {@link Sleeper#SYSTEM}); tests record instead of sleeping. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = java.util.Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Proxy, timeouts and TLS for every request (default: {@link HttpSettings#defaults()}). */
        public Builder http(HttpSettings http) {
            this.http = java.util.Objects.requireNonNull(http, "http");
            return this;
        }

        /** Rate, concurrency and retry limits (default: {@link GraphLimits#defaults()}). */
        public Builder limits(GraphLimits limits) {
            this.limits = java.util.Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @throws IllegalStateException naming every missing part
         */
        public SyncEngine build() {
            List<String> missing = new ArrayList<>();
            if (credentials == null) {
                missing.add("credentials(CredentialStore)");
            }
            if (sink == null) {
                missing.add("sink(DatasetSink)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("EntraSync.builder() is missing " + String.join(", ", missing));
            }
            return new DefaultSyncEngine(credentials, sink, checkpoints, config, licenseCatalog, clock, sleeper, http,
                    limits);
        }
    }
}
