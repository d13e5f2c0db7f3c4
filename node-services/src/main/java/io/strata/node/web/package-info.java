/**
 * The HTTP edge shared by every role: {@code /status}, the {@code /druid/v2} entry point (which
 * hands a query to the role that answers it here) and the one advice that renders Druid's
 * error JSON.
 */
package io.strata.node.web;
