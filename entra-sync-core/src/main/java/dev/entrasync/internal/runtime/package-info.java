/**
 * Not API: what one {@link dev.entrasync.runtime.EntraSync} runtime shares with the engine, onboarding and mail
 * ({@link dev.entrasync.internal.runtime.SharedParts}), and how the runtime hands it to onboarding and mail without a
 * public way in ({@link dev.entrasync.internal.runtime.RuntimeViews}).
 */
package dev.entrasync.internal.runtime;
