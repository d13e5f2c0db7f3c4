/**
 * Sensitive identifiers (the email or phone a call resolved) leave the gateway only encrypted with
 * AES-GCM under a key per account; the keys stay in the gateway's key store, never in events.
 */
package io.strata.gateway.crypto;
