/** Not API: app-only tokens through MSAL4J, cached per credential and tenant. */
package dev.entrasync.internal.auth;
