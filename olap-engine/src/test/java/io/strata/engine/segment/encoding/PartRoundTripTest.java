package io.strata.engine.segment.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.engine.segment.column.Utf8Order;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/** Round trips of the part encodings a segment file is made of: LZ4 blocks, dictionaries, bitmaps. */
class PartRoundTripTest {

	@Test
	void blockPartsKeepEveryBlockCompressibleOrNot() {
		SplittableRandom random = new SplittableRandom(21);
		for (int round = 0; round < 50; round++) {
			BlockPartWriter writer = new BlockPartWriter();
			List<byte[]> blocks = new ArrayList<>();
			int count = round == 0 ? 0 : random.nextInt(1, 12);
			for (int b = 0; b < count; b++) {
				byte[] block = new byte[random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(100_000)];
				boolean compressible = random.nextBoolean();
				for (int i = 0; i < block.length; i++) {
					block[i] = (byte) (compressible ? i / 100 : random.nextInt(256));
				}
				blocks.add(block);
				writer.addBlock(block, block.length);
			}
			ByteSink sink = new ByteSink();
			writer.writeTo(sink);
			BlockPartReader reader = new BlockPartReader(MemorySegment.ofArray(sink.toByteArray()));
			assertThat(reader.blockCount()).isEqualTo(count);
			for (int b = 0; b < count; b++) {
				assertThat(reader.decodedLength(b)).isEqualTo(blocks.get(b).length);
				byte[] buffer = new byte[blocks.get(b).length + 5];
				ByteBuffer decoded = reader.decode(b, buffer);
				byte[] bytes = new byte[decoded.remaining()];
				decoded.get(bytes);
				assertThat(bytes).isEqualTo(blocks.get(b));
			}
			assertThatThrownBy(() -> reader.decode(count, new byte[10])).isInstanceOf(CorruptPartException.class);
		}
	}

	@Test
	void dictionariesFindEveryValueAndTheInsertionPointOfOthers() {
		SplittableRandom random = new SplittableRandom(22);
		for (int round = 0; round < 30; round++) {
			TreeSet<String> set = new TreeSet<>(Utf8Order.INSTANCE);
			int size = round == 0 ? 0 : random.nextInt(1, 3_000);
			while (set.size() < size) {
				set.add(randomString(random));
			}
			List<String> values = new ArrayList<>(set);
			ByteSink sink = new ByteSink();
			DictionaryPartWriter.write(values, sink);
			DictionaryPartReader reader = new DictionaryPartReader(MemorySegment.ofArray(sink.toByteArray()));
			assertThat(reader.size()).isEqualTo(values.size());
			for (int i = 0; i < values.size(); i++) {
				assertThat(reader.get(i)).isEqualTo(values.get(i));
				assertThat(reader.indexOf(values.get(i))).isEqualTo(i);
			}
			for (int i = 0; i < 500; i++) {
				String probe = randomString(random);
				assertThat(reader.indexOf(probe)).as(probe)
					.isEqualTo(Collections.binarySearch(values, probe, Utf8Order.INSTANCE));
			}
			assertThatThrownBy(() -> reader.get(values.size())).isInstanceOf(IndexOutOfBoundsException.class);
		}
	}

	@Test
	void utf8OrderIsTheOrderOfTheUtf8Bytes() {
		SplittableRandom random = new SplittableRandom(23);
		for (int i = 0; i < 100_000; i++) {
			String a = randomString(random);
			String b = randomString(random);
			int expected = Integer.signum(compareBytes(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(Integer.signum(Utf8Order.INSTANCE.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
		}
	}

	@Test
	void bitmapsComeBackEqual() {
		SplittableRandom random = new SplittableRandom(24);
		List<RoaringBitmap> bitmaps = new ArrayList<>();
		bitmaps.add(new RoaringBitmap());
		bitmaps.add(RoaringBitmap.bitmapOf(0));
		bitmaps.add(RoaringBitmap.bitmapOfRange(0, 1_000_000));
		for (int i = 0; i < 40; i++) {
			RoaringBitmap bitmap = new RoaringBitmap();
			int n = random.nextInt(20_000);
			int spread = 1 + random.nextInt(1 << 22);
			for (int j = 0; j < n; j++) {
				bitmap.add(random.nextInt(spread));
			}
			bitmaps.add(bitmap);
		}
		List<RoaringBitmap> expected = bitmaps.stream().map(RoaringBitmap::clone).toList();
		ByteSink sink = new ByteSink();
		BitmapPartWriter.write(bitmaps, sink);
		BitmapPartReader reader = new BitmapPartReader(MemorySegment.ofArray(sink.toByteArray()));
		assertThat(reader.size()).isEqualTo(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			ImmutableRoaringBitmap read = reader.get(i);
			assertThat(read.toMutableRoaringBitmap().toRoaringBitmap()).isEqualTo(expected.get(i));
		}
	}

	@Test
	void truncatedPartsAreCorruptNotOutOfBounds() {
		ByteSink dictionary = new ByteSink();
		DictionaryPartWriter.write(List.of("a", "bb", "ccc"), dictionary);
		ByteSink bitmaps = new ByteSink();
		BitmapPartWriter.write(List.of(RoaringBitmap.bitmapOf(1, 2), RoaringBitmap.bitmapOf(7)), bitmaps);
		BlockPartWriter blockWriter = new BlockPartWriter();
		blockWriter.addBlock(new byte[300], 300);
		ByteSink blocks = new ByteSink();
		blockWriter.writeTo(blocks);
		for (ByteSink part : List.of(dictionary, bitmaps, blocks)) {
			byte[] bytes = part.toByteArray();
			for (int length = 0; length < bytes.length; length++) {
				MemorySegment cut = MemorySegment.ofArray(java.util.Arrays.copyOf(bytes, length));
				assertThatThrownBy(() -> {
					if (part == dictionary) {
						new DictionaryPartReader(cut);
					}
					else if (part == bitmaps) {
						new BitmapPartReader(cut);
					}
					else {
						new BlockPartReader(cut).decode(0, new byte[400]);
					}
				}).as("%d of %d bytes", length, bytes.length).isInstanceOf(CorruptPartException.class);
			}
		}
	}

	@Test
	void aDamagedBlockLengthIsRefusedBeforeABufferIsSizedFromIt() {
		for (boolean compressible : new boolean[] { true, false }) {
			byte[] block = new byte[5_000];
			SplittableRandom random = new SplittableRandom(25);
			for (int i = 0; i < block.length; i++) {
				block[i] = (byte) (compressible ? i / 1000 : random.nextInt(256));
			}
			BlockPartWriter writer = new BlockPartWriter();
			writer.addBlock(block, block.length);
			ByteSink sink = new ByteSink();
			writer.writeTo(sink);
			byte[] bytes = sink.toByteArray();
			int header = 4 + 8 * 2;
			// the top bits of the little-endian decoded length: 2^30 bytes from a 5,000-byte block
			bytes[header + 4] ^= 0x40;
			BlockPartReader reader = new BlockPartReader(MemorySegment.ofArray(bytes));
			assertThatThrownBy(() -> reader.decodedLength(0)).isInstanceOf(CorruptPartException.class);
			assertThatThrownBy(() -> reader.decode(0, new byte[10_000])).isInstanceOf(CorruptPartException.class);
		}
	}

	private static int compareBytes(byte[] a, byte[] b) {
		return java.util.Arrays.compareUnsigned(a, b);
	}

	private static String randomString(SplittableRandom random) {
		int length = random.nextInt(8);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int codePoint = switch (random.nextInt(5)) {
				case 0 -> random.nextInt('a', 'e');
				case 1 -> random.nextInt(0x80, 0x800);
				case 2 -> random.nextBoolean() ? random.nextInt(0xE000, 0x10000) : random.nextInt(0x800, 0xD800);
				case 3 -> random.nextInt(0x10000, 0x110000);
				default -> random.nextInt(0x20, 0x7f);
			};
			out.appendCodePoint(codePoint);
		}
		return out.toString();
	}

}
