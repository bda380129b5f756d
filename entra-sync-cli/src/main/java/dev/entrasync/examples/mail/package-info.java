/**
 * Mail reports for a sample host: {@link dev.entrasync.examples.mail.MailNotifier} mails a per-company
 * summary with the company's open findings, and a notice when a sync fails or a client secret is about to
 * expire, through entra-sync's {@link dev.entrasync.mail.MailSender} (Graph {@code sendMail}, app-only), and
 * only when mail is enabled.
 */
package dev.entrasync.examples.mail;
