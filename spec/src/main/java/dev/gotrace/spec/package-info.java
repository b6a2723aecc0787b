/**
 * The format's one specification table and its versions: {@link dev.gotrace.spec.EventType} (every
 * event's wire number, name, arguments and kinds, as Go's {@code tracev2} table states them),
 * {@link dev.gotrace.spec.TraceVersion} (what each header version allows), the size limits and the
 * goroutine and proc status codes. Everything that reads or writes events builds on this table.
 */
package dev.gotrace.spec;
