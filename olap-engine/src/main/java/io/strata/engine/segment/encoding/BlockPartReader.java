package io.strata.engine.segment.encoding;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Reads a part written by {@link BlockPartWriter} straight from mapped memory. Each block's
 * CRC32C is checked every time it is decoded, before decompression, so a flipped bit is an error,
 * never a wrong value. Thread-safe: callers pass their own decode buffer.
 */
public final class BlockPartReader {

	private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private final MemorySegment part;

	private final int blockCount;

	/**
	 * The safe decompressor, bounded by the stored length. lz4-java's native factory hands out a
	 * pure-Java "fast" decompressor but a native safe one, which decodes our blocks about twice as
	 * quickly (and reads no further than the stored bytes).
	 */
	private final LZ4SafeDecompressor decompressor = LZ4Factory.fastestInstance().safeDecompressor();

	/**
	 * Blocks whose checksum has passed. The mapped file never changes, so a block is checked once
	 * per reader rather than on every decode. Racy on purpose: a thread that misses another's
	 * mark only checks the block again.
	 */
	private final boolean[] verified;

	/** @throws CorruptPartException when the directory does not fit the part */
	public BlockPartReader(MemorySegment part) {
		this.part = part;
		if (part.byteSize() < 4) {
			throw new CorruptPartException("block part is truncated");
		}
		this.blockCount = part.get(INT, 0);
		long directoryBytes = 4 + 8L * (this.blockCount + 1L);
		if (this.blockCount < 0 || directoryBytes > part.byteSize()) {
			throw new CorruptPartException("block directory does not fit the part");
		}
		long previous = directoryBytes;
		for (int i = 0; i <= this.blockCount; i++) {
			long offset = part.get(LONG, 4 + 8L * i);
			if (offset < previous || offset > part.byteSize()) {
				throw new CorruptPartException("block offset " + i + " is out of range");
			}
			previous = offset;
		}
		if (previous != part.byteSize()) {
			throw new CorruptPartException("block part length does not match its directory");
		}
		this.verified = new boolean[this.blockCount];
	}

	public int blockCount() {
		return this.blockCount;
	}

	/**
	 * The decoded length of a block, read from its header. The checksum covering it is only
	 * verified when the block is decoded, so the length is first checked against what the stored
	 * bytes can decode to before a caller sizes a buffer from it.
	 * @throws CorruptPartException when the header cannot be right
	 */
	public int decodedLength(int block) {
		long start = blockStart(block);
		long end = this.part.get(LONG, 4 + 8L * (block + 1));
		int decodedLength = this.part.get(INT, start + 1);
		long storedLength = end - start - BlockPartWriter.BLOCK_HEADER_BYTES;
		byte codec = this.part.get(ValueLayout.JAVA_BYTE, start);
		// LZ4 expands at most about 255 times; a stored block is its own length
		long limit = codec == BlockPartWriter.CODEC_LZ4 ? storedLength * 255 + 64 : storedLength;
		if (storedLength < 0 || decodedLength < 0 || decodedLength > limit) {
			throw new CorruptPartException("block " + block + " has a bad header");
		}
		return decodedLength;
	}

	/**
	 * Decodes block {@code block} into {@code buffer} (grown by the caller to at least
	 * {@link #decodedLength}) and returns a little-endian view of the decoded bytes.
	 */
	public ByteBuffer decode(int block, byte[] buffer) {
		long start = blockStart(block);
		long end = this.part.get(LONG, 4 + 8L * (block + 1));
		byte codec = this.part.get(ValueLayout.JAVA_BYTE, start);
		int decodedLength = decodedLength(block);
		int expectedCrc = this.part.get(INT, start + 5);
		long storedLength = end - start - BlockPartWriter.BLOCK_HEADER_BYTES;
		if (decodedLength > buffer.length) {
			throw new CorruptPartException("block " + block + " has a bad header");
		}
		ByteBuffer stored = this.part.asSlice(start + BlockPartWriter.BLOCK_HEADER_BYTES, storedLength).asByteBuffer();
		if (!this.verified[block]) {
			CRC32C crc = BlockPartWriter.headerChecksum(codec, decodedLength);
			crc.update(stored.duplicate());
			if ((int) crc.getValue() != expectedCrc) {
				throw new CorruptPartException("block " + block + " fails its checksum");
			}
			this.verified[block] = true;
		}
		switch (codec) {
			case BlockPartWriter.CODEC_STORED -> {
				if (storedLength != decodedLength) {
					throw new CorruptPartException("block " + block + " has a bad length");
				}
				stored.get(buffer, 0, decodedLength);
			}
			case BlockPartWriter.CODEC_LZ4 -> {
				try {
					int written = this.decompressor.decompress(stored, 0, (int) storedLength, ByteBuffer.wrap(buffer), 0,
							decodedLength);
					if (written != decodedLength) {
						throw new CorruptPartException("block " + block + " does not decompress to its length");
					}
				}
				catch (CorruptPartException ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					throw new CorruptPartException("block " + block + " does not decompress");
				}
			}
			default -> throw new CorruptPartException("block " + block + " has unknown codec " + codec);
		}
		return ByteBuffer.wrap(buffer, 0, decodedLength).slice().order(ByteOrder.LITTLE_ENDIAN);
	}

	private long blockStart(int block) {
		if (block < 0 || block >= this.blockCount) {
			throw new CorruptPartException("block " + block + " does not exist");
		}
		return this.part.get(LONG, 4 + 8L * block);
	}

}
