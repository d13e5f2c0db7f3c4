/**
 * Building S3 clients that work against AWS and S3-compatible servers alike; shared by the
 * cluster's deep storage, the usage archive and batch inputs so that every module reaches S3 the
 * same way.
 */
package io.strata.s3;
