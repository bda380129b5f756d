/** Not API: rate limiting on injectable time. */
package dev.entrasync.internal.limit;
