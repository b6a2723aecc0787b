package dev.gotrace.decoder;

import dev.gotrace.spec.ArgSpec;
import dev.gotrace.spec.EventForm;
import dev.gotrace.spec.EventType;
import dev.gotrace.spec.FormatLimits;
import dev.gotrace.spec.TraceVersion;
import dev.gotrace.text.GoQuote;
import dev.gotrace.text.GoUtf8;
import dev.gotrace.wire.Batch;
import dev.gotrace.wire.BatchKind;
import dev.gotrace.wire.EndOfGeneration;
import dev.gotrace.wire.Event;
import dev.gotrace.wire.Record;
import dev.gotrace.wire.Trace;
import dev.gotrace.wire.TraceFormatException;
import dev.gotrace.wire.TraceTextException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads Go's raw text format ({@code Trace Go1.NN}, then {@code Name arg=value ...} lines, frame
 * lines after a {@code Stack}, {@code data="..."} after a {@code String} or {@code
 * ExperimentalBatch}) into records, one at a time.
 *
 * <p>It accepts what Go's {@code raw.TextReader} accepts, and more, so that people can edit text
 * traces by hand: a missing or wrong {@code size=} on an {@code EventBatch} is recomputed from the
 * events that follow (unless {@link BatchSizes#DECLARED} asks to keep what the text says, as Go's
 * {@code text2bytes} does); a missing {@code data=} line means empty data (Go's own writer omits
 * it for empty data, so Go cannot read back its own text in that case); events of the whole table
 * are accepted whatever the header (see {@link EventTable}). It refuses what cannot become valid
 * bytes: an event outside a batch, an event the batch's kind cannot hold, a string over 1024 bytes
 * or a stack over 128 frames. Every problem is a {@link TraceTextException} with line and column.
 *
 * <p>The text is read as bytes, as Go reads it, so a line need not be UTF-8: a {@code data=} value
 * is unquoted from its bytes exactly as Go's {@code strconv.Unquote} does (one U+FFFD for each
 * byte that is not UTF-8 between double quotes, the bytes as they are between back quotes; see
 * {@link GoQuote#unquote(byte[], int, int)}). Text given as a {@link Reader} is taken as its UTF-8
 * bytes; only an {@link InputStream} can carry bytes that are not UTF-8.
 */
public final class TextTraceReader {
  private static final String[] GO122_CPU_SAMPLE_NAMES = {"time", "p", "g", "m", "stack"};

  /** What becomes of the {@code size=} an {@code EventBatch} line declares. */
  public enum BatchSizes {
    /**
     * The size is recomputed from the events that follow, so a missing or wrong size does not
     * matter (the default: text is usually edited by hand).
     */
    RECOMPUTE,
    /**
     * A declared size is kept as written ({@link Batch#hasSizeOverride}), as Go's {@code
     * text2bytes} keeps it, so a deliberately wrong size becomes a broken trace on purpose. A
     * batch line without {@code size=} still gets the computed size (Go would refuse the line).
     */
    DECLARED
  }

  private final LineSource in;
  private final EventTable table;
  private final BatchSizes sizes;
  private TraceVersion version;
  private int lineNumber;
  private int lastLineLength;
  private TextLine pending;

  private TextTraceReader(LineSource in, EventTable table, BatchSizes sizes) {
    this.in = in;
    this.table = table;
    this.sizes = sizes;
  }

  /** Opens a reader of the bytes of {@code in} and reads the {@code Trace Go1.NN} line. */
  public static TextTraceReader open(InputStream in) throws IOException {
    return open(in, EventTable.FULL, BatchSizes.RECOMPUTE);
  }

  public static TextTraceReader open(InputStream in, EventTable table, BatchSizes sizes)
      throws IOException {
    return start(new LineSource(in), table, sizes);
  }

  /**
   * Opens a reader of the text of {@code in} (taken as its UTF-8 bytes) and reads the {@code Trace
   * Go1.NN} line.
   */
  public static TextTraceReader open(Reader in) throws IOException {
    return open(in, EventTable.FULL);
  }

  public static TextTraceReader open(Reader in, EventTable table) throws IOException {
    return start(new LineSource(in), table, BatchSizes.RECOMPUTE);
  }

  private static TextTraceReader start(LineSource in, EventTable table, BatchSizes sizes)
      throws IOException {
    TextTraceReader r = new TextTraceReader(in, Objects.requireNonNull(table),
        Objects.requireNonNull(sizes));
    r.readHeader();
    return r;
  }

  /** Reads a whole text trace from its bytes. */
  public static Trace read(InputStream in) throws IOException {
    return readAll(open(in));
  }

  /** Reads a whole text trace from its bytes, which need not be UTF-8. */
  public static Trace read(byte[] text) throws TraceTextException {
    try {
      return read(new ByteArrayInputStream(text));
    } catch (TraceTextException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("a byte array stream does not fail", e);
    }
  }

  /** Reads a whole text trace. */
  public static Trace read(Reader in) throws IOException {
    return readAll(open(in));
  }

  private static Trace readAll(TextTraceReader r) throws IOException {
    return r.readRemaining();
  }

  /** The records not read yet, as a trace. */
  public Trace readRemaining() throws IOException {
    List<Record> records = new ArrayList<>();
    for (Record rec = next(); rec != null; rec = next()) {
      records.add(rec);
    }
    return Trace.of(version, records);
  }

  public static Trace read(String text) throws TraceTextException {
    try {
      return read(new StringReader(text));
    } catch (TraceTextException e) {
      throw e;
    } catch (IOException e) {
      throw new AssertionError("a string reader does not fail", e);
    }
  }

  public TraceVersion version() {
    return version;
  }

  private void readHeader() throws IOException {
    TextLine line = nextLine();
    if (line == null) {
      throw new TraceTextException(endLine(), endColumn(), "no header line", "Trace Go1.NN",
          "the end of input");
    }
    int col = line.nextColumn();
    String trace = line.token();
    if (!"Trace".equals(trace)) {
      throw new TraceTextException(line.number, col, "bad header line", "Trace Go1.NN",
          quoteToken(trace));
    }
    col = line.nextColumn();
    String gover = line.token();
    if (gover == null || !gover.startsWith("Go1.")) {
      throw new TraceTextException(line.number, col, "bad header version", "Go1.NN",
          quoteToken(gover));
    }
    long number = parseUnsigned(gover.substring(4));
    version = number < 0 ? null : TraceVersion.ofNumber(number);
    if (version == null) {
      throw new TraceTextException(line.number, col, "unknown or unsupported trace version",
          "Go1.22, Go1.23, Go1.25 or Go1.26", gover);
    }
    if (!line.restIsSpace()) {
      throw new TraceTextException(line.number, line.nextColumn(),
          "unexpected text after the header", "the end of the line",
          line.text.substring(line.pos).trim());
    }
  }

  /** The next record, or {@code null} at the end of input. */
  public Record next() throws IOException {
    TextLine line = nextLine();
    if (line == null) {
      return null;
    }
    int col = line.nextColumn();
    String name = line.token();
    EventType type = EventType.ofGoName(name);
    if (type == null) {
      throw new TraceTextException(line.number, col, "unknown event name", "an event name of "
          + version.textHeader(), name);
    }
    switch (type) {
      case END_OF_GENERATION:
        requireNoArgs(line);
        if (!version.hasEndOfGeneration()) {
          throw new TraceTextException(line.number, col, "EndOfGeneration in an older trace",
              "a Go1.26 trace", version.textHeader());
        }
        return EndOfGeneration.INSTANCE;
      case EVENT_BATCH:
        return readEventBatch(line);
      case EXPERIMENTAL_BATCH:
        if (!version.hasExperiments()) {
          throw new TraceTextException(line.number, col, "ExperimentalBatch in a Go1.22 trace",
              "a Go1.23 or later trace", version.textHeader());
        }
        return readExperimentalBatch(line);
      default:
        throw new TraceTextException(line.number, col, "event outside a batch",
            "EventBatch, ExperimentalBatch or EndOfGeneration", name);
    }
  }

  private Batch readEventBatch(TextLine header) throws IOException {
    long[] args = readArgs(header, EventType.EVENT_BATCH, true);
    Batch.Builder b = Batch.builder().generation(args[0]).thread(args[1]).time(args[2]);
    if (sizes == BatchSizes.DECLARED && args.length == EventType.EVENT_BATCH.argCount()) {
      b.sizeOverride(args[3]);
    }
    BatchKind kind = null;
    long payload = 0;
    for (TextLine line = nextLine(); line != null; line = nextLine()) {
      int col = line.nextColumn();
      String name = line.token();
      EventType type = EventType.ofGoName(name);
      if (type != null && (type.form() == EventForm.BATCH_HEADER
          || type.form() == EventForm.GENERATION_END)) {
        line.pos = 0;
        pending = line;
        break;
      }
      if (type == null) {
        throw new TraceTextException(line.number, col, "unknown event name",
            "an event name of " + version.textHeader(), name);
      }
      if (kind == null) {
        kind = BatchKind.ofFirstEvent(type.wire(), version);
        if (kind == BatchKind.EVENTS && !type.isTimed()) {
          throw new TraceTextException(line.number, col, "unexpected event type",
              "a section header or a timed event to start a batch", name);
        }
      } else if (!kind.admitsAfterFirst(type, version)) {
        throw new TraceTextException(line.number, col, "unexpected event type",
            kind.describeContents(version) + " in a " + kind + " batch", name);
      }
      if (kind == BatchKind.EVENTS && table == EventTable.VERSION_PREFIX
          && !version.rawTableIncludes(type)) {
        throw new TraceTextException(line.number, col, "event type not in the "
            + version.textHeader() + " table", "an event of that table", name);
      }
      Event event = readEvent(line, type);
      b.add(event);
      payload += event.encodedLength();
      if (payload > FormatLimits.MAX_BATCH_PAYLOAD) {
        throw new TraceTextException(line.number, 1, "batch payload too large",
            "at most " + FormatLimits.MAX_BATCH_PAYLOAD + " bytes", "more");
      }
    }
    return b.build();
  }

  private Event readEvent(TextLine line, EventType type) throws IOException {
    long[] args;
    int start = line.pos;
    try {
      args = readArgs(line, type, false);
    } catch (TraceTextException e) {
      if (type != EventType.CPU_SAMPLE) {
        throw e;
      }
      // Go 1.22's tools print CPUSample as "time p g m stack" (the runtime writes m, p, g in
      // that order; Go 1.23 fixed the names). Read that spelling positionally too.
      line.pos = start;
      args = new long[GO122_CPU_SAMPLE_NAMES.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = readArg(line, GO122_CPU_SAMPLE_NAMES[i]);
      }
      requireEndOfLine(line);
    }
    Event.Builder e = Event.builder(type).args(args);
    if (type.isStack()) {
      if (Long.compareUnsigned(args[1], FormatLimits.MAX_FRAMES_PER_STACK) > 0) {
        throw new TraceTextException(line.number, 1, "too many frames in a stack",
            "at most " + FormatLimits.MAX_FRAMES_PER_STACK, Long.toUnsignedString(args[1]));
      }
      long[] frames = new long[(int) args[1] * 4];
      for (int f = 0; f < args[1]; f++) {
        TextLine frameLine = nextLine();
        if (frameLine == null) {
          throw new TraceTextException(endLine(), endColumn(), "input ends inside a stack",
              args[1] + " frame lines", f + " frame lines");
        }
        for (int k = 0; k < 4; k++) {
          frames[4 * f + k] = readArg(frameLine, EventType.FRAME_FIELDS.get(k));
        }
        requireEndOfLine(frameLine);
      }
      e.frameValues(frames);
    }
    if (type.hasData()) {
      byte[] data = readDataLine();
      if (data.length > FormatLimits.MAX_STRING_LENGTH) {
        throw new TraceTextException(lineNumber, 1, "string too long",
            "at most " + FormatLimits.MAX_STRING_LENGTH + " bytes", data.length + " bytes");
      }
      e.data(data);
    }
    return e.build();
  }

  private Batch readExperimentalBatch(TextLine header) throws IOException {
    long[] args = readArgs(header, EventType.EXPERIMENTAL_BATCH, false);
    if (Long.compareUnsigned(args[0], 255) > 0) {
      throw new TraceTextException(header.number, 1, "experiment out of range",
          "a byte (0..255)", Long.toUnsignedString(args[0]));
    }
    int dataLine = lineNumber + 1;
    byte[] payload = readDataLine();
    if (payload.length > FormatLimits.MAX_BATCH_PAYLOAD) {
      throw new TraceTextException(dataLine, 1, "batch payload too large",
          "at most " + FormatLimits.MAX_BATCH_PAYLOAD + " bytes", payload.length + " bytes");
    }
    Batch.Builder b = Batch.experimentalBuilder((int) args[0]).generation(args[1])
        .thread(args[2]).time(args[3]);
    if (args[0] != 0) {
      return b.opaquePayload(payload).build();
    }
    // Experiment 0 makes an ordinary batch: its data is a payload of events.
    try {
      return b.addAll(PayloadDecoder.events(version, table, payload)).build();
    } catch (TraceFormatException e) {
      throw new TraceTextException(dataLine, 1, "bad events in the data of an ExperimentalBatch"
          + " with exp=0: " + e.getMessage(), null, null);
    }
  }

  /**
   * Reads a {@code data="..."} line if one comes next; otherwise the data is empty and the line
   * stays for the next read.
   */
  private byte[] readDataLine() throws IOException {
    TextLine line = nextLine();
    if (line == null) {
      return new byte[0];
    }
    // As Go: the key is what comes before the first '=' (a byte that UTF-8 never uses inside a
    // multi-byte character), and the value is unquoted from its bytes.
    int eq = indexOf(line.bytes, (byte) '=');
    if (eq < 0 || !trimSpace(GoUtf8.decodeAsText(line.bytes, 0, eq)).equals("data")) {
      pending = line;
      return new byte[0];
    }
    int[] value = line.trimSpace(eq + 1, line.bytes.length);
    try {
      return GoQuote.unquote(line.bytes, value[0], value[1] - value[0]);
    } catch (GoQuote.SyntaxException e) {
      String quoted = GoUtf8.decodeAsText(line.bytes, value[0], value[1] - value[0]);
      throw new TraceTextException(line.number, line.columnOfByte(value[0] + e.index()),
          "bad quoted data: " + e.detail(), "a Go-quoted string", quoted.length() > 40
              ? quoted.substring(0, 40) + "..." : quoted);
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reads the spec arguments of {@code type} in order. {@code sizeOptional} lets an {@code
   * EventBatch} line omit {@code size} (the last argument), which is then recomputed; the array
   * returned is one shorter in that case.
   */
  private long[] readArgs(TextLine line, EventType type, boolean sizeOptional)
      throws TraceTextException {
    List<ArgSpec> specs = type.args();
    long[] args = new long[specs.size()];
    for (int i = 0; i < args.length; i++) {
      if (sizeOptional && i == args.length - 1 && line.restIsSpace()) {
        requireEndOfLine(line);
        return Arrays.copyOf(args, i);
      }
      args[i] = readArg(line, specs.get(i).name());
    }
    requireEndOfLine(line);
    return args;
  }

  private long readArg(TextLine line, String expectedName) throws TraceTextException {
    int col = line.nextColumn();
    String tok = line.token();
    if (tok == null) {
      throw new TraceTextException(line.number, col, "missing argument", expectedName + "=N",
          "the end of the line");
    }
    int eq = tok.indexOf('=');
    if (eq < 0) {
      throw new TraceTextException(line.number, col, "malformed argument", expectedName + "=N",
          tok);
    }
    String name = tok.substring(0, eq);
    if (!name.equals(expectedName)) {
      throw new TraceTextException(line.number, col, "wrong argument name", expectedName, name);
    }
    long value = parseUnsigned(tok.substring(eq + 1));
    if (value == -1 && !tok.substring(eq + 1).equals("18446744073709551615")) {
      throw new TraceTextException(line.number, col + eq + 1, "bad argument value",
          "an unsigned 64-bit decimal", tok.substring(eq + 1));
    }
    return value;
  }

  private static void requireEndOfLine(TextLine line) throws TraceTextException {
    if (!line.restIsSpace()) {
      throw new TraceTextException(line.number, line.nextColumn(), "unexpected text after the"
          + " arguments", "the end of the line", line.text.substring(line.pos).trim());
    }
  }

  private static void requireNoArgs(TextLine line) throws TraceTextException {
    requireEndOfLine(line);
  }

  /**
   * Parses an unsigned decimal as Go's {@code strconv.ParseUint(s, 10, 64)} does (digits only,
   * at most 2^64-1). Returns -1L both for 2^64-1 and for invalid input; callers tell them apart.
   */
  static long parseUnsigned(String s) {
    if (s.isEmpty() || s.length() > 20) {
      return -1L;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1L;
      }
      int d = c - '0';
      // v * 10 + d must not pass 2^64-1.
      if (Long.compareUnsigned(v, Long.divideUnsigned(-1L, 10)) > 0
          || (v == Long.divideUnsigned(-1L, 10) && d > 5)) {
        return -1L;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private TextLine nextLine() throws IOException {
    if (pending != null) {
      TextLine l = pending;
      pending = null;
      return l;
    }
    for (byte[] b = in.readLine(lineNumber + 1); b != null; b = in.readLine(lineNumber + 1)) {
      lineNumber++;
      TextLine line = new TextLine(b, lineNumber);
      lastLineLength = line.text.length();
      if (!line.isBlank()) {
        return line;
      }
    }
    return null;
  }

  /** The last line of the input, for errors at its end (line 1 for empty input). */
  private int endLine() {
    return Math.max(1, lineNumber);
  }

  /** The column just after the last character of the input. */
  private int endColumn() {
    return lastLineLength + 1;
  }

  private static String trimSpace(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && TextLine.isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && TextLine.isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static String quoteToken(String tok) {
    return tok == null ? "the end of the line" : tok;
  }
}
