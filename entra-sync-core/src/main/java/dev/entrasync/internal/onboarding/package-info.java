/** Not API: the machinery behind {@code dev.entrasync.onboarding} (signed state, consent verification, partner customers). */
package dev.entrasync.internal.onboarding;
