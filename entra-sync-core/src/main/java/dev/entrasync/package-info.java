/** entra-sync: sync Microsoft Entra ID data from many tenants into a host's storage. */
package dev.entrasync;
