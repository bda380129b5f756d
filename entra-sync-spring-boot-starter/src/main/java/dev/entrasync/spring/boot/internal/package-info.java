/** Not API: the pieces behind the auto-configuration; may change in any release. */
package dev.entrasync.spring.boot.internal;
