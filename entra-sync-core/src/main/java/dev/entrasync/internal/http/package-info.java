/** Not API: the one OkHttp stack shared by MSAL4J and Microsoft Graph. */
package dev.entrasync.internal.http;
