package io.certgate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options and the one operand (CERT or TOKEN.json) of a command.
 *
 * <p>A multi-file option ({@code --anchors F…}) takes every following argument up to the next
 * option, and may also be repeated. Because the operand comes last by convention, when no argument
 * is left over for it the last argument taken by a multi-file option is given back as the operand:
 * {@code --anchors root.pem ca.pem user.pem} means anchors {@code root.pem ca.pem}, operand {@code
 * user.pem}. {@code --name=value} and a {@code --} that ends the options are accepted too.
 */
final class CommandLine {
  private final Map<String, List<String>> options;
  private final String operand;

  private CommandLine(Map<String, List<String>> options, String operand) {
    this.options = options;
    this.operand = operand;
  }

  /**
   * @param multi options that take one or more values
   * @param single options that take exactly one value
   */
  static CommandLine parse(List<String> args, Set<String> multi, Set<String> single)
      throws UsageException {
    Map<String, List<String>> options = new LinkedHashMap<>();
    List<String> operands = new ArrayList<>();
    String lastMulti = null;
    boolean lastArgumentTakenByMulti = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      lastArgumentTakenByMulti = false;
      if (arg.equals("--")) {
        operands.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!arg.startsWith("--")) {
        if (lastMulti != null) {
          options.get(lastMulti).add(arg);
          lastArgumentTakenByMulti = true;
        } else {
          operands.add(arg);
        }
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      lastMulti = null;
      if (multi.contains(name)) {
        options.computeIfAbsent(name, n -> new ArrayList<>());
        if (equals >= 0) {
          options.get(name).add(arg.substring(equals + 1));
        }
        lastMulti = name;
      } else if (single.contains(name)) {
        if (options.containsKey(name)) {
          throw UsageException.usage(name + " given twice");
        }
        String value;
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw UsageException.usage(name + " needs a value");
        }
        options.put(name, new ArrayList<>(List.of(value)));
      } else {
        throw UsageException.usage("unknown option " + name);
      }
    }
    if (operands.isEmpty() && lastArgumentTakenByMulti && options.get(lastMulti).size() > 1) {
      List<String> values = options.get(lastMulti);
      operands.add(values.remove(values.size() - 1));
    }
    for (Map.Entry<String, List<String>> option : options.entrySet()) {
      if (option.getValue().isEmpty()) {
        throw UsageException.usage(option.getKey() + " needs at least one file");
      }
    }
    if (operands.size() != 1) {
      throw UsageException.usage(
          operands.isEmpty() ? "the file to check is missing" : "only one file can be checked");
    }
    return new CommandLine(options, operands.get(0));
  }

  /** The values of a multi-valued option, empty when it was not given. */
  List<String> values(String name) {
    return List.copyOf(options.getOrDefault(name, List.of()));
  }

  /** The value of a single-valued option. */
  Optional<String> value(String name) {
    List<String> values = options.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The value of a single-valued option that must be present. */
  String required(String name) throws UsageException {
    return value(name).orElseThrow(() -> UsageException.usage(name + " is required"));
  }

  /** The values of a multi-valued option that must be present. */
  List<String> requiredValues(String name) throws UsageException {
    List<String> values = values(name);
    if (values.isEmpty()) {
      throw UsageException.usage(name + " is required");
    }
    return values;
  }

  String operand() {
    return operand;
  }
}
