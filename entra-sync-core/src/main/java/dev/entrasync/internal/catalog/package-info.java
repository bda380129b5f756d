/** Not API: reading licence catalogs (Microsoft's CSV and the built-in list). */
package dev.entrasync.internal.catalog;
