/** Not API: what one {@link dev.entrasync.runtime.EntraSync} runtime shares with the engine, onboarding and mail. */
package dev.entrasync.internal.runtime;
