/**
 * Findings: security and hygiene rules evaluated over a tenant's stored data. A {@link
 * dev.entrasync.findings.FindingRule} reads a {@link dev.entrasync.findings.TenantData} (a read-only view of what was
 * synced) and returns {@link dev.entrasync.findings.Finding}s; {@link dev.entrasync.findings.Findings} runs the rules
 * whose datasets a successful run synced. {@link dev.entrasync.findings.BuiltInRules} holds the rules entra-sync
 * ships, each naming the recommendation it comes from. Uses only {@code dev.entrasync} and its {@code model}.
 */
package dev.entrasync.findings;
