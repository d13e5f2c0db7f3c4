/**
 * Who may report usage: API tokens, stored only as SHA-256 hashes, each scoped to the APIs
 * (services) whose usage it may report; and the per-account keys that encrypt sensitive identifiers.
 */
package io.strata.gateway.auth;
