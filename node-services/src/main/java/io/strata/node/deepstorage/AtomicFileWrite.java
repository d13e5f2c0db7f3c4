package io.strata.node.deepstorage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that its final name only ever holds complete content: the bytes go to a
 * temporary file in the same directory (same file system, so the rename is atomic), are forced
 * to disk, and the temporary file is then renamed over the target. A crash or failure leaves at
 * worst a dot-prefixed {@code .<name>.<random>.tmp} beside the target, never a partial target;
 * a failure that this process sees removes the temporary file too.
 */
public final class AtomicFileWrite {

	/** Fills the temporary file; it may throw unchecked exceptions, which are passed on unchanged. */
	@FunctionalInterface
	public interface Content {

		void writeTo(FileChannel channel) throws IOException;

	}

	private AtomicFileWrite() {
	}

	/**
	 * Replaces {@code target} with what {@code content} writes. The parent directory must exist.
	 * @throws IOException from the file system or from {@code content}
	 */
	public static void write(Path target, Content content) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				content.writeTo(channel);
				// without this a power loss after the rename can leave the final name holding a hole
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (Throwable ex) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw ex;
		}
	}

	/** Content that copies a whole file, through the kernel where it can. */
	public static Content copyOf(Path source) {
		return channel -> {
			try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
				long size = in.size();
				long position = 0;
				while (position < size) {
					long copied = in.transferTo(position, size - position, channel);
					if (copied <= 0) {
						// the source shrank while we copied; what we have is not the whole file
						throw new IOException("File[" + source + "] ended at byte[" + position + "] of [" + size + "]");
					}
					position += copied;
				}
			}
		};
	}

}
