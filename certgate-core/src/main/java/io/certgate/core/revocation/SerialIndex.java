package io.certgate.core.revocation;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The revoked serial numbers of one CRL, held compactly for O(1) membership tests.
 *
 * <p>Serials that fit in 63 bits (the usual sequential ones) live as plain {@code long}s in an
 * open-addressing table; longer serials (RFC 5280 allows 20 octets, and random 128-bit serials are
 * common) are packed back to back in one byte pool with an offset table and an open-addressing
 * table of their indices. Nothing is allocated per entry, so a million serials take a few tens of
 * MiB rather than the hundreds a map of {@link BigInteger} would need. Immutable once built.
 */
final class SerialIndex {
  private static final long EMPTY = -1L; // no 63-bit serial is negative

  private final long[] smallTable;
  private final byte[] pool;
  private final int[] offsets;
  private final int[] bigTable; // index into offsets + 1; 0 marks an empty slot
  private final int size;

  private SerialIndex(long[] smallTable, byte[] pool, int[] offsets, int[] bigTable, int size) {
    this.smallTable = smallTable;
    this.pool = pool;
    this.offsets = offsets;
    this.bigTable = bigTable;
    this.size = size;
  }

  /** Number of distinct serials held. */
  int size() {
    return size;
  }

  boolean contains(BigInteger serial) {
    if (serial.signum() >= 0 && serial.bitLength() <= 63) {
      return containsSmall(serial.longValue());
    }
    byte[] bytes = serial.toByteArray(); // minimal two's complement, as the builder stores them
    return containsBig(bytes, 0, bytes.length);
  }

  private boolean containsSmall(long value) {
    int mask = smallTable.length - 1;
    for (int slot = (int) mix(value) & mask; ; slot = (slot + 1) & mask) {
      long held = smallTable[slot];
      if (held == value) {
        return true;
      }
      if (held == EMPTY) {
        return false;
      }
    }
  }

  private boolean containsBig(byte[] bytes, int from, int to) {
    int mask = bigTable.length - 1;
    for (int slot = (int) hash(bytes, from, to) & mask; ; slot = (slot + 1) & mask) {
      int held = bigTable[slot];
      if (held == 0) {
        return false;
      }
      int start = offsets[held - 1];
      int end = offsets[held];
      if (Arrays.equals(pool, start, end, bytes, from, to)) {
        return true;
      }
    }
  }

  /** Retained heap of this index in bytes (array payloads plus headers), for the benchmarks. */
  long footprintBytes() {
    return 16L
        + 8L * smallTable.length
        + 16
        + pool.length
        + 16
        + 4L * offsets.length
        + 16
        + 4L * bigTable.length
        + 48;
  }

  static long mix(long x) {
    // Stafford's variant 13 of the MurmurHash3 finaliser: spreads sequential serials over the
    // table.
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  static long hash(byte[] bytes, int from, int to) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = from; i < to; i++) {
      h = (h ^ (bytes[i] & 0xFF)) * 0x100000001B3L;
    }
    return mix(h);
  }

  static int capacityFor(int count) {
    // Load factor at most 0.5 keeps linear-probing runs short.
    int capacity = 16;
    while (capacity < count * 2L) {
      capacity <<= 1;
    }
    return capacity;
  }

  /** Accumulates serials as DER INTEGER contents while a CRL is walked. Not thread-safe. */
  static final class Builder {
    private long[] smalls = new long[1024];
    private int smallCount;
    private byte[] bytes = new byte[4096];
    private int byteCount;
    private int[] ends = new int[256];
    private int bigCount;

    /** Adds the serial whose two's-complement big-endian content is {@code data[from, to)}. */
    Builder add(byte[] data, int from, int to) {
      // Strip redundant sign octets so that equal integers always have equal bytes.
      while (to - from > 1
          && ((data[from] == 0 && data[from + 1] >= 0)
              || (data[from] == -1 && data[from + 1] < 0))) {
        from++;
      }
      int length = to - from;
      if (length > 0 && length <= 8 && data[from] >= 0) {
        addSmall(data, from, to);
      } else if (length > 0) {
        addBig(data, from, length);
      }
      return this;
    }

    Builder add(BigInteger serial) {
      byte[] b = serial.toByteArray();
      return add(b, 0, b.length);
    }

    private void addSmall(byte[] data, int from, int to) {
      long value = 0;
      for (int i = from; i < to; i++) {
        value = (value << 8) | (data[i] & 0xFF);
      }
      if (smallCount == smalls.length) {
        smalls = Arrays.copyOf(smalls, smalls.length * 2);
      }
      smalls[smallCount++] = value;
    }

    private void addBig(byte[] data, int from, int length) {
      while (byteCount + length > bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      System.arraycopy(data, from, bytes, byteCount, length);
      byteCount += length;
      if (bigCount == ends.length) {
        ends = Arrays.copyOf(ends, ends.length * 2);
      }
      ends[bigCount++] = byteCount;
    }

    SerialIndex build() {
      long[] smallTable = new long[capacityFor(smallCount)];
      Arrays.fill(smallTable, EMPTY);
      int distinct = 0;
      for (int i = 0; i < smallCount; i++) {
        distinct += insertSmall(smallTable, smalls[i]) ? 1 : 0;
      }
      byte[] pool = Arrays.copyOf(bytes, byteCount);
      int[] offsets = new int[bigCount + 1];
      System.arraycopy(ends, 0, offsets, 1, bigCount);
      int[] bigTable = new int[bigCount == 0 ? 1 : capacityFor(bigCount)];
      SerialIndex index = new SerialIndex(smallTable, pool, offsets, bigTable, 0);
      for (int i = 0; i < bigCount; i++) {
        distinct += index.insertBig(i) ? 1 : 0;
      }
      return new SerialIndex(smallTable, pool, offsets, bigTable, distinct);
    }

    private static boolean insertSmall(long[] table, long value) {
      int mask = table.length - 1;
      for (int slot = (int) mix(value) & mask; ; slot = (slot + 1) & mask) {
        if (table[slot] == value) {
          return false;
        }
        if (table[slot] == EMPTY) {
          table[slot] = value;
          return true;
        }
      }
    }
  }

  private boolean insertBig(int index) {
    int start = offsets[index];
    int end = offsets[index + 1];
    if (containsBig(pool, start, end)) {
      return false; // a CRL may list a serial twice; the index keeps one
    }
    int mask = bigTable.length - 1;
    int slot = (int) hash(pool, start, end) & mask;
    while (bigTable[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    bigTable[slot] = index + 1;
    return true;
  }
}
