package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.internal.NamedSql.params;

import dev.entrasync.TenantId;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.JsonText;
import dev.entrasync.jdbc.internal.NamedSql;
import dev.entrasync.jdbc.internal.Row;
import dev.entrasync.onboarding.ConsentRecord;
import dev.entrasync.onboarding.ConsentStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ConsentStore} in the {@code consents} and {@code consent_nonces} tables. A consent link's nonce
 * is marked used with a single insert on its primary key, so a link works once even when several host
 * instances share the database; nonces whose link has expired are deleted as new ones are marked. Get it
 * from {@link JdbcStorage#consentStore()}. Thread-safe; one connection per call.
 */
public final class JdbcConsentStore implements ConsentStore {

    private final Database db;
    private final String upsert;
    private final NamedSql find;
    private final NamedSql list;
    private final NamedSql delete;
    private final NamedSql purgeNonces;
    private final NamedSql insertNonce;

    JdbcConsentStore(Database db) {
        this.db = db;
        String consents = db.table("consents");
        this.upsert = db.dialect()
                .upsert(
                        consents,
                        List.of("credential_name", "tenant_id"),
                        List.of("credential_name", "tenant_id", "company_id", "permissions", "verified_at"));
        this.find = NamedSql.parse(
                "SELECT * FROM " + consents + " WHERE credential_name = :credential AND tenant_id = :tenant");
        this.list =
                NamedSql.parse("SELECT * FROM " + consents + " WHERE credential_name = :credential ORDER BY tenant_id");
        this.delete = NamedSql.parse(
                "DELETE FROM " + consents + " WHERE credential_name = :credential AND tenant_id = :tenant");
        this.purgeNonces = NamedSql.parse("DELETE FROM " + db.table("consent_nonces") + " WHERE usable_until < :now");
        this.insertNonce = NamedSql.parse(
                "INSERT INTO " + db.table("consent_nonces") + " (nonce, usable_until) VALUES (:nonce, :until)");
    }

    @Override
    public void save(ConsentRecord consent) {
        Objects.requireNonNull(consent, "consent");
        db.withConnection(
                "saving the consent of credential '" + consent.credentialName() + "' in tenant " + consent.tenant(),
                c -> {
                    try (var statement = c.prepareStatement(upsert)) {
                        statement.setString(1, consent.credentialName());
                        statement.setString(2, consent.tenant().value());
                        statement.setString(3, consent.companyId());
                        statement.setString(4, JsonText.write(List.copyOf(consent.permissions())));
                        db.dialect().setInstant(statement, 5, consent.verifiedAt());
                        return statement.executeUpdate();
                    }
                });
    }

    @Override
    public Optional<ConsentRecord> find(String credentialName, TenantId tenant) {
        return db
                .withConnection(
                        "reading the consent of credential '" + credentialName + "' in tenant " + tenant,
                        c -> db.query(c, find, key(credentialName, tenant), JdbcConsentStore::read))
                .stream()
                .findFirst();
    }

    @Override
    public List<ConsentRecord> list(String credentialName) {
        Objects.requireNonNull(credentialName, "credentialName");
        return db.withConnection(
                "listing the consents of credential '" + credentialName + "'",
                c -> db.query(c, list, params("credential", credentialName), JdbcConsentStore::read));
    }

    @Override
    public boolean delete(String credentialName, TenantId tenant) {
        return db.withConnection(
                "deleting the consent of credential '" + credentialName + "' in tenant " + tenant,
                c -> db.update(c, delete, key(credentialName, tenant)) > 0);
    }

    @Override
    public boolean markStateUsed(String nonce, Instant usableUntil) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(usableUntil, "usableUntil");
        return db.withConnection("marking a consent link used", c -> {
            db.update(c, purgeNonces, params("now", db.now()));
            try {
                return db.update(c, insertNonce, params("nonce", nonce, "until", usableUntil)) == 1;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static java.util.Map<String, Object> key(String credentialName, TenantId tenant) {
        return params(
                "credential",
                Objects.requireNonNull(credentialName, "credentialName"),
                "tenant",
                Objects.requireNonNull(tenant, "tenant").value());
    }

    private static ConsentRecord read(Row row) throws SQLException {
        return new ConsentRecord(
                row.string("credential_name"),
                TenantId.of(row.string("tenant_id")),
                row.string("company_id"),
                new HashSet<>(row.strings("permissions")),
                row.instant("verified_at"));
    }
}
