package dev.gotrace.release;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What {@code mvn deploy} would publish, read from the poms and the jars the reactor just made:
 * every module of the root pom that is not marked {@code maven.deploy.skip} is published.
 */
final class PublishedArtifactsTest {
  /** Artifacts whose purpose is testing: they alone may have test libraries at compile scope. */
  private static final Set<String> TESTING_ARTIFACTS = Set.of("gotrace-testing");
  private static final Pattern MODULE_NAME =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private static Path root;
  private static Element rootPom;
  private static String version;
  /** Published modules: directory to pom. */
  private static final Map<String, Element> published = new HashMap<>();
  private static final List<String> unpublished = new ArrayList<>();

  @BeforeAll
  static void readPoms() throws Exception {
    root = Path.of(System.getProperty("gotrace.repo.root", "..")).toAbsolutePath().normalize();
    rootPom = pom(root.resolve("pom.xml"));
    version = text(rootPom, "version");
    for (Element m : children(child(rootPom, "modules"), "module")) {
      String dir = m.getTextContent().trim();
      Element pom = pom(root.resolve(dir).resolve("pom.xml"));
      if ("true".equals(property(pom, "maven.deploy.skip"))) {
        unpublished.add(dir);
      } else {
        published.put(dir, pom);
      }
    }
  }

  @Test
  void theModulesThatAreNotLibraries_areNotDeployedOrInstalled() {
    assertThat(unpublished).containsAtLeast("conformance", "benchmarks", "release-check");
    for (String dir : unpublished) {
      assertWithMessage("%s: maven.install.skip", dir)
          .that(property(pom(dir), "maven.install.skip")).isEqualTo("true");
    }
    assertThat(published.keySet()).containsAtLeast("spec", "encoder", "decoder", "fixtures",
        "api", "testing", "cli", "bom");
  }

  @Test
  void everyPublishedJar_namesItsModule_andNoPackageIsInTwoJars() throws IOException {
    Map<String, String> packageOwner = new HashMap<>();
    Set<String> names = new TreeSet<>();
    int jars = 0;
    for (Map.Entry<String, Element> e : published.entrySet()) {
      if (!isJar(e.getValue())) {
        continue;
      }
      jars++;
      Path jar = jarOf(e.getKey(), e.getValue(), "");
      String expected = property(e.getValue(), "gotrace.module.name");
      assertWithMessage("%s: gotrace.module.name", e.getKey()).that(expected).isNotNull();
      try (JarFile f = new JarFile(jar.toFile())) {
        String name = f.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        assertWithMessage("%s: Automatic-Module-Name", jar).that(name).isEqualTo(expected);
        assertWithMessage("%s: a valid module name", jar).that(MODULE_NAME.matcher(name)
            .matches()).isTrue();
        assertWithMessage("%s: under dev.gotrace", jar).that(name).startsWith("dev.gotrace");
        assertWithMessage("module name %s used twice", name).that(names.add(name)).isTrue();
        for (JarEntry entry : java.util.Collections.list(f.entries())) {
          String n = entry.getName();
          if (n.endsWith(".class") && n.contains("/") && !n.startsWith("META-INF/")) {
            String pkg = n.substring(0, n.lastIndexOf('/')).replace('/', '.');
            String owner = packageOwner.putIfAbsent(pkg, e.getKey());
            assertWithMessage("package %s is in %s and %s (a split package breaks modules)", pkg,
                owner, e.getKey()).that(owner == null || owner.equals(e.getKey())).isTrue();
          }
        }
      }
    }
    assertThat(jars).isAtLeast(7);
  }

  @Test
  void noTestLibrary_isACompileDependencyOfANonTestingArtifact() {
    List<String> inherited = compileDeps(rootPom);
    assertWithMessage("the root pom's inherited dependencies").that(testLibraries(inherited))
        .isEmpty();
    int checked = 0;
    for (Map.Entry<String, Element> e : published.entrySet()) {
      String artifact = text(e.getValue(), "artifactId");
      if (TESTING_ARTIFACTS.contains(artifact)) {
        continue;
      }
      checked++;
      assertWithMessage("%s (%s): test libraries at compile scope", e.getKey(), artifact)
          .that(testLibraries(compileDeps(e.getValue()))).isEmpty();
    }
    assertThat(checked).isAtLeast(6);
    // And the testing artifact does have them (so the check above looks at the right thing).
    assertThat(testLibraries(compileDeps(published.get("testing")))).isNotEmpty();
  }

  @Test
  void theCliJar_carriesNoTestLibrary() throws IOException {
    try (JarFile f = new JarFile(root.resolve("cli/target/gotrace.jar").toFile())) {
      List<String> leaked = new ArrayList<>();
      for (JarEntry entry : java.util.Collections.list(f.entries())) {
        String n = entry.getName();
        if (n.startsWith("com/google/common/truth/") || n.startsWith("org/junit/")
            || n.startsWith("org/opentest4j/") || n.startsWith("dev/gotrace/testing/")) {
          leaked.add(n);
        }
      }
      assertThat(leaked).isEmpty();
    }
  }

  @Test
  void theBom_managesExactlyThePublishedArtifacts() {
    Set<String> artifacts = new TreeSet<>();
    for (Element pom : published.values()) {
      if (isJar(pom)) {
        artifacts.add(text(pom, "artifactId"));
      }
    }
    Set<String> managed = new TreeSet<>();
    for (Element d : children(child(child(published.get("bom"), "dependencyManagement"),
        "dependencies"), "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo("dev.gotrace");
      assertThat(text(d, "version")).isEqualTo("${project.version}");
      managed.add(text(d, "artifactId"));
    }
    assertThat(managed).containsExactlyElementsIn(artifacts);
    assertThat(text(published.get("bom"), "version")).isEqualTo(version);
  }

  @Test
  void everyPublishedPom_hasLicenseScmAndDevelopers() {
    for (Map.Entry<String, Element> e : published.entrySet()) {
      Element pom = e.getValue();
      Element parent = child(pom, "parent");
      // Jar modules inherit the metadata from gotrace-parent; the BOM has no parent, its own copy.
      Element source = parent != null && "gotrace-parent".equals(text(parent, "artifactId"))
          ? rootPom : pom;
      for (String section : List.of("licenses", "scm", "developers", "url")) {
        assertWithMessage("%s: %s", e.getKey(), section).that(child(source, section)).isNotNull();
      }
    }
  }

  @Test
  void underTheReleaseProfile_everyPublishedJarHasSourcesAndJavadoc() {
    boolean release = Boolean.getBoolean("gotrace.release");
    int checked = 0;
    for (Map.Entry<String, Element> e : published.entrySet()) {
      if (isJar(e.getValue()) && release) {
        jarOf(e.getKey(), e.getValue(), "-sources");
        jarOf(e.getKey(), e.getValue(), "-javadoc");
        checked++;
      }
    }
    // Without -Prelease there is nothing to look at: say so instead of passing on zero jars.
    assertWithMessage("jars checked (gotrace.release=%s)", release).that(checked)
        .isEqualTo(release ? published.values().stream().filter(
            PublishedArtifactsTest::isJar).count() : 0);
  }

  // ---- Poms. ----

  private static Element pom(String dir) {
    return pom(root.resolve(dir).resolve("pom.xml"));
  }

  private static Element pom(Path file) {
    try {
      var f = DocumentBuilderFactory.newInstance();
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("cannot read " + file + ": " + e, e);
    }
  }

  private static boolean isJar(Element pom) {
    String packaging = text(pom, "packaging");
    return packaging == null || packaging.equals("jar");
  }

  private static Path jarOf(String dir, Element pom, String classifier) {
    Path jar = root.resolve(dir).resolve("target")
        .resolve(text(pom, "artifactId") + "-" + version + classifier + ".jar");
    assertWithMessage("%s is missing: build the reactor first (mvn package%s)", jar,
        classifier.isEmpty() ? "" : " -Prelease").that(Files.exists(jar)).isTrue();
    return jar;
  }

  /** groupId:artifactId of the dependencies on the compile or runtime class path. */
  private static List<String> compileDeps(Element pom) {
    List<String> out = new ArrayList<>();
    Element deps = child(pom, "dependencies");
    if (deps == null) {
      return out;
    }
    for (Element d : children(deps, "dependency")) {
      String scope = text(d, "scope");
      if (scope == null || scope.equals("compile") || scope.equals("runtime")
          || scope.equals("provided")) {
        out.add(text(d, "groupId") + ":" + text(d, "artifactId"));
      }
    }
    return out;
  }

  private static List<String> testLibraries(List<String> deps) {
    List<String> out = new ArrayList<>();
    for (String d : deps) {
      if (d.startsWith("org.junit") || d.startsWith("junit:") || d.startsWith("com.google.truth")
          || d.startsWith("org.opentest4j") || d.startsWith("com.code-intelligence")
          || d.startsWith("org.openjdk.jmh") || d.startsWith("org.assertj")
          || TESTING_ARTIFACTS.stream().anyMatch(a -> d.equals("dev.gotrace:" + a))) {
        out.add(d);
      }
    }
    return out;
  }

  private static String property(Element pom, String name) {
    Element props = child(pom, "properties");
    return props == null ? null : text(props, name);
  }

  private static Element child(Element e, String name) {
    if (e == null) {
      return null;
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().trim();
  }
}
