/**
 * Time on every path: ISO-8601 instants and periods, intervals, and Druid's granularities that
 * cut time into segment buckets, rollup buckets and query buckets. All UTC unless a zone is given.
 */
package io.strata.engine.time;
