package dev.gotrace.conformance.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus manifest, {@code conformance/corpus/MANIFEST.tsv}: a header line naming the
 * columns, then one tab-separated line per trace. Written by {@code conformance/regenerate.sh}.
 */
public final class CorpusManifest {
  public static final String FILE_NAME = "MANIFEST.tsv";

  private final Path corpusDir;
  private final List<CorpusEntry> entries;

  private CorpusManifest(Path corpusDir, List<CorpusEntry> entries) {
    this.corpusDir = corpusDir;
    this.entries = Collections.unmodifiableList(entries);
  }

  public static CorpusManifest read(Path corpusDir) throws IOException {
    List<String> lines = Files.readAllLines(corpusDir.resolve(FILE_NAME), StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(corpusDir.resolve(FILE_NAME) + " is empty");
    }
    String[] columns = lines.get(0).split("\t", -1);
    List<CorpusEntry> entries = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      String[] cells = lines.get(i).split("\t", -1);
      if (cells.length != columns.length) {
        throw new IOException(FILE_NAME + " line " + (i + 1) + " has " + cells.length
            + " cells, the header " + columns.length);
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int c = 0; c < columns.length; c++) {
        fields.put(columns[c], cells[c]);
      }
      entries.add(new CorpusEntry(cells[0], fields));
    }
    return new CorpusManifest(corpusDir, entries);
  }

  public Path corpusDir() {
    return corpusDir;
  }

  public List<CorpusEntry> entries() {
    return entries;
  }

  public Path pathOf(CorpusEntry e) {
    return corpusDir.resolve(e.path());
  }
}
