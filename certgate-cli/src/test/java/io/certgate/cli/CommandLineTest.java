package io.certgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final Set<String> MULTI = Set.of("--anchors", "--crls");
  private static final Set<String> SINGLE = Set.of("--at", "--purpose");

  private static CommandLine parse(String... args) throws UsageException {
    return CommandLine.parse(List.of(args), MULTI, SINGLE);
  }

  @Test
  void multiFileOptionTakesFilesUpToTheNextOptionAndTheLastArgumentIsTheOperand() throws Exception {
    CommandLine line =
        parse("--anchors", "root.pem", "ca.pem", "--at", "2030-01-01T00:00:00Z", "u.pem");

    assertThat(line.values("--anchors")).containsExactly("root.pem", "ca.pem");
    assertThat(line.value("--at")).contains("2030-01-01T00:00:00Z");
    assertThat(line.operand()).isEqualTo("u.pem");
  }

  @Test
  void lastArgumentTakenByAMultiFileOptionIsGivenBackAsTheOperand() throws Exception {
    CommandLine line = parse("--anchors", "root.pem", "ca.pem", "user.pem");

    assertThat(line.values("--anchors")).containsExactly("root.pem", "ca.pem");
    assertThat(line.operand()).isEqualTo("user.pem");
  }

  @Test
  void repeatedMultiFileOptionsAccumulate() throws Exception {
    CommandLine line = parse("--anchors", "a.pem", "--crls", "c.crl", "--anchors=b.pem", "u.pem");

    assertThat(line.values("--anchors")).containsExactly("a.pem", "b.pem");
    assertThat(line.values("--crls")).containsExactly("c.crl");
    assertThat(line.operand()).isEqualTo("u.pem");
  }

  @Test
  void operandMayComeFirst() throws Exception {
    CommandLine line = parse("u.pem", "--anchors", "a.pem", "b.pem");

    assertThat(line.operand()).isEqualTo("u.pem");
    assertThat(line.values("--anchors")).containsExactly("a.pem", "b.pem");
  }

  @Test
  void doubleDashEndsOptions() throws Exception {
    CommandLine line = parse("--anchors", "a.pem", "--", "--odd-name.pem");

    assertThat(line.operand()).isEqualTo("--odd-name.pem");
  }

  @Test
  void rejectsUnknownOption() {
    assertThatThrownBy(() -> parse("--anchor", "a.pem", "u.pem"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --anchor");
  }

  @Test
  void rejectsMissingOperand() {
    assertThatThrownBy(() -> parse("--anchors", "a.pem"))
        .isInstanceOf(UsageException.class)
        .hasMessage("the file to check is missing");
  }

  @Test
  void rejectsTwoOperands() {
    assertThatThrownBy(() -> parse("x.pem", "--at", "t", "y.pem"))
        .isInstanceOf(UsageException.class)
        .hasMessage("only one file can be checked");
  }

  @Test
  void rejectsSingleOptionWithoutValueAndGivenTwice() {
    assertThatThrownBy(() -> parse("u.pem", "--at")).hasMessage("--at needs a value");
    assertThatThrownBy(() -> parse("--at", "a", "--at", "b", "u.pem"))
        .hasMessage("--at given twice");
  }

  @Test
  void rejectsMultiFileOptionWithoutFiles() {
    assertThatThrownBy(() -> parse("--anchors", "--at", "t", "u.pem"))
        .hasMessage("--anchors needs at least one file");
  }

  @Test
  void requiredReportsTheMissingOption() throws Exception {
    CommandLine line = parse("u.pem");

    assertThatThrownBy(() -> line.requiredValues("--anchors")).hasMessage("--anchors is required");
    assertThatThrownBy(() -> line.required("--at")).hasMessage("--at is required");
  }
}
