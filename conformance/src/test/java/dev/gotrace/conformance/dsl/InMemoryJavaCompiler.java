package dev.gotrace.conformance.dsl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one generated source in memory (javax.tools) and loads the class. */
final class InMemoryJavaCompiler {
  private InMemoryJavaCompiler() {}

  static Class<?> compile(String className, String source) throws Exception {
    return compileAll(Map.of(className, source)).loadClass(className);
  }

  /** Compiles all sources in one javac run (class name to source); returns their loader. */
  static ClassLoader compileAll(Map<String, String> sources) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager std = javac.getStandardFileManager(null, null, null);
    JavaFileManager files = new ForwardingJavaFileManager<>(std) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String name,
          JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/')
            + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return classes.computeIfAbsent(name, k -> new ByteArrayOutputStream());
          }
        };
      }
    };
    List<JavaFileObject> units = new java.util.ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      units.add(new SimpleJavaFileObject(URI.create("string:///"
          + e.getKey().replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return e.getValue();
        }
      });
    }
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, files, null,
        List.of("-classpath", cp, "-proc:none", "--release", "17"), null, units).call();
    if (!ok) {
      throw new AssertionError("generated source does not compile:\n" + diagnostics);
    }
    ClassLoader loader = new ClassLoader(InMemoryJavaCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = b.toByteArray();
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
    return loader;
  }
}
