package dev.gotrace.cli;

import dev.gotrace.decoder.TraceDecoder;
import dev.gotrace.fixtures.dsl.javagen.TraceToJava;
import dev.gotrace.wire.Trace;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "to-java",
    description = {
      "Writes a Java source file whose bytes() rebuilds the trace byte for byte with gotrace's"
          + " trace DSL: a fixture to edit into the exact trace a test needs."
    })
final class ToJavaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The trace ('-' for stdin).")
  String file;

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "OUT",
      description = "Where to write the source (default: stdout).")
  String output;

  @Option(names = "--class", defaultValue = "RebuiltTrace",
      description = "The class name (default ${DEFAULT-VALUE}).")
  String className;

  @Option(names = "--package", defaultValue = "gotrace.fixtures",
      description = "The package (default ${DEFAULT-VALUE}).")
  String packageName;

  @Option(names = "--raw", description = "Always use the raw DSL, never the semantic one.")
  boolean raw;

  @Override
  public Integer call() throws Exception {
    if (!SourceVersion.isName(className) || className.contains(".")) {
      throw new ParameterException(spec.commandLine(), "--class is not a Java class name: "
          + className);
    }
    if (!SourceVersion.isName(packageName)) {
      throw new ParameterException(spec.commandLine(), "--package is not a Java package name: "
          + packageName);
    }
    Trace trace;
    try (InputStream in = Inputs.open(file)) {
      trace = TraceDecoder.decode(in);
    }
    String source = (raw ? TraceToJava.rawJava(trace, packageName, className, file)
        : TraceToJava.toJava(trace, packageName, className, file)).toString();
    try (Inputs.Output out = Inputs.create(output)) {
      out.stream().write(source.getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
    return GotraceCommand.EXIT_OK;
  }
}
