package io.strata.engine.segment.encoding;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

import java.util.zip.CRC32C;

/**
 * Writes a part made of independently decodable blocks, each LZ4-compressed when that saves at
 * least an eighth, each with its own CRC32C so corruption is caught block by block.
 * Read by {@link BlockPartReader}. Layout (little-endian):
 * <pre>
 * int   blockCount
 * long  blockOffset[blockCount + 1]   relative to the part start; the last is the part length
 * block[blockCount]:
 *   byte  codec (0 = stored, 1 = LZ4)
 *   int   decodedLength
 *   int   crc32c of the codec byte, the decoded length (LE) and the stored bytes
 *   byte  stored[...]
 * </pre>
 */
public final class BlockPartWriter {

	static final byte CODEC_STORED = 0;

	static final byte CODEC_LZ4 = 1;

	static final int BLOCK_HEADER_BYTES = 9;

	private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();

	private final ByteSink blocks = new ByteSink(1 << 16);

	private final java.util.List<Integer> starts = new java.util.ArrayList<>();

	private byte[] compressBuffer = new byte[0];

	private long decodedBytes;

	public void addBlock(ByteSink decoded) {
		addBlock(decoded.array(), decoded.size());
	}

	public void addBlock(byte[] decoded, int length) {
		this.starts.add(this.blocks.size());
		this.decodedBytes += length;
		int bound = this.compressor.maxCompressedLength(length);
		if (this.compressBuffer.length < bound) {
			this.compressBuffer = new byte[bound];
		}
		int compressed = this.compressor.compress(decoded, 0, length, this.compressBuffer, 0, bound);
		boolean useLz4 = compressed < length - (length >>> 3);
		byte[] stored = useLz4 ? this.compressBuffer : decoded;
		int storedLength = useLz4 ? compressed : length;
		byte codec = useLz4 ? CODEC_LZ4 : CODEC_STORED;
		CRC32C crc = headerChecksum(codec, length);
		crc.update(stored, 0, storedLength);
		this.blocks.writeByte(codec);
		this.blocks.writeInt(length);
		this.blocks.writeInt((int) crc.getValue());
		this.blocks.write(stored, 0, storedLength);
	}

	/** A checksum started over a block's header, so that a damaged codec or length is caught too. */
	static CRC32C headerChecksum(byte codec, int decodedLength) {
		CRC32C crc = new CRC32C();
		crc.update(codec);
		crc.update(decodedLength);
		crc.update(decodedLength >>> 8);
		crc.update(decodedLength >>> 16);
		crc.update(decodedLength >>> 24);
		return crc;
	}

	public int blockCount() {
		return this.starts.size();
	}

	/** Bytes of all blocks before compression, for reporting. */
	public long decodedBytes() {
		return this.decodedBytes;
	}

	/** Appends the finished part to {@code out}. */
	public void writeTo(ByteSink out) {
		int count = this.starts.size();
		long directoryBytes = 4 + 8L * (count + 1);
		out.writeInt(count);
		for (int start : this.starts) {
			out.writeLong(directoryBytes + start);
		}
		out.writeLong(directoryBytes + this.blocks.size());
		out.write(this.blocks.array(), 0, this.blocks.size());
	}

}
