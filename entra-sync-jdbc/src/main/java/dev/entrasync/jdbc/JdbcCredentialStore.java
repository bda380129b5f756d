package dev.entrasync.jdbc;

import dev.entrasync.AppCredential;
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
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * A {@link CredentialStore} in the {@code credentials} table. The client secret is stored only as
 * AES-256-GCM ciphertext under the {@link SecretKeyRing}'s primary key, with a random 96-bit IV per write
 * and the key id beside it; the credential's name is bound as associated data, so a ciphertext moved to
 * another row does not decrypt. Nothing in the table reveals the secret without the key.
 *
 * <p>Get it from {@link JdbcStorage#credentialStore(SecretKeyRing)}. Thread-safe; each call uses one
 * connection from the host's pool. Reading a secret the ring cannot decrypt throws
 * {@link SecretKeyException} naming the credential and key id.
 */
public final class JdbcCredentialStore implements CredentialStore {

    private static final String COLUMNS = "name, cloud, login_url, graph_url, home_tenant, client_id, secret_key_id,"
            + " secret_iv, secret_ciphertext, secret_expires_at, csp_partner, updated_at";

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

    @Override
    public void save(AppCredential credential) {
        Objects.requireNonNull(credential, "credential");
        db.withConnection("saving credential '" + credential.name() + "'", c -> write(c, credential));
    }

    @Override
    public Optional<AppCredential> find(String name) {
        Objects.requireNonNull(name, "name");
        return db.withConnection("reading credential '" + name + "'", c -> {
            List<AppCredential> found = query(c, select + " WHERE name = ?", name);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<AppCredential> list() {
        return db.withConnection("listing credentials", c -> query(c, select + " ORDER BY name"));
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
                    query(c, select + " WHERE secret_key_id <> ? ORDER BY name", keys.primaryKeyId());
            for (AppCredential credential : stale) {
                write(c, credential);
            }
            return stale.size();
        });
    }

    private int write(Connection c, AppCredential credential) throws SQLException {
        byte[] plaintext = credential.secret().reveal().getBytes(StandardCharsets.UTF_8);
        SecretCipher.Sealed sealed;
        try {
            sealed = SecretCipher.seal(keys.primaryKey(), plaintext, associatedData(credential.name()));
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
            db.dialect().setInstant(statement, 10, credential.secretExpiresAt());
            statement.setBoolean(11, credential.cspPartner());
            db.dialect().setInstant(statement, 12, db.now());
            return statement.executeUpdate();
        }
    }

    private List<AppCredential> query(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            List<AppCredential> credentials = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    credentials.add(read(rows));
                }
            }
            return credentials;
        }
    }

    private AppCredential read(ResultSet rows) throws SQLException {
        String name = rows.getString("name");
        String cloudName = rows.getString("cloud");
        Cloud cloud = cloudName.equals("custom")
                ? Cloud.custom(rows.getString("login_url"), rows.getString("graph_url"))
                : Cloud.of(cloudName);
        return AppCredential.builder()
                .name(name)
                .cloud(cloud)
                .homeTenant(TenantId.of(rows.getString("home_tenant")))
                .clientId(rows.getString("client_id"))
                .secret(decrypt(
                        name,
                        rows.getString("secret_key_id"),
                        new SecretCipher.Sealed(rows.getBytes("secret_iv"), rows.getBytes("secret_ciphertext"))))
                .secretExpiresAt(db.dialect().getInstant(rows, "secret_expires_at"))
                .cspPartner(rows.getBoolean("csp_partner"))
                .build();
    }

    private ClientSecret decrypt(String name, String keyId, SecretCipher.Sealed sealed) {
        SecretKey key = keys.key(keyId)
                .orElseThrow(() -> new SecretKeyException(
                        name,
                        keyId,
                        "The secret of credential '"
                                + name + "' is encrypted with key '" + keyId
                                + "', which the SecretKeyRing does not hold (it holds "
                                + keys.keyIds() + "). Add key '" + keyId
                                + "' to the ring, or save the credential again with its secret.",
                        null));
        byte[] plaintext = null;
        try {
            plaintext = SecretCipher.open(key, sealed, associatedData(name));
            return ClientSecret.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new SecretKeyException(
                    name,
                    keyId,
                    "The secret of credential '" + name + "' does not decrypt with"
                            + " key '" + keyId + "': the ring's key '" + keyId
                            + "' differs from the one that encrypted it, or"
                            + " the stored row was altered. Supply the original key bytes for '" + keyId + "'.",
                    e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private static byte[] associatedData(String name) {
        return ("entra-sync credential " + name).getBytes(StandardCharsets.UTF_8);
    }
}
