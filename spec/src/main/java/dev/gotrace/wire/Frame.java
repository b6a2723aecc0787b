package dev.gotrace.wire;

/**
 * One frame of a stack-table entry, in wire order: program counter, function-name string id,
 * file-name string id, line. (Go's spec comment says "file, func"; the runtime, the parser and
 * the raw text format all use func then file.)
 */
public record Frame(long pc, long funcId, long fileId, long line) {
  @Override
  public String toString() {
    return "pc=" + Long.toUnsignedString(pc) + " func=" + Long.toUnsignedString(funcId) + " file="
        + Long.toUnsignedString(fileId) + " line=" + Long.toUnsignedString(line);
  }
}
