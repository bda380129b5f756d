/**
 * Mail: {@link dev.entrasync.mail.MailSender}, from the host's {@link dev.entrasync.runtime.EntraSync} runtime
 * ({@code entra.mail()}), sends a message from a mailbox of the credential's home
 * tenant (the partner's own tenant) through Graph {@code sendMail}, app-only. Only hosts that enable mail
 * need it, and only they need the {@code Mail.Send} application permission
 * ({@link dev.entrasync.onboarding.PermissionManifest#of(java.util.Set, boolean, boolean)} with
 * {@code mailEnabled}). Incubating: this API may change before 1.0.
 */
package dev.entrasync.mail;
