package io.certgate.agent.token;

import com.sun.jna.Memory;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The packed structures of GM/T 0016-2012 (§5, {@code #pragma pack(1)}): JNA structures with no
 * alignment, so field offsets are the standard's on every OS and compiler.
 */
final class SkfStructures {
  private SkfStructures() {}

  /** {@code DEVINFO}: 294 bytes, read from a larger zeroed buffer in case a vendor writes more. */
  @FieldOrder({
    "versionMajor",
    "versionMinor",
    "manufacturer",
    "issuer",
    "label",
    "serialNumber",
    "hwVersion",
    "firmwareVersion",
    "algSymCap",
    "algAsymCap",
    "algHashCap",
    "devAuthAlgId",
    "totalSpace",
    "freeSpace",
    "maxEccBufferSize",
    "maxBufferSize",
    "reserved"
  })
  public static final class DevInfo extends Structure {
    public byte versionMajor;
    public byte versionMinor;
    public byte[] manufacturer = new byte[64];
    public byte[] issuer = new byte[64];
    public byte[] label = new byte[32];
    public byte[] serialNumber = new byte[32];
    public byte[] hwVersion = new byte[2];
    public byte[] firmwareVersion = new byte[2];
    public int algSymCap;
    public int algAsymCap;
    public int algHashCap;
    public int devAuthAlgId;
    public int totalSpace;
    public int freeSpace;
    public int maxEccBufferSize;
    public int maxBufferSize;
    public byte[] reserved = new byte[64];

    DevInfo() {
      super(zeroed(1024), ALIGN_NONE);
    }
  }

  /**
   * {@code ECCSIGNATUREBLOB}: r and s, each right-aligned in 64 bytes (256-bit values use the last
   * 32).
   */
  @FieldOrder({"r", "s"})
  public static final class EccSignatureBlob extends Structure {
    public byte[] r = new byte[64];
    public byte[] s = new byte[64];

    EccSignatureBlob() {
      super(zeroed(256), ALIGN_NONE);
    }
  }

  private static Memory zeroed(int size) {
    Memory m = new Memory(size);
    m.clear();
    return m;
  }
}
