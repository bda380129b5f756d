package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.entrasync.GraphPermission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code POST /users/{id | userPrincipalName}/sendMail} (Mail.Send): one message, saved to Sent Items; Graph answers 202. */
public final class SendMail {

    private SendMail() {}

    /** Sends one message as {@code from}; throws the pipeline's typed {@code GraphException}s. */
    public static void send(
            TenantGraph graph, String from, List<String> to, String subject, String body, boolean html) {
        String sender = URLEncoder.encode(from, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%40", "@");
        GraphRequest request = GraphRequest.post(
                graph.v1("users/" + sender + "/sendMail"),
                json(to, subject, body, html),
                Priority.NORMAL,
                PermissionNames.of(GraphPermission.MAIL_SEND));
        graph.send(request, in -> null, new RequestStats());
    }

    static byte[] json(List<String> to, String subject, String body, boolean html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("message");
            g.writeStringField("subject", subject);
            g.writeObjectFieldStart("body");
            g.writeStringField("contentType", html ? "HTML" : "Text");
            g.writeStringField("content", body);
            g.writeEndObject();
            g.writeArrayFieldStart("toRecipients");
            for (String address : to) {
                g.writeStartObject();
                g.writeObjectFieldStart("emailAddress");
                g.writeStringField("address", address);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeBooleanField("saveToSentItems", true);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
