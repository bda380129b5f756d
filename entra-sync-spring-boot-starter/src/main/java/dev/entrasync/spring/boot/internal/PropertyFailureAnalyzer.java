package dev.entrasync.spring.boot.internal;

import dev.entrasync.spring.boot.EntraSyncPropertyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a failed start caused by an {@code entra-sync.*} property as Boot's description and action. */
public final class PropertyFailureAnalyzer extends AbstractFailureAnalyzer<EntraSyncPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EntraSyncPropertyException cause) {
        // the message is "<property>: <problem>. <action>"; Boot prints the action apart
        String message = cause.getMessage();
        String description = message.endsWith(cause.action())
                ? message.substring(0, message.length() - cause.action().length())
                        .trim()
                : message;
        return new FailureAnalysis(description, cause.action(), cause);
    }
}
