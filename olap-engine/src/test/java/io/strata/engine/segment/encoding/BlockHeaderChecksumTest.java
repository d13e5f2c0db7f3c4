package io.strata.engine.segment.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A block's CRC covers its header (codec byte and decoded length) as well as its stored bytes:
 * a damaged header byte is caught by the checksum, never decoded into wrong or short data.
 */
class BlockHeaderChecksumTest {

	@Test
	void everyDamagedHeaderByteOfEveryBlockIsCaught() {
		byte[] compressible = new byte[10_000];
		for (int i = 0; i < compressible.length; i++) {
			compressible[i] = (byte) (i / 100);
		}
		byte[] random = new byte[3_000];
		new SplittableRandom(5).nextBytes(random);
		BlockPartWriter writer = new BlockPartWriter();
		writer.addBlock(compressible, compressible.length);
		writer.addBlock(random, random.length);
		ByteSink sink = new ByteSink();
		writer.writeTo(sink);
		byte[] part = sink.toByteArray();
		ByteBuffer view = ByteBuffer.wrap(part).order(ByteOrder.LITTLE_ENDIAN);
		int[] starts = { (int) view.getLong(4), (int) view.getLong(12) };
		assertThat(part[starts[0]]).as("first block is LZ4").isEqualTo(BlockPartWriter.CODEC_LZ4);
		assertThat(part[starts[1]]).as("second block is stored").isEqualTo(BlockPartWriter.CODEC_STORED);

		for (int block = 0; block < 2; block++) {
			// the codec byte, then each byte of the decoded length, with small and large changes
			for (int offset = 0; offset < 5; offset++) {
				for (int mask : new int[] { 0x01, 0x02, 0x10, 0x80 }) {
					byte[] damaged = part.clone();
					damaged[starts[block] + offset] ^= (byte) mask;
					BlockPartReader reader = new BlockPartReader(MemorySegment.ofArray(damaged));
					int b = block;
					String what = "block " + block + " header byte " + offset + " ^ " + mask;
					assertThatThrownBy(() -> {
						byte[] buffer = new byte[Math.max(reader.decodedLength(b), 20_000)];
						reader.decode(b, buffer);
					}).as(what).isInstanceOf(CorruptPartException.class);
					// the other block is untouched and still decodes
					int other = 1 - block;
					byte[] buffer = new byte[20_000];
					assertThat(reader.decode(other, buffer).remaining()).as(what)
						.isEqualTo(other == 0 ? compressible.length : random.length);
				}
			}
		}
	}

	@Test
	void aShorterLengthInAnLz4HeaderFailsTheChecksum() {
		// the case only the header checksum catches: LZ4 decodes a prefix happily
		byte[] compressible = new byte[4_096];
		for (int i = 0; i < compressible.length; i++) {
			compressible[i] = (byte) (i / 64);
		}
		BlockPartWriter writer = new BlockPartWriter();
		writer.addBlock(compressible, compressible.length);
		ByteSink sink = new ByteSink();
		writer.writeTo(sink);
		byte[] part = sink.toByteArray();
		int start = (int) ByteBuffer.wrap(part).order(ByteOrder.LITTLE_ENDIAN).getLong(4);
		assertThat(part[start]).isEqualTo(BlockPartWriter.CODEC_LZ4);
		// 4096 = 0x1000: one less in the second length byte is 0x0F00
		part[start + 2] = 0x0F;
		BlockPartReader reader = new BlockPartReader(MemorySegment.ofArray(part));
		assertThat(reader.decodedLength(0)).isEqualTo(0x0F00);
		assertThatThrownBy(() -> reader.decode(0, new byte[compressible.length])).isInstanceOf(CorruptPartException.class)
			.hasMessageContaining("checksum");
	}

}
