package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.SentMail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /users/{id | userPrincipalName}/sendMail} with a JSON {@code message}: needs
 * Mail.Send, answers 202 with no body and keeps the message for {@code SimulatedCloud.sentMail()}.
 */
final class SendMailEndpoint implements GraphHandler {
    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(GraphPermissions.MAIL_SEND);
        String who = ctx.pathParam(0);
        EntityStore users = ctx.tenant().store("users");
        Map<String, Object> sender = users.get(who);
        if (sender == null) {
            sender = users.all().stream()
                    .filter(u -> who.equalsIgnoreCase(String.valueOf(u.get("userPrincipalName"))))
                    .findFirst()
                    .orElse(null);
        }
        if (sender == null) {
            throw new GraphException(404, "ErrorInvalidUser", "The requested user '" + who + "' is invalid.");
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(ctx.request().body().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new GraphException(400, "ErrorInvalidRequest", "Cannot read the request body.");
        }
        if (!(body.get("message") instanceof Map<?, ?> message)) {
            throw new GraphException(400, "ErrorInvalidRequest", "The 'message' parameter is required.");
        }
        Object subject = message.get("subject");
        Object content = message.get("body") instanceof Map<?, ?> b ? b.get("content") : null;
        List<String> to = new ArrayList<>();
        if (message.get("toRecipients") instanceof List<?> recipients) {
            for (Object recipient : recipients) {
                if (recipient instanceof Map<?, ?> r && r.get("emailAddress") instanceof Map<?, ?> a) {
                    to.add(String.valueOf(a.get("address")));
                }
            }
        }
        boolean save = !Boolean.FALSE.equals(body.get("saveToSentItems"));
        ctx.cloud()
                .mail()
                .add(new SentMail(
                        ctx.tenant().id(),
                        (String) sender.get("id"),
                        (String) sender.get("userPrincipalName"),
                        subject == null ? "" : subject.toString(),
                        content == null ? "" : content.toString(),
                        to,
                        save,
                        ctx.request().body(),
                        ctx.cloud().now()));
        return SimResponse.empty(202);
    }
}
