package io.certgate.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinFlagsTest {
  private static final long LOGIN_REQUIRED_AND_INITIALIZED = 0x0000_0404L;

  @Test
  void noPinFlagsMeansNoCountAndNotLocked() {
    PinFlags flags = PinFlags.of(LOGIN_REQUIRED_AND_INITIALIZED);
    assertThat(flags.retriesLeft()).isEmpty();
    assertThat(flags.locked()).isFalse();
  }

  @Test
  void countLowAloneGivesNoNumber() {
    PinFlags flags = PinFlags.of(LOGIN_REQUIRED_AND_INITIALIZED | PinFlags.CKF_USER_PIN_COUNT_LOW);
    assertThat(flags.countLow()).isTrue();
    assertThat(flags.retriesLeft()).isEmpty();
  }

  @Test
  void finalTryMeansOneTryLeft() {
    PinFlags flags = PinFlags.of(PinFlags.CKF_USER_PIN_COUNT_LOW | PinFlags.CKF_USER_PIN_FINAL_TRY);
    assertThat(flags.retriesLeft()).contains(1);
    assertThat(flags.locked()).isFalse();
  }

  @Test
  void lockedMeansNoTryLeftWhateverElseIsSet() {
    PinFlags flags =
        PinFlags.of(
            PinFlags.CKF_USER_PIN_COUNT_LOW
                | PinFlags.CKF_USER_PIN_FINAL_TRY
                | PinFlags.CKF_USER_PIN_LOCKED);
    assertThat(flags.locked()).isTrue();
    assertThat(flags.retriesLeft()).contains(0);
  }

  @Test
  void soPinFlagsAreNotMistakenForTheUserPin() {
    long soPinLocked = 0x0040_0000L;
    long soPinFinalTry = 0x0020_0000L;
    PinFlags flags = PinFlags.of(soPinLocked | soPinFinalTry);
    assertThat(flags.locked()).isFalse();
    assertThat(flags.retriesLeft()).isEmpty();
  }

  @Test
  void softHsmFlagsAfterAWrongPinReadAsCountLow() {
    // 0x1042d: what SoftHSM2 2.6 reported here after one wrong PIN
    PinFlags flags = PinFlags.of(0x1042dL);
    assertThat(flags.countLow()).isTrue();
    assertThat(flags.locked()).isFalse();
    assertThat(flags.retriesLeft()).isEmpty();
  }
}
