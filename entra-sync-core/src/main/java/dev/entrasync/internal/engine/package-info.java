/** Not API: the sync engine. */
package dev.entrasync.internal.engine;
