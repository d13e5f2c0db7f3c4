/**
 * Deep storage in an S3 bucket (AWS or any S3-compatible server such as MinIO or s3proxy):
 * the clustered setup, where indexers push and historicals pull over the network (data path).
 * Built on the AWS SDK v2 with the URL-connection HTTP client.
 */
package io.strata.node.deepstorage.s3;
