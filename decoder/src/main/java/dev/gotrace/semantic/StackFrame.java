package dev.gotrace.semantic;

/**
 * One frame of a stack, leaf first.
 *
 * @param pc the program counter (unsigned)
 * @param function the function name ("" when the table says 0)
 * @param file the source file
 * @param line the line number (unsigned)
 */
public record StackFrame(long pc, String function, String file, long line) {}
