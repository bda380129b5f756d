package dev.entrasync.jdbc;

import dev.entrasync.AppCredential;
import dev.entrasync.ClientAssertionProvider;
import dev.entrasync.ClientCertificate;
import dev.entrasync.ClientSecret;
import dev.entrasync.Cloud;
import dev.entrasync.CredentialStore;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * A {@link CredentialStore} in the {@code credentials} table. The client secret is stored only as
 * AES-256-GCM ciphertext under the {@link SecretKeyRing}'s primary key, with a random 96-bit IV per write
 * and the key id beside it; the credential's name is bound as associated data, so a ciphertext moved to
 * another row does not decrypt. Nothing in the table reveals the secret without the key.
 *
 * <p>A certificate credential's private key (PKCS#8) is encrypted the same way, in the same columns, with
 * associated data that also names the kind (so a secret's ciphertext cannot be read as a key, or the reverse);
 * its certificate chain, which is public, is stored as it is.
 *
 * <p>A credential with a {@link dev.entrasync.ClientAssertionProvider} (workload identity federation) is never
 * stored: its callback is code, and the assertions it returns are short-lived. {@link #save} keeps a marker row
 * (name, cloud, tenant, client id, kind) and binds the callback in this store instance; after a restart the
 * host binds it again with {@link #bindAssertionProvider} before the credential is used. Reading a marker no
 * callback is bound to throws an {@link IllegalStateException} that says so.
 *
 * <p>Get it from {@link JdbcStorage#credentialStore(SecretKeyRing)}. Thread-safe; each call uses one
 * connection from the host's pool. Reading a secret the ring cannot decrypt throws
 * {@link SecretKeyException} naming the credential and key id.
 */
public final class JdbcCredentialStore implements CredentialStore {

    private static final String COLUMNS = "name, cloud, login_url, graph_url, home_tenant, client_id, secret_key_id,"
            + " secret_iv, secret_ciphertext, secret_expires_at, csp_partner, updated_at, credential_kind,"
            + " certificate_chain";
    private static final byte[] ASSERTION_MARKER =
            "client assertion callback; not stored".getBytes(StandardCharsets.UTF_8);

    private final Map<String, ClientAssertionProvider> assertionProviders = new ConcurrentHashMap<>();

    private final Database db;
    private final SecretKeyRing keys;
    private final String upsert;
    private final String select;

    JdbcCredentialStore(Database db, SecretKeyRing keys) {
        this.db = db;
        this.keys = Objects.requireNonNull(keys, "keys");
        this.upsert = db.dialect().upsert(db.table("credentials"), List.of("name"), List.of(COLUMNS.split(", ")));
        this.select = "SELECT " + COLUMNS + " FROM " + db.table("credentials");
    }

    /**
     * Binds the host's assertion callback to a stored workload-identity credential (after a restart, or in
     * another process than the one that saved it). Bindings live in this store instance only.
     *
     * @param name the credential's name; never null
     * @param provider the callback returning signed assertions; never null
     * @return this store
     */
    public JdbcCredentialStore bindAssertionProvider(String name, ClientAssertionProvider provider) {
        assertionProviders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /**
     * Stores the credential, replacing one of the same name. A secret or certificate key is encrypted; an
     * assertion credential is stored as a marker and its callback bound in this instance (see the class
     * documentation).
     *
     * @param credential the credential to store; never null
     */
    @Override
    public void save(AppCredential credential) {
        Objects.requireNonNull(credential, "credential");
        db.withConnection("saving credential '" + credential.name() + "'", c -> write(c, credential));
        if (credential.assertionProvider() != null) {
            assertionProviders.put(credential.name(), credential.assertionProvider());
        }
    }

    @Override
    public Optional<AppCredential> find(String name) {
        Objects.requireNonNull(name, "name");
        return db.withConnection("reading credential '" + name + "'", c -> {
            List<AppCredential> found = query(c, true, select + " WHERE name = ?", name);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<AppCredential> list() {
        return db.withConnection("listing credentials", c -> query(c, true, select + " ORDER BY name"));
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        return db.withConnection("deleting credential '" + name + "'", c -> {
            try (PreparedStatement statement =
                    c.prepareStatement("DELETE FROM " + db.table("credentials") + " WHERE name = ?")) {
                statement.setString(1, name);
                return statement.executeUpdate() > 0;
            }
        });
    }

    /**
     * Re-encrypts, in one transaction, every secret that is not under the ring's primary key — the step of
     * a key rotation after the new key became primary. Returns how many were re-encrypted.
     *
     * @return the number of secrets re-encrypted; zero when every secret was already under the primary key
     * @throws SecretKeyException if a secret cannot be decrypted with the ring (nothing is changed)
     */
    public int reencryptWithPrimaryKey() {
        return db.inTransaction("re-encrypting credentials with key '" + keys.primaryKeyId() + "'", c -> {
            List<AppCredential> stale =
                    query(c, false, select + " WHERE secret_key_id <> ? ORDER BY name", keys.primaryKeyId());
            for (AppCredential credential : stale) {
                write(c, credential);
            }
            return stale.size();
        });
    }

    private int write(Connection c, AppCredential credential) throws SQLException {
        AppCredential.Kind kind = credential.kind();
        byte[] plaintext = switch (kind) {
            case SECRET -> credential.secret().reveal().getBytes(StandardCharsets.UTF_8);
            case CERTIFICATE -> credential.certificate().privateKeyPkcs8();
            case ASSERTION -> ASSERTION_MARKER.clone();
        };
        SecretCipher.Sealed sealed;
        try {
            sealed = SecretCipher.seal(keys.primaryKey(), plaintext, associatedData(credential.name(), kind));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        try (PreparedStatement statement = c.prepareStatement(upsert)) {
            Cloud cloud = credential.cloud();
            statement.setString(1, credential.name());
            statement.setString(2, cloud.name());
            statement.setString(3, cloud.loginUrl().toString());
            statement.setString(4, cloud.graphUrl().toString());
            statement.setString(5, credential.homeTenant().value());
            statement.setString(6, credential.clientId());
            statement.setString(7, keys.primaryKeyId());
            statement.setBytes(8, sealed.iv());
            statement.setBytes(9, sealed.ciphertext());
            // a certificate's notAfter goes in secret_expires_at too, for SQL that looks for expiring credentials
            db.dialect().setInstant(statement, 10, credential.credentialExpiry().orElse(null));
            statement.setBoolean(11, credential.cspPartner());
            db.dialect().setInstant(statement, 12, db.now());
            statement.setString(13, kindColumn(kind));
            statement.setBytes(
                    14,
                    kind == AppCredential.Kind.CERTIFICATE
                            ? credential.certificate().encodedChain()
                            : null);
            return statement.executeUpdate();
        }
    }

    private List<AppCredential> query(Connection c, boolean bound, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            List<AppCredential> credentials = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    credentials.add(read(rows, bound));
                }
            }
            return credentials;
        }
    }

    /**
     * One row as a credential. {@code bound}: an assertion marker must have its callback bound (false only while
     * re-encrypting, which rewrites the marker without calling the callback).
     */
    private AppCredential read(ResultSet rows, boolean bound) throws SQLException {
        String name = rows.getString("name");
        String cloudName = rows.getString("cloud");
        Cloud cloud = cloudName.equals("custom")
                ? Cloud.custom(rows.getString("login_url"), rows.getString("graph_url"))
                : Cloud.of(cloudName);
        AppCredential.Kind kind = kind(name, rows.getString("credential_kind"));
        AppCredential.Builder builder = AppCredential.builder()
                .name(name)
                .cloud(cloud)
                .homeTenant(TenantId.of(rows.getString("home_tenant")))
                .clientId(rows.getString("client_id"))
                .cspPartner(rows.getBoolean("csp_partner"));
        byte[] plaintext = decrypt(
                name,
                kind,
                rows.getString("secret_key_id"),
                new SecretCipher.Sealed(rows.getBytes("secret_iv"), rows.getBytes("secret_ciphertext")));
        try {
            switch (kind) {
                case SECRET ->
                    builder.secret(ClientSecret.of(new String(plaintext, StandardCharsets.UTF_8)))
                            .secretExpiresAt(db.dialect().getInstant(rows, "secret_expires_at"));
                case CERTIFICATE ->
                    builder.certificate(certificate(name, plaintext, rows.getBytes("certificate_chain")));
                case ASSERTION -> builder.assertionProvider(provider(name, bound));
            }
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        return builder.build();
    }

    private static ClientCertificate certificate(String name, byte[] pkcs8, byte[] chain) {
        if (chain == null) {
            throw new IllegalStateException("Credential '" + name + "' is stored as a certificate but its"
                    + " certificate_chain column is empty; save the credential again with its certificate.");
        }
        try {
            return ClientCertificate.fromEncoded(pkcs8, chain);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored certificate of credential '" + name + "' cannot be read ("
                    + e.getMessage() + "); save the credential again with its certificate.");
        }
    }

    private ClientAssertionProvider provider(String name, boolean bound) {
        ClientAssertionProvider provider = assertionProviders.get(name);
        if (provider != null) {
            return provider;
        }
        if (!bound) {
            return UNBOUND;
        }
        throw new IllegalStateException("Credential '" + name + "' signs in with a client assertion callback"
                + " (workload identity federation), which entra-sync never stores, and no callback is bound to it in"
                + " this process. Bind it at start-up with JdbcCredentialStore.bindAssertionProvider(\"" + name
                + "\", provider), or delete the credential.");
    }

    /** Stands in for an unbound callback while a marker row is re-encrypted; never called. */
    private static final ClientAssertionProvider UNBOUND = () -> {
        throw new IllegalStateException("no client assertion callback is bound");
    };

    private static AppCredential.Kind kind(String name, String column) {
        return switch (column) {
            case "secret" -> AppCredential.Kind.SECRET;
            case "certificate" -> AppCredential.Kind.CERTIFICATE;
            case "assertion" -> AppCredential.Kind.ASSERTION;
            default ->
                throw new IllegalStateException("Credential '" + name + "' has the unknown kind '" + column
                        + "'; it was written by a newer entra-sync. Upgrade this one.");
        };
    }

    private static String kindColumn(AppCredential.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private byte[] decrypt(String name, AppCredential.Kind kind, String keyId, SecretCipher.Sealed sealed) {
        SecretKey key = keys.key(keyId)
                .orElseThrow(() -> new SecretKeyException(
                        name,
                        keyId,
                        secretWord(kind) + " of credential '"
                                + name + "' is encrypted with key '" + keyId
                                + "', which the SecretKeyRing does not hold (it holds "
                                + keys.keyIds() + "). Add key '" + keyId
                                + "' to the ring, or save the credential again with its secret or certificate.",
                        null));
        try {
            return SecretCipher.open(key, sealed, associatedData(name, kind));
        } catch (AEADBadTagException e) {
            throw new SecretKeyException(
                    name,
                    keyId,
                    secretWord(kind) + " of credential '" + name + "' does not decrypt with"
                            + " key '" + keyId + "': the ring's key '" + keyId
                            + "' differs from the one that encrypted it, or"
                            + " the stored row was altered. Supply the original key bytes for '" + keyId + "'.",
                    e);
        }
    }

    private static String secretWord(AppCredential.Kind kind) {
        return kind == AppCredential.Kind.CERTIFICATE ? "The certificate's private key" : "The secret";
    }

    /** Secrets keep the associated data they had before V7; a key or marker also names its kind. */
    private static byte[] associatedData(String name, AppCredential.Kind kind) {
        String prefix = kind == AppCredential.Kind.SECRET
                ? "entra-sync credential "
                : "entra-sync credential " + kindColumn(kind) + " ";
        return (prefix + name).getBytes(StandardCharsets.UTF_8);
    }
}
