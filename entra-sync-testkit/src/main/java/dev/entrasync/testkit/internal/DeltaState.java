package dev.entrasync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a delta token or a delta round's skip token carries: the collection, the {@code $select}
 * of the first call, and the change-log window. Serialized as opaque base64url JSON.
 *
 * @param select the names the first call selected, or null when it had no {@code $select}
 * @param changes false while the round lists every object, true while it lists changes
 * @param fromSeq changes after this sequence number are listed (changes rounds)
 * @param toSeq the change-log position the round's delta link will carry
 * @param afterId the last id served in this round, or null at its start
 * @param emptyServed whether the round's injected empty page was served
 * @param serial the delta link's serial number (0 inside a round)
 * @param issuedAt the delta link's issue time, epoch seconds (0 inside a round)
 */
record DeltaState(
        String collection,
        List<String> select,
        boolean changes,
        long fromSeq,
        long toSeq,
        String afterId,
        boolean emptyServed,
        long serial,
        long issuedAt) {

    String encode() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("c", collection);
        map.put("s", select);
        map.put("k", changes);
        map.put("f", fromSeq);
        map.put("t", toSeq);
        map.put("a", afterId);
        map.put("e", emptyServed);
        map.put("n", serial);
        map.put("i", issuedAt);
        return Links.token(Json.string(map));
    }

    @SuppressWarnings("unchecked")
    static DeltaState decode(String token, String collection) {
        try {
            Map<String, Object> map =
                    Json.parseObject(Links.untoken(token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            DeltaState state = new DeltaState(
                    (String) map.get("c"),
                    (List<String>) map.get("s"),
                    (Boolean) map.get("k"),
                    ((Number) map.get("f")).longValue(),
                    ((Number) map.get("t")).longValue(),
                    (String) map.get("a"),
                    (Boolean) map.get("e"),
                    ((Number) map.get("n")).longValue(),
                    ((Number) map.get("i")).longValue());
            if (!collection.equals(state.collection())) {
                throw new IllegalArgumentException("token of another collection");
            }
            return state;
        } catch (RuntimeException e) {
            if (e instanceof GraphException ge) {
                throw ge;
            }
            throw GraphException.badRequest("The delta or skip token is not valid for this request.");
        }
    }

    DeltaState after(String id, boolean empty) {
        return new DeltaState(collection, select, changes, fromSeq, toSeq, id, empty, 0, 0);
    }
}
