package io.strata.gateway.batch;

import java.nio.file.Path;

/** Where posted summary files wait for their import (deleted once it is done). */
public record BatchSpool(Path directory) {

}
