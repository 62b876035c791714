package io.certgate.core.revocation;

import java.util.Arrays;

/**
 * A bounds-checked reader of single DER TLVs inside a byte array. It exists so that a CRL of a
 * million entries can be walked in place, without materialising an ASN.1 object per entry.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int SEQUENCE = 0x30;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int CONTEXT_0 = 0xA0;

  /** One element: its tag, where its value starts and where the element ends (exclusive). */
  record Tlv(int tag, int start, int valueStart, int end) {
    int valueLength() {
      return end - valueStart;
    }

    boolean is(int expectedTag) {
      return tag == expectedTag;
    }

    byte[] encoded(byte[] data) {
      return Arrays.copyOfRange(data, start, end);
    }
  }

  private Der() {}

  /** Reads the element at {@code pos}, which must end at or before {@code limit}. */
  static Tlv read(byte[] data, int pos, int limit) throws MalformedDerException {
    if (pos < 0 || limit > data.length || pos + 2 > limit) {
      throw new MalformedDerException("truncated element at " + pos);
    }
    int tag = data[pos] & 0xFF;
    if ((tag & 0x1F) == 0x1F) {
      throw new MalformedDerException("multi-byte tag at " + pos);
    }
    int first = data[pos + 1] & 0xFF;
    int p = pos + 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int count = first & 0x7F;
      // 0x80 is BER's indefinite length, never valid in DER; more than 4 length bytes cannot fit.
      if (count == 0 || count > 4 || p + count > limit) {
        throw new MalformedDerException("bad length at " + pos);
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (data[p++] & 0xFF);
      }
    }
    if (length > limit - p) {
      throw new MalformedDerException("element at " + pos + " overruns its container");
    }
    return new Tlv(tag, pos, p, p + (int) length);
  }

  /** Reads the element at {@code pos} and insists on its tag. */
  static Tlv expect(byte[] data, int pos, int limit, int tag) throws MalformedDerException {
    Tlv tlv = read(data, pos, limit);
    if (tlv.tag() != tag) {
      throw new MalformedDerException(
          "expected tag 0x"
              + Integer.toHexString(tag)
              + " at "
              + pos
              + ", found 0x"
              + Integer.toHexString(tlv.tag()));
    }
    return tlv;
  }

  /** The input is not the DER structure expected. */
  static final class MalformedDerException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedDerException(String message) {
      super(message);
    }
  }
}
