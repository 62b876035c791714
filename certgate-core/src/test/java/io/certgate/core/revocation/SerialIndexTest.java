package io.certgate.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SerialIndexTest {

  @Test
  void findsSmallAndLargeSerialsAndNothingElse() {
    Random random = new Random(42);
    SerialIndex.Builder builder = new SerialIndex.Builder();
    BigInteger[] held = new BigInteger[2000];
    for (int i = 0; i < held.length; i++) {
      held[i] =
          i % 2 == 0 ? BigInteger.valueOf(random.nextLong() >>> 1) : new BigInteger(128, random);
      builder.add(held[i]);
    }
    SerialIndex index = builder.build();

    assertThat(index.size()).isEqualTo(held.length);
    for (BigInteger serial : held) {
      assertThat(index.contains(serial)).as("serial %s", serial).isTrue();
    }
    for (int i = 0; i < 2000; i++) {
      assertThat(index.contains(new BigInteger(i % 2 == 0 ? 62 : 127, random).add(BigInteger.TWO)))
          .isFalse();
    }
  }

  @Test
  void treatsRedundantSignOctetsAsTheSameSerial() {
    SerialIndex index =
        new SerialIndex.Builder()
            .add(new byte[] {0, 0, 0x12, 0x34}, 0, 4) // non-minimal DER, seen in the wild
            .add(new byte[] {-1, -1, (byte) 0x80}, 0, 3)
            .build();

    assertThat(index.contains(BigInteger.valueOf(0x1234))).isTrue();
    assertThat(index.contains(BigInteger.valueOf(-128))).isTrue();
    assertThat(index.contains(BigInteger.valueOf(128))).isFalse();
  }

  @Test
  void keepsOneCopyOfADuplicatedSerial() {
    BigInteger big = BigInteger.ONE.shiftLeft(100);
    SerialIndex index =
        new SerialIndex.Builder().add(BigInteger.TEN).add(BigInteger.TEN).add(big).add(big).build();

    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void boundaryBetweenTheTwoTablesIsExact() {
    BigInteger maxLong = BigInteger.valueOf(Long.MAX_VALUE);
    BigInteger justAbove = maxLong.add(BigInteger.ONE);
    SerialIndex index = new SerialIndex.Builder().add(maxLong).add(BigInteger.ZERO).build();

    assertThat(index.contains(maxLong)).isTrue();
    assertThat(index.contains(BigInteger.ZERO)).isTrue();
    assertThat(index.contains(justAbove)).isFalse();
    assertThat(new SerialIndex.Builder().add(justAbove).build().contains(justAbove)).isTrue();
  }

  @Test
  void emptyIndexContainsNothing() {
    SerialIndex index = new SerialIndex.Builder().build();

    assertThat(index.contains(BigInteger.ONE)).isFalse();
    assertThat(index.contains(BigInteger.ONE.shiftLeft(90))).isFalse();
  }
}
