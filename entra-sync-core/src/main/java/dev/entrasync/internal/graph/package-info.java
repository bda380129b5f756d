/** Not API: the Microsoft Graph pipeline (Graph SDK core middleware and request adapter, Jackson streaming, retry, limits). */
package dev.entrasync.internal.graph;
