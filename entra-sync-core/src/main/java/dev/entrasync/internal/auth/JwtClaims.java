package dev.entrasync.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the claims entra-sync needs (roles, tid) from a JWT's payload; the signature is Graph's business. */
final class JwtClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode payload;

    private JwtClaims(JsonNode payload) {
        this.payload = payload;
    }

    /** Decodes the payload; a token that is not JWT-shaped yields no claims. */
    static JwtClaims of(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return new JwtClaims(JSON.createObjectNode());
        }
        try {
            return new JwtClaims(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (IOException | IllegalArgumentException e) {
            return new JwtClaims(JSON.createObjectNode());
        }
    }

    /** The {@code roles} claim: granted application permissions; empty when the claim is absent. */
    Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        JsonNode node = payload.path("roles");
        if (node.isArray()) {
            node.forEach(r -> roles.add(r.asText()));
        }
        return roles;
    }

    /** The {@code tid} claim, or null. */
    String tenantId() {
        JsonNode tid = payload.get("tid");
        return tid == null || tid.isNull() ? null : tid.asText();
    }
}
